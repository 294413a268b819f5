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

const RecoveryParamsSchema = z.strictObject({ recoveryId: RecoveryResponseSchema.shape.recoveryId });

/**
 * "Mot de passe oublié" / "Identifiant oublié" (parents-scolarite, idf-lycee Cas 2, ent77). The
 * request is 202 with the same body shape whether or not anyone matched (issue 3).
 */
export function registerRecoveryRoutes(app: App, ctx: ServiceContext): void {
  app.route({
    method: enrollmentRoutes.recoveries.method,
    url: enrollmentRoutes.recoveries.path,
    schema: { body: RecoveryRequestSchema, response: { 202: RecoveryResponseSchema } },
    handler: async (request, reply) => {
      const result = await requestRecovery(ctx, request.terminalId, request.body);
      if (!result.ok) return sendError(reply, result.error);
      return reply.code(202).send(result.value);
    },
  });
  app.route({
    method: enrollmentRoutes.recoveryReset.method,
    url: enrollmentRoutes.recoveryReset.path,
    schema: { params: RecoveryParamsSchema, body: RecoveryResetRequestSchema, response: { 200: RecoveryResetResponseSchema } },
    handler: async (request, reply) => {
      const result = await resetWithRecoveryCode(ctx, request.terminalId, request.params.recoveryId, request.body);
      if (!result.ok) return sendError(reply, result.error);
      return reply.code(200).send(result.value);
    },
  });
}
