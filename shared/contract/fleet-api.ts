import { z } from 'zod';
import { TerminalModeSchema } from '../schemas/terminal-config-schema';

/**
 * Heartbeats and the fleet view (issue 5, DESIGN.md "Sync": "a heartbeat tells the server each
 * terminal's version, queue depth, last sync"). A heartbeat is status only: counts, times and a
 * verdict, never a person, a page's content or a secret.
 */

/** The interval the server expects; a terminal silent for more than 3 of them is flagged. */
export const HEARTBEAT_INTERVAL_S = 60;
export const SILENT_AFTER_INTERVALS = 3;
/** An item queued longer than this means the outbox is not draining (flag `outboxGrowing`). */
export const OUTBOX_STUCK_AFTER_S = 15 * 60;
/** How many past depths the server keeps per terminal to see a queue that keeps growing. */
export const DEPTH_HISTORY = 3;

/** The result of the page's own check after a session wipe (LOCKDOWN.md #20): a count, never what leaked. */
export const WipeCheckSchema = z.strictObject({
  at: z.iso.datetime(),
  ok: z.boolean(),
  leaks: z.number().int().nonnegative().max(1000),
});
export type WipeCheck = z.infer<typeof WipeCheckSchema>;

export const HeartbeatRequestSchema = z.strictObject({
  appVersion: z.string().regex(/^[0-9A-Za-z.+-]{1,64}$/),
  mode: TerminalModeSchema,
  outboxDepth: z.number().int().nonnegative().max(1_000_000),
  /** When the oldest item still waiting in the outbox was queued. */
  oldestQueuedAt: z.iso.datetime().optional(),
  /** The terminal's last successful exchange with this server. */
  lastSyncAt: z.iso.datetime().optional(),
  lastWipeCheck: WipeCheckSchema.optional(),
});
export type HeartbeatRequest = z.infer<typeof HeartbeatRequestSchema>;

export const HeartbeatResponseSchema = z.object({
  serverTime: z.iso.datetime(),
  /** When the server expects the next one; advisory (the terminal keeps its own interval). */
  nextInS: z.number().int().positive(),
});
export type HeartbeatResponse = z.infer<typeof HeartbeatResponseSchema>;

export const FleetFlagsSchema = z.object({
  /** No heartbeat for more than SILENT_AFTER_INTERVALS intervals (or never), terminal not revoked. */
  silent: z.boolean(),
  /** Depth up at each of the last DEPTH_HISTORY heartbeats, or the oldest item older than OUTBOX_STUCK_AFTER_S. */
  outboxGrowing: z.boolean(),
  /** The last wipe check reported a trace left on the page. */
  wipeCheckFailed: z.boolean(),
});
export type FleetFlags = z.infer<typeof FleetFlagsSchema>;

export const FleetTerminalSchema = z.object({
  id: z.string(),
  name: z.string(),
  revokedAt: z.iso.datetime().optional(),
  lastHeartbeatAt: z.iso.datetime().optional(),
  appVersion: z.string().optional(),
  mode: TerminalModeSchema.optional(),
  outboxDepth: z.number().int().nonnegative().optional(),
  oldestQueuedAt: z.iso.datetime().optional(),
  lastSyncAt: z.iso.datetime().optional(),
  lastWipeCheck: WipeCheckSchema.optional(),
  flags: FleetFlagsSchema,
});
export type FleetTerminal = z.infer<typeof FleetTerminalSchema>;

export const FleetResponseSchema = z.object({
  serverTime: z.iso.datetime(),
  intervalS: z.number().int().positive(),
  terminals: z.array(FleetTerminalSchema),
});
export type FleetResponse = z.infer<typeof FleetResponseSchema>;

export const fleetRoutes = {
  /** Terminal bearer token. */
  heartbeats: { method: 'POST', path: '/v1/heartbeats' },
  /** Terminal bearer token and a staff token of role admin. */
  adminFleet: { method: 'GET', path: '/v1/admin/fleet' },
} as const;
