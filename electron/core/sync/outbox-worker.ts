import type { Clock, ClockTimer } from '../clock';
import { errorKind, logCoreEvent } from '../core-log';
import type { OutboxKind, OutboxRepository } from '../store/outbox-repository';
import type { OutboxDelivery, Sender } from './outbox-delivery';

const IN_FLIGHT_RECHECK_MS = 1_000;

export interface OutboxWorkerOptions {
  outbox: OutboxRepository;
  delivery: OutboxDelivery;
  /** One sender per kind: confirmations, and chosen-password activations left deferred. */
  senders: Record<OutboxKind, Sender<unknown>>;
  clock: Clock;
  /** Called after each pass, so the `sync.state` event follows the queue. */
  onPass: () => void;
}

/**
 * The background loop for queued submissions (confirmations, deferred activations): one timer, armed for the earliest
 * `next_attempt_at`; each failed attempt pushes its row back with exponential backoff and
 * full jitter until the server gives a final answer. It starts with the core, so rows left
 * pending by a previous run are delivered after a restart.
 */
export function createOutboxWorker(options: OutboxWorkerOptions) {
  const { outbox, delivery, clock } = options;
  let timer: ClockTimer | null = null;
  let stopped = true;
  let running: Promise<void> | null = null;
  // A row being delivered at the screen is left alone; waiting a little keeps the loop from
  // spinning on it (the interactive path pokes the loop when it is done).
  let skippedInFlight = false;
  // After a failure to reach the server, the other due rows wait with the failed one: a pass over
  // 1,000 rows must not send 1,000 requests into a dead or stalled link. Cleared by `poke`
  // (the link is back, or a new row).
  let holdUntil = 0;

  function arm(): void {
    if (timer !== null) clock.clearTimeout(timer);
    timer = null;
    if (stopped || running) return;
    const next = outbox.nextQueuedAt();
    if (next === null) return;
    timer = clock.setTimeout(() => {
      timer = null;
      running = pass().finally(() => {
        running = null;
        arm();
      });
    }, Math.max(0, next - clock.now(), holdUntil - clock.now(), skippedInFlight ? IN_FLIGHT_RECHECK_MS : 0));
  }

  async function pass(): Promise<void> {
    skippedInFlight = false;
    try {
      outbox.expireStale(clock.now());
      for (const entry of outbox.listQueuedDue(clock.now())) {
        if (stopped) break;
        if (delivery.isInFlight(entry.id)) {
          skippedInFlight = true;
          continue;
        }
        const outcome = await delivery.attemptOnce(entry, options.senders[entry.kind]);
        // A refusal here reached nobody at the screen: it is kept for staff and goes with the next heartbeat.
        if (outcome.kind === 'refused') logCoreEvent('outbox.settled', { kind: entry.kind, outcome: outcome.kind, code: outcome.error.code, followUp: true });
        else if (outcome.kind !== 'retry') logCoreEvent('outbox.settled', { kind: entry.kind, outcome: outcome.kind });
        else if (outcome.error.code === 'OFFLINE') {
          holdUntil = outbox.find(entry.id)?.nextAttemptAt ?? clock.now();
          break;
        }
      }
    } catch (error) {
      logCoreEvent('outbox.pass-failed', { cause: errorKind(error) });
    } finally {
      if (!stopped) options.onPass();
    }
  }

  return {
    start(): void {
      stopped = false;
      arm();
    },
    /** Re-reads the queue: a row was added or rescheduled outside the loop. */
    poke(): void {
      holdUntil = 0;
      arm();
    },
    /** Stops the timer and waits for an attempt under way to finish. */
    async stop(): Promise<void> {
      stopped = true;
      arm();
      await running;
    },
  };
}

export type OutboxWorker = ReturnType<typeof createOutboxWorker>;
