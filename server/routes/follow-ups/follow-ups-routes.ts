import { z } from 'zod';
import {
  FollowUpIdSchema,
  FollowUpListQuerySchema,
  FollowUpListResponseSchema,
  FollowUpResolveResponseSchema,
  followUpRoutes,
} from '../../../shared/contract/follow-up-api';
import type { App } from '../../plugins/app-types';
import { sendError } from '../../plugins/error-handler-plugin';
import { followUpsFor, resolveFollowUpBy } from '../../services/follow-up-service';
import type { ServiceContext } from '../../services/service-context';

const FollowUpParamsSchema = z.object({ followUpId: FollowUpIdSchema });

/**
 * Follow-ups (issue 5): the refusals terminals reported after the person had left. Any staff
 * role lists them (or finds the one behind the reference a person presents) and resolves one
 * once the person has been reached; the staff hook refuses a call without a staff token
 * (UNAUTHORIZED) before these handlers run, and the resolution is audited.
 */
export function registerFollowUpRoutes(app: App, ctx: ServiceContext): void {
  app.route({
    method: followUpRoutes.list.method,
    url: followUpRoutes.list.path,
    config: { staffRole: 'agent' },
    schema: { querystring: FollowUpListQuerySchema, response: { 200: FollowUpListResponseSchema } },
    handler: async (request, reply) => {
      if (!request.staff) return sendError(reply, { code: 'UNAUTHORIZED' });
      return { followUps: await followUpsFor(ctx, request.query) };
    },
  });
  app.route({
    method: followUpRoutes.resolve.method,
    url: followUpRoutes.resolve.path,
    config: { staffRole: 'agent' },
    schema: { params: FollowUpParamsSchema, response: { 200: FollowUpResolveResponseSchema } },
    handler: async (request, reply) => {
      if (!request.staff) return sendError(reply, { code: 'UNAUTHORIZED' });
      const resolved = await resolveFollowUpBy(ctx, request.staff, request.params.followUpId);
      if (!resolved.ok) return sendError(reply, resolved.error);
      return { followUp: resolved.value };
    },
  });
}
