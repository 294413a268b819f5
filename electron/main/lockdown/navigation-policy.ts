import { canonicalUrl } from '../../core/canonical-url';

/**
 * Where the kiosk window may be (pure, no electron import: unit-tested with hostile URLs). The
 * only allowed place is our own custom protocol, `app://sesame/…` (CONVENTIONS.md §4); every
 * other scheme, host, port or userinfo is refused (LOCKDOWN.md #3, #7).
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'sesame';
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

export function isAppUrl(raw: unknown): boolean {
  const url = canonicalUrl(raw, 2048);
  if (url === null) return false;
  // WHATWG URL keeps a non-special scheme's host as typed (opaque), so a look-alike, an
  // upper-cased or a percent-encoded host never equals 'sesame' and is refused.
  return (
    url.protocol === `${APP_SCHEME}:` &&
    url.hostname === APP_HOST &&
    url.host === APP_HOST &&
    url.username === '' &&
    url.password === ''
  );
}
