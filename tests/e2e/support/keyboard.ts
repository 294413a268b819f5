import { expect, type Locator, type Page } from '@playwright/test';

/** Enough Tab presses to cross any screen of the wizard; more means the control is unreachable. */
const MAX_TABS = 40;

/**
 * Presses Tab until `target` holds the focus, as a person without a mouse would, and checks the
 * focus shows (`:focus-visible`, WCAG 2.4.7). Returns how many presses it took; fails when the
 * control cannot be reached from the keyboard.
 */
export async function tabTo(page: Page, target: Locator): Promise<number> {
  for (let presses = 1; presses <= MAX_TABS; presses += 1) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((element) => element.matches(':focus'))) {
      expect(await target.evaluate((element) => element.matches(':focus-visible')), 'keyboard focus must be visible').toBe(true);
      return presses;
    }
  }
  throw new Error(`not reachable with Tab in ${MAX_TABS} presses: ${String(target)}`);
}
