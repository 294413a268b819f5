import type { Migration } from '../migration-runner';

/**
 * Refusals nobody saw (issue 5): a queued row the background loop delivers after the person has
 * left can still be refused for good (the code already used, the account activated elsewhere in
 * the meantime). The person holds only the receipt reference, so the refusal is kept for staff:
 * `follow_up` marks it (a refusal at the screen is not one, the person read it there) and
 * `reported_at` says when the server acknowledged it in a heartbeat (epoch milliseconds).
 * Nothing personal is added: the reference, the code and the times are all the report carries.
 */
export const migration005AddOutboxFollowUp: Migration = {
  version: 5,
  name: '005-add-outbox-follow-up',
  up(db) {
    db.exec(`
      ALTER TABLE outbox ADD COLUMN follow_up INTEGER NOT NULL DEFAULT 0 CHECK (follow_up IN (0, 1));
      ALTER TABLE outbox ADD COLUMN reported_at INTEGER;
      CREATE INDEX outbox_follow_up ON outbox (follow_up, reported_at);
    `);
  },
};
