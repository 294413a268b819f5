import { describe, expect, it } from 'vitest';
import { createLinkQuality } from '../../../../electron/core/sync/link-quality';

/** The rule behind "online / online but slow / offline" (issue 5), with a 1.5 s threshold. */
const SLOW = 1_500;

function after(...exchanges: Array<number | 'failed'>) {
  const link = createLinkQuality({ slowMs: SLOW });
  for (const exchange of exchanges) link.record(exchange !== 'failed', exchange === 'failed' ? 0 : exchange);
  return link.quality;
}

describe('the link quality', () => {
  it('is offline before any answer and as soon as an exchange fails', () => {
    expect(after()).toBe('offline');
    expect(after(120, 90, 'failed')).toBe('offline');
  });

  it('is online when the answers come quickly', () => {
    expect(after(120)).toBe('online');
    expect(after(120, SLOW)).toBe('online');
  });

  it('is slow when the only answer, or most of the last three, took longer than the threshold', () => {
    expect(after(2_400)).toBe('slow');
    expect(after(2_400, 200, 3_100)).toBe('slow');
    expect(after(100, 100, 100, 2_000, 2_000)).toBe('slow');
  });

  it('takes one slow answer among quick ones for a blip, and recovers once answers are quick again', () => {
    expect(after(200, 2_400, 150)).toBe('online');
    expect(after(2_400, 2_400, 2_400, 100, 100)).toBe('online');
  });

  it('forgets the slow answers from before an outage once the link is back', () => {
    expect(after(2_400, 2_400, 'failed', 150)).toBe('online');
  });
});
