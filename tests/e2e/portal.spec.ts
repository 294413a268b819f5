import { test as base, expect, profilePerson } from './fixtures';
import { startCasPage, type CasPage } from './support/cas-page';
import { startProfileServer } from './support/profile-server';
import { loadProfile } from './support/profiles';
import { checkScreen } from './support/screen-check';

/**
 * Issue 4, LOCKDOWN.md #14 and #15, in the loopback shell: after activating, the person opens
 * their ENT inside the kiosk. A local CAS-like page offers "Se souvenir de moi" and sets a
 * two-week ticket cookie when it is sent, and its ENT sets a one-year cookie by header and two
 * more from script. The kiosk removes the box, sends `publicWorkstation=true`, lets no
 * persistent cookie into the browser (even when a page forces `rememberMe=true`), refuses a
 * redirect off the profile's origins, and at "Terminer" calls the CAS logout with the session's
 * ticket and leaves no cookie of the portal behind.
 */
const profile = loadProfile('ent77-college');
const person = profilePerson('ent77-college', 'eligible');
const PASSWORD = 'Kq7vz2Lm4Tx9';

const test = base.extend<{ cas: CasPage; upstream: Awaited<ReturnType<typeof startProfileServer>>; idle: { idleTimeoutS?: number; idleWarningS?: number } }>({
  idle: [{}, { option: true }],
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring form.
  cas: async ({}, use) => {
    const cas = await startCasPage();
    await use(cas);
    await cas.close();
  },
  upstream: async ({ cas }, use) => {
    const portal = { entryUrl: `${cas.origin}/ent/`, origins: [cas.origin], logoutUrl: `${cas.origin}/cas/logout` };
    const upstream = await startProfileServer({ [profile.id]: { portal } });
    try {
      await use(upstream);
    } finally {
      await upstream.close();
    }
  },
  kioskLaunch: async ({ dataDir, upstream, idle }, use) => {
    await use({ configFile: upstream.terminalFile(dataDir, [profile.id]), ...idle });
  },
});

type Steps = Pick<Parameters<Parameters<typeof test>[2]>[0], 'page' | 'frame' | 'welcome' | 'identity' | 'choose' | 'contact'>;

/** ENT 77: the pupil activates with a chosen password, then opens the ENT from the done screen. */
async function activateAndOpenPortal({ page, frame, welcome, identity, choose, contact }: Steps): Promise<void> {
  await welcome.start(profile.id);
  await identity.fillFields(profile, person.identity);
  await identity.submit();
  await choose.choose(PASSWORD);
  await contact.fillEmail('famille.portail@example.org');
  await contact.acceptTerms();
  await contact.activate();
  await expect(frame.heading).toHaveText('Votre compte est activé');
  await page.getByRole('button', { name: 'Ouvrir mon ENT sur cette borne' }).click();
  await expect(frame.heading).toHaveText('Mon ENT');
}

test('the ENT opens inside the kiosk with "remember me" forced off, and Terminer logs out of the CAS and leaves no cookie', async ({ page, context, frame, welcome, identity, choose, contact, cas }, testInfo) => {
  await activateAndOpenPortal({ page, frame, welcome, identity, choose, contact });
  const portal = page.frameLocator('iframe[title^="ENT"]');
  await expect(portal.getByRole('heading', { name: 'Service central d’authentification' })).toBeVisible();
  // The box is gone, and stays gone when a script puts it back.
  await expect(portal.getByLabel('Se souvenir de moi')).toHaveCount(0);
  await portal.locator('form').evaluate((form) => {
    form.insertAdjacentHTML('beforeend', '<input type="checkbox" name="rememberMe" value="true" checked>');
  });
  await expect(portal.locator('input[name="rememberMe"]')).toHaveCount(0);
  await checkScreen(page, testInfo, 'portal-01-login');

  // A help link whose redirect leaves the profile's origins goes nowhere.
  await portal.getByRole('link', { name: 'Aide en ligne' }).click();
  await expect(portal.getByRole('heading', { name: 'Service central d’authentification' })).toBeVisible();

  await portal.getByLabel('Identifiant').fill(person.identity['login'] ?? 'eleve');
  await portal.getByLabel('Mot de passe').fill(PASSWORD);
  await portal.getByRole('button', { name: 'Se connecter' }).click();
  await expect(portal.getByRole('heading', { name: 'Bienvenue sur votre ENT' })).toBeVisible();
  expect(cas.logins).toEqual([{ username: person.identity['login'] ?? 'eleve', rememberMe: null, publicWorkstation: 'true' }]);

  // A page that forces rememberMe (and no publicWorkstation) gets its two-week ticket from the
  // CAS, but the browser never holds it.
  const forced = await portal.locator('body').evaluate(async () => {
    const answer = await fetch('/cas/login', { method: 'POST', body: new URLSearchParams({ username: 'force', password: 'x', rememberMe: 'true' }), redirect: 'manual' });
    return answer.type;
  });
  expect(forced).toBe('opaqueredirect');
  expect(cas.logins.at(-1)).toEqual({ username: 'force', rememberMe: 'true', publicWorkstation: null });

  const held = await context.cookies();
  // Every cookie in the browser is a session cookie: the kiosk's own, and the ENT's script-set
  // ones stripped of their expiry. The CAS ticket and the ENT's one-year cookie are not there.
  expect(held.filter((cookie) => cookie.expires !== -1)).toEqual([]);
  expect(held.map((cookie) => cookie.name).sort()).toEqual(['ent_prefs', 'ent_seen', 'sesame_kiosk']);
  await checkScreen(page, testInfo, 'portal-02-ent');

  await page.getByRole('button', { name: 'Terminer' }).click();
  await expect(frame.heading).toHaveText('Bienvenue');
  await expect(page.locator('iframe')).toHaveCount(0);
  // The CAS single sign-on is ended with the ticket of this session (the forced login's, the last one set).
  await expect.poll(() => cas.logouts.length).toBe(1);
  expect(cas.logouts[0]).toMatch(/^TGT-2-force$/);
  expect((await context.cookies()).map((cookie) => cookie.name)).toEqual(['sesame_kiosk']);
});

test.describe('idle on the portal view', () => {
  // Short timers; the warning comes after 8 s without input (a modal dialog: the frame is inert under it).
  test.use({ idle: { idleTimeoutS: 12, idleWarningS: 4 } });

  test('typing in the ENT keeps the session; left alone, it is wiped and the CAS logged out', async ({ page, context, frame, welcome, identity, choose, contact, cas }) => {
    await activateAndOpenPortal({ page, frame, welcome, identity, choose, contact });
    const portal = page.frameLocator('iframe[title^="ENT"]');
    const username = portal.getByLabel('Identifiant');
    // Input inside the cross-origin frame reaches the kiosk's idle timer: past twice the timeout, still there.
    for (let second = 0; second < 16; second += 1) {
      await username.press('a');
      await page.waitForTimeout(1_000);
    }
    await expect(frame.idleDialog).toBeHidden();
    await expect(frame.heading).toHaveText('Mon ENT');
    await portal.getByLabel('Mot de passe').fill(PASSWORD);
    await portal.getByRole('button', { name: 'Se connecter' }).click();
    await expect(portal.getByRole('heading', { name: 'Bienvenue sur votre ENT' })).toBeVisible();

    await expect(frame.idleDialog).toBeVisible({ timeout: 30_000 });
    await expect(frame.heading).toHaveText('Bienvenue', { timeout: 30_000 });
    await expect.poll(() => cas.logouts.length).toBe(1);
    expect(cas.logouts[0]).toMatch(/^TGT-1-/);
    expect((await context.cookies()).map((cookie) => cookie.name)).toEqual(['sesame_kiosk']);
  });
});
