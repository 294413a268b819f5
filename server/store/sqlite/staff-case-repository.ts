import type { Db } from './connection';
import type { StaffCaseRow, PendingProof, PendingRecovery, RecoveryRenewal } from '../ports/staff-case-store';

export function insertStaffCase(db: Db, row: StaffCaseRow): void {
  db.prepare(
    `INSERT INTO staff_cases (id, token_hash, profile_id, lookup_key, created_at) VALUES (@id, @tokenHash, @profileId, @lookupKey, @createdAt)`,
  ).run(row);
}

/** The case only when it belongs to this staff session: another session's case does not exist for it. */
export function findStaffCase(db: Db, id: string, tokenHash: string): StaffCaseRow | undefined {
  return db
    .prepare(
      `SELECT id, token_hash AS tokenHash, profile_id AS profileId, lookup_key AS lookupKey, created_at AS createdAt
       FROM staff_cases WHERE id = ? AND token_hash = ?`,
    )
    .get(id, tokenHash) as StaffCaseRow | undefined;
}

/* ---------- what a diagnosis reads and the desk actions write, beyond the shared repositories ---------- */

export function findPendingProof(db: Db, profileId: string, lookupKey: string, now: string): PendingProof | undefined {
  return db
    .prepare(
      `SELECT p.activation_id AS activationId, p.sent_to_masked AS sentToMasked, p.login_enc AS loginEnc, p.sends,
              p.expires_at AS expiresAt
       FROM email_proofs p JOIN activations a ON a.id = p.activation_id
       WHERE a.profile_id = ? AND a.lookup_key = ? AND a.state = 'pending' AND p.used_at IS NULL AND p.expires_at > ?
       ORDER BY a.created_at DESC LIMIT 1`,
    )
    .get(profileId, lookupKey, now) as PendingProof | undefined;
}

/** A "mot de passe oublié" request still waiting for its code (a decoy has no lookup key, so never shows). */
export function findPendingRecovery(db: Db, profileId: string, lookupKey: string, now: string): PendingRecovery | undefined {
  return db
    .prepare(
      `SELECT id, expires_at AS expiresAt, sends FROM recoveries WHERE profile_id = ? AND lookup_key = ? AND used_at IS NULL AND expires_at > ?
       ORDER BY created_at DESC LIMIT 1`,
    )
    .get(profileId, lookupKey, now) as PendingRecovery | undefined;
}

/**
 * resendEmail on a pending reset: the new code's hash replaces the old one (which dies), with
 * its own tries and lifetime, on the same row, so a kiosk waiting on this request takes the new
 * code. Refused (null) once used, expired or at `maxSends`; returns the new number of sends.
 */
export function renewRecoveryCode(db: Db, id: string, renewal: RecoveryRenewal, maxSends: number): number | null {
  const row = db
    .prepare(
      `UPDATE recoveries SET code_hash = @codeHash, attempts = 0, expires_at = @expiresAt, sends = sends + 1
       WHERE id = @id AND used_at IS NULL AND expires_at > @now AND sends < @maxSends RETURNING sends`,
    )
    .get({ id, maxSends, ...renewal }) as { sends: number } | undefined;
  return row?.sends ?? null;
}

/** The last change staff would see on the board: the record, a letter, an activation. */
export function personUpdatedAt(db: Db, profileId: string, lookupKey: string): string | undefined {
  const row = db
    .prepare(
      `SELECT MAX(COALESCE(e.updated_at, ''),
                  COALESCE((SELECT MAX(issued_at) FROM credentials c WHERE c.profile_id = e.profile_id AND c.lookup_key = e.lookup_key), ''),
                  COALESCE((SELECT MAX(COALESCE(activated_at, created_at)) FROM activations a WHERE a.profile_id = e.profile_id AND a.lookup_key = e.lookup_key), '')) AS at
       FROM enrollments e WHERE e.profile_id = ? AND e.lookup_key = ?`,
    )
    .get(profileId, lookupKey) as { at: string } | undefined;
  return row?.at ? row.at : undefined;
}

/** correctEmail on a profile whose proof goes to the address on file (umontpellier). */
export function updateEmailOnFile(db: Db, profileId: string, lookupKey: string, emailEnc: string, emailHash: string, now: string): void {
  db.prepare('UPDATE enrollments SET email_on_file_enc = ?, email_on_file_hash = ?, updated_at = ? WHERE profile_id = ? AND lookup_key = ?').run(
    emailEnc,
    emailHash,
    now,
    profileId,
    lookupKey,
  );
}

/** correctEmail with a proof pending: the next send goes to the corrected address. */
export function readdressProof(db: Db, activationId: string, sentToEnc: string, sentToMasked: string, locale: string): void {
  db.prepare('UPDATE email_proofs SET sent_to_enc = ?, sent_to_masked = ?, locale = ? WHERE activation_id = ? AND used_at IS NULL').run(
    sentToEnc,
    sentToMasked,
    locale,
    activationId,
  );
}

/** reactivate (parents seed: "contactez votre établissement"): only a record not yet deleted, never an active one. */
export function reactivateEnrollment(db: Db, profileId: string, lookupKey: string, now: string): boolean {
  const result = db
    .prepare('UPDATE enrollments SET deactivated_at = NULL, updated_at = ? WHERE profile_id = ? AND lookup_key = ? AND deactivated_at IS NOT NULL AND activated_at IS NULL')
    .run(now, profileId, lookupKey);
  return result.changes === 1;
}
