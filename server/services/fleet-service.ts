import {
  DEPTH_HISTORY,
  HEARTBEAT_INTERVAL_S,
  OUTBOX_STUCK_AFTER_S,
  SILENT_AFTER_INTERVALS,
  type FleetFlags,
  type FleetResponse,
  type FleetTerminal,
  type HeartbeatRequest,
  type HeartbeatResponse,
} from '../../shared/contract/fleet-api';
import type { TerminalMode } from '../../shared/schemas/terminal-config-schema';
import type { Store } from '../store/store';
import type { FleetRow, TerminalStatusRow } from '../store/ports/terminal-status-store';
import { recordFollowUps } from './follow-up-service';

/**
 * Heartbeats in, the fleet out (issue 5). A heartbeat replaces the terminal's status and appends
 * its depth to the last few; the flags are computed when the fleet is read, against the server's
 * clock, so a terminal that stops talking is flagged without any timer running on the server.
 */
export async function recordHeartbeat(ctx: { store: Store; now: () => Date }, terminalId: string, beat: HeartbeatRequest): Promise<HeartbeatResponse> {
  const now = ctx.now().toISOString();
  // One write transaction: two beats racing both land in the depth history, in order, and the
  // follow-ups are acknowledged only if the whole beat was recorded.
  const recorded = await ctx.store.transaction(async (tx) => {
    const previous = (await tx.terminalStatus.findTerminalStatus(terminalId))?.recentDepths ?? [];
    await tx.terminalStatus.saveTerminalStatus({
      terminalId,
      receivedAt: now,
      appVersion: beat.appVersion,
      mode: beat.mode,
      outboxDepth: beat.outboxDepth,
      oldestQueuedAt: beat.oldestQueuedAt ?? null,
      lastSyncAt: beat.lastSyncAt ?? null,
      wipeCheckAt: beat.lastWipeCheck?.at ?? null,
      wipeCheckOk: beat.lastWipeCheck === undefined ? null : Number(beat.lastWipeCheck.ok),
      wipeCheckLeaks: beat.lastWipeCheck?.leaks ?? null,
      recentDepths: [...previous, beat.outboxDepth].slice(-DEPTH_HISTORY),
    });
    return recordFollowUps(tx, terminalId, beat.followUps ?? [], now);
  });
  return { serverTime: now, nextInS: HEARTBEAT_INTERVAL_S, ...(beat.followUps === undefined ? {} : { followUpsRecorded: recorded }) };
}

export async function fleetOf(ctx: { store: Store; now: () => Date }): Promise<FleetResponse> {
  const now = ctx.now();
  const openFollowUps = await ctx.store.followUps.countOpenFollowUpsByTerminal();
  return {
    serverTime: now.toISOString(),
    intervalS: HEARTBEAT_INTERVAL_S,
    terminals: (await ctx.store.terminalStatus.listFleet()).map((row) => fleetTerminal(row, now.getTime(), openFollowUps.get(row.id) ?? 0)),
  };
}

function fleetTerminal(row: FleetRow, nowMs: number, openFollowUps: number): FleetTerminal {
  const { status } = row;
  const flags = { ...flagsOf(row, nowMs), openFollowUps: openFollowUps > 0 };
  const base = { id: row.id, name: row.name, ...(row.revokedAt ? { revokedAt: row.revokedAt } : {}), openFollowUps, flags };
  if (!status) return base;
  const wipe = status.wipeCheckAt === null ? undefined : { at: status.wipeCheckAt, ok: status.wipeCheckOk === 1, leaks: status.wipeCheckLeaks ?? 0 };
  return {
    ...base,
    lastHeartbeatAt: status.receivedAt,
    appVersion: status.appVersion,
    mode: status.mode as TerminalMode,
    outboxDepth: status.outboxDepth,
    ...(status.oldestQueuedAt ? { oldestQueuedAt: status.oldestQueuedAt } : {}),
    ...(status.lastSyncAt ? { lastSyncAt: status.lastSyncAt } : {}),
    ...(wipe ? { lastWipeCheck: wipe } : {}),
  };
}

export function flagsOf(row: FleetRow, nowMs: number): Omit<FleetFlags, 'openFollowUps'> {
  const { status } = row;
  const silentAfterMs = SILENT_AFTER_INTERVALS * HEARTBEAT_INTERVAL_S * 1000;
  // A revoked terminal is expected to be silent. One never heard from is judged from its
  // registration: just installed, it has not had the time of a first beat (one interval).
  const silent = row.revokedAt === null && nowMs - Date.parse(status?.receivedAt ?? row.createdAt) > silentAfterMs;
  return { silent, outboxGrowing: status !== null && outboxGrowing(status, nowMs), wipeCheckFailed: status?.wipeCheckOk === 0 };
}

/**
 * "Depth up over the last 3 heartbeats": each of the last DEPTH_HISTORY depths above the one
 * before. The age of the oldest item is read against the server's clock (a terminal's clock far
 * behind would hide it; the depth rule still catches a queue that keeps growing).
 */
function outboxGrowing(status: TerminalStatusRow, nowMs: number): boolean {
  const depths = status.recentDepths;
  const rising = depths.length === DEPTH_HISTORY && depths.every((depth, i) => i === 0 || depth > (depths[i - 1] ?? depth));
  const stuck = status.oldestQueuedAt !== null && nowMs - Date.parse(status.oldestQueuedAt) > OUTBOX_STUCK_AFTER_S * 1000;
  return rising || stuck;
}
