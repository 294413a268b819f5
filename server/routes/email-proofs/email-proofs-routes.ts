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
import { confirmEmailCode, resendEmailProof } from '../../services/email-proof-service';
import type { ServiceContext } from '../../services/service-context';
import { idempotentCallOf, refusalStatusOf } from '../idempotency-header';
import { registerEmailLinkRoutes } from './email-link-routes';

const ActivationParamsSchema = z.strictObject({ activationId: ActivationResponseSchema.shape.activationId });
/** The resend carries nothing; an empty JSON object is accepted for clients that always send one. */
const ResendBodySchema = z.strictObject({}).nullish();

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
      const call = idempotentCallOf(request, routeOf(enrollmentRoutes.emailConfirmation.path, activationId));
      const result = await confirmEmailCode(ctx, activationId, call, request.body);
      if (!result.ok) return sendError(reply, result.error, refusalStatusOf(result.error));
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
      const call = request.headers['idempotency-key'] === undefined ? null : idempotentCallOf(request, routeOf(enrollmentRoutes.emailResend.path, activationId));
      const result = await resendEmailProof(ctx, activationId, call);
      if (!result.ok) return sendError(reply, result.error, refusalStatusOf(result.error));
      return reply.code(200).send(result.value.body);
    },
  });
  registerEmailLinkRoutes(app, ctx);
}
