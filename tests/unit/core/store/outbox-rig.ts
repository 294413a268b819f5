import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { createOutboxRepository, type OutboxRepository } from '../../../../electron/core/store/outbox-repository';
import { openKioskDatabase, type KioskDatabase } from '../../../../electron/core/store/sqlite-connection';
import { makeTempFolder } from '../support/temp-folder';

/** A sealed body of the right shape; the repository stores it, it never opens it. */
export const SEALED = { alg: 'X25519-HKDF-SHA256-A256GCM' as const, epk: 'e'.repeat(43), iv: 'i'.repeat(16), ct: 'c'.repeat(40) };

/**
 * A fresh outbox on a real SQLite file in a temp folder for each test of the calling file. The
 * returned object stands for the current test's repository (a new one is opened before each
 * test), so a file can hold it in a constant.
 */
export function useOutbox(): OutboxRepository {
  let folder: ReturnType<typeof makeTempFolder> | undefined;
  let db: KioskDatabase | undefined;
  let current: OutboxRepository | undefined;
  beforeEach(() => {
    folder = makeTempFolder();
    db = openKioskDatabase(join(folder.path, 'kiosk.sqlite'));
    current = createOutboxRepository(db);
  });
  afterEach(() => {
    db?.close();
    folder?.remove();
  });
  return new Proxy({} as OutboxRepository, {
    get(_target, key: keyof OutboxRepository) {
      if (!current) throw new Error('the outbox is opened before each test, not at file level');
      return current[key];
    },
  });
}
