import type { Db } from './connection';
import type { IdCheckRow } from '../ports/id-check-store';

const COLUMNS = `id, profile_id AS profileId, lookup_key AS lookupKey, terminal_id AS terminalId, username, document,
  checked_at AS checkedAt, valid_until AS validUntil, used_at AS usedAt`;

export function insertIdCheck(db: Db, row: Omit<IdCheckRow, 'id' | 'usedAt'>): void {
  db.prepare(
    `INSERT INTO id_checks (profile_id, lookup_key, terminal_id, username, document, checked_at, valid_until)
     VALUES (@profileId, @lookupKey, @terminalId, @username, @document, @checkedAt, @validUntil)`,
  ).run(row);
}

/** The check that lets this terminal accept the reduced proof now: unexpired and not used yet. */
export function findUsableIdCheck(db: Db, profileId: string, lookupKey: string, terminalId: string, now: string): IdCheckRow | undefined {
  return db
    .prepare(
      `SELECT ${COLUMNS} FROM id_checks WHERE profile_id = ? AND lookup_key = ? AND terminal_id = ?
         AND used_at IS NULL AND valid_until > ? ORDER BY id DESC LIMIT 1`,
    )
    .get(profileId, lookupKey, terminalId, now) as IdCheckRow | undefined;
}

/**
 * The latest check made for this person by this staff member on this terminal since `since`
 * (a case's start): what "an idCheck in this case" means, the table having no case column.
 */
export function findIdCheckSince(db: Db, profileId: string, lookupKey: string, terminalId: string, username: string, since: string): IdCheckRow | undefined {
  return db
    .prepare(
      `SELECT ${COLUMNS} FROM id_checks WHERE profile_id = ? AND lookup_key = ? AND terminal_id = ? AND username = ?
         AND checked_at >= ? ORDER BY id DESC LIMIT 1`,
    )
    .get(profileId, lookupKey, terminalId, username, since) as IdCheckRow | undefined;
}

/** An activation finished: every check of that person is spent (valid once, issue 6). */
export function markIdChecksUsed(db: Db, profileId: string, lookupKey: string, usedAt: string): void {
  db.prepare('UPDATE id_checks SET used_at = ? WHERE profile_id = ? AND lookup_key = ? AND used_at IS NULL').run(usedAt, profileId, lookupKey);
}
