import type { Migration } from '../migration-runner';

/**
 * Marks the rows that are help requests (the ENT 77 parents' form, issue 3). A help request can
 * wait for the link like a chosen password, so it is stored as a deferred row; SQLite cannot
 * widen the `kind` CHECK and migrations only add (CONVENTIONS.md §5), so a flag says which
 * route delivers it. The repository maps it to the `helpRequest` kind; the CHECK keeps the flag
 * on deferred activation-shaped rows only, so no older query mistakes one for something else.
 */
export const migration003AddOutboxHelpRequest: Migration = {
  version: 3,
  name: '003-add-outbox-help-request',
  up(db) {
    db.exec(`ALTER TABLE outbox ADD COLUMN help_request INTEGER NOT NULL DEFAULT 0
      CHECK (help_request = 0 OR (help_request = 1 AND kind = 'activation' AND deferred = 1));`);
  },
};
