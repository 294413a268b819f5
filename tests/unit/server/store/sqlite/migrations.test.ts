import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../../server/store/sqlite/connection';
import type { Db } from '../../../../../server/store/sqlite/connection';
import { DatabaseTooNewError, migrate, schemaVersion } from '../../../../../server/store/sqlite/migrate';
import { MIGRATIONS } from '../../../../../server/store/sqlite/migrations/index';
import { DATABASE_FILE, openServerDatabase } from '../../../../../server/store/sqlite/server-database';

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
    6: ['credentials', ['id', 'profile_id', 'lookup_key', 'kind', 'secret_hash', 'issued_at', 'expires_at', 'used_at', 'superseded_at']],
    8: [
      'recoveries',
      ['id', 'profile_id', 'lookup_key', 'throttle_key', 'code_hash', 'context_enc', 'attempts', 'created_at', 'expires_at', 'used_at', 'activation_id'],
    ],
  };

  it('migration 8 adds the address hashes to enrollments, and recoveries (decoys without a record) and help requests', () => {
    migrate(db, MIGRATIONS, 7);
    db.prepare(
      `INSERT INTO enrollments (profile_id, lookup_key, fields_json, enrolled_at, channel, payment, activated_at, updated_at)
       VALUES ('p', 'k', '{}', '2026-09-01T00:00:00.000Z', 'online', 'paid', NULL, '2026-09-01T00:00:00.000Z')`,
    ).run();
    migrate(db, MIGRATIONS, 8);
    expect(columns('enrollments').slice(-2)).toEqual(['contact_email_hash', 'email_on_file_hash']);
    expect(db.prepare('SELECT contact_email_hash, email_on_file_hash FROM enrollments').get()).toEqual({ contact_email_hash: null, email_on_file_hash: null });
    expect(isStrict('recoveries') && isStrict('help_requests')).toBe(true);
    expect(columns('help_requests')).toEqual(['reference', 'profile_id', 'terminal_id', 'topic', 'request_enc', 'created_at', 'mailed_at']);
    const insert = db.prepare(`INSERT INTO recoveries (id, profile_id, lookup_key, throttle_key, code_hash, created_at, expires_at) VALUES (?, 'p', ?, 't', 'h', 'a', 'b')`);
    insert.run('real', 'k');
    insert.run('decoy', null);
    expect(() => insert.run('orphan', 'x')).toThrow();
    db.prepare("DELETE FROM enrollments WHERE lookup_key = 'k'").run();
    expect(db.prepare('SELECT id FROM recoveries').all()).toEqual([{ id: 'decoy' }]);
  });

  it('migration 12 counts the messages of a reset request, an existing one as sent once', () => {
    migrate(db, MIGRATIONS, 11);
    db.prepare(`INSERT INTO recoveries (id, profile_id, lookup_key, throttle_key, code_hash, created_at, expires_at) VALUES ('decoy', 'p', NULL, 't', 'h', 'a', 'b')`).run();
    migrate(db, MIGRATIONS, 12);
    expect(columns('recoveries').at(-1)).toBe('sends');
    expect(db.prepare('SELECT sends FROM recoveries').get()).toEqual({ sends: 1 });
    expect(isStrict('recoveries')).toBe(true);
  });

  it('migration 6 adds nullable columns to enrollments, keeping its rows, and credentials go with their record', () => {
    migrate(db, MIGRATIONS, 5);
    db.prepare(
      `INSERT INTO enrollments (profile_id, lookup_key, fields_json, enrolled_at, channel, payment, activated_at, updated_at)
       VALUES ('p', 'k', '{}', '2026-09-01T00:00:00.000Z', 'online', 'paid', NULL, '2026-09-01T00:00:00.000Z')`,
    ).run();
    migrate(db, MIGRATIONS, 6);
    const added = ['paid_at', 'deactivated_at', 'login_enc', 'email_on_file_enc', 'contact_email_enc', 'mobile_enc', 'terms_version'];
    expect(columns('enrollments')).toEqual([...expected[2]?.[1] ?? [], ...added]);
    expect(db.prepare('SELECT paid_at, deactivated_at, contact_email_enc FROM enrollments').get()).toEqual({ paid_at: null, deactivated_at: null, contact_email_enc: null });
    expect(isStrict('credentials')).toBe(true);
    db.prepare(
      `INSERT INTO credentials (profile_id, lookup_key, kind, secret_hash, issued_at, expires_at) VALUES ('p', 'k', 'activationCode', 'h', 'a', 'b')`,
    ).run();
    expect(() => db.prepare(`INSERT INTO credentials (profile_id, lookup_key, kind, secret_hash, issued_at, expires_at) VALUES ('p', 'k', 'pin', 'h', 'a', 'b')`).run()).toThrow();
    expect(() => db.prepare(`INSERT INTO credentials (profile_id, lookup_key, kind, secret_hash, issued_at, expires_at) VALUES ('p', 'x', 'activationCode', 'h', 'a', 'b')`).run()).toThrow();
    db.prepare("DELETE FROM enrollments WHERE lookup_key = 'k'").run();
    expect(db.prepare('SELECT COUNT(*) AS n FROM credentials').get()).toEqual({ n: 0 });
  });

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
