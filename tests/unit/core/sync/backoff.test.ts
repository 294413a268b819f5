import { describe, expect, it } from 'vitest';
import { backoffCeilingMs, backoffDelayMs, QUEUE_BACKOFF } from '../../../../electron/core/sync/backoff';

describe('backoff with full jitter', () => {
  it('doubles from the base and stops at the cap', () => {
    expect([0, 1, 2, 3].map((n) => backoffCeilingMs(n, QUEUE_BACKOFF))).toEqual([2_000, 4_000, 8_000, 16_000]);
    expect(backoffCeilingMs(8, QUEUE_BACKOFF)).toBe(300_000);
    expect(backoffCeilingMs(1_000, QUEUE_BACKOFF)).toBe(300_000);
    expect(backoffCeilingMs(-3, QUEUE_BACKOFF)).toBe(2_000);
  });

  it('draws uniformly between zero and the ceiling', () => {
    expect(backoffDelayMs(3, QUEUE_BACKOFF, () => 0)).toBe(0);
    expect(backoffDelayMs(3, QUEUE_BACKOFF, () => 0.5)).toBe(8_000);
    expect(backoffDelayMs(3, QUEUE_BACKOFF, () => 0.999999)).toBe(15_999);
  });

  it('spreads real random delays across the whole window, never past the cap', () => {
    const delays = Array.from({ length: 500 }, () => backoffDelayMs(20, QUEUE_BACKOFF));
    expect(Math.max(...delays)).toBeLessThan(300_000);
    expect(Math.min(...delays)).toBeGreaterThanOrEqual(0);
    expect(delays.some((delay) => delay < 100_000)).toBe(true);
    expect(delays.some((delay) => delay > 200_000)).toBe(true);
  });
});
