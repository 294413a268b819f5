import { randomBytes, randomInt } from 'node:crypto';
import { UNAMBIGUOUS_DIGITS, UNAMBIGUOUS_UPPER } from '../../../shared/policies/generated-password';

/** 32 random bytes, base64url: 43 characters, within `IdempotencyKeySchema`. */
export function newIdempotencyKey(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * A receipt reference a person can read out at the desk, e.g. `SES-7K4Q-92XD`: capitals and
 * digits without look-alikes (cergy seed, "Cas n°1": O/0, i/l are mis-copied).
 */
export const REFERENCE_ALPHABET = UNAMBIGUOUS_UPPER + UNAMBIGUOUS_DIGITS;
export const REFERENCE_PATTERN = new RegExp(`^SES-[${REFERENCE_ALPHABET}]{4}-[${REFERENCE_ALPHABET}]{4}$`);

export function newReceiptReference(): string {
  const group = () => Array.from({ length: 4 }, () => REFERENCE_ALPHABET[randomInt(REFERENCE_ALPHABET.length)]).join('');
  return `SES-${group()}-${group()}`;
}
