import type { FleetTerminal } from '../../shared/contract/fleet-api';
import { fleetOf } from '../services/fleet-service';
import { createTerminal, revokeTerminal } from '../services/terminal-service';
import { openServerStore } from '../store/sqlite/server-database';
import type { Command } from './cli-args';
import type { CliIo } from './cli-commands';

type TerminalCommand = Extract<Command, { command: 'terminals create' | 'terminals revoke' }>;

/**
 * `terminals create|revoke`, audited with `system` as the actor. Revoking ends the staff
 * sessions open on the terminal; a revoked id is never given a token again (exit 1).
 */
export async function runTerminalCommand(command: TerminalCommand, io: CliIo, now = (): Date => new Date()): Promise<number> {
  const store = openServerStore(command.dataDir);
  const ctx = { store, now };
  try {
    if (command.command === 'terminals revoke') {
      const revoked = await revokeTerminal(ctx, command.id);
      if (!revoked) {
        io.err(`terminal ${command.id}: unknown or already revoked`);
        return 1;
      }
      io.out(`terminal ${command.id} revoked; ${revoked.sessionsEnded} staff session(s) ended`);
      return 0;
    }
    const created = await createTerminal(ctx, command.id, command.name ?? command.id);
    if (!created.ok) {
      io.err(`terminal ${command.id} was revoked on ${created.revokedAt}; a revoked id is never reused: register the device under a new id`);
      return 1;
    }
    io.out(`terminal ${command.id}${created.rotated ? ' (new token; the old one and its staff sessions no longer work)' : ''}: token (shown once, only its hash is stored):`);
    io.out(created.token);
    return 0;
  } finally {
    await store.close();
  }
}

export const FLEET_HEADER = 'id\tname\tlast_heartbeat\tversion\tmode\toutbox\toldest_queued\tlast_sync\twipe_check\tflags';

function wipeCell(terminal: FleetTerminal): string {
  const check = terminal.lastWipeCheck;
  if (!check) return '-';
  return check.ok ? `ok ${check.at}` : `FAILED(${check.leaks}) ${check.at}`;
}

/** The flags in capitals, so a flagged terminal stands out in a terminal window and in grep. */
export function flagsCell(terminal: FleetTerminal): string {
  const flags = [
    terminal.revokedAt ? 'revoked' : null,
    terminal.flags.silent ? 'SILENT' : null,
    terminal.flags.outboxGrowing ? 'OUTBOX_GROWING' : null,
    terminal.flags.wipeCheckFailed ? 'WIPE_CHECK_FAILED' : null,
    terminal.flags.openFollowUps ? `FOLLOW_UPS(${terminal.openFollowUps})` : null,
  ].filter((flag) => flag !== null);
  return flags.length > 0 ? flags.join(',') : 'ok';
}

/**
 * `fleet`: every terminal with its latest heartbeat and flags, tab-separated, read from the data
 * folder (the same view as `GET /v1/admin/fleet`). Exit 1 when any terminal is flagged, so a
 * cron job or a monitoring probe can alert on it.
 */
export async function runFleetCommand(command: { dataDir: string }, io: CliIo, now = new Date()): Promise<number> {
  const store = openServerStore(command.dataDir);
  try {
    const fleet = await fleetOf({ store, now: () => now });
    io.out(FLEET_HEADER);
    let flagged = 0;
    for (const t of fleet.terminals) {
      const flags = flagsCell(t);
      if (flags !== 'ok' && flags !== 'revoked') flagged += 1;
      const cells = [t.id, t.name, t.lastHeartbeatAt, t.appVersion, t.mode, t.outboxDepth, t.oldestQueuedAt, t.lastSyncAt, wipeCell(t), flags];
      // Names are typed by an admin: tabs and line breaks would break the columns.
      io.out(cells.map((cell) => (cell === undefined ? '-' : String(cell).replace(/[\t\r\n]/g, ' '))).join('\t'));
    }
    io.err(`${fleet.terminals.length} terminal(s), ${flagged} flagged`);
    return flagged > 0 ? 1 : 0;
  } finally {
    await store.close();
  }
}
