/**
 * Where the portal view may be (LOCKDOWN.md #3 for the ENT): exactly the profile's origins. Pure,
 * unit-tested with hostile URLs. Origins are compared as `URL.origin` writes them, so an IDN
 * look-alike (punycode), an upper-cased scheme, a userinfo trick or another port never matches.
 */
export function isPortalUrl(raw: unknown, origins: readonly string[]): boolean {
  // Chromium hands over canonical URLs: printable ASCII only. Anything else is someone's string.
  if (typeof raw !== 'string' || raw.length > 4096 || !/^[\x21-\x7e]+$/.test(raw)) return false;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return false;
  if (url.username !== '' || url.password !== '') return false;
  return origins.includes(url.origin);
}

/** The origin of `raw` when the portal may show it, else null. */
export function portalOriginOf(raw: unknown, origins: readonly string[]): string | null {
  return isPortalUrl(raw, origins) ? new URL(raw as string).origin : null;
}
