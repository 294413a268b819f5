import type { Db } from './connection';
import type { ActivationRow, NewActivation } from '../ports/activation-store';

/** A new activation for a person supersedes their pending ones: only the latest password can be confirmed. */
export function insertActivation(db: Db, activation: NewActivation): void {
  const row: ActivationRow = { ...activation, state: 'pending', activatedAt: null };
  db.prepare(
    `UPDATE activations SET state = 'superseded' WHERE profile_id = ? AND lookup_key = ? AND state = 'pending'`,
  ).run(row.profileId, row.lookupKey);
  db.prepare(
    `INSERT INTO activations (id, profile_id, lookup_key, terminal_id, password_hash, state, created_at, expires_at, activated_at)
     VALUES (@id, @profileId, @lookupKey, @terminalId, @passwordHash, @state, @createdAt, @expiresAt, @activatedAt)`,
  ).run(row);
}

export function findActivation(db: Db, id: string): ActivationRow | undefined {
  return db
    .prepare(
      `SELECT id, profile_id AS profileId, lookup_key AS lookupKey, terminal_id AS terminalId,
              password_hash AS passwordHash, state, created_at AS createdAt, expires_at AS expiresAt,
              activated_at AS activatedAt
       FROM activations WHERE id = ?`,
    )
    .get(id) as ActivationRow | undefined;
}

export function markActivationActive(db: Db, id: string, activatedAt: string): void {
  db.prepare(`UPDATE activations SET state = 'active', activated_at = ? WHERE id = ? AND state = 'pending'`).run(activatedAt, id);
}

export function countActivations(db: Db): number {
  return (db.prepare('SELECT COUNT(*) AS n FROM activations').get() as { n: number }).n;
}

/** Every activation of a person, before their never-activated record is deleted (parents seed: after a year). */
export function deleteActivationsOf(db: Db, profileId: string, lookupKey: string): void {
  db.prepare(`DELETE FROM activations WHERE profile_id = ? AND lookup_key = ? AND state <> 'active'`).run(profileId, lookupKey);
}

/**
 * A password reset ("mot de passe oublié"): the new password becomes the account's one `active`
 * activation, every earlier activation of the person (active or pending) is superseded.
 */
export function insertResetActivation(db: Db, row: Omit<ActivationRow, 'state'>): void {
  db.prepare(
    `UPDATE activations SET state = 'superseded' WHERE profile_id = ? AND lookup_key = ? AND state IN ('pending', 'active')`,
  ).run(row.profileId, row.lookupKey);
  db.prepare(
    `INSERT INTO activations (id, profile_id, lookup_key, terminal_id, password_hash, state, created_at, expires_at, activated_at)
     VALUES (@id, @profileId, @lookupKey, @terminalId, @passwordHash, 'active', @createdAt, @expiresAt, @activatedAt)`,
  ).run(row);
}

/** The hash of the password the account has now (its `active` activation), if it was set through this server. */
export function findActivePasswordHash(db: Db, profileId: string, lookupKey: string): string | undefined {
  const row = db
    .prepare(`SELECT password_hash AS passwordHash FROM activations WHERE profile_id = ? AND lookup_key = ? AND state = 'active' ORDER BY activated_at DESC LIMIT 1`)
    .get(profileId, lookupKey) as { passwordHash: string } | undefined;
  return row?.passwordHash;
}
