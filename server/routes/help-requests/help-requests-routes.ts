import { HelpRequestResponseSchema, HelpRequestSchema, enrollmentRoutes } from '../../../shared/contract/enrollment-api';
import type { App } from '../../plugins/app-types';
import { sendError } from '../../plugins/error-handler-plugin';
import { submitHelpRequest } from '../../services/help-request-service';
import type { ServiceContext } from '../../services/service-context';
import { idempotentCallOf, refusalStatusOf } from '../idempotency-header';

/**
 * POST /v1/help-requests: the ENT 77 parents' form, stored and mailed to the school; 201 with its
 * reference. The kiosk's outbox re-delivers until it has an answer, so the same Idempotency-Key
 * gets the first reference back and the school one email.
 */
export function registerHelpRequestRoutes(app: App, ctx: ServiceContext): void {
  app.route({
    method: enrollmentRoutes.helpRequests.method,
    url: enrollmentRoutes.helpRequests.path,
    schema: { body: HelpRequestSchema, response: { 201: HelpRequestResponseSchema } },
    handler: async (request, reply) => {
      const result = await submitHelpRequest(ctx, idempotentCallOf(request, enrollmentRoutes.helpRequests.path), request.body);
      if (!result.ok) return sendError(reply, result.error, refusalStatusOf(result.error));
      return reply.code(201).send(result.value.body);
    },
  });
}
