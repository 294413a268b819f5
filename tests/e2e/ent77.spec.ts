import type { Page } from '@playwright/test';
import { expect, profilePerson, test } from './fixtures';
import type { ChoosePasswordPage } from './pages/choose-password-page';
import type { ContactPage } from './pages/contact-page';
import type { IdentityPage } from './pages/identity-page';
import type { KioskFrame } from './pages/kiosk-frame';
import type { WelcomePage } from './pages/welcome-page';
import { writeHappyPathFigures } from './support/happy-path-figures';
import { loadProfile } from './support/profiles';
import { checkScreen } from './support/screen-check';

/** ENT 77 (seeds/ent77-activation-compte.txt): identifier + code → own password → email, mobile, charter. */
const profile = loadProfile('ent77-college');
const person = profilePerson('ent77-college', 'eligible');
const CHOSEN = 'Kq7vz2Lm4Tx9';

interface Steps {
  page: Page;
  frame: KioskFrame;
  welcome: WelcomePage;
  identity: IdentityPage;
  choose: ChoosePasswordPage;
  contact: ContactPage;
}

/** The whole activation, straight through, for the code-reuse test. */
async function activate({ frame, welcome, identity, choose, contact }: Steps): Promise<void> {
  await welcome.start(profile.id);
  await identity.fillFields(profile, person.identity);
  await identity.submit();
  await expect(frame.heading).toHaveText('Choisissez votre mot de passe');
  await choose.choose(CHOSEN);
  await contact.fillEmail('manon.perso@example.org');
  await contact.acceptTerms();
  await contact.activate();
  await expect(frame.heading).toHaveText('Votre compte est activé');
}

test('a pupil activates with the letter\'s identifier and code, a checked password, email, mobile and the charter', async ({ page, frame, welcome, identity, choose, contact, done, figures }, testInfo) => {
  await expect(welcome.personas).toBeVisible();
  await expect(welcome.personas.getByRole('button')).toHaveCount(5);
  await checkScreen(page, testInfo, 'ent77-01-chooser');
  await figures.reached(frame.heading);

  await welcome.start(profile.id);
  await expect(frame.heading).toHaveText('Vos informations');
  await figures.reached(frame.heading);
  await expect(page.getByText('Tel qu’il figure sur le courrier, sous la forme prénom.nom.')).toBeVisible();
  await expect(page.getByLabel('Identifiant', { exact: true })).toHaveAttribute('autocapitalize', 'off');
  await identity.fillFields(profile, person.identity);
  await checkScreen(page, testInfo, 'ent77-02-identity');
  await identity.submit();

  await expect(frame.heading).toHaveText('Choisissez votre mot de passe');
  await figures.reached(frame.heading);
  // The checklist ticks rules as they are met, in words.
  await choose.password.fill('abc');
  await expect(choose.line('au moins une lettre')).toContainText('(respectée)');
  await expect(choose.line('au moins un chiffre')).toContainText('(non respectée)');
  await expect(choose.line('8 caractères minimum')).toContainText('(non respectée)');
  await choose.password.fill('manon2024x');
  await expect(choose.line('ne contient ni votre nom')).toContainText('(non respectée)');
  // "un bouton permet de le visualiser".
  await expect(choose.password).toHaveAttribute('type', 'password');
  await choose.showPassword.click();
  await expect(choose.password).toHaveAttribute('type', 'text');
  await choose.showPassword.click();
  await expect(choose.password).toHaveAttribute('type', 'password');
  // "Continuer" with a failing rule names it, and the confirmation must match.
  await choose.password.fill('abcdefgh');
  await choose.confirmation.fill('abcdefgh');
  await choose.continueButton.click();
  await expect(choose.passwordError).toHaveText('Le mot de passe ne respecte pas : au moins un chiffre.');
  await expect(choose.password).toBeFocused();
  await choose.password.fill(CHOSEN);
  await choose.confirmation.fill(`${CHOSEN}x`);
  await choose.continueButton.click();
  await expect(choose.confirmationError).toContainText('Les deux saisies ne sont pas identiques');
  await checkScreen(page, testInfo, 'ent77-03-password');
  await choose.choose(CHOSEN);

  await expect(frame.heading).toHaveText('Coordonnées et charte');
  await figures.reached(frame.heading);
  await expect(page.getByText(profile.contact?.why.fr ?? '')).toBeVisible();
  await contact.fillEmail('manon.perso@example.org');
  await contact.fillMobile('06 12 34 56 78');
  // "Activer" looks unavailable until the box is ticked, yet answers and says why.
  await expect(contact.activateButton).toHaveAttribute('aria-disabled', 'true');
  await expect(contact.lockedNote).toBeVisible();
  // Reached and pressed from the keyboard (a pointer press is the same event).
  await contact.activateButton.focus();
  await expect(contact.activateButton).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByText('Cochez la case pour accepter la charte')).toBeVisible();
  await expect(contact.terms).toBeFocused();
  await checkScreen(page, testInfo, 'ent77-04-contact');
  await contact.acceptTerms();
  await expect(contact.activateButton).not.toHaveAttribute('aria-disabled', 'true');
  await contact.activate();

  await expect(frame.heading).toHaveText('Votre compte est activé');
  await figures.reached(frame.heading);
  await expect(done.login).toHaveText(person.identity['login'] ?? '');
  await expect(done.main).toContainText('l’identifiant n’est pas modifiable');
  await expect(done.main).toContainText(/Le code d['’]activation fourni par l’établissement n’est plus valable/);
  await expect(done.main).toContainText('ne cochez jamais « Se souvenir de moi »');
  await expect(page.getByRole('img', { name: `QR code : ${profile.account.portalUrl}` })).toBeVisible();
  await expect(done.main).not.toContainText(CHOSEN);
  await expect(page.getByRole('link')).toHaveCount(0);
  await checkScreen(page, testInfo, 'ent77-05-done');
  writeHappyPathFigures(profile.id, figures, 'chooser → identifier + code → password ×2 → email + mobile + charter → done');

  await done.finish();
  await expect(frame.heading).toHaveText('Bienvenue');
  expect(await frame.visibleTextAndValues()).not.toContain(person.identity['login'] ?? '');
});

test('the code is void once used: a second run is refused and says so', async ({ page, frame, welcome, identity, choose, contact, done, outcome }, testInfo) => {
  await activate({ page, frame, welcome, identity, choose, contact });
  await done.finish();

  await welcome.start(profile.id);
  await identity.fillFields(profile, person.identity);
  await identity.submit();
  await expect(frame.heading).toHaveText(/^Votre code d['’]activation a déjà servi$/);
  await expect(outcome.main).toContainText('connectez-vous avec votre identifiant et votre mot de passe personnel');
  await expect(outcome.qrCode(profile.account.portalUrl)).toBeVisible();
  await checkScreen(page, testInfo, 'ent77-code-used');
});

test('a wrong code gets the letter\'s checks and the school, never whether the pupil exists', async ({ page, frame, welcome, identity, outcome }, testInfo) => {
  const stranger = profilePerson('ent77-college', 'IDENTITY_MISMATCH');
  await welcome.start(profile.id);
  await identity.fillFields(profile, stranger.identity);
  await identity.submit();
  await expect(frame.heading).toHaveText('Nous ne pouvons pas activer votre compte avec ces informations');
  await expect(outcome.main).toContainText('Vérifiez chaque information telle qu’elle figure sur le courrier');
  await expect(outcome.main).toContainText('sous la forme prénom.nom');
  await checkScreen(page, testInfo, 'ent77-identity-mismatch');
  await outcome.correct();
  await expect(identity.submitButton).toBeVisible();
});
