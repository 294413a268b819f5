import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FleetResponseSchema, HEARTBEAT_INTERVAL_S, fleetRoutes, type FleetTerminal, type HeartbeatRequest } from '../../../shared/contract/fleet-api';
import { parseCommand } from '../../../server/cli/cli-args';
import { FLEET_HEADER, runFleetCommand } from '../../../server/cli/fleet-commands';
import { ServerHarness, TERMINAL_ID } from './helpers/server-harness';
import { OTHER_TERMINAL_ID, addTerminal, createStaff, signIn, staffCall } from './helpers/staff-harness';

let harness: ServerHarness;
beforeEach(async () => {
  harness = await ServerHarness.start({ seed: false });
  adminPassword = '';
});
afterEach(async () => {
  await harness.close();
});

const BEAT: HeartbeatRequest = { appVersion: '0.1.0', mode: 'shared', outboxDepth: 0 };

function beat(body: unknown, token?: string | null): ReturnType<ServerHarness['request']> {
  return harness.request(fleetRoutes.heartbeats.method, fleetRoutes.heartbeats.path, { body, token });
}

let adminPassword = '';
/** Signs the admin in (created on first use): again after the clock jumps past the staff idle limit. */
async function adminToken(): Promise<string> {
  if (!adminPassword) adminPassword = (await createStaff(harness, { username: 'dominique', role: 'admin' })).password;
  return signIn(harness, 'dominique', adminPassword);
}

async function fleet(admin: string): Promise<FleetTerminal[]> {
  const answer = await staffCall(harness, fleetRoutes.adminFleet.method, fleetRoutes.adminFleet.path, admin);
  expect(answer.status).toBe(200);
  return FleetResponseSchema.parse(answer.body).terminals;
}

async function terminal(admin: string, id = TERMINAL_ID): Promise<FleetTerminal> {
  const found = (await fleet(admin)).find((item) => item.id === id);
  if (!found) throw new Error(`terminal ${id} not in the fleet`);
  return found;
}

describe('heartbeats and the fleet view (issue 5)', () => {
  it('validates a heartbeat: unknown fields, wrong types and no bearer token are refused', async () => {
    const ok = await beat(BEAT);
    expect(ok.status).toBe(200);
    expect(ok.body['nextInS']).toBe(HEARTBEAT_INTERVAL_S);
    expect(ok.body['serverTime']).toBe(harness.clock.now().toISOString());
    const refused = [
      { ...BEAT, outboxDepth: -1 },
      { ...BEAT, mode: 'kiosk-of-doom' },
      { ...BEAT, appVersion: 'x'.repeat(65) },
      { ...BEAT, lastWipeCheck: { at: 'yesterday', ok: true, leaks: 0 } },
      { ...BEAT, pageContent: '<input value="Dupont">' },
    ];
    for (const body of refused) expect([(await beat(body)).body.error?.code]).toEqual(['INVALID_INPUT']);
    expect((await beat(BEAT, null)).status).toBe(401);
  });

  it('shows the fleet to an admin only: an agent is FORBIDDEN, no staff token is UNAUTHORIZED', async () => {
    const { password } = await createStaff(harness, { username: 'camille', role: 'agent' });
    const agent = await signIn(harness, 'camille', password);
    const asAgent = await staffCall(harness, 'GET', fleetRoutes.adminFleet.path, agent);
    expect([asAgent.status, asAgent.body.error?.code]).toEqual([403, 'FORBIDDEN']);
    const anonymous = await harness.request('GET', fleetRoutes.adminFleet.path);
    expect([anonymous.status, anonymous.body.error?.code]).toEqual([401, 'UNAUTHORIZED']);
    expect((await fleet(await adminToken())).map((item) => item.id)).toEqual([TERMINAL_ID]);
  });

  it('reports what the terminal sent, and flags it silent after more than 3 intervals without a beat (or since its registration)', async () => {
    const admin = await adminToken();
    await addTerminal(harness);
    const at = harness.clock.now().toISOString();
    await beat({ ...BEAT, appVersion: '1.2.3', mode: 'desk', outboxDepth: 2, oldestQueuedAt: at, lastSyncAt: at, lastWipeCheck: { at, ok: true, leaks: 0 } });
    const fresh = await terminal(admin);
    expect(fresh).toMatchObject({ lastHeartbeatAt: at, appVersion: '1.2.3', mode: 'desk', outboxDepth: 2, oldestQueuedAt: at, lastSyncAt: at });
    expect(fresh.flags).toEqual({ silent: false, outboxGrowing: false, wipeCheckFailed: false, openFollowUps: false });
    // A terminal never heard from gets the same 3 intervals from its registration, then is silent.
    expect((await terminal(admin, OTHER_TERMINAL_ID)).flags.silent).toBe(false);
    harness.clock.advance(3 * HEARTBEAT_INTERVAL_S * 1000);
    expect((await terminal(admin)).flags.silent).toBe(false);
    expect((await terminal(admin, OTHER_TERMINAL_ID)).flags.silent).toBe(false);
    harness.clock.advance(1000);
    expect((await terminal(admin)).flags.silent).toBe(true);
    expect((await terminal(admin, OTHER_TERMINAL_ID)).flags.silent).toBe(true);
    await beat({ ...BEAT, outboxDepth: 0 });
    expect((await terminal(admin)).flags.silent).toBe(false);
  });

  it('flags a growing outbox: depth up at each of the last 3 beats, or an item queued over 15 minutes', async () => {
    let admin = await adminToken();
    for (const depth of [1, 2]) await beat({ ...BEAT, outboxDepth: depth });
    expect((await terminal(admin)).flags.outboxGrowing).toBe(false);
    await beat({ ...BEAT, outboxDepth: 3 });
    expect((await terminal(admin)).flags.outboxGrowing).toBe(true);
    // Draining again: 2, 3, 1 is not growing.
    await beat({ ...BEAT, outboxDepth: 1 });
    expect((await terminal(admin)).flags.outboxGrowing).toBe(false);
    // A steady depth of 1 whose item stays queued: flagged once it is older than 15 minutes.
    const queuedAt = harness.clock.now().toISOString();
    await beat({ ...BEAT, outboxDepth: 1, oldestQueuedAt: queuedAt });
    harness.clock.advance(15 * 60 * 1000);
    await beat({ ...BEAT, outboxDepth: 1, oldestQueuedAt: queuedAt });
    admin = await adminToken();
    expect((await terminal(admin)).flags.outboxGrowing).toBe(false);
    harness.clock.advance(1000);
    await beat({ ...BEAT, outboxDepth: 1, oldestQueuedAt: queuedAt });
    expect((await terminal(admin)).flags.outboxGrowing).toBe(true);
  });

  it('flags a failed wipe check until a later one passes, with the count and never more', async () => {
    const admin = await adminToken();
    const at = harness.clock.now().toISOString();
    await beat({ ...BEAT, lastWipeCheck: { at, ok: false, leaks: 2 } });
    const failed = await terminal(admin);
    expect(failed.flags.wipeCheckFailed).toBe(true);
    expect(failed.lastWipeCheck).toEqual({ at, ok: false, leaks: 2 });
    await beat({ ...BEAT, lastWipeCheck: { at, ok: true, leaks: 0 } });
    expect((await terminal(admin)).flags.wipeCheckFailed).toBe(false);
  });

  it('prints the fleet with its flags from the data folder (CLI `fleet`), exit 1 while one is flagged', async () => {
    // Registered, then never heard from for more than 3 intervals: silent.
    await addTerminal(harness, OTHER_TERMINAL_ID, 'Autre\tborne');
    harness.clock.advance(3 * HEARTBEAT_INTERVAL_S * 1000 + 1000);
    const at = harness.clock.now().toISOString();
    await beat({ ...BEAT, outboxDepth: 4, lastWipeCheck: { at, ok: false, leaks: 1 } });
    expect(parseCommand(['fleet', '--data-dir', harness.dataDir])).toEqual({ ok: true, command: { command: 'fleet', dataDir: harness.dataDir } });
    const out: string[] = [];
    const err: string[] = [];
    const io = { out: (line: string) => void out.push(line), err: (line: string) => void err.push(line) };
    expect(await runFleetCommand({ dataDir: harness.dataDir }, io, harness.clock.now())).toBe(1);
    expect(out[0]).toBe(FLEET_HEADER);
    expect(out).toContain(`${OTHER_TERMINAL_ID}\tAutre borne\t-\t-\t-\t-\t-\t-\t-\tSILENT`);
    expect(out).toContain(`${TERMINAL_ID}\tTest\t${at}\t0.1.0\tshared\t4\t-\t-\tFAILED(1) ${at}\tWIPE_CHECK_FAILED`);
    expect(err).toEqual(['2 terminal(s), 2 flagged']);
    await beat({ ...BEAT, lastWipeCheck: { at, ok: true, leaks: 0 } });
    expect((await harness.withStore(async (db) => await db.terminals.revokeTerminal(OTHER_TERMINAL_ID, at)))).toBe(true);
    expect(await runFleetCommand({ dataDir: harness.dataDir }, io, harness.clock.now())).toBe(0);
  });
});
