import type { Migration } from './migration';

/**
 * Staff at the desk and in group sessions (issue 6).
 *
 * `staff`: accounts created by the CLI or an admin; the password as its scrypt hash, the TOTP
 * secret and the email AES-256-GCM (read back to verify a code, to mail a summary), never in
 * clear. `totp_last_step` refuses a code replayed within its 30-second window.
 *
 * `staff_sessions`: one row per sign-in, the token as sha256 only, bound to the terminal it was
 * opened on. `staff_cases`: a person looked up in one staff session; actions name a case, so
 * staff can only act on someone they searched for, and only in that session.
 *
 * `id_checks`: "pièce d'identité vérifiée" by staff on one terminal, valid a few minutes and
 * once, for the reduced proof the profile allows (`staffAssist.idCheck`).
 *
 * `audit_log`: append-only (triggers refuse UPDATE and DELETE) and tamper-evident: each entry
 * carries the sha256 of the previous one (server/audit/audit-log.ts). Never a secret.
 *
 * `groups`, `group_members`, `group_terminals`: group sessions; member labels (names) are
 * AES-256-GCM. On enrollments, `cohort` (a class, "3eB") is the filter a group can be opened
 * from, and `label_enc` the name shown on the board (set by imports that carry one).
 */
export const migration009: Migration = {
  version: 9,
  name: 'staff',
  sql: `
    CREATE TABLE staff (
      username TEXT PRIMARY KEY,
      display_name TEXT NOT NULL,
      role TEXT NOT NULL CHECK (role IN ('agent', 'admin')),
      password_hash TEXT NOT NULL,
      totp_secret_enc TEXT,
      totp_last_step INTEGER,
      email_enc TEXT,
      created_at TEXT NOT NULL,
      disabled_at TEXT
    ) STRICT;
    CREATE TABLE staff_sessions (
      token_hash TEXT PRIMARY KEY,
      username TEXT NOT NULL REFERENCES staff(username),
      terminal_id TEXT NOT NULL REFERENCES terminals(id),
      created_at TEXT NOT NULL,
      last_seen_at TEXT NOT NULL,
      expires_at TEXT NOT NULL,
      ended_at TEXT
    ) STRICT;
    CREATE INDEX staff_sessions_user ON staff_sessions(username, ended_at);
    CREATE TABLE staff_cases (
      id TEXT PRIMARY KEY,
      token_hash TEXT NOT NULL REFERENCES staff_sessions(token_hash) ON DELETE CASCADE,
      profile_id TEXT NOT NULL,
      lookup_key TEXT NOT NULL,
      created_at TEXT NOT NULL
    ) STRICT;
    CREATE TABLE id_checks (
      id INTEGER PRIMARY KEY,
      profile_id TEXT NOT NULL,
      lookup_key TEXT NOT NULL,
      terminal_id TEXT NOT NULL REFERENCES terminals(id),
      username TEXT NOT NULL REFERENCES staff(username),
      document TEXT NOT NULL,
      checked_at TEXT NOT NULL,
      valid_until TEXT NOT NULL,
      used_at TEXT,
      FOREIGN KEY (profile_id, lookup_key) REFERENCES enrollments(profile_id, lookup_key) ON DELETE CASCADE
    ) STRICT;
    CREATE INDEX id_checks_person ON id_checks(profile_id, lookup_key, terminal_id);
    CREATE TABLE audit_log (
      seq INTEGER PRIMARY KEY,
      at TEXT NOT NULL,
      actor_kind TEXT NOT NULL CHECK (actor_kind IN ('staff', 'terminal', 'person', 'system')),
      actor TEXT NOT NULL,
      terminal_id TEXT,
      action TEXT NOT NULL,
      subject TEXT,
      outcome TEXT NOT NULL,
      details_json TEXT NOT NULL,
      prev_hash TEXT NOT NULL,
      hash TEXT NOT NULL UNIQUE
    ) STRICT;
    CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
    CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
    CREATE TABLE groups (
      id TEXT PRIMARY KEY,
      profile_id TEXT NOT NULL,
      label TEXT NOT NULL,
      join_code TEXT NOT NULL,
      opened_by TEXT NOT NULL REFERENCES staff(username),
      opened_at TEXT NOT NULL,
      closed_at TEXT
    ) STRICT;
    CREATE UNIQUE INDEX groups_open_join_code ON groups(join_code) WHERE closed_at IS NULL;
    CREATE TABLE group_members (
      group_id TEXT NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
      no INTEGER NOT NULL,
      lookup_key TEXT NOT NULL,
      label_enc TEXT NOT NULL,
      PRIMARY KEY (group_id, no)
    ) STRICT;
    CREATE TABLE group_terminals (
      group_id TEXT NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
      terminal_id TEXT NOT NULL REFERENCES terminals(id),
      joined_at TEXT NOT NULL,
      left_at TEXT,
      PRIMARY KEY (group_id, terminal_id)
    ) STRICT;
    ALTER TABLE enrollments ADD COLUMN cohort TEXT;
    ALTER TABLE enrollments ADD COLUMN label_enc TEXT;
    CREATE INDEX enrollments_cohort ON enrollments(profile_id, cohort);
  `,
};
