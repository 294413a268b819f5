import type { Locator } from '@playwright/test';
import { demoPerson, expect, profilePerson, test } from './fixtures';
import { loadProfile } from './support/profiles';
import { checkScreen } from './support/screen-check';
import { smallTargets } from './support/touch-targets';

/**
 * The registrar's desk touch screen: portrait, no mouse, no physical keyboard. Every step is
 * reached by tapping, and every control is big enough for a finger (WCAG 2.5.5: 44 × 44 CSS px).
 */
test.use({ hasTouch: true, viewport: { width: 1080, height: 1920 } });

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

test('a pupil activates an ENT 77 account by tapping alone, show/hide and the charter box included', async ({ page, frame, welcome, choose, contact, done }, testInfo) => {
  // seeds/ent77-activation-compte.txt: identifier + code, a chosen password typed twice, email, charter.
  const profile = loadProfile('ent77-college');
  const person = profilePerson('ent77-college', 'eligible');
  const chosen = 'Kq7vz2Lm4Tx9';
  /** A field is tapped first, then typed into from the on-screen keyboard. */
  async function tapAndType(field: Locator, value: string): Promise<void> {
    await field.tap();
    await expect(field).toBeFocused();
    await field.fill(value);
  }
  expect(await smallTargets(page)).toEqual([]);
  await welcome.profileButton(profile.id).tap();

  await expect(frame.heading).toHaveText('Vos informations');
  await tapAndType(page.getByLabel('Identifiant', { exact: true }), person.identity['login'] ?? '');
  await tapAndType(page.getByLabel('Code d\'activation', { exact: true }), person.identity['activationCode'] ?? '');
  expect(await smallTargets(page)).toEqual([]);
  await checkScreen(page, testInfo, 'touch-ent77-01-identity');
  await page.getByRole('button', { name: 'Continuer' }).tap();

  await expect(frame.heading).toHaveText('Choisissez votre mot de passe');
  await tapAndType(choose.password, chosen);
  await choose.showPassword.tap();
  await expect(choose.password).toHaveAttribute('type', 'text');
  await choose.showPassword.tap();
  await expect(choose.password).toHaveAttribute('type', 'password');
  await tapAndType(choose.confirmation, chosen);
  await expect(choose.line('au moins un chiffre')).toContainText('(respectée)');
  expect(await smallTargets(page)).toEqual([]);
  await checkScreen(page, testInfo, 'touch-ent77-02-password');
  await choose.continueButton.tap();

  await expect(frame.heading).toHaveText('Coordonnées et charte');
  await tapAndType(contact.email, 'manon.perso@example.org');
  await contact.terms.tap();
  await expect(contact.terms).toBeChecked();
  expect(await smallTargets(page)).toEqual([]);
  await checkScreen(page, testInfo, 'touch-ent77-03-contact');
  await contact.activateButton.tap();

  await expect(frame.heading).toHaveText('Votre compte est activé');
  await expect(done.login).toHaveText(person.identity['login'] ?? '');
  expect(await smallTargets(page)).toEqual([]);
  await checkScreen(page, testInfo, 'touch-ent77-04-done');
  await done.finishButton.tap();
  await expect(frame.heading).toHaveText('Bienvenue');
});
