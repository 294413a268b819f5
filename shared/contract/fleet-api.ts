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

/** How many follow-ups one heartbeat carries at most; the rest go with the next ones. */
export const FOLLOW_UPS_PER_HEARTBEAT = 50;

/** The kiosk's receipt reference, the one the person holds (`SES-7K4Q-92XD`). */
export const ReceiptReferenceSchema = z.string().regex(/^SES-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
export const FOLLOW_UP_KINDS = ['activation', 'confirmation', 'helpRequest'] as const;
export const FollowUpKindSchema = z.enum(FOLLOW_UP_KINDS);

/**
 * A final refusal the kiosk got after the person left (issue 5): the queued submission behind
 * this reference will not happen, and staff must reach the person. The reference is all that
 * identifies them; no name, no identity field, no secret.
 */
export const FollowUpReportSchema = z.strictObject({
  reference: ReceiptReferenceSchema,
  kind: FollowUpKindSchema,
  /** The server's stable error code for the refusal (e.g. CODE_ALREADY_USED). */
  code: z.string().regex(/^[A-Z][A-Z0-9_]{1,63}$/),
  refusedAt: z.iso.datetime(),
});
export type FollowUpReport = z.infer<typeof FollowUpReportSchema>;

export const HeartbeatRequestSchema = z.strictObject({
  appVersion: z.string().regex(/^[0-9A-Za-z.+-]{1,64}$/),
  mode: TerminalModeSchema,
  outboxDepth: z.number().int().nonnegative().max(1_000_000),
  /** When the oldest item still waiting in the outbox was queued. */
  oldestQueuedAt: z.iso.datetime().optional(),
  /** The terminal's last successful exchange with this server. */
  lastSyncAt: z.iso.datetime().optional(),
  lastWipeCheck: WipeCheckSchema.optional(),
  /** Refusals nobody at the screen saw, not yet acknowledged by this server. */
  followUps: z.array(FollowUpReportSchema).max(FOLLOW_UPS_PER_HEARTBEAT).optional(),
});
export type HeartbeatRequest = z.infer<typeof HeartbeatRequestSchema>;

export const HeartbeatResponseSchema = z.object({
  serverTime: z.iso.datetime(),
  /** When the server expects the next one; advisory (the terminal keeps its own interval). */
  nextInS: z.number().int().positive(),
  /** The references of the beat's follow-ups now on record (new or already known): the kiosk stops sending them. */
  followUpsRecorded: z.array(ReceiptReferenceSchema).max(FOLLOW_UPS_PER_HEARTBEAT).optional(),
});
export type HeartbeatResponse = z.infer<typeof HeartbeatResponseSchema>;

export const FleetFlagsSchema = z.object({
  /** No heartbeat for more than SILENT_AFTER_INTERVALS intervals (or never), terminal not revoked. */
  silent: z.boolean(),
  /** Depth up at each of the last DEPTH_HISTORY heartbeats, or the oldest item older than OUTBOX_STUCK_AFTER_S. */
  outboxGrowing: z.boolean(),
  /** The last wipe check reported a trace left on the page. */
  wipeCheckFailed: z.boolean(),
  /** Refusals reported by this terminal that staff have not resolved yet. */
  openFollowUps: z.boolean(),
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
  openFollowUps: z.number().int().nonnegative(),
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
