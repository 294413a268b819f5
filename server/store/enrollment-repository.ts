import type { EnrollmentFacts } from '../../shared/policies/eligibility-rules';
import type { Db } from './connection';

/** One enrollment as stored: identity values only as keyed hashes (see migration 002). */
export interface EnrollmentRow extends EnrollmentFacts {
  profileId: string;
  lookupKey: string;
  fieldHashes: Record<string, string>;
}

interface RawEnrollment {
  profileId: string;
  lookupKey: string;
  fieldsJson: string;
  enrolledAt: string;
  channel: EnrollmentFacts['channel'];
  payment: EnrollmentFacts['payment'];
  activatedAt: string | null;
}

export function findEnrollment(db: Db, profileId: string, lookupKey: string): EnrollmentRow | undefined {
  const raw = db
    .prepare(
      `SELECT profile_id AS profileId, lookup_key AS lookupKey, fields_json AS fieldsJson,
              enrolled_at AS enrolledAt, channel, payment, activated_at AS activatedAt
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
 * password be issued for an account already in use.
 */
export function upsertEnrollment(db: Db, row: EnrollmentRow, now: string): void {
  db.prepare(
    `INSERT INTO enrollments (profile_id, lookup_key, fields_json, enrolled_at, channel, payment, activated_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (profile_id, lookup_key) DO UPDATE SET
       fields_json = excluded.fields_json, enrolled_at = excluded.enrolled_at, channel = excluded.channel,
       payment = excluded.payment, activated_at = COALESCE(enrollments.activated_at, excluded.activated_at),
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
  );
}

export function markEnrollmentActivated(db: Db, profileId: string, lookupKey: string, activatedAt: string): void {
  db.prepare(
    'UPDATE enrollments SET activated_at = ?, updated_at = ? WHERE profile_id = ? AND lookup_key = ? AND activated_at IS NULL',
  ).run(activatedAt, activatedAt, profileId, lookupKey);
}

export function countEnrollments(db: Db, profileId?: string): number {
  const row = (profileId === undefined
    ? db.prepare('SELECT COUNT(*) AS n FROM enrollments').get()
    : db.prepare('SELECT COUNT(*) AS n FROM enrollments WHERE profile_id = ?').get(profileId)) as { n: number };
  return row.n;
}
