import type { App } from '../plugins/app-types';
import { registerStaffAuth } from '../plugins/staff-auth-plugin';
import type { ServiceContext } from '../services/service-context';
import { registerAdminRoutes } from './admin/admin-routes';
import { registerFollowUpRoutes } from './follow-ups/follow-ups-routes';
import { registerGroupRoutes } from './groups/groups-routes';
import { registerStaffDeskRoutes } from './staff-desk/staff-desk-routes';
import { registerStaffSessionRoutes } from './staff-sessions/staff-sessions-routes';

/** Staff and admin (issue 6): the staff token hook, then one module per resource. */
export function registerStaffModule(app: App, ctx: ServiceContext): void {
  registerStaffAuth(app, ctx);
  registerStaffSessionRoutes(app, ctx);
  registerStaffDeskRoutes(app, ctx);
  registerGroupRoutes(app, ctx);
  registerFollowUpRoutes(app, ctx);
  registerAdminRoutes(app, ctx);
}
