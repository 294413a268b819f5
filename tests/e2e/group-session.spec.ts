import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { TerminalConfigSchema } from '../../shared/schemas/terminal-config-schema';
import { startKiosk, type RunningKiosk } from '../support/kiosk-process';
import { frGroup } from '../../shared/messages/fr-group';
import { demoPerson, emailedCode, expect, profilePerson, test } from './fixtures';
import { ChoosePasswordPage } from './pages/choose-password-page';
import { GroupBoardPage } from './pages/group-board-page';
import { GroupSetupPage } from './pages/group-setup-page';
import { GroupSummaryPage } from './pages/group-summary-page';
import { GroupWelcomePage } from './pages/group-welcome-page';
import { IdentityPage } from './pages/identity-page';
import { PasswordPage } from './pages/password-page';
import { WelcomePage } from './pages/welcome-page';
import { HappyPathCounter } from './support/happy-path-figures';
import { loadProfile } from './support/profiles';
import { checkScreen } from './support/screen-check';
import { auditEntries, createStaff, createTerminalToken, serverDirOf, type StaffAccount } from './support/staff-cli';
import { StaffDesk } from './support/staff-desk';
import { startAttachmentSink } from './support/staff-mail-sink';

/**
 * Issue 6, a group session: the teacher's kiosk A (assisted, embedded server) shows the board;
 * the pupils' kiosks B and C (desk, configured against A's server like real terminals) join it
 * by code. Three pupils activate; A's board follows live; closing gives the summary, mailed as
 * a CSV that holds no password or code.
 */
const profile = loadProfile('cergy-etudiant');
const pupils = [demoPerson('eligible', (p) => p.identity.studentNumber === '21000001'), demoPerson('eligible', (p) => p.identity.studentNumber === '21000002'), demoPerson('eligible', (p) => p.identity.studentNumber === '21000007')];
const LABEL = 'L1 Info, groupe 2';
const CSV = ['student_number,last_name,first_name,birth_date', ...pupils.map(({ identity: i }) => `${i.studentNumber},${i.lastName},${i.firstName},${i.birthDate}`)].join('\n');

/** A pupils' kiosk configured like a real terminal of A's server (its own token, desk mode). */
function terminalFile(dir: string, kioskA: RunningKiosk, id: string): string {
  const own = TerminalConfigSchema.parse(JSON.parse(readFileSync(join(kioskA.dataDir, 'kiosk', 'terminal.json'), 'utf8')));
  const token = createTerminalToken(serverDirOf(kioskA.dataDir), id);
  const file = join(dir, `${id}.json`);
  writeFileSync(file, JSON.stringify({ ...own, terminalId: id, mode: 'desk', server: { url: own.server.url, token } }), { mode: 0o600 });
  return file;
}

async function openKiosk(browser: Browser, kiosk: RunningKiosk): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(kiosk.url);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bienvenue');
  return page;
}

/** On a pupils' kiosk: staff sign in, join with the code, sign out; the banner names the session. */
async function joinAndLeave(page: Page, agent: StaffAccount, code: string, label: string, scan?: () => Promise<void>): Promise<void> {
  const desk = new StaffDesk(page);
  await desk.openAndSignIn(agent);
  await desk.tap(desk.lookupPage.groupsButton);
  const setup = new GroupSetupPage(page);
  await setup.join(code);
  await expect(setup.current).toContainText(label);
  await expect(setup.leaveButton).toBeVisible();
  await scan?.();
  await desk.lock();
  await expect(new GroupWelcomePage(page).banner(label)).toBeVisible();
}

/** A cergy pupil activates at a pupils' kiosk; returns the generated password they were shown. */
async function activate(page: Page, person: (typeof pupils)[number]): Promise<string> {
  await new WelcomePage(page).start(profile.id);
  const identity = new IdentityPage(page);
  await identity.submitIdentity(person.identity);
  const password = new PasswordPage(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Votre mot de passe');
  const generated = await password.readPassword();
  await password.typeBack(generated);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Votre compte numérique est activé');
  await page.getByRole('button', { name: /^Terminer/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bienvenue');
  return generated;
}

test('a group session: two pupils’ kiosks join, three pupils activate, the board follows live, the summary is mailed', async ({ browser, page }, testInfo) => {
  test.setTimeout(120_000);
  const sink = await startAttachmentSink();
  const dirs = [0, 1, 2, 3].map(() => mkdtempSync(join(tmpdir(), 'sesame-group-')));
  const [dirA = '', dirB = '', dirC = '', configDir = ''] = dirs;
  const kiosks: RunningKiosk[] = [];
  try {
    const kioskA = await startKiosk({ dataDir: dirA, mode: 'assisted', staffLockS: 600, env: { SESAME_SMTP_URL: sink.url } });
    kiosks.push(kioskA);
    const serverDir = serverDirOf(dirA);
    const teacher = createStaff(serverDir, { username: 'prof.girard', name: 'Hélène Girard', role: 'agent', email: 'helene.girard@example.org' });
    const [kioskB, kioskC] = await Promise.all(['salle-b', 'salle-c'].map((id, index) => startKiosk({ dataDir: index === 0 ? dirB : dirC, mode: 'desk', configFile: terminalFile(configDir, kioskA, id) })));
    if (!kioskB || !kioskC) throw new Error('pupils’ kiosks did not start');
    kiosks.push(kioskB, kioskC);

    // A: the teacher opens the session from a pasted list of three.
    await page.goto(kioskA.url);
    const deskA = new StaffDesk(page);
    await deskA.openAndSignIn(teacher);
    await deskA.tap(deskA.lookupPage.groupsButton);
    const setup = new GroupSetupPage(page);
    await expect(setup.heading).toBeVisible();
    await checkScreen(page, testInfo, 'group-01-setup');
    await setup.openCsv(profile.title.fr, LABEL, CSV);
    const board = new GroupBoardPage(page);
    await expect(board.heading(LABEL)).toBeVisible();
    await expect(board.table.getByRole('row')).toHaveCount(4);
    await expect(board.count('done')).toHaveText('0');
    const code = ((await board.joinCode.textContent()) ?? '').trim();
    expect(code).toMatch(/^[A-Z2-9-]{6,7}$/);
    await checkScreen(page, testInfo, 'group-02-board');

    const [pageB, pageC] = [await openKiosk(browser, kioskB), await openKiosk(browser, kioskC)];
    await joinAndLeave(pageB, teacher, code, LABEL, () => checkScreen(pageB, testInfo, 'group-02b-joined'));
    await joinAndLeave(pageC, teacher, code, LABEL);

    // The board moves without a reload as each pupil finishes.
    const [first, second, third] = pupils;
    if (!first || !second || !third) throw new Error('three pupils expected');
    const passwords = [await activate(pageB, first)];
    await expect(board.count('done')).toHaveText('1');
    passwords.push(...(await Promise.all([activate(pageB, second), activate(pageC, third)])));
    expect(passwords.every((generated) => generated.length >= 8)).toBe(true);
    await expect(board.count('done')).toHaveText('3');
    await expect(board.count('waiting')).toHaveText('0');
    await expect(board.table.getByRole('row').filter({ hasText: board.stateText('done') })).toHaveCount(3);
    await board.close();
    const summary = new GroupSummaryPage(page);
    await expect(summary.heading(LABEL)).toBeVisible();
    await expect(summary.total(3)).toBeVisible();
    // The teacher's kiosk and the two pupils' kiosks.
    await expect(summary.terminals(3)).toBeVisible();
    await checkScreen(page, testInfo, 'group-03-summary');
    await summary.mailButton.click();
    await expect(summary.sent).toBeVisible();
    await checkScreen(page, testInfo, 'group-04-summary-sent');
    await expect.poll(() => sink.messages.filter((m) => m.to.includes(teacher.email ?? '')).length).toBe(1);
    const csv = sink.messages.find((m) => m.to.includes(teacher.email ?? ''))?.attachments.find((file) => file.filename.endsWith('.csv'))?.content ?? '';
    expect(csv.split(/\r?\n/).filter(Boolean)).toHaveLength(4);
    // Every secret the test saw: the join code, the staff password, each pupil's generated password.
    for (const secret of [code, code.replace('-', ''), teacher.password, ...passwords]) expect(csv).not.toContain(secret);
    const actions = auditEntries(serverDir).map((entry) => `${entry.action}:${entry.outcome}`);
    expect(actions).toEqual(expect.arrayContaining(['group.open:ok', 'group.join:ok', 'group.close:ok', 'group.summaryMailed:ok']));
  } finally {
    await Promise.all(kiosks.map((kiosk) => kiosk.stop()));
    await sink.close();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  }
});

const um = loadProfile('um-etudiant');
const UM_LABEL = 'TP amphi A';
const yanis = profilePerson('um-etudiant', 'eligible');
const umList = (['eligible', 'PAYMENT_PENDING', 'NOT_YET_OPEN', 'ALREADY_ACTIVE'] as const).map((expected) => profilePerson('um-etudiant', expected).identity);
const UM_CSV = ['student_number,last_name,birth_date', ...umList.map((i) => `${i['studentNumber'] ?? ''},${i['lastName'] ?? ''},${i['birthDate'] ?? ''}`)].join('\n');
const CHOSEN = 'Kq7vz2Lm4Tx9';

test('the board shows a student waiting for the emailed confirmation, and who is blocked and why; the summary holds none of the secrets', async ({ browser, page }, testInfo) => {
  test.setTimeout(120_000);
  const sink = await startAttachmentSink();
  const dirs = [0, 1, 2].map(() => mkdtempSync(join(tmpdir(), 'sesame-group-')));
  const [dirA = '', dirB = '', configDir = ''] = dirs;
  const kiosks: RunningKiosk[] = [];
  try {
    const kioskA = await startKiosk({ dataDir: dirA, mode: 'assisted', staffLockS: 600, env: { SESAME_SMTP_URL: sink.url } });
    kiosks.push(kioskA);
    const teacher = createStaff(serverDirOf(dirA), { username: 'prof.girard', name: 'Hélène Girard', role: 'agent', email: 'helene.girard@example.org' });
    const kioskB = await startKiosk({ dataDir: dirB, mode: 'desk', configFile: terminalFile(configDir, kioskA, 'salle-b') });
    kiosks.push(kioskB);

    await page.goto(kioskA.url);
    const deskA = new StaffDesk(page);
    await deskA.openAndSignIn(teacher);
    await deskA.tap(deskA.lookupPage.groupsButton);
    await new GroupSetupPage(page).openCsv(um.title.fr, UM_LABEL, UM_CSV);
    const board = new GroupBoardPage(page);
    await expect(board.heading(UM_LABEL)).toBeVisible();
    const code = ((await board.joinCode.textContent()) ?? '').trim();

    const pageB = await openKiosk(browser, kioskB);
    await joinAndLeave(pageB, teacher, code, UM_LABEL);

    // Yanis chooses a password at kiosk B; his account waits for the code mailed to the address on file.
    await new WelcomePage(pageB).start(um.id);
    const identity = new IdentityPage(pageB);
    await identity.fillFields(um, yanis.identity);
    await identity.submit();
    await expect(pageB.getByRole('heading', { level: 1 })).toHaveText('Choisissez votre mot de passe');
    await new ChoosePasswordPage(pageB, new HappyPathCounter()).choose(CHOSEN);
    await expect(pageB.getByRole('heading', { level: 1 })).toHaveText('Confirmez votre adresse mail');
    const email = yanis.record?.personalEmail ?? '';
    await expect.poll(() => sink.messages.filter((m) => m.to.includes(email)).length).toBe(1);
    const activationMail = sink.messages.find((m) => m.to.includes(email))?.text ?? '';

    const label = (person: (typeof umList)[number]) => `${(person['lastName'] ?? '').slice(0, 1).toUpperCase()}${(person['lastName'] ?? '').slice(1)}`;
    const [pending, unpaid, notYet, active] = umList.map(label);
    // Within the default wait: storing the emailed proof appends an audit entry, which wakes the
    // board's long poll (it used to show this row only at the poll's next answer, 20 s later).
    await expect(board.stateOf(pending ?? '')).toHaveText(frGroup['group.state.awaitingEmail']);
    await expect(board.stateOf(unpaid ?? '')).toHaveText(frGroup['group.state.blocked']);
    await expect(board.reasonOf(unpaid ?? '')).toHaveText(frGroup['group.reason.PAYMENT_PENDING']);
    await expect(board.reasonOf(notYet ?? '')).toHaveText(/^Activation possible à partir du .+/);
    await expect(board.stateOf(active ?? '')).toHaveText(frGroup['group.state.done']);
    await expect(board.count('awaitingEmail')).toHaveText('1');
    await checkScreen(page, testInfo, 'group-05-board-states');

    await board.close();
    const summary = new GroupSummaryPage(page);
    await expect(summary.terminals(2)).toBeVisible();
    await summary.mailButton.click();
    await expect(summary.sent).toBeVisible();
    await expect.poll(() => sink.messages.filter((m) => m.to.includes(teacher.email ?? '')).length).toBe(1);
    const csv = sink.messages.find((m) => m.to.includes(teacher.email ?? ''))?.attachments.find((file) => file.filename.endsWith('.csv'))?.content ?? '';
    expect(csv).toContain(',awaitingEmail,');
    const emailCode = emailedCode(activationMail);
    const linkToken = /\/v1\/email-links\/([A-Za-z0-9_-]{43})/.exec(activationMail)?.[1] ?? '';
    expect(linkToken).not.toBe('');
    for (const secret of [CHOSEN, emailCode, emailCode.replace('-', ''), linkToken, code, teacher.password, email]) expect(csv).not.toContain(secret);
  } finally {
    await Promise.all(kiosks.map((kiosk) => kiosk.stop()));
    await sink.close();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  }
});
