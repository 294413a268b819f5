import { randomInt } from 'node:crypto';
import { canonicalFieldValue } from '../../shared/policies/identity-rules';
import { CODE_ALPHABET, groupCode } from '../../shared/policies/secret-codes';
import type { IdentityField, Profile } from '../../shared/schemas/profile-schema';
import { hashPassword, verifyPassword } from '../crypto/password-hash';
import { decryptRecordValue, recordBinding } from '../crypto/record-cipher';
import type { RandomIndex } from '../crypto/password-generator';
import type { Store, StoreOps } from '../store/store';
import type { NewCredential } from '../store/ports/credential-store';
import type { CredentialKind, CredentialRow } from '../store/ports/credential-store';
import { credentialFields } from './identity-hashing';

const DAY_MS = 24 * 3_600_000;

/**
 * A letter's secret: `length` characters from the look-alike-free alphabet, drawn with the
 * CSPRNG (issue 3: "cryptographically random, from an alphabet without look-alikes").
 */
export function generateCode(length: number, random: RandomIndex = randomInt): string {
  let code = '';
  for (let index = 0; index < length; index += 1) code += CODE_ALPHABET[random(CODE_ALPHABET.length)];
  return code;
}

/** The kind of secret a profile's letter carries, or null for a profile without letters. */
export function credentialKindOf(profile: Profile): CredentialKind | null {
  return credentialFields(profile)[0]?.credential ?? null;
}

/**
 * The row that makes `secret` the person's current letter (scrypt hash of its canonical form),
 * valid `credentials.ttlDays` from `issuedAt`. Hashing is slow and asynchronous, so it is done
 * here, before the caller's write transaction inserts the row (with its audit entry, issue 6).
 */
export async function prepareCredential(profile: Profile, lookupKey: string, secret: string, issuedAt: Date): Promise<NewCredential> {
  const field = credentialFields(profile)[0];
  if (!field || !profile.credentials) throw new Error(`profile ${profile.id} issues no letters`);
  const secretHash = await hashPassword(canonicalFieldValue(field, secret));
  const expiresAt = new Date(issuedAt.getTime() + profile.credentials.ttlDays * DAY_MS).toISOString();
  return { profileId: profile.id, lookupKey, kind: field.credential, secretHash, issuedAt: issuedAt.toISOString(), expiresAt };
}

/** Stores `secret` as the person's current letter, replacing any earlier one. Returns its expiry. */
export async function storeCredential(store: StoreOps, profile: Profile, lookupKey: string, secret: string, issuedAt: Date): Promise<string> {
  const row = await prepareCredential(profile, lookupKey, secret, issuedAt);
  await store.credentials.insertCredential(row);
  return row.expiresAt;
}

let dummyHash: Promise<string> | undefined;

/**
 * Whether `typed` is the secret of `credential`. Without a credential (unknown login, no letter
 * issued) a decoy hash is checked instead, so both cost one scrypt and look alike from outside.
 */
export async function credentialMatches(field: IdentityField, typed: string, credential: CredentialRow | undefined): Promise<boolean> {
  dummyHash ??= hashPassword('sesame decoy credential');
  const stored = credential?.secretHash ?? (await dummyHash);
  const matches = await verifyPassword(canonicalFieldValue(field, typed), stored);
  return matches && credential !== undefined;
}

export async function currentCredential(store: StoreOps, profileId: string, lookupKey: string): Promise<CredentialRow | undefined> {
  return await store.credentials.findCurrentCredential(profileId, lookupKey);
}

/** One printed letter: the only place a login and its secret exist together in clear. */
export interface Letter {
  login: string;
  secret: string;
  expiresAt: string;
}

/**
 * Issues a letter for every record of the profile that has none alive (never issued, used,
 * expired), except activated or deactivated ones. Hashing runs first; the rows are written in one
 * transaction, so a failure leaves no half-issued batch.
 */
export async function issueMissingCredentials(store: Store, profile: Profile, recordKey: Buffer, now: Date): Promise<Letter[]> {
  const field = credentialFields(profile)[0];
  if (!field || !profile.credentials) throw new Error(`profile ${profile.id} has no letter credential`);
  const { codeLength, ttlDays } = profile.credentials;
  const expiresAt = new Date(now.getTime() + ttlDays * DAY_MS).toISOString();
  const pending: { lookupKey: string; letter: Letter; secretHash: string }[] = [];
  for (const lookupKey of await store.credentials.lookupKeysWithoutLiveCredential(profile.id, now.toISOString())) {
    const sealedLogin = (await store.enrollments.findEnrollment(profile.id, lookupKey))?.loginEnc;
    const login = sealedLogin ? decryptRecordValue(recordKey, recordBinding(profile.id, lookupKey, 'login'), sealedLogin) : null;
    if (login === null) throw new Error('a record has no readable login: import it again with this record key');
    const secret = generateCode(codeLength);
    const printed = field.credential === 'activationCode' ? groupCode(secret) : secret;
    pending.push({ lookupKey, letter: { login, secret: printed, expiresAt }, secretHash: await hashPassword(canonicalFieldValue(field, secret)) });
  }
  await store.transaction(async (tx) => {
    for (const { lookupKey, secretHash } of pending) {
      await tx.credentials.insertCredential({ profileId: profile.id, lookupKey, kind: field.credential, secretHash, issuedAt: now.toISOString(), expiresAt });
    }
  });
  return pending.map((entry) => entry.letter);
}
