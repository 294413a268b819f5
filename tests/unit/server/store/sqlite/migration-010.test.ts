import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../../server/store/sqlite/connection';
import type { Db } from '../../../../../server/store/sqlite/connection';
import { migrate, schemaVersion } from '../../../../../server/store/sqlite/migrate';

let dir: string;
let db: Db;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sesame-migration-010-'));
  db = openDatabase(join(dir, 'test.sqlite'));
});
afterEach(() => {
  if (db.open) db.close();
  rmSync(dir, { recursive: true, force: true });
});

const STATUS = `INSERT INTO terminal_status (terminal_id, received_at, app_version, mode, outbox_depth, recent_depths_json)
  VALUES ('borne-1', '2026-09-15T08:00:00.000Z', '0.1.0', 'shared', ?, '[0]')`;

describe('migration 010 (terminal status)', () => {
  it('upgrades a version 9 database to 10, the terminals kept', () => {
    migrate(db, undefined, 9);
    db.prepare("INSERT INTO terminals (id, name, token_hash, created_at) VALUES ('borne-1', 'B1', 'h', '2026-09-15T08:00:00.000Z')").run();
    migrate(db, undefined, 10);
    expect(schemaVersion(db)).toBe(10);
    db.prepare(STATUS).run(0);
    expect(db.prepare('SELECT COUNT(*) AS n FROM terminals').get()).toEqual({ n: 1 });
  });

  it('is STRICT, refuses a negative depth and a status for an unknown terminal', () => {
    migrate(db);
    expect(db.prepare("SELECT strict FROM pragma_table_list WHERE name = 'terminal_status'").get()).toEqual({ strict: 1 });
    expect(() => db.prepare(STATUS).run(0)).toThrow(/FOREIGN KEY/);
    db.prepare("INSERT INTO terminals (id, name, token_hash, created_at) VALUES ('borne-1', 'B1', 'h', '2026-09-15T08:00:00.000Z')").run();
    expect(() => db.prepare(STATUS).run(-1)).toThrow(/CHECK/);
    expect(() => db.prepare(STATUS).run('deux')).toThrow(/cannot store TEXT value in INTEGER column/);
  });
});
