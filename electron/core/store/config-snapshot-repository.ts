import type { KioskDatabase } from './sqlite-connection';

/** The last good configuration as stored (migration 004): the body still needs parsing on read. */
export interface ConfigSnapshot {
  etag: string | null;
  bodyJson: string;
  fetchedAt: number;
}

interface SnapshotRow {
  etag: string | null;
  body_json: string;
  fetched_at: number;
}

export function createConfigSnapshotRepository(db: KioskDatabase) {
  const select = db.prepare<[], SnapshotRow>('SELECT etag, body_json, fetched_at FROM config_snapshot WHERE id = 1');
  const upsert = db.prepare<[string | null, string, number]>(`
    INSERT INTO config_snapshot (id, etag, body_json, fetched_at) VALUES (1, ?, ?, ?)
    ON CONFLICT (id) DO UPDATE SET etag = excluded.etag, body_json = excluded.body_json, fetched_at = excluded.fetched_at`);

  return {
    read(): ConfigSnapshot | null {
      const row = select.get();
      return row ? { etag: row.etag, bodyJson: row.body_json, fetchedAt: row.fetched_at } : null;
    },
    /** Replaces the stored set; only ever called with a set that passed every check. */
    save(snapshot: ConfigSnapshot): void {
      upsert.run(snapshot.etag, snapshot.bodyJson, snapshot.fetchedAt);
    },
  };
}

export type ConfigSnapshotRepository = ReturnType<typeof createConfigSnapshotRepository>;
