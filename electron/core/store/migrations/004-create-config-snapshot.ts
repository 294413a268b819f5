import type { Migration } from '../migration-runner';

/**
 * The last good configuration from the server (issue 5): the profiles as the server sent them,
 * already validated, with the ETag that names them for the next conditional GET. One row: a
 * newer good set replaces it, a bad one never reaches it. Profiles are public procedure text;
 * nothing personal or secret is stored here. `fetched_at` is epoch milliseconds.
 */
export const migration004CreateConfigSnapshot: Migration = {
  version: 4,
  name: '004-create-config-snapshot',
  up(db) {
    db.exec(`
      CREATE TABLE config_snapshot (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        etag TEXT,
        body_json TEXT NOT NULL,
        fetched_at INTEGER NOT NULL
      ) STRICT;
    `);
  },
};
