import type { IncomingMessage, ServerResponse } from 'node:http';
import { isKioskMethod, KioskEventSchema } from '../../shared/contract/kiosk-api';
import type { KioskEvent, KioskHandlers } from '../../shared/contract/kiosk-api';
import { parseWith } from '../../shared/contract/parse';
import { dispatchKioskCall } from '../embedded/dispatch';
import { SECURITY_HEADERS } from '../embedded/security-headers';
import { sendError, sendResult } from './http-replies';

/** What the loopback shell needs of core (a structural slice of `KioskCore`). */
export interface KioskBackend {
  handlers: KioskHandlers;
  subscribe(listener: (event: KioskEvent) => void): () => void;
}

export const MAX_BODY_BYTES = 16 * 1024;
const HEARTBEAT_MS = 20_000;

/** `POST /api/<method>`: the HTTP face of the one dispatch shared with Electron IPC. */
export async function handleApiCall(backend: KioskBackend, method: string, request: IncomingMessage, response: ServerResponse): Promise<void> {
  if (!isKioskMethod(method)) return sendError(response, 404, 'NOT_FOUND');
  if (request.method !== 'POST') return sendError(response, 405, 'INVALID_INPUT');
  if (!/^application\/json(;|$)/i.test(request.headers['content-type'] ?? '')) return sendError(response, 415, 'INVALID_INPUT');
  const body = await readBody(request);
  if (body === 'tooLarge') return sendError(response, 413, 'INVALID_INPUT');
  let input: unknown;
  try {
    input = JSON.parse(body);
  } catch {
    return sendError(response, 400, 'INVALID_INPUT');
  }
  const result = await dispatchKioskCall(backend.handlers, method, input);
  // A refusal from core is a value, not a transport failure: 200 with the Result either way.
  sendResult(response, 200, result);
}

/** Reads at most MAX_BODY_BYTES; a larger body is refused without buffering the rest. */
function readBody(request: IncomingMessage): Promise<string | 'tooLarge'> {
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > MAX_BODY_BYTES) {
    request.resume();
    return Promise.resolve('tooLarge');
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        request.removeAllListeners('data');
        request.resume();
        resolve('tooLarge');
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

/**
 * `GET /api/events`: core's events as Server-Sent Events. Each is checked against the
 * contract before it leaves, like every other boundary.
 */
export function openEventStream(backend: KioskBackend, request: IncomingMessage, response: ServerResponse, streams: Set<ServerResponse>): void {
  if (request.method !== 'GET') return sendError(response, 405, 'INVALID_INPUT');
  response.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'text/event-stream; charset=utf-8', Connection: 'keep-alive' });
  response.write('retry: 2000\n\n');
  const unsubscribe = backend.subscribe((event) => {
    const parsed = parseWith(KioskEventSchema, event);
    if (parsed.ok) response.write(`data: ${JSON.stringify(parsed.data)}\n\n`);
    else console.error('[sesame] dropped a kiosk event that does not match the contract');
  });
  // A comment line now and then keeps idle proxies and the browser from closing the stream.
  const heartbeat = setInterval(() => response.write(': keep-alive\n\n'), HEARTBEAT_MS);
  heartbeat.unref();
  streams.add(response);
  response.on('close', () => {
    clearInterval(heartbeat);
    unsubscribe();
    streams.delete(response);
  });
}
