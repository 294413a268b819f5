import type { Db } from './connection';
import type { FollowUpRow } from '../ports/follow-up-store';

const COLUMNS = `id, terminal_id AS terminalId, reference, kind, code, refused_at AS refusedAt, received_at AS receivedAt,
  resolved_at AS resolvedAt, resolved_by AS resolvedBy`;

/** Records a refusal; one already on record for this terminal and reference is left as it is. Returns true when new. */
export function insertFollowUp(db: Db, row: Omit<FollowUpRow, 'id' | 'resolvedAt' | 'resolvedBy'>): boolean {
  return (
    db
      .prepare(
        `INSERT INTO follow_ups (terminal_id, reference, kind, code, refused_at, received_at)
         VALUES (@terminalId, @reference, @kind, @code, @refusedAt, @receivedAt)
         ON CONFLICT (terminal_id, reference) DO NOTHING`,
      )
      .run(row).changes === 1
  );
}

/** Open follow-ups first by arrival; with `reference`, that reference's only (open or resolved). */
export function listFollowUps(db: Db, options: { open: boolean; reference?: string }): FollowUpRow[] {
  if (options.reference !== undefined) {
    return db.prepare(`SELECT ${COLUMNS} FROM follow_ups WHERE reference = ? ORDER BY received_at, id`).all(options.reference) as FollowUpRow[];
  }
  const where = options.open ? 'WHERE resolved_at IS NULL' : '';
  return db.prepare(`SELECT ${COLUMNS} FROM follow_ups ${where} ORDER BY received_at, id`).all() as FollowUpRow[];
}

export function findFollowUp(db: Db, id: number): FollowUpRow | undefined {
  return db.prepare(`SELECT ${COLUMNS} FROM follow_ups WHERE id = ?`).get(id) as FollowUpRow | undefined;
}

/** Marks an open follow-up resolved; false when unknown or already resolved. */
export function resolveFollowUp(db: Db, id: number, by: string, at: string): boolean {
  return db.prepare('UPDATE follow_ups SET resolved_at = ?, resolved_by = ? WHERE id = ? AND resolved_at IS NULL').run(at, by, id).changes === 1;
}

/** Open follow-ups per terminal (the fleet view's flag). */
export function countOpenFollowUpsByTerminal(db: Db): Map<string, number> {
  const rows = db.prepare('SELECT terminal_id AS terminalId, COUNT(*) AS n FROM follow_ups WHERE resolved_at IS NULL GROUP BY terminal_id').all() as {
    terminalId: string;
    n: number;
  }[];
  return new Map(rows.map((row) => [row.terminalId, row.n]));
}
