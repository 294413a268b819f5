/**
 * Generated passwords avoid the characters people mis-copy: O/o/0 and I/i/l/L/1 (cergy seed,
 * "Cas n°1": "une confusion entre le O et le 0, le i et le l"). Generation itself happens on
 * the server with a CSPRNG; this module only says what a valid one looks like.
 */
export const UNAMBIGUOUS_UPPER = 'ABCDEFGHJKMNPQRSTUVWXYZ';
export const UNAMBIGUOUS_LOWER = 'abcdefghjkmnpqrstuvwxyz';
export const UNAMBIGUOUS_DIGITS = '23456789';
export const UNAMBIGUOUS_ALPHABET = UNAMBIGUOUS_UPPER + UNAMBIGUOUS_LOWER + UNAMBIGUOUS_DIGITS;

/** True when every character is from the alphabet and each class appears at least once. */
export function isWellFormedGeneratedPassword(value: string, length: number): boolean {
  if (value.length !== length) return false;
  if (![...value].every((char) => UNAMBIGUOUS_ALPHABET.includes(char))) return false;
  return [UNAMBIGUOUS_UPPER, UNAMBIGUOUS_LOWER, UNAMBIGUOUS_DIGITS].every((set) =>
    [...value].some((char) => set.includes(char)),
  );
}

/** 1-based positions where the typed copy differs, including missing or extra characters. */
export function differingPositions(expected: string, typed: string): number[] {
  const positions: number[] = [];
  const longest = Math.max(expected.length, typed.length);
  for (let index = 0; index < longest; index += 1) {
    if (expected[index] !== typed[index]) positions.push(index + 1);
  }
  return positions;
}

export type SpelledCharacter =
  | { kind: 'upper'; letter: string }
  | { kind: 'lower'; letter: string }
  | { kind: 'digit'; digit: number }
  | { kind: 'other'; char: string };

/** What a character is, so the renderer can say "A majuscule" or "sept" in the person's language. */
export function spellCharacter(char: string): SpelledCharacter {
  if (/^[0-9]$/.test(char)) return { kind: 'digit', digit: Number(char) };
  if (/^[A-Z]$/.test(char)) return { kind: 'upper', letter: char };
  if (/^[a-z]$/.test(char)) return { kind: 'lower', letter: char.toUpperCase() };
  return { kind: 'other', char };
}
