import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { lastAuditSeq, listAudit } from '../../../../server/audit/audit-log';
import { buildApp } from '../../../../server/app';
import { loadServerKeys } from '../../../../server/crypto/server-keys';
import { staffRouteTable } from '../../../../server/plugins/staff-auth-plugin';
import type { StaffRouteEntry } from '../../../../server/plugins/staff-auth-plugin';
import { loadProfiles } from '../../../../server/profiles/profile-registry';
import { STAFF_SESSION_ABSOLUTE_MS, STAFF_SESSION_IDLE_MS } from '../../../../server/services/staff-auth-service';
import { openServerStore } from '../../../../server/store/sqlite/server-database';
import { PROFILES_DIR, ServerHarness, TERMINAL_ID } from '../helpers/server-harness';
import type { HttpAnswer } from '../helpers/server-harness';
import { OTHER_TERMINAL_ID, addTerminal, createStaff, signIn, staffCall } from '../helpers/staff-harness';

/**
 * Issue 6, "every action refused without a staff token, with an expired one, with another
 * terminal's token, and with the wrong role". The routes come from the app itself (the staff
 * route guard's table), so a staff route added later is covered without touching this file.
 */
let routes: readonly StaffRouteEntry[] = [];
let harness: ServerHarness;

beforeAll(async () => {
  const scratch = await ServerHarness.start({ seed: false });
  try {
    const app = buildApp({ store: openServerStore(scratch.dataDir), profiles: loadProfiles(PROFILES_DIR), keys: loadServerKeys(scratch.dataDir) });
    routes = [...staffRouteTable(app)];
    await app.close();
  } finally {
    await scratch.close();
  }
});
beforeEach(async () => {
  harness = await ServerHarness.start({ seed: false });
});
afterEach(async () => {
  await harness.close();
});

/** Well-formed values for each path parameter, so a refusal is never a validation error. */
const PARAMS: Record<string, string> = {
  caseId: 'c_AAAAAAAAAAAAAAAAAAAA',
  groupId: 'g_AAAAAAAAAAAAAAAAAAAA',
  followUpId: '1',
  username: 'camille',
  terminalId: OTHER_TERMINAL_ID,
};

function pathOf(route: StaffRouteEntry): string {
  return route.url.replace(/:([A-Za-z]+)/g, (_match, name: string) => PARAMS[name] ?? 'x1');
}

function key(route: StaffRouteEntry): string {
  return `${route.method} ${route.url}`;
}

function call(route: StaffRouteEntry, staffToken: string | null, terminalToken?: string): Promise<HttpAnswer> {
  // The token check runs on request, before the body is read: an empty object is enough.
  const body = route.method === 'POST' ? {} : undefined;
  if (staffToken === null) return harness.request(route.method, pathOf(route), { body });
  return staffCall(harness, route.method, pathOf(route), staffToken, body, terminalToken);
}

/** What could change if an action ran: accounts, terminals, and the trail itself. */
async function snapshot() {
  return harness.withStore(async (store) => ({
    staff: await store.staff.listStaff(),
    terminals: await store.terminals.listTerminals(),
    seq: await lastAuditSeq(store),
  }));
}

/**
 * Sends `send` to each route and checks the answer is the stable refusal, that nothing but one
 * `staff.call` refusal per call reached the trail (no action ran), each with route, terminal,
 * outcome and reason, and that accounts and terminals did not change.
 */
async function expectAllRefused(
  targets: readonly StaffRouteEntry[],
  send: (route: StaffRouteEntry) => Promise<HttpAnswer>,
  expected: { status: number; code: string; reason: string; actor: string },
): Promise<void> {
  const before = await snapshot();
  for (const route of targets) {
    const answer = await send(route);
    expect([key(route), answer.status, answer.body]).toEqual([key(route), expected.status, { error: { code: expected.code } }]);
  }
  const after = await snapshot();
  expect(after.staff).toEqual(before.staff);
  expect(after.terminals).toEqual(before.terminals);
  const added = await harness.withStore((store) => listAudit(store, { afterSeq: before.seq }));
  expect(added.map((entry) => [entry.action, entry.details['route'], entry.terminalId, entry.outcome, entry.details['reason'], entry.actor])).toEqual(
    targets.map((route) => ['staff.call', key(route), TERMINAL_ID, expected.code, expected.reason, expected.actor]),
  );
}

async function signInAs(username: string, role: 'agent' | 'admin', terminalToken?: string): Promise<string> {
  const { password } = await createStaff(harness, { username, role });
  return signIn(harness, username, password, terminalToken === undefined ? {} : { terminalToken });
}

describe('every staff route refuses a caller without the right staff session (issue 6)', () => {
  it('finds the staff routes in the app: desk, groups, follow-ups, admin and fleet', () => {
    const keys = routes.map(key);
    expect(routes.length).toBeGreaterThanOrEqual(20);
    expect(keys).toEqual(expect.arrayContaining([
      'DELETE /v1/staff/sessions/current',
      'POST /v1/staff/cases/:caseId/actions',
      'POST /v1/staff/groups',
      'GET /v1/staff/groups/:groupId/board',
      'POST /v1/staff/follow-ups/:followUpId/resolve',
      'POST /v1/admin/staff',
      'POST /v1/admin/terminals/:terminalId/revoke',
      'GET /v1/admin/audit',
      'GET /v1/admin/fleet',
    ]));
    expect(keys).not.toContain('POST /v1/staff/sessions');
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('without a staff token: 401, audited against the terminal', async () => {
    await expectAllRefused(routes, (route) => call(route, null), { status: 401, code: 'UNAUTHORIZED', reason: 'missing', actor: TERMINAL_ID });
  });

  it('with a token past its 8 hours, and with one idle for 15 minutes: 401', async () => {
    const expired = await signInAs('dominique', 'admin');
    harness.clock.advance(STAFF_SESSION_ABSOLUTE_MS + 60_000);
    await expectAllRefused(routes, (route) => call(route, expired), { status: 401, code: 'UNAUTHORIZED', reason: 'expired', actor: 'dominique' });
    const idle = await signInAs('sacha', 'admin');
    harness.clock.advance(STAFF_SESSION_IDLE_MS);
    await expectAllRefused(routes, (route) => call(route, idle), { status: 401, code: 'UNAUTHORIZED', reason: 'idle', actor: 'sacha' });
  });

  it("with another terminal's staff token: 401, and that session itself keeps working there", async () => {
    const otherTerminal = await addTerminal(harness);
    const token = await signInAs('dominique', 'admin', otherTerminal);
    await expectAllRefused(routes, (route) => call(route, token), { status: 401, code: 'UNAUTHORIZED', reason: 'otherTerminal', actor: 'dominique' });
    expect((await staffCall(harness, 'GET', '/v1/admin/staff', token, undefined, otherTerminal)).status).toBe(200);
  });

  it('with an agent on an admin route: 403', async () => {
    await addTerminal(harness);
    const adminRoutes = routes.filter((route) => route.role === 'admin');
    expect(adminRoutes.map(key)).toEqual(expect.arrayContaining(['GET /v1/admin/staff', 'GET /v1/admin/fleet', 'GET /v1/admin/audit']));
    expect(adminRoutes.every((route) => route.url.startsWith('/v1/admin/'))).toBe(true);
    const agent = await signInAs('camille', 'agent');
    await expectAllRefused(adminRoutes, (route) => call(route, agent), { status: 403, code: 'FORBIDDEN', reason: 'role:agent', actor: 'camille' });
  });
});
