import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { CohortPerson } from './sync-cohort';

/**
 * Child processes for the SIGKILL tests: the outbox driver (a real kiosk core) and the real
 * server CLI, each started with `node --import tsx` and waited on by a line it prints.
 */
export interface Child {
  process: ChildProcess;
  /** Resolves with the exit code, or null when killed by a signal. */
  exited: Promise<number | null>;
  output(): string;
}

/** Spawns `node --import tsx <script> ...args`; resolves once stdout printed `readyLine`. */
export async function startChild(script: string, args: string[], readyLine: RegExp): Promise<Child> {
  const child = spawn(process.execPath, ['--import', 'tsx', resolve(script), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const log: string[] = [];
  child.stdout.on('data', (chunk: Buffer) => log.push(chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => log.push(chunk.toString()));
  const exited = new Promise<number | null>((resolveExit) => child.once('exit', (code) => resolveExit(code)));
  await new Promise<void>((resolveReady, reject) => {
    const check = () => {
      if (readyLine.test(log.join(''))) resolveReady();
    };
    child.stdout.on('data', check);
    void exited.then((code) => reject(new Error(`${script} exited (${code}) before ready:\n${log.join('')}`)));
  });
  return { process: child, exited, output: () => log.join('') };
}

/** SIGKILL: no handler runs, no file is closed, exactly like a power cut for the process. */
export async function sigkill(child: Child): Promise<void> {
  child.process.kill('SIGKILL');
  await child.exited;
}

export interface DriverRun {
  kioskDir: string;
  serverUrl: string;
  token: string;
  peopleFile: string;
  progressFile: string;
}

/** A kiosk data folder, the people file and the progress file, for one driver run. */
export function driverFiles(serverUrl: string, token: string, people: CohortPerson[]): DriverRun {
  const folder = mkdtempSync(join(tmpdir(), 'sesame-driver-'));
  const peopleFile = join(folder, 'people.json');
  writeFileSync(peopleFile, JSON.stringify(people));
  const kioskDir = join(folder, 'kiosk');
  return { kioskDir, serverUrl, token, peopleFile, progressFile: join(folder, 'progress.txt') };
}

export function startDriver(run: DriverRun): Promise<Child> {
  return startChild('tests/support/outbox-driver.ts', [JSON.stringify(run)], /^ready$/m);
}

/** The real server CLI on `dataDir` and a fixed port, so a restart answers where the kiosk looks. */
export function startServerProcess(dataDir: string, port: number): Promise<Child> {
  return startChild('server/cli/index.ts', ['serve', '--data-dir', dataDir, '--port', String(port)], /enrollment API listening on/);
}

/** A port free right now on loopback (the server is then started on it, and again after a kill). */
export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolveListen) => probe.listen(0, '127.0.0.1', resolveListen));
  const address = probe.address();
  await new Promise<void>((resolveClose) => probe.close(() => resolveClose()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

export const sleep = (ms: number) => new Promise((resolveSleep) => setTimeout(resolveSleep, ms));
