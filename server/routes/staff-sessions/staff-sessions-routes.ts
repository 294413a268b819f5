import { SignedOutResponseSchema, StaffSessionResponseSchema, StaffSignInRequestSchema, staffRoutes } from '../../../shared/contract/staff-api';
import type { App } from '../../plugins/app-types';
import { sendError } from '../../plugins/error-handler-plugin';
import type { ServiceContext } from '../../services/service-context';
import { signInStaff, signOutStaff, warmStaffSignIn } from '../../services/staff-auth-service';

/**
 * Staff sign-in and sign-out (issue 6). Signing in needs only the terminal's bearer token: every
 * terminal may host a staff session (kiosk or desk mode is the kiosk's concern).
 */
export function registerStaffSessionRoutes(app: App, ctx: ServiceContext): void {
  app.addHook('onReady', warmStaffSignIn);
  app.route({
    method: staffRoutes.signIn.method,
    url: staffRoutes.signIn.path,
    schema: { body: StaffSignInRequestSchema, response: { 201: StaffSessionResponseSchema } },
    handler: async (request, reply) => {
      const session = await signInStaff(ctx, request.terminalId, request.body);
      if (!session.ok) return sendError(reply, session.error);
      return reply.code(201).send(session.value);
    },
  });
  app.route({
    method: staffRoutes.signOut.method,
    url: staffRoutes.signOut.path,
    config: { staffRole: 'agent' },
    schema: { response: { 200: SignedOutResponseSchema } },
    handler: async (request, reply) => {
      if (!request.staff) return sendError(reply, { code: 'UNAUTHORIZED' });
      await signOutStaff(ctx, request.staff);
      return { signedOut: true as const };
    },
  });
}
