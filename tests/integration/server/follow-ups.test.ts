import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listAudit } from '../../../server/audit/audit-log';
import { parseCommand } from '../../../server/cli/cli-args';
import { FOLLOW_UPS_HEADER, runFollowUpsCommand } from '../../../server/cli/follow-up-commands';
import { FleetResponseSchema, fleetRoutes, type FollowUpReport, type HeartbeatRequest } from '../../../shared/contract/fleet-api';
import { FollowUpListResponseSchema, followUpRoutes, type FollowUp } from '../../../shared/contract/follow-up-api';
import { ServerHarness, TERMINAL_ID } from './helpers/server-harness';
import { OTHER_TERMINAL_ID, addTerminal, createStaff, signIn, staffCall } from './helpers/staff-harness';

/**
 * Follow-ups (issue 5): a refusal a terminal got after the person left travels in its heartbeat,
 * is recorded once, and staff list it, find it by the person's reference and resolve it (audited).
 */
let harness: ServerHarness;
beforeEach(async () => {
  harness = await ServerHarness.start({ seed: false });
});
afterEach(async () => {
  await harness.close();
});

const BEAT: HeartbeatRequest = { appVersion: '0.1.0', mode: 'shared', outboxDepth: 0 };
const REFUSAL: FollowUpReport = { reference: 'SES-7K4Q-92XD', kind: 'activation', code: 'ALREADY_ACTIVE', refusedAt: '2026-09-01T08:00:00.000Z' };

function beat(body: unknown, token?: string): ReturnType<ServerHarness['request']> {
  return harness.request(fleetRoutes.heartbeats.method, fleetRoutes.heartbeats.path, { body, token });
}

async function agentToken(): Promise<string> {
  const { password } = await createStaff(harness, { username: 'camille', role: 'agent' });
  return signIn(harness, 'camille', password);
}

async function list(staffToken: string, query = ''): Promise<FollowUp[]> {
  const answer = await staffCall(harness, 'GET', `${followUpRoutes.list.path}${query}`, staffToken);
  expect(answer.status).toBe(200);
  return FollowUpListResponseSchema.parse(answer.body).followUps;
}

function resolvePath(id: number): string {
  return followUpRoutes.resolve.path.replace(':followUpId', String(id));
}

describe('follow-ups reported in heartbeats (issue 5)', () => {
  it('records a reported refusal once, acknowledges it each time, and lists it to staff', async () => {
    const first = await beat({ ...BEAT, followUps: [REFUSAL] });
    expect([first.status, first.body['followUpsRecorded']]).toEqual([200, [REFUSAL.reference]]);
    // The acknowledgement was lost: the kiosk sends it again; still one follow-up.
    const again = await beat({ ...BEAT, followUps: [REFUSAL] });
    expect(again.body['followUpsRecorded']).toEqual([REFUSAL.reference]);
    // A beat without follow-ups acknowledges nothing.
    expect((await beat(BEAT)).body['followUpsRecorded']).toBeUndefined();

    const agent = await agentToken();
    const open = await list(agent);
    expect(open).toEqual([{ id: open[0]?.id, terminalId: TERMINAL_ID, ...REFUSAL, receivedAt: harness.clock.now().toISOString() }]);
    // The person presents the reference at the desk, typed in lower case.
    expect((await list(agent, `?reference=${REFUSAL.reference.toLowerCase()}`)).map((f) => f.reference)).toEqual([REFUSAL.reference]);
    expect(await list(agent, '?reference=SES-AAAA-BBBB')).toEqual([]);
  });

  it('refuses a report carrying anything but a reference, a kind, a code and a time', async () => {
    const refused = [
      { ...REFUSAL, name: 'Dupont' },
      { ...REFUSAL, reference: 'Jean Dupont' },
      { ...REFUSAL, kind: 'recovery' },
      { ...REFUSAL, code: 'le code est déjà utilisé' },
    ];
    for (const followUp of refused) expect((await beat({ ...BEAT, followUps: [followUp] })).body.error?.code).toBe('INVALID_INPUT');
    expect(harness.readDatabase((db) => db.prepare('SELECT COUNT(*) AS n FROM follow_ups').get())).toEqual({ n: 0 });
  });

  it('lists and resolves for signed-in staff only, on their own terminal', async () => {
    await beat({ ...BEAT, followUps: [REFUSAL] });
    const noStaff = await harness.request('GET', followUpRoutes.list.path);
    expect([noStaff.status, noStaff.body.error?.code]).toEqual([401, 'UNAUTHORIZED']);
    const noStaffResolve = await harness.request('POST', resolvePath(1));
    expect([noStaffResolve.status, noStaffResolve.body.error?.code]).toEqual([401, 'UNAUTHORIZED']);
    // A staff session opened on another terminal does not work from this one.
    const otherTerminal = await addTerminal(harness);
    const { password } = await createStaff(harness, { username: 'alix', role: 'agent' });
    const elsewhere = await signIn(harness, 'alix', password, { terminalToken: otherTerminal });
    expect((await staffCall(harness, 'GET', followUpRoutes.list.path, elsewhere)).status).toBe(401);
    expect((await staffCall(harness, 'GET', followUpRoutes.list.path, elsewhere, undefined, otherTerminal)).status).toBe(200);
  });

  it('resolves a follow-up once, audited with who and which reference; the fleet flag clears', async () => {
    await beat({ ...BEAT, followUps: [REFUSAL] });
    const agent = await agentToken();
    const { password } = await createStaff(harness, { username: 'dominique', role: 'admin' });
    const admin = await signIn(harness, 'dominique', password);
    const flagged = async () => FleetResponseSchema.parse((await staffCall(harness, 'GET', fleetRoutes.adminFleet.path, admin)).body).terminals.find((t) => t.id === TERMINAL_ID);
    expect(await flagged()).toMatchObject({ openFollowUps: 1, flags: { openFollowUps: true } });

    const [open] = await list(agent);
    const id = open?.id ?? 0;
    const resolved = await staffCall(harness, 'POST', resolvePath(id), agent);
    expect(resolved.status).toBe(200);
    expect(resolved.body['followUp']).toMatchObject({ reference: REFUSAL.reference, resolvedBy: 'camille', resolvedAt: harness.clock.now().toISOString() });
    expect(await list(agent)).toEqual([]);
    expect((await list(agent, '?state=all')).map((f) => f.resolvedBy)).toEqual(['camille']);
    const twice = await staffCall(harness, 'POST', resolvePath(id), agent);
    expect([twice.status, twice.body.error?.code]).toEqual([409, 'NOT_APPLICABLE']);
    expect((await staffCall(harness, 'POST', resolvePath(id + 99), agent)).body.error?.code).toBe('NOT_FOUND');

    const trail = (await harness.withStore(async (db) => await listAudit(db))).filter((entry) => entry.action === 'followUp.resolve');
    expect(trail.map((entry) => [entry.actor, entry.terminalId, entry.subject, entry.outcome])).toEqual([
      ['camille', TERMINAL_ID, `reference:${REFUSAL.reference}`, 'ok'],
      ['camille', TERMINAL_ID, `reference:${REFUSAL.reference}`, 'NOT_APPLICABLE'],
    ]);
    expect(await flagged()).toMatchObject({ openFollowUps: 0, flags: { openFollowUps: false } });
    // The same reference from another terminal is its own follow-up.
    const otherTerminal = await addTerminal(harness);
    await beat({ ...BEAT, followUps: [REFUSAL] }, otherTerminal);
    expect((await list(agent)).map((f) => f.terminalId)).toEqual([OTHER_TERMINAL_ID]);
  });

  it('prints the open follow-ups from the data folder (CLI `followups list`), exit 1 while one is open', async () => {
    await beat({ ...BEAT, followUps: [REFUSAL] });
    expect(parseCommand(['followups', 'list', '--data-dir', harness.dataDir])).toEqual({ ok: true, command: { command: 'followups list', dataDir: harness.dataDir, all: false } });
    const out: string[] = [];
    const err: string[] = [];
    const io = { out: (line: string) => void out.push(line), err: (line: string) => void err.push(line) };
    expect(await runFollowUpsCommand({ dataDir: harness.dataDir, all: false }, io)).toBe(1);
    const at = harness.clock.now().toISOString();
    expect(out).toEqual([FOLLOW_UPS_HEADER, `1\t${REFUSAL.reference}\t${TERMINAL_ID}\tactivation\tALREADY_ACTIVE\t${REFUSAL.refusedAt}\t${at}\tOPEN`]);
    expect(err).toEqual(['1 follow-up(s), 1 open']);
  });
});
