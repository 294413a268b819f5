import type { KioskEvent } from '../../../shared/contract/kiosk-api';
import type { Clock } from '../clock';
import type { OutboxRepository } from '../store/outbox-repository';

/**
 * Whether the server answered at our last contact, and how many submissions wait in the
 * outbox (confirmations, and chosen passwords queued while offline); a `sync.state` event goes
 * out whenever either changes (DESIGN.md "Sync").
 */
export function createSyncStatus(options: { outbox: OutboxRepository; clock: Clock; emit: (event: KioskEvent) => void }) {
  let online = false;
  let lastContactAt: number | null = null;
  let published: { online: boolean; pending: number } | null = null;

  function refresh(): void {
    const pending = options.outbox.countQueued();
    if (published && published.online === online && published.pending === pending) return;
    published = { online, pending };
    options.emit({ type: 'sync.state', online, pending });
  }

  return {
    recordContact(reachable: boolean): void {
      online = reachable;
      lastContactAt = options.clock.now();
      refresh();
    },
    refresh,
    get online(): boolean {
      return online;
    },
    /** True when the last contact is `maxAgeMs` old or more (or there was none). */
    isStale(maxAgeMs: number): boolean {
      return lastContactAt === null || options.clock.now() - lastContactAt >= maxAgeMs;
    },
  };
}

export type SyncStatus = ReturnType<typeof createSyncStatus>;
