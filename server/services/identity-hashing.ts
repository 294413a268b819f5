import { canonicalFieldValue } from '../../shared/policies/identity-rules';
import type { IdentityField, Profile } from '../../shared/schemas/profile-schema';
import { recordHash, sameHash } from '../crypto/record-hash';
import type { EnrollmentRow } from '../store/ports/enrollment-store';

export interface HashedIdentity {
  lookupKey: string;
  fieldHashes: Record<string, string>;
}

/**
 * Fields the record is matched by. A letter's code or provisional password is not one of them:
 * it is a secret with its own life (issued, used, expired, replaced), checked against a slow
 * hash in the credentials table (credential-service.ts), never a fast keyed hash.
 */
export function recordFields(profile: Profile): IdentityField[] {
  return profile.identity.fields.filter((field) => field.kind !== 'credential');
}

export function credentialFields(profile: Profile): Extract<IdentityField, { kind: 'credential' }>[] {
  return profile.identity.fields.filter((field) => field.kind === 'credential');
}

/** Keyed hashes of every canonical identity value (names normalised, so accents and case do not count). */
export function hashIdentity(profile: Profile, identity: Record<string, string>, recordKey: Buffer): HashedIdentity {
  const fieldHashes: Record<string, string> = {};
  for (const field of recordFields(profile)) {
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
  for (const field of recordFields(profile)) {
    const typedHash = typed.fieldHashes[field.key] ?? '';
    const recorded = record?.fieldHashes[field.key] ?? typedHash.replace(/./g, '-');
    matches = sameHash(typedHash, recorded) && matches;
  }
  return matches;
}
