import { emailedCode, expect, profilePerson, test } from './fixtures';
import { writeHappyPathFigures } from './support/happy-path-figures';
import { loadProfile } from './support/profiles';
import { checkScreen } from './support/screen-check';

/**
 * Université de Montpellier (seeds/umontpellier-compte-informatique.txt): own password (12
 * advised, no dictionary word), confirmed by the emailed code sent to the address on file.
 */
const profile = loadProfile('um-etudiant');
const person = profilePerson('um-etudiant', 'eligible');
const CHOSEN = 'Kq7vz2Lm4Tx9';

test('a student activates, finishing with the code from the email sent to the address on file', async ({ page, frame, welcome, identity, choose, emailCode, done, mail, figures }, testInfo) => {
  await figures.reached(frame.heading);
  await welcome.start(profile.id);
  await expect(frame.heading).toHaveText('Vos informations');
  await figures.reached(frame.heading);
  await identity.fillFields(profile, person.identity);
  await identity.submit();

  await expect(frame.heading).toHaveText('Choisissez votre mot de passe');
  await figures.reached(frame.heading);
  await choose.password.fill('Kq7vz2Lm');
  // "8 caractères minimum mais 12 recommandés": advice, never a verdict.
  await expect(choose.line('12 caractères recommandés')).toContainText('(conseil)');
  await expect(choose.line('aucun des caractères < > " \' $')).toContainText('(respectée)');
  await expect(choose.line('pas un mot du dictionnaire')).toContainText('(respectée)');
  await checkScreen(page, testInfo, 'um-01-password');
  await choose.choose(CHOSEN);

  await expect(frame.heading).toHaveText('Confirmez votre adresse mail');
  await figures.reached(frame.heading);
  const email = person.record?.personalEmail ?? '';
  await expect(emailCode.main).toContainText(`Un message a été envoyé à ${email.charAt(0)}***@${email.split('@')[1] ?? ''}.`);
  await expect(emailCode.main).not.toContainText(email);
  await emailCode.help.click();
  await expect(emailCode.main).toContainText('l’adresse de messagerie personnelle indiquée lors de votre inscription');
  await expect(emailCode.main).toContainText('« 1ère connexion »');
  await checkScreen(page, testInfo, 'um-02-email-code');
  const message = await mail.waitFor((received) => received.to.includes(email));
  await emailCode.confirm(emailedCode(message.text));

  await expect(frame.heading).toHaveText('Votre compte est activé');
  await figures.reached(frame.heading);
  await expect(done.login).toHaveText(person.identity['studentNumber'] ?? '');
  await expect(done.main).toContainText('jusqu’au 31/12'.replace('’', "'"));
  await expect(page.getByRole('img', { name: `QR code : ${profile.account.enrollmentStatusUrl ?? ''}` })).toBeVisible();
  await expect(done.main).not.toContainText(CHOSEN);
  await checkScreen(page, testInfo, 'um-03-done');
  writeHappyPathFigures(profile.id, figures, 'chooser → nom, date de naissance, numéro étudiant → password ×2 → code from the email → done');
});

test('a dictionary word is refused by the back end, and "Continuer" names the rule', async ({ page, frame, welcome, identity, choose }, testInfo) => {
  await welcome.start(profile.id);
  await identity.fillFields(profile, person.identity);
  await identity.submit();
  await expect(frame.heading).toHaveText('Choisissez votre mot de passe');
  await choose.password.fill('soleil2024');
  // The page cannot tell (no dictionary in the renderer); the back end's answer fills the line in.
  await expect(choose.line('pas un mot du dictionnaire')).toContainText('(non respectée)');
  await choose.confirmation.fill('soleil2024');
  await choose.continueButton.click();
  await expect(choose.passwordError).toHaveText('Le mot de passe ne respecte pas : pas un mot du dictionnaire.');
  await expect(frame.heading).toHaveText('Choisissez votre mot de passe');
  await checkScreen(page, testInfo, 'um-dictionary-refused');
});

test('paid ten minutes ago: says when, 15 minutes after payment', async ({ page, frame, welcome, identity, outcome }, testInfo) => {
  await welcome.start(profile.id);
  await identity.fillFields(profile, profilePerson('um-etudiant', 'NOT_YET_OPEN').identity);
  await identity.submit();
  await expect(frame.heading).toHaveText('Votre compte ne peut pas encore être activé');
  await expect(outcome.main).toContainText(/Vous pourrez l’activer à partir du .+ à \d{2} h \d{2}\./);
  await expect(outcome.main).toContainText('15 minutes après le paiement de votre inscription');
  await checkScreen(page, testInfo, 'um-not-yet-open');
});
