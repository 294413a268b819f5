import { HeartbeatRequestSchema, HeartbeatResponseSchema, fleetRoutes } from '../../../shared/contract/fleet-api';
import type { App } from '../../plugins/app-types';
import { recordHeartbeat } from '../../services/fleet-service';
import type { ServiceContext } from '../../services/service-context';
import { registerFleetRoute } from '../admin/fleet-route';

/**
 * `POST /v1/heartbeats` (terminal bearer token): the terminal's status replaces the last one.
 * No Idempotency-Key: a beat sent twice says the same thing twice. Not audited: one a minute
 * per terminal would drown the trail, and it changes nothing but the status row.
 * Registered with the admin fleet view it feeds (issue 5).
 */
export function registerHeartbeatModule(app: App, ctx: ServiceContext): void {
  app.route({
    method: fleetRoutes.heartbeats.method,
    url: fleetRoutes.heartbeats.path,
    schema: { body: HeartbeatRequestSchema, response: { 200: HeartbeatResponseSchema } },
    handler: async (request) => await recordHeartbeat(ctx, request.terminalId, request.body),
  });
  registerFleetRoute(app, ctx);
}
