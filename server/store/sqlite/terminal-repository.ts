import type { Db } from './connection';
import type { TerminalRow } from '../ports/terminal-store';

/** Creates the terminal, or gives an existing one a new token (the old one stops working). */
export function upsertTerminal(db: Db, terminal: { id: string; name: string; tokenHash: string; now: string }): void {
  db.prepare(
    `INSERT INTO terminals (id, name, token_hash, created_at, revoked_at) VALUES (?, ?, ?, ?, NULL)
     ON CONFLICT (id) DO UPDATE SET token_hash = excluded.token_hash, name = excluded.name, revoked_at = NULL`,
  ).run(terminal.id, terminal.name, terminal.tokenHash, terminal.now);
}

export function findTerminal(db: Db, id: string): TerminalRow | undefined {
  return db
    .prepare(
      `SELECT id, name, token_hash AS tokenHash, created_at AS createdAt, revoked_at AS revokedAt
       FROM terminals WHERE id = ?`,
    )
    .get(id) as TerminalRow | undefined;
}

export function revokeTerminal(db: Db, id: string, now: string): boolean {
  return db.prepare('UPDATE terminals SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(now, id).changes > 0;
}
