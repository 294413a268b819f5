import { startOfNextLocalDay } from '../../shared/policies/time-zone';
import { openingDateText } from '../../shared/messages/spoken-text';
import { demoPeople, demoPerson, expect, test } from './fixtures';
import { checkScreen } from './support/screen-check';

/** Each refusal the server decides, with the seed's own guidance (cergy seed, Cas n°1-3). */

test('no match: what to check, the record names, and a way back that keeps what was typed', async ({ page, frame, welcome, identity, outcome }, testInfo) => {
  const person = demoPerson('IDENTITY_MISMATCH');
  await welcome.start();
  await identity.submitIdentity(person.identity);
  await expect(frame.heading).toHaveText('Nous ne pouvons pas activer votre compte avec ces informations');
  await expect(outcome.main).toContainText('Vérifiez que vous saisissez bien chaque information telle qu’elle apparaît dans vos documents : nom, prénom, date de naissance, numéro étudiant à 8 chiffres.');
  await expect(outcome.main).toContainText('ignorez le « nom d’usage »');
  await expect(outcome.main).toContainText('tels qu\'ils figurent sur votre carte étudiante');
  const portal = 'https://reinscriptions.u-cergy.fr/iareins-web/consultation/identification.jsp';
  await expect(outcome.main).toContainText(portal);
  await expect(outcome.qrCode(portal)).toBeVisible();
  // The seed's escalation once the checks are done: write to the ENT support.
  await expect(outcome.main).toContainText('Si votre problème persiste malgré ces vérifications');
  await expect(outcome.qrCode('ent-assistance@ml.u-cergy.fr')).toBeVisible();
  // Shown as text and QR code: nothing on the page navigates away (LOCKDOWN.md #5).
  await expect(page.getByRole('link')).toHaveCount(0);
  await checkScreen(page, testInfo, 'identity-mismatch');

  await outcome.correct();
  await expect(frame.heading).toHaveText('Vos informations');
  await expect(identity.lastName).toHaveValue(person.identity.lastName);
  await expect(identity.studentNumber).toHaveValue(person.identity.studentNumber);
});

test('the "nom d\'usage" is refused like any wrong name, and the record name works', async ({ frame, welcome, identity, outcome }) => {
  const person = demoPerson('eligible', (candidate) => candidate.usageName !== undefined);
  await welcome.start();
  await identity.submitIdentity({ ...person.identity, lastName: person.usageName ?? '' });
  await expect(frame.heading).toHaveText('Nous ne pouvons pas activer votre compte avec ces informations');
  await outcome.correct();
  await identity.lastName.fill(person.identity.lastName);
  await identity.submit();
  await expect(frame.heading).toHaveText('Votre mot de passe');
});

test('payment pending: the seed\'s words and the scolarité as text and QR code', async ({ page, frame, welcome, identity, outcome }, testInfo) => {
  await welcome.start();
  await identity.submitIdentity(demoPerson('PAYMENT_PENDING').identity);
  await expect(frame.heading).toHaveText('Inscription en attente de paiement');
  await expect(outcome.main).toContainText('Merci de vous rapprocher de la scolarité');
  await expect(outcome.main).toContainText('sgpoleinscriptions@ml.u-cergy.fr');
  await expect(outcome.qrCode('sgpoleinscriptions@ml.u-cergy.fr')).toBeVisible();
  await expect(page.getByRole('link')).toHaveCount(0);
  await checkScreen(page, testInfo, 'payment-pending');
});

test('not yet open: the opening date and time in the institution\'s zone, and why', async ({ page, frame, welcome, identity, outcome }, testInfo) => {
  const [onlineToday, remote] = demoPeople('NOT_YET_OPEN');
  if (!onlineToday || !remote) throw new Error('the demo data lacks the two NOT_YET_OPEN people');
  await welcome.start();
  await identity.submitIdentity(onlineToday.identity);
  await expect(frame.heading).toHaveText('Votre compte ne peut pas encore être activé');
  // Online enrollment today: "dès le lendemain", i.e. the next midnight in Europe/Paris.
  const opening = openingDateText('fr', startOfNextLocalDay(new Date(), 'Europe/Paris').toISOString(), 'Europe/Paris');
  await expect(outcome.main).toContainText(`Vous pourrez l’activer à partir du ${opening}.`);
  await expect(outcome.main).toContainText('à 00 h 00');
  await expect(outcome.main).toContainText('24 h après une inscription à distance');
  await checkScreen(page, testInfo, 'not-yet-open');

  await frame.quit();
  await welcome.start();
  await identity.submitIdentity(remote.identity);
  await expect(outcome.main).toContainText(/à partir du \p{L}+ \d{1,2}(er)? \p{L}+ \d{4} à \d{2} h \d{2}\./u);
});

test('already active: log in instead, ENT support as text and QR code', async ({ page, frame, welcome, identity, outcome }, testInfo) => {
  await welcome.start();
  await identity.submitIdentity(demoPerson('ALREADY_ACTIVE').identity);
  await expect(frame.heading).toHaveText('Votre compte numérique est déjà activé');
  await expect(outcome.main).toContainText('connectez-vous à l’ENT avec votre identifiant');
  await expect(outcome.qrCode('https://ent.cyu.fr/')).toBeVisible();
  await expect(outcome.qrCode('ent-assistance@ml.u-cergy.fr')).toBeVisible();
  await checkScreen(page, testInfo, 'already-active');
});

test('repeated wrong attempts are throttled, with a live countdown', async ({ page, frame, welcome, identity, outcome }, testInfo) => {
  const target = demoPerson('eligible');
  await welcome.start();
  await identity.fill({ ...target.identity, firstName: 'Quelquun' });
  // The server decides when to throttle; keep trying the same number until it does.
  for (let attempt = 0; attempt < 12; attempt += 1) {
    await identity.submit();
    await expect(frame.heading).not.toHaveText('Vos informations');
    if ((await frame.heading.textContent()) === 'Trop de tentatives') break;
    await outcome.correct();
  }
  await expect(frame.heading).toHaveText('Trop de tentatives');
  await expect(outcome.timer()).toHaveText(/une nouvelle tentative sera possible dans (\d+ s|\d+ min \d{2} s)\./);
  await checkScreen(page, testInfo, 'throttled');
  // The countdown is live: the text changes while the page stays on this screen.
  const before = await outcome.timer().textContent();
  await expect(outcome.timer()).not.toHaveText(before ?? '');
});
