export type CredentialKind = 'activationCode' | 'provisionalPassword';

/** One letter credential as stored: the secret only as its scrypt hash (migration 006). */
export interface CredentialRow {
  id: number;
  profileId: string;
  lookupKey: string;
  kind: CredentialKind;
  secretHash: string;
  issuedAt: string;
  expiresAt: string;
  usedAt: string | null;
  supersededAt: string | null;
}

export type NewCredential = Omit<CredentialRow, 'id' | 'usedAt' | 'supersededAt'>;

export interface CredentialStore {
  /** A new letter replaces the previous one: only the latest code or password can open the account. */
  insertCredential(row: NewCredential): Promise<void>;
  /** The person's current credential (the latest letter), used or not, expired or not. */
  findCurrentCredential(profileId: string, lookupKey: string): Promise<CredentialRow | undefined>;
  /** Voids the person's letter once the account is active (ent77: the code "devient obsolète"). */
  markCredentialsUsed(profileId: string, lookupKey: string, usedAt: string): Promise<void>;
  /** Lookup keys of a profile's records that have no live credential (none, used, expired or superseded only). */
  lookupKeysWithoutLiveCredential(profileId: string, now: string): Promise<string[]>;
  countCredentials(profileId?: string): Promise<number>;
}
