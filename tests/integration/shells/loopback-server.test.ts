import { request } from 'node:http';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../electron/embedded/security-headers';
import { APP_SCRIPT, openKiosk, startKioskFixture } from './kiosk-stack-fixture';
import type { KioskFixture } from './kiosk-stack-fixture';

let kiosk: KioskFixture;
let cookie: string;

beforeAll(async () => {
  kiosk = await startKioskFixture();
  cookie = await openKiosk(kiosk.server);
});

afterAll(() => kiosk.close());

/** Raw HTTP, so that Host, Origin and undecoded paths go out exactly as written. */
function raw(path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: kiosk.server.port, path, method: options.method ?? 'GET', headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

function api(method: string, body: unknown, headers: Record<string, string> = {}) {
  return raw(`/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Sesame-Kiosk': '1', Cookie: cookie, Origin: kiosk.server.origin, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

describe('launch code', () => {
  it('was spent by the first visit: the same URL is refused afterwards', async () => {
    expect((await fetch(kiosk.server.launchUrl, { redirect: 'manual' })).status).toBe(403);
  });

  it('refuses a wrong code', async () => {
    expect((await fetch(`${kiosk.server.origin}/launch?code=guess`, { redirect: 'manual' })).status).toBe(403);
    expect((await fetch(`${kiosk.server.origin}/launch`, { redirect: 'manual' })).status).toBe(403);
  });
});

describe('kiosk API over loopback', () => {
  it('answers our page with the Result of the real core', async () => {
    const response = await api('terminal.describe', {});
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toMatchObject({ ok: true, value: { terminalId: 'borne-demo', mode: 'shared', online: true, idle: { timeoutS: 60, warningS: 10 } } });
  });

  it('offers the five demo profiles in the order "Vous êtes…" lists them, each with its persona', async () => {
    const described = JSON.parse((await api('terminal.describe', {})).body) as { value: { profiles: { id: string; persona: { fr: string } }[] } };
    expect(described.value.profiles.map((profile) => profile.id)).toEqual(['cergy-etudiant', 'um-etudiant', 'ent77-college', 'idf-lycee', 'parents-scolarite']);
    for (const profile of described.value.profiles) expect(profile.persona.fr.length).toBeGreaterThan(0);
  });

  it.each([
    ['no cookie', { Cookie: '' }],
    ['a guessed cookie', { Cookie: 'sesame_kiosk=guess' }],
    ['no kiosk header', { 'X-Sesame-Kiosk': '' }],
    ['a foreign Host (DNS rebinding)', { Host: 'evil.example:80' }],
    ['localhost instead of 127.0.0.1', { Host: `localhost:${0}` }],
    ['a foreign Origin', { Origin: 'http://evil.example' }],
    ['an opaque Origin', { Origin: 'null' }],
  ])('refuses a call with %s', async (_name, headers) => {
    const response = await api('terminal.describe', {}, headers);
    expect([403, 421]).toContain(response.status);
    expect(response.body).not.toContain('borne-demo');
  });

  it('answers 404 NOT_FOUND for a method outside the contract', async () => {
    const response = await api('terminal.shutdown', {});
    expect(response.status).toBe(404);
    expect(JSON.parse(response.body)).toEqual({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('refuses hostile bodies with INVALID_INPUT, never a 500', async () => {
    expect((await api('session.start', '{not json')).status).toBe(400);
    expect((await api('session.start', { profileId: 'x'.repeat(20_000) })).status).toBe(413);
    expect((await api('session.start', 'profileId=x', { 'Content-Type': 'application/x-www-form-urlencoded' })).status).toBe(415);
    const wrongType = await api('session.start', { profileId: 42 });
    expect(wrongType.status).toBe(200);
    expect(JSON.parse(wrongType.body)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: [{ key: 'profileId' }] } });
    expect((await raw('/api/terminal.describe', { headers: { 'X-Sesame-Kiosk': '1', Cookie: cookie } })).status).toBe(405);
  });
});

describe('static files', () => {
  it('serves index.html with the bridge before the app script, under the CSP', async () => {
    const response = await raw('/', { headers: { Host: `127.0.0.1:${kiosk.server.port}` } });
    expect(response.status).toBe(200);
    expect(response.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['referrer-policy']).toBe('no-referrer');
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.headers['permissions-policy']).toContain('camera=()');
    expect(response.body.indexOf('/kiosk-bridge.js')).toBeLessThan(response.body.indexOf(APP_SCRIPT));
    const bridge = await raw('/kiosk-bridge.js');
    expect(bridge.headers['content-type']).toMatch(/^text\/javascript/);
    expect(bridge.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
  });

  it.each(['/../outside.txt', '/%2e%2e/outside.txt', '/assets/%2e%2e%2f%2e%2e%2foutside.txt', '/..%5coutside.txt', '/assets/', '/nothing.js'])('refuses %s', async (path) => {
    const response = await raw(path);
    expect(response.status).toBe(404);
    expect(response.body).not.toContain('not for the page');
    expect(response.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
  });

  it('refuses a foreign Host even for static files', async () => {
    expect((await raw('/', { headers: { Host: 'rebound.evil.example' } })).status).toBe(421);
  });
});

describe('event stream', () => {
  it('delivers session.ended from the real core', async () => {
    let opened!: () => void;
    const subscribed = new Promise<void>((resolve) => (opened = resolve));
    const received = new Promise<string>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: kiosk.server.port, path: '/api/events', headers: { Cookie: cookie } }, (res) => {
        expect(res.statusCode).toBe(200);
        expect(res.headers['content-type']).toMatch(/^text\/event-stream/);
        let text = '';
        res.on('data', (chunk: Buffer) => {
          // The first bytes (`retry:`) are written in the same tick as the subscription.
          opened();
          text += chunk.toString('utf8');
          const line = text.split('\n').find((l) => l.startsWith('data: ') && l.includes('session.ended'));
          if (line) {
            resolve(line.slice('data: '.length));
            req.destroy();
          }
        });
      });
      req.on('error', reject);
      req.end();
    });
    await subscribed;
    expect(JSON.parse((await api('session.start', { profileId: 'cergy-etudiant' })).body)).toMatchObject({ ok: true });
    expect(JSON.parse((await api('session.end', { reason: 'cancelled' })).body)).toEqual({ ok: true, value: { wiped: true } });
    expect(JSON.parse(await received)).toEqual({ type: 'session.ended', reason: 'cancelled' });
  });

  it('refuses the stream without the session cookie', async () => {
    expect((await raw('/api/events')).status).toBe(403);
  });
});

describe('embedded composition', () => {
  it('writes the terminal config owner-only, with the embedded server and the idle overrides', () => {
    const file = join(kiosk.dataDir, 'kiosk', 'terminal.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(kiosk.stack.config).toMatchObject({ mode: 'shared', locale: 'fr', profiles: ['cergy-etudiant', 'um-etudiant', 'ent77-college', 'idf-lycee', 'parents-scolarite'], idle: { timeoutS: 60, warningS: 10 } });
    expect(kiosk.stack.config.server.url).toBe(kiosk.stack.serverUrl);
  });
});
