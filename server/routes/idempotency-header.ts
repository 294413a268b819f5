import type { FastifyRequest } from 'fastify';
import { IdempotencyKeySchema } from '../../shared/contract/enrollment-api';
import { parseWith } from '../../shared/contract/parse';
import type { AppError } from '../../shared/contract/result';
import { InputError } from '../plugins/error-handler-plugin';
import type { IdempotentCall } from '../services/idempotency-service';

/** The `Idempotency-Key` header, required on every state-changing route (DESIGN.md, "Sync"). */
export function idempotencyKeyOf(request: FastifyRequest): string {
  const parsed = parseWith(IdempotencyKeySchema, request.headers['idempotency-key']);
  if (!parsed.ok) throw new InputError(parsed.problems.map((problem) => ({ ...problem, key: 'idempotencyKey' })));
  return parsed.data;
}

/** The key, the terminal and the route (its path with the ids filled in) one stored answer belongs to. */
export function idempotentCallOf(request: FastifyRequest, route: string): IdempotentCall {
  return { key: idempotencyKeyOf(request), terminalId: request.terminalId, route };
}

/** Same Idempotency-Key with another request: 422, so a client never mistakes it for a fixable field. */
export function refusalStatusOf(error: AppError): 422 | undefined {
  return error.code === 'INVALID_INPUT' && error.fields?.[0]?.key === 'idempotencyKey' ? 422 : undefined;
}
