import type { App } from '../../plugins/app-types';
import type { ServiceContext } from '../../services/service-context';

// PLACEHOLDER (issue 6, in progress): filled by its owner.
export function registerStaffSessionRoutes(_app: App, _ctx: ServiceContext): void {}
