import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { KIOSK_METHODS } from '../../shared/contract/kiosk-api';
import { handleApiCall, openEventStream } from './api-routes';
import type { KioskBackend } from './api-routes';
import { kioskBridgeSource, KIOSK_HEADER } from './bridge/kiosk-bridge';
import { send, sendError, sendStatus } from './http-replies';
import { createLaunchGate, sessionCookieHeader } from './launch-gate';
import { isOwnHost, loopbackOrigin, refuseApiRequest } from './request-policy';
import { BRIDGE_PATH, serveRendererFile } from './static-routes';

/**
 * The kiosk over loopback HTTP, for the Chromium shell and for end-to-end tests: the built
 * renderer, the generated bridge, and the kiosk contract under `/api/`. Bound to 127.0.0.1
 * only; see launch-gate.ts and request-policy.ts for who may talk to it.
 */
export interface LoopbackServerOptions {
  backend: KioskBackend;
  /** The built renderer (`out/renderer`). */
  rendererDir: string;
  /** 0 (default): any free port. */
  port?: number;
  /** The portal proxy's loopback origins, the only ones the page may frame (LOCKDOWN.md #15). */
  frameSources?: readonly string[];
}

export interface LoopbackServer {
  /** `http://127.0.0.1:PORT/launch?code=…`: opens the kiosk once, in one browser. */
  launchUrl: string;
  origin: string;
  port: number;
  /** Whether a `Cookie` header comes from the browser that opened the launch URL (the portal proxy asks). */
  admits(cookieHeader: string | undefined): boolean;
  close(): Promise<void>;
}

export async function startLoopbackServer(options: LoopbackServerOptions): Promise<LoopbackServer> {
  const gate = createLaunchGate();
  const bridge = kioskBridgeSource(KIOSK_METHODS);
  const streams = new Set<ServerResponse>();
  let port = 0;

  function route(request: IncomingMessage, response: ServerResponse): Promise<void> | void {
    // Every route, static ones included: a rebinding name pointing at 127.0.0.1 gets nothing.
    if (!isOwnHost(request.headers.host, port)) return sendStatus(response, 421);
    const url = new URL(request.url ?? '/', loopbackOrigin(port));
    if (url.pathname === '/launch') return launch(url, response);
    if (url.pathname === BRIDGE_PATH) return send(response, 200, bridge, 'text/javascript; charset=utf-8');
    if (url.pathname.startsWith('/api/')) return api(url.pathname.slice('/api/'.length), request, response);
    return serveRendererFile(options.rendererDir, url.pathname, request, response, options.frameSources ?? []);
  }

  function launch(url: URL, response: ServerResponse): void {
    const secret = gate.redeem(url.searchParams.get('code'));
    if (secret === null) return sendStatus(response, 403);
    sendStatus(response, 303, { Location: '/', 'Set-Cookie': sessionCookieHeader(secret) });
  }

  function api(method: string, request: IncomingMessage, response: ServerResponse): Promise<void> | void {
    const events = method === 'events';
    const refusal = refuseApiRequest(
      {
        host: request.headers.host,
        origin: request.headers.origin,
        kioskHeader: request.headers[KIOSK_HEADER.toLowerCase()],
        hasSession: gate.admits(request.headers.cookie),
        fetchSite: request.headers['sec-fetch-site'],
      },
      port,
      { requireHeader: !events },
    );
    if (refusal !== null) return sendError(response, 403, 'UNAUTHORIZED');
    if (events) return openEventStream(options.backend, request, response, streams);
    return handleApiCall(options.backend, method, request, response);
  }

  const server = createServer((request, response) => {
    Promise.resolve(route(request, response)).catch(() => {
      if (!response.headersSent) sendError(response, 500, 'INTERNAL');
      else response.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const origin = loopbackOrigin(port);

  return {
    launchUrl: `${origin}/launch?code=${gate.code}`,
    origin,
    port,
    admits: (cookieHeader) => gate.admits(cookieHeader),
    close() {
      for (const stream of streams) stream.end();
      return new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
