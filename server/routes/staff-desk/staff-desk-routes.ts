import { z } from 'zod';
import { CaseIdSchema, DiagnosisSchema, StaffActionRequestSchema, StaffActionResponseSchema, StaffLookupRequestSchema, staffRoutes } from '../../../shared/contract/staff-api';
import type { App } from '../../plugins/app-types';
import { sendError } from '../../plugins/error-handler-plugin';
import type { ServiceContext } from '../../services/service-context';
import { staffAct } from '../../services/staff/staff-actions-service';
import { staffLookup } from '../../services/staff/staff-lookup-service';

const CaseParamsSchema = z.object({ caseId: CaseIdSchema });

/**
 * The desk (issue 6): staff look a person up by their identity fields, see a diagnosis, and act
 * on the case. The staff auth hook refuses these routes without a valid agent session on this
 * terminal; the services audit every lookup and action.
 */
export function registerStaffDeskRoutes(app: App, ctx: ServiceContext): void {
  app.route({
    method: staffRoutes.lookup.method,
    url: staffRoutes.lookup.path,
    config: { staffRole: 'agent' },
    schema: { body: StaffLookupRequestSchema, response: { 200: DiagnosisSchema } },
    handler: async (request, reply) => {
      if (!request.staff) return sendError(reply, { code: 'UNAUTHORIZED' });
      const found = await staffLookup(ctx, request.staff, request.body);
      if (!found.ok) return sendError(reply, found.error);
      return found.value;
    },
  });
  app.route({
    method: staffRoutes.act.method,
    url: staffRoutes.act.path,
    config: { staffRole: 'agent' },
    schema: { params: CaseParamsSchema, body: StaffActionRequestSchema, response: { 200: StaffActionResponseSchema } },
    handler: async (request, reply) => {
      if (!request.staff) return sendError(reply, { code: 'UNAUTHORIZED' });
      const done = await staffAct(ctx, request.staff, request.params.caseId, request.body);
      if (!done.ok) return sendError(reply, done.error);
      return done.value;
    },
  });
}
