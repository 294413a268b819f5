import { describe, expect, it } from 'vitest';
import type { PasswordVerdict } from '../../../shared/schemas/password-policy-schema';
import { LiveCheck, type Schedule } from '../../../renderer/src/lib/password/live-check';

/** A hand-driven schedule: nothing runs until the test says the pause is over. */
function manualSchedule(): { schedule: Schedule; fire: () => void; pending: () => number } {
  let queue: (() => void)[] = [];
  return {
    schedule: (run) => {
      queue.push(run);
      return () => {
        queue = queue.filter((entry) => entry !== run);
      };
    },
    fire: () => {
      const due = queue;
      queue = [];
      for (const run of due) run();
    },
    pending: () => queue.length,
  };
}

/** A back end whose answers the test releases one by one, in any order. */
function heldBackEnd() {
  const calls: { candidate: string; answer: (verdict: PasswordVerdict) => void }[] = [];
  const check = (candidate: string) => new Promise<PasswordVerdict | null>((resolve) => calls.push({ candidate, answer: resolve }));
  return { calls, check };
}

const verdict = (acceptable: boolean): PasswordVerdict => ({ acceptable, rules: [] });
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('LiveCheck', () => {
  it('asks once the typing pauses, with the latest candidate only', async () => {
    const clock = manualSchedule();
    const backEnd = heldBackEnd();
    const seen: string[] = [];
    const live = new LiveCheck({ delayMs: 150, check: backEnd.check, onVerdict: (candidate) => seen.push(candidate), schedule: clock.schedule });
    live.request('a');
    live.request('ab');
    live.request('abc');
    expect(clock.pending()).toBe(1);
    clock.fire();
    expect(backEnd.calls.map((call) => call.candidate)).toEqual(['abc']);
    backEnd.calls[0]?.answer(verdict(false));
    await settle();
    expect(seen).toEqual(['abc']);
  });

  it('drops an answer that arrives after a newer keystroke', async () => {
    const clock = manualSchedule();
    const backEnd = heldBackEnd();
    const seen: string[] = [];
    const live = new LiveCheck({ delayMs: 150, check: backEnd.check, onVerdict: (candidate) => seen.push(candidate), schedule: clock.schedule });
    live.request('old');
    clock.fire();
    live.request('newer');
    clock.fire();
    backEnd.calls[1]?.answer(verdict(true));
    backEnd.calls[0]?.answer(verdict(false));
    await settle();
    expect(seen).toEqual(['newer']);
  });

  it('"now" asks at once and resolves with the verdict, or null when the back end cannot answer', async () => {
    const clock = manualSchedule();
    const answers: (PasswordVerdict | null)[] = [verdict(true), null];
    const live = new LiveCheck({ delayMs: 150, check: async () => answers.shift() ?? null, onVerdict: () => undefined, schedule: clock.schedule });
    live.request('typing');
    await expect(live.now('final')).resolves.toEqual(verdict(true));
    expect(clock.pending()).toBe(0);
    await expect(live.now('final')).resolves.toBeNull();
  });

  it('stop forgets what is in flight', async () => {
    const clock = manualSchedule();
    const backEnd = heldBackEnd();
    const seen: string[] = [];
    const live = new LiveCheck({ delayMs: 150, check: backEnd.check, onVerdict: (candidate) => seen.push(candidate), schedule: clock.schedule });
    live.request('secret');
    clock.fire();
    live.stop();
    backEnd.calls[0]?.answer(verdict(true));
    await settle();
    expect(seen).toEqual([]);
  });
});
