import type { Migration } from './migration';

/**
 * Enrollment records ("IA" of the cergy seed). Identity values are secrets at rest (student
 * number, birth date): `lookup_key` and every value of `fields_json` are keyed hashes
 * (HMAC-SHA256 under the server's record key) of the canonical value, never the value itself.
 */
export const migration002: Migration = {
  version: 2,
  name: 'enrollments',
  sql: `
    CREATE TABLE enrollments (
      profile_id TEXT NOT NULL,
      lookup_key TEXT NOT NULL,
      fields_json TEXT NOT NULL,
      enrolled_at TEXT NOT NULL,
      channel TEXT NOT NULL CHECK (channel IN ('online', 'remote')),
      payment TEXT NOT NULL CHECK (payment IN ('paid', 'grant', 'pending')),
      activated_at TEXT,
      updated_at TEXT NOT NULL,
      PRIMARY KEY (profile_id, lookup_key)
    ) STRICT;
  `,
};
