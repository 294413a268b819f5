import { parseSetCookie } from '../../core/portal/set-cookie-rewrite';

/**
 * The portal's cookies in the loopback shell (LOCKDOWN.md #14, #15): kept in the back end's
 * memory, never handed to the browser, so no cookie of the ENT or its CAS can be persistent
 * there, whatever "remember me" asked for. Every cookie is a session cookie by construction
 * (expiry attributes only decide deletions), and `clear()` forgets them all at session end.
 * RFC 6265 §5.1.3 domain matching and §5.1.4 path matching, enough for a CAS and its ENT.
 */
interface StoredCookie {
  name: string;
  value: string;
  domain: string;
  hostOnly: boolean;
  path: string;
}

export class PortalJar {
  #cookies = new Map<string, StoredCookie>();

  get size(): number {
    return this.#cookies.size;
  }

  /** The `Set-Cookie` headers of a response from `url`, one header per cookie. */
  store(url: URL, headers: readonly string[], now: number = Date.now()): void {
    const host = url.hostname.toLowerCase();
    for (const header of headers) {
      const parsed = parseSetCookie(header, now);
      if (parsed === null) continue;
      // A Domain the request host is not under is refused, as a browser would (§5.3 step 6).
      if (parsed.domain !== null && !domainMatches(host, parsed.domain)) continue;
      const cookie: StoredCookie = {
        name: parsed.name,
        value: parsed.value,
        domain: parsed.domain ?? host,
        hostOnly: parsed.domain === null,
        path: parsed.path ?? defaultPath(url.pathname),
      };
      const key = `${cookie.domain}\n${cookie.path}\n${cookie.name}`;
      if (parsed.deletion) this.#cookies.delete(key);
      else this.#cookies.set(key, cookie);
    }
  }

  /** The `Cookie` header for a request to `url`, longest paths first; '' when none applies. */
  header(url: URL): string {
    const host = url.hostname.toLowerCase();
    return [...this.#cookies.values()]
      .filter((cookie) => (cookie.hostOnly ? cookie.domain === host : domainMatches(host, cookie.domain)) && pathMatches(url.pathname, cookie.path))
      .sort((a, b) => b.path.length - a.path.length)
      .map((cookie) => `${cookie.name}=${cookie.value}`)
      .join('; ');
  }

  clear(): void {
    this.#cookies.clear();
  }
}

function domainMatches(host: string, domain: string): boolean {
  return host === domain || (host.endsWith(`.${domain}`) && !/^[\d.]+$/.test(host));
}

function pathMatches(requestPath: string, cookiePath: string): boolean {
  if (requestPath === cookiePath) return true;
  if (!requestPath.startsWith(cookiePath)) return false;
  return cookiePath.endsWith('/') || requestPath.charAt(cookiePath.length) === '/';
}

function defaultPath(requestPath: string): string {
  const lastSlash = requestPath.lastIndexOf('/');
  return lastSlash <= 0 ? '/' : requestPath.slice(0, lastSlash);
}
