import { describe, expect, it } from 'vitest';
import {
  GUARD_PATH, injectGuard, localiseLocation, localiseText, localResponseHeaders, upstreamiseText, upstreamRequestHeaders,
} from '../../../electron/browser/portal/portal-rewrite';

const PAIRS = [
  { upstream: 'https://ent.example.fr', local: 'http://127.0.0.1:4001' },
  { upstream: 'https://cas.example.fr', local: 'http://127.0.0.1:4002' },
];

describe('portal rewriting', () => {
  it('makes the portal origins local in bodies, plain and JSON-escaped, and back again in what the browser sends', () => {
    const html = '<a href="https://cas.example.fr/cas/login">x</a><script>var u = "https:\\/\\/ent.example.fr\\/api";</script>';
    const local = localiseText(html, PAIRS);
    expect(local).toBe('<a href="http://127.0.0.1:4002/cas/login">x</a><script>var u = "http:\\/\\/127.0.0.1:4001\\/api";</script>');
    expect(upstreamiseText('service=http%3A%2F%2F127.0.0.1%3A4001%2F&next=http://127.0.0.1:4002/x', PAIRS)).toBe(
      'service=https%3A%2F%2Fent.example.fr%2F&next=https://cas.example.fr/x',
    );
  });

  it('puts the guard first in <head>, before any script of the page', () => {
    expect(injectGuard('<html><head><script>1</script></head></html>')).toBe(`<html><head><script src="${GUARD_PATH}"></script><script>1</script></head></html>`);
    expect(injectGuard('<p>bare</p>')).toBe(`<script src="${GUARD_PATH}"></script><p>bare</p>`);
  });

  it('keeps redirects within the profile origins and refuses the others', () => {
    const base = new URL('https://cas.example.fr/cas/login');
    expect(localiseLocation('https://ent.example.fr/?ticket=ST-1', base, PAIRS)).toBe('http://127.0.0.1:4001/?ticket=ST-1');
    expect(localiseLocation('/cas/login?x=1', base, PAIRS)).toBe('http://127.0.0.1:4002/cas/login?x=1');
    expect(localiseLocation('https://evil.example/', base, PAIRS)).toBeNull();
    expect(localiseLocation('https://ent.example.fr@evil.example/', base, PAIRS)).toBeNull();
    expect(localiseLocation('javascript:alert(1)', base, PAIRS)).toBeNull();
  });

  it('sends no browser cookie of the kiosk, no compressed encoding, and says Origin and Referer as the upstream', () => {
    const headers = upstreamRequestHeaders(
      { host: '127.0.0.1:4002', cookie: 'sesame_kiosk=secret', origin: 'http://127.0.0.1:4002', referer: 'http://127.0.0.1:4001/page?a=1', 'accept-encoding': 'gzip', 'sec-fetch-site': 'same-origin', 'user-agent': 'x' },
      PAIRS,
      'TGC=TGT-1',
    );
    expect(headers).toEqual({ 'user-agent': 'x', origin: 'https://cas.example.fr', referer: 'https://ent.example.fr/page?a=1', 'accept-encoding': 'identity', cookie: 'TGC=TGT-1' });
  });

  it('drops what would hand the browser a cookie or keep the page out of the kiosk frame', () => {
    const upstream = new Headers({ 'set-cookie': 'TGC=1; Max-Age=9999', 'x-frame-options': 'DENY', 'content-security-policy': "frame-ancestors 'none'", 'content-type': 'text/html', 'strict-transport-security': 'max-age=1' });
    expect(localResponseHeaders(upstream, 'http://127.0.0.1:4000')).toEqual({
      'content-type': 'text/html',
      'content-security-policy': 'frame-ancestors http://127.0.0.1:4000',
      'cache-control': 'no-store',
      'referrer-policy': 'same-origin',
    });
  });
});
