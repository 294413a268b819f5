import { canonicalUrl } from '../canonical-url';

/**
 * Where the portal view may be (LOCKDOWN.md #3 for the ENT): exactly the profile's origins. Pure,
 * unit-tested with hostile URLs. Origins are compared as `URL.origin` writes them, so an IDN
 * look-alike (punycode), an upper-cased scheme, a userinfo trick or another port never matches.
 */
export function isPortalUrl(raw: unknown, origins: readonly string[]): boolean {
  const url = canonicalUrl(raw, 4096);
  if (url === null) return false;
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return false;
  if (url.username !== '' || url.password !== '') return false;
  return origins.includes(url.origin);
}
