import type { FastifyReply, FastifySchemaCompiler } from 'fastify';
import type { z } from 'zod';
import { HTTP_STATUS_BY_CODE } from '../../shared/contract/enrollment-api';
import { parseWith } from '../../shared/contract/parse';
import type { AppError, FieldProblem } from '../../shared/contract/result';
import type { App } from './app-types';

/** A request part that failed its schema; carries the field names from `parseWith`, never values. */
export class InputError extends Error {
  readonly statusCode = 400;
  constructor(readonly problems: FieldProblem[]) {
    super('invalid input');
  }
}

/** Every route schema is checked with the one parsing helper, so failures name their fields. */
export const parseWithValidatorCompiler: FastifySchemaCompiler<z.ZodType> = ({ schema }) => (data) => {
  const parsed = parseWith(schema, data);
  return parsed.ok ? { value: parsed.data } : { error: new InputError(parsed.problems) };
};

/** Errors are `{ error: { code, ... } }` with the contract's status; THROTTLED also says when to retry. */
export function sendError(reply: FastifyReply, error: AppError, status = HTTP_STATUS_BY_CODE[error.code]): FastifyReply {
  if (error.code === 'THROTTLED' && error.retryAfterS !== undefined) reply.header('retry-after', String(error.retryAfterS));
  return reply.code(status).send({ error });
}

function statusOf(error: unknown): number {
  const status = (error as { statusCode?: unknown }).statusCode;
  return typeof status === 'number' ? status : 500;
}

/**
 * Hostile or broken requests (bad JSON, wrong content type, oversized body, schema failures)
 * become INVALID_INPUT; anything else is INTERNAL, logged by its message only (no body, no
 * header: a body may hold a sealed secret, a header the bearer token).
 */
export function registerErrorHandling(app: App): void {
  app.setValidatorCompiler(parseWithValidatorCompiler);
  app.setErrorHandler((error, request, reply) => {
    if (error instanceof InputError) return sendError(reply, { code: 'INVALID_INPUT', fields: error.problems });
    const status = statusOf(error);
    if (status >= 400 && status < 500) return sendError(reply, { code: 'INVALID_INPUT' });
    request.log.error({ err: { message: (error as Error).message, name: (error as Error).name } }, 'request failed');
    return sendError(reply, { code: 'INTERNAL' });
  });
  app.setNotFoundHandler((_request, reply) => sendError(reply, { code: 'NOT_FOUND' }));
}
