import type { Migration } from './migration';

/** Failure counters per identity and per terminal; in the database so they survive restarts (LOCKDOWN.md #17). */
export const migration005: Migration = {
  version: 5,
  name: 'throttle',
  sql: `
    CREATE TABLE throttle (
      scope TEXT NOT NULL CHECK (scope IN ('identity', 'terminal')),
      key_hash TEXT NOT NULL,
      failures INTEGER NOT NULL,
      window_started_at TEXT NOT NULL,
      last_failure_at TEXT NOT NULL,
      blocked_until TEXT,
      PRIMARY KEY (scope, key_hash)
    ) STRICT;
  `,
};
