import type { ServerResponse } from 'node:http';
import { SECURITY_HEADERS } from '../embedded/security-headers';
import type { ErrorCode, Result } from '../../shared/contract/result';

/** Every response of the loopback shell goes out through here, so none lacks the headers. */
export function send(response: ServerResponse, status: number, body: string | Buffer, contentType: string, extra: Record<string, string> = {}): void {
  response.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(body), ...extra });
  response.end(body);
}

export function sendResult(response: ServerResponse, status: number, result: Result<unknown>): void {
  send(response, status, JSON.stringify(result), 'application/json; charset=utf-8');
}

export function sendError(response: ServerResponse, status: number, code: ErrorCode): void {
  sendResult(response, status, { ok: false, error: { code } });
}

/** Plain status pages carry a status line only: no UI text from a back end (CONVENTIONS.md §2). */
export function sendStatus(response: ServerResponse, status: number, extra: Record<string, string> = {}): void {
  send(response, status, `${status}\n`, 'text/plain; charset=utf-8', extra);
}
