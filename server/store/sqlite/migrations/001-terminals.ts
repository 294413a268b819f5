import type { Migration } from './migration';

/** Terminals authenticate with `<id>.<secret>`; only sha256 of the whole token is kept. */
export const migration001: Migration = {
  version: 1,
  name: 'terminals',
  sql: `
    CREATE TABLE terminals (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      token_hash TEXT NOT NULL,
      created_at TEXT NOT NULL,
      revoked_at TEXT
    ) STRICT;
  `,
};
