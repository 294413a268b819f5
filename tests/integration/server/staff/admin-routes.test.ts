import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listAudit } from '../../../../server/audit/audit-log';
import { staffRoutes } from '../../../../shared/contract/staff-api';
import { ServerHarness } from '../helpers/server-harness';
import { OTHER_TERMINAL_ID, addTerminal, createStaff, signIn, signInCall, staffCall } from '../helpers/staff-harness';

let harness: ServerHarness;
beforeEach(async () => {
  harness = await ServerHarness.start({ seed: false });
});
afterEach(async () => {
  await harness.close();
});

const ADMIN_CALLS: [string, string, unknown?][] = [
  ['GET', '/v1/admin/staff'],
  ['POST', '/v1/admin/staff', { username: 'nouveau', displayName: 'Nouveau', role: 'agent' }],
  ['POST', '/v1/admin/staff/camille/disable'],
  ['GET', '/v1/admin/terminals'],
  ['POST', `/v1/admin/terminals/${OTHER_TERMINAL_ID}/revoke`],
  ['GET', '/v1/admin/audit?after=0&limit=10'],
];

async function signInAdmin(): Promise<string> {
  const { password } = await createStaff(harness, { username: 'dominique', displayName: 'Dominique A.', role: 'admin' });
  return signIn(harness, 'dominique', password);
}

describe('admin routes (issue 6)', () => {
  it('covers every admin route of the contract', () => {
    const adminPaths = Object.values(staffRoutes).filter((route) => route.path.startsWith('/v1/admin'));
    expect(adminPaths).toHaveLength(ADMIN_CALLS.length);
  });

  it('refuses an agent on every admin route with FORBIDDEN, and changes nothing', async () => {
    await addTerminal(harness);
    const { password } = await createStaff(harness, { username: 'camille', role: 'agent' });
    const agent = await signIn(harness, 'camille', password);
    for (const [method, path, body] of ADMIN_CALLS) {
      const answer = await staffCall(harness, method, path, agent, body);
      expect([path, answer.status, answer.body]).toEqual([path, 403, { error: { code: 'FORBIDDEN' } }]);
    }
    const audit = (await harness.withStore(async (db) => await listAudit(db))).filter((entry) => entry.action !== 'staff.create' && entry.action !== 'staff.signIn');
    // Only the refusals themselves were recorded, each with the agent and the route.
    expect(audit.map((entry) => [entry.actor, entry.action, entry.outcome, entry.details['reason']])).toEqual(
      ADMIN_CALLS.map(() => ['camille', 'staff.call', 'FORBIDDEN', 'role:agent']),
    );
    expect(audit.map((entry) => entry.details['route'])).toContain('POST /v1/admin/staff/:username/disable');
  });

  it('refuses every admin route without a staff token, before reading the body', async () => {
    for (const [method, path] of ADMIN_CALLS) {
      // A body the schema would refuse: the answer must still be UNAUTHORIZED, not INVALID_INPUT.
      const answer = await harness.request(method, path, method === 'POST' ? { body: { bogus: true } } : {});
      expect([path, answer.status, answer.body]).toEqual([path, 401, { error: { code: 'UNAUTHORIZED' } }]);
    }
  });

  it('lets an admin create an agent who can then sign in, and disable them, ending their session', async () => {
    const admin = await signInAdmin();
    const created = await staffCall(harness, 'POST', '/v1/admin/staff', admin, { username: 'Camille', displayName: 'Camille R.', role: 'agent', totp: true });
    expect(created.status).toBe(201);
    expect(created.body['staff']).toEqual({ username: 'camille', displayName: 'Camille R.', role: 'agent' });
    expect(created.body['totpUri']).toMatch(/^otpauth:\/\/totp\/S%C3%A9same%3Acamille\?secret=[A-Z2-7]{32}&/);
    expect((await staffCall(harness, 'POST', '/v1/admin/staff', admin, { username: 'camille', displayName: 'X', role: 'admin' })).body.error?.code).toBe('NOT_APPLICABLE');
    const list = await staffCall(harness, 'GET', '/v1/admin/staff', admin);
    expect(list.body['staff']).toEqual([
      { username: 'camille', displayName: 'Camille R.', role: 'agent', totp: true },
      { username: 'dominique', displayName: 'Dominique A.', role: 'admin', totp: false },
    ]);
    const { password } = await createStaff(harness, { username: 'sacha', role: 'agent' });
    const sacha = await signIn(harness, 'sacha', password);
    const disabled = await staffCall(harness, 'POST', '/v1/admin/staff/sacha/disable', admin);
    expect(disabled.body['staff']).toMatchObject({ username: 'sacha', disabledAt: '2026-09-15T08:00:00.000Z' });
    expect((await staffCall(harness, 'DELETE', '/v1/staff/sessions/current', sacha)).body.error?.code).toBe('UNAUTHORIZED');
    expect((await signInCall(harness, 'sacha', password)).body.error?.code).toBe('UNAUTHORIZED');
    expect((await staffCall(harness, 'POST', '/v1/admin/staff/sacha/disable', admin)).body.error?.code).toBe('NOT_FOUND');
    expect((await staffCall(harness, 'POST', '/v1/admin/staff/dominique/disable', admin)).body.error?.code).toBe('NOT_APPLICABLE');
    const actions = (await harness.withStore(async (db) => await listAudit(db))).filter((e) => e.actor === 'dominique').map((e) => [e.action, e.subject, e.outcome]);
    expect(actions).toEqual([
      ['staff.signIn', null, 'ok'],
      ['staff.create', 'staff:camille', 'ok'],
      ['staff.disable', 'staff:sacha', 'ok'],
    ]);
  });

  it('lists terminals and revokes one: its bearer token and the staff sessions on it stop working', async () => {
    const otherToken = await addTerminal(harness);
    const admin = await signInAdmin();
    const { password } = await createStaff(harness, { username: 'camille', role: 'agent' });
    const there = await signIn(harness, 'camille', password, { terminalToken: otherToken });
    const list = await staffCall(harness, 'GET', '/v1/admin/terminals', admin);
    expect(list.body['terminals']).toEqual([
      { id: OTHER_TERMINAL_ID, name: 'Autre borne', createdAt: '2026-09-15T08:00:00.000Z' },
      { id: 'borne-test', name: 'Test', createdAt: '2026-09-15T08:00:00.000Z' },
    ]);
    expect(list.text).not.toContain('tokenHash');
    const revoked = await staffCall(harness, 'POST', `/v1/admin/terminals/${OTHER_TERMINAL_ID}/revoke`, admin);
    expect(revoked.body['terminal']).toMatchObject({ id: OTHER_TERMINAL_ID, revokedAt: '2026-09-15T08:00:00.000Z' });
    expect((await staffCall(harness, 'DELETE', '/v1/staff/sessions/current', there, undefined, otherToken)).status).toBe(401);
    expect((await staffCall(harness, 'POST', '/v1/admin/terminals/borne-test/revoke', admin)).body.error?.code).toBe('NOT_APPLICABLE');
    expect((await staffCall(harness, 'POST', '/v1/admin/terminals/inconnue/revoke', admin)).body.error?.code).toBe('NOT_FOUND');
    const audit = (await harness.withStore(async (db) => await listAudit(db))).find((e) => e.action === 'terminal.revoke');
    expect(audit).toMatchObject({ actor: 'dominique', subject: `terminal:${OTHER_TERMINAL_ID}`, details: { sessionsEnded: 1 } });
  });

  it('exports the audit trail by pages, with the chain verified, and audits the export', async () => {
    const admin = await signInAdmin();
    const first = await staffCall(harness, 'GET', '/v1/admin/audit?after=0&limit=1', admin);
    expect(first.status).toBe(200);
    expect(first.body['entries']).toMatchObject([{ seq: 1, action: 'staff.create', actorKind: 'system' }]);
    expect(first.body['chain']).toEqual({ ok: true, checked: 2 });
    const rest = await staffCall(harness, 'GET', '/v1/admin/audit?after=1', admin);
    expect((rest.body['entries'] as { action: string }[]).map((e) => e.action)).toEqual(['staff.signIn', 'audit.export']);
    expect((await staffCall(harness, 'GET', '/v1/admin/audit?limit=0', admin)).body.error?.code).toBe('INVALID_INPUT');
  });
});
