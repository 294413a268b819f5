import type { KioskEvent, LinkQuality } from '../../../shared/contract/kiosk-api';
import type { Clock } from '../clock';
import type { OutboxRepository } from '../store/outbox-repository';
import { createLinkQuality } from './link-quality';

/**
 * Whether the server answered at our last contact, how quickly lately (`quality`, issue 5), and
 * how many submissions wait in the outbox (confirmations, and chosen passwords queued while
 * offline); a `sync.state` event goes out whenever any of them changes (DESIGN.md "Sync").
 */
export function createSyncStatus(options: { outbox: OutboxRepository; clock: Clock; emit: (event: KioskEvent) => void; slowExchangeMs: number }) {
  const link = createLinkQuality({ slowMs: options.slowExchangeMs });
  let lastContactAt: number | null = null;
  let published: { quality: LinkQuality; pending: number } | null = null;

  function refresh(): void {
    const pending = options.outbox.countQueued();
    const quality = link.quality;
    if (published && published.quality === quality && published.pending === pending) return;
    published = { quality, pending };
    options.emit({ type: 'sync.state', online: quality !== 'offline', quality, pending });
  }

  return {
    /** `elapsedMs`: how long the exchange took, from request to parsed answer. */
    recordContact(reachable: boolean, elapsedMs = 0): void {
      link.record(reachable, elapsedMs);
      lastContactAt = options.clock.now();
      refresh();
    },
    refresh,
    get online(): boolean {
      return link.quality !== 'offline';
    },
    get quality(): LinkQuality {
      return link.quality;
    },
    /** True when the last contact is `maxAgeMs` old or more (or there was none). */
    isStale(maxAgeMs: number): boolean {
      return lastContactAt === null || options.clock.now() - lastContactAt >= maxAgeMs;
    },
  };
}

export type SyncStatus = ReturnType<typeof createSyncStatus>;
