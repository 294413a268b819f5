import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { normalizeCode } from '../../shared/policies/secret-codes';
import { expect, profilePerson, test } from './fixtures';
import { secretsFoundIn } from './support/data-files';
import { loadProfile } from './support/profiles';
import { GroupBoardPage } from './pages/group-board-page';
import { GroupSetupPage } from './pages/group-setup-page';
import { auditEntries, createStaff, serverDirOf } from './support/staff-cli';
import { StaffDesk } from './support/staff-desk';
import { bridgeCall, staffSessionsOf } from './support/staff-sessions';

/**
 * Issue 6: an idle staff session locks itself (`staffLockS: 15`), and nothing staff typed or
 * saw survives a lock or a sign-out: not in the page, its storage, or the kiosk's SQLite files.
 * A student at the kiosk cannot get back to a staff screen without the credential. A page that
 * reloads ends the staff session, and a group board left open does not keep it alive.
 */
const ent77 = loadProfile('ent77-college');
const idf = loadProfile('idf-lycee');
const expired = profilePerson('ent77-college', 'CODE_EXPIRED');
const withAddress = profilePerson('idf-lycee', 'PASSWORD_RECOVERY');
const STAFF_HEADINGS = /Connexion du personnel|Rechercher un dossier|Dossier : |Séances de groupe/;

test.use({ kioskLaunch: { mode: 'desk', staffLockS: 15 } });

/** Everything a page holds that a student could read: text, field values, storage, cookies. */
async function whatThePageHolds(page: Page): Promise<string> {
  const text = await page.locator('body').innerText();
  const fields = await page.locator('input, textarea, select').all();
  const values = await Promise.all(fields.map((field) => field.inputValue()));
  // A string, run in the page: the tests' TypeScript has no DOM library.
  const storage = String(await page.evaluate('JSON.stringify({ local: { ...localStorage }, session: { ...sessionStorage } })'));
  const cookies = JSON.stringify(await page.context().cookies());
  const html = await page.content();
  return [text, ...values, storage, cookies, html].join('\n');
}

async function expectNoStaffScreen(page: Page, desk: StaffDesk): Promise<void> {
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bienvenue');
  await expect(page.getByRole('heading', { level: 1, name: STAFF_HEADINGS })).toHaveCount(0);
  await expect(desk.banner.region).toHaveCount(0);
}

test('an idle staff session locks itself, leaves nothing behind, and cannot be reached again without signing in', async ({ page, kiosk, welcome }) => {
  void welcome;
  const agent = createStaff(serverDirOf(kiosk.dataDir), { username: 'paul.lefort', name: 'Paul Lefort', role: 'agent' });
  const desk = new StaffDesk(page);
  await desk.openAndSignIn(agent);

  // A person with an address on file (shown masked), then one whose letter expired: a new code.
  await desk.lookup(idf, withAddress.identity, 'Compte déjà activé');
  const masked = (await desk.diagnosis.fact('Adresse connue').textContent())?.trim() ?? '';
  expect(masked).toMatch(/^e\*+@example\.org$/);
  await desk.tap(desk.diagnosis.newSearchButton);
  await desk.lookup(ent77, expired.identity, 'Le code du courrier a expiré');
  await desk.checkId();
  const shown = await desk.issueCredential();
  const code = normalizeCode(shown);

  // No input for 15 s: the staff screens and the banner go, the notice says why.
  await expect(desk.signInPage.lockedNotice).toBeVisible({ timeout: 30_000 });
  await expectNoStaffScreen(page, desk);
  const traces = [agent.name, agent.username, agent.password, shown, code, masked, withAddress.identity['login'] ?? '', expired.identity['login'] ?? ''];
  const held = await whatThePageHolds(page);
  for (const trace of traces) expect(held, `"${trace}" is still in the page`).not.toContain(trace);

  // Back, forward, reload and the browser's shortcuts lead nowhere near a staff screen.
  await page.goBack().catch(() => null);
  await page.goForward().catch(() => null);
  for (const key of ['Alt+ArrowLeft', 'Alt+ArrowRight', 'Backspace', 'Escape', 'F5']) await page.keyboard.press(key);
  await expectNoStaffScreen(page, desk);
  await page.reload();
  await expectNoStaffScreen(page, desk);

  // Reopening asks for the credential again.
  await desk.tap(desk.signInPage.entryButton);
  await expect(desk.signInPage.heading).toBeVisible();
  await expect(desk.signInPage.username).toHaveValue('');
  await expect(desk.signInPage.password).toHaveValue('');
  await expect(desk.lookupPage.heading).toHaveCount(0);
  await desk.signIn(agent);

  // "Verrouiller": the same wipe as the auto-lock.
  // The code issued before the lock stands: the letter is now valid.
  await desk.lookup(ent77, expired.identity, 'Le compte peut être activé');
  await desk.lock();
  await expectNoStaffScreen(page, desk);
  const afterSignOut = await whatThePageHolds(page);
  for (const trace of traces) expect(afterSignOut, `"${trace}" is still in the page`).not.toContain(trace);

  // Neither the issued code nor the staff password is ever in the kiosk's database files.
  const kioskDir = join(kiosk.dataDir, 'kiosk');
  expect(secretsFoundIn(kioskDir, [code, shown, agent.password])).toEqual([]);
  await kiosk.stop();
  expect(secretsFoundIn(kioskDir, [code, shown, agent.password])).toEqual([]);
});

test.describe('a page that reloads under a signed-in staff member', () => {
  // A long auto-lock: whatever ends the session here is the reload, not the idle timer.
  test.use({ kioskLaunch: { mode: 'desk', staffLockS: 600 } });

  test('ends the staff session: no banner, the sign-in is asked again, the bridge and the server refuse it', async ({ page, kiosk, welcome }) => {
    void welcome;
    const serverDir = serverDirOf(kiosk.dataDir);
    const agent = createStaff(serverDir, { username: 'lina.roux', name: 'Lina Roux', role: 'agent' });
    const desk = new StaffDesk(page);
    await desk.openAndSignIn(agent);
    await desk.lookup(ent77, expired.identity, 'Le code du courrier a expiré');
    expect(staffSessionsOf(serverDir, agent.username)).toEqual({ open: 1, all: 1 });

    await page.reload();
    await expectNoStaffScreen(page, desk);
    const held = await whatThePageHolds(page);
    for (const trace of [agent.name, expired.identity['login'] ?? '']) expect(held, `"${trace}" is still in the page`).not.toContain(trace);
    expect(await page.evaluate(bridgeCall('staff.lookup', { profileId: ent77.id, identity: { login: expired.identity['login'] } }))).toEqual({ ok: false, error: { code: 'UNAUTHORIZED' } });
    expect(await page.evaluate(bridgeCall('staff.activity', {}))).toEqual({ ok: false, error: { code: 'NO_SESSION' } });
    await expect.poll(() => staffSessionsOf(serverDir, agent.username)).toEqual({ open: 0, all: 1 });
    expect(auditEntries(serverDir).filter((entry) => entry.actor === agent.username).map((entry) => entry.action)).toContain('staff.signOut');

    await desk.tap(desk.signInPage.entryButton);
    await expect(desk.signInPage.heading).toBeVisible();
    await expect(desk.lookupPage.heading).toHaveCount(0);
    await expect(desk.banner.region).toHaveCount(0);
  });
});

test.describe('an assisted laptop left on the group board', () => {
  test.use({ kioskLaunch: { mode: 'assisted', staffLockS: 15 } });

  test('locks itself although the board keeps polling: no group data stays, the bridge and the server refuse the session', async ({ page, kiosk, welcome }) => {
    void welcome;
    const serverDir = serverDirOf(kiosk.dataDir);
    const teacher = createStaff(serverDir, { username: 'marc.bernard', name: 'Marc Bernard', role: 'agent' });
    const desk = new StaffDesk(page);
    await desk.openAndSignIn(teacher);
    await desk.tap(desk.lookupPage.groupsButton);
    const setup = new GroupSetupPage(page);
    await expect(setup.heading).toBeVisible();
    const label = 'Troisième B, mardi';
    await setup.openCohort(ent77.title.fr, label, '3eB');
    const board = new GroupBoardPage(page);
    await expect(board.heading(label)).toBeVisible();
    const names = (await board.table.getByRole('rowheader').allTextContents()).map((name) => name.trim()).filter(Boolean);
    expect(names.length).toBeGreaterThan(0);
    const code = ((await board.joinCode.textContent()) ?? '').trim();
    expect(code).not.toBe('');

    // Hands off: only the board's own long poll runs, for longer than the 15 s lock.
    await expect(desk.signInPage.lockedNotice).toBeVisible({ timeout: 40_000 });
    await expectNoStaffScreen(page, desk);
    await expect(page.getByRole('table')).toHaveCount(0);
    const held = await whatThePageHolds(page);
    // The session's label stays on Welcome on purpose: this terminal joined the group it opened.
    for (const trace of [teacher.name, code, code.replace('-', ''), ...names]) expect(held, `"${trace}" is still in the page`).not.toContain(trace);

    expect(await page.evaluate(bridgeCall('staff.cohorts', { profileId: ent77.id }))).toEqual({ ok: false, error: { code: 'UNAUTHORIZED' } });
    await expect.poll(() => staffSessionsOf(serverDir, teacher.username)).toEqual({ open: 0, all: 1 });
    const ended = auditEntries(serverDir).filter((entry) => entry.actor === teacher.username && entry.action === 'staff.signOut');
    expect(ended.map((entry) => entry.outcome)).toEqual(['ok']);
  });
});
