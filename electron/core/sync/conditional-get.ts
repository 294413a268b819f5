import { parseJsonText } from '../../../shared/contract/parse';
import { errorKind, logCoreEvent } from '../core-log';
import type { JsonRequesterOptions } from './json-request';

/**
 * A conditional GET (`If-None-Match`), the sibling of json-request.ts for data the kiosk keeps
 * between runs. It does not parse the body: the caller validates it against its own rules and
 * must tell "the server sent a bad set" (refused, logged as such) from "no answer". Logs carry
 * the route and status only, never content.
 */
export type ConditionalAnswer =
  | { kind: 'notModified' }
  | { kind: 'modified'; etag: string | null; body: unknown }
  | { kind: 'unavailable' };

export function createConditionalGetter(options: JsonRequesterOptions, logPrefix: string) {
  const base = options.baseUrl.endsWith('/') ? options.baseUrl : `${options.baseUrl}/`;

  return async function get(route: string, path: string, etag: string | null): Promise<ConditionalAnswer> {
    const headers: Record<string, string> = { authorization: `Bearer ${options.token}`, accept: 'application/json' };
    if (etag !== null) headers['if-none-match'] = etag;
    const timeout = AbortSignal.timeout(options.timeoutMs);
    const started = performance.now();
    const contact = (reachable: boolean) => options.onContact?.(reachable, performance.now() - started);
    let response: Response;
    let text: string;
    try {
      response = await options.fetch(new URL(path.replace(/^\//, ''), base), {
        method: 'GET',
        headers,
        signal: options.signal ? AbortSignal.any([timeout, options.signal]) : timeout,
      });
      text = await response.text();
    } catch (error) {
      logCoreEvent(`${logPrefix}.unreachable`, { route, cause: errorKind(error) });
      contact(false);
      return { kind: 'unavailable' };
    }
    if (response.status === 304) {
      contact(true);
      return { kind: 'notModified' };
    }
    if (response.status !== 200) {
      logCoreEvent(`${logPrefix}.unavailable`, { route, status: response.status });
      contact(response.status < 500);
      return { kind: 'unavailable' };
    }
    contact(true);
    return { kind: 'modified', etag: response.headers.get('etag'), body: parseJsonText(text) };
  };
}

export type ConditionalGetter = ReturnType<typeof createConditionalGetter>;
