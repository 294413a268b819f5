import { LookupRequestSchema, LookupResponseSchema, enrollmentRoutes } from '../../../shared/contract/enrollment-api';
import type { App } from '../../plugins/app-types';
import { sendError } from '../../plugins/error-handler-plugin';
import { checkEligibility } from '../../services/eligibility-check-service';
import { sweepInactive } from '../../services/inactivity-sweep';
import type { ServiceContext } from '../../services/service-context';

/** POST /v1/lookups: may this person activate now? Answers codes only, never UI text. */
export function registerLookupRoutes(app: App, ctx: ServiceContext): void {
  // Lookups answer ACCOUNT_DEACTIVATED from the sweep's marks (parents seed): bring them up to
  // date before the first request, whatever the scheduled sweep missed while the server was down.
  app.addHook('onReady', async () => {
    await sweepInactive(ctx.store, ctx.profiles.values(), ctx.now());
  });
  app.route({
    method: enrollmentRoutes.lookups.method,
    url: enrollmentRoutes.lookups.path,
    schema: { body: LookupRequestSchema, response: { 200: LookupResponseSchema } },
    handler: async (request, reply) => {
      const checked = await checkEligibility(ctx, request.terminalId, request.body.profileId, request.body.identity);
      if (!checked.ok) return sendError(reply, checked.error);
      return { eligible: true as const };
    },
  });
}
