import { afterEach, describe, expect, it } from 'vitest';
import { demoPerson, profilePerson } from '../server/helpers/demo-person';
import { staffCall } from '../server/helpers/staff-harness';
import { FakeClock } from '../../unit/core/support/fake-clock';
import { storeBytes } from './core-harness';
import { startStaffRig, type StaffRig } from './staff-core-rig';

/**
 * The kiosk back end of a desk terminal (issue 6) against the real reference server: staff
 * sign in, look a person up, act, lock (idle, sign-out), and hand over to the person with the
 * fields an identity check replaced left out; the staff token never reaches the disk.
 */
let rig: StaffRig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

const pendingStudent = (() => {
  const { lastName, firstName, birthDate, studentNumber } = demoPerson('PAYMENT_PENDING');
  return { lastName, firstName, birthDate, studentNumber };
})();

describe('staff at a desk terminal', () => {
  it('signs in (ending the person session there was) and diagnoses a payment-pending student', async () => {
    rig = await startStaffRig();
    const { core, events } = rig;
    expect(await core.handlers['terminal.describe']({})).toMatchObject({ ok: true, value: { staffEnabled: true, group: null, online: true } });
    await core.handlers['session.start']({ profileId: 'cergy-etudiant' });
    expect(await rig.signIn()).toEqual({ ok: true, value: { staff: { username: 'agent.durand', displayName: 'Agent Durand', role: 'agent' }, lockAfterS: 120 } });
    expect(events).toContainEqual({ type: 'session.ended', reason: 'cancelled' });
    expect(await core.handlers['session.activity']({})).toMatchObject({ ok: false, error: { code: 'NO_SESSION' } });
    const diagnosis = await core.handlers['staff.lookup']({ profileId: 'cergy-etudiant', identity: pendingStudent });
    expect(diagnosis).toMatchObject({ ok: true, value: { status: 'PAYMENT_PENDING', payment: 'pending', profileId: 'cergy-etudiant' } });
    expect(await core.handlers['staff.activity']({})).toMatchObject({ ok: true });
  });

  it('refuses a wrong password with UNAUTHORIZED and stays signed out', async () => {
    rig = await startStaffRig();
    expect(await rig.signIn('pas-le-bon-mot-de-passe')).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    expect(await rig.core.handlers['staff.lookup']({ profileId: 'cergy-etudiant', identity: pendingStudent })).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
  });

  it('a shared terminal answers FORBIDDEN to every staff method and does not offer staff sign-in', async () => {
    rig = await startStaffRig({ mode: 'shared' });
    const { handlers } = rig.core;
    expect(await handlers['terminal.describe']({})).toMatchObject({ ok: true, value: { staffEnabled: false } });
    expect(await rig.signIn()).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await handlers['staff.activity']({})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await handlers['staff.signOut']({})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await handlers['staff.lookup']({ profileId: 'cergy-etudiant', identity: pendingStudent })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await handlers['staff.cohorts']({ profileId: 'cergy-etudiant' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(rig.sentTokens.size).toBe(0);
  });

  it('locks itself after lockAfterS without activity: staff.locked idle, then every staff call is refused and the old case is dead', async () => {
    const clock = new FakeClock(Date.now());
    rig = await startStaffRig({ lockAfterS: 60, clock });
    const { handlers } = rig.core;
    await rig.signIn();
    const found = await handlers['staff.lookup']({ profileId: 'cergy-etudiant', identity: pendingStudent });
    if (!found.ok) throw new Error(found.error.code);
    clock.advance(59_000);
    expect(rig.events.filter((event) => event.type === 'staff.locked')).toEqual([]);
    clock.advance(1_000);
    expect(rig.events.filter((event) => event.type === 'staff.locked')).toEqual([{ type: 'staff.locked', reason: 'idle' }]);
    const act = { caseId: found.value.caseId, request: { action: 'idCheck' as const, document: 'idCard' as const } };
    expect(await handlers['staff.act'](act)).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    expect(await handlers['staff.handOver']({ caseId: found.value.caseId })).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    expect(await handlers['staff.activity']({})).toMatchObject({ ok: false, error: { code: 'NO_SESSION' } });
    // The lock also ended the session on the server: the old token is worth nothing there.
    await rig.staffCallsAnswered();
    const [token] = [...rig.sentTokens];
    if (!token) throw new Error('no staff token sent');
    expect((await staffCall(rig.server, 'POST', '/v1/staff/lookups', token, { profileId: 'cergy-etudiant', identity: pendingStudent })).status).toBe(401);
    await rig.signIn();
    expect(await handlers['staff.act'](act)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('signs out: the core holds nothing, the server refuses the old token, and no token is on the disk', async () => {
    rig = await startStaffRig();
    const { handlers } = rig.core;
    await rig.signIn();
    const found = await handlers['staff.lookup']({ profileId: 'cergy-etudiant', identity: pendingStudent });
    expect(found.ok).toBe(true);
    const [token] = [...rig.sentTokens];
    if (!token) throw new Error('no staff token sent');
    expect(await handlers['staff.signOut']({})).toEqual({ ok: true, value: { wiped: true } });
    expect(rig.events).toContainEqual({ type: 'staff.locked', reason: 'signedOut' });
    expect(await handlers['staff.lookup']({ profileId: 'cergy-etudiant', identity: pendingStudent })).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    const replay = await staffCall(rig.server, 'POST', '/v1/staff/lookups', token, { profileId: 'cergy-etudiant', identity: pendingStudent });
    expect(replay.status).toBe(401);
    expect(storeBytes(rig.kioskDir).includes(token)).toBe(false);
  });
});

describe('handing over to the person (ENT 77: the id check replaces the letter code)', () => {
  const manon = profilePerson('ent77-college', 'eligible');
  const record = { login: manon['login'] ?? '' };

  it('without an id check: prefill only, nothing waived', async () => {
    rig = await startStaffRig();
    await rig.signIn();
    const found = await rig.core.handlers['staff.lookup']({ profileId: 'ent77-college', identity: record });
    if (!found.ok) throw new Error(found.error.code);
    expect(await rig.core.handlers['staff.handOver']({ caseId: found.value.caseId })).toMatchObject({ ok: true, value: { prefill: record, waived: [] } });
  });

  it('after an id check: the person session starts without the code and the activation succeeds end to end', async () => {
    rig = await startStaffRig();
    const { handlers } = rig.core;
    await rig.signIn();
    const found = await handlers['staff.lookup']({ profileId: 'ent77-college', identity: record });
    if (!found.ok) throw new Error(found.error.code);
    const checked = await handlers['staff.act']({ caseId: found.value.caseId, request: { action: 'idCheck', document: 'idCard' } });
    expect(checked).toMatchObject({ ok: true, value: { diagnosis: { idCheck: { by: 'agent.durand' } } } });
    const handed = await handlers['staff.handOver']({ caseId: found.value.caseId });
    expect(handed).toMatchObject({ ok: true, value: { profile: { id: 'ent77-college' }, prefill: record, waived: ['activationCode'] } });
    expect(rig.events).toContainEqual({ type: 'staff.locked', reason: 'handedOver' });
    expect(await handlers['staff.lookup']({ profileId: 'ent77-college', identity: record })).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    expect(await handlers['activation.lookup']({ identity: record })).toEqual({ ok: true, value: { eligible: true } });
    const chosen = await handlers['activation.choose']({ password: 'Tq7vLp2Wnx', confirmation: 'Tq7vLp2Wnx', termsAccepted: true, locale: 'fr', email: 'parent.leclerc@example.org' });
    expect(chosen).toMatchObject({ ok: true, value: { state: 'active', login: 'manon.leclerc' } });
    for (const token of rig.sentTokens) expect(storeBytes(rig.kioskDir).includes(token)).toBe(false);
  });
});

describe('group sessions from the kiosk', () => {
  it('opens a group on a cohort, joins this terminal, which stays joined after sign-out, then leaves', async () => {
    rig = await startStaffRig();
    const { handlers } = rig.core;
    await rig.signIn();
    expect(await handlers['staff.cohorts']({ profileId: 'ent77-college' })).toMatchObject({ ok: true, value: { cohorts: [{ cohort: '3eB' }] } });
    const board = await handlers['staff.group.open']({ profileId: 'ent77-college', label: '3eB matin', source: { kind: 'cohort', cohort: '3eB' } });
    if (!board.ok) throw new Error(board.error.code);
    const { groupId, joinCode } = board.value.summary;
    expect(await handlers['staff.group.board']({ groupId })).toMatchObject({ ok: true, value: { summary: { groupId } } });
    const joined = await handlers['staff.group.join']({ joinCode: joinCode.toLowerCase() });
    expect(joined).toEqual({ ok: true, value: { groupId, profileId: 'ent77-college', label: '3eB matin' } });
    await handlers['staff.signOut']({});
    expect(await handlers['terminal.describe']({})).toMatchObject({ ok: true, value: { group: { groupId } } });
    await rig.signIn();
    expect(await handlers['staff.group.leave']({})).toEqual({ ok: true, value: { left: true } });
    expect(await handlers['terminal.describe']({})).toMatchObject({ ok: true, value: { group: null } });
  });
});

describe('a staff session the server ended', () => {
  it('locks with reason expired at the next call the server refuses', async () => {
    rig = await startStaffRig();
    await rig.signIn();
    expect(await rig.core.handlers['staff.cohorts']({ profileId: 'cergy-etudiant' })).toMatchObject({ ok: true });
    const [token] = [...rig.sentTokens];
    if (!token) throw new Error('no staff token sent');
    expect((await staffCall(rig.server, 'DELETE', '/v1/staff/sessions/current', token)).status).toBe(200);
    expect(await rig.core.handlers['staff.cohorts']({ profileId: 'cergy-etudiant' })).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    expect(rig.events).toContainEqual({ type: 'staff.locked', reason: 'expired' });
    expect(await rig.core.handlers['staff.activity']({})).toMatchObject({ ok: false, error: { code: 'NO_SESSION' } });
  });
});

describe('the board long poll and the auto-lock', () => {
  // Issue 6: an unattended staff screen locks itself. The poll is the page's doing, not staff's:
  // a board left open on an assisted laptop must not keep "Autres séances" and the lookup open.
  it.each(['assisted', 'desk'] as const)('in %s mode, a board polled but not touched locks after lockAfterS and the server refuses its token', async (mode) => {
    const clock = new FakeClock(Date.now());
    rig = await startStaffRig({ mode, lockAfterS: 60, clock });
    const { handlers } = rig.core;
    await rig.signIn();
    const board = await handlers['staff.group.open']({ profileId: 'ent77-college', label: '3eB', source: { kind: 'cohort', cohort: '3eB' } });
    if (!board.ok) throw new Error(board.error.code);
    const { groupId } = board.value.summary;
    // The page re-issues the poll as soon as it answers: five answers in the minute that follows.
    for (let second = 10; second < 60; second += 10) {
      clock.advance(10_000);
      expect(await handlers['staff.group.board']({ groupId })).toMatchObject({ ok: true });
    }
    expect(rig.events.filter((event) => event.type === 'staff.locked')).toEqual([]);
    clock.advance(10_000);
    expect(rig.events.filter((event) => event.type === 'staff.locked')).toEqual([{ type: 'staff.locked', reason: 'idle' }]);
    expect(await handlers['staff.group.board']({ groupId })).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    await rig.staffCallsAnswered();
    const [token] = [...rig.sentTokens];
    if (!token) throw new Error('no staff token sent');
    expect((await staffCall(rig.server, 'POST', '/v1/staff/lookups', token, { profileId: 'cergy-etudiant', identity: pendingStudent })).status).toBe(401);
  });

  it('staff input on the board (staff.activity) still pushes the lock back', async () => {
    const clock = new FakeClock(Date.now());
    rig = await startStaffRig({ mode: 'assisted', lockAfterS: 60, clock });
    await rig.signIn();
    clock.advance(50_000);
    expect(await rig.core.handlers['staff.activity']({})).toMatchObject({ ok: true });
    clock.advance(50_000);
    expect(rig.events.filter((event) => event.type === 'staff.locked')).toEqual([]);
    clock.advance(10_000);
    expect(rig.events.filter((event) => event.type === 'staff.locked')).toEqual([{ type: 'staff.locked', reason: 'idle' }]);
  });
});
