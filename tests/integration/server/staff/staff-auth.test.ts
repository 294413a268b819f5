import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listAudit } from '../../../../server/audit/audit-log';
import { disableStaff } from '../../../../server/services/staff-account-service';
import { loadServerKeys } from '../../../../server/crypto/server-keys';
import { ServerHarness } from '../helpers/server-harness';
import { addTerminal, createStaff, currentTotp, signIn, signInCall, staffCall } from '../helpers/staff-harness';

let harness: ServerHarness;
beforeEach(async () => {
  // No enrolled people needed: sign-in only touches staff tables.
  harness = await ServerHarness.start({ seed: false });
});
afterEach(async () => {
  await harness.close();
});

const SIGN_OUT = '/v1/staff/sessions/current';

/** Refused staff calls as audited: who the token named (or the terminal), outcome and reason. */
async function refusedCalls() {
  return (await harness.withStore(async (db) => await listAudit(db)))
    .filter((entry) => entry.action === 'staff.call')
    .map((entry) => [entry.actor, entry.outcome, entry.details['reason']]);
}

async function signInAudit() {
  return (await harness.withStore(async (db) => await listAudit(db))).filter((entry) => entry.action === 'staff.signIn');
}

describe('staff sign-in (issue 6)', () => {
  it('opens a session bound to the terminal, answering who signed in and until when', async () => {
    const { password } = await createStaff(harness, { username: 'camille', displayName: 'Camille R.', role: 'agent' });
    const answer = await signInCall(harness, 'Camille', password);
    expect(answer.status).toBe(201);
    expect(answer.body['staff']).toEqual({ username: 'camille', displayName: 'Camille R.', role: 'agent' });
    expect(answer.body['expiresAt']).toBe('2026-09-15T16:00:00.000Z');
    expect(answer.body['token']).toMatch(/^st_[A-Za-z0-9_-]{43}$/);
    const audit = await signInAudit();
    expect(audit.map((e) => [e.actor, e.terminalId, e.outcome])).toEqual([['camille', 'borne-test', 'ok']]);
  });

  it('refuses wrong password, unknown user and disabled account with the same UNAUTHORIZED, each audited', async () => {
    const { password } = await createStaff(harness, { username: 'camille', role: 'agent' });
    const { password: gonePassword } = await createStaff(harness, { username: 'parti', role: 'admin' });
    const token = await signIn(harness, 'parti', gonePassword);
    expect(await harness.withStore((store) => disableStaff({ store, keys: loadServerKeys(harness.dataDir), now: harness.clock.now }, 'parti'))).toBe(true);
    const answers = [
      await signInCall(harness, 'camille', `${password}x`),
      await signInCall(harness, 'inconnu', password),
      await signInCall(harness, 'parti', gonePassword),
    ];
    for (const answer of answers) {
      expect(answer.status).toBe(401);
      expect(answer.body).toEqual({ error: { code: 'UNAUTHORIZED' } });
    }
    expect((await signInAudit()).map((e) => [e.actor, e.outcome])).toEqual([
      ['parti', 'ok'],
      ['camille', 'UNAUTHORIZED'],
      ['(unknown)', 'UNAUTHORIZED'],
      ['parti', 'UNAUTHORIZED'],
    ]);
    // A disabled account's open session stops working at once.
    expect((await staffCall(harness, 'DELETE', SIGN_OUT, token)).status).toBe(401);
    expect(await refusedCalls()).toEqual([['parti', 'UNAUTHORIZED', 'ended']]);
  });

  it('asks a TOTP account for its code: missing, wrong or replayed codes are refused', async () => {
    const { password, totpSecret } = await createStaff(harness, { username: 'admin1', role: 'admin', totp: true });
    if (!totpSecret) throw new Error('no TOTP secret');
    const code = currentTotp(harness, totpSecret);
    const wrong = code === '000000' ? '111111' : '000000';
    expect((await signInCall(harness, 'admin1', password)).body.error?.code).toBe('UNAUTHORIZED');
    expect((await signInCall(harness, 'admin1', password, { totp: wrong })).body.error?.code).toBe('UNAUTHORIZED');
    const token = await signIn(harness, 'admin1', password, { totp: code });
    expect((await staffCall(harness, 'DELETE', SIGN_OUT, token)).status).toBe(200);
    // Same code again, within its window: someone who saw it over a shoulder cannot reuse it.
    expect((await signInCall(harness, 'admin1', password, { totp: code })).body.error?.code).toBe('UNAUTHORIZED');
    harness.clock.advance(30_000);
    await signIn(harness, 'admin1', password, { totp: currentTotp(harness, totpSecret) });
    expect((await signInAudit()).map((e) => e.outcome)).toEqual(['UNAUTHORIZED', 'UNAUTHORIZED', 'ok', 'UNAUTHORIZED', 'ok']);
  });

  it('throttles a username after 5 failures, even with the right password, and audits THROTTLED', async () => {
    const { password } = await createStaff(harness, { username: 'camille', role: 'agent' });
    for (let attempt = 0; attempt < 5; attempt += 1) expect((await signInCall(harness, 'camille', 'devine')).status).toBe(401);
    const sixth = await signInCall(harness, 'camille', password);
    expect(sixth.status).toBe(429);
    expect(sixth.body.error).toEqual({ code: 'THROTTLED', retryAfterS: 30 });
    expect((await signInAudit()).at(-1)?.outcome).toBe('THROTTLED');
    harness.clock.advance(31_000);
    await signIn(harness, 'camille', password);
  });

  it('refuses the token after sign-out, and from another terminal', async () => {
    const { password } = await createStaff(harness, { username: 'camille', role: 'agent' });
    const other = await addTerminal(harness);
    const token = await signIn(harness, 'camille', password);
    expect((await staffCall(harness, 'DELETE', SIGN_OUT, token, undefined, other)).body.error?.code).toBe('UNAUTHORIZED');
    expect((await staffCall(harness, 'DELETE', SIGN_OUT, token)).body).toEqual({ signedOut: true });
    expect((await staffCall(harness, 'DELETE', SIGN_OUT, token)).body.error?.code).toBe('UNAUTHORIZED');
    expect((await harness.withStore(async (db) => await listAudit(db))).map((e) => [e.action, e.outcome])).toContainEqual(['staff.signOut', 'ok']);
    expect(await refusedCalls()).toEqual([
      ['camille', 'UNAUTHORIZED', 'otherTerminal'],
      ['camille', 'UNAUTHORIZED', 'ended'],
    ]);
  });

  it('ends a session after 15 idle minutes; each call pushes that back', async () => {
    const { password } = await createStaff(harness, { username: 'dominique', role: 'admin' });
    const token = await signIn(harness, 'dominique', password);
    harness.clock.advance(14 * 60_000);
    expect((await staffCall(harness, 'GET', '/v1/admin/staff', token)).status).toBe(200);
    harness.clock.advance(14 * 60_000);
    expect((await staffCall(harness, 'GET', '/v1/admin/staff', token)).status).toBe(200);
    harness.clock.advance(15 * 60_000);
    expect((await staffCall(harness, 'GET', '/v1/admin/staff', token)).body.error?.code).toBe('UNAUTHORIZED');
    expect(await refusedCalls()).toEqual([['dominique', 'UNAUTHORIZED', 'idle']]);
  });

  it('ends a session 8 hours after sign-in, however active', async () => {
    const { password } = await createStaff(harness, { username: 'dominique', role: 'admin' });
    const token = await signIn(harness, 'dominique', password);
    for (let minutes = 10; minutes < 8 * 60; minutes += 10) {
      harness.clock.advance(10 * 60_000);
      expect((await staffCall(harness, 'GET', '/v1/admin/staff', token)).status).toBe(200);
    }
    harness.clock.advance(10 * 60_000);
    expect((await staffCall(harness, 'GET', '/v1/admin/staff', token)).body.error?.code).toBe('UNAUTHORIZED');
    expect(await refusedCalls()).toEqual([['dominique', 'UNAUTHORIZED', 'expired']]);
  });

  it('refuses a call without staff token, or with a malformed one', async () => {
    expect((await harness.request('DELETE', SIGN_OUT)).status).toBe(401);
    expect((await staffCall(harness, 'DELETE', SIGN_OUT, 'st_nope')).status).toBe(401);
    expect(await refusedCalls()).toEqual([
      ['borne-test', 'UNAUTHORIZED', 'missing'],
      ['borne-test', 'UNAUTHORIZED', 'unknown'],
    ]);
  });
});
