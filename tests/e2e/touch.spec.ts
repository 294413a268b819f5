import type { Page } from '@playwright/test';
import { demoPerson, expect, test } from './fixtures';
import { checkScreen } from './support/screen-check';

/**
 * The registrar's desk touch screen: portrait, no mouse, no physical keyboard. Every step is
 * reached by tapping, and every control is big enough for a finger (WCAG 2.5.5: 44 × 44 CSS px).
 */
test.use({ hasTouch: true, viewport: { width: 1080, height: 1920 } });

const FINGER_PX = 44;

async function smallTargets(page: Page): Promise<string[]> {
  const controls = page.locator('button:visible, input:visible');
  const small: string[] = [];
  for (const control of await controls.all()) {
    const box = await control.boundingBox();
    if (box && (box.width < FINGER_PX || box.height < FINGER_PX)) {
      const name = (await control.getAttribute('aria-label')) ?? (await control.textContent()) ?? (await control.getAttribute('id'));
      small.push(`${name?.trim()} (${Math.round(box.width)}×${Math.round(box.height)})`);
    }
  }
  return small;
}

test('a student activates by tapping alone on a portrait touch screen', async ({ page, frame, welcome, identity, password, done }, testInfo) => {
  const person = demoPerson('eligible');
  expect(await smallTargets(page)).toEqual([]);
  await checkScreen(page, testInfo, 'touch-welcome');

  await welcome.activateButton.tap();
  await expect(frame.heading).toHaveText('Vos informations');
  expect(await smallTargets(page)).toEqual([]);
  await identity.fill(person.identity);
  await identity.submitButton.tap();

  await expect(frame.heading).toHaveText('Votre mot de passe');
  expect(await smallTargets(page)).toEqual([]);
  const generated = await password.readPassword();
  await password.typedInput.tap();
  await password.typedInput.fill(generated);
  await password.confirmButton.tap();

  await expect(frame.heading).toHaveText('Votre compte numérique est activé');
  expect(await smallTargets(page)).toEqual([]);
  await checkScreen(page, testInfo, 'touch-done');
  await page.getByRole('button', { name: 'Terminer' }).tap();
  await expect(frame.heading).toHaveText('Bienvenue');
  await expect(done.main).not.toContainText(person.identity.lastName);
});
