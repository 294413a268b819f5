/**
 * Response headers of every page and asset, for both shells: the loopback server sets them on
 * each response, the Electron `app://` protocol handler on each file it serves. The CSP allows no
 * inline script, no remote origin, no framing, no form posting elsewhere (LOCKDOWN.md #2).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * The portal view of the loopback shell (LOCKDOWN.md #15): the page may frame the portal proxy's
 * loopback origins and nothing else; without this, `default-src 'self'` forbids every frame.
 */
export function withFrameSources(policy: string, sources: readonly string[]): string {
  return sources.length === 0 ? policy : `${policy}; frame-src ${sources.join(' ')}`;
}

/** A kiosk page needs none of these; denying them means no prompt can ever appear (LOCKDOWN.md #6). */
const PERMISSIONS_POLICY = [
  'camera',
  'microphone',
  'geolocation',
  'payment',
  'usb',
  'serial',
  'hid',
  'bluetooth',
  'midi',
  'display-capture',
  'clipboard-read',
  'fullscreen',
]
  .map((feature) => `${feature}=()`)
  .join(', ');

export const SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
  'Permissions-Policy': PERMISSIONS_POLICY,
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
});

