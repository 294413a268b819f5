import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listAudit } from '../../../../server/audit/audit-log';
import { parseCommand } from '../../../../server/cli/cli-args';
import { runCommand } from '../../../../server/cli/cli-commands';
import { PROFILES_DIR, ServerHarness, databaseBytes } from '../helpers/server-harness';
import { createStaff, signIn, signInCall, staffCall } from '../helpers/staff-harness';

let harness: ServerHarness;
beforeEach(async () => {
  harness = await ServerHarness.start({ seed: false });
});
afterEach(async () => {
  await harness.close();
});

/** One `staff …` command line, parsed and dispatched as the CLI does, beside the running server. */
async function staff(...args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const parsed = parseCommand(['staff', ...args, '--data-dir', harness.dataDir]);
  if (!parsed.ok) throw new Error(parsed.message);
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCommand(parsed.command, { out: (line) => void out.push(line), err: (line) => void err.push(line) }, PROFILES_DIR);
  return { code, out, err };
}

async function accountAudit(action: string) {
  return (await harness.withStore(async (db) => await listAudit(db)))
    .filter((entry) => entry.action === action)
    .map((entry) => [entry.actorKind, entry.actor, entry.subject, entry.outcome, entry.details]);
}

const ADMIN_ONLY = '/v1/admin/staff';
const SIGN_OUT = '/v1/staff/sessions/current';

describe('staff accounts from the CLI (issue 6)', () => {
  it('reset-password prints a new password once, ends open sessions and lifts the sign-in throttle', async () => {
    const { password: old } = await createStaff(harness, { username: 'camille', role: 'agent' });
    const token = await signIn(harness, 'camille', old);
    for (let attempt = 0; attempt < 5; attempt += 1) await signInCall(harness, 'camille', 'devine');
    expect((await signInCall(harness, 'camille', old)).body.error?.code).toBe('THROTTLED');
    const reset = await staff('reset-password', '--username', 'camille');
    expect(reset.code).toBe(0);
    expect(reset.out[0]).toBe('staff camille: new password (shown once, only its hash is stored); 1 open session(s) ended:');
    const fresh = reset.out[1] ?? '';
    expect(fresh).toMatch(/^[A-HJ-NP-Za-km-np-z2-9]{20}$/);
    expect((await staffCall(harness, 'DELETE', SIGN_OUT, token)).body.error?.code).toBe('UNAUTHORIZED');
    expect((await signInCall(harness, 'camille', old)).body.error?.code).toBe('UNAUTHORIZED');
    await signIn(harness, 'camille', fresh);
    expect(databaseBytes(harness.dataDir).includes(Buffer.from(fresh))).toBe(false);
    expect(await accountAudit('staff.resetPassword')).toEqual([['system', 'system', 'staff:camille', 'ok', { sessionsEnded: 1 }]]);
    expect(await staff('reset-password', '--username', 'personne')).toEqual({ code: 1, out: [], err: ['staff personne: unknown'] });
  });

  it('role changes what an open session may do from its next call', async () => {
    const { password } = await createStaff(harness, { username: 'camille', role: 'agent' });
    const token = await signIn(harness, 'camille', password);
    expect((await staffCall(harness, 'GET', ADMIN_ONLY, token)).status).toBe(403);
    expect(await staff('role', '--username', 'camille', '--role', 'admin')).toEqual({ code: 0, out: ['staff camille is now admin, from their next call'], err: [] });
    expect((await staffCall(harness, 'GET', ADMIN_ONLY, token)).status).toBe(200);
    expect((await staff('role', '--username', 'camille', '--role', 'admin')).code).toBe(1);
    expect((await staff('role', '--username', 'camille', '--role', 'agent')).code).toBe(0);
    expect((await staffCall(harness, 'GET', ADMIN_ONLY, token)).status).toBe(403);
    expect(await accountAudit('staff.role')).toEqual([
      ['system', 'system', 'staff:camille', 'ok', { from: 'agent', to: 'admin' }],
      ['system', 'system', 'staff:camille', 'ok', { from: 'admin', to: 'agent' }],
    ]);
  });

  it('enable lets a disabled account sign in again; the sessions ended by disabling stay ended', async () => {
    const { password } = await createStaff(harness, { username: 'camille', role: 'agent' });
    const token = await signIn(harness, 'camille', password);
    expect((await staff('disable', '--username', 'camille')).code).toBe(0);
    expect((await signInCall(harness, 'camille', password)).body.error?.code).toBe('UNAUTHORIZED');
    expect(await staff('enable', '--username', 'camille')).toEqual({ code: 0, out: ['staff camille enabled; they sign in again with their password'], err: [] });
    expect((await staffCall(harness, 'DELETE', SIGN_OUT, token)).body.error?.code).toBe('UNAUTHORIZED');
    await signIn(harness, 'camille', password);
    expect((await staff('enable', '--username', 'camille')).err).toEqual(['staff camille: unknown or not disabled']);
    expect(await accountAudit('staff.enable')).toEqual([['system', 'system', 'staff:camille', 'ok', {}]]);
  });
});
