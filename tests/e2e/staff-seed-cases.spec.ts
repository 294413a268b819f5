import { demoPerson, expect, profilePerson, test } from './fixtures';
import { loadProfile } from './support/profiles';
import { checkScreen } from './support/screen-check';
import { StaffDesk } from './support/staff-desk';
import { endStaffCase, startStaffCase } from './support/staff-figures';

/**
 * Issue 6: the seeds' troubleshooting cases that staff resolve by reading the diagnosis (no
 * action to take, or a search to correct), beside staff-cases.spec.ts which covers the ones
 * resolved by an action. Each records its staff effort and audit entries in
 * test-results/staff-figures.json (no timing is asserted).
 */
const cergy = loadProfile('cergy-etudiant');
const um = loadProfile('um-etudiant');

test.use({ kioskLaunch: { mode: 'desk' } });

test('cergy, account already active: staff read the seed’s "Cas n°1" and its ent-assistance address', async ({ page, kiosk, welcome }, testInfo) => {
  void welcome;
  const person = demoPerson('ALREADY_ACTIVE');
  const staffCase = startStaffCase(kiosk.dataDir);
  const desk = new StaffDesk(page);
  await desk.openAndSignIn(staffCase.agent);
  await desk.lookup(cergy, person.identity, 'Compte déjà activé');
  await expect(desk.diagnosis.advice).toContainText('confusion entre le O et le 0, le i et le l');
  await expect(desk.diagnosis.advice).toContainText('contient 8 caractères');
  await expect(desk.diagnosis.advice).toContainText('ent-assistance@ml.u-cergy.fr');
  // cergy has no "mot de passe oublié" and no letter: neither is advised nor offered.
  await expect(desk.diagnosis.advice).not.toContainText('oublié');
  await expect(desk.diagnosis.issueButton).toHaveCount(0);
  await checkScreen(page, testInfo, 'seed-cergy-active-diagnosis');
  await desk.lock();
  endStaffCase('cergy-already-active', staffCase, desk.counter, ['staff.signIn:ok', 'staff.lookup:ok'], [], 'lookup → read "Cas n°1" (8 characters, O/0, i/l) and ent-assistance@ml.u-cergy.fr to the student → lock');
});

test('umontpellier, account already active: staff send the student to "Problème de connexion", then Aide', async ({ page, kiosk, welcome }, testInfo) => {
  void welcome;
  const person = profilePerson('um-etudiant', 'ALREADY_ACTIVE');
  const staffCase = startStaffCase(kiosk.dataDir);
  const desk = new StaffDesk(page);
  await desk.openAndSignIn(staffCase.agent);
  await desk.lookup(um, person.identity, 'Compte déjà activé');
  await expect(desk.diagnosis.advice).toContainText('« Problème de connexion », puis sur Aide');
  await expect(desk.diagnosis.advice).not.toContainText('oublié');
  await checkScreen(page, testInfo, 'seed-um-active-diagnosis');
  await desk.lock();
  endStaffCase('um-already-active', staffCase, desk.counter, ['staff.signIn:ok', 'staff.lookup:ok'], [], 'lookup → read "Problème de connexion" then Aide to the student → lock');
});

test('umontpellier, paid 10 minutes ago: staff read when activation opens, 15 minutes after payment', async ({ page, kiosk, welcome }, testInfo) => {
  void welcome;
  const person = profilePerson('um-etudiant', 'NOT_YET_OPEN');
  const staffCase = startStaffCase(kiosk.dataDir);
  const desk = new StaffDesk(page);
  await desk.openAndSignIn(staffCase.agent);
  await desk.lookup(um, person.identity, 'L’activation n’est pas encore ouverte');
  const opening = ((await desk.diagnosis.fact('Ouverture de l’activation').textContent()) ?? '').trim();
  expect(opening).toMatch(/\d/);
  await expect(desk.diagnosis.advice).toContainText(`15 minutes après le paiement de l’inscription, à partir du ${opening}`);
  await checkScreen(page, testInfo, 'seed-um-not-yet-open-diagnosis');
  await desk.lock();
  endStaffCase('um-not-yet-open', staffCase, desk.counter, ['staff.signIn:ok', 'staff.lookup:ok'], [], 'lookup → read the opening time (15 min after payment) to the student → lock');
});

test('cergy, remote enrolment 2 hours ago: staff read the opening date and the card or certificate to hold', async ({ page, kiosk, welcome }, testInfo) => {
  void welcome;
  const person = demoPerson('NOT_YET_OPEN', (candidate) => candidate.record?.channel === 'remote');
  const staffCase = startStaffCase(kiosk.dataDir);
  const desk = new StaffDesk(page);
  await desk.openAndSignIn(staffCase.agent);
  await desk.lookup(cergy, person.identity, 'L’activation n’est pas encore ouverte');
  const opening = ((await desk.diagnosis.fact('Ouverture de l’activation').textContent()) ?? '').trim();
  await expect(desk.diagnosis.advice).toContainText(`24h après l’inscription, à partir du ${opening}`);
  await expect(desk.diagnosis.advice).toContainText('carte d’étudiant ou de son certificat de scolarité');
  await checkScreen(page, testInfo, 'seed-cergy-remote-not-yet-open-diagnosis');
  await desk.lock();
  endStaffCase('cergy-remote-not-yet-open', staffCase, desk.counter, ['staff.signIn:ok', 'staff.lookup:ok'], [], 'lookup → read the opening date and "carte d’étudiant ou certificat de scolarité" → lock');
});

test('cergy "Cas n°3", nom d’usage on the card: "Aucun dossier" says to type the enrolment record’s name, then the student activates', async ({ page, kiosk, welcome, identity, password }, testInfo) => {
  void welcome;
  const person = demoPerson('eligible', (candidate) => candidate.usageName !== undefined);
  const staffCase = startStaffCase(kiosk.dataDir);
  const desk = new StaffDesk(page);
  await desk.openAndSignIn(staffCase.agent);
  await desk.fillLookup(cergy, { ...person.identity, lastName: person.usageName ?? '' });
  await desk.tap(desk.lookupPage.searchButton);
  await expect(desk.lookupPage.error).toContainText('Aucun dossier ne correspond à ces informations.');
  await expect(desk.lookupPage.error).toContainText('ignorez le « nom d’usage » s’il apparaît');
  await checkScreen(page, testInfo, 'seed-cergy-usage-name-not-found');

  // Staff read the birth name from the enrolment record the seed points to, and search again.
  await desk.counter.type(desk.lookupPage.field('Nom'), person.identity.lastName);
  await desk.tap(desk.lookupPage.searchButton);
  await expect(desk.diagnosis.heading).toHaveText('Dossier : Le compte peut être activé');
  await desk.reached();
  await desk.handOver();

  await expect(page.getByLabel('Nom', { exact: true })).toHaveValue(person.identity.lastName);
  await identity.submit();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Votre mot de passe');
  const generated = await password.readPassword();
  await password.typeBack(generated);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Votre compte numérique est activé');
  endStaffCase('cergy-cas-3-usage-name', staffCase, desk.counter, ['staff.lookup:NOT_FOUND', 'staff.lookup:ok', 'activation.completed:ok'], [generated], 'lookup with the nom d’usage → "Aucun dossier" and Cas n°3 read → birth name typed → lookup → hand over; the student activates');
});
