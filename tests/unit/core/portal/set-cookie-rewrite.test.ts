import { describe, expect, it } from 'vitest';
import { rewriteSetCookie, rewriteSetCookies } from '../../../../electron/core/portal/set-cookie-rewrite';

// A fixed "now" so past and future Expires dates do not depend on the clock (2026-11-23).
const NOW = Date.UTC(2026, 10, 23, 12, 0, 0);

describe('rewriteSetCookie turns persistent cookies into session cookies (LOCKDOWN.md #15)', () => {
  it.each([
    ['TGC=abc; Max-Age=2592000; Path=/cas; Secure; HttpOnly', 'TGC=abc; Path=/cas; Secure; HttpOnly'],
    ['TGC=abc; Path=/cas; Expires=Wed, 21 Oct 2037 07:28:00 GMT; Secure', 'TGC=abc; Path=/cas; Secure'],
    // RFC 850 and asctime spellings still in the wild; the commas are not separators.
    ['id=1; expires=Wednesday, 21-Oct-37 07:28:00 GMT; path=/', 'id=1; path=/'],
    ['id=1; Expires=Wed Oct 21 07:28:00 2037; Path=/', 'id=1; Path=/'],
    ['id=1; Expires=Wed, 21-Oct-2037 07:28:00 GMT; Max-Age=86400; SameSite=Lax', 'id=1; SameSite=Lax'],
  ])('%s', (header, expected) => {
    expect(rewriteSetCookie(header, NOW)).toBe(expected);
  });

  it.each(['expires', 'EXPIRES', 'ExPiReS', 'max-age', 'MAX-AGE', 'Max-age'])('finds the attribute spelt %s', (name) => {
    const value = name.toLowerCase() === 'expires' ? 'Wed, 21 Oct 2037 07:28:00 GMT' : '3600';
    expect(rewriteSetCookie(`a=b; ${name}=${value}; Path=/`, NOW)).toBe('a=b; Path=/');
  });

  it('finds attributes surrounded by spaces and tabs, with spaces around "="', () => {
    expect(rewriteSetCookie('a=b;Max-Age=3600;Path=/', NOW)).toBe('a=b; Path=/');
    expect(rewriteSetCookie('a=b ;   Max-Age = 3600 ;\tPath=/\t', NOW)).toBe('a=b ; Path=/');
    expect(rewriteSetCookie('a=b;\t expires \t=\tWed, 21 Oct 2037 07:28:00 GMT', NOW)).toBe('a=b');
  });

  it('drops expiry attributes with no value or an unreadable one (browsers ignore them too)', () => {
    expect(rewriteSetCookie('a=b; Max-Age; Expires; Path=/', NOW)).toBe('a=b; Path=/');
    expect(rewriteSetCookie('a=b; Max-Age=1e9; Expires=someday; HttpOnly', NOW)).toBe('a=b; HttpOnly');
    expect(rewriteSetCookie('a=b; Max-Age=+60; Secure', NOW)).toBe('a=b; Secure');
  });

  it('drops every occurrence when an attribute is repeated', () => {
    expect(rewriteSetCookie('a=b; Max-Age=60; Path=/; max-age=120; MAX-AGE=180', NOW)).toBe('a=b; Path=/');
  });

  it('keeps quoted values, values with "=" and empty values byte for byte', () => {
    expect(rewriteSetCookie('pref="fr,en"; Max-Age=60', NOW)).toBe('pref="fr,en"');
    expect(rewriteSetCookie('jwt=eyJ0.eyJ==; Max-Age=60; Secure', NOW)).toBe('jwt=eyJ0.eyJ==; Secure');
    expect(rewriteSetCookie('empty=; Max-Age=60', NOW)).toBe('empty=');
    expect(rewriteSetCookie('=nameless; Max-Age=60', NOW)).toBe('=nameless');
  });

  it('does not mistake a name or value that looks like an attribute for one', () => {
    expect(rewriteSetCookie('Max-Age=3600; Path=/', NOW)).toBe('Max-Age=3600; Path=/');
    expect(rewriteSetCookie('expires=Wed, 21 Oct 2037 07:28:00 GMT', NOW)).toBe('expires=Wed, 21 Oct 2037 07:28:00 GMT');
    expect(rewriteSetCookie('a=expires; Max-Age=60', NOW)).toBe('a=expires');
  });

  it('keeps every other attribute, with its own spelling and order, including unknown ones', () => {
    expect(
      rewriteSetCookie('s=1; Domain=.ent.example; Path=/; Max-Age=60; Secure; HttpOnly; SameSite=None; Partitioned; Priority=High', NOW),
    ).toBe('s=1; Domain=.ent.example; Path=/; Secure; HttpOnly; SameSite=None; Partitioned; Priority=High');
    expect(rewriteSetCookie('s=1;;; secure ;; Max-Age=5', NOW)).toBe('s=1; secure');
  });

  it('leaves session cookies and bare pairs unchanged', () => {
    expect(rewriteSetCookie('JSESSIONID=XYZ; Path=/cas; Secure; HttpOnly', NOW)).toBe('JSESSIONID=XYZ; Path=/cas; Secure; HttpOnly');
    expect(rewriteSetCookie('a=b', NOW)).toBe('a=b');
    expect(rewriteSetCookie('', NOW)).toBe('');
  });

  it('keeps the result a session cookie when rewritten again', () => {
    const once = rewriteSetCookie('a=b; Max-Age=60; Path=/', NOW);
    expect(rewriteSetCookie(once, NOW)).toBe(once);
  });
});

describe('rewriteSetCookie keeps deletions as deletions (a logout must still clear the cookie)', () => {
  it.each([
    ['TGC=; Max-Age=0; Path=/cas', 'TGC=; Path=/cas; Max-Age=0'],
    ['TGC=; Max-Age=-1; Path=/cas', 'TGC=; Path=/cas; Max-Age=0'],
    ['TGC=; max-age=00', 'TGC=; Max-Age=0'],
    ['TGC=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/cas', 'TGC=; Path=/cas; Max-Age=0'],
    ['TGC=deleteMe; expires=Thursday, 01-Jan-70 00:00:01 GMT', 'TGC=deleteMe; Max-Age=0'],
  ])('%s', (header, expected) => {
    expect(rewriteSetCookie(header, NOW)).toBe(expected);
  });

  it('lets a valid Max-Age win over Expires, as browsers do (RFC 6265 §5.3)', () => {
    expect(rewriteSetCookie('a=b; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=3600', NOW)).toBe('a=b');
    expect(rewriteSetCookie('a=b; Expires=Wed, 21 Oct 2037 07:28:00 GMT; Max-Age=0', NOW)).toBe('a=b; Max-Age=0');
  });

  it('ignores an invalid Max-Age and falls back to Expires', () => {
    expect(rewriteSetCookie('a=b; Max-Age=soon; Expires=Thu, 01 Jan 1970 00:00:00 GMT', NOW)).toBe('a=b; Max-Age=0');
  });

  it('uses the last valid Max-Age when several are sent', () => {
    expect(rewriteSetCookie('a=b; Max-Age=0; Max-Age=60', NOW)).toBe('a=b');
    expect(rewriteSetCookie('a=b; Max-Age=60; Max-Age=0', NOW)).toBe('a=b; Max-Age=0');
    expect(rewriteSetCookie('a=b; Max-Age=0; Max-Age=x', NOW)).toBe('a=b; Max-Age=0');
  });

  it('compares Expires with the given instant', () => {
    const header = 'a=b; Expires=Mon, 23 Nov 2026 12:00:01 GMT';
    expect(rewriteSetCookie(header, NOW)).toBe('a=b');
    expect(rewriteSetCookie(header, NOW + 2000)).toBe('a=b; Max-Age=0');
  });
});

describe('rewriteSetCookies (one response, several Set-Cookie lines)', () => {
  it('rewrites each header on its own, keeping their order', () => {
    expect(
      rewriteSetCookies(
        ['TGC=t; Max-Age=2592000; Path=/cas', 'JSESSIONID=j; Path=/cas', 'old=; Expires=Thu, 01 Jan 1970 00:00:00 GMT'],
        NOW,
      ),
    ).toEqual(['TGC=t; Path=/cas', 'JSESSIONID=j; Path=/cas', 'old=; Max-Age=0']);
    expect(rewriteSetCookies([], NOW)).toEqual([]);
  });
});
