import { sleep, type Clock } from '../clock';
import { backoffDelayMs, type BackoffPolicy } from './backoff';
import type { ClientResult } from './enrollment-client';

export interface InteractiveRetryOptions {
  clock: Clock;
  /** How long the person waits at the screen for one call, retries included. */
  budgetMs: number;
  backoff: BackoffPolicy;
  /** Aborted when the core closes. */
  signal: AbortSignal;
  random?: () => number;
}

/**
 * A call made while the person waits at the screen and never queued (an emailed code, a
 * recovery): retried with short backoff while the budget lasts, then OFFLINE. The caller builds
 * the idempotency key and the sealed body once, outside `call`, so every retry repeats the same
 * request and a dropped answer does not spend a code or send an email twice.
 */
export function createInteractiveRetry(options: InteractiveRetryOptions) {
  const random = options.random ?? Math.random;

  return async function withRetries<T>(call: () => Promise<ClientResult<T>>): Promise<ClientResult<T>> {
    const deadline = options.clock.now() + options.budgetMs;
    for (let round = 0; ; round += 1) {
      const result = await call();
      if (result.ok || !result.retryable) return result;
      const wait = backoffDelayMs(round, options.backoff, random);
      if (options.signal.aborted || options.clock.now() + wait >= deadline) return result;
      await sleep(options.clock, wait, options.signal);
    }
  };
}
