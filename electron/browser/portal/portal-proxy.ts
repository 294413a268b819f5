import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { logCoreEvent, errorKind } from '../../core/core-log';
import type { PortalDisplay, PortalHost } from '../../core/portal/portal-host';
import { portalGuardSource } from '../../core/portal/portal-guard-source';
import { isPortalUrl } from '../../core/portal/portal-policy';
import type { Portal } from '../../../shared/schemas/portal-schema';
import { MAX_PORTAL_ORIGINS } from '../../../shared/schemas/portal-schema';
import { SESSION_COOKIE } from '../launch-gate';
import { isOwnHost, loopbackOrigin } from '../request-policy';
import { PortalJar } from './portal-jar';
import {
  GUARD_PATH, injectGuard, isRewritable, isRewritableRequest, localiseLocation, upstreamiseText, localiseText, localResponseHeaders, upstreamRequestHeaders, type OriginPair,
} from './portal-rewrite';

/**
 * The ENT portal view of the loopback shell (LOCKDOWN.md #14, #15). Chromium there resolves no
 * host name (chromium-launcher.ts), so the portal is reached through the back end: one loopback
 * port per origin of the profile, framed by the kiosk page. The browser never holds a cookie of
 * the portal (they stay in this process's jar, session-only by construction), every page runs the
 * guard first (remember-me removed, `publicWorkstation=true`, script cookies without expiry), a
 * redirect off the profile's origins goes nowhere (204), and `close()` calls the identity
 * provider's logout with the session's cookies before forgetting them.
 */
const REQUEST_TIMEOUT_MS = 15_000;
const LOGOUT_TIMEOUT_MS = 3_000;
const LOGOUT_HOPS = 4;

export interface PortalProxy extends PortalHost {
  /** The loopback origins the kiosk page may frame (its CSP `frame-src`). */
  readonly localOrigins: readonly string[];
  /** Set once the kiosk page's own origin is known: the only one allowed to frame the portal. */
  setKioskOrigin(origin: string): void;
  /**
   * Who may use the proxy: the browser holding the launch gate's cookie (it reaches these ports
   * too, cookies ignore ports). Any other local program would otherwise browse the ENT as the
   * person, with their session. Until set, nobody.
   */
  setAdmission(admits: (cookieHeader: string | undefined) => boolean): void;
  stop(): Promise<void>;
}

export async function startPortalProxy(options: { fetch?: typeof fetch } = {}): Promise<PortalProxy> {
  const fetcher = options.fetch ?? globalThis.fetch;
  const jar = new PortalJar();
  const servers: Server[] = [];
  const ports: number[] = [];
  let pairs: OriginPair[] = [];
  let portal: Portal | null = null;
  let kioskOrigin = 'null';
  let admits: (cookieHeader: string | undefined) => boolean = () => false;
  let guard = '';

  async function handle(index: number, request: IncomingMessage, response: ServerResponse): Promise<void> {
    const port = ports[index] ?? 0;
    if (!isOwnHost(request.headers.host, port)) return status(response, 421);
    if (!admits(request.headers.cookie)) return status(response, 403);
    const pair = pairs[index];
    if (!pair || portal === null) return status(response, 404);
    const path = request.url ?? '/';
    if (path === GUARD_PATH) return reply(response, 200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' }, guard);
    const target = new URL(upstreamiseText(path, pairs), pair.upstream);
    if (!isPortalUrl(target.href, portal.origins)) return status(response, 404);
    const raw = request.method === 'GET' || request.method === 'HEAD' ? undefined : await readBody(request);
    const body = raw !== undefined && isRewritableRequest(request.headers['content-type']) ? upstreamiseText(raw.toString('utf8'), pairs) : raw;
    const browserCookies = withoutKioskCookie(request.headers.cookie);
    const cookie = [jar.header(target), browserCookies].filter((part) => part !== '').join('; ');
    let upstream: Response;
    try {
      upstream = await fetcher(target, {
        method: request.method,
        headers: upstreamRequestHeaders(request.headers, pairs, cookie),
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
    } catch (error) {
      logCoreEvent('portal.unreachable', { cause: errorKind(error) });
      return status(response, 502);
    }
    jar.store(target, upstream.headers.getSetCookie());
    const headers = localResponseHeaders(upstream.headers, kioskOrigin);
    const location = upstream.headers.get('location');
    if (location !== null) {
      const local = localiseLocation(location, target, pairs);
      // Off the profile's origins: the navigation is refused and the page stays as it was.
      if (local === null) {
        await upstream.body?.cancel();
        logCoreEvent('portal.redirect-refused', { status: upstream.status });
        return status(response, 204);
      }
      headers['location'] = local;
    }
    const type = upstream.headers.get('content-type');
    if (isRewritable(type)) {
      const text = localiseText(await upstream.text(), pairs);
      return reply(response, upstream.status, headers, /html/i.test(type ?? '') ? injectGuard(text) : text);
    }
    return reply(response, upstream.status, headers, Buffer.from(await upstream.arrayBuffer()));
  }

  for (let index = 0; index < MAX_PORTAL_ORIGINS; index += 1) {
    const server = createServer((request, response) => {
      handle(index, request, response).catch(() => {
        if (!response.headersSent) status(response, 500);
        else response.destroy();
      });
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    servers.push(server);
    ports.push((server.address() as AddressInfo).port);
  }
  const localOrigins = ports.map((port) => loopbackOrigin(port));

  async function logout(): Promise<'done' | 'failed' | 'none'> {
    if (portal === null) return 'none';
    let url = new URL(portal.logoutUrl);
    try {
      for (let hop = 0; hop < LOGOUT_HOPS; hop += 1) {
        const answer = await fetcher(url, { headers: { cookie: jar.header(url) }, redirect: 'manual', signal: AbortSignal.timeout(LOGOUT_TIMEOUT_MS) });
        jar.store(url, answer.headers.getSetCookie());
        await answer.body?.cancel();
        const location = answer.headers.get('location');
        if (location === null) return answer.ok ? 'done' : 'failed';
        const next = new URL(location, url);
        if (!isPortalUrl(next.href, portal.origins)) return 'done';
        url = next;
      }
      return 'done';
    } catch (error) {
      logCoreEvent('portal.logout-failed', { cause: errorKind(error) });
      return 'failed';
    }
  }

  return {
    localOrigins,
    setKioskOrigin(origin: string): void {
      kioskOrigin = origin;
    },
    setAdmission(next): void {
      admits = next;
    },
    open(next: Portal): PortalDisplay {
      jar.clear();
      portal = next;
      pairs = next.origins.map((upstream, index) => ({ upstream, local: localOrigins[index] ?? 'null' }));
      guard = portalGuardSource({ rememberMeSelector: next.rememberMeSelector, publicWorkstation: next.publicWorkstation, kioskOrigin });
      const entry = new URL(next.entryUrl);
      const local = localiseLocation(entry.href, entry, pairs);
      if (local === null) throw new Error('portal entry outside its origins');
      return { display: 'frame', url: local, origins: localOrigins.slice(0, pairs.length) };
    },
    async close(): Promise<void> {
      const outcome = await logout();
      if (outcome !== 'none') logCoreEvent('portal.closed', { logout: outcome });
      jar.clear();
      portal = null;
      pairs = [];
    },
    async stop(): Promise<void> {
      jar.clear();
      await Promise.all(servers.map((server) => new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      })));
    },
  };
}

function withoutKioskCookie(header: string | undefined): string {
  if (header === undefined) return '';
  return header
    .split(';')
    .map((pair) => pair.trim())
    .filter((pair) => pair !== '' && !pair.startsWith(`${SESSION_COOKIE}=`))
    .join('; ');
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function status(response: ServerResponse, code: number): void {
  reply(response, code, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' }, code === 204 ? '' : `${code}\n`);
}

function reply(response: ServerResponse, code: number, headers: Record<string, string>, body: string | Buffer): void {
  const bodyless = code === 204 || code === 304;
  response.writeHead(code, bodyless ? headers : { ...headers, 'content-length': String(Buffer.byteLength(body)) });
  response.end(bodyless ? undefined : body);
}
