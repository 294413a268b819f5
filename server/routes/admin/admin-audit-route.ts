import { z } from 'zod';
import { AuditExportResponseSchema, staffRoutes } from '../../../shared/contract/staff-api';
import type { App } from '../../plugins/app-types';
import { sendError } from '../../plugins/error-handler-plugin';
import { exportAudit } from '../../services/admin-service';
import type { ServiceContext } from '../../services/service-context';

export const AUDIT_PAGE_MAX = 1000;
const AuditQuerySchema = z.strictObject({
  after: z.coerce.number().int().nonnegative().default(0),
  limit: z.coerce.number().int().min(1).max(AUDIT_PAGE_MAX).default(200),
});

/** `GET /v1/admin/audit?after=&limit=`: a page of the trail, with the whole chain verified (issue 6). */
export function registerAdminAuditRoute(app: App, ctx: ServiceContext): void {
  app.route({
    method: staffRoutes.adminAudit.method,
    url: staffRoutes.adminAudit.path,
    config: { staffRole: 'admin' },
    schema: { querystring: AuditQuerySchema, response: { 200: AuditExportResponseSchema } },
    handler: async (request, reply) => {
      if (!request.staff) return sendError(reply, { code: 'UNAUTHORIZED' });
      return await exportAudit(ctx, request.staff, request.query.after, request.query.limit);
    },
  });
}
