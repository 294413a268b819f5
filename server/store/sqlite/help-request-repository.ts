import type { Db } from './connection';
import type { HelpRequestRow } from '../ports/help-request-store';

/** False when the reference is taken already (nothing written). */
export function insertHelpRequest(db: Db, row: Omit<HelpRequestRow, 'mailedAt'>): boolean {
  const result = db
    .prepare(
      `INSERT INTO help_requests (reference, profile_id, terminal_id, topic, request_enc, created_at)
       VALUES (@reference, @profileId, @terminalId, @topic, @requestEnc, @createdAt) ON CONFLICT (reference) DO NOTHING`,
    )
    .run(row);
  return result.changes === 1;
}

/** Creation times of a terminal's requests since `since`, oldest first (the per-terminal limit). */
export function helpRequestTimesSince(db: Db, terminalId: string, since: string): string[] {
  const rows = db
    .prepare('SELECT created_at AS createdAt FROM help_requests WHERE terminal_id = ? AND created_at > ? ORDER BY created_at')
    .all(terminalId, since) as { createdAt: string }[];
  return rows.map((row) => row.createdAt);
}

export function markHelpRequestMailed(db: Db, reference: string, at: string): void {
  db.prepare('UPDATE help_requests SET mailed_at = ? WHERE reference = ?').run(at, reference);
}

export function findHelpRequest(db: Db, reference: string): HelpRequestRow | undefined {
  return db
    .prepare(
      `SELECT reference, profile_id AS profileId, terminal_id AS terminalId, topic, request_enc AS requestEnc,
              created_at AS createdAt, mailed_at AS mailedAt FROM help_requests WHERE reference = ?`,
    )
    .get(reference) as HelpRequestRow | undefined;
}
