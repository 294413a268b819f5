import type { Db } from './connection';
import type { StaffSessionRow } from '../ports/staff-session-store';

export function insertStaffSession(db: Db, row: Omit<StaffSessionRow, 'endedAt'>): void {
  db.prepare(
    `INSERT INTO staff_sessions (token_hash, username, terminal_id, created_at, last_seen_at, expires_at, ended_at)
     VALUES (@tokenHash, @username, @terminalId, @createdAt, @lastSeenAt, @expiresAt, NULL)`,
  ).run(row);
}

export function findStaffSession(db: Db, tokenHash: string): StaffSessionRow | undefined {
  return db
    .prepare(
      `SELECT token_hash AS tokenHash, username, terminal_id AS terminalId, created_at AS createdAt,
              last_seen_at AS lastSeenAt, expires_at AS expiresAt, ended_at AS endedAt
       FROM staff_sessions WHERE token_hash = ?`,
    )
    .get(tokenHash) as StaffSessionRow | undefined;
}

/** Pushes back the idle expiry: each authenticated call counts as activity. */
export function touchStaffSession(db: Db, tokenHash: string, at: string): void {
  db.prepare('UPDATE staff_sessions SET last_seen_at = ? WHERE token_hash = ? AND ended_at IS NULL').run(at, tokenHash);
}

/**
 * Ends one session and forgets the people looked up in it: a case belongs to the session that
 * searched for them (issue 6), so nothing can be acted on once it is over.
 */
export function endStaffSession(db: Db, tokenHash: string, at: string): boolean {
  db.prepare('DELETE FROM staff_cases WHERE token_hash = ?').run(tokenHash);
  return db.prepare('UPDATE staff_sessions SET ended_at = ? WHERE token_hash = ? AND ended_at IS NULL').run(at, tokenHash).changes > 0;
}

/** Ends every open session of one account (it was disabled); returns how many were open. */
export function endSessionsOfStaff(db: Db, username: string, at: string): number {
  db.prepare('DELETE FROM staff_cases WHERE token_hash IN (SELECT token_hash FROM staff_sessions WHERE username = ?)').run(username);
  return db.prepare('UPDATE staff_sessions SET ended_at = ? WHERE username = ? AND ended_at IS NULL').run(at, username).changes;
}

/** Ends every open session on one terminal (it was revoked); returns how many were open. */
export function endSessionsOnTerminal(db: Db, terminalId: string, at: string): number {
  db.prepare('DELETE FROM staff_cases WHERE token_hash IN (SELECT token_hash FROM staff_sessions WHERE terminal_id = ?)').run(terminalId);
  return db.prepare('UPDATE staff_sessions SET ended_at = ? WHERE terminal_id = ? AND ended_at IS NULL').run(at, terminalId).changes;
}
