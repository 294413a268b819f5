import { describe, expect, it } from 'vitest';
import { differingPositions, isWellFormedGeneratedPassword, spellCharacter, UNAMBIGUOUS_ALPHABET } from '../../../shared/policies/generated-password';

describe('the unambiguous alphabet (cergy seed, Cas n°1)', () => {
  it('holds none of the characters people confuse', () => {
    for (const char of 'O0oIl1iL') expect(UNAMBIGUOUS_ALPHABET).not.toContain(char);
  });

  it('accepts only full-length passwords with every class', () => {
    expect(isWellFormedGeneratedPassword('Ab3dEf7h', 8)).toBe(true);
    expect(isWellFormedGeneratedPassword('Ab3dEf7', 8)).toBe(false);
    expect(isWellFormedGeneratedPassword('abcdefgh', 8)).toBe(false);
    expect(isWellFormedGeneratedPassword('Ab3dEf0h', 8)).toBe(false);
  });
});

describe('where a typed copy differs', () => {
  it('gives 1-based positions, counting missing and extra characters', () => {
    expect(differingPositions('Ab3dEf7h', 'Ab3dEf7h')).toEqual([]);
    expect(differingPositions('Ab3dEf7h', 'Ab8dEf7n')).toEqual([3, 8]);
    expect(differingPositions('Ab3dEf7h', 'Ab3dEf7')).toEqual([8]);
    expect(differingPositions('Ab3dEf7h', 'Ab3dEf7hh')).toEqual([9]);
  });
});

describe('spelling a character out', () => {
  it('tells case and digits apart', () => {
    expect(spellCharacter('A')).toEqual({ kind: 'upper', letter: 'A' });
    expect(spellCharacter('b')).toEqual({ kind: 'lower', letter: 'B' });
    expect(spellCharacter('7')).toEqual({ kind: 'digit', digit: 7 });
  });
});
