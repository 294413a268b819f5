import type { Db } from './connection';
import type { CredentialRow, NewCredential } from '../ports/credential-store';

const COLUMNS = `id, profile_id AS profileId, lookup_key AS lookupKey, kind, secret_hash AS secretHash,
  issued_at AS issuedAt, expires_at AS expiresAt, used_at AS usedAt, superseded_at AS supersededAt`;

/** A new letter replaces the previous one: only the latest code or password can open the account. */
export function insertCredential(db: Db, row: NewCredential): void {
  db.prepare(
    'UPDATE credentials SET superseded_at = ? WHERE profile_id = ? AND lookup_key = ? AND superseded_at IS NULL',
  ).run(row.issuedAt, row.profileId, row.lookupKey);
  db.prepare(
    `INSERT INTO credentials (profile_id, lookup_key, kind, secret_hash, issued_at, expires_at)
     VALUES (@profileId, @lookupKey, @kind, @secretHash, @issuedAt, @expiresAt)`,
  ).run(row);
}

/** The person's current credential (the latest letter), used or not, expired or not. */
export function findCurrentCredential(db: Db, profileId: string, lookupKey: string): CredentialRow | undefined {
  return db
    .prepare(`SELECT ${COLUMNS} FROM credentials WHERE profile_id = ? AND lookup_key = ? AND superseded_at IS NULL ORDER BY id DESC LIMIT 1`)
    .get(profileId, lookupKey) as CredentialRow | undefined;
}

/** Voids the person's letter once the account is active (ent77: the code "devient obsolète"). */
export function markCredentialsUsed(db: Db, profileId: string, lookupKey: string, usedAt: string): void {
  db.prepare(
    'UPDATE credentials SET used_at = ? WHERE profile_id = ? AND lookup_key = ? AND superseded_at IS NULL AND used_at IS NULL',
  ).run(usedAt, profileId, lookupKey);
}

/** Lookup keys of a profile's records that have no live credential (none, used, expired or superseded only). */
export function lookupKeysWithoutLiveCredential(db: Db, profileId: string, now: string): string[] {
  const rows = db
    .prepare(
      `SELECT e.lookup_key AS lookupKey FROM enrollments e
       WHERE e.profile_id = ? AND e.activated_at IS NULL AND e.deactivated_at IS NULL AND NOT EXISTS (
         SELECT 1 FROM credentials c WHERE c.profile_id = e.profile_id AND c.lookup_key = e.lookup_key
           AND c.superseded_at IS NULL AND c.used_at IS NULL AND c.expires_at > ?)
       ORDER BY e.rowid`,
    )
    .all(profileId, now) as { lookupKey: string }[];
  return rows.map((row) => row.lookupKey);
}

export function countCredentials(db: Db, profileId?: string): number {
  const row = (profileId === undefined
    ? db.prepare('SELECT COUNT(*) AS n FROM credentials').get()
    : db.prepare('SELECT COUNT(*) AS n FROM credentials WHERE profile_id = ?').get(profileId)) as { n: number };
  return row.n;
}
