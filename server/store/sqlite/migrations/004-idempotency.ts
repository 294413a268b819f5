import type { Migration } from './migration';

/**
 * Answers already given, by sha256 of the Idempotency-Key. `response_enc` is AES-256-GCM under
 * a key derived from the Idempotency-Key itself, so the disk alone never yields a password.
 */
export const migration004: Migration = {
  version: 4,
  name: 'idempotency',
  sql: `
    CREATE TABLE idempotency (
      key_hash TEXT PRIMARY KEY,
      terminal_id TEXT NOT NULL,
      route TEXT NOT NULL,
      request_hash TEXT NOT NULL,
      status INTEGER NOT NULL,
      response_enc TEXT NOT NULL,
      created_at TEXT NOT NULL
    ) STRICT;
  `,
};
