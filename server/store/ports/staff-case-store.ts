/** A person looked up in one staff session (issue 6): actions name a case, never a person. */
export interface StaffCaseRow {
  id: string;
  tokenHash: string;
  profileId: string;
  lookupKey: string;
  createdAt: string;
}

/** An activation waiting for its emailed proof: pending, unused, unexpired. */
export interface PendingProof {
  activationId: string;
  sentToMasked: string;
  loginEnc: string;
  sends: number;
  expiresAt: string;
}

/** A "mot de passe oublié" request waiting for its code; `sends`: messages sent for it (migration 012). */
export interface PendingRecovery {
  id: string;
  expiresAt: string;
  sends: number;
}

/** What a staff resend of a reset writes: the new code's hash, its expiry, and the instant (the row must still be open then). */
export interface RecoveryRenewal {
  codeHash: string;
  expiresAt: string;
  now: string;
}

export interface StaffCaseStore {
  insertStaffCase(row: StaffCaseRow): Promise<void>;
  /** The case only when it belongs to this staff session: another session's case does not exist for it. */
  findStaffCase(id: string, tokenHash: string): Promise<StaffCaseRow | undefined>;
  findPendingProof(profileId: string, lookupKey: string, now: string): Promise<PendingProof | undefined>;
  /** A "mot de passe oublié" request still waiting for its code. */
  findPendingRecovery(profileId: string, lookupKey: string, now: string): Promise<PendingRecovery | undefined>;
  /** resendEmail on a pending reset: a new code on the same request; null once used, expired or at `maxSends`, else the new count. */
  renewRecoveryCode(id: string, renewal: RecoveryRenewal, maxSends: number): Promise<number | null>;
  /** The last change staff would see on the board: the record, a letter, an activation. */
  personUpdatedAt(profileId: string, lookupKey: string): Promise<string | undefined>;
  /** correctEmail on a profile whose proof goes to the address on file (umontpellier). */
  updateEmailOnFile(profileId: string, lookupKey: string, emailEnc: string, emailHash: string, now: string): Promise<void>;
  /** correctEmail with a proof pending: the next send goes to the corrected address. */
  readdressProof(activationId: string, sentToEnc: string, sentToMasked: string, locale: string): Promise<void>;
  /** reactivate (parents seed: "contactez votre établissement"): only a record not yet deleted, never an active one. */
  reactivateEnrollment(profileId: string, lookupKey: string, now: string): Promise<boolean>;
}
