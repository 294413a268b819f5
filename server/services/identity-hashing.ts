import { canonicalFieldValue } from '../../shared/policies/identity-rules';
import type { Profile } from '../../shared/schemas/profile-schema';
import { recordHash, sameHash } from '../crypto/record-hash';
import type { EnrollmentRow } from '../store/enrollment-repository';

export interface HashedIdentity {
  lookupKey: string;
  fieldHashes: Record<string, string>;
}

/** Keyed hashes of every canonical identity value (names normalised, so accents and case do not count). */
export function hashIdentity(profile: Profile, identity: Record<string, string>, recordKey: Buffer): HashedIdentity {
  const fieldHashes: Record<string, string> = {};
  for (const field of profile.identity.fields) {
    fieldHashes[field.key] = recordHash(recordKey, profile.id, field.key, canonicalFieldValue(field, identity[field.key] ?? ''));
  }
  return { lookupKey: fieldHashes[profile.identity.lookupKey] ?? '', fieldHashes };
}

/**
 * True only when a record exists and every field matches. An unknown number is compared with
 * a decoy record, field by field without short-circuit, so both failures cost the same work
 * and answer the same IDENTITY_MISMATCH (DESIGN.md: do not reveal whether a person exists).
 */
export function identityMatches(profile: Profile, typed: HashedIdentity, record: EnrollmentRow | undefined): boolean {
  let matches = record !== undefined;
  for (const field of profile.identity.fields) {
    const typedHash = typed.fieldHashes[field.key] ?? '';
    const recorded = record?.fieldHashes[field.key] ?? typedHash.replace(/./g, '-');
    matches = sameHash(typedHash, recorded) && matches;
  }
  return matches;
}
