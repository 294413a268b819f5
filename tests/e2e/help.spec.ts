import { emailedCode, expect, profilePerson, test } from './fixtures';
import { loadProfile } from './support/profiles';
import { checkScreen } from './support/screen-check';

/**
 * The guided help (issue 3): each seed's troubleshooting as a path of choices ending in
 * something to do. idf-lycee opens on "Quel courrier avez-vous reçu ?" (seeds/idf-lycee-…txt).
 */
const idf = loadProfile('idf-lycee');
const cergy = loadProfile('cergy-etudiant');
const NEW_PASSWORD = 'Kq7vz2Lm4Tx9';

test('idf Cas 2: the portal to check, then "mot de passe oublié", the code from the email and a new password', async ({ page, frame, welcome, help, recovery, choose, mail }, testInfo) => {
  const person = profilePerson('idf-lycee', 'PASSWORD_RECOVERY');
  const address = person.record?.personalEmail ?? '';
  await welcome.start(idf.id);
  await expect(frame.heading).toHaveText('Quel courrier avez-vous reçu ?');
  await expect(frame.heading).toBeFocused();
  await checkScreen(page, testInfo, 'idf-help-01-start');

  await help.choose('Cas 2 : un identifiant, mais aucun mot de passe');
  await expect(frame.heading).toHaveText('Cas 2 : un identifiant, sans mot de passe');
  await expect(frame.heading).toBeFocused();
  await expect(help.steps.getByRole('listitem').first()).toContainText('https://ent.iledefrance.fr');
  await expect(help.qrCode('https://ent.iledefrance.fr')).toBeVisible();
  await expect(page.getByRole('link')).toHaveCount(0);
  await checkScreen(page, testInfo, 'idf-help-02-case-2');
  await help.choose('La connexion échoue après plusieurs tentatives');
  await expect(frame.heading).toHaveText('Réinitialiser le mot de passe');
  await help.choose('Mot de passe oublié');

  await expect(frame.heading).toHaveText('Mot de passe oublié');
  await recovery.sendButton.click();
  await expect(recovery.main).toContainText('Indiquez votre identifiant, tel qu’il figure sur le courrier.');
  await expect(recovery.field('Identifiant')).toBeFocused();
  await recovery.field('Identifiant').fill(person.identity['login'] ?? '');
  await checkScreen(page, testInfo, 'idf-help-03-recovery');
  await recovery.sendButton.click();

  await expect(frame.heading).toHaveText('Consultez votre messagerie');
  await expect(recovery.main).toContainText(recovery.sentSentence(`${address.charAt(0)}***@${address.split('@')[1] ?? ''}`));
  await expect(recovery.main).not.toContainText(address);
  // "ET SI ?…": no email means a wrong address; the teacher and the lycée, from the help data.
  await recovery.noMail.click();
  await expect(recovery.main).toContainText('l’adresse mail renseignée est incorrecte');
  await expect(recovery.main).toContainText('Le professeur principal de la classe');
  await expect(help.qrCode('campus.coulommiers@ac-creteil.fr')).toBeVisible();
  const message = await mail.waitFor((received) => received.to.includes(address));
  await recovery.code.fill('AAA-AAA');
  await choose.password.fill(NEW_PASSWORD);
  await choose.confirmation.fill(NEW_PASSWORD);
  await recovery.resetButton.click();
  await expect(recovery.codeProblem).toContainText('Ce code ne correspond pas');
  await expect(recovery.code).toBeFocused();
  // The live checklist works during a recovery, as on the activation's password screen.
  await choose.password.fill('abc');
  await expect(choose.line('au moins un chiffre')).toContainText('(non respectée)');
  await choose.password.fill(NEW_PASSWORD);
  await expect(choose.line('au moins un chiffre')).toContainText('(respectée)');
  await checkScreen(page, testInfo, 'idf-help-04-reset');
  await recovery.code.fill(emailedCode(message.text));
  await recovery.resetButton.click();

  await expect(frame.heading).toHaveText('Votre mot de passe est changé');
  await expect(recovery.login).toHaveText(person.identity['login'] ?? '');
  await expect(recovery.main).not.toContainText(NEW_PASSWORD);
  await checkScreen(page, testInfo, 'idf-help-05-reset-done');
  await page.getByRole('button', { name: 'Terminer' }).click();
  await expect(frame.heading).toHaveText('Bienvenue');
});

test('idf Cas 3 ends on the professeur principal, Autres cas on both contacts; "Retour" walks back', async ({ page, frame, welcome, help }, testInfo) => {
  await welcome.start(idf.id);
  await help.choose('Cas 3 : aucun courrier, ni identifiant ni mot de passe');
  await expect(frame.heading).toHaveText('Cas 3 : aucun courrier reçu');
  await expect(help.main).toContainText('Adressez-vous à : Le professeur principal de la classe');
  await expect(help.main).toContainText('Fournissez-lui une adresse mail valide.');
  await checkScreen(page, testInfo, 'idf-help-case-3');
  await help.backButton.click();
  await expect(frame.heading).toHaveText('Quel courrier avez-vous reçu ?');
  await expect(frame.heading).toBeFocused();
  await expect(help.backButton).toHaveCount(0);

  await help.choose('Autres cas');
  await expect(help.main).toContainText('Le professeur principal de la classe');
  await expect(help.qrCode('campus.coulommiers@ac-creteil.fr')).toBeVisible();
  await checkScreen(page, testInfo, 'idf-help-other-cases');
});

test('cergy: the old help is now its tree; Cas n°2 shows the enrolment portal as text and QR code', async ({ page, frame, welcome, help }, testInfo) => {
  await welcome.startHelp(cergy.id);
  await expect(frame.heading).toHaveText('Je n\'arrive pas à activer mon compte numérique');
  await help.choose('Quand ?');
  await expect(help.steps).toContainText('dès le lendemain de votre inscription');
  await help.backButton.click();
  await help.choose('Cas n°2 : mon paiement est-il enregistré ?');
  const portal = 'https://reinscriptions.u-cergy.fr/iareins-web/consultation/identification.jspx';
  await expect(help.main).toContainText(portal);
  await expect(help.qrCode(portal)).toBeVisible();
  await checkScreen(page, testInfo, 'cergy-help-case-2');
  await help.choose('« Inscription en attente de paiement »');
  await expect(help.qrCode('sgpoleinscriptions@ml.u-cergy.fr')).toBeVisible();
});

test('"Besoin d\'aide ?" asks who first; "Aide" from a form returns to it as typed', async ({ page, frame, welcome, help, identity }, testInfo) => {
  const ent77 = loadProfile('ent77-college');
  await welcome.openHelp();
  await expect(frame.heading).toHaveText('Besoin d’aide ?');
  await expect(frame.heading).toBeFocused();
  await checkScreen(page, testInfo, 'help-chooser');
  await page.getByRole('button', { name: 'Retour', exact: true }).click();
  await expect(frame.heading).toHaveText('Bienvenue');

  await welcome.start(ent77.id);
  await expect(frame.heading).toHaveText('Vos informations');
  await identity.fillFields(ent77, { login: 'manon.leclerc', activationCode: 'HT4K' });
  await help.openButton.click();
  await expect(frame.heading).toHaveText('Besoin d\'aide pour votre compte ENT 77 ?');
  await help.choose('À quoi sert mon adresse mail ?');
  await help.backButton.click();
  await help.resumeButton.click();
  await expect(frame.heading).toHaveText('Vos informations');
  await expect(page.getByLabel('Identifiant', { exact: true })).toHaveValue('manon.leclerc');
  await expect(page.getByLabel('Code d\'activation', { exact: true })).toHaveValue('HT4K');
});
