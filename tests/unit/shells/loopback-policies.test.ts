import { allowFrames } from '../../../electron/browser/static-routes';
import { withFrameSources } from '../../../electron/embedded/security-headers';
import { describe, expect, it } from 'vitest';
import { kioskBridgeSource } from '../../../electron/browser/bridge/kiosk-bridge';
import { chromiumKioskArgs, LOOPBACK_ONLY_RESOLVER } from '../../../electron/browser/chromium-launcher';
import { createLaunchGate, readCookie, SESSION_COOKIE } from '../../../electron/browser/launch-gate';
import { refuseApiRequest } from '../../../electron/browser/request-policy';
import { injectBridge } from '../../../electron/browser/static-routes';
import { KIOSK_METHODS } from '../../../shared/contract/kiosk-api';

describe('launch gate', () => {
  it('trades the code for the session secret exactly once', () => {
    const gate = createLaunchGate();
    expect(gate.redeem('wrong')).toBeNull();
    const secret = gate.redeem(gate.code);
    expect(secret).toMatch(/^[\w-]{43}$/);
    expect(gate.redeem(gate.code)).toBeNull();
    expect(gate.admits(`other=1; ${SESSION_COOKIE}=${secret}`)).toBe(true);
  });

  it('lets a wrong guess leave the right code usable', () => {
    const gate = createLaunchGate();
    expect(gate.redeem(`${gate.code}x`)).toBeNull();
    expect(gate.redeem(gate.code)).not.toBeNull();
  });

  it.each([undefined, '', `${SESSION_COOKIE}=`, `${SESSION_COOKIE}=guess`, 'x=1'])('refuses the cookie header %j', (header) => {
    const gate = createLaunchGate();
    gate.redeem(gate.code);
    expect(gate.admits(header)).toBe(false);
  });

  it('refuses non-string codes', () => {
    const gate = createLaunchGate();
    expect(gate.redeem(null)).toBeNull();
    expect(gate.redeem([gate.code])).toBeNull();
  });

  it('reads a cookie among others', () => {
    expect(readCookie('a=1; b = 2 ;c=3', 'b')).toBe('2');
    expect(readCookie('ab=1', 'b')).toBeUndefined();
  });
});

describe('refuseApiRequest', () => {
  const good = { host: '127.0.0.1:4000', origin: 'http://127.0.0.1:4000', kioskHeader: '1', hasSession: true };

  it('admits our page', () => {
    expect(refuseApiRequest(good, 4000)).toBeNull();
    expect(refuseApiRequest({ ...good, fetchSite: 'same-origin' }, 4000)).toBeNull();
    expect(refuseApiRequest({ ...good, origin: undefined }, 4000)).toBeNull();
  });

  it.each([
    [{ host: 'evil.example:4000' }, 'host'],
    [{ host: 'localhost:4000' }, 'host'],
    [{ host: '127.0.0.1:4001' }, 'host'],
    [{ host: '127.0.0.1' }, 'host'],
    [{ host: undefined }, 'host'],
    [{ origin: 'http://evil.example' }, 'origin'],
    [{ origin: 'null' }, 'origin'],
    [{ origin: 'http://127.0.0.1:4001' }, 'origin'],
    [{ origin: 'https://127.0.0.1:4000' }, 'origin'],
    [{ kioskHeader: undefined }, 'header'],
    [{ kioskHeader: '0' }, 'header'],
    [{ kioskHeader: ['1', '1'] }, 'header'],
    [{ hasSession: false }, 'session'],
    // The portal's pages are the same site (another loopback port): an image or script tag
    // sends no Origin, but Chromium says where it came from.
    [{ origin: undefined, fetchSite: 'same-site' }, 'site'],
    [{ origin: undefined, fetchSite: 'cross-site' }, 'site'],
  ])('refuses %j (%s)', (change, reason) => {
    expect(refuseApiRequest({ ...good, ...change }, 4000)).toBe(reason);
  });

  it('does not ask the event stream for the header EventSource cannot send', () => {
    expect(refuseApiRequest({ ...good, kioskHeader: undefined }, 4000, { requireHeader: false })).toBeNull();
    expect(refuseApiRequest({ ...good, kioskHeader: undefined, hasSession: false }, 4000, { requireHeader: false })).toBe('session');
  });
});

describe('bridge', () => {
  it('is generated from every method of the contract', () => {
    const source = kioskBridgeSource(KIOSK_METHODS);
    expect(source).toContain(`new Set(${JSON.stringify(KIOSK_METHODS)})`);
    expect(source).not.toMatch(/^\s*import\b/m);
  });

  it('is injected before the app module script', () => {
    const html = injectBridge('<html><head><script type="module" crossorigin src="/assets/index.js"></script></head></html>');
    expect(html.indexOf('/kiosk-bridge.js')).toBeGreaterThan(0);
    expect(html.indexOf('/kiosk-bridge.js')).toBeLessThan(html.indexOf('/assets/index.js'));
    expect(injectBridge('<html><head></head></html>')).toContain('<script type="module" src="/kiosk-bridge.js"></script>\n</head>');
  });
});

describe('chromium kiosk resolver (LOCKDOWN.md #3)', () => {
  it('maps every host name to nothing but leaves the loopback IP literal', () => {
    expect(chromiumKioskArgs('http://127.0.0.1:1/', '/tmp/p', false)).toContain(LOOPBACK_ONLY_RESOLVER);
    expect(LOOPBACK_ONLY_RESOLVER).toBe('--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1');
  });
});

describe('chromium kiosk DevTools channel (LOCKDOWN.md #12)', () => {
  it('talks to Chromium over the launcher-owned pipe and never opens a debugging port', () => {
    const args = chromiumKioskArgs('http://127.0.0.1:1/', '/tmp/p', false);
    expect(args).toContain('--remote-debugging-pipe');
    expect(args.filter((arg) => /^--remote-debugging-(port|address)/.test(arg))).toEqual([]);
  });
});

describe('frames (LOCKDOWN.md #15, the portal view)', () => {
  const meta = `<meta http-equiv="Content-Security-Policy" content="default-src &#39;self&#39;">`;

  it('lets the page frame the portal proxy origins only, in the meta policy as in the header', () => {
    expect(allowFrames(meta, ['http://127.0.0.1:4001', 'http://127.0.0.1:4002'])).toBe(
      `<meta http-equiv="Content-Security-Policy" content="default-src &#39;self&#39;; frame-src http://127.0.0.1:4001 http://127.0.0.1:4002">`,
    );
    expect(withFrameSources("default-src 'self'", ['http://127.0.0.1:4001'])).toBe("default-src 'self'; frame-src http://127.0.0.1:4001");
  });

  it('changes nothing without a portal proxy', () => {
    expect(allowFrames(meta, [])).toBe(meta);
    expect(withFrameSources("default-src 'self'", [])).toBe("default-src 'self'");
  });
});
