import { describe, expect, it } from 'vitest';
import { CODE_ALPHABET, EMAIL_CODE_LENGTH, isWellFormedCode } from '../../../../shared/policies/secret-codes';
import { LINK_TOKEN_PATTERN, linkHashOf, newEmailCode, newLinkToken } from '../../../../server/mail/email-proof-secrets';

describe('email proof secrets', () => {
  it('draws codes of EMAIL_CODE_LENGTH from the look-alike-free alphabet, each index from the random source', () => {
    const draws: number[] = [];
    const code = newEmailCode((max) => {
      draws.push(max);
      return (draws.length * 7) % max;
    });
    expect(draws).toEqual(Array(EMAIL_CODE_LENGTH).fill(CODE_ALPHABET.length));
    expect(code).toBe([7, 14, 21, 28, 4, 11].map((index) => CODE_ALPHABET[index]).join(''));
    expect(isWellFormedCode(code, EMAIL_CODE_LENGTH)).toBe(true);
  });

  it('makes codes that vary and never hold 0, O, 1, I or L', () => {
    const codes = new Set(Array.from({ length: 200 }, () => newEmailCode()));
    expect(codes.size).toBeGreaterThan(190);
    for (const code of codes) expect(code).toMatch(/^[A-HJKMNP-Z2-9]{6}$/);
  });

  it('makes 43-character link tokens, kept only as sha256', () => {
    const token = newLinkToken();
    expect(token).toMatch(LINK_TOKEN_PATTERN);
    expect(newLinkToken()).not.toBe(token);
    expect(linkHashOf(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(linkHashOf(token)).not.toContain(token);
  });
});
