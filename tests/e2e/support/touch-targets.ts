import type { Page } from '@playwright/test';

/** WCAG 2.5.5: 44 × 44 CSS px for anything a finger must hit. */
const FINGER_PX = 44;

/**
 * The visible controls smaller than a finger, named with their size. A box or radio inside its
 * label is measured with the label, since a tap anywhere on the label toggles it.
 */
export async function smallTargets(page: Page): Promise<string[]> {
  const controls = page.locator('button:visible, input:visible, select:visible, textarea:visible');
  const small: string[] = [];
  for (const control of await controls.all()) {
    const wrapping = control.locator('xpath=ancestor::label[1]');
    const target = (await wrapping.count()) > 0 ? wrapping : control;
    const box = await target.boundingBox();
    if (box && (box.width < FINGER_PX || box.height < FINGER_PX)) {
      const name = (await control.getAttribute('aria-label')) ?? (await control.textContent()) ?? (await control.getAttribute('id'));
      small.push(`${name?.trim()} (${Math.round(box.width)}×${Math.round(box.height)})`);
    }
  }
  return small;
}
