import { join } from 'node:path';
import { emailedCode, expect, profilePerson, test } from './fixtures';
import { secretsFoundIn } from './support/data-files';
import { loadProfile } from './support/profiles';
import { checkScreen } from './support/screen-check';

/**
 * ENT 77, "J'ai perdu mon mot de passe" (seeds/ent77-activation-compte.txt): the personal email
 * given at activation "permettra de recevoir un mail de réinitialisation du mot de passe en cas
 * d'oubli". From the help tree to a new password, with the code read from the email as received.
 */
const profile = loadProfile('ent77-college');
// Activated 5 days ago with an email on file (server/demo/profile-demo-people.ts).
const person = profilePerson('ent77-college', 'CODE_USED');
const login = person.identity['login'] ?? '';
const address = person.record?.contactEmail ?? '';
const masked = `${address.charAt(0)}***@${address.split('@')[1] ?? ''}`;
const NEW_PASSWORD = 'Vt3kq8Wz5Np2';

test('a pupil who lost the password gets a code by email and chooses a new one, checked live', async ({ page, frame, welcome, help, recovery, choose, mail, kiosk }, testInfo) => {
  await welcome.startHelp(profile.id);
  await expect(frame.heading).toHaveText('Besoin d\'aide pour votre compte ENT 77 ?');
  await expect(frame.heading).toBeFocused();
  await checkScreen(page, testInfo, 'ent77-recovery-01-help');
  await help.choose('J\'ai perdu mon mot de passe');
  await expect(frame.heading).toHaveText('J\'ai perdu mon mot de passe');
  await expect(help.main).toContainText('Un mail de réinitialisation est envoyé à l\'adresse personnelle renseignée lors de l\'activation.');
  await checkScreen(page, testInfo, 'ent77-recovery-02-help-node');
  await help.choose('Mot de passe oublié');

  await expect(frame.heading).toHaveText('Mot de passe oublié');
  await recovery.field('Identifiant').fill(login);
  await checkScreen(page, testInfo, 'ent77-recovery-03-request');
  await recovery.sendButton.click();

  // Masked destination, the same sentence whoever asks (issue 3, "Recovery").
  await expect(frame.heading).toHaveText('Consultez votre messagerie');
  await expect(recovery.main).toContainText(recovery.sentSentence(masked));
  await expect(recovery.main).not.toContainText(address);
  const message = await mail.waitFor((received) => received.to.includes(address));
  expect(message.text).toContain(login);
  const code = emailedCode(message.text);
  await recovery.code.fill(code);

  // The live checklist names each ENT 77 rule as it is met ("8 caractères minimum", "au moins
  // une lettre", "au moins un chiffre"), as on the activation's password screen.
  await choose.password.fill('vt3kq');
  await expect(choose.line('8 caractères minimum')).toContainText('(non respectée)');
  await expect(choose.line('au moins une lettre')).toContainText('(respectée)');
  await expect(choose.line('au moins un chiffre')).toContainText('(respectée)');
  await choose.password.fill('vtkqwznpab');
  await expect(choose.line('8 caractères minimum')).toContainText('(respectée)');
  await expect(choose.line('au moins un chiffre')).toContainText('(non respectée)');
  await choose.confirmation.fill('vtkqwznpab');
  await recovery.resetButton.click();
  await expect(choose.passwordError).toHaveText('Le mot de passe ne respecte pas : au moins un chiffre.');
  await expect(choose.password).toBeFocused();
  // "un bouton permet de le visualiser": the show/hide button works during a reset too.
  await choose.password.fill(NEW_PASSWORD);
  await expect(choose.line('au moins un chiffre')).toContainText('(respectée)');
  await choose.showPassword.click();
  await expect(choose.password).toHaveAttribute('type', 'text');
  await choose.showPassword.click();
  await expect(choose.password).toHaveAttribute('type', 'password');
  await choose.confirmation.fill(NEW_PASSWORD);
  await checkScreen(page, testInfo, 'ent77-recovery-04-reset');
  await recovery.resetButton.click();

  await expect(frame.heading).toHaveText('Votre mot de passe est changé');
  await expect(frame.heading).toBeFocused();
  await expect(recovery.login).toHaveText(login);
  await expect(recovery.main).toContainText('ne cochez jamais « Se souvenir de moi »');
  await expect(help.qrCode(profile.account.portalUrl)).toBeVisible();
  await expect(recovery.main).not.toContainText(NEW_PASSWORD);
  await checkScreen(page, testInfo, 'ent77-recovery-05-done');

  // Neither the new password nor the code nor the address reaches the kiosk's files in clear.
  expect(secretsFoundIn(join(kiosk.dataDir, 'kiosk'), [NEW_PASSWORD, code, code.replace('-', ''), address])).toEqual([]);

  await page.getByRole('button', { name: 'Terminer' }).click();
  await expect(frame.heading).toHaveText('Bienvenue');
  const left = await frame.visibleTextAndValues();
  for (const trace of [login, NEW_PASSWORD, code]) expect(left).not.toContain(trace);
});
