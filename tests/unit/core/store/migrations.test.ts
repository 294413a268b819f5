import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migration001CreateOutbox } from '../../../../electron/core/store/migrations/001-create-outbox';
import { migration002AddOutboxDeferred } from '../../../../electron/core/store/migrations/002-add-outbox-deferred';
import { migration003AddOutboxHelpRequest } from '../../../../electron/core/store/migrations/003-add-outbox-help-request';
import { KIOSK_MIGRATIONS } from '../../../../electron/core/store/migrations/migration-list';
import { DatabaseTooNewError, runMigrations, type Migration } from '../../../../electron/core/store/migration-runner';
import { openKioskDatabase } from '../../../../electron/core/store/sqlite-connection';
import { makeTempFolder } from '../support/temp-folder';

let folder: ReturnType<typeof makeTempFolder>;
let file: string;
beforeEach(() => {
  folder = makeTempFolder();
  file = join(folder.path, 'kiosk.sqlite');
});
afterEach(() => folder.remove());

describe('kiosk database', () => {
  it('opens a fresh file in WAL with foreign keys and secure_delete, at the latest version', () => {
    const db = openKioskDatabase(file);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('secure_delete', { simple: true })).toBe(1);
    expect(db.pragma('user_version', { simple: true })).toBe(KIOSK_MIGRATIONS.length);
    db.close();
  });

  it('reopens an up-to-date file without running anything again', () => {
    openKioskDatabase(file).close();
    const db = openKioskDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBe(KIOSK_MIGRATIONS.length);
    db.close();
  });

  it('refuses a database written by a newer build, and leaves it untouched', () => {
    const raw = new Database(file);
    raw.pragma(`user_version = ${KIOSK_MIGRATIONS.length + 1}`);
    raw.close();
    expect(() => openKioskDatabase(file)).toThrow(DatabaseTooNewError);
    const check = new Database(file);
    expect(check.pragma('user_version', { simple: true })).toBe(KIOSK_MIGRATIONS.length + 1);
    expect(check.prepare("SELECT COUNT(*) AS n FROM sqlite_master WHERE name = 'outbox'").get()).toEqual({ n: 0 });
    check.close();
  });

  it('rolls a failing migration back whole, version included', () => {
    const db = new Database(file);
    const broken: Migration = {
      version: 4,
      name: '004-broken',
      up(target) {
        target.exec('CREATE TABLE half (id INTEGER) STRICT');
        target.exec('INSERT INTO missing_table VALUES (1)');
      },
    };
    expect(() => runMigrations(db, [migration001CreateOutbox, migration002AddOutboxDeferred, migration003AddOutboxHelpRequest, broken])).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(3);
    expect(db.prepare("SELECT COUNT(*) AS n FROM sqlite_master WHERE name = 'half'").get()).toEqual({ n: 0 });
    db.close();
  });

  it('refuses migrations that are out of sequence', () => {
    const db = new Database(file);
    expect(() => runMigrations(db, [{ ...migration001CreateOutbox, version: 2 }])).toThrow(/out of sequence/);
    db.close();
  });
});

describe('001-create-outbox', () => {
  it('creates a STRICT outbox whose checks refuse bad kinds, states and lingering payloads', () => {
    const db = new Database(file);
    runMigrations(db, [migration001CreateOutbox]);
    const sql = db.prepare<[], { sql: string }>("SELECT sql FROM sqlite_master WHERE name = 'outbox'").get()?.sql ?? '';
    expect(sql).toMatch(/\) STRICT$/);
    const insert = db.prepare(`INSERT INTO outbox (kind, idempotency_key, reference, sealed_json, target_id, state,
      next_attempt_at, created_at, expires_at, updated_at) VALUES (?, ?, 'SES-AAAA-BBBB', ?, 't', ?, 0, 0, 0, 0)`);
    insert.run('confirmation', 'k1', '{}', 'pending');
    expect(() => insert.run('email', 'k2', '{}', 'pending')).toThrow(/CHECK/);
    expect(() => insert.run('confirmation', 'k3', '{}', 'lost')).toThrow(/CHECK/);
    expect(() => insert.run('confirmation', 'k4', '{}', 'delivered')).toThrow(/CHECK/);
    expect(() => insert.run('confirmation', 'k1', '{}', 'pending')).toThrow(/UNIQUE/);
    expect(() => db.prepare("UPDATE outbox SET attempts = 'many'").run()).toThrow();
    db.close();
  });
});

describe('002-add-outbox-deferred', () => {
  it('adds a deferred flag that defaults to 0 for rows written before it, and accepts only 0 or 1', () => {
    const db = new Database(file);
    runMigrations(db, [migration001CreateOutbox]);
    const insert = `INSERT INTO outbox (kind, idempotency_key, reference, sealed_json, target_id, state,
      next_attempt_at, created_at, expires_at, updated_at) VALUES ('activation', ?, 'SES-AAAA-BBBB', '{}', 't', 'pending', 0, 0, 0, 0)`;
    db.prepare(insert).run('before');
    runMigrations(db, [migration001CreateOutbox, migration002AddOutboxDeferred]);
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    expect(db.prepare('SELECT deferred FROM outbox').get()).toEqual({ deferred: 0 });
    const flagged = db.prepare(`INSERT INTO outbox (kind, idempotency_key, reference, sealed_json, target_id, state,
      next_attempt_at, created_at, expires_at, updated_at, deferred) VALUES ('activation', ?, 'SES-AAAA-BBBB', '{}', 't', 'pending', 0, 0, 0, 0, ?)`);
    flagged.run('after', 1);
    expect(() => flagged.run('bad', 2)).toThrow(/CHECK/);
    expect(() => flagged.run('null', null)).toThrow(/NOT NULL/);
    db.close();
  });
});

describe('003-add-outbox-help-request', () => {
  it('adds a help-request flag, 0 for rows written before it, allowed only on deferred activation-shaped rows', () => {
    const db = new Database(file);
    runMigrations(db, [migration001CreateOutbox, migration002AddOutboxDeferred]);
    const columns = `kind, idempotency_key, reference, sealed_json, target_id, state, next_attempt_at, created_at, expires_at, updated_at, deferred`;
    db.prepare(`INSERT INTO outbox (${columns}) VALUES ('confirmation', 'before', 'SES-AAAA-BBBB', '{}', 't', 'pending', 0, 0, 0, 0, 0)`).run();
    runMigrations(db, [migration001CreateOutbox, migration002AddOutboxDeferred, migration003AddOutboxHelpRequest]);
    expect(db.pragma('user_version', { simple: true })).toBe(3);
    expect(db.prepare('SELECT help_request FROM outbox').get()).toEqual({ help_request: 0 });
    const insert = db.prepare<[string, string, number, number | null]>(`INSERT INTO outbox (${columns}, help_request)
      VALUES (?, ?, 'SES-AAAA-BBBB', '{}', 't', 'pending', 0, 0, 0, 0, ?, ?)`);
    insert.run('activation', 'help', 1, 1);
    expect(() => insert.run('activation', 'not-deferred', 0, 1)).toThrow(/CHECK/);
    expect(() => insert.run('confirmation', 'confirmation', 1, 1)).toThrow(/CHECK/);
    expect(() => insert.run('activation', 'two', 1, 2)).toThrow(/CHECK/);
    expect(() => insert.run('activation', 'null', 1, null)).toThrow(/NOT NULL/);
    db.close();
  });
});
