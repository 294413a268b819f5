import { describe, expect, it } from 'vitest';
import { base32Decode, base32Encode, generateTotpSecret, hotp, totpCode, totpStep, totpUri, verifyTotp } from '../../../../server/crypto/totp';

// RFC 6238 appendix B, SHA1 column: key "12345678901234567890" (ASCII), 8 digits.
const RFC_KEY = Buffer.from('12345678901234567890', 'ascii');
const RFC_VECTORS: [number, string][] = [
  [59, '94287082'],
  [1111111109, '07081804'],
  [1111111111, '14050471'],
  [1234567890, '89005924'],
  [2000000000, '69279037'],
  [20000000000, '65353130'],
];

describe('TOTP (RFC 6238)', () => {
  it.each(RFC_VECTORS)('matches the RFC SHA1 vector at T=%i', (seconds, expected) => {
    const step = totpStep(new Date(seconds * 1000));
    expect(hotp(RFC_KEY, step, 8)).toBe(expected);
    // The 6-digit code is the same truncation modulo 10^6: what staff type.
    expect(totpCode(base32Encode(RFC_KEY), new Date(seconds * 1000))).toBe(expected.slice(2));
  });

  it('round-trips base32 and refuses characters outside the alphabet', () => {
    expect(base32Encode(RFC_KEY)).toBe('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
    expect(base32Decode('gezd gnbv gy3t qojq gezd gnbv gy3t qojq')?.equals(RFC_KEY)).toBe(true);
    expect(base32Decode('GEZ1')).toBeNull();
    expect(generateTotpSecret()).toMatch(/^[A-Z2-7]{32}$/);
  });

  it('accepts one step of drift either way, not two', () => {
    const secret = generateTotpSecret();
    const now = new Date('2026-09-15T08:00:15.000Z');
    const step = totpStep(now);
    expect(verifyTotp(secret, totpCode(secret, now), now, null)).toBe(step);
    expect(verifyTotp(secret, totpCode(secret, new Date(now.getTime() - 30_000)), now, null)).toBe(step - 1);
    expect(verifyTotp(secret, totpCode(secret, new Date(now.getTime() + 30_000)), now, null)).toBe(step + 1);
    expect(verifyTotp(secret, totpCode(secret, new Date(now.getTime() - 60_000)), now, null)).toBeNull();
    expect(verifyTotp(secret, totpCode(secret, new Date(now.getTime() + 60_000)), now, null)).toBeNull();
  });

  it('refuses a code whose step is at or before the last one used (replay)', () => {
    const secret = generateTotpSecret();
    const now = new Date('2026-09-15T08:00:15.000Z');
    const step = totpStep(now);
    const code = totpCode(secret, now);
    expect(verifyTotp(secret, code, now, step)).toBeNull();
    expect(verifyTotp(secret, code, now, step + 1)).toBeNull();
    expect(verifyTotp(secret, code, now, step - 1)).toBe(step);
  });

  it('refuses malformed codes and secrets', () => {
    const now = new Date();
    expect(verifyTotp(generateTotpSecret(), '12345', now, null)).toBeNull();
    expect(verifyTotp('not base32!', '123456', now, null)).toBeNull();
  });

  it('builds an otpauth URI an authenticator app reads', () => {
    const uri = totpUri('GEZDGNBV', 'camille.r');
    expect(uri).toBe('otpauth://totp/S%C3%A9same%3Acamille.r?secret=GEZDGNBV&issuer=S%C3%A9same&algorithm=SHA1&digits=6&period=30');
  });
});
