import type { Migration } from './migration';

/** A generated password waiting to be confirmed; only its scrypt hash is stored. */
export const migration003: Migration = {
  version: 3,
  name: 'activations',
  sql: `
    CREATE TABLE activations (
      id TEXT PRIMARY KEY,
      profile_id TEXT NOT NULL,
      lookup_key TEXT NOT NULL,
      terminal_id TEXT NOT NULL REFERENCES terminals(id),
      password_hash TEXT NOT NULL,
      state TEXT NOT NULL CHECK (state IN ('pending', 'active', 'superseded')),
      created_at TEXT NOT NULL,
      expires_at TEXT NOT NULL,
      activated_at TEXT,
      FOREIGN KEY (profile_id, lookup_key) REFERENCES enrollments(profile_id, lookup_key)
    ) STRICT;
    CREATE INDEX activations_person ON activations(profile_id, lookup_key, state);
  `,
};
