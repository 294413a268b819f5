/**
 * Time as a dependency, so the idle timer and the outbox's backoff run under a fake clock in
 * tests (no timing assertions) and under the real one in the kiosk.
 */
export type ClockTimer = unknown;

export interface Clock {
  now(): number;
  setTimeout(callback: () => void, ms: number): ClockTimer;
  clearTimeout(timer: ClockTimer): void;
}

export const systemClock: Clock = {
  now() {
    return Date.now();
  },
  setTimeout(callback, ms) {
    // Unref'd: core's timers never keep a process alive on their own; the shells own its life.
    return setTimeout(callback, ms).unref();
  },
  clearTimeout(timer) {
    clearTimeout(timer as ReturnType<typeof setTimeout>);
  },
};

/** Resolves after `ms` on the given clock, or as soon as `signal` aborts. */
export function sleep(clock: Clock, ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = clock.setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
    function done(): void {
      clock.clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
  });
}
