import { describe, expect, it } from 'vitest';
import { PortalJar } from '../../../electron/browser/portal/portal-jar';

/**
 * The loopback portal's cookie jar (LOCKDOWN.md #15): the browser never holds a portal cookie,
 * so this jar must behave like one for the ENT and its CAS, and forget everything on clear().
 */
const CAS = new URL('https://cas.example.fr/cas/login');

describe('PortalJar', () => {
  it('sends back what was set, by path, longest path first, whatever expiry it asked for', () => {
    const jar = new PortalJar();
    jar.store(CAS, ['TGC=TGT-1; Path=/cas; Max-Age=1209600; Secure; HttpOnly', 'lang=fr; Path=/', 'pref=1; Expires=Fri, 31 Dec 2037 23:59:59 GMT']);
    // `pref` has no Path: the directory of /cas/login, so /cas, as long as TGC's.
    expect(jar.header(new URL('https://cas.example.fr/cas/logout'))).toBe('TGC=TGT-1; pref=1; lang=fr');
    expect(jar.header(new URL('https://cas.example.fr/other'))).toBe('lang=fr');
    expect(jar.header(new URL('https://cas.example.fr/castle'))).toBe('lang=fr');
  });

  it('shares a Domain cookie with the ENT, keeps host-only ones to their host, refuses a foreign Domain', () => {
    const jar = new PortalJar();
    jar.store(CAS, ['shared=1; Domain=.example.fr; Path=/', 'mine=1; Path=/', 'foreign=1; Domain=evil.example; Path=/']);
    expect(jar.header(new URL('https://ent.example.fr/'))).toBe('shared=1');
    expect(jar.header(new URL('https://cas.example.fr/'))).toBe('shared=1; mine=1');
    expect(jar.header(new URL('https://evil.example/'))).toBe('');
  });

  it('honours deletions (Max-Age=0, a past Expires) and forgets everything on clear', () => {
    const jar = new PortalJar();
    jar.store(CAS, ['TGC=TGT-1; Path=/cas', 'other=1; Path=/']);
    jar.store(CAS, ['TGC=; Path=/cas; Max-Age=0']);
    expect(jar.header(CAS)).toBe('other=1');
    jar.store(CAS, ['other=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT']);
    expect(jar.size).toBe(0);
    jar.store(CAS, ['again=1; Path=/']);
    jar.clear();
    expect(jar.header(CAS)).toBe('');
  });

  it('ignores headers a browser would ignore', () => {
    const jar = new PortalJar();
    jar.store(CAS, ['', 'novalue', '=nameless; Path=/']);
    expect(jar.size).toBe(0);
  });
});
