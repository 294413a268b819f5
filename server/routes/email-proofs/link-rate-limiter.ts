/**
 * Per-IP limit on the email-link route, kept in memory (not in the database): the route takes
 * no bearer token and a token has 256 bits, so this only stops one address from hammering the
 * server; a restart forgetting it costs nothing. Fixed windows, with the clock injected.
 */
export interface LinkRateLimiter {
  /** True when this request from `ip` may go ahead (and counts it). */
  allow(ip: string): boolean;
}

export const LINK_RATE_LIMIT = { requests: 20, windowMs: 15 * 60_000 } as const;
/** Beyond this many tracked addresses, finished windows are dropped first. */
const MAX_TRACKED = 10_000;

export function createLinkRateLimiter(now: () => Date, limit: { requests: number; windowMs: number } = LINK_RATE_LIMIT): LinkRateLimiter {
  const windows = new Map<string, { startedAt: number; count: number }>();
  function prune(at: number): void {
    for (const [ip, window] of windows) if (at - window.startedAt >= limit.windowMs) windows.delete(ip);
    // Still full: a flood of distinct addresses; forget the oldest rather than grow without bound.
    while (windows.size >= MAX_TRACKED) windows.delete(windows.keys().next().value as string);
  }
  return {
    allow(ip) {
      const at = now().getTime();
      let window = windows.get(ip);
      if (!window || at - window.startedAt >= limit.windowMs) {
        if (!window && windows.size >= MAX_TRACKED) prune(at);
        window = { startedAt: at, count: 0 };
        windows.set(ip, window);
      }
      window.count += 1;
      return window.count <= limit.requests;
    },
  };
}
