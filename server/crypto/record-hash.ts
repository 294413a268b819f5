import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Identity values (student number, birth date, names) are secrets at rest: the database keeps
 * HMAC-SHA256 of each canonical value under the server's record key, bound to the profile and
 * field so equal values of different fields do not look alike. Without the key file a stolen
 * database yields nothing, not even by trying every 8-digit number.
 */
export function recordHash(recordKey: Buffer, profileId: string, fieldKey: string, canonicalValue: string): string {
  return createHmac('sha256', recordKey).update(`${profileId}\u0000${fieldKey}\u0000${canonicalValue}`).digest('base64url');
}

/** Constant-time comparison of two hashes of the same kind. */
export function sameHash(left: string, right: string): boolean {
  const a = Buffer.from(left);
  const b = Buffer.from(right);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Keyed hash of an email address as people retype it (trimmed, lowercase), for finding the
 * records of an address ("identifiant oublié", parents seed) without keeping any in clear. The
 * contact address and the one on file share it, so one typed address matches either.
 */
export function emailHash(recordKey: Buffer, profileId: string, address: string): string {
  return recordHash(recordKey, profileId, 'email', address.trim().toLowerCase());
}
