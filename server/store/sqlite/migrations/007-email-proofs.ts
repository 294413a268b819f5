import type { Migration } from './migration';

/**
 * The emailed proof that finishes an activation (umontpellier seed: "un mail… Ce lien est
 * valable 24h"; parents-scolarite: "cliquer sur le lien permettant l'activation"), one row per
 * activation. Nothing in clear: the short code as its scrypt hash (low entropy), the link token
 * as sha256 (32 random bytes), the address and the login AES-256-GCM under a key derived from
 * the record key (read back to send the message again), the address also masked for answers.
 * A resend replaces both hashes, so the previous code and link die with it.
 */
export const migration007: Migration = {
  version: 7,
  name: 'email-proofs',
  sql: `
    CREATE TABLE email_proofs (
      activation_id TEXT PRIMARY KEY REFERENCES activations(id) ON DELETE CASCADE,
      code_hash TEXT NOT NULL,
      link_hash TEXT NOT NULL UNIQUE,
      sent_to_enc TEXT NOT NULL,
      sent_to_masked TEXT NOT NULL,
      login_enc TEXT NOT NULL,
      locale TEXT NOT NULL CHECK (locale IN ('fr', 'en')),
      sends INTEGER NOT NULL CHECK (sends >= 1),
      attempts INTEGER NOT NULL DEFAULT 0,
      created_at TEXT NOT NULL,
      last_sent_at TEXT NOT NULL,
      expires_at TEXT NOT NULL,
      used_at TEXT
    ) STRICT;
  `,
};
