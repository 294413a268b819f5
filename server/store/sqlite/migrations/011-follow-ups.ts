import type { Migration } from './migration';

/**
 * Follow-ups (issue 5): a final refusal a terminal got for a queued submission after the person
 * had left (the code already used, the account activated elsewhere in the meantime), reported
 * in its heartbeat. The kiosk's receipt reference is the only link to the person: it is what
 * they hold and what they present at the desk. One row per reference and terminal, so a report
 * sent again (a lost acknowledgement) is recorded once. `resolved_by`: the staff username.
 * No personal data and no secret: a reference, a kind, an error code and times.
 */
export const migration011: Migration = {
  version: 11,
  name: 'follow-ups',
  sql: `
    CREATE TABLE follow_ups (
      id INTEGER PRIMARY KEY,
      terminal_id TEXT NOT NULL REFERENCES terminals(id),
      reference TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('activation', 'confirmation', 'helpRequest')),
      code TEXT NOT NULL,
      refused_at TEXT NOT NULL,
      received_at TEXT NOT NULL,
      resolved_at TEXT,
      resolved_by TEXT REFERENCES staff(username),
      UNIQUE (terminal_id, reference),
      CHECK ((resolved_at IS NULL) = (resolved_by IS NULL))
    ) STRICT;
    CREATE INDEX follow_ups_open ON follow_ups(resolved_at, received_at);
    CREATE INDEX follow_ups_reference ON follow_ups(reference);
  `,
};
