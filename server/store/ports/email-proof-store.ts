import type { Locale } from '../../../shared/schemas/localized-text-schema';

export interface EmailProofRow {
  activationId: string;
  codeHash: string;
  linkHash: string;
  sentToEnc: string;
  sentToMasked: string;
  loginEnc: string;
  locale: Locale;
  /** Messages sent for this activation, the first one included. */
  sends: number;
  /** Wrong codes typed against the current code. */
  attempts: number;
  createdAt: string;
  lastSentAt: string;
  expiresAt: string;
  usedAt: string | null;
}

export interface EmailProofStore {
  /** Inserts the first proof of an activation; false when one exists already (nothing changed). */
  insertEmailProof(row: EmailProofRow): Promise<boolean>;
  findEmailProof(activationId: string): Promise<EmailProofRow | undefined>;
  findEmailProofByLinkHash(linkHash: string): Promise<EmailProofRow | undefined>;
  /** Counts one wrong code against the current one; returns the new count. */
  recordWrongEmailCode(activationId: string): Promise<number>;
  markEmailProofUsed(activationId: string, usedAt: string): Promise<void>;
  /**
   * A resend: new code and link hashes (the old ones die), a new expiry, the wrong-code count
   * reset. Applied only while unused and under `maxSends`, in the same statement, so two racing
   * resends cannot pass the limit; returns the new number of sends, or null when refused.
   */
  replaceEmailProofSecrets(activationId: string, secrets: { codeHash: string; linkHash: string; sentAt: string; expiresAt: string }, maxSends: number): Promise<number | null>;
}
