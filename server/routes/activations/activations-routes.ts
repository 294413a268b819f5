import { z } from 'zod';
import {
  ActivationRequestSchema,
  ActivationResponseSchema,
  AnyActivationResponseSchema,
  ConfirmationRequestSchema,
  ConfirmationResponseSchema,
  enrollmentRoutes,
} from '../../../shared/contract/enrollment-api';
import type { App } from '../../plugins/app-types';
import { sendError } from '../../plugins/error-handler-plugin';
import { createActivation } from '../../services/activation-service';
import { confirmActivation } from '../../services/confirmation-service';
import type { ServiceContext } from '../../services/service-context';
import { idempotentCallOf, refusalStatusOf } from '../idempotency-header';

// The id in the path is the one the activation answer gave: the contract's own pattern.
const ActivationParamsSchema = z.strictObject({ activationId: ActivationResponseSchema.shape.activationId });

/** POST /v1/activations and its confirmation; both applied at most once per Idempotency-Key. */
export function registerActivationRoutes(app: App, ctx: ServiceContext): void {
  app.route({
    method: enrollmentRoutes.activations.method,
    url: enrollmentRoutes.activations.path,
    schema: { body: ActivationRequestSchema, response: { 201: AnyActivationResponseSchema } },
    handler: async (request, reply) => {
      const result = await createActivation(ctx, idempotentCallOf(request, enrollmentRoutes.activations.path), request.body);
      if (!result.ok) return sendError(reply, result.error, refusalStatusOf(result.error));
      return reply.code(201).send(result.value.body);
    },
  });
  app.route({
    method: enrollmentRoutes.confirmation.method,
    url: enrollmentRoutes.confirmation.path,
    schema: { params: ActivationParamsSchema, body: ConfirmationRequestSchema, response: { 200: ConfirmationResponseSchema } },
    handler: async (request, reply) => {
      const call = idempotentCallOf(request, enrollmentRoutes.confirmation.path.replace(':activationId', request.params.activationId));
      const result = await confirmActivation(ctx, request.params.activationId, call, request.body);
      if (!result.ok) return sendError(reply, result.error, refusalStatusOf(result.error));
      return reply.code(200).send(result.value.body);
    },
  });
}
