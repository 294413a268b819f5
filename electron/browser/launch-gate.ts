import { randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * The per-launch secret of the loopback shell. Any local program can connect to 127.0.0.1, so
 * the API answers only the browser that opened the printed URL: `/launch?code=` trades the
 * one-time code for an HttpOnly, SameSite=Strict cookie holding a secret that lives as long as
 * this process. A used or wrong code is refused, so a URL read over a shoulder is worth nothing.
 */
export const SESSION_COOKIE = 'sesame_kiosk';

export interface LaunchGate {
  /** The one-time code printed in the launch URL. */
  readonly code: string;
  /** The cookie value for the right, unused code; null otherwise (and the code is then spent). */
  redeem(code: unknown): string | null;
  /** Whether a `Cookie` header carries this launch's session secret. */
  admits(cookieHeader: string | undefined): boolean;
}

export function createLaunchGate(): LaunchGate {
  const code = randomBytes(24).toString('base64url');
  const secret = randomBytes(32).toString('base64url');
  let spent = false;
  return {
    code,
    redeem(candidate) {
      if (spent || typeof candidate !== 'string' || !sameSecret(candidate, code)) return null;
      spent = true;
      return secret;
    },
    admits(cookieHeader) {
      const value = readCookie(cookieHeader, SESSION_COOKIE);
      return value !== undefined && sameSecret(value, secret);
    },
  };
}

export function sessionCookieHeader(secret: string): string {
  // No Max-Age/Expires: a session cookie, gone with the browser (LOCKDOWN.md #15).
  return `${SESSION_COOKIE}=${secret}; HttpOnly; SameSite=Strict; Path=/`;
}

export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const index = part.indexOf('=');
    if (index > 0 && part.slice(0, index).trim() === name) return part.slice(index + 1).trim();
  }
  return undefined;
}

function sameSecret(candidate: string, expected: string): boolean {
  const a = Buffer.from(candidate);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
