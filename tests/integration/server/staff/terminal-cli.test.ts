import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listAudit } from '../../../../server/audit/audit-log';
import { parseCommand } from '../../../../server/cli/cli-args';
import { runTerminalCommand } from '../../../../server/cli/fleet-commands';
import { sha256Hex } from '../../../../server/crypto/token-hash';
import { TerminalRevokedError, issueTerminalToken } from '../../../../server/services/terminal-service';
import { ServerHarness } from '../helpers/server-harness';
import { createStaff, signIn, staffCall } from '../helpers/staff-harness';

let harness: ServerHarness;
beforeEach(async () => {
  harness = await ServerHarness.start({ seed: false });
});
afterEach(async () => {
  await harness.close();
});

const ID = 'borne-c305';

/** One `terminals …` command line, parsed as the CLI parses it and run beside the running server. */
async function terminals(...args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const parsed = parseCommand(['terminals', ...args, '--data-dir', harness.dataDir, '--id', ID]);
  if (!parsed.ok || (parsed.command.command !== 'terminals create' && parsed.command.command !== 'terminals revoke')) throw new Error('not a terminals command');
  const out: string[] = [];
  const err: string[] = [];
  const code = await runTerminalCommand(parsed.command, { out: (line) => void out.push(line), err: (line) => void err.push(line) }, harness.clock.now);
  return { code, out, err };
}

async function terminalAudit() {
  return (await harness.withStore(async (db) => await listAudit(db)))
    .filter((entry) => entry.action.startsWith('terminal.'))
    .map((entry) => [entry.actorKind, entry.actor, entry.action, entry.subject, entry.outcome, entry.details]);
}

async function sessionEnded(staffToken: string): Promise<boolean> {
  return harness.withStore(async (db) => (await db.staffSessions.findStaffSession(sha256Hex(staffToken)))?.endedAt != null);
}

async function createAndSignIn(): Promise<{ terminalToken: string; staffToken: string }> {
  const created = await terminals('create', '--name', 'Salle C305');
  expect(created.code).toBe(0);
  const terminalToken = created.out[1] ?? '';
  expect(terminalToken).toMatch(/^borne-c305\.[A-Za-z0-9_-]{43}$/);
  const { password } = await createStaff(harness, { username: 'dominique', role: 'admin' });
  const staffToken = await signIn(harness, 'dominique', password, { terminalToken });
  return { terminalToken, staffToken };
}

describe('terminals create|revoke from the CLI (issue 6)', () => {
  it('revoking a terminal ends the staff sessions on it at once, audited with the CLI as actor', async () => {
    const { terminalToken, staffToken } = await createAndSignIn();
    expect((await staffCall(harness, 'GET', '/v1/admin/staff', staffToken, undefined, terminalToken)).status).toBe(200);
    const revoked = await terminals('revoke');
    expect(revoked).toEqual({ code: 0, out: [`terminal ${ID} revoked; 1 staff session(s) ended`], err: [] });
    expect(await sessionEnded(staffToken)).toBe(true);
    expect((await staffCall(harness, 'GET', '/v1/admin/staff', staffToken, undefined, terminalToken)).body.error?.code).toBe('UNAUTHORIZED');
    expect((await terminals('revoke')).code).toBe(1);
    expect(await terminalAudit()).toEqual([
      ['system', 'system', 'terminal.create', `terminal:${ID}`, 'ok', {}],
      ['system', 'system', 'terminal.revoke', `terminal:${ID}`, 'ok', { sessionsEnded: 1 }],
    ]);
  });

  it('refuses to give a revoked id a new token, with a clear error, and keeps it revoked', async () => {
    const { terminalToken } = await createAndSignIn();
    await terminals('revoke');
    const again = await terminals('create');
    expect(again.code).toBe(1);
    expect(again.out).toEqual([]);
    expect(again.err).toEqual([`terminal ${ID} was revoked on 2026-09-15T08:00:00.000Z; a revoked id is never reused: register the device under a new id`]);
    expect((await harness.withStore((db) => db.terminals.findTerminal(ID)))?.revokedAt).toBe('2026-09-15T08:00:00.000Z');
    // The token primitive other callers use (the embedded demo server) refuses it too.
    await expect(harness.withStore((db) => issueTerminalToken(db, ID, 'Salle C305', harness.clock.now()))).rejects.toThrow(TerminalRevokedError);
    expect((await harness.request('GET', '/v1/terminal/group', { token: terminalToken })).status).toBe(401);
    expect((await terminalAudit()).map((entry) => [entry[2], entry[4]])).toEqual([
      ['terminal.create', 'ok'],
      ['terminal.revoke', 'ok'],
      ['terminal.create', 'REVOKED'],
    ]);
  });

  it('re-creating an active terminal replaces its token and ends the staff sessions opened with the old one', async () => {
    const { terminalToken, staffToken } = await createAndSignIn();
    const rotated = await terminals('create');
    expect(rotated.code).toBe(0);
    const newToken = rotated.out[1] ?? '';
    expect(newToken).not.toBe(terminalToken);
    expect((await harness.request('GET', '/v1/terminal/group', { token: terminalToken })).status).toBe(401);
    expect((await harness.request('GET', '/v1/terminal/group', { token: newToken })).status).toBe(200);
    expect((await staffCall(harness, 'GET', '/v1/admin/staff', staffToken, undefined, newToken)).body.error?.code).toBe('UNAUTHORIZED');
    expect((await terminalAudit()).at(-1)).toEqual(['system', 'system', 'terminal.rotate', `terminal:${ID}`, 'ok', { sessionsEnded: 1 }]);
  });
});
