import type { Migration } from '../migration-runner';

/**
 * The outbox: submissions waiting for the enrollment API. `sealed_json` holds only a sealed
 * box (never a secret in clear) and is emptied as soon as the row leaves `pending`, so a
 * stolen disk yields neither the password nor the identity (LOCKDOWN.md #18). Times are epoch
 * milliseconds.
 */
export const migration001CreateOutbox: Migration = {
  version: 1,
  name: '001-create-outbox',
  up(db) {
    db.exec(`
      CREATE TABLE outbox (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('activation', 'confirmation')),
        idempotency_key TEXT NOT NULL UNIQUE,
        reference TEXT NOT NULL,
        sealed_json TEXT,
        target_id TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('pending', 'delivered', 'refused', 'expired')),
        attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        next_attempt_at INTEGER NOT NULL,
        last_error_code TEXT,
        created_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        CHECK (state = 'pending' OR sealed_json IS NULL)
      ) STRICT;
      CREATE INDEX outbox_due ON outbox (state, next_attempt_at);
    `);
  },
};
