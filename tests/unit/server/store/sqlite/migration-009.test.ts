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
  dir = mkdtempSync(join(tmpdir(), 'sesame-migration-009-'));
  db = openDatabase(join(dir, 'test.sqlite'));
});
afterEach(() => {
  if (db.open) db.close();
  rmSync(dir, { recursive: true, force: true });
});

const TABLES = ['staff', 'staff_sessions', 'staff_cases', 'id_checks', 'audit_log', 'groups', 'group_members', 'group_terminals'];

function insertAudit(seq: number): void {
  db.prepare(
    `INSERT INTO audit_log (seq, at, actor_kind, actor, terminal_id, action, subject, outcome, details_json, prev_hash, hash)
     VALUES (?, '2026-09-15T08:00:00.000Z', 'system', 'system', NULL, 'staff.create', NULL, 'ok', '{}', ?, ?)`,
  ).run(seq, '0'.repeat(64), String(seq).repeat(64).slice(0, 64));
}

describe('migration 009 (staff, audit, groups)', () => {
  it('upgrades a version 8 database to 9, adding cohort and label_enc to enrollments', () => {
    migrate(db, undefined, 8);
    expect(schemaVersion(db)).toBe(8);
    migrate(db, undefined, 9);
    expect(schemaVersion(db)).toBe(9);
    const columns = (db.prepare('SELECT name FROM pragma_table_info(?)').all('enrollments') as { name: string }[]).map((row) => row.name);
    expect(columns).toEqual(expect.arrayContaining(['cohort', 'label_enc']));
  });

  it('creates every table STRICT: a value of the wrong type is refused, not coerced', () => {
    migrate(db);
    for (const table of TABLES) {
      const row = db.prepare('SELECT strict FROM pragma_table_list WHERE name = ?').get(table) as { strict: number } | undefined;
      expect([table, row?.strict]).toEqual([table, 1]);
    }
    expect(() =>
      db.prepare(`INSERT INTO staff (username, display_name, role, password_hash, totp_last_step, created_at) VALUES ('a', 'A', 'agent', 'h', 'x', 'now')`).run(),
    ).toThrow(/cannot store TEXT value in INTEGER column/);
  });

  it('accepts only the agent and admin roles', () => {
    migrate(db);
    expect(() => db.prepare(`INSERT INTO staff (username, display_name, role, password_hash, created_at) VALUES ('a', 'A', 'root', 'h', 'now')`).run()).toThrow(
      /CHECK constraint failed/,
    );
  });

  it('keeps the audit log append-only: UPDATE and DELETE are refused by the triggers', () => {
    migrate(db);
    insertAudit(1);
    insertAudit(2);
    expect(() => db.prepare(`UPDATE audit_log SET outcome = 'FORBIDDEN' WHERE seq = 1`).run()).toThrow(/audit_log is append-only/);
    expect(() => db.prepare('DELETE FROM audit_log WHERE seq = 2').run()).toThrow(/audit_log is append-only/);
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/audit_log is append-only/);
    expect((db.prepare('SELECT COUNT(*) AS n FROM audit_log').get() as { n: number }).n).toBe(2);
  });

  it('refuses a staff session for an unknown account or terminal (foreign keys)', () => {
    migrate(db);
    expect(() =>
      db
        .prepare(`INSERT INTO staff_sessions (token_hash, username, terminal_id, created_at, last_seen_at, expires_at) VALUES ('t', 'nobody', 'nowhere', 'a', 'a', 'a')`)
        .run(),
    ).toThrow(/FOREIGN KEY constraint failed/);
  });
});
