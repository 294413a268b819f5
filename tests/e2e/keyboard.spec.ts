import { expect, profilePerson, test } from './fixtures';
import { tabTo } from './support/keyboard';
import { loadProfile } from './support/profiles';
import { checkScreen } from './support/screen-check';

/**
 * ENT 77's happy path (seeds/ent77-activation-compte.txt) with the keyboard alone: Tab to move,
 * Space or Enter to press, the show/hide buttons and the charter box included. No click, no
 * `fill`: every character goes through the keyboard into the field that holds the focus.
 */
const profile = loadProfile('ent77-college');
const person = profilePerson('ent77-college', 'eligible');
const CHOSEN = 'Kq7vz2Lm4Tx9';
const EMAIL = 'manon.perso@example.org';

test('a pupil activates an ENT 77 account with the keyboard alone', async ({ page, frame, welcome, identity, choose, contact, done }, testInfo) => {
  await tabTo(page, welcome.profileButton(profile.id));
  await page.keyboard.press('Enter');

  await expect(frame.heading).toHaveText('Vos informations');
  await expect(frame.heading).toBeFocused();
  await tabTo(page, page.getByLabel('Identifiant', { exact: true }));
  await page.keyboard.type(person.identity['login'] ?? '');
  await tabTo(page, page.getByLabel('Code d\'activation', { exact: true }));
  await page.keyboard.type(person.identity['activationCode'] ?? '');
  await checkScreen(page, testInfo, 'keyboard-01-identity');
  await tabTo(page, identity.submitButton);
  await page.keyboard.press('Enter');

  await expect(frame.heading).toHaveText('Choisissez votre mot de passe');
  await expect(frame.heading).toBeFocused();
  await tabTo(page, choose.password);
  await page.keyboard.type(CHOSEN);
  await expect(choose.line('au moins un chiffre')).toContainText('(respectée)');
  // "un bouton permet de le visualiser": Space shows, Space hides again.
  await tabTo(page, choose.showPassword);
  await page.keyboard.press('Space');
  await expect(choose.password).toHaveAttribute('type', 'text');
  await expect(choose.password).toHaveValue(CHOSEN);
  await page.keyboard.press('Space');
  await expect(choose.password).toHaveAttribute('type', 'password');
  await tabTo(page, choose.confirmation);
  await page.keyboard.type(CHOSEN);
  const showConfirmation = page.getByRole('button', { name: /^(Afficher|Masquer) le mot de passe : Confirmez le nouveau mot de passe$/ });
  await tabTo(page, showConfirmation);
  await page.keyboard.press('Enter');
  await expect(choose.confirmation).toHaveAttribute('type', 'text');
  await page.keyboard.press('Enter');
  await expect(choose.confirmation).toHaveAttribute('type', 'password');
  await checkScreen(page, testInfo, 'keyboard-02-password');
  await tabTo(page, choose.continueButton);
  await page.keyboard.press('Enter');

  await expect(frame.heading).toHaveText('Coordonnées et charte');
  await expect(frame.heading).toBeFocused();
  await tabTo(page, contact.email);
  await page.keyboard.type(EMAIL);
  await tabTo(page, contact.terms);
  await page.keyboard.press('Space');
  await expect(contact.terms).toBeChecked();
  await expect(contact.activateButton).not.toHaveAttribute('aria-disabled', 'true');
  await checkScreen(page, testInfo, 'keyboard-03-contact');
  await tabTo(page, contact.activateButton);
  await page.keyboard.press('Enter');

  await expect(frame.heading).toHaveText('Votre compte est activé');
  await expect(frame.heading).toBeFocused();
  await expect(done.login).toHaveText(person.identity['login'] ?? '');
  await checkScreen(page, testInfo, 'keyboard-04-done');
  await tabTo(page, done.finishButton);
  await page.keyboard.press('Enter');
  await expect(frame.heading).toHaveText('Bienvenue');
  expect(await frame.visibleTextAndValues()).not.toContain(person.identity['login'] ?? '');
});
