import type { Db } from './connection';
import type { EnrollmentRow, EnrollmentContact, DormantEnrollment } from '../ports/enrollment-store';

interface RawEnrollment extends Omit<EnrollmentRow, 'fieldHashes'> {
  fieldsJson: string;
}

export function findEnrollment(db: Db, profileId: string, lookupKey: string): EnrollmentRow | undefined {
  const raw = db
    .prepare(
      `SELECT profile_id AS profileId, lookup_key AS lookupKey, fields_json AS fieldsJson,
              enrolled_at AS enrolledAt, channel, payment, activated_at AS activatedAt, paid_at AS paidAt,
              deactivated_at AS deactivatedAt, login_enc AS loginEnc, email_on_file_enc AS emailOnFileEnc
       FROM enrollments WHERE profile_id = ? AND lookup_key = ?`,
    )
    .get(profileId, lookupKey) as RawEnrollment | undefined;
  if (!raw) return undefined;
  const { fieldsJson, ...rest } = raw;
  return { ...rest, fieldHashes: JSON.parse(fieldsJson) as Record<string, string> };
}

/**
 * Inserts or refreshes a record from an import. A re-import never clears `activated_at`: the
 * registrar's export does not know about activations, and forgetting one would let a second
 * password be issued for an account already in use. Nor does it lift a deactivation (that is
 * the school's decision, parents seed), or forget the address on file when the new file has none.
 */
export function upsertEnrollment(db: Db, row: Omit<EnrollmentRow, 'deactivatedAt'>, now: string): void {
  db.prepare(
    `INSERT INTO enrollments (profile_id, lookup_key, fields_json, enrolled_at, channel, payment, activated_at, updated_at,
                             paid_at, login_enc, email_on_file_enc, email_on_file_hash)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (profile_id, lookup_key) DO UPDATE SET
       fields_json = excluded.fields_json, enrolled_at = excluded.enrolled_at, channel = excluded.channel,
       payment = excluded.payment, activated_at = COALESCE(enrollments.activated_at, excluded.activated_at),
       paid_at = excluded.paid_at, login_enc = COALESCE(excluded.login_enc, enrollments.login_enc),
       email_on_file_enc = COALESCE(excluded.email_on_file_enc, enrollments.email_on_file_enc),
       email_on_file_hash = CASE WHEN excluded.email_on_file_enc IS NULL THEN enrollments.email_on_file_hash ELSE excluded.email_on_file_hash END,
       updated_at = excluded.updated_at`,
  ).run(
    row.profileId,
    row.lookupKey,
    JSON.stringify(row.fieldHashes),
    row.enrolledAt,
    row.channel,
    row.payment,
    row.activatedAt,
    now,
    row.paidAt,
    row.loginEnc,
    row.emailOnFileEnc,
    row.emailOnFileHash ?? null,
  );
}

export function markEnrollmentActivated(db: Db, profileId: string, lookupKey: string, activatedAt: string): void {
  db.prepare(
    'UPDATE enrollments SET activated_at = ?, updated_at = ? WHERE profile_id = ? AND lookup_key = ? AND activated_at IS NULL',
  ).run(activatedAt, activatedAt, profileId, lookupKey);
}

/** Records the address, mobile and terms version given at activation (ent77, idf, parents). */
export function saveEnrollmentContact(db: Db, profileId: string, lookupKey: string, contact: EnrollmentContact, now: string): void {
  db.prepare(
    `UPDATE enrollments SET contact_email_enc = ?, mobile_enc = ?, terms_version = ?, contact_email_hash = ?, updated_at = ?
     WHERE profile_id = ? AND lookup_key = ?`,
  ).run(contact.contactEmailEnc, contact.mobileEnc, contact.termsVersion, contact.contactEmailHash, now, profileId, lookupKey);
}

export function findEnrollmentContact(db: Db, profileId: string, lookupKey: string): EnrollmentContact | undefined {
  return db
    .prepare(
      `SELECT contact_email_enc AS contactEmailEnc, mobile_enc AS mobileEnc, terms_version AS termsVersion,
              contact_email_hash AS contactEmailHash
       FROM enrollments WHERE profile_id = ? AND lookup_key = ?`,
    )
    .get(profileId, lookupKey) as EnrollmentContact | undefined;
}

/** Lookup keys of the records whose contact address or address on file has this keyed hash. */
export function lookupKeysByEmailHash(db: Db, profileId: string, emailHash: string): string[] {
  const rows = db
    .prepare(
      `SELECT lookup_key AS lookupKey FROM enrollments WHERE profile_id = ? AND contact_email_hash = ?
       UNION SELECT lookup_key AS lookupKey FROM enrollments WHERE profile_id = ? AND email_on_file_hash = ?`,
    )
    .all(profileId, emailHash, profileId, emailHash) as { lookupKey: string }[];
  return rows.map((row) => row.lookupKey);
}

export function countEnrollments(db: Db, profileId?: string): number {
  const row = (profileId === undefined
    ? db.prepare('SELECT COUNT(*) AS n FROM enrollments').get()
    : db.prepare('SELECT COUNT(*) AS n FROM enrollments WHERE profile_id = ?').get(profileId)) as { n: number };
  return row.n;
}

export function listDormantEnrollments(db: Db, profileId: string): DormantEnrollment[] {
  return db
    .prepare(
      `SELECT e.lookup_key AS lookupKey, e.deactivated_at AS deactivatedAt,
              COALESCE((SELECT MAX(c.issued_at) FROM credentials c WHERE c.profile_id = e.profile_id AND c.lookup_key = e.lookup_key),
                       e.enrolled_at) AS since
       FROM enrollments e WHERE e.profile_id = ? AND e.activated_at IS NULL`,
    )
    .all(profileId) as DormantEnrollment[];
}

export function deactivateEnrollment(db: Db, profileId: string, lookupKey: string, at: string): void {
  db.prepare(
    'UPDATE enrollments SET deactivated_at = ?, updated_at = ? WHERE profile_id = ? AND lookup_key = ? AND deactivated_at IS NULL AND activated_at IS NULL',
  ).run(at, at, profileId, lookupKey);
}

/**
 * Removes a never-activated record; its credentials go with it (ON DELETE CASCADE, migration 006).
 * Its activations reference it: delete them first (deleteActivationsOf).
 */
export function deleteEnrollment(db: Db, profileId: string, lookupKey: string): void {
  db.prepare('DELETE FROM enrollments WHERE profile_id = ? AND lookup_key = ? AND activated_at IS NULL').run(profileId, lookupKey);
}
