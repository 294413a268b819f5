import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CODE_ALPHABET, EMAIL_CODE_LENGTH, groupCode, isWellFormedCode, maskEmail, normalizeCode } from '../../../shared/policies/secret-codes';

/** Codes typed from paper or a phone: no look-alikes (cergy seed, "Cas n°1"), groups, masking. */
const codeArb = (minLength: number, maxLength: number) => fc.array(fc.constantFrom(...CODE_ALPHABET), { minLength, maxLength }).map((chars) => chars.join(''));

describe('CODE_ALPHABET', () => {
  it('holds none of 0 O 1 I L, only uppercase letters and digits, each once', () => {
    for (const char of '0O1IL') expect(CODE_ALPHABET).not.toContain(char);
    expect(CODE_ALPHABET).toMatch(/^[A-Z2-9]+$/);
    expect(new Set(CODE_ALPHABET).size).toBe(CODE_ALPHABET.length);
  });

  it('keeps every other letter and digit, so codes stay short', () => {
    expect(CODE_ALPHABET.length).toBe(26 + 10 - 5);
  });
});

describe('groupCode and normalizeCode', () => {
  it('round-trip any code, however the person types the groups back', () => {
    fc.assert(
      fc.property(codeArb(1, 16), fc.constantFrom(' ', '-', ' - ', '  '), fc.boolean(), (code, separator, lower) => {
        const grouped = groupCode(code);
        expect(normalizeCode(grouped)).toBe(code);
        const typed = grouped.split('-').join(separator);
        expect(normalizeCode(lower ? typed.toLowerCase() : typed)).toBe(code);
      }),
    );
  });

  it('cuts into groups of 4 when the length allows, else 3, none empty', () => {
    fc.assert(
      fc.property(codeArb(1, 16), (code) => {
        const groups = groupCode(code).split('-');
        const size = code.length % 4 === 0 ? 4 : 3;
        expect(groups.slice(0, -1).every((group) => group.length === size)).toBe(true);
        expect(groups.every((group) => group.length >= 1 && group.length <= size)).toBe(true);
      }),
    );
    expect(groupCode('ABCDEFGH')).toBe('ABCD-EFGH');
    expect(groupCode('K7P4QX')).toBe('K7P-4QX');
  });

  it('tells a well-formed emailed code from one with a look-alike or the wrong length', () => {
    fc.assert(
      fc.property(codeArb(EMAIL_CODE_LENGTH, EMAIL_CODE_LENGTH), fc.constantFrom(...'0O1IL'), fc.nat(EMAIL_CODE_LENGTH - 1), (code, lookAlike, at) => {
        expect(isWellFormedCode(groupCode(code).toLowerCase(), EMAIL_CODE_LENGTH)).toBe(true);
        expect(isWellFormedCode(code.slice(0, at) + lookAlike + code.slice(at + 1), EMAIL_CODE_LENGTH)).toBe(false);
        expect(isWellFormedCode(code.slice(1), EMAIL_CODE_LENGTH)).toBe(false);
      }),
    );
  });
});

describe('maskEmail (idf seed, Cas 2: the address on file, shown masked)', () => {
  it('shows the first character and the domain, nothing else of the local part', () => {
    const localArb = fc.stringMatching(/^[a-z0-9._+-]{1,30}$/);
    const domainArb = fc.stringMatching(/^[a-z0-9-]{1,20}\.[a-z]{2,6}$/);
    fc.assert(
      fc.property(localArb, domainArb, (local, domain) => {
        expect(maskEmail(`${local}@${domain}`)).toBe(`${local[0]}***@${domain}`);
      }),
    );
    expect(maskEmail('jeanne.dupont@exemple.fr')).toBe('j***@exemple.fr');
  });

  it('hides a value that is not an address at all', () => {
    expect(maskEmail('jeanne.dupont')).toBe('***');
    expect(maskEmail('@exemple.fr')).toBe('***');
  });
});
