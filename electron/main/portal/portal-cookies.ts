import type { Session } from 'electron';
import { rewriteSetCookies } from '../../core/portal/set-cookie-rewrite';

/**
 * "Remember me" cannot survive the portal view's partition (LOCKDOWN.md #15), in two places:
 * every `Set-Cookie` is rewritten into a session cookie before Chromium stores it, and a cookie
 * that still arrives with an expiry can only have been set from script, so it is removed.
 */
export function forceSessionCookies(session: Session): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    const headers = details.responseHeaders;
    if (!headers) return callback({});
    for (const name of Object.keys(headers)) {
      const values = headers[name];
      if (name.toLowerCase() === 'set-cookie' && values) headers[name] = rewriteSetCookies(values);
    }
    callback({ responseHeaders: headers });
  });
  session.cookies.on('changed', (_event, cookie, _cause, removed) => {
    if (removed || cookie.session || !cookie.domain) return;
    const host = cookie.domain.replace(/^\./, '');
    const url = `${cookie.secure ? 'https' : 'http'}://${host}${cookie.path ?? '/'}`;
    void session.cookies.remove(url, cookie.name);
  });
}
