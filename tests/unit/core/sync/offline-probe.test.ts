import { describe, expect, it } from 'vitest';
import { createOfflineProbe } from '../../../../electron/core/sync/offline-probe';
import { FakeClock } from '../support/fake-clock';

/**
 * The re-probe loop on a fake clock: it asks again every interval while offline, never while
 * online, and nothing is left behind once stopped. The probe's answer drives `offline`, as the
 * real one drives the sync status through `onContact`.
 */
const INTERVAL = 15_000;

async function settle(): Promise<void> {
  for (let turn = 0; turn < 5; turn += 1) await Promise.resolve();
}

function rig(startOffline: boolean) {
  const clock = new FakeClock();
  const state = { offline: startOffline, probes: 0, answers: [] as boolean[] };
  const probe = createOfflineProbe({
    clock, intervalMs: INTERVAL, isOffline: () => state.offline,
    probe: async () => {
      state.probes += 1;
      state.offline = !(state.answers.shift() ?? false);
    },
  });
  return { clock, state, probe };
}

describe('the offline re-probe', () => {
  it('asks again every interval while the server stays unreachable, and stops once it answers', async () => {
    const { clock, state, probe } = rig(true);
    state.answers.push(false, false, true);
    probe.arm();
    clock.advance(INTERVAL - 1);
    expect(state.probes).toBe(0);
    for (let round = 1; round <= 3; round += 1) {
      clock.advance(INTERVAL);
      await settle();
      expect(state.probes).toBe(round);
    }
    expect(state.offline).toBe(false);
    clock.advance(INTERVAL * 10);
    await settle();
    expect(state.probes).toBe(3);
    expect(clock.pendingTimers).toBe(0);
  });

  it('does nothing while online, and arms once, however many contacts fail meanwhile', async () => {
    const { clock, state, probe } = rig(false);
    probe.arm();
    expect(clock.pendingTimers).toBe(0);
    state.offline = true;
    probe.arm();
    probe.arm();
    expect(clock.pendingTimers).toBe(1);
    clock.advance(INTERVAL);
    await settle();
    expect(state.probes).toBe(1);
  });

  it('skips a due probe when a person’s own exchange brought the link back first', async () => {
    const { clock, state, probe } = rig(true);
    probe.arm();
    state.offline = false;
    clock.advance(INTERVAL);
    await settle();
    expect(state.probes).toBe(0);
    expect(clock.pendingTimers).toBe(0);
  });

  it('leaves no timer once stopped', async () => {
    const { clock, state, probe } = rig(true);
    probe.arm();
    await probe.stop();
    expect(clock.pendingTimers).toBe(0);
    probe.arm();
    clock.advance(INTERVAL * 3);
    expect(state.probes).toBe(0);
  });
});
