import type { Migration } from './migration';

/**
 * Fleet status (issue 5): the latest heartbeat of each terminal, one row per terminal replaced
 * at every beat (a history of heartbeats would grow by a row a minute per terminal for nothing).
 * `recent_depths_json`: the outbox depths of the last few heartbeats, oldest first, enough to see
 * a queue that keeps growing. Status only: counts, times, the app version and the wipe check's
 * verdict with a leak count, never what leaked nor anything about a person.
 */
export const migration010: Migration = {
  version: 10,
  name: 'terminal-status',
  sql: `
    CREATE TABLE terminal_status (
      terminal_id TEXT PRIMARY KEY REFERENCES terminals(id),
      received_at TEXT NOT NULL,
      app_version TEXT NOT NULL,
      mode TEXT NOT NULL,
      outbox_depth INTEGER NOT NULL CHECK (outbox_depth >= 0),
      oldest_queued_at TEXT,
      last_sync_at TEXT,
      wipe_check_at TEXT,
      wipe_check_ok INTEGER CHECK (wipe_check_ok IN (0, 1)),
      wipe_check_leaks INTEGER CHECK (wipe_check_leaks >= 0),
      recent_depths_json TEXT NOT NULL
    ) STRICT;
  `,
};
