import { describe, expect, it } from 'vitest';
import type { KioskEvent } from '../../../../shared/contract/kiosk-api';
import { createSessionManager } from '../../../../electron/core/session/session-manager';
import { FakeClock } from '../support/fake-clock';
import { cergyProfile } from '../support/cergy-profile';

function setup() {
  const clock = new FakeClock();
  const events: KioskEvent[] = [];
  const sessions = createSessionManager({ clock, idle: { timeoutS: 90, warningS: 20 }, emit: (event) => events.push(event) });
  return { clock, events, sessions };
}

describe('idle timer (LOCKDOWN.md #16)', () => {
  it('warns after timeout − warning, then wipes and ends at the timeout', () => {
    const { clock, events, sessions } = setup();
    const start = clock.now();
    const session = sessions.start(cergyProfile());
    session.resetIdentity({ studentNumber: '21000001' });
    clock.advance(69_999);
    expect(events).toEqual([]);
    clock.advance(1);
    expect(events).toEqual([{ type: 'session.idleWarning', deadline: new Date(start + 90_000).toISOString(), secondsLeft: 20 }]);
    clock.advance(19_999);
    expect(sessions.current()).toBe(session);
    clock.advance(1);
    expect(events.at(-1)).toEqual({ type: 'session.ended', reason: 'idle' });
    expect(sessions.current()).toBeNull();
    expect(session.wiped).toBe(true);
    expect(session.eligibleIdentity).toBeNull();
    expect(clock.pendingTimers).toBe(0);
  });

  it('activity postpones the deadline and cancels a pending warning', () => {
    const { clock, events, sessions } = setup();
    sessions.start(cergyProfile());
    clock.advance(75_000);
    expect(events.map((event) => event.type)).toEqual(['session.idleWarning']);
    const deadline = sessions.touch();
    expect(deadline).toBe(clock.now() + 90_000);
    clock.advance(69_000);
    expect(events).toHaveLength(1);
    clock.advance(21_000);
    expect(events.map((event) => event.type)).toEqual(['session.idleWarning', 'session.idleWarning', 'session.ended']);
  });

  it('ending by hand clears the timers; a new start wipes the previous person silently', () => {
    const { clock, events, sessions } = setup();
    const first = sessions.start(cergyProfile());
    const second = sessions.start(cergyProfile());
    expect(first.wiped).toBe(true);
    expect(sessions.isLive(first)).toBe(false);
    expect(sessions.isLive(second)).toBe(true);
    sessions.end('finished');
    sessions.end('finished');
    expect(events).toEqual([{ type: 'session.ended', reason: 'finished' }, { type: 'session.ended', reason: 'finished' }]);
    expect(clock.pendingTimers).toBe(0);
    expect(sessions.touch()).toBeNull();
  });
});
