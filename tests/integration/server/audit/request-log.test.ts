import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..', '..', '..');
const CLI = join(ROOT, 'server', 'cli', 'index.ts');

let dataDir: string;
let server: ChildProcessWithoutNullStreams | undefined;
let output = '';

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'sesame-request-log-'));
  expect(spawnSync(process.execPath, ['--import', 'tsx', CLI, 'keys', 'create', '--data-dir', dataDir], { cwd: ROOT }).status).toBe(0);
});
afterEach(async () => {
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server?.once('exit', resolve));
    server.kill('SIGTERM');
    await exited;
  }
  server = undefined;
  output = '';
  rmSync(dataDir, { recursive: true, force: true });
});

/** Resolves once the server's output holds `count` lines matching `pattern` (its log is asynchronous to the reply). */
function outputHas(pattern: RegExp, count: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const check = () => {
      if ((output.match(new RegExp(pattern.source, 'g')) ?? []).length >= count) {
        server?.stdout.off('data', check);
        resolve();
      }
    };
    server?.stdout.on('data', check);
    server?.once('exit', () => reject(new Error(`server exited:\n${output}`)));
    check();
  });
}

/** The production server as an operator starts it: `serve`, logging at info on stdout. */
async function serve(): Promise<string> {
  server = spawn(process.execPath, ['--import', 'tsx', CLI, 'serve', '--data-dir', dataDir, '--port', '0'], { cwd: ROOT });
  server.stdout.setEncoding('utf8');
  server.stderr.setEncoding('utf8');
  server.stdout.on('data', (chunk: string) => (output += chunk));
  server.stderr.on('data', (chunk: string) => (output += chunk));
  await outputHas(/enrollment API listening on http:\/\/\S+/, 1);
  const url = /enrollment API listening on (http:\/\/\S+)/.exec(output)?.[1];
  if (!url) throw new Error(output);
  return url;
}

function logLines(): Record<string, unknown>[] {
  return output
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('request log of the production server (issue 6: never a secret in a log)', () => {
  it('logs each request by method, route pattern, status and time, never the token of an email link or a query string', async () => {
    const url = await serve();
    const token = randomBytes(32).toString('base64url');
    const queryToken = randomBytes(16).toString('hex');
    const strayToken = randomBytes(16).toString('hex');
    const opened = await fetch(`${url}/v1/email-links/${token}?token=${queryToken}`);
    const confirmed = await fetch(`${url}/v1/email-links/${token}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: '' });
    const stray = await fetch(`${url}/nowhere/${strayToken}?code=${queryToken}`);
    expect([opened.status, confirmed.status, stray.status]).toEqual([404, 404, 404]);
    await outputHas(/"msg":"request completed"/, 3);
    expect(output).not.toContain(token);
    expect(output).not.toContain(queryToken);
    expect(output).not.toContain(strayToken);
    const incoming = logLines().filter((line) => line['msg'] === 'incoming request');
    expect(incoming.map((line) => line['req'])).toEqual([
      { method: 'GET', route: '/v1/email-links/:token' },
      { method: 'POST', route: '/v1/email-links/:token' },
      { method: 'GET', route: 'unmatched' },
    ]);
    const completed = logLines().filter((line) => line['msg'] === 'request completed');
    expect(completed.map((line) => line['res'])).toEqual([{ statusCode: 404 }, { statusCode: 404 }, { statusCode: 404 }]);
    for (const line of completed) expect(typeof line['responseTime']).toBe('number');
    // Each completion is tied to its request by the request id, as Fastify logs it.
    expect(completed.map((line) => line['reqId'])).toEqual(incoming.map((line) => line['reqId']));
  });
});
