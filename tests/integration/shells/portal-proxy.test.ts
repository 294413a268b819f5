import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLaunchGate } from '../../../electron/browser/launch-gate';
import { startPortalProxy, type PortalProxy } from '../../../electron/browser/portal/portal-proxy';
import { GUARD_PATH } from '../../../electron/browser/portal/portal-rewrite';
import { PortalSchema } from '../../../shared/schemas/portal-schema';
import { startCasPage, type CasPage } from '../../e2e/support/cas-page';

/**
 * The loopback portal proxy over real HTTP against the CAS-like page (LOCKDOWN.md #14, #15):
 * only the kiosk's browser may use it, the portal's cookies stay in its jar, and closing it
 * logs out of the CAS with them. The browser side is tests/e2e/portal.spec.ts.
 */
let cas: CasPage;
let proxy: PortalProxy;
const gate = createLaunchGate();
const secret = gate.redeem(gate.code) ?? '';
const KIOSK = { cookie: `sesame_kiosk=${secret}` };

beforeEach(async () => {
  cas = await startCasPage();
  proxy = await startPortalProxy();
  proxy.setKioskOrigin('http://127.0.0.1:4000');
  proxy.setAdmission(gate.admits);
});
afterEach(async () => {
  await proxy.stop();
  await cas.close();
});

async function open(): Promise<string> {
  const display = await proxy.open(PortalSchema.parse({ entryUrl: `${cas.origin}/ent/`, origins: [cas.origin], logoutUrl: `${cas.origin}/cas/logout` }));
  if (display.display !== 'frame') throw new Error('a frame was expected');
  return display.url;
}

describe('portal proxy', () => {
  it('answers only the browser holding the kiosk cookie', async () => {
    const entry = await open();
    expect((await fetch(entry, { redirect: 'manual' })).status).toBe(403);
    expect((await fetch(entry, { redirect: 'manual', headers: { cookie: 'sesame_kiosk=guess' } })).status).toBe(403);
    expect((await fetch(entry, { redirect: 'manual', headers: KIOSK })).status).toBe(302);
  });

  it('keeps the CAS ticket in its jar, never in an answer, and logs out with it on close', async () => {
    const entry = new URL(await open());
    const login = await fetch(new URL('/cas/login', entry), {
      method: 'POST', redirect: 'manual',
      headers: { ...KIOSK, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ username: 'eleve', password: 'x', rememberMe: 'true', service: `${entry.origin}/ent/` }),
    });
    expect(login.status).toBe(302);
    expect(login.headers.getSetCookie()).toEqual([]);
    // The CAS got its own URL back as the service, and redirected to it: made local again.
    expect(login.headers.get('location')).toBe(`${entry.origin}/ent/?ticket=ST-1`);
    expect(cas.logins).toEqual([{ username: 'eleve', rememberMe: 'true', publicWorkstation: null }]);

    const page = await fetch(new URL('/cas/login', entry), { headers: KIOSK });
    const html = await page.text();
    expect(html).toContain(`<script src="${GUARD_PATH}"></script>`);
    expect(html).toContain(`action="${entry.origin}/cas/login"`);
    expect(html).not.toContain(cas.origin);
    expect(page.headers.get('content-security-policy')).toBe('frame-ancestors http://127.0.0.1:4000');
    expect(page.headers.get('x-frame-options')).toBeNull();

    await proxy.close();
    expect(cas.logouts).toEqual(['TGT-1-eleve']);
    // Closed: the proxy serves nothing until the next person opens the portal.
    expect((await fetch(entry, { headers: KIOSK })).status).toBe(404);
  });

  it('answers 204 to a redirect off the profile origins, so the frame stays where it was', async () => {
    const entry = new URL(await open());
    const away = await fetch(new URL('/cas/away', entry), { redirect: 'manual', headers: KIOSK });
    expect(away.status).toBe(204);
    expect(away.headers.get('location')).toBeNull();
  });
});
