import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createConfigSnapshotRepository } from '../../../../electron/core/store/config-snapshot-repository';
import { runMigrations } from '../../../../electron/core/store/migration-runner';
import { KIOSK_MIGRATIONS } from '../../../../electron/core/store/migrations/migration-list';
import { makeTempFolder } from '../support/temp-folder';

let folder: ReturnType<typeof makeTempFolder>;
let db: Database.Database;
beforeEach(() => {
  folder = makeTempFolder();
  db = new Database(join(folder.path, 'kiosk.sqlite'));
});
afterEach(() => {
  db.close();
  folder.remove();
});

describe('004-create-config-snapshot', () => {
  it('adds a STRICT one-row table on top of a database at version 3, outbox untouched', () => {
    runMigrations(db, KIOSK_MIGRATIONS.slice(0, 3));
    db.prepare(`INSERT INTO outbox (kind, idempotency_key, reference, sealed_json, target_id, state,
      next_attempt_at, created_at, expires_at, updated_at) VALUES ('confirmation', 'k1', 'SES-AAAA-BBBB', '{}', 't', 'pending', 0, 0, 0, 0)`).run();
    runMigrations(db, KIOSK_MIGRATIONS.slice(0, 4));
    expect(db.pragma('user_version', { simple: true })).toBe(4);
    expect(db.prepare<[], { sql: string }>("SELECT sql FROM sqlite_master WHERE name = 'config_snapshot'").get()?.sql).toMatch(/\) STRICT$/);
    expect(db.prepare('SELECT COUNT(*) AS n FROM outbox').get()).toEqual({ n: 1 });
    expect(() => db.prepare("INSERT INTO config_snapshot (id, etag, body_json, fetched_at) VALUES (2, NULL, '{}', 0)").run()).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO config_snapshot (id, etag, body_json, fetched_at) VALUES (1, NULL, '{}', 'yesterday')").run()).toThrow(/datatype|cannot store/i);
  });
});

describe('config snapshot repository', () => {
  it('reads nothing at first, then the one set saved last', () => {
    runMigrations(db, KIOSK_MIGRATIONS.slice(0, 4));
    const snapshots = createConfigSnapshotRepository(db);
    expect(snapshots.read()).toBeNull();
    snapshots.save({ etag: '"a"', bodyJson: '{"profiles":[]}', fetchedAt: 1 });
    snapshots.save({ etag: null, bodyJson: '{"profiles":[1]}', fetchedAt: 2 });
    expect(snapshots.read()).toEqual({ etag: null, bodyJson: '{"profiles":[1]}', fetchedAt: 2 });
    expect(db.prepare('SELECT COUNT(*) AS n FROM config_snapshot').get()).toEqual({ n: 1 });
  });
});
