import { describe, expect, it } from 'vitest';
import type { KioskEvent } from '../../../../shared/contract/kiosk-api';
import { createStaffSession } from '../../../../electron/core/staff/staff-session';
import { FakeClock } from '../support/fake-clock';

const AGENT = { username: 'agent.durand', displayName: 'Agent Durand', role: 'agent' as const };
const TOKEN = `st_${'a'.repeat(40)}`;

function rig(lockAfterS = 60) {
  const clock = new FakeClock();
  const events: KioskEvent[] = [];
  const signedOut: string[] = [];
  const session = createStaffSession({
    clock, lockAfterS, emit: (event) => events.push(event),
    signOutRemote: (token) => {
      signedOut.push(token);
      return Promise.resolve();
    },
  });
  return { clock, events, signedOut, session };
}

describe('staff session (issue 6: the desk locks itself)', () => {
  it('locks after lockAfterS without activity: everything dropped, the server told, staff.locked idle said', () => {
    const { clock, events, signedOut, session } = rig(60);
    const hold = session.open(TOKEN, AGENT);
    hold.cases.set('c_0123456789abcdef', { profileId: 'cergy-etudiant', identity: { lastName: 'Martin' }, idCheckValidUntil: null });
    clock.advance(59_999);
    expect(session.current()).toBe(hold);
    clock.advance(1);
    expect(session.current()).toBeNull();
    expect(session.isLive(hold)).toBe(false);
    expect(hold.cases.size).toBe(0);
    expect(signedOut).toEqual([TOKEN]);
    expect(events).toEqual([{ type: 'staff.locked', reason: 'idle' }]);
    expect(clock.pendingTimers).toBe(0);
  });

  it('activity pushes the lock back by lockAfterS from now', () => {
    const { clock, events, session } = rig(60);
    session.open(TOKEN, AGENT);
    clock.advance(50_000);
    expect(session.touch()).toBe(clock.now() + 60_000);
    clock.advance(50_000);
    expect(session.current()).not.toBeNull();
    clock.advance(10_000);
    expect(session.current()).toBeNull();
    expect(events).toEqual([{ type: 'staff.locked', reason: 'idle' }]);
  });

  it('an expired session is not signed out again (the server already ended it); without a session, lock and touch do nothing', async () => {
    const { events, signedOut, session } = rig();
    expect(session.touch()).toBeNull();
    await session.lock('signedOut');
    expect(events).toEqual([]);
    session.open(TOKEN, AGENT);
    await session.lock('expired');
    expect(signedOut).toEqual([]);
    expect(events).toEqual([{ type: 'staff.locked', reason: 'expired' }]);
  });

  it('a failed server sign-out still drops everything (best effort)', async () => {
    const clock = new FakeClock();
    const events: KioskEvent[] = [];
    const session = createStaffSession({ clock, lockAfterS: 60, emit: (event) => events.push(event), signOutRemote: () => Promise.reject(new Error('down')) });
    session.open(TOKEN, AGENT);
    await session.lock('signedOut');
    expect(session.current()).toBeNull();
    expect(events).toEqual([{ type: 'staff.locked', reason: 'signedOut' }]);
  });

  it('a new sign-in replaces the previous one silently, its server session ended; close drops without an event', () => {
    const { clock, events, signedOut, session } = rig();
    const first = session.open(TOKEN, AGENT);
    const second = session.open(`st_${'b'.repeat(40)}`, AGENT);
    expect(session.isLive(first)).toBe(false);
    expect(session.isLive(second)).toBe(true);
    expect(signedOut).toEqual([TOKEN]);
    session.close();
    expect(session.current()).toBeNull();
    expect(clock.pendingTimers).toBe(0);
    expect(events).toEqual([]);
  });
});
