import { z } from 'zod';
import {
  RecoveryRequestSchema,
  RecoveryResetRequestSchema,
  RecoveryResetResponseSchema,
  RecoveryResponseSchema,
  enrollmentRoutes,
} from '../../../shared/contract/enrollment-api';
import type { App } from '../../plugins/app-types';
import { sendError } from '../../plugins/error-handler-plugin';
import { requestRecovery } from '../../services/recovery-request-service';
import { resetWithRecoveryCode } from '../../services/recovery-reset-service';
import type { ServiceContext } from '../../services/service-context';
import { idempotentCallOf, refusalStatusOf } from '../idempotency-header';

const RecoveryParamsSchema = z.strictObject({ recoveryId: RecoveryResponseSchema.shape.recoveryId });

/**
 * "Mot de passe oublié" / "Identifiant oublié" (parents-scolarite, idf-lycee Cas 2, ent77). The
 * request is 202 with the same body shape whether or not anyone matched (issue 3). Both routes
 * answer at most once per Idempotency-Key: the kiosk retries a lost answer with the same key,
 * which must not send a second email nor spend a second code attempt.
 */
export function registerRecoveryRoutes(app: App, ctx: ServiceContext): void {
  app.route({
    method: enrollmentRoutes.recoveries.method,
    url: enrollmentRoutes.recoveries.path,
    schema: { body: RecoveryRequestSchema, response: { 202: RecoveryResponseSchema } },
    handler: async (request, reply) => {
      const result = await requestRecovery(ctx, idempotentCallOf(request, enrollmentRoutes.recoveries.path), request.body);
      if (!result.ok) return sendError(reply, result.error, refusalStatusOf(result.error));
      return reply.code(202).send(result.value.body);
    },
  });
  app.route({
    method: enrollmentRoutes.recoveryReset.method,
    url: enrollmentRoutes.recoveryReset.path,
    schema: { params: RecoveryParamsSchema, body: RecoveryResetRequestSchema, response: { 200: RecoveryResetResponseSchema } },
    handler: async (request, reply) => {
      const { recoveryId } = request.params;
      const call = idempotentCallOf(request, enrollmentRoutes.recoveryReset.path.replace(':recoveryId', recoveryId));
      const result = await resetWithRecoveryCode(ctx, call, recoveryId, request.body);
      if (!result.ok) return sendError(reply, result.error, refusalStatusOf(result.error));
      return reply.code(200).send(result.value.body);
    },
  });
}
