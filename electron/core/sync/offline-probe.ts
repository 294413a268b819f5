import type { Clock, ClockTimer } from '../clock';

/**
 * While the server cannot be reached, ask again every `intervalMs` on our own, so the screen
 * learns the link is back (and the outbox is brought forward) without anyone touching the kiosk
 * (issue 5). Nothing runs while online: the person's own exchanges and the heartbeat tell.
 */
export function createOfflineProbe(options: { clock: Clock; intervalMs: number; isOffline: () => boolean; probe: () => Promise<unknown> }) {
  let timer: ClockTimer | null = null;
  let running: Promise<void> | null = null;
  let stopped = false;

  function arm(): void {
    if (stopped || timer !== null || running !== null || !options.isOffline()) return;
    timer = options.clock.setTimeout(fire, options.intervalMs);
  }

  function fire(): void {
    timer = null;
    if (stopped || !options.isOffline()) return;
    running = options
      .probe()
      // A failed probe is the offline state we already show; the next one is armed below.
      .then(() => undefined, () => undefined)
      .finally(() => {
        running = null;
        arm();
      });
  }

  return {
    /** After every contact: arms the next probe if the link is down and none is due yet. */
    arm,
    async stop(): Promise<void> {
      stopped = true;
      if (timer !== null) options.clock.clearTimeout(timer);
      timer = null;
      await running;
    },
  };
}

export type OfflineProbe = ReturnType<typeof createOfflineProbe>;
