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
  const explicit = env['CHROME_PATH'];
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

export function chromiumKioskArgs(url: string, userDataDir: string): string[] {
  return [
    '--kiosk',
    `--app=${url}`,
    `--user-data-dir=${userDataDir}`,
    '--incognito',
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-sync',
    '--disable-translate',
    '--disable-extensions',
    '--disable-features=Translate',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-print-preview',
    '--disable-pinch',
    '--overscroll-history-navigation=0',
    '--password-store=basic',
    '--noerrdialogs',
  ];
}

export interface ChromiumKiosk {
  process: ChildProcess;
  /** Stops the browser and deletes its profile folder. */
  close(): Promise<void>;
}

export function launchChromiumKiosk(binary: string, url: string): ChromiumKiosk {
  const userDataDir = mkdtempSync(join(tmpdir(), 'sesame-chromium-'));
  const child = spawn(binary, chromiumKioskArgs(url, userDataDir), { stdio: 'ignore' });
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.once('error', () => resolve());
  });
  return {
    process: child,
    async close() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
