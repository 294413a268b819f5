import { emailedCode, expect, profilePerson, test } from './fixtures';
import { loadProfile } from './support/profiles';
import { checkScreen } from './support/screen-check';

/**
 * Scolarité Services' "J'ai égaré mon identifiant" / "J'ai égaré mon mot de passe"
 * (seeds/parents-scolarite-services.txt), answered the same way whether or not anyone matches.
 */
const profile = loadProfile('parents-scolarite');
const person = profilePerson('parents-scolarite', 'CODE_USED');
const address = person.record?.contactEmail ?? '';
const masked = `${address.charAt(0)}***@${address.split('@')[1] ?? ''}`;

test('forgot identifier: the child\'s birth date and the email given at activation; the identifier arrives by email', async ({ page, frame, welcome, help, recovery, mail }, testInfo) => {
  await welcome.startHelp(profile.id);
  await expect(frame.heading).toHaveText('Besoin d\'aide avec votre compte Scolarité Services ?');
  await help.choose('J\'ai égaré mon identifiant');
  await help.choose('Identifiant oublié');
  await expect(frame.heading).toHaveText('Identifiant oublié');
  await recovery.fillDate('Date de naissance de votre enfant', person.identity['childBirthDate'] ?? '');
  await recovery.email.fill('pas-une-adresse');
  await recovery.sendButton.click();
  await expect(recovery.main).toContainText('Cette adresse mail n’est pas valide');
  await expect(recovery.email).toBeFocused();
  await checkScreen(page, testInfo, 'parents-recovery-identifier');
  await recovery.email.fill(address);
  await recovery.sendButton.click();

  await expect(frame.heading).toHaveText('Consultez votre messagerie');
  await expect(recovery.main).toContainText(recovery.sentSentence(masked));
  await expect(recovery.main).toContainText('l’identifiant n’est pas modifiable');
  await checkScreen(page, testInfo, 'parents-recovery-identifier-sent');
  const message = await mail.waitFor((received) => received.to.includes(address));
  expect(message.text).toContain(person.identity['login'] ?? '');
});

test('forgot password: the identifier, then the code from the email and a new password of 8 to 14 characters', async ({ page, frame, welcome, help, recovery, choose, mail }, testInfo) => {
  await welcome.startHelp(profile.id);
  await help.choose('J\'ai égaré mon mot de passe');
  await help.choose('Mot de passe oublié');
  await recovery.field('Identifiant').fill(person.identity['login'] ?? '');
  await recovery.sendButton.click();
  await expect(recovery.main).toContainText(recovery.sentSentence(masked));
  const message = await mail.waitFor((received) => received.to.includes(address));
  await recovery.code.fill(emailedCode(message.text));
  await choose.password.fill('Kq7vz2Lm4Tx9Ab3');
  await expect(choose.line('14 caractères maximum')).toContainText('(non respectée)');
  await choose.confirmation.fill('Kq7vz2Lm4Tx9Ab3');
  await recovery.resetButton.click();
  await expect(choose.passwordError).toHaveText('Le mot de passe ne respecte pas : 14 caractères maximum.');
  await expect(choose.password).toBeFocused();
  await choose.password.fill('Kq7vz2Lm4T');
  await choose.confirmation.fill('Kq7vz2Lm4T');
  await recovery.resetButton.click();
  await expect(frame.heading).toHaveText('Votre mot de passe est changé');
  await expect(recovery.login).toHaveText(person.identity['login'] ?? '');
  await checkScreen(page, testInfo, 'parents-recovery-password-done');
});

test('a recovery for nobody shows the same screen and the same sentence', async ({ frame, welcome, help, recovery }) => {
  await welcome.startHelp(profile.id);
  await help.choose('J\'ai égaré mon mot de passe');
  await help.choose('Mot de passe oublié');
  await recovery.field('Identifiant').fill('z.personne99');
  await recovery.sendButton.click();
  await expect(frame.heading).toHaveText('Consultez votre messagerie');
  await expect(recovery.main).toContainText(/Si un compte correspond, un message a été envoyé à .\*\*\*@.+\./);
  await expect(recovery.main).not.toContainText(/introuvable|inconnu|n’existe pas/);
  await expect(recovery.code).toBeVisible();
});
