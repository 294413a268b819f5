import type { Db } from './connection';
import type { TerminalListRow } from '../ports/terminal-store';

export function listTerminals(db: Db): TerminalListRow[] {
  return db.prepare('SELECT id, name, created_at AS createdAt, revoked_at AS revokedAt FROM terminals ORDER BY id').all() as TerminalListRow[];
}
