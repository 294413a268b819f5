import { realpathSync, statSync } from 'node:fs';
import { extname, posix, resolve, sep } from 'node:path';

/**
 * Maps a request path to a file of the built renderer (`out/renderer`), for both shells: the
 * loopback server and the Electron `app://` protocol. Anything that is not a plain file inside
 * the root is refused (null): traversal (`..`, encoded or not), backslashes, NUL bytes, symlinks
 * leading out, directories (no listing, LOCKDOWN.md #7).
 */
export function resolveRendererFile(rootDir: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (!decoded.startsWith('/') || /[\\\0]/.test(decoded)) return null;
  // `..` and hidden files alike: nothing the build emits starts with a dot.
  if (decoded.split('/').some((segment) => segment.startsWith('.'))) return null;
  const relative = posix.normalize(decoded === '/' ? '/index.html' : decoded).slice(1);
  const root = resolve(rootDir);
  const candidate = resolve(root, relative);
  if (!candidate.startsWith(root + sep)) return null;
  try {
    if (!statSync(candidate).isFile()) return null;
    const realRoot = realpathSync(root);
    return realpathSync(candidate).startsWith(realRoot + sep) ? candidate : null;
  } catch {
    return null;
  }
}

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

/** With `nosniff` set, a wrong type breaks the page rather than guessing: unknown → octet-stream. */
export function contentTypeFor(file: string): string {
  return MIME_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}
