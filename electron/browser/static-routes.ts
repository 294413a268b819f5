import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { contentTypeFor, resolveRendererFile } from '../embedded/renderer-files';
import { CONTENT_SECURITY_POLICY, withFrameSources } from '../embedded/security-headers';
import { send, sendStatus } from './http-replies';

export const BRIDGE_PATH = '/kiosk-bridge.js';
const BRIDGE_TAG = `<script type="module" src="${BRIDGE_PATH}"></script>`;

/**
 * The built renderer, as files. `index.html` gets the bridge module injected before the app's
 * own script: module scripts run in document order, so `window.kiosk` exists before the app
 * reads it.
 */
export function serveRendererFile(rendererDir: string, path: string, request: IncomingMessage, response: ServerResponse, frameSources: readonly string[] = []): void {
  if (request.method !== 'GET' && request.method !== 'HEAD') return sendStatus(response, 405, { Allow: 'GET, HEAD' });
  const file = resolveRendererFile(rendererDir, path);
  if (file === null) return sendStatus(response, 404);
  const type = contentTypeFor(file);
  const html = type.startsWith('text/html');
  const body = html ? allowFrames(injectBridge(readFileSync(file, 'utf8')), frameSources) : readFileSync(file);
  const policy: Record<string, string> = html && frameSources.length > 0 ? { 'Content-Security-Policy': withFrameSources(CONTENT_SECURITY_POLICY, frameSources) } : {};
  send(response, 200, request.method === 'HEAD' ? '' : body, type, policy);
}

export function injectBridge(html: string): string {
  const firstScript = html.search(/<script\b/i);
  if (firstScript >= 0) return `${html.slice(0, firstScript)}${BRIDGE_TAG}\n    ${html.slice(firstScript)}`;
  const headEnd = html.search(/<\/head>/i);
  if (headEnd >= 0) return `${html.slice(0, headEnd)}${BRIDGE_TAG}\n${html.slice(headEnd)}`;
  return `${BRIDGE_TAG}\n${html}`;
}

/** The built page's CSP meta gets the same `frame-src` as the header: both policies apply. */
export function allowFrames(html: string, frameSources: readonly string[]): string {
  if (frameSources.length === 0) return html;
  return html.replace(/(<meta http-equiv="Content-Security-Policy" content=")([^"]*)(")/i, (_match, start: string, policy: string, end: string) => `${start}${policy}; frame-src ${frameSources.join(' ')}${end}`);
}
