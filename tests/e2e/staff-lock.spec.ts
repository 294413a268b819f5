import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { normalizeCode } from '../../shared/policies/secret-codes';
import { expect, profilePerson, test } from './fixtures';
import { secretsFoundIn } from './support/data-files';
import { loadProfile } from './support/profiles';
import { createStaff, serverDirOf } from './support/staff-cli';
import { StaffDesk } from './support/staff-desk';

/**
 * Issue 6: an idle staff session locks itself (`staffLockS: 15`), and nothing staff typed or
 * saw survives a lock or a sign-out: not in the page, its storage, or the kiosk's SQLite files.
 * A student at the kiosk cannot get back to a staff screen without the credential.
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
