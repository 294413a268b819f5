import { FleetResponseSchema, fleetRoutes } from '../../../shared/contract/fleet-api';
import type { App } from '../../plugins/app-types';
import { fleetOf } from '../../services/fleet-service';
import type { ServiceContext } from '../../services/service-context';

/**
 * `GET /v1/admin/fleet` (issue 5): every terminal with its latest heartbeat and the flags
 * `silent`, `outboxGrowing`, `wipeCheckFailed`. Admin only: the staff hook refuses an agent
 * (FORBIDDEN) and a call without a staff token (UNAUTHORIZED) before this handler runs.
 */
export function registerFleetRoute(app: App, ctx: ServiceContext): void {
  app.route({
    method: fleetRoutes.adminFleet.method,
    url: fleetRoutes.adminFleet.path,
    config: { staffRole: 'admin' },
    schema: { response: { 200: FleetResponseSchema } },
    handler: async () => await fleetOf(ctx),
  });
}
