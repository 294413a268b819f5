import type { StaffRole } from '../../shared/contract/staff-api';
import { STAFF_TOKEN_HEADER, staffRoutes } from '../../shared/contract/staff-api';
import type { ServiceContext } from '../services/service-context';
import { auditStaffCallRefused, checkStaffToken } from '../services/staff-auth-service';
import type { App } from './app-types';
import { sendError } from './error-handler-plugin';

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

const RANK: Record<StaffRole, number> = { agent: 1, admin: 2 };

export function roleAllows(role: StaffRole, needed: StaffRole): boolean {
  return RANK[role] >= RANK[needed];
}

/** A route the staff token hook guards, as declared (for the start-up guard and the refusal tests). */
export interface StaffRouteEntry {
  method: string;
  url: string;
  role: StaffRole;
}

/** URL prefixes where every route is a staff action (checked case-insensitively). */
export const STAFF_URL_PREFIXES = ['/v1/staff/', '/v1/admin/'] as const;

/** The only staff-prefixed route reachable without a staff token: signing in is how one gets it. */
const OPEN_STAFF_ROUTES = new Set([`${staffRoutes.signIn.method} ${staffRoutes.signIn.path}`]);

const tables = new WeakMap<object, StaffRouteEntry[]>();

function isStaffUrl(url: string): boolean {
  const lower = `${url.toLowerCase()}/`;
  return STAFF_URL_PREFIXES.some((prefix) => lower.startsWith(prefix));
}

/** Every route registered with a `staffRole` on this app (GET routes once, without their HEAD twin). */
export function staffRouteTable(app: App): readonly StaffRouteEntry[] {
  return tables.get(app) ?? [];
}

/**
 * Start-up guard (issue 6, "the server refuses any action outside the caller's role"): a route
 * under /v1/staff or /v1/admin declared without `config.staffRole` would skip the staff token
 * hook and answer anyone holding a terminal token, so registering one throws and the server
 * does not start. Must be registered before any route: Fastify runs onRoute hooks only for
 * routes added after them.
 */
export function registerStaffRouteGuard(app: App): void {
  const table: StaffRouteEntry[] = [];
  tables.set(app, table);
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const role = route.config?.staffRole;
    for (const method of methods) {
      if (method === 'HEAD') continue;
      if (role !== undefined) {
        table.push({ method, url: route.url, role });
      } else if (isStaffUrl(route.url) && !OPEN_STAFF_ROUTES.has(`${method} ${route.url}`)) {
        throw new Error(`staff route ${method} ${route.url} has no config.staffRole: every route under ${STAFF_URL_PREFIXES.join(' or ')} must name the least role it needs`);
      }
    }
  });
}

/**
 * The staff token check (issue 6): on routes with `config.staffRole`, after the terminal's
 * bearer hook and before the body is parsed, so a refused call never learns the schema.
 * The server decides the role on every call, whatever the kiosk shows.
 */
export function registerStaffAuth(app: App, ctx: ServiceContext): void {
  app.decorateRequest('staff', null);
  app.addHook('onRequest', async (request, reply) => {
    const needed = request.routeOptions.config.staffRole;
    if (needed === undefined) return;
    const header = request.headers[STAFF_TOKEN_HEADER];
    const token = typeof header === 'string' ? header : undefined;
    // The terminal hook ran first and refused a call without a valid bearer token.
    if (!request.terminalId) return sendError(reply, { code: 'UNAUTHORIZED' });
    const checked = await checkStaffToken(ctx.store, token, request.terminalId, ctx.now());
    const route = `${request.method} ${request.routeOptions.url ?? ''}`;
    if (!checked.ok) {
      await auditStaffCallRefused(ctx, { terminalId: request.terminalId, route, outcome: 'UNAUTHORIZED', reason: checked.reason, username: checked.username });
      return sendError(reply, { code: 'UNAUTHORIZED' });
    }
    if (!roleAllows(checked.principal.role, needed)) {
      await auditStaffCallRefused(ctx, { terminalId: request.terminalId, route, outcome: 'FORBIDDEN', reason: `role:${checked.principal.role}`, username: checked.principal.username });
      return sendError(reply, { code: 'FORBIDDEN' });
    }
    request.staff = checked.principal;
  });
}
