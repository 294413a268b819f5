import { randomInt } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { generatePassword } from '../../../../server/crypto/password-generator';
import { hashPassword, verifyPassword } from '../../../../server/crypto/password-hash';
import { UNAMBIGUOUS_ALPHABET, isWellFormedGeneratedPassword } from '../../../../shared/policies/generated-password';

describe('generatePassword', () => {
  it('produces well-formed passwords of the asked length, each class present', () => {
    for (const length of [8, 12, 32]) {
      for (let index = 0; index < 200; index += 1) expect(isWellFormedGeneratedPassword(generatePassword(length), length)).toBe(true);
    }
  });

  it('covers the whole alphabet over 2,000 draws and never yields a look-alike', () => {
    const seen = new Set<string>();
    for (let index = 0; index < 2000; index += 1) for (const char of generatePassword(8)) seen.add(char);
    expect([...seen].sort().join('')).toBe([...UNAMBIGUOUS_ALPHABET].sort().join(''));
    for (const lookAlike of 'O0oIl1iL') expect(seen.has(lookAlike)).toBe(false);
  });

  it('draws from node:crypto randomInt by default and from the given source otherwise', () => {
    const source = vi.fn((max: number) => randomInt(max));
    const password = generatePassword(8, source);
    expect(source.mock.calls.length).toBeGreaterThanOrEqual(8);
    expect(source.mock.calls.every(([max]) => max === UNAMBIGUOUS_ALPHABET.length)).toBe(true);
    expect(isWellFormedGeneratedPassword(password, 8)).toBe(true);
  });

  it('rejects a whole draw that misses a class rather than patching it', () => {
    // First draw: 8 upper-case letters (index 0 = 'A'); then a draw cycling through every class.
    const draws = [...Array(8).fill(0), 0, 23, 46, 1, 24, 47, 2, 25];
    const source = () => draws.shift() ?? 0;
    expect(generatePassword(8, source)).toBe('Aa2Bb3Cc');
  });
});

describe('password hashing', () => {
  it('stores scrypt with parameters and verifies only the right password', async () => {
    const stored = await hashPassword('Aa2Bb3Cc');
    expect(stored).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(stored).not.toContain('Aa2Bb3Cc');
    expect(await verifyPassword('Aa2Bb3Cc', stored)).toBe(true);
    expect(await verifyPassword('Aa2Bb3Cd', stored)).toBe(false);
    expect(await hashPassword('Aa2Bb3Cc')).not.toBe(stored);
  });
});
