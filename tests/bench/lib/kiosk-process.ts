import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface KioskProcess {
  url: string;
  dataDir: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** Starts the real launcher (`npm start` minus the build) and resolves once it prints its URL. */
export function startKioskProcess(extraArgs: string[] = []): Promise<KioskProcess> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sesame-bench-'));
  const child = spawn(process.execPath, ['out/main/launch.js', '--shell', 'browser', '--no-open', '--data-dir', dataDir, ...extraArgs], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /^SESAME_KIOSK_URL=(\S+)$/m.exec(out);
      if (match?.[1]) resolve({ url: match[1], dataDir, child, stop });
    });
    child.once('exit', (code) => reject(new Error(`launcher exited with ${code}: ${err}`)));
  });
}
