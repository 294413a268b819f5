import { followUpsFor } from '../services/follow-up-service';
import { openServerStore } from '../store/sqlite/server-database';
import type { CliIo } from './cli-commands';

export const FOLLOW_UPS_HEADER = 'id\treference\tterminal\tkind\tcode\trefused_at\treceived_at\tresolved';

/**
 * `followups list`: the refusals terminals reported after the person had left, tab-separated,
 * open ones only unless `--all`. Exit 1 when any is open, so a cron job can alert on it like
 * `fleet`. Resolving is left to the staff route, which knows who resolved it (audited).
 */
export async function runFollowUpsCommand(command: { dataDir: string; all: boolean }, io: CliIo): Promise<number> {
  const store = openServerStore(command.dataDir);
  try {
    const followUps = await followUpsFor({ store }, { state: command.all ? 'all' : 'open' });
    io.out(FOLLOW_UPS_HEADER);
    for (const f of followUps) {
      const resolved = f.resolvedAt ? `${f.resolvedAt} ${f.resolvedBy ?? ''}`.trim() : 'OPEN';
      io.out([f.id, f.reference, f.terminalId, f.kind, f.code, f.refusedAt, f.receivedAt, resolved].map((cell) => String(cell).replace(/[\t\r\n]/g, ' ')).join('\t'));
    }
    const open = followUps.filter((f) => !f.resolvedAt).length;
    io.err(`${followUps.length} follow-up(s), ${open} open`);
    return open > 0 ? 1 : 0;
  } finally {
    await store.close();
  }
}
