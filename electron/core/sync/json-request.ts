import type { z } from 'zod';
import { ErrorResponseSchema } from '../../../shared/contract/enrollment-api';
import { parseJsonText, parseWith } from '../../../shared/contract/parse';
import type { AppError } from '../../../shared/contract/result';
import { errorCode, errorKind, logCoreEvent } from '../core-log';

/**
 * One JSON exchange with the central API, shared by the enrollment and staff clients. Every
 * response is parsed with the shared schemas: a 2xx of the wrong shape is treated like a network
 * failure (OFFLINE, retryable) and logged by route and status only, never by content (nor by
 * header: the staff token travels in one).
 */
export type ClientResult<T> = { ok: true; value: T } | { ok: false; error: AppError; retryable: boolean };

export interface JsonRequesterOptions {
  baseUrl: string;
  token: string;
  fetch: typeof fetch;
  /** Per-request budget, enforced with `AbortSignal.timeout`. */
  timeoutMs: number;
  /** Aborts every request in flight (the core closing). */
  signal?: AbortSignal;
  /**
   * Told after each exchange whether the server answered sensibly (the `online` flag) and how
   * long it took, from sending to the whole answer read (the link's quality, issue 5).
   */
  onContact?: (reachable: boolean, elapsedMs: number) => void;
}

export interface JsonCall {
  /** Names the route in logs (`<logPrefix>.unreachable`, route). */
  route: string;
  method: string;
  path: string;
  body?: unknown;
  idempotencyKey?: string;
  timeoutMs?: number;
  /**
   * What is left of the time the person waits at the screen: the request is cut to it, so a
   * retry started late cannot keep them past the budget (a stalled link, issue 5's fault matrix).
   */
  budgetMs?: number;
  /** Extra request headers (the staff session token). */
  headers?: Readonly<Record<string, string>>;
}

const OFFLINE: AppError = { code: 'OFFLINE' };
/** A connection closed under a request before any answer came back. */
const CONNECTION_DROPS = new Set(['UND_ERR_SOCKET', 'ECONNRESET', 'EPIPE']);

export function createJsonRequester(options: JsonRequesterOptions, logPrefix: string) {
  const base = options.baseUrl.endsWith('/') ? options.baseUrl : `${options.baseUrl}/`;

  async function send<S extends z.ZodType>(call: JsonCall, schema: S): Promise<ClientResult<z.infer<S>>> {
    const headers: Record<string, string> = { ...call.headers, authorization: `Bearer ${options.token}`, accept: 'application/json' };
    if (call.body !== undefined) headers['content-type'] = 'application/json';
    if (call.idempotencyKey !== undefined) headers['idempotency-key'] = call.idempotencyKey;
    const timeout = AbortSignal.timeout(Math.max(1, Math.min(call.timeoutMs ?? options.timeoutMs, call.budgetMs ?? Infinity)));
    let status: number;
    let text: string;
    // Monotonic: a wall-clock step (NTP) must not make one exchange look slow.
    const started = performance.now();
    const contact = (reachable: boolean) => options.onContact?.(reachable, performance.now() - started);
    const request = (): Promise<Response> => options.fetch(new URL(call.path.replace(/^\//, ''), base), {
      method: call.method,
      headers,
      body: call.body === undefined ? undefined : JSON.stringify(call.body),
      signal: options.signal ? AbortSignal.any([timeout, options.signal]) : timeout,
    });
    try {
      const response = await request().catch((error: unknown) => {
        // A keep-alive socket the server (or a proxy) closed while idle fails the next request
        // at once, before any answer: sent again once on a new socket, within the same budget,
        // as browsers do. Safe: every write carries an Idempotency-Key, and a lookup only reads.
        if (!CONNECTION_DROPS.has(errorCode(error)) || timeout.aborted) throw error;
        logCoreEvent(`${logPrefix}.resent`, { route: call.route, code: errorCode(error) });
        return request();
      });
      status = response.status;
      text = await response.text();
    } catch (error) {
      return unreachable(contact, call.route, 'unreachable', { cause: errorKind(error), code: errorCode(error) });
    }
    const json = parseJsonText(text);
    if (status >= 200 && status < 300) {
      const parsed = parseWith(schema, json);
      if (parsed.ok) return reached(contact, { ok: true, value: parsed.data });
      return unreachable(contact, call.route, 'malformed', { status });
    }
    if (status >= 500) return unreachable(contact, call.route, 'server-error', { status });
    const refusal = parseWith(ErrorResponseSchema, json);
    if (!refusal.ok) return unreachable(contact, call.route, 'malformed', { status });
    return reached(contact, { ok: false, error: refusal.data.error, retryable: false });
  }

  type Contact = (reachable: boolean) => void;

  function reached<T>(contact: Contact, result: ClientResult<T>): ClientResult<T> {
    contact(true);
    return result;
  }

  function unreachable<T>(contact: Contact, route: string, why: string, fields: Record<string, string | number>): ClientResult<T> {
    logCoreEvent(`${logPrefix}.${why}`, { route, ...fields });
    contact(false);
    return { ok: false, error: OFFLINE, retryable: true };
  }

  return { send };
}

export type JsonRequester = ReturnType<typeof createJsonRequester>;
