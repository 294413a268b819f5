import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureServerKeys } from '../../../../server/crypto/server-keys';
import { openServerStore } from '../../../../server/store/sqlite/server-database';
import type { Store } from '../../../../server/store/store';

/** One backing database for a test: `open` may be called again after a close (a restart). */
export interface StoreFixture {
  open(): Promise<Store>;
  dispose(): Promise<void>;
}

export interface StoreFactory {
  name: string;
  create(): Promise<StoreFixture>;
}

/** The embedded default: a migrated SQLite file in WAL mode, in a temp data folder. */
export const SQLITE_STORE: StoreFactory = {
  name: 'SQLite (better-sqlite3, WAL)',
  create: () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sesame-store-'));
    // A real data folder holds the keys beside the database: the audit chain is keyed with one.
    ensureServerKeys(dataDir);
    return Promise.resolve({
      open: () => Promise.resolve(openServerStore(dataDir)),
      dispose: () => Promise.resolve(rmSync(dataDir, { recursive: true, force: true })),
    });
  },
};

/**
 * Every implementation of the storage port the conformance suite runs against. A PostgreSQL
 * implementation joins by adding its factory here (docs/storage.md): a fresh schema per fixture.
 */
export const STORE_FACTORIES: readonly StoreFactory[] = [SQLITE_STORE];
