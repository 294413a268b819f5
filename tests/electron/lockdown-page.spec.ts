import type { Page } from '@playwright/test';
import { inPage } from '../e2e/support/lockdown-probes';
import { ELECTRON, expect, NO_BINARY_MESSAGE, test } from './electron-app';

/**
 * The rest of issue 4's browser list, in the real Electron shell: links to other apps, permission
 * queries, downloads, print, a crashed renderer, the idle wipe and the partition after a session.
 * Skipped with a message where no Electron binary exists (never run on the development machines).
 */
test.skip(!ELECTRON.found, NO_BINARY_MESSAGE);
// The shortest idle timers a terminal accepts, for the idle wipe.
test.use({ appArgs: ['--idle-timeout', '6', '--idle-warning', '4'] });

const heading = (page: Page) => page.getByRole('heading', { level: 1 });

test('#5 mailto:, tel: and http: links open nothing and leave the page', async ({ app, page }) => {
  await expect(heading(page)).toHaveText('Bienvenue');
  const before = page.url();
  for (const href of ['mailto:scolarite@example.fr', 'tel:+33100000000', 'https://example.org/']) {
    await inPage(page, `(() => { const link = document.createElement('a'); link.href = ${JSON.stringify(href)}; link.textContent = 'x'; document.body.append(link); link.click(); })()`);
  }
  await page.waitForTimeout(500);
  expect(app.windows()).toHaveLength(1);
  expect(page.url()).toBe(before);
});

test('#6 every permission a page can ask for is denied', async ({ page }) => {
  const states = await inPage<Record<string, string>>(page, `(async () => {
    const results = {};
    for (const name of ['notifications', 'geolocation', 'camera', 'microphone']) results[name] = (await navigator.permissions.query({ name })).state;
    return results;
  })()`);
  expect(states).toEqual({ notifications: 'denied', geolocation: 'denied', camera: 'denied', microphone: 'denied' });
});

test('#7 a download is cancelled before anything is written', async ({ app, page }) => {
  // Our own listener after the lockdown's: it sees the item the lockdown has already cancelled.
  await app.evaluate(({ session }) => {
    const states: string[] = [];
    (globalThis as unknown as { downloadStates: string[] }).downloadStates = states;
    session.fromPartition('sesame-session').on('will-download', (_event, item) => setTimeout(() => states.push(item.getState()), 100));
  });
  await inPage(page, `(() => { const link = document.createElement('a'); link.href = URL.createObjectURL(new Blob(['secret'], { type: 'text/plain' })); link.download = 'fuite.txt'; document.body.append(link); link.click(); })()`);
  await page.waitForTimeout(1_000);
  const states = await app.evaluate(() => (globalThis as unknown as { downloadStates: string[] }).downloadStates);
  expect(states.every((state) => state === 'cancelled')).toBe(true);
  expect(page.url()).toMatch(/^app:\/\/sesame\//);
});

test('#9 print() shows nothing and returns', async ({ page }) => {
  const returned = await inPage<boolean>(page, `(() => { window.print(); return true; })()`);
  expect(returned).toBe(true);
});

test('#10 a crashed renderer comes back at Welcome, empty', async ({ app, page }) => {
  await expect(heading(page)).toHaveText('Bienvenue');
  await page.getByRole('button', { name: /Activer mon compte|Commencer/ }).first().click();
  await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.webContents.forcefullyCrashRenderer());
  const window = await app.firstWindow();
  await expect(heading(window)).toHaveText('Bienvenue', { timeout: 20_000 });
});

test('#16 left alone, the session is wiped back to Welcome; #14 the partition holds no cookie afterwards', async ({ app, page }) => {
  await expect(heading(page)).toHaveText('Bienvenue');
  await page.getByRole('button', { name: /Activer mon compte|Commencer/ }).first().click();
  await expect(heading(page)).not.toHaveText('Bienvenue');
  await expect(heading(page)).toHaveText('Bienvenue', { timeout: 30_000 });
  const cookies = await app.evaluate(({ session }) => session.fromPartition('sesame-session').cookies.get({}));
  expect(cookies).toEqual([]);
});
