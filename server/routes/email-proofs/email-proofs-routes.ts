import { z } from 'zod';
import {
  ActivationResponseSchema,
  EmailConfirmationRequestSchema,
  EmailConfirmationResponseSchema,
  EmailResendResponseSchema,
  enrollmentRoutes,
} from '../../../shared/contract/enrollment-api';
import type { App } from '../../plugins/app-types';
import { sendError } from '../../plugins/error-handler-plugin';
import { confirmEmailCode, openEmailLink, resendEmailProof } from '../../services/email-proof-service';
import type { ServiceContext } from '../../services/service-context';
import { idempotencyKeyOf } from '../activations/idempotency-header';
import { EMAIL_LINK_PAGE_HEADERS, emailLinkPage } from './email-link-page';
import { createLinkRateLimiter, LINK_RATE_LIMIT } from './link-rate-limiter';

const ActivationParamsSchema = z.strictObject({ activationId: ActivationResponseSchema.shape.activationId });
/** Any string up to a sane length: a malformed token gets the same page as an unknown one. */
const LinkParamsSchema = z.strictObject({ token: z.string().max(256) });
/** The resend carries nothing; an empty JSON object is accepted for clients that always send one. */
const ResendBodySchema = z.strictObject({}).nullish();

/** Same Idempotency-Key with another request: 422, so a client never mistakes it for a fixable field. */
function isKeyReuse(error: { code: string; fields?: { key: string }[] }): boolean {
  return error.code === 'INVALID_INPUT' && error.fields?.[0]?.key === 'idempotencyKey';
}

function routeOf(path: string, activationId: string): string {
  return path.replace(':activationId', activationId);
}

/**
 * The emailed proof that finishes an activation (umontpellier, parents-scolarite): the code typed
 * at the kiosk, the link opened from a mailbox, and "send it again".
 */
export function registerEmailProofRoutes(app: App, ctx: ServiceContext): void {
  app.route({
    method: enrollmentRoutes.emailConfirmation.method,
    url: enrollmentRoutes.emailConfirmation.path,
    schema: { params: ActivationParamsSchema, body: EmailConfirmationRequestSchema, response: { 200: EmailConfirmationResponseSchema } },
    handler: async (request, reply) => {
      const { activationId } = request.params;
      const call = { key: idempotencyKeyOf(request), terminalId: request.terminalId, route: routeOf(enrollmentRoutes.emailConfirmation.path, activationId) };
      const result = await confirmEmailCode(ctx, activationId, call, request.body);
      if (!result.ok) return sendError(reply, result.error, isKeyReuse(result.error) ? 422 : undefined);
      return reply.code(200).send(result.value.body);
    },
  });
  app.route({
    method: enrollmentRoutes.emailResend.method,
    url: enrollmentRoutes.emailResend.path,
    schema: { params: ActivationParamsSchema, body: ResendBodySchema, response: { 200: EmailResendResponseSchema } },
    handler: async (request, reply) => {
      const { activationId } = request.params;
      // Optional here: with a key a retried resend is answered again instead of sending twice.
      const key = request.headers['idempotency-key'] === undefined ? null : idempotencyKeyOf(request);
      const call = key ? { key, terminalId: request.terminalId, route: routeOf(enrollmentRoutes.emailResend.path, activationId) } : null;
      const result = await resendEmailProof(ctx, activationId, call);
      if (!result.ok) return sendError(reply, result.error, isKeyReuse(result.error) ? 422 : undefined);
      return reply.code(200).send(result.value.body);
    },
  });
  const limiter = createLinkRateLimiter(ctx.now);
  app.route({
    method: enrollmentRoutes.emailLink.method,
    url: enrollmentRoutes.emailLink.path,
    // Opened from a mailbox: no bearer token (auth-plugin skips routes marked public).
    config: { public: true },
    schema: { params: LinkParamsSchema },
    handler: async (request, reply) => {
      reply.headers(EMAIL_LINK_PAGE_HEADERS);
      if (!limiter.allow(request.ip)) {
        return reply.code(429).header('retry-after', String(LINK_RATE_LIMIT.windowMs / 1000)).send(emailLinkPage('throttled'));
      }
      const outcome = openEmailLink(ctx, request.params.token);
      return reply.code(outcome === 'activated' ? 200 : 404).send(emailLinkPage(outcome));
    },
  });
}
