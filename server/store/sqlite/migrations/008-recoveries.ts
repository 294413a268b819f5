import type { Migration } from './migration';

/**
 * "Mot de passe oublié" / "Identifiant oublié" (parents-scolarite seed) and the ENT 77 parents'
 * help form.
 *
 * On enrollments: keyed hashes (HMAC under the record key, like identity values) of the address
 * given at activation and of the one on file, so identifier recovery can find the accounts of
 * an address without any address in clear. Filled from now on (activations, imports): a record
 * written before this migration is found again once it is re-imported or re-activated.
 *
 * `recoveries`: one row per "mot de passe oublié" request, the emailed code as its scrypt hash.
 * A request that matched nobody gets a decoy row (`lookup_key` NULL, a code nobody has), so its
 * id behaves exactly like a real one: wrong codes, five of them, expiry (issue 3: recovery never
 * tells who exists). `context_enc` holds, AES-256-GCM, the login and what the request carried,
 * for the password policy at reset time (the server has only hashes of identity values).
 *
 * `help_requests`: what the parent wrote, AES-256-GCM; the reference and topic id in clear.
 */
export const migration008: Migration = {
  version: 8,
  name: 'recoveries',
  sql: `
    ALTER TABLE enrollments ADD COLUMN contact_email_hash TEXT;
    ALTER TABLE enrollments ADD COLUMN email_on_file_hash TEXT;
    CREATE INDEX enrollments_contact_email ON enrollments(profile_id, contact_email_hash);
    CREATE INDEX enrollments_email_on_file ON enrollments(profile_id, email_on_file_hash);
    CREATE TABLE recoveries (
      id TEXT PRIMARY KEY,
      profile_id TEXT NOT NULL,
      lookup_key TEXT,
      throttle_key TEXT NOT NULL,
      code_hash TEXT NOT NULL,
      context_enc TEXT,
      attempts INTEGER NOT NULL DEFAULT 0,
      created_at TEXT NOT NULL,
      expires_at TEXT NOT NULL,
      used_at TEXT,
      activation_id TEXT REFERENCES activations(id) ON DELETE SET NULL,
      FOREIGN KEY (profile_id, lookup_key) REFERENCES enrollments(profile_id, lookup_key) ON DELETE CASCADE
    ) STRICT;
    CREATE TABLE help_requests (
      reference TEXT PRIMARY KEY,
      profile_id TEXT NOT NULL,
      terminal_id TEXT NOT NULL,
      topic TEXT NOT NULL,
      request_enc TEXT NOT NULL,
      created_at TEXT NOT NULL,
      mailed_at TEXT
    ) STRICT;
    CREATE INDEX help_requests_terminal ON help_requests(terminal_id, created_at);
  `,
};
