import { hashesEqual, sha256Hex, terminalIdOfToken } from '../crypto/token-hash';
import type { StoreOps } from '../store/store';
import type { App } from './app-types';
import { sendError } from './error-handler-plugin';

const BEARER = /^Bearer ([A-Za-z0-9._-]{8,256})$/;

/** The terminal a bearer token belongs to, or null for a missing, unknown, wrong or revoked token. */
export async function authenticate(store: StoreOps, authorization: string | undefined): Promise<string | null> {
  const token = BEARER.exec(authorization ?? '')?.[1];
  const terminalId = token ? terminalIdOfToken(token) : null;
  if (!token || !terminalId) return null;
  const terminal = await store.terminals.findTerminal(terminalId);
  // Hash even when the terminal is unknown, so a wrong id costs the same as a wrong secret.
  const presented = sha256Hex(token);
  const matches = hashesEqual(presented, terminal?.tokenHash ?? presented.replace(/./g, '0'));
  return terminal && matches && terminal.revokedAt === null ? terminal.id : null;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** A route opened from outside a terminal (the email link): no bearer token asked. */
    public?: boolean;
  }
}

/** Every `/v1` route but public ones needs `Authorization: Bearer <terminalId>.<secret>`; checked before the body is read. */
export function registerAuth(app: App, store: StoreOps): void {
  app.decorateRequest('terminalId', '');
  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/v1/') || request.routeOptions.config.public === true) return;
    const terminalId = await authenticate(store, request.headers.authorization);
    if (!terminalId) return sendError(reply, { code: 'UNAUTHORIZED' });
    request.terminalId = terminalId;
  });
}
