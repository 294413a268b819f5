import { createHmac, randomBytes } from 'node:crypto';

/**
 * RFC 6238 TOTP (HMAC-SHA1, 30-second steps, 6 digits): the second factor of staff accounts
 * (issue 6). Secrets are base32 (RFC 4648, no padding), as authenticator apps expect them in
 * an `otpauth://` URI.
 */
const STEP_S = 30;
const DIGITS = 6;
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export function base32Encode(bytes: Buffer): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
  return out;
}

/** The bytes of a base32 secret (spaces and padding ignored, any case), or null when malformed. */
export function base32Decode(text: string): Buffer | null {
  const clean = text.replace(/[\s=]/g, '').toUpperCase();
  const out: number[] = [];
  let bits = 0;
  let value = 0;
  for (const char of clean) {
    const index = BASE32.indexOf(char);
    if (index < 0) return null;
    value = ((value << 5) | index) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/** 160 random bits, the size RFC 4226 recommends for HMAC-SHA1. */
export function generateTotpSecret(): string {
  return base32Encode(randomBytes(20));
}

export function totpUri(secret: string, username: string, issuer = 'Sésame'): string {
  const label = encodeURIComponent(`${issuer}:${username}`);
  const query = new URLSearchParams({ secret, issuer, algorithm: 'SHA1', digits: String(DIGITS), period: String(STEP_S) });
  return `otpauth://totp/${label}?${query.toString()}`;
}

export function totpStep(now: Date): number {
  return Math.floor(now.getTime() / 1000 / STEP_S);
}

/** RFC 4226 HOTP of one step, with the key as raw bytes (the RFC's test vectors use ASCII keys). */
export function hotp(key: Buffer, step: number, digits = DIGITS): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const mac = createHmac('sha1', key).update(counter).digest();
  const offset = (mac[mac.length - 1] ?? 0) & 0x0f;
  const binary = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** digits).padStart(digits, '0');
}

/** The code an authenticator shows at `now` for a base32 secret. */
export function totpCode(secret: string, now: Date): string {
  const key = base32Decode(secret);
  if (!key) throw new Error('malformed TOTP secret');
  return hotp(key, totpStep(now));
}

/**
 * The step the code belongs to, or null. One step of drift either way is accepted (a desk
 * clock a few seconds off); a step at or before `lastStep` is refused, so a code seen over a
 * shoulder cannot be replayed within its window.
 */
export function verifyTotp(secret: string, code: string, now: Date, lastStep: number | null): number | null {
  const key = base32Decode(secret);
  if (!key || !/^\d{6}$/.test(code)) return null;
  const current = totpStep(now);
  let matched: number | null = null;
  // Every candidate is computed, match or not, so the answer time does not tell which step matched.
  for (const step of [current - 1, current, current + 1]) {
    if (hotp(key, step) === code && (lastStep === null || step > lastStep) && matched === null) matched = step;
  }
  return matched;
}
