import { randomInt } from 'node:crypto';
import { UNAMBIGUOUS_ALPHABET, isWellFormedGeneratedPassword } from '../../shared/policies/generated-password';

export type RandomIndex = (maxExclusive: number) => number;

/**
 * A password from the look-alike-free alphabet (cergy seed, "Cas n°1"), drawn with the CSPRNG.
 * Draws that miss a character class are thrown away whole (rejection sampling) rather than
 * patched, so every well-formed password stays equally likely.
 */
export function generatePassword(length: number, random: RandomIndex = randomInt): string {
  for (;;) {
    let candidate = '';
    for (let index = 0; index < length; index += 1) candidate += UNAMBIGUOUS_ALPHABET[random(UNAMBIGUOUS_ALPHABET.length)];
    if (isWellFormedGeneratedPassword(candidate, length)) return candidate;
  }
}
