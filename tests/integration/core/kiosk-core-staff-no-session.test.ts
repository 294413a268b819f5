import { afterEach, describe, expect, it } from 'vitest';
import type { KioskHandlers } from '../../../shared/contract/kiosk-api';
import { kioskStaffContract } from '../../../shared/contract/kiosk-staff-api';
import { FakeClock } from '../../unit/core/support/fake-clock';
import { startStaffRig, type StaffRig } from './staff-core-rig';

/**
 * Issue 6: "a student can never reach a staff screen without the staff credential". Every
 * `staff.*` method of the contract is called with no staff signed in (never, after an idle
 * lock, after sign-out): none answers with data and none reaches the server with a token. The
 * method list is read from the contract, and `SAMPLES` is typed by it, so a new staff method
 * fails to compile here until it has a sample, and is then checked like the others.
 */
type StaffMethod = Extract<keyof typeof kioskStaffContract, string>;
type Input<M extends StaffMethod> = Parameters<KioskHandlers[M]>[0];

const CASE_ID = 'c_AAAAAAAAAAAAAAAAAAAA';
const GROUP_ID = 'g_AAAAAAAAAAAAAAAAAAAA';
const SAMPLES: { [M in StaffMethod]: Input<M> } = {
  'staff.signIn': { username: 'agent.durand', password: 'pas-le-bon' },
  'staff.signOut': {},
  'staff.activity': {},
  'staff.lookup': { profileId: 'cergy-etudiant', identity: { lastName: 'MARTIN', firstName: 'Léa', birthDate: '2006-03-14', studentNumber: '21000001' } },
  'staff.act': { caseId: CASE_ID, request: { action: 'issueCredential' } },
  'staff.handOver': { caseId: CASE_ID },
  'staff.cohorts': { profileId: 'ent77-college' },
  'staff.group.open': { profileId: 'ent77-college', label: '3eB', source: { kind: 'cohort', cohort: '3eB' } },
  'staff.group.join': { joinCode: 'ABCDEF' },
  'staff.group.leave': {},
  'staff.group.board': { groupId: GROUP_ID },
  'staff.group.close': { groupId: GROUP_ID },
  'staff.group.mailSummary': { groupId: GROUP_ID, locale: 'fr' },
  'staff.followUps.list': { reference: 'pas une référence' },
  'staff.followUps.resolve': { followUpId: 1 },
  'staff.fleet': {},
};

/** The two methods that answer otherwise without a session; every other one says UNAUTHORIZED. */
const NOT_UNAUTHORIZED: Partial<Record<StaffMethod, unknown>> = {
  // Locking what is already locked: nothing to wipe, nothing sent.
  'staff.signOut': { ok: true, value: { wiped: true } },
  'staff.activity': { ok: false, error: { code: 'NO_SESSION' } },
};

/** `staff.signIn` opens a session: it is the one method that must work without one. */
const GUARDED = (Object.keys(kioskStaffContract) as StaffMethod[]).filter((method) => method !== 'staff.signIn');

async function answersWithoutSession(rig: StaffRig): Promise<Record<string, unknown>> {
  const answers: Record<string, unknown> = {};
  for (const method of GUARDED) {
    const handler = rig.core.handlers[method] as (input: unknown) => Promise<unknown>;
    answers[method] = await handler(kioskStaffContract[method].input.parse(SAMPLES[method]));
  }
  return answers;
}

const expected = Object.fromEntries(GUARDED.map((method) => [method, NOT_UNAUTHORIZED[method] ?? { ok: false, error: { code: 'UNAUTHORIZED' } }]));

let rig: StaffRig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

describe('every staff method without a staff session', () => {
  it('covers the whole staff contract', () => {
    expect(GUARDED.length).toBe(Object.keys(kioskStaffContract).length - 1);
    expect(GUARDED).toContain('staff.group.board');
  });

  it('is refused at a desk terminal where no staff ever signed in, and nothing reaches the server', async () => {
    rig = await startStaffRig();
    expect(await answersWithoutSession(rig)).toEqual(expected);
    expect(rig.staffRequestsSent).toBe(0);
    expect(rig.events.filter((event) => event.type === 'staff.locked')).toEqual([]);
  });

  it.each(['idle', 'signedOut'] as const)('is refused after a lock (%s), without the old token being sent again', async (how) => {
    const clock = new FakeClock(Date.now());
    rig = await startStaffRig({ mode: 'assisted', lockAfterS: 60, clock });
    expect(await rig.signIn()).toMatchObject({ ok: true });
    expect(await rig.core.handlers['staff.cohorts']({ profileId: 'ent77-college' })).toMatchObject({ ok: true });
    if (how === 'idle') clock.advance(60_000);
    else await rig.core.handlers['staff.signOut']({});
    expect(rig.events).toContainEqual({ type: 'staff.locked', reason: how });
    await rig.staffCallsAnswered();
    const sentBefore = rig.staffRequestsSent;
    expect(await answersWithoutSession(rig)).toEqual(expected);
    expect(rig.staffRequestsSent).toBe(sentBefore);
  });
});
