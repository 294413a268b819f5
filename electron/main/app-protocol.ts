import { readFile } from 'node:fs/promises';
import type { Session } from 'electron';
import { contentTypeFor, resolveRendererFile } from '../embedded/renderer-files';
import { SECURITY_HEADERS } from '../embedded/security-headers';
import { APP_SCHEME, isAppUrl } from './lockdown/navigation-policy';

/**
 * `app://sesame/` serves the built renderer with the same headers as the loopback shell: pages
 * load from a custom protocol, never `file://` (CONVENTIONS.md §4, LOCKDOWN.md #7). The scheme
 * must be registered as privileged before `ready` (see index.ts).
 */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: false, stream: false },
} as const;

export function serveAppProtocol(session: Session, rendererDir: string): void {
  session.protocol.handle(APP_SCHEME, async (request) => {
    if (!isAppUrl(request.url) || (request.method !== 'GET' && request.method !== 'HEAD')) return notFound();
    const file = resolveRendererFile(rendererDir, new URL(request.url).pathname);
    if (file === null) return notFound();
    const body = await readFile(file);
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
      status: 200,
      headers: { ...SECURITY_HEADERS, 'Content-Type': contentTypeFor(file) },
    });
  });
}

function notFound(): Response {
  return new Response(null, { status: 404, headers: { ...SECURITY_HEADERS } });
}
