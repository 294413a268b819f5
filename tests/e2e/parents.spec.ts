import { emailedCode, expect, profilePerson, test } from './fixtures';
import { writeHappyPathFigures } from './support/happy-path-figures';
import { loadProfile } from './support/profiles';
import { checkScreen } from './support/screen-check';

/**
 * Scolarité Services (seeds/parents-scolarite-services.txt): identifier + letter password, the
 * child's birth date, a personal email, a new password of 8 to 14 characters, then the email.
 */
const profile = loadProfile('parents-scolarite');
const person = profilePerson('parents-scolarite', 'eligible');
const CHOSEN = 'Kq7vz2Lm4Tx9';
const EMAIL = 'parent.girard@example.org';

test('a parent activates with the letter, then the code from the email sent to the address typed', async ({ page, frame, welcome, identity, choose, contact, emailCode, done, mail, figures }, testInfo) => {
  await figures.reached(frame.heading);
  await welcome.start(profile.id);
  await expect(frame.heading).toHaveText('Vos informations');
  await figures.reached(frame.heading);
  await identity.fillFields(profile, person.identity);
  await expect(page.getByLabel('Mot de passe du courrier', { exact: true })).toHaveAttribute('type', 'password');
  await checkScreen(page, testInfo, 'parents-01-identity');
  await identity.submit();

  await expect(frame.heading).toHaveText('Choisissez votre mot de passe');
  await figures.reached(frame.heading);
  await choose.password.fill(person.identity['letterPassword'] ?? '');
  await expect(choose.line('différent du mot de passe du courrier')).toContainText('(non respectée)');
  await choose.password.fill('Kq7vz2Lm4Tx9Ab3');
  await expect(choose.line('14 caractères maximum')).toContainText('(non respectée)');
  await choose.choose(CHOSEN);

  await expect(frame.heading).toHaveText('Vos coordonnées');
  await figures.reached(frame.heading);
  // A detour (no email yet), pressed past the counter like the wrong code below.
  await contact.activateButton.click();
  await expect(page.getByText('Indiquez votre adresse mail personnelle : elle est obligatoire.')).toBeVisible();
  await expect(contact.email).toBeFocused();
  await checkScreen(page, testInfo, 'parents-02-contact');
  await contact.fillEmail(EMAIL);
  await contact.activate();

  await expect(frame.heading).toHaveText('Confirmez votre adresse mail');
  await figures.reached(frame.heading);
  await expect(emailCode.main).toContainText('Un message a été envoyé à p***@example.org.');
  const first = await mail.waitFor((received) => received.to.includes(EMAIL));
  // A wrong code is explained; "Renvoyer le message" sends a new code and voids the old one.
  await emailCode.code.fill('AAA-AAA');
  await emailCode.validateButton.click();
  await expect(emailCode.problem).toContainText('Ce code ne correspond pas');
  await emailCode.resendButton.click();
  await expect(emailCode.main).toContainText('Un nouveau message a été envoyé à p***@example.org.');
  await expect(emailCode.main).toContainText(`Renvois encore possibles : ${(profile.emailProof?.resends ?? 0) - 1}.`);
  const second = await mail.waitFor((received) => received !== first && received.to.includes(EMAIL));
  await checkScreen(page, testInfo, 'parents-03-email-code');
  await emailCode.code.fill(emailedCode(first.text));
  await emailCode.validateButton.click();
  await expect(emailCode.problem).toBeVisible();
  await emailCode.confirm(emailedCode(second.text).toLowerCase().replace('-', ' '));

  await expect(frame.heading).toHaveText('Votre compte est activé');
  await figures.reached(frame.heading);
  await expect(done.login).toHaveText(person.identity['login'] ?? '');
  await expect(done.main).toContainText('l’identifiant n’est pas modifiable');
  await checkScreen(page, testInfo, 'parents-04-done');
  writeHappyPathFigures(
    profile.id,
    figures,
    'chooser → identifier, letter password, child birth date → password ×2 → email → code from the email → done (the wrong code and the resend tried on the way are not counted)',
  );
});

test('a deactivated account sends the parent to the school', async ({ page, frame, welcome, identity, outcome }, testInfo) => {
  await welcome.start(profile.id);
  await identity.fillFields(profile, profilePerson('parents-scolarite', 'ACCOUNT_DEACTIVATED').identity);
  await identity.submit();
  await expect(frame.heading).toHaveText('Votre compte est désactivé');
  await expect(outcome.main).toContainText('Contactez votre établissement afin de faire vérifier votre compte');
  await expect(outcome.main).toContainText('Le secrétariat de l’établissement'.replace('’', "'"));
  await checkScreen(page, testInfo, 'parents-deactivated');
});
