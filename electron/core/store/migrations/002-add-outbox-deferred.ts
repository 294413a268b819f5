import type { Migration } from '../migration-runner';

/**
 * Marks the activation rows the background loop may deliver later. A generated password
 * (cergy) only means something to the person at the screen, so its undelivered row expires with
 * the session; a chosen password (ENT 77, IDF, Montpellier, Scolarité Services) can be applied
 * whenever the link is back, so its row stays queued (issue 3). A new column rather than a new
 * kind: SQLite cannot alter the kind CHECK, and migrations only add (CONVENTIONS.md §5).
 */
export const migration002AddOutboxDeferred: Migration = {
  version: 2,
  name: '002-add-outbox-deferred',
  up(db) {
    db.exec(`ALTER TABLE outbox ADD COLUMN deferred INTEGER NOT NULL DEFAULT 0 CHECK (deferred IN (0, 1));`);
  },
};
