import { randomBytes, randomInt } from 'node:crypto';
import { CODE_ALPHABET, EMAIL_CODE_LENGTH } from '../../shared/policies/secret-codes';
import { sha256Hex } from '../crypto/token-hash';

export type RandomIndex = (maxExclusive: number) => number;

/**
 * The short code typed at the kiosk: 6 characters from the look-alike-free alphabet (cergy seed,
 * "Cas n°1"), drawn with the CSPRNG. 31^6 ≈ 8.9e8: low entropy, hence a slow hash at rest and
 * five tries per code.
 */
export function newEmailCode(random: RandomIndex = randomInt): string {
  let code = '';
  for (let index = 0; index < EMAIL_CODE_LENGTH; index += 1) code += CODE_ALPHABET[random(CODE_ALPHABET.length)];
  return code;
}

/** The link's token: 32 random bytes, base64url (43 characters). High entropy, so sha256 is enough at rest. */
export function newLinkToken(): string {
  return randomBytes(32).toString('base64url');
}

export const LINK_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function linkHashOf(token: string): string {
  return sha256Hex(token);
}
