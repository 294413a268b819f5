import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * The real kiosk stack as a child process: `node out/main/launch.js --shell browser`, exactly
 * what `npm start` runs on a machine without an Electron binary. Its stdout line
 * `SESAME_KIOSK_URL=<url>` is the handle; SIGTERM stops it.
 */
export interface KioskLaunch {
  dataDir: string;
  idleTimeoutS?: number;
  idleWarningS?: number;
  /** `--mode` (issue 6): `desk` / `assisted` offer staff sign-in. */
  mode?: 'shared' | 'desk' | 'assisted';
  /** `--staff-lock`: the staff auto-lock in seconds (15 at least). */
  staffLockS?: number;
  /** A terminal configuration file (then no embedded server is started). */
  configFile?: string;
  /** Extra environment for the stack, e.g. `SESAME_SMTP_URL` pointing at a test SMTP sink. */
  env?: Readonly<Record<string, string>>;
}

export interface RunningKiosk {
  url: string;
  dataDir: string;
  output(): string;
  stop(): Promise<void>;
  /** SIGKILL, as a crash or a pulled plug: nothing of the kiosk's own clean-up runs. */
  kill(): Promise<void>;
}

const LAUNCHER = resolve('out/main/launch.js');
const URL_LINE = /^SESAME_KIOSK_URL=(\S+)$/m;

function launchArgs(options: KioskLaunch): string[] {
  const args = [LAUNCHER, '--shell', 'browser', '--no-open', '--data-dir', options.dataDir];
  if (options.idleTimeoutS !== undefined) args.push('--idle-timeout', String(options.idleTimeoutS));
  if (options.idleWarningS !== undefined) args.push('--idle-warning', String(options.idleWarningS));
  if (options.mode !== undefined) args.push('--mode', options.mode);
  if (options.staffLockS !== undefined) args.push('--staff-lock', String(options.staffLockS));
  if (options.configFile !== undefined) args.push('--config', options.configFile);
  return args;
}

function waitForUrl(child: ChildProcess, log: string[], startTimeoutMs: number): Promise<string> {
  return new Promise((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`kiosk did not print its URL in time:\n${log.join('')}`)), startTimeoutMs);
    child.stdout?.on('data', () => {
      const match = URL_LINE.exec(log.join(''));
      if (match?.[1]) {
        clearTimeout(timer);
        resolveUrl(match[1]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`kiosk exited (${code}) before printing its URL:\n${log.join('')}`));
    });
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(force);
      done();
    });
    child.kill('SIGTERM');
  });
}

export async function startKiosk(options: KioskLaunch): Promise<RunningKiosk> {
  if (!existsSync(LAUNCHER)) throw new Error(`${LAUNCHER} is missing: run "npm run build" first`);
  const log: string[] = [];
  const child = spawn(process.execPath, launchArgs(options), {
    env: { ...process.env, ...options.env, SESAME_NO_OPEN: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => log.push(chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => log.push(chunk));
  try {
    const url = await waitForUrl(child, log, 30_000);
    const killed = new Promise<void>((done) => child.once('exit', () => done()));
    return {
      url, dataDir: options.dataDir, output: () => log.join(''), stop: () => stopChild(child),
      kill: () => (child.exitCode === null && child.signalCode === null && child.kill('SIGKILL') ? killed : Promise.resolve()),
    };
  } catch (error) {
    await stopChild(child);
    throw error;
  }
}

/** Runs the launcher to its end (a launch expected to stop by itself); its exit code and output. */
export function runKioskToExit(options: KioskLaunch): Promise<{ code: number | null; output: string }> {
  const log: string[] = [];
  const child = spawn(process.execPath, launchArgs(options), { env: { ...process.env, ...options.env, SESAME_NO_OPEN: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => log.push(chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => log.push(chunk));
  const force = setTimeout(() => child.kill('SIGKILL'), 30_000);
  return new Promise((done) => child.once('exit', (code) => {
    clearTimeout(force);
    done({ code, output: log.join('') });
  }));
}
