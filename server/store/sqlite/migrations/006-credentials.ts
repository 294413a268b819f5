import type { Migration } from './migration';

/**
 * Letter credentials (ENT 77 activation codes, IDF and Scolarité Services provisional
 * passwords): one row per issued secret, kept only as its scrypt hash, void once used ("le code
 * d'activation devient obsolète", ent77 seed) or replaced by a newer one. The deletion of a
 * record (parents seed: "supprimé au bout d'un an") takes its credentials with it.
 *
 * On enrollments: when payment was recorded (umontpellier: "15 minutes après le paiement"), when
 * the inactivity sweep deactivated the account, and what the person gave at activation. The
 * login (printed on the letters the server issues), email addresses and mobile numbers are
 * AES-256-GCM under a key derived from the record key (they must be read back), never in clear.
 */
export const migration006: Migration = {
  version: 6,
  name: 'credentials',
  sql: `
    CREATE TABLE credentials (
      id INTEGER PRIMARY KEY,
      profile_id TEXT NOT NULL,
      lookup_key TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('activationCode', 'provisionalPassword')),
      secret_hash TEXT NOT NULL,
      issued_at TEXT NOT NULL,
      expires_at TEXT NOT NULL,
      used_at TEXT,
      superseded_at TEXT,
      FOREIGN KEY (profile_id, lookup_key) REFERENCES enrollments(profile_id, lookup_key) ON DELETE CASCADE
    ) STRICT;
    CREATE INDEX credentials_person ON credentials(profile_id, lookup_key, superseded_at);
    ALTER TABLE enrollments ADD COLUMN paid_at TEXT;
    ALTER TABLE enrollments ADD COLUMN deactivated_at TEXT;
    ALTER TABLE enrollments ADD COLUMN login_enc TEXT;
    ALTER TABLE enrollments ADD COLUMN email_on_file_enc TEXT;
    ALTER TABLE enrollments ADD COLUMN contact_email_enc TEXT;
    ALTER TABLE enrollments ADD COLUMN mobile_enc TEXT;
    ALTER TABLE enrollments ADD COLUMN terms_version TEXT;
  `,
};
