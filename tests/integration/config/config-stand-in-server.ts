import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import { createRecipient } from '../../unit/core/support/sealed-box-reference';
import { readBody, serveOnLoopback } from '../core/contract-stand-in-server';

/**
 * A STAND-IN for the reference server's configuration routes, for answers the real server has no
 * reason to give: a profile set that fails the schema, names one id twice, or lacks the
 * terminal's profile. It serves `GET /v1/terminal/config` faithfully (bearer token, a real
 * sealing key) and `GET /v1/terminal/profiles` with whatever body the test sets, honouring
 * `If-None-Match` like the real route.
 */
export interface ProfilesAnswer {
  etag: string;
  body: unknown;
}

export async function startConfigStandIn(first: ProfilesAnswer) {
  const token = `borne-test.${randomBytes(24).toString('base64url')}`;
  const { sealingKey } = createRecipient();
  let answer = first;
  const served: { ifNoneMatch: string | null; status: number }[] = [];

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    await readBody(request);
    const path = new URL(request.url ?? '/', 'http://stand-in').pathname;
    if (request.headers.authorization !== `Bearer ${token}`) return json(response, 401, { error: { code: 'UNAUTHORIZED' } });
    if (path === '/v1/terminal/config') return json(response, 200, { terminalId: 'borne-test', sealingKey, serverTime: new Date().toISOString() });
    if (path !== '/v1/terminal/profiles') return json(response, 404, { error: { code: 'NOT_FOUND' } });
    const ifNoneMatch = typeof request.headers['if-none-match'] === 'string' ? request.headers['if-none-match'] : null;
    const status = ifNoneMatch === answer.etag ? 304 : 200;
    served.push({ ifNoneMatch, status });
    if (status === 304) return void response.writeHead(304, { etag: answer.etag }).end();
    json(response, 200, answer.body, { etag: answer.etag });
  }

  return {
    ...(await serveOnLoopback(handle)),
    token,
    /** Every profiles request, with what it sent and got. */
    served,
    /** What the profiles route answers from now on. */
    answer(next: ProfilesAnswer): void {
      answer = next;
    },
  };
}

function json(response: ServerResponse, status: number, payload: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(payload));
}
