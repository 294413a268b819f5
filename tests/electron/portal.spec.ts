import { profilePerson } from '../e2e/fixtures';
import { startCasPage, type CasPage } from '../e2e/support/cas-page';
import { startProfileServer } from '../e2e/support/profile-server';
import type { PageGlobals } from '../integration/shells/page-globals';
import { ELECTRON, expect, NO_BINARY_MESSAGE, test as base } from './electron-app';

/**
 * LOCKDOWN.md #14, #15 in the Electron shell: the portal view of its own partition against the
 * local CAS-like page (tests/e2e/support/cas-page.ts). The person's steps go through the page's
 * `window.kiosk`, the portal's cookies are read from the partition itself. Skipped without a binary.
 */
const PROFILE = 'ent77-college';
const person = profilePerson(PROFILE, 'eligible');
const PASSWORD = 'Kq7vz2Lm4Tx9';

const test = base.extend<{ cas: CasPage; upstream: Awaited<ReturnType<typeof startProfileServer>> }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring form.
  cas: async ({}, use) => {
    const cas = await startCasPage();
    await use(cas);
    await cas.close();
  },
  upstream: async ({ cas }, use) => {
    const upstream = await startProfileServer({ [PROFILE]: { portal: { entryUrl: `${cas.origin}/ent/`, origins: [cas.origin], logoutUrl: `${cas.origin}/cas/logout` } } });
    await use(upstream);
    await upstream.close();
  },
  appArgs: async ({ upstream, dataDir }, use) => {
    await use(['--config', upstream.terminalFile(dataDir, [PROFILE])]);
  },
});

test.skip(!ELECTRON.found, NO_BINARY_MESSAGE);

test('#15 the portal view holds only session cookies, never shows remember-me, and Terminer logs out of the CAS', async ({ app, page, cas }) => {
  const invoke = (method: string, input: unknown) => page.evaluate(([m, i]) => (globalThis as unknown as PageGlobals).kiosk.invoke(m as Parameters<PageGlobals['kiosk']['invoke']>[0], i as never), [method, input] as const);
  expect(await invoke('session.start', { profileId: PROFILE })).toMatchObject({ ok: true });
  expect(await invoke('activation.lookup', { identity: person.identity })).toMatchObject({ ok: true });
  expect(await invoke('activation.choose', { password: PASSWORD, confirmation: PASSWORD, termsAccepted: true, locale: 'fr', email: 'famille.portail@example.org' })).toMatchObject({ ok: true, value: { state: 'active' } });
  expect(await invoke('portal.open', {})).toEqual({ ok: true, value: { display: 'view' } });

  const portal = async () => app.evaluate(async ({ webContents }) => {
    const contents = webContents.getAllWebContents().find((candidate) => candidate.getURL().startsWith('http'));
    return contents ? { url: contents.getURL(), rememberMe: await contents.executeJavaScript('document.querySelectorAll(\'input[name="rememberMe"]\').length') as number } : null;
  });
  await expect.poll(async () => (await portal())?.url ?? '').toContain('/cas/login');
  expect((await portal())?.rememberMe).toBe(0);

  await app.evaluate(async ({ webContents }) => {
    const contents = webContents.getAllWebContents().find((candidate) => candidate.getURL().includes('/cas/login'));
    await contents?.executeJavaScript(`document.getElementById('username').value = 'eleve'; document.getElementById('password').value = 'x'; document.querySelector('form').submit();`);
  });
  await expect.poll(async () => (await portal())?.url ?? '').toContain('/ent/');
  expect(cas.logins.at(-1)).toMatchObject({ rememberMe: null, publicWorkstation: 'true' });
  const cookies = await app.evaluate(({ session }) => session.fromPartition('sesame-portal').cookies.get({}));
  expect(cookies.length).toBeGreaterThan(0);
  expect(cookies.filter((cookie) => !cookie.session)).toEqual([]);

  expect(await invoke('session.end', { reason: 'finished' })).toMatchObject({ ok: true });
  await expect.poll(() => cas.logouts.length).toBe(1);
  expect(cas.logouts[0]).toMatch(/^TGT-/);
  await expect.poll(() => app.evaluate(async ({ session }) => (await session.fromPartition('sesame-portal').cookies.get({})).length)).toBe(0);
});
