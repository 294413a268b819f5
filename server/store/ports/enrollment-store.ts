import type { EnrollmentFacts } from '../../../shared/policies/eligibility-rules';

/** One enrollment as stored: identity values only as keyed hashes (see migration 002). */
export interface EnrollmentRow extends EnrollmentFacts {
  profileId: string;
  lookupKey: string;
  fieldHashes: Record<string, string>;
  paidAt: string | null;
  deactivatedAt: string | null;
  /** The login, for the letters `credentials issue` prints (profiles with a letter), AES-GCM (record-cipher.ts). */
  loginEnc: string | null;
  /** The personal address from the registrar's file (umontpellier), AES-GCM (record-cipher.ts). */
  emailOnFileEnc: string | null;
  /** Keyed hash of that address (migration 008), so identifier recovery can find the record. */
  emailOnFileHash?: string | null;
}

/** What the person gave at activation, encrypted (record-cipher.ts); the terms version in clear. */
export interface EnrollmentContact {
  contactEmailEnc: string | null;
  mobileEnc: string | null;
  termsVersion: string | null;
  /** Keyed hash of the address (contactEmailHash), for "identifiant oublié" (migration 008). */
  contactEmailHash: string | null;
}

/** A record never activated, with the instant its inactivity is counted from. */
export interface DormantEnrollment {
  lookupKey: string;
  /** The current letter's issue time, or the enrollment time when no letter was issued. */
  since: string;
  deactivatedAt: string | null;
}

export interface EnrollmentStore {
  findEnrollment(profileId: string, lookupKey: string): Promise<EnrollmentRow | undefined>;
  /**
   * Inserts or refreshes a record from an import. A re-import never clears `activated_at`: the
   * registrar's export does not know about activations, and forgetting one would let a second
   * password be issued for an account already in use. Nor does it lift a deactivation (that is
   * the school's decision, parents seed), or forget the address on file when the new file has none.
   */
  upsertEnrollment(row: Omit<EnrollmentRow, 'deactivatedAt'>, now: string): Promise<void>;
  markEnrollmentActivated(profileId: string, lookupKey: string, activatedAt: string): Promise<void>;
  /** Records the address, mobile and terms version given at activation (ent77, idf, parents). */
  saveEnrollmentContact(profileId: string, lookupKey: string, contact: EnrollmentContact, now: string): Promise<void>;
  findEnrollmentContact(profileId: string, lookupKey: string): Promise<EnrollmentContact | undefined>;
  /** Lookup keys of the records whose contact address or address on file has this keyed hash. */
  lookupKeysByEmailHash(profileId: string, emailHash: string): Promise<string[]>;
  countEnrollments(profileId?: string): Promise<number>;
  listDormantEnrollments(profileId: string): Promise<DormantEnrollment[]>;
  deactivateEnrollment(profileId: string, lookupKey: string, at: string): Promise<void>;
  /**
   * Removes a never-activated record; its credentials go with it (ON DELETE CASCADE, migration 006).
   * Its activations reference it: delete them first (deleteActivationsOf).
   */
  deleteEnrollment(profileId: string, lookupKey: string): Promise<void>;
}
