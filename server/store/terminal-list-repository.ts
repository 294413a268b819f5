import type { Db } from './connection';

/** Every terminal, for the admin screen (issue 6): never the token hash. */
export interface TerminalListRow {
  id: string;
  name: string;
  createdAt: string;
  revokedAt: string | null;
}

export function listTerminals(db: Db): TerminalListRow[] {
  return db.prepare('SELECT id, name, created_at AS createdAt, revoked_at AS revokedAt FROM terminals ORDER BY id').all() as TerminalListRow[];
}
