import type { FastifyRequest } from 'fastify';
import { IdempotencyKeySchema } from '../../../shared/contract/enrollment-api';
import { parseWith } from '../../../shared/contract/parse';
import { InputError } from '../../plugins/error-handler-plugin';

/** The `Idempotency-Key` header, required on every state-changing route (DESIGN.md, "Sync"). */
export function idempotencyKeyOf(request: FastifyRequest): string {
  const parsed = parseWith(IdempotencyKeySchema, request.headers['idempotency-key']);
  if (!parsed.ok) throw new InputError(parsed.problems.map((problem) => ({ ...problem, key: 'idempotencyKey' })));
  return parsed.data;
}
