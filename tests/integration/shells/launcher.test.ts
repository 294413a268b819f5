import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumKioskArgs, hasDisplay, needsNoSandbox } from '../../../electron/browser/chromium-launcher';
import { findElectronBinary } from '../../../electron/browser/electron-binary';
import { writeStandInRenderer } from './kiosk-stack-fixture';

/** `npm start`'s launcher, run from source as a child process, as the e2e fixture runs it. */
let base: string;

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'sesame-launch-'));
  writeStandInRenderer(join(base, 'renderer'));
});

afterAll(() => rmSync(base, { recursive: true, force: true }));

function launch(args: string[]): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  const child = spawn(process.execPath, ['--import', 'tsx', resolve('electron/browser/launch.ts'), ...args], {
    env: { ...process.env, SESAME_RENDERER_DIR: join(base, 'renderer'), SESAME_SHELL: '', SESAME_NO_OPEN: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  child.stdout?.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  return { child, output: () => text, exited };
}

async function kioskUrl(output: () => string, exited: Promise<number | null>): Promise<string> {
  let gone = false;
  void exited.then(() => (gone = true));
  for (;;) {
    const match = /^SESAME_KIOSK_URL=(\S+)$/m.exec(output());
    if (match?.[1]) return match[1];
    if (gone) throw new Error(`launcher exited:\n${output()}`);
    await new Promise((done) => setTimeout(done, 50));
  }
}

describe('launcher (loopback shell)', () => {
  it('serves the kiosk, prints its URL and why, and stops cleanly on SIGTERM', async () => {
    const dataDir = join(base, 'data');
    const run = launch(['--shell', 'browser', '--no-open', '--data-dir', dataDir, '--idle-timeout', '8', '--idle-warning', '3']);
    const url = await kioskUrl(run.output, run.exited);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/launch\?code=[\w-]+$/);
    expect(run.output()).toMatch(/^(Pas de binaire Electron \(.+\)|--shell browser demandé) : borne servie en boucle locale\.$/m);
    const response = await fetch(url, { redirect: 'manual' });
    expect(response.status).toBe(303);
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
  });

  it('refuses a bad flag with exit code 2', async () => {
    const run = launch(['--shell', 'firefox']);
    expect(await run.exited).toBe(2);
    expect(run.output()).toContain('shell');
  });

  it.skipIf(findElectronBinary().found)('refuses --shell electron where there is no Electron binary', async () => {
    const run = launch(['--shell', 'electron', '--no-open', '--data-dir', join(base, 'unused')]);
    expect(await run.exited).toBe(1);
  });
});

describe('findElectronBinary', () => {
  function fakeInstall(withBinary: boolean): string {
    const root = mkdtempSync(join(base, 'install-'));
    const pkg = join(root, 'node_modules', 'electron');
    mkdirSync(join(pkg, 'dist'), { recursive: true });
    writeFileSync(join(pkg, 'package.json'), '{"name":"electron","version":"45.4.1"}');
    writeFileSync(join(pkg, 'path.txt'), 'electron');
    if (withBinary) writeFileSync(join(pkg, 'dist', 'electron'), '');
    return pathToFileURL(join(root, 'entry.js')).href;
  }

  it('finds dist/<path.txt> without requiring electron', () => {
    const found = findElectronBinary(fakeInstall(true));
    expect(found).toMatchObject({ found: true });
  });

  it('reports a package whose binary was never downloaded', () => {
    expect(findElectronBinary(fakeInstall(false))).toMatchObject({ found: false, reason: expect.stringContaining('absent') });
  });

  it('reports a missing package', () => {
    expect(findElectronBinary(pathToFileURL(join(tmpdir(), 'nowhere', 'x.js')).href)).toMatchObject({ found: false });
  });
});

describe('chromium kiosk flags', () => {
  it('opens the URL as an app in kiosk mode with a throw-away profile', () => {
    const args = chromiumKioskArgs('http://127.0.0.1:1/launch?code=c', '/tmp/p');
    expect(args).toEqual(expect.arrayContaining(['--kiosk', '--app=http://127.0.0.1:1/launch?code=c', '--user-data-dir=/tmp/p', '--no-first-run', '--disable-sync', '--incognito']));
  });

  it('keeps the sandbox on, and turns it off only as root, where Chromium refuses to start with it', () => {
    expect(chromiumKioskArgs('http://127.0.0.1:1/', '/tmp/p', false)).not.toContain('--no-sandbox');
    expect(chromiumKioskArgs('http://127.0.0.1:1/', '/tmp/p', true)).toContain('--no-sandbox');
    expect(needsNoSandbox(0)).toBe(true);
    expect(needsNoSandbox(1000)).toBe(false);
  });

  it('needs DISPLAY or WAYLAND_DISPLAY on Linux only', () => {
    expect(hasDisplay({}, 'linux')).toBe(false);
    expect(hasDisplay({ WAYLAND_DISPLAY: 'wayland-0' }, 'linux')).toBe(true);
    expect(hasDisplay({}, 'win32')).toBe(true);
  });
});
