/**
 * A URL as Chromium hands it to the shells' allowlists (LOCKDOWN.md #3): canonical, so printable
 * ASCII only, and parsed with WHATWG `URL`. Anything else (spaces the parser would trim, control
 * characters, raw Unicode, an overlong string) is someone else's string: null, refused as is.
 */
export function canonicalUrl(raw: unknown, maxLength: number): URL | null {
  if (typeof raw !== 'string' || raw.length > maxLength || !/^[\x21-\x7e]+$/.test(raw)) return null;
  try {
    return new URL(raw);
  } catch {
    return null;
  }
}
