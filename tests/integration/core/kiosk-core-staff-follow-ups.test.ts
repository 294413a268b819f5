import { afterEach, describe, expect, it } from 'vitest';
import { fleetRoutes, type FollowUpReport } from '../../../shared/contract/fleet-api';
import { TERMINAL_ID } from '../server/helpers/server-harness';
import { createStaff } from '../server/helpers/staff-harness';
import { AGENT, startStaffRig, type StaffRig } from './staff-core-rig';

/**
 * Follow-ups and the fleet from a desk kiosk (issue 5), against the real reference server: a
 * refusal reported in a terminal's heartbeat is listed, found by the reference typed off the
 * receipt and marked resolved through the kiosk's staff methods; the fleet is for admins only.
 */
let rig: StaffRig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

const REFERENCE = 'SES-7K4Q-92XD';

/** What a terminal's heartbeat says when a queued activation was refused after the person left. */
async function beatWithFollowUp(current: StaffRig, report: Partial<FollowUpReport> = {}): Promise<void> {
  const followUp = { reference: REFERENCE, kind: 'activation', code: 'ALREADY_ACTIVE', refusedAt: new Date().toISOString(), ...report };
  const body = { appVersion: '9.9.9-test', mode: 'desk', outboxDepth: 0, followUps: [followUp] };
  const answer = await current.server.request('POST', fleetRoutes.heartbeats.path, { body });
  expect(answer.status).toBe(200);
  expect(answer.body['followUpsRecorded']).toEqual([followUp.reference]);
}

describe('follow-ups and the fleet at a desk terminal (issue 5)', () => {
  it('an agent lists the open follow-up, finds it by the typed reference and marks it resolved', async () => {
    rig = await startStaffRig();
    const { handlers } = rig.core;
    await beatWithFollowUp(rig);
    await beatWithFollowUp(rig, { reference: 'SES-AAAA-BBBB', code: 'CODE_EXPIRED' });
    await rig.signIn();

    const open = await handlers['staff.followUps.list']({});
    expect(open.ok && open.value.followUps.map((followUp) => followUp.reference).sort()).toEqual([REFERENCE, 'SES-AAAA-BBBB']);

    // Typed off the receipt as people do: lower case, spaces, without the prefix.
    const found = await handlers['staff.followUps.list']({ reference: ' 7k4q 92xd ' });
    expect(found).toMatchObject({ ok: true, value: { followUps: [{ reference: REFERENCE, kind: 'activation', code: 'ALREADY_ACTIVE' }] } });
    const id = found.ok ? (found.value.followUps[0]?.id ?? 0) : 0;

    const resolved = await handlers['staff.followUps.resolve']({ followUpId: id });
    expect(resolved).toMatchObject({ ok: true, value: { followUp: { id, reference: REFERENCE, resolvedBy: AGENT } } });
    const after = await handlers['staff.followUps.list']({});
    expect(after.ok && after.value.followUps.map((followUp) => followUp.reference)).toEqual(['SES-AAAA-BBBB']);
    // Once resolved, a second "Marquer comme traité" (another desk, a double tap) changes nothing.
    expect(await handlers['staff.followUps.resolve']({ followUpId: id })).toMatchObject({ ok: false, error: { code: 'NOT_APPLICABLE' } });
    // Still found by its reference, with who resolved it.
    expect(await handlers['staff.followUps.list']({ reference: REFERENCE })).toMatchObject({ ok: true, value: { followUps: [{ id, resolvedBy: AGENT }] } });
  });

  it('refuses a reference that cannot be a receipt reference, and an unknown follow-up', async () => {
    rig = await startStaffRig();
    const { handlers } = rig.core;
    await rig.signIn();
    expect(await handlers['staff.followUps.list']({ reference: 'Dupont' })).toEqual({ ok: false, error: { code: 'INVALID_INPUT', fields: [{ key: 'reference', reason: 'format' }] } });
    expect(await handlers['staff.followUps.list']({ reference: 'SES-0000-0000' })).toEqual({ ok: true, value: { followUps: [] } });
    expect(await handlers['staff.followUps.resolve']({ followUpId: 999 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('answers UNAUTHORIZED without a staff session, before asking the server', async () => {
    rig = await startStaffRig();
    const { handlers } = rig.core;
    expect(await handlers['staff.followUps.list']({})).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    expect(await handlers['staff.followUps.list']({ reference: 'pas une référence' })).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    expect(await handlers['staff.followUps.resolve']({ followUpId: 1 })).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    expect(await handlers['staff.fleet']({})).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    expect(rig.sentTokens.size).toBe(0);
  });

  it('refuses the fleet to an agent (FORBIDDEN) and shows it to an admin, flagging open follow-ups', async () => {
    rig = await startStaffRig();
    const { handlers } = rig.core;
    await beatWithFollowUp(rig);
    await rig.signIn();
    expect(await handlers['staff.fleet']({})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    // The refusal is a role matter, not a dead session: the agent stays signed in.
    expect(await handlers['staff.followUps.list']({})).toMatchObject({ ok: true });
    await handlers['staff.signOut']({});

    const { password } = await createStaff(rig.server, { username: 'admin.martin', displayName: 'Admin Martin', role: 'admin' });
    expect(await handlers['staff.signIn']({ username: 'admin.martin', password })).toMatchObject({ ok: true, value: { staff: { role: 'admin' } } });
    const fleet = await handlers['staff.fleet']({});
    expect(fleet.ok).toBe(true);
    const terminal = fleet.ok ? fleet.value.terminals.find((candidate) => candidate.id === TERMINAL_ID) : undefined;
    expect(terminal).toMatchObject({ openFollowUps: 1, flags: { openFollowUps: true, silent: false } });
  });
});
