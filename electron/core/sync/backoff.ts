/**
 * Exponential backoff with full jitter (DESIGN.md "Sync"): the n-th retry waits a uniform
 * random time in [0, min(cap, base·2ⁿ)], so kiosks that lost the link together do not all
 * come back at the same instant.
 */
export interface BackoffPolicy {
  baseMs: number;
  capMs: number;
}

/** Background delivery of queued confirmations: base 2 s, cap 5 min. */
export const QUEUE_BACKOFF: BackoffPolicy = { baseMs: 2_000, capMs: 300_000 };
/** Same-key retries while the person waits at the screen. */
export const INTERACTIVE_BACKOFF: BackoffPolicy = { baseMs: 250, capMs: 2_000 };

export function backoffCeilingMs(attempt: number, policy: BackoffPolicy): number {
  const exponent = Math.min(Math.max(0, Math.floor(attempt)), 30);
  return Math.min(policy.capMs, policy.baseMs * 2 ** exponent);
}

/** `random` returns [0, 1), as Math.random does; injected so tests can pin it. */
export function backoffDelayMs(attempt: number, policy: BackoffPolicy, random: () => number = Math.random): number {
  return Math.floor(random() * backoffCeilingMs(attempt, policy));
}
