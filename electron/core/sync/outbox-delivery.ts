import type { AppError } from '../../../shared/contract/result';
import { sleep, type Clock } from '../clock';
import type { OutboxEntry, OutboxRepository } from '../store/outbox-repository';
import { backoffDelayMs, type BackoffPolicy } from './backoff';
import type { ClientResult } from './enrollment-client';

export type DeliveryOutcome<T> =
  | { kind: 'delivered'; value: T }
  | { kind: 'refused'; error: AppError }
  | { kind: 'retry'; error: AppError; retryAfterMs: number };

/** `budgetMs`: what is left of the screen's wait; the request is cut to it (none in the background). */
export type Sender<T> = (entry: OutboxEntry, budgetMs?: number) => Promise<ClientResult<T>>;

export interface OutboxDeliveryOptions {
  outbox: OutboxRepository;
  clock: Clock;
  queueBackoff: BackoffPolicy;
  interactiveBackoff: BackoffPolicy;
  /** Aborted when the core closes: no new attempt starts after that. */
  signal: AbortSignal;
  random?: () => number;
}

/**
 * Sends outbox rows and records what the server said. Every retry of a row reuses its
 * idempotency key and its stored sealed body, so the server applies it at most once however
 * many times a dropped response makes us ask again.
 */
export function createOutboxDelivery(options: OutboxDeliveryOptions) {
  const { outbox, clock } = options;
  const random = options.random ?? Math.random;
  const inFlight = new Map<number, Promise<unknown>>();

  function track<T>(id: number, run: () => Promise<T>): Promise<T> {
    const running = run().finally(() => inFlight.delete(id));
    inFlight.set(id, running);
    return running;
  }

  /** `background`: the person has left, so a refusal is kept for staff to follow up (migration 005). */
  async function attempt<T>(entry: OutboxEntry, send: Sender<T>, budgetMs?: number, background = false): Promise<DeliveryOutcome<T>> {
    const result = await send(entry, budgetMs);
    const now = clock.now();
    if (result.ok) {
      outbox.settle(entry.id, 'delivered', null, now);
      return { kind: 'delivered', value: result.value };
    }
    // 5xx, network, malformed: try again. THROTTLED is not a verdict on the submission either.
    if (result.retryable || result.error.code === 'THROTTLED') {
      const retryAfterMs = (result.error.retryAfterS ?? 0) * 1000;
      const wait = Math.max(retryAfterMs, backoffDelayMs(entry.attempts, options.queueBackoff, random));
      outbox.scheduleRetry(entry.id, result.error.code, now + wait, now);
      return { kind: 'retry', error: result.error, retryAfterMs };
    }
    outbox.settle(entry.id, 'refused', result.error.code, now, { followUp: background });
    return { kind: 'refused', error: result.error };
  }

  return {
    isInFlight(id: number): boolean {
      return inFlight.has(id);
    },

    /** One attempt, for the background loop: nobody is at the screen to read a refusal. */
    attemptOnce<T>(entry: OutboxEntry, send: Sender<T>): Promise<DeliveryOutcome<T>> {
      return track(entry.id, () => attempt(entry, send, undefined, true));
    },

    /**
     * Same-key retries with short backoff until a final answer or `budgetMs` is spent: the answer
     * comes within the larger of `budgetMs` and one request timeout.
     */
    deliverWithin<T>(first: OutboxEntry, send: Sender<T>, budgetMs: number): Promise<DeliveryOutcome<T>> {
      const deadline = clock.now() + budgetMs;
      return track(first.id, async () => {
        let entry = first;
        for (let round = 0; ; round += 1) {
          // The first attempt gets a whole request timeout; a retry only what is left of the
          // budget, or a stalled retry started late kept the person a request timeout past it.
          const outcome = await attempt(entry, send, round === 0 ? undefined : deadline - clock.now());
          if (outcome.kind !== 'retry') return outcome;
          const wait = Math.max(outcome.retryAfterMs, backoffDelayMs(round, options.interactiveBackoff, random));
          const next = outbox.find(entry.id);
          if (options.signal.aborted || next?.state !== 'pending' || clock.now() + wait >= deadline) return outcome;
          await sleep(clock, wait, options.signal);
          entry = next;
        }
      });
    },

    /** Resolves once every delivery under way has finished (before the database closes). */
    async drain(): Promise<void> {
      await Promise.allSettled([...inFlight.values()]);
    },
  };
}

export type OutboxDelivery = ReturnType<typeof createOutboxDelivery>;
