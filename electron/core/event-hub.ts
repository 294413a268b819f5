import type { KioskEvent } from '../../shared/contract/kiosk-api';
import { errorKind, logCoreEvent } from './core-log';

/** Fan-out of kiosk events to the shells; a failing listener never stops the others. */
export function createEventHub() {
  const listeners = new Set<(event: KioskEvent) => void>();
  return {
    emit(event: KioskEvent): void {
      for (const listener of [...listeners]) {
        try {
          listener(event);
        } catch (error) {
          logCoreEvent('event.listener-failed', { type: event.type, cause: errorKind(error) });
        }
      }
    },
    subscribe(listener: (event: KioskEvent) => void): () => void {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    clear(): void {
      listeners.clear();
    },
  };
}
