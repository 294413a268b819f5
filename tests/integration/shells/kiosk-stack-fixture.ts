import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startLoopbackServer } from '../../../electron/browser/loopback-server';
import type { LoopbackServer } from '../../../electron/browser/loopback-server';
import { startKioskStack } from '../../../electron/embedded/start-kiosk-stack';
import type { KioskStack } from '../../../electron/embedded/start-kiosk-stack';

/**
 * A whole kiosk for a test: the real reference server in-process, the real core, the loopback
 * shell on 127.0.0.1:0, all in a fresh temp folder. The renderer is a two-file stand-in page
 * (the real one is built by `electron-vite build`, which these tests do not need).
 */
export interface KioskFixture {
  base: string;
  dataDir: string;
  stack: KioskStack;
  server: LoopbackServer;
  close(): Promise<void>;
}

export const APP_SCRIPT = '/assets/app.js';

export function writeStandInRenderer(dir: string): void {
  mkdirSync(join(dir, 'assets'), { recursive: true });
  writeFileSync(join(dir, 'index.html'), `<!doctype html><html lang="fr"><head><title>Sésame</title><script type="module" src="${APP_SCRIPT}"></script></head><body><h1>Sésame</h1></body></html>`);
  writeFileSync(join(dir, 'assets', 'app.js'), 'document.body.dataset.app = "loaded";\n');
}

export async function startKioskFixture(): Promise<KioskFixture> {
  const base = mkdtempSync(join(tmpdir(), 'sesame-shell-'));
  const dataDir = join(base, 'data');
  const rendererDir = join(base, 'renderer');
  writeFileSync(join(base, 'outside.txt'), 'not for the page');
  writeStandInRenderer(rendererDir);
  const stack = await startKioskStack({ dataDir, resourcesDir: resolve('resources'), idleTimeoutS: 60, idleWarningS: 10 });
  const server = await startLoopbackServer({ backend: stack.core, rendererDir });
  return {
    base,
    dataDir,
    stack,
    server,
    async close() {
      await server.close();
      await stack.close();
      rmSync(base, { recursive: true, force: true });
    },
  };
}

/** Follows the printed URL like a browser would, and returns the session cookie it set. */
export async function openKiosk(server: LoopbackServer): Promise<string> {
  const response = await fetch(server.launchUrl, { redirect: 'manual' });
  const cookie = response.headers.get('set-cookie');
  if (response.status !== 303 || cookie === null) throw new Error(`launch refused: ${response.status}`);
  return cookie.split(';')[0] ?? '';
}
