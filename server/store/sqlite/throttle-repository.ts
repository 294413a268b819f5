import type { Db } from './connection';
import type { ThrottleScope, ThrottleRow } from '../ports/throttle-store';

export function findThrottle(db: Db, scope: ThrottleScope, keyHash: string): ThrottleRow | undefined {
  return db
    .prepare(
      `SELECT scope, key_hash AS keyHash, failures, window_started_at AS windowStartedAt,
              last_failure_at AS lastFailureAt, blocked_until AS blockedUntil
       FROM throttle WHERE scope = ? AND key_hash = ?`,
    )
    .get(scope, keyHash) as ThrottleRow | undefined;
}

export function saveThrottle(db: Db, row: ThrottleRow): void {
  db.prepare(
    `INSERT INTO throttle (scope, key_hash, failures, window_started_at, last_failure_at, blocked_until)
     VALUES (@scope, @keyHash, @failures, @windowStartedAt, @lastFailureAt, @blockedUntil)
     ON CONFLICT (scope, key_hash) DO UPDATE SET failures = excluded.failures,
       window_started_at = excluded.window_started_at, last_failure_at = excluded.last_failure_at,
       blocked_until = excluded.blocked_until`,
  ).run(row);
}

export function clearThrottle(db: Db, scope: ThrottleScope, keyHash: string): void {
  db.prepare('DELETE FROM throttle WHERE scope = ? AND key_hash = ?').run(scope, keyHash);
}
