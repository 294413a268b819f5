import { expect, profilePerson, test } from './fixtures';
import { loadProfile } from './support/profiles';
import { checkScreen } from './support/screen-check';

/** The remaining refusals of the seeds, each with its own words. */
const CHOSEN = 'Kq7vz2Lm4Tx9';

test('ENT 77: a code past its validity sends the pupil to the school for a new letter', async ({ page, frame, welcome, identity, outcome }, testInfo) => {
  const ent77 = loadProfile('ent77-college');
  await welcome.start(ent77.id);
  await identity.fillFields(ent77, profilePerson('ent77-college', 'CODE_EXPIRED').identity);
  await identity.submit();
  await expect(frame.heading).toHaveText(/^Votre code d['’]activation n’est plus valable$/);
  await expect(outcome.main).toContainText('Rapprochez-vous de votre établissement afin qu’un nouveau courrier vous soit remis');
  await checkScreen(page, testInfo, 'ent77-code-expired');
});

test('Montpellier: an unpaid enrolment says so, and when activation will open', async ({ page, frame, welcome, identity, outcome }, testInfo) => {
  const um = loadProfile('um-etudiant');
  await welcome.start(um.id);
  await identity.fillFields(um, profilePerson('um-etudiant', 'PAYMENT_PENDING').identity);
  await identity.submit();
  await expect(frame.heading).toHaveText('Inscription en attente de paiement');
  await expect(outcome.main).toContainText('15 minutes après l’enregistrement de votre paiement');
  await checkScreen(page, testInfo, 'um-payment-pending');
});

test('Montpellier: an identity mismatch names this profile\'s own fields, not another university\'s', async ({ frame, welcome, identity, outcome }) => {
  const um = loadProfile('um-etudiant');
  const person = profilePerson('um-etudiant', 'eligible');
  await welcome.start(um.id);
  await identity.fillFields(um, { ...person.identity, lastName: 'Autrenom' });
  await identity.submit();
  await expect(frame.heading).toHaveText('Nous ne pouvons pas activer votre compte avec ces informations');
  await expect(outcome.main).toContainText('nom, date de naissance, numéro étudiant');
  await expect(outcome.main).not.toContainText('prénom');
  await expect(outcome.main).not.toContainText('nom d’usage');
});

test('the emailed code can be sent again only so many times, then says so', async ({ frame, welcome, identity, choose, emailCode }) => {
  const um = loadProfile('um-etudiant');
  await welcome.start(um.id);
  await identity.fillFields(um, profilePerson('um-etudiant', 'eligible').identity);
  await identity.submit();
  await choose.choose(CHOSEN);
  await expect(frame.heading).toHaveText('Confirmez votre adresse mail');
  for (let left = um.emailProof?.resends ?? 0; left > 0; left -= 1) {
    await expect(emailCode.main).toContainText(`Renvois encore possibles : ${left}.`);
    await emailCode.resendButton.click();
    await expect(emailCode.main).toContainText('Un nouveau message a été envoyé');
  }
  await expect(emailCode.resendButton).toHaveCount(0);
  await expect(emailCode.main).toContainText('Le nombre maximum de renvois est atteint.');
  await expect(emailCode.main).toContainText('Seul le code de ce dernier message est valable.');
});
