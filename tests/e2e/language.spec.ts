import { expect, test } from './fixtures';
import { tabTo } from './support/keyboard';
import { checkScreen } from './support/screen-check';

test('the language switches live, sets <html lang>, and resets for the next person', async ({ page, frame, welcome, identity }, testInfo) => {
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await frame.chooseLanguage('English');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(frame.heading).toHaveText('Welcome');
  await expect(frame.languageButton('English')).toHaveAttribute('aria-pressed', 'true');
  await checkScreen(page, testInfo, 'welcome-en');

  await welcome.start();
  await expect(frame.heading).toHaveText('Your details');
  await expect(page.getByLabel('Last name', { exact: true })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Date of birth' }).getByLabel('Day')).toBeVisible();
  await checkScreen(page, testInfo, 'identity-en');

  // Switching back mid-form keeps what was typed.
  await page.getByLabel('Last name', { exact: true }).fill('Dupont');
  await frame.chooseLanguage('Français');
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(identity.lastName).toHaveValue('Dupont');

  await frame.chooseLanguage('English');
  await frame.quit();
  await expect(frame.heading).toHaveText('Bienvenue');
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
});

test('the whole flow is reachable with the keyboard alone', async ({ page, frame }) => {
  // Welcome: Tab to the primary button, Enter.
  const activate = page.getByRole('button', { name: 'Activer mon compte numérique' });
  await tabTo(page, activate);
  await page.keyboard.press('Enter');
  await expect(frame.heading).toHaveText('Vos informations');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('region', { name: /à corriger/ })).toBeVisible();
});
