import { describe, expect, it } from 'vitest';
import { isPortalUrl } from '../../../../electron/core/portal/portal-policy';

/**
 * The portal view's allowlist (LOCKDOWN.md #3, #15) against the URL tricks allowlists fall for:
 * the person must not reach any site but the ENT and its CAS from inside the kiosk.
 */
const ORIGINS = ['https://ent.iledefrance.fr', 'https://cas.iledefrance.fr'];

describe('isPortalUrl', () => {
  it.each([
    'https://ent.iledefrance.fr/',
    'https://ent.iledefrance.fr/timeline?x=https://evil.example',
    'HTTPS://ENT.ILEDEFRANCE.FR/',
    'https://ent.iledefrance.fr:443/',
    'https://cas.iledefrance.fr/cas/login?service=https%3A%2F%2Fent.iledefrance.fr%2F',
  ])('allows the profile origins however cased, with their default port or a dressed query: %s', (url) => {
    expect(isPortalUrl(url, ORIGINS)).toBe(true);
  });

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt://ent.iledefrance.fr/%0aalert(1)',
    'file:///etc/passwd',
    'data:text/html,<script>alert(1)</script>',
    'blob:https://ent.iledefrance.fr/1234',
    'http://ent.iledefrance.fr/',
    'https://ent.iledefrance.fr:8443/',
    'https://ent.iledefrance.fr@evil.example/',
    'https://user:pw@ent.iledefrance.fr/',
    'https://ent.iledefrance.fr.evil.example/',
    'https://evil.example/ent.iledefrance.fr',
    'https://ent.іledefrance.fr/',
    'https://xn--ent-iledefrance-xyz.fr/',
    '//ent.iledefrance.fr/',
    '\\\\ent.iledefrance.fr\\',
    ' https://ent.iledefrance.fr/',
    'https://ent.iledefrance.fr/\u0000',
    'https://ent.iledefrance.fr/' + 'a'.repeat(5000),
  ])('refuses %s', (url) => {
    expect(isPortalUrl(url, ORIGINS)).toBe(false);
  });

  it('refuses what is not a string', () => {
    for (const value of [undefined, null, 42, {}, ['https://ent.iledefrance.fr/']]) expect(isPortalUrl(value, ORIGINS)).toBe(false);
  });
});
