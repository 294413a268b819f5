import { z } from 'zod';
import {
  StaffCreateRequestSchema,
  StaffCreateResponseSchema,
  StaffListResponseSchema,
  StaffUsernameSchema,
  TerminalListResponseSchema,
  staffRoutes,
} from '../../../shared/contract/staff-api';
import type { App } from '../../plugins/app-types';
import { sendError } from '../../plugins/error-handler-plugin';
import { adminActor, revokeTerminalAsAdmin, staffList, terminalList } from '../../services/admin-service';
import type { ServiceContext } from '../../services/service-context';
import { StaffAccountExistsError, createStaffAccount, disableStaff } from '../../services/staff-account-service';
import { registerAdminAuditRoute } from './admin-audit-route';

const StaffItemSchema = StaffListResponseSchema.shape.staff.element;
const TerminalItemSchema = TerminalListResponseSchema.shape.terminals.element;
const UsernameParamsSchema = z.strictObject({ username: StaffUsernameSchema });
const TerminalParamsSchema = z.strictObject({ terminalId: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/) });

/**
 * Admin routes (issue 6), `staffRole: 'admin'`: staff accounts and terminals. The generated
 * password and TOTP URI are answered once and never stored in clear. An admin cannot disable
 * their own account nor revoke the terminal they are on (NOT_APPLICABLE): no self-lockout.
 */
export function registerAdminRoutes(app: App, ctx: ServiceContext): void {
  const config = { staffRole: 'admin' as const };
  app.route({
    method: staffRoutes.adminStaffList.method,
    url: staffRoutes.adminStaffList.path,
    config,
    schema: { response: { 200: StaffListResponseSchema } },
    handler: async () => ({ staff: await staffList(ctx) }),
  });
  app.route({
    method: staffRoutes.adminStaffCreate.method,
    url: staffRoutes.adminStaffCreate.path,
    config,
    schema: { body: StaffCreateRequestSchema, response: { 201: StaffCreateResponseSchema } },
    handler: async (request, reply) => {
      if (!request.staff) return sendError(reply, { code: 'UNAUTHORIZED' });
      const { username, displayName, role, email, totp } = request.body;
      try {
        const created = await createStaffAccount(ctx, { username, displayName, role, email, totp }, adminActor(request.staff));
        const answer = { staff: { username, displayName, role }, password: created.password, ...(created.totpUri ? { totpUri: created.totpUri } : {}) };
        return reply.code(201).send(answer);
      } catch (error) {
        if (error instanceof StaffAccountExistsError) return sendError(reply, { code: 'NOT_APPLICABLE' });
        throw error;
      }
    },
  });
  app.route({
    method: staffRoutes.adminStaffDisable.method,
    url: staffRoutes.adminStaffDisable.path,
    config,
    schema: { params: UsernameParamsSchema, response: { 200: z.object({ staff: StaffItemSchema }) } },
    handler: async (request, reply) => {
      if (!request.staff) return sendError(reply, { code: 'UNAUTHORIZED' });
      const { username } = request.params;
      if (username === request.staff.username) return sendError(reply, { code: 'NOT_APPLICABLE' });
      if (!await disableStaff(ctx, username, adminActor(request.staff))) return sendError(reply, { code: 'NOT_FOUND' });
      const staff = (await staffList(ctx)).find((item) => item.username === username);
      return staff ? { staff } : sendError(reply, { code: 'NOT_FOUND' });
    },
  });
  app.route({
    method: staffRoutes.adminTerminals.method,
    url: staffRoutes.adminTerminals.path,
    config,
    schema: { response: { 200: TerminalListResponseSchema } },
    handler: async () => ({ terminals: await terminalList(ctx) }),
  });
  app.route({
    method: staffRoutes.adminTerminalRevoke.method,
    url: staffRoutes.adminTerminalRevoke.path,
    config,
    schema: { params: TerminalParamsSchema, response: { 200: z.object({ terminal: TerminalItemSchema }) } },
    handler: async (request, reply) => {
      if (!request.staff) return sendError(reply, { code: 'UNAUTHORIZED' });
      const { terminalId } = request.params;
      if (terminalId === request.staff.terminalId) return sendError(reply, { code: 'NOT_APPLICABLE' });
      if (!await revokeTerminalAsAdmin(ctx, request.staff, terminalId)) return sendError(reply, { code: 'NOT_FOUND' });
      const terminal = (await terminalList(ctx)).find((item) => item.id === terminalId);
      return terminal ? { terminal } : sendError(reply, { code: 'NOT_FOUND' });
    },
  });
  registerAdminAuditRoute(app, ctx);
}
