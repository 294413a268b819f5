import { columnOf, columnsFor } from '../../server/import/enrollment-row-schema';
import { demoPerson, expect, test } from './fixtures';
import { loadProfile } from './support/profiles';
import { checkScreen } from './support/screen-check';
import { auditEntries, createStaff, importCsv, lastAuditSeq, serverDirOf, verifyAudit } from './support/staff-cli';
import { StaffDesk } from './support/staff-desk';
import { writeStaffFigures } from './support/staff-figures';

/**
 * Issue 6, the desk check: staff unlock the kiosk, diagnose the cergy student whose payment is
 * pending (seed: "Inscription en attente de paiement… contactez la scolarité"), the registrar's
 * export then marks it paid, staff search again and hand over; the student finishes alone.
 */
const profile = loadProfile('cergy-etudiant');
const person = demoPerson('PAYMENT_PENDING');

test.use({ kioskLaunch: { mode: 'desk' } });

/** The person's row as the registrar's next export has it: the same record, now paid. */
function paidRow(): string {
  const values: Record<string, string> = {
    ...Object.fromEntries(Object.entries(person.identity).map(([key, value]) => [columnOf(key), value])),
    enrolled_at: new Date(Date.now() - 5 * 24 * 3_600_000).toISOString(),
    channel: 'online',
    payment: 'paid',
    activated_at: '',
  };
  const columns = columnsFor(profile);
  return `${columns.join(',')}\n${columns.map((column) => values[column] ?? '').join(',')}\n`;
}

test('staff diagnose a pending payment, it is paid, they hand over and the student activates', async ({ page, kiosk, welcome, identity, password, done }, testInfo) => {
  void welcome;
  const serverDir = serverDirOf(kiosk.dataDir);
  const agent = createStaff(serverDir, { username: 'agnes.martin', name: 'Agnès Martin', role: 'agent' });
  const before = lastAuditSeq(serverDir);
  const startedAt = Date.now();
  const desk = new StaffDesk(page);

  await desk.open();
  await checkScreen(page, testInfo, 'desk-01-sign-in');
  await desk.signIn(agent);
  await expect(desk.banner.status).toHaveText(/Mode assisté — Agnès Martin/);
  await checkScreen(page, testInfo, 'desk-02-lookup');

  await desk.lookup(profile, person.identity, 'Inscription en attente de paiement');
  await expect(desk.diagnosis.advice).toContainText('S’il est « en attente de paiement », le compte numérique ne pourra pas être activé : la personne doit contacter la scolarité.');
  await expect(desk.diagnosis.fact('Paiement')).toContainText('en attente de paiement');
  await checkScreen(page, testInfo, 'desk-03-diagnosis-payment-pending');

  // The registrar's export, re-imported as an operator would: the same row, now paid.
  importCsv(serverDir, profile.id, paidRow());

  await desk.tap(desk.diagnosis.newSearchButton);
  await expect(desk.lookupPage.heading).toBeVisible();
  await desk.lookup(profile, person.identity, 'Le compte peut être activé');
  await expect(desk.diagnosis.advice).toContainText('Rien ne bloque');
  await expect(desk.diagnosis.fact('Paiement')).toContainText('payé');
  await checkScreen(page, testInfo, 'desk-04-diagnosis-eligible');

  await desk.handOver();
  await expect(desk.signInPage.lockedNotice).toHaveCount(0);
  await expect(identity.lastName).toHaveValue(person.identity.lastName);
  await expect(identity.firstName).toHaveValue(person.identity.firstName);
  await expect(identity.studentNumber).toHaveValue(person.identity.studentNumber);
  await expect(identity.year).toHaveValue(person.identity.birthDate.slice(0, 4));
  await identity.submit();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Votre mot de passe');
  await password.typeBack(await password.readPassword());
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Votre compte numérique est activé');
  await expect(done.login).toContainText(person.identity.studentNumber);

  // The trail: the sign-in, both lookups, the activation, each by its actor, the chain intact.
  const added = auditEntries(serverDir, before);
  const actions = added.map((entry) => `${entry.action}:${entry.outcome}`);
  expect(actions).toEqual(expect.arrayContaining(['staff.signIn:ok', 'activation.completed:ok']));
  expect(added.filter((entry) => entry.action === 'staff.lookup')).toHaveLength(2);
  expect(added.filter((entry) => entry.actorKind === 'staff').every((entry) => entry.actor === agent.username)).toBe(true);
  expect(added.map((entry) => entry.details).join('\n')).not.toContain(agent.password);
  expect(verifyAudit(serverDir)).toMatch(/^audit chain intact/);
  writeStaffFigures('cergy-cas-2-payment-pending', {
    counter: desk.counter, audit: added, startedAt,
    note: 'lookup → "en attente de paiement" → (registrar export: paid) → new search → hand over; the student finishes',
  });
  await done.finish();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bienvenue');
});
