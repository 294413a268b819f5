import type { LinkQuality } from '../../../shared/contract/kiosk-api';

/**
 * How the link feels to the person at the screen (issue 5: online, online but slow, offline).
 * Offline as soon as an exchange fails; slow when most of the last few answered exchanges took
 * longer than `slowMs` (a single slow answer among quick ones is a blip, not a slow link). An
 * outage forgets the window: what came before it says nothing about the link that came back.
 */
export const QUALITY_WINDOW = 3;

export function createLinkQuality(options: { slowMs: number }) {
  let reachable = false;
  let recent: number[] = [];

  return {
    record(answered: boolean, elapsedMs: number): void {
      reachable = answered;
      recent = answered ? [...recent, elapsedMs].slice(-QUALITY_WINDOW) : [];
    },
    get quality(): LinkQuality {
      if (!reachable) return 'offline';
      const slow = recent.filter((elapsed) => elapsed > options.slowMs).length;
      return slow * 2 > recent.length ? 'slow' : 'online';
    },
  };
}

export type LinkQualityTracker = ReturnType<typeof createLinkQuality>;
