import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Session } from 'electron';
import { APP_SCHEME_PRIVILEGES, serveAppProtocol } from '../../../../electron/main/app-protocol';
import { CONTENT_SECURITY_POLICY } from '../../../../electron/embedded/security-headers';
import { FakeSession } from '../../../support/fake-electron';

vi.mock('electron', () => import('../../../support/fake-electron'));

/**
 * LOCKDOWN.md #2, #7: what the `app://` handler registered on the kiosk partition answers. The
 * renderer folder sits next to a secret file, which no request may read.
 */
let root: string;
let fetchApp: (url: string, method?: string) => Promise<Response>;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'sesame-app-protocol-'));
  mkdirSync(join(root, 'renderer', 'assets'), { recursive: true });
  writeFileSync(join(root, 'renderer', 'index.html'), '<!doctype html><title>Sésame</title>');
  writeFileSync(join(root, 'renderer', 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(root, 'secret.txt'), 'previous person');
  const session = new FakeSession();
  serveAppProtocol(session as unknown as Session, join(root, 'renderer'));
  const handler = session.protocolHandlers.get('app');
  if (handler === undefined) throw new Error('app:// not registered on the session');
  fetchApp = (url, method = 'GET') => handler({ url, method });
});

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('app:// handler', () => {
  it('serves the renderer with the security headers', async () => {
    const response = await fetchApp('app://sesame/index.html');
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('Sésame');
    expect(response.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('Content-Type')).toMatch(/^text\/html/);
    expect(response.headers.get('Cache-Control')).toBe('no-store');
  });

  it('serves index.html at the root, and a HEAD without a body', async () => {
    expect((await fetchApp('app://sesame/')).status).toBe(200);
    const head = await fetchApp('app://sesame/assets/app.js', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it.each([
    'app://sesame/%2e%2e/secret.txt',
    'app://sesame/%2E%2E%2Fsecret.txt',
    'app://sesame/..%5csecret.txt',
    'app://sesame/assets/%2e%2e/%2e%2e/secret.txt',
    'app://sesame/%00index.html',
    'app://sesame/assets',
    'app://sesame/missing.html',
    'app://evil.example/index.html',
    'app://sesame@evil.example/index.html',
    'app://SESAME/index.html',
  ])('answers 404, still with the CSP, for %s', async (url) => {
    const response = await fetchApp(url);
    expect(response.status).toBe(404);
    expect(await response.text()).toBe('');
    expect(response.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it.each(['POST', 'PUT', 'DELETE', 'OPTIONS'])('answers 404 to %s', async (method) => {
    expect((await fetchApp('app://sesame/index.html', method)).status).toBe(404);
  });
});

describe('APP_SCHEME_PRIVILEGES', () => {
  it('grants no CSP bypass, service workers or CORS', () => {
    expect(APP_SCHEME_PRIVILEGES.scheme).toBe('app');
    expect(APP_SCHEME_PRIVILEGES.privileges).not.toHaveProperty('bypassCSP');
    expect(APP_SCHEME_PRIVILEGES.privileges).not.toHaveProperty('allowServiceWorkers');
    expect(APP_SCHEME_PRIVILEGES.privileges.corsEnabled).toBe(false);
  });
});
