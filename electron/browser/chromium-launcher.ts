import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { createDevToolsClient } from './chromium-devtools';
import { seedChromiumProfile } from './chromium-profile';
import type { DevToolsClient } from './chromium-devtools';

/**
 * Opens the loopback kiosk in Chromium's kiosk/app mode, in a throw-away profile: nothing the
 * previous person did (history, cookies, form data) survives the browser (LOCKDOWN.md #14, #15).
 */
const CANDIDATES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

export function hasDisplay(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): boolean {
  if (platform === 'win32' || platform === 'darwin') return true;
  return Boolean(env['DISPLAY'] || env['WAYLAND_DISPLAY']);
}

export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  const explicit = env['CHROMIUM_PATH'];
  if (explicit && existsSync(explicit)) return explicit;
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  const dirs = (env['PATH'] ?? '').split(delimiter).filter(Boolean);
  for (const name of CANDIDATES) {
    for (const dir of dirs) {
      const candidate = join(dir, name);
      if (existsSync(candidate)) return candidate;
    }
  }
  return null;
}

/**
 * Chromium refuses to run as root with its sandbox on. A kiosk belongs under a dedicated
 * account; as root (a test box, a container) it still starts, without the sandbox, and says so.
 */
export function needsNoSandbox(uid: number | undefined = process.getuid?.()): boolean {
  return uid === 0;
}

/**
 * LOCKDOWN.md #3, #7, second layer behind the page's own guards: every host name resolves to
 * nothing, so even a navigation the page failed to stop reaches no server. The kiosk needs only
 * its loopback shell, addressed by IP literal; `localhost` is refused too (it is a name).
 */
export const LOOPBACK_ONLY_RESOLVER = '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1';

export function chromiumKioskArgs(url: string, userDataDir: string, asRoot: boolean = needsNoSandbox()): string[] {
  return [
    ...(asRoot ? ['--no-sandbox'] : []),
    '--kiosk',
    `--app=${url}`,
    `--user-data-dir=${userDataDir}`,
    '--incognito',
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-sync',
    '--disable-translate',
    '--disable-extensions',
    '--disable-features=Translate,TranslateUI',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-print-preview',
    '--disable-pinch',
    '--overscroll-history-navigation=0',
    '--password-store=basic',
    '--noerrdialogs',
    // fd 3/4 of the launcher's own child, never a port (LOCKDOWN.md #12): see chromium-devtools.ts.
    '--remote-debugging-pipe',
    LOOPBACK_ONLY_RESOLVER,
  ];
}

export interface ChromiumKiosk {
  process: ChildProcess;
  /** The DevTools Protocol over the pipe, for the supervisor (crash recovery, cookie jar check). */
  devtools: DevToolsClient;
  /** The last lines Chromium wrote to stderr, to say why it stopped. */
  lastError(): string;
  /** Stops the browser and deletes its profile folder. */
  close(): Promise<void>;
}

export function launchChromiumKiosk(binary: string, url: string): ChromiumKiosk {
  const userDataDir = mkdtempSync(join(tmpdir(), 'sesame-chromium-'));
  seedChromiumProfile(userDataDir);
  // fd 3: our messages to Chromium, fd 4: Chromium's to us (what --remote-debugging-pipe expects).
  const child = spawn(binary, chromiumKioskArgs(url, userDataDir), { stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'] });
  const devtools = createDevToolsClient(child.stdio[3] as Writable, child.stdio[4] as Readable);
  let stderrTail = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderrTail = (stderrTail + chunk.toString()).slice(-2000);
  });
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.once('error', () => resolve());
  });
  return {
    process: child,
    devtools,
    lastError: () => stderrTail.trim().split('\n').slice(-2).join(' | '),
    async close() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
      devtools.close();
      await removeProfile(userDataDir);
    },
  };
}

/**
 * Chromium's network service can outlive the browser process by a few milliseconds and write one
 * last file into the profile (`.org.chromium.Chromium.Network Persistent State.XXXXXX`) while it
 * is being removed: ENOTEMPTY. `rmSync`'s own retries only retry the last `rmdir`, so the whole
 * removal is tried again, briefly.
 */
export async function removeProfile(userDataDir: string, attempts: number = 20): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      rmSync(userDataDir, { recursive: true, force: true });
      return;
    } catch (error) {
      const code = error instanceof Error && 'code' in error ? error.code : undefined;
      if (code !== 'ENOTEMPTY' || attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}
