import type { Db } from './connection';
import type { RecoveryRow } from '../ports/recovery-store';

const COLUMNS = `id, profile_id AS profileId, lookup_key AS lookupKey, throttle_key AS throttleKey, code_hash AS codeHash,
  context_enc AS contextEnc, attempts, created_at AS createdAt, expires_at AS expiresAt, used_at AS usedAt,
  activation_id AS activationId`;

export function insertRecovery(db: Db, row: Omit<RecoveryRow, 'attempts' | 'usedAt' | 'activationId'>): void {
  db.prepare(
    `INSERT INTO recoveries (id, profile_id, lookup_key, throttle_key, code_hash, context_enc, created_at, expires_at)
     VALUES (@id, @profileId, @lookupKey, @throttleKey, @codeHash, @contextEnc, @createdAt, @expiresAt)`,
  ).run(row);
}

export function findRecovery(db: Db, id: string): RecoveryRow | undefined {
  return db.prepare(`SELECT ${COLUMNS} FROM recoveries WHERE id = ?`).get(id) as RecoveryRow | undefined;
}

/** Counts one wrong code; returns the new count. */
export function recordWrongRecoveryCode(db: Db, id: string): number {
  const row = db.prepare('UPDATE recoveries SET attempts = attempts + 1 WHERE id = ? RETURNING attempts').get(id) as { attempts: number } | undefined;
  return row?.attempts ?? 0;
}

/** Marks the code used by the reset that wrote `activationId`. */
export function markRecoveryUsed(db: Db, id: string, usedAt: string, activationId: string): void {
  db.prepare('UPDATE recoveries SET used_at = ?, activation_id = ? WHERE id = ? AND used_at IS NULL').run(usedAt, activationId, id);
}

/** Once a password is reset, the person's other codes die with the old password. */
export function voidOtherRecoveries(db: Db, profileId: string, lookupKey: string, keepId: string, at: string): void {
  db.prepare('UPDATE recoveries SET expires_at = ? WHERE profile_id = ? AND lookup_key = ? AND id <> ? AND used_at IS NULL').run(at, profileId, lookupKey, keepId);
}
