import type { StaffRole } from '../../shared/contract/staff-api';
import type { ServiceContext } from '../services/service-context';
import type { App } from './app-types';

/** Who is signed in on a staff call; set by the staff auth hook on routes that ask for a role. */
export interface StaffPrincipal {
  username: string;
  displayName: string;
  role: StaffRole;
  /** sha256 of the staff token: the session's key (cases belong to it). */
  tokenHash: string;
  terminalId: string;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** A staff route: the least role it needs (`admin` can do what `agent` can). */
    staffRole?: StaffRole;
  }
  interface FastifyRequest {
    /** Set on staff routes once the staff token is verified; null elsewhere. */
    staff: StaffPrincipal | null;
  }
}

// PLACEHOLDER (issue 6, in progress): the hook is filled by its owner.
export function registerStaffAuth(app: App, _ctx: ServiceContext): void {
  app.decorateRequest('staff', null);
}
