import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../server/store/connection';
import type { Db } from '../../../../server/store/connection';
import { DatabaseTooNewError, migrate, schemaVersion } from '../../../../server/store/migrate';
import { MIGRATIONS } from '../../../../server/store/migrations/index';
import { DATABASE_FILE, openServerDatabase } from '../../../../server/store/server-database';

let dir: string;
let db: Db;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sesame-migrations-'));
  db = openDatabase(join(dir, 'test.sqlite'));
});
afterEach(() => {
  if (db.open) db.close();
  rmSync(dir, { recursive: true, force: true });
});

function columns(table: string): string[] {
  return (db.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[]).map((row) => row.name);
}

function isStrict(table: string): boolean {
  return (db.prepare('SELECT strict FROM pragma_table_list WHERE name = ?').get(table) as { strict: number }).strict === 1;
}

describe('migrations', () => {
  it('numbers migrations 1..n without gaps', () => {
    expect(MIGRATIONS.map((migration) => migration.version)).toEqual(MIGRATIONS.map((_m, index) => index + 1));
  });

  it('brings a fresh database to the latest version with WAL, foreign keys and secure_delete', () => {
    expect(migrate(db)).toBe(MIGRATIONS.length);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('secure_delete', { simple: true })).toBe(1);
    for (const table of ['terminals', 'enrollments', 'activations', 'idempotency', 'throttle']) expect(isStrict(table)).toBe(true);
  });

  it('is a no-op on an up-to-date database', () => {
    migrate(db);
    expect(migrate(db)).toBe(MIGRATIONS.length);
  });

  it('refuses a database newer than the code, through the server opener too', () => {
    db.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    expect(() => migrate(db)).toThrow(DatabaseTooNewError);
    expect(schemaVersion(db)).toBe(MIGRATIONS.length + 1);
    const serverFile = openDatabase(join(dir, DATABASE_FILE));
    serverFile.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    serverFile.close();
    expect(() => openServerDatabase(dir)).toThrow(/newer than this server supports/);
  });

  it('rolls back a failing migration as a whole', () => {
    const broken = [...MIGRATIONS, { version: MIGRATIONS.length + 1, name: 'broken', sql: 'CREATE TABLE half (id TEXT) STRICT; SELECT * FROM missing_table;' }];
    expect(() => migrate(db, broken)).toThrow();
    expect(schemaVersion(db)).toBe(MIGRATIONS.length);
    expect(columns('half')).toEqual([]);
  });

  const expected: Record<number, [string, string[]]> = {
    1: ['terminals', ['id', 'name', 'token_hash', 'created_at', 'revoked_at']],
    2: ['enrollments', ['profile_id', 'lookup_key', 'fields_json', 'enrolled_at', 'channel', 'payment', 'activated_at', 'updated_at']],
    3: ['activations', ['id', 'profile_id', 'lookup_key', 'terminal_id', 'password_hash', 'state', 'created_at', 'expires_at', 'activated_at']],
    4: ['idempotency', ['key_hash', 'terminal_id', 'route', 'request_hash', 'status', 'response_enc', 'created_at']],
    5: ['throttle', ['scope', 'key_hash', 'failures', 'window_started_at', 'last_failure_at', 'blocked_until']],
  };

  for (const migration of MIGRATIONS) {
    it(`migration ${migration.version} (${migration.name}) adds its table on top of the previous one`, () => {
      migrate(db, MIGRATIONS, migration.version - 1);
      const [table, cols] = expected[migration.version] ?? ['', []];
      expect(columns(table)).toEqual([]);
      migrate(db, MIGRATIONS, migration.version);
      expect(schemaVersion(db)).toBe(migration.version);
      expect(columns(table)).toEqual(cols);
    });
  }
});
