import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  HelpRequestSchema, HelpRequestSecretSchema, HTTP_STATUS_BY_CODE, RecoveryRequestSchema, RecoveryResetRequestSchema,
  RecoveryResetSecretSchema, RecoverySecretSchema,
} from '../../../../shared/contract/enrollment-api';
import type { AppError } from '../../../../shared/contract/result';
import { readBody, serveOnLoopback } from '../../../integration/core/contract-stand-in-server';
import { createRecipient, openSealedBoxReference } from './sealed-box-reference';

/**
 * A STAND-IN for the reference server's recovery and help-request routes, for the handlers' unit
 * tests: a small real node:http server that opens each sealed body with the test's reference
 * reading of the spec and records what it found (so a test sees exactly what left the kiosk),
 * answers a fixed plausible shape, and can be told to refuse or to fail the next calls. The
 * reference server's own answers are in tests/integration/core.
 */
export type HelpRoute = 'recoveries' | 'recoveryReset' | 'helpRequests';
export interface HelpStandInRequest { route: HelpRoute; idempotencyKey: string | null; secret: unknown; profileId?: string; recoveryId?: string }
type Reply = { status: number; payload: unknown } | 'drop';

export async function startHelpStandInServer() {
  const recipient = createRecipient();
  const token = `borne-test.${randomBytes(24).toString('base64url')}`;
  const requests: HelpStandInRequest[] = [];
  const attempts: { route: HelpRoute; idempotencyKey: string | null }[] = [];
  const next: Reply[] = [];
  let served = 0;

  function refusal(error: AppError): Reply {
    return { status: HTTP_STATUS_BY_CODE[error.code], payload: { error } };
  }

  function opened(sealed: unknown, schema: { parse(value: unknown): unknown }): unknown {
    return schema.parse(JSON.parse(openSealedBoxReference(sealed as never, recipient.privateKey)));
  }

  function answer(route: HelpRoute, body: unknown, key: string | null, recoveryId: string): Reply {
    served += 1;
    if (route === 'recoveries') {
      const request = RecoveryRequestSchema.parse(body);
      requests.push({ route, idempotencyKey: key, profileId: request.profileId, secret: opened(request.sealed, RecoverySecretSchema) });
      return { status: 202, payload: { recoveryId: `rec_${String(served).padStart(8, '0')}`, sentTo: 'p***@example.org' } };
    }
    if (route === 'recoveryReset') {
      const request = RecoveryResetRequestSchema.parse(body);
      requests.push({ route, idempotencyKey: key, recoveryId, secret: opened(request.sealed, RecoveryResetSecretSchema) });
      return { status: 200, payload: { state: 'reset', login: 'manon.leclerc' } };
    }
    const request = HelpRequestSchema.parse(body);
    requests.push({ route, idempotencyKey: key, profileId: request.profileId, secret: opened(request.sealed, HelpRequestSecretSchema) });
    return { status: 201, payload: { reference: `AIDE-${String(served).padStart(6, '0')}` } };
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const text = await readBody(request);
    const path = new URL(request.url ?? '/', 'http://stand-in').pathname;
    const reset = /^\/v1\/recoveries\/([A-Za-z0-9_-]{8,64})\/reset$/.exec(path);
    const route: HelpRoute | null = path === '/v1/recoveries' ? 'recoveries' : path === '/v1/help-requests' ? 'helpRequests' : reset ? 'recoveryReset' : null;
    const key = typeof request.headers['idempotency-key'] === 'string' ? request.headers['idempotency-key'] : null;
    if (route) attempts.push({ route, idempotencyKey: key });
    let reply: Reply;
    if (request.headers.authorization !== `Bearer ${token}`) reply = refusal({ code: 'UNAUTHORIZED' });
    else if (path === '/v1/terminal/config') reply = { status: 200, payload: { terminalId: 'borne-test', sealingKey: recipient.sealingKey, serverTime: new Date().toISOString() } };
    else if (route === null) reply = refusal({ code: 'NOT_FOUND' });
    else reply = next.shift() ?? answer(route, JSON.parse(text) as unknown, key, reset?.[1] ?? '');
    if (reply === 'drop') return void response.socket?.destroy();
    response.writeHead(reply.status, { 'content-type': 'application/json' }).end(JSON.stringify(reply.payload));
  }

  return {
    ...(await serveOnLoopback(handle)),
    token,
    /** What the routes answered, secrets opened; refused or failed calls are not recorded. */
    requests,
    /** Every call to the three routes, answered or not. */
    attempts,
    /** The next call to any of the three routes is refused with `error`. */
    refuseNext(error: AppError): void {
      next.push(refusal(error));
    },
    /** The next `times` calls get a 503 (or have their connection cut: `drop`). */
    failNext(times: number, how: 'unavailable' | 'drop' = 'unavailable'): void {
      for (let index = 0; index < times; index += 1) next.push(how === 'drop' ? 'drop' : { status: 503, payload: { error: { code: 'OFFLINE' } } });
    },
  };
}

export type HelpStandInServer = Awaited<ReturnType<typeof startHelpStandInServer>>;
