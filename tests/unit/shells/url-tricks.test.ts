import { describe, expect, it } from 'vitest';
import { isOwnHost, isOwnOrigin, refuseApiRequest } from '../../../electron/browser/request-policy';
import { isAppUrl } from '../../../electron/main/lockdown/navigation-policy';

/**
 * Hostile URLs against both allowlists (LOCKDOWN.md #3, #7): the Electron shell's `isAppUrl`
 * (where the window may go) and the loopback shell's Host/Origin checks (who may call the API).
 * The tricks are the ones URL allowlists are known to fall for: userinfo, look-alike hosts,
 * case, scheme-relative and backslash forms, ports, numeric IP spellings.
 */
describe('isAppUrl against URL tricks', () => {
  // An empty port is no port (WHATWG URL): the same page, not a trick.
  it.each(['aPp://sesame/index.html', 'app://sesame:/index.html', 'app://sesame/index.html?next=https://evil.example', 'app://sesame/#//evil.example'])(
    'allows our own page however the scheme is cased, the port left empty or the query dressed: %s',
    (url) => {
      expect(isAppUrl(url)).toBe(true);
    },
  );

  it.each([
    // Schemes that run code or read files, in any case.
    'JAVASCRIPT:alert(1)',
    'javascript://sesame/%0aalert(1)',
    'FiLe:///etc/passwd',
    'file://sesame/etc/passwd',
    'DATA:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    'data:app://sesame/',
    // Userinfo: the real host is after the @.
    'https://ent.example@evil.example/',
    'app://sesame@evil.example/',
    'app://sesame:@evil.example/',
    'app://sesame%40evil.example/',
    // IDN look-alikes: Cyrillic і and ѕ, and their punycode.
    'https://ent.іledefrance.fr/',
    'app://ѕesame/',
    'app://xn--esame-8ve/',
    // Scheme-relative and backslash forms a lenient parser resolves against a base.
    '//evil.example/',
    '//sesame/index.html',
    '\\\\evil.example\\index.html',
    'app:\\\\sesame\\index.html',
    'app://sesame\\@evil.example/',
    'app://evil.example\\@sesame/',
    '/\\evil.example/',
    // Ports, including the default-looking ones.
    'app://sesame:0/',
    'app://sesame:443/',
    // Our loopback shell's origin is not the Electron shell's.
    'http://127.0.0.1:4000/',
    // Control characters and whitespace a parser would strip.
    'app://sesame/\n',
    'app://ses\tame/',
    '\u0000app://sesame/',
  ])('refuses %s', (url) => {
    expect(isAppUrl(url)).toBe(false);
  });
});

describe('loopback Host and Origin against URL tricks', () => {
  it.each([
    '127.0.0.1:4000.evil.example',
    'evil.example:4000',
    'ent.example@127.0.0.1:4000',
    '127.0.0.1:04000',
    '127.0.0.1:4000 ',
    '127.1:4000',
    '0x7f.0.0.1:4000',
    '2130706433:4000',
    '[::1]:4000',
    '[::ffff:127.0.0.1]:4000',
    'LOCALHOST:4000',
    '127.0.0.1:4000\\evil.example',
  ])('refuses the Host %j', (host) => {
    expect(isOwnHost(host, 4000)).toBe(false);
  });

  it.each([
    'http://127.0.0.1:4000/',
    'HTTP://127.0.0.1:4000',
    'http://127.0.0.1:4000@evil.example',
    'http://evil.example@127.0.0.1:4000',
    'http://127.0.0.1:4000.evil.example',
    'http://127.0.0.1',
    'http://127.0.0.1:80',
    'http://localhost:4000',
    'http://[::1]:4000',
    'file://',
    'null',
    '',
  ])('refuses the Origin %j', (origin) => {
    expect(isOwnOrigin(origin, 4000)).toBe(false);
    expect(refuseApiRequest({ host: '127.0.0.1:4000', origin, kioskHeader: '1', hasSession: true }, 4000)).toBe('origin');
  });

  it('admits exactly its own host and origin', () => {
    expect(isOwnHost('127.0.0.1:4000', 4000)).toBe(true);
    expect(isOwnOrigin('http://127.0.0.1:4000', 4000)).toBe(true);
  });
});
