import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

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
    LOOPBACK_ONLY_RESOLVER,
  ];
}

export interface ChromiumKiosk {
  process: ChildProcess;
  /** The last lines Chromium wrote to stderr, to say why it stopped. */
  lastError(): string;
  /** Stops the browser and deletes its profile folder. */
  close(): Promise<void>;
}

export function launchChromiumKiosk(binary: string, url: string): ChromiumKiosk {
  const userDataDir = mkdtempSync(join(tmpdir(), 'sesame-chromium-'));
  const child = spawn(binary, chromiumKioskArgs(url, userDataDir), { stdio: ['ignore', 'ignore', 'pipe'] });
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
    lastError: () => stderrTail.trim().split('\n').slice(-2).join(' | '),
    async close() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
