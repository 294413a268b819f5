import { expect, profilePerson, test } from './fixtures';
import { writeHappyPathFigures } from './support/happy-path-figures';
import { loadProfile } from './support/profiles';
import { checkScreen } from './support/screen-check';

/** Île-de-France high schools, case 1 (seeds/idf-lycee-probleme-acces.txt): identifier + provisional password. */
const profile = loadProfile('idf-lycee');
const person = profilePerson('idf-lycee', 'eligible');
const CHOSEN = 'Kq7vz2Lm4Tx9';

test('case 1: a pupil replaces the provisional password and gives a valid email', async ({ page, frame, welcome, identity, choose, contact, done, figures }, testInfo) => {
  await figures.reached(frame.heading);
  await welcome.start(profile.id);
  // The seed begins with "which letter did you receive?"; only case 1 leads to the activation.
  await expect(frame.heading).toHaveText('Quel courrier avez-vous reçu ?');
  await figures.reached(frame.heading);
  await figures.tap(page.getByRole('button', { name: /^Cas 1 :/ }));
  await expect(frame.heading).toHaveText('Cas 1 : identifiant et mot de passe provisoire');
  await figures.reached(frame.heading);
  await figures.tap(page.getByRole('button', { name: 'Commencer', exact: true }));
  await expect(frame.heading).toHaveText('Vos informations');
  await figures.reached(frame.heading);
  await identity.fillFields(profile, person.identity);
  const provisional = page.getByLabel('Mot de passe provisoire', { exact: true });
  await expect(provisional).toHaveAttribute('type', 'password');
  await page.getByRole('button', { name: 'Afficher le mot de passe : Mot de passe provisoire' }).click();
  await expect(provisional).toHaveAttribute('type', 'text');
  await checkScreen(page, testInfo, 'idf-01-identity');
  await identity.submit();

  await expect(frame.heading).toHaveText('Choisissez votre mot de passe');
  await figures.reached(frame.heading);
  await choose.choose(CHOSEN);

  await expect(frame.heading).toHaveText('Vos coordonnées');
  await figures.reached(frame.heading);
  await contact.fillEmail('chloe.perso@example.org');
  await checkScreen(page, testInfo, 'idf-02-contact');
  await contact.activate();

  await expect(frame.heading).toHaveText('Votre compte est activé');
  await figures.reached(frame.heading);
  await expect(done.login).toHaveText(person.identity['login'] ?? '');
  await expect(done.main).toContainText('Le mot de passe provisoire fourni par l’établissement n’est plus valable');
  await checkScreen(page, testInfo, 'idf-03-done');
  writeHappyPathFigures(profile.id, figures, 'chooser → which letter (case 1) → case 1 steps → identifier + provisional password → password ×2 → email → done');
});
