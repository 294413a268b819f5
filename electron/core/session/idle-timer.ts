import type { Clock, ClockTimer } from '../clock';

export interface IdleTimerOptions {
  clock: Clock;
  timeoutMs: number;
  /** Length of the visible countdown before the deadline. */
  warningMs: number;
  onWarning(deadline: number, secondsLeft: number): void;
  onTimeout(): void;
}

/**
 * Walking away mid-flow (LOCKDOWN.md #16): after `timeoutMs - warningMs` without activity the
 * countdown is announced, at `timeoutMs` the session is wiped. Any activity re-arms both.
 */
export function createIdleTimer(options: IdleTimerOptions) {
  const { clock } = options;
  let warningTimer: ClockTimer | null = null;
  let endTimer: ClockTimer | null = null;
  let deadline: number | null = null;

  function clear(): void {
    if (warningTimer !== null) clock.clearTimeout(warningTimer);
    if (endTimer !== null) clock.clearTimeout(endTimer);
    warningTimer = null;
    endTimer = null;
    deadline = null;
  }

  return {
    /** (Re)starts the countdown from now; returns the new deadline (epoch ms). */
    touch(): number {
      clear();
      const at = clock.now() + options.timeoutMs;
      deadline = at;
      warningTimer = clock.setTimeout(() => {
        warningTimer = null;
        options.onWarning(at, Math.round(options.warningMs / 1000));
      }, options.timeoutMs - options.warningMs);
      endTimer = clock.setTimeout(() => {
        endTimer = null;
        clear();
        options.onTimeout();
      }, options.timeoutMs);
      return at;
    },
    stop: clear,
    get deadline(): number | null {
      return deadline;
    },
  };
}

export type IdleTimer = ReturnType<typeof createIdleTimer>;
