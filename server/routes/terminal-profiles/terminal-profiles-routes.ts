import { createHash } from 'node:crypto';
import { configRoutes } from '../../../shared/contract/config-api';
import type { App } from '../../plugins/app-types';
import type { ServiceContext } from '../../services/service-context';
import { canonicalJson } from './canonical-json';

/**
 * GET /v1/terminal/profiles (issue 5, configuration sync): every profile the server loaded, each
 * already validated with `ProfileSchema` at start-up. The body is built once: profiles change
 * only with a restart, and the ETag must name exactly the bytes sent.
 */
export function registerTerminalProfilesRoutes(app: App, ctx: ServiceContext): void {
  const body = canonicalJson({ profiles: [...ctx.profiles.values()].sort((a, b) => (a.id < b.id ? -1 : 1)) });
  const etag = `"sha256-${createHash('sha256').update(body).digest('base64url')}"`;

  app.route({
    method: configRoutes.terminalProfiles.method,
    url: configRoutes.terminalProfiles.path,
    handler: async (request, reply) => {
      reply.header('etag', etag).header('cache-control', 'no-cache');
      if (matches(request.headers['if-none-match'], etag)) return reply.code(304).send();
      return reply.type('application/json; charset=utf-8').send(body);
    },
  });
}

/** `If-None-Match` may list several tags or `*` (RFC 9110 §13.1.2); weak comparison is allowed there. */
function matches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((tag) => {
    const trimmed = tag.trim();
    return trimmed === '*' || trimmed.replace(/^W\//, '') === etag;
  });
}
