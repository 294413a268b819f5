import { createHash } from 'node:crypto';
import { unlinkSync } from 'node:fs';
import { connect, createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';

/**
 * LOCKDOWN.md #11 for the loopback shell: one kiosk per data folder, as Electron's
 * `requestSingleInstanceLock` gives the Electron shell. Two stacks on one folder would run two
 * outbox loops on one database and serve two pages for one terminal. The lock is a listening
 * local socket (a named pipe on Windows), as Electron's own is: the system frees it with the
 * process, so a kiosk killed by SIGKILL never leaves a lock that blocks the next start, and no
 * stale PID can be mistaken for a live kiosk.
 */
export type InstanceLock = { held: true; release(): Promise<void> } | { held: false };

export function instanceLockPath(dataDir: string): string {
  const key = createHash('sha256').update(resolve(dataDir)).digest('hex').slice(0, 24);
  return process.platform === 'win32' ? `\\\\.\\pipe\\sesame-${key}` : resolve(tmpdir(), `sesame-${key}.sock`);
}

function listen(server: Server, path: string): Promise<NodeJS.ErrnoException | null> {
  return new Promise((done) => {
    server.once('error', (error: NodeJS.ErrnoException) => done(error));
    server.listen(path, () => done(null));
  });
}

/** Whether something answers on `path`: a live kiosk, as opposed to a socket file a crash left. */
function answers(path: string): Promise<boolean> {
  return new Promise((done) => {
    const socket = connect(path);
    socket.once('connect', () => {
      socket.destroy();
      done(true);
    });
    socket.once('error', () => done(false));
  });
}

export async function acquireInstanceLock(dataDir: string): Promise<InstanceLock> {
  const path = instanceLockPath(dataDir);
  for (let attempt = 0; attempt < 2; attempt += 1) {
    const server = createServer((socket) => socket.end());
    const error = await listen(server, path);
    if (error === null) {
      server.unref();
      return { held: true, release: () => new Promise((done) => server.close(() => done())) };
    }
    if (error.code !== 'EADDRINUSE' || (await answers(path))) return { held: false };
    // A socket file left by a kiosk that died (Unix only): nobody answers, so it is ours to remove.
    unlinkSync(path);
  }
  return { held: false };
}
