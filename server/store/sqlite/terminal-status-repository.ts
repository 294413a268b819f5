import type { Db } from './connection';
import type { TerminalStatusRow, FleetRow } from '../ports/terminal-status-store';

interface StoredStatus extends Omit<TerminalStatusRow, 'recentDepths'> {
  recentDepthsJson: string;
}

const STATUS_COLUMNS = `s.terminal_id AS terminalId, s.received_at AS receivedAt, s.app_version AS appVersion, s.mode,
  s.outbox_depth AS outboxDepth, s.oldest_queued_at AS oldestQueuedAt, s.last_sync_at AS lastSyncAt,
  s.wipe_check_at AS wipeCheckAt, s.wipe_check_ok AS wipeCheckOk, s.wipe_check_leaks AS wipeCheckLeaks,
  s.recent_depths_json AS recentDepthsJson`;

function toStatus(row: StoredStatus): TerminalStatusRow {
  const { recentDepthsJson, ...rest } = row;
  return { ...rest, recentDepths: JSON.parse(recentDepthsJson) as number[] };
}

export function findTerminalStatus(db: Db, terminalId: string): TerminalStatusRow | undefined {
  const row = db.prepare(`SELECT ${STATUS_COLUMNS} FROM terminal_status s WHERE s.terminal_id = ?`).get(terminalId) as StoredStatus | undefined;
  return row && toStatus(row);
}

/** Replaces the terminal's status with this heartbeat. */
export function saveTerminalStatus(db: Db, status: TerminalStatusRow): void {
  const { recentDepths, ...rest } = status;
  db.prepare(
    `INSERT INTO terminal_status (terminal_id, received_at, app_version, mode, outbox_depth, oldest_queued_at, last_sync_at,
       wipe_check_at, wipe_check_ok, wipe_check_leaks, recent_depths_json)
     VALUES (@terminalId, @receivedAt, @appVersion, @mode, @outboxDepth, @oldestQueuedAt, @lastSyncAt,
       @wipeCheckAt, @wipeCheckOk, @wipeCheckLeaks, @recentDepthsJson)
     ON CONFLICT (terminal_id) DO UPDATE SET received_at = excluded.received_at, app_version = excluded.app_version,
       mode = excluded.mode, outbox_depth = excluded.outbox_depth, oldest_queued_at = excluded.oldest_queued_at,
       last_sync_at = excluded.last_sync_at, wipe_check_at = excluded.wipe_check_at, wipe_check_ok = excluded.wipe_check_ok,
       wipe_check_leaks = excluded.wipe_check_leaks, recent_depths_json = excluded.recent_depths_json`,
  ).run({ ...rest, recentDepthsJson: JSON.stringify(recentDepths) });
}

/** Every terminal, with its status when it has one, by id. */
export function listFleet(db: Db): FleetRow[] {
  const rows = db
    .prepare(
      `SELECT t.id, t.name, t.created_at AS createdAt, t.revoked_at AS revokedAt, ${STATUS_COLUMNS}
       FROM terminals t LEFT JOIN terminal_status s ON s.terminal_id = t.id ORDER BY t.id`,
    )
    .all() as (StoredStatus & { id: string; name: string; createdAt: string; revokedAt: string | null; terminalId: string | null })[];
  return rows.map(({ id, name, createdAt, revokedAt, ...status }) => ({
    id,
    name,
    createdAt,
    revokedAt,
    status: status.terminalId === null ? null : toStatus(status as StoredStatus),
  }));
}
