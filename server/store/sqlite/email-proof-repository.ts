import type { Db } from './connection';
import type { EmailProofRow } from '../ports/email-proof-store';

const COLUMNS = `activation_id AS activationId, code_hash AS codeHash, link_hash AS linkHash, sent_to_enc AS sentToEnc,
  sent_to_masked AS sentToMasked, login_enc AS loginEnc, locale, sends, attempts, created_at AS createdAt,
  last_sent_at AS lastSentAt, expires_at AS expiresAt, used_at AS usedAt`;

/** Inserts the first proof of an activation; false when one exists already (nothing changed). */
export function insertEmailProof(db: Db, row: EmailProofRow): boolean {
  const result = db
    .prepare(
      `INSERT INTO email_proofs (activation_id, code_hash, link_hash, sent_to_enc, sent_to_masked, login_enc, locale, sends,
                                 attempts, created_at, last_sent_at, expires_at, used_at)
       VALUES (@activationId, @codeHash, @linkHash, @sentToEnc, @sentToMasked, @loginEnc, @locale, @sends,
               @attempts, @createdAt, @lastSentAt, @expiresAt, @usedAt)
       ON CONFLICT (activation_id) DO NOTHING`,
    )
    .run(row);
  return result.changes === 1;
}

export function findEmailProof(db: Db, activationId: string): EmailProofRow | undefined {
  return db.prepare(`SELECT ${COLUMNS} FROM email_proofs WHERE activation_id = ?`).get(activationId) as EmailProofRow | undefined;
}

export function findEmailProofByLinkHash(db: Db, linkHash: string): EmailProofRow | undefined {
  return db.prepare(`SELECT ${COLUMNS} FROM email_proofs WHERE link_hash = ?`).get(linkHash) as EmailProofRow | undefined;
}

/** Counts one wrong code against the current one; returns the new count. */
export function recordWrongEmailCode(db: Db, activationId: string): number {
  const row = db
    .prepare(`UPDATE email_proofs SET attempts = attempts + 1 WHERE activation_id = ? RETURNING attempts`)
    .get(activationId) as { attempts: number } | undefined;
  return row?.attempts ?? 0;
}

export function markEmailProofUsed(db: Db, activationId: string, usedAt: string): void {
  db.prepare(`UPDATE email_proofs SET used_at = ? WHERE activation_id = ? AND used_at IS NULL`).run(usedAt, activationId);
}

/**
 * A resend: new code and link hashes (the old ones die), a new expiry, the wrong-code count
 * reset. Applied only while unused and under `maxSends`, in the same statement, so two racing
 * resends cannot pass the limit; returns the new number of sends, or null when refused.
 */
export function replaceEmailProofSecrets(
  db: Db,
  activationId: string,
  secrets: { codeHash: string; linkHash: string; sentAt: string; expiresAt: string },
  maxSends: number,
): number | null {
  const row = db
    .prepare(
      `UPDATE email_proofs SET code_hash = ?, link_hash = ?, attempts = 0, sends = sends + 1, last_sent_at = ?, expires_at = ?
       WHERE activation_id = ? AND used_at IS NULL AND sends < ?
       RETURNING sends`,
    )
    .get(secrets.codeHash, secrets.linkHash, secrets.sentAt, secrets.expiresAt, activationId, maxSends) as { sends: number } | undefined;
  return row?.sends ?? null;
}
