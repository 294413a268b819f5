import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import type { PasswordPolicy } from '../../../shared/schemas/password-policy-schema';
import { ProfileSchema } from '../../../shared/schemas/profile-schema';

/**
 * Generators for the password properties, and the profiles' policies read from the real files
 * in resources/profiles/ (the tests check those files, not copies of them).
 */
export function policyOf(profileId: string): PasswordPolicy {
  const profile = ProfileSchema.parse(JSON.parse(readFileSync(`resources/profiles/${profileId}.json`, 'utf8')));
  if (profile.password.mode !== 'chosen') throw new Error(`${profileId} does not have a chosen password`);
  return profile.password.policy;
}

/** The character pools, kept apart so each test's oracle can say which class a character is in. */
export const LETTERS = 'abcqxzABCQXZéÉàçñßœ';
export const DIGITS = '0123456789';
export const SPECIALS = '!#%&*+-=?@_ ,.;:/';
/** The umontpellier seed's "(sauf <, >, ", ', $)". */
export const FORBIDDEN = '<>"\'$';

const anyChar = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...LETTERS) },
  { weight: 3, arbitrary: fc.constantFrom(...DIGITS) },
  { weight: 2, arbitrary: fc.constantFrom(...SPECIALS) },
  { weight: 1, arbitrary: fc.constantFrom(...FORBIDDEN) },
);

/** Mostly short candidates around the 8 and 14 limits, some around the 64 cap. */
export const candidateArb = fc.oneof(
  { weight: 6, arbitrary: fc.array(anyChar, { maxLength: 16 }) },
  { weight: 1, arbitrary: fc.array(anyChar, { minLength: 60, maxLength: 70 }) },
).map((chars) => chars.join(''));

/** Real words from the French and English lists, dressed the way people dress them. */
export const DICTIONARY_WORDS = ['soleil', 'bonjour', 'chocolat', 'vacances', 'football', 'sunshine', 'password', 'dragon', 'princesse', 'ordinateur', 'motdepasse', 'montpellier'];

export const dictionaryWordArb = fc
  .tuple(fc.constantFrom(...DICTIONARY_WORDS), fc.boolean(), fc.stringMatching(/^[0-9!?.]{0,4}$/))
  .map(([word, capital, suffix]) => `${capital ? word[0]?.toUpperCase() + word.slice(1) : word}${suffix}`);

export function count(candidate: string): number {
  return [...candidate].length;
}

/** "Une lettre", as a French reader means it: Latin letters, accented or not. */
export function hasLetter(candidate: string): boolean {
  return /[A-Za-zÀ-ÖØ-öø-ÿœŒ]/.test(candidate);
}

export function hasDigit(candidate: string): boolean {
  return /[0-9]/.test(candidate);
}

export function hasAny(candidate: string, pool: string): boolean {
  return [...candidate].some((char) => pool.includes(char));
}

/** Failures compared as sets: the checklist's order is the engine's business. */
export function sorted(ids: readonly string[]): string[] {
  return [...ids].sort();
}
