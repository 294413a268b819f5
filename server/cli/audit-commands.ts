import { lastAuditSeq, listAudit, verifyAuditChain } from '../audit/audit-log';
import { openServerStore } from '../store/sqlite/server-database';
import type { Command } from './cli-args';
import type { CliIo } from './cli-commands';

type AuditCommand = Extract<Command, { command: 'audit verify' | 'audit export' }>;

export const AUDIT_CSV_HEADER = 'seq,at,actor_kind,actor,terminal_id,action,subject,outcome,details,hash';
const PAGE = 1000;

/** Quoted when needed; a leading formula character is defused so a spreadsheet shows text, not a formula. */
function csvCell(value: string | number | null): string {
  const text = value === null ? '' : String(value);
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * `audit verify`: exit 0 when every hash holds, 1 with the first broken entry otherwise.
 * `audit export`: the trail as CSV on stdout (no secret is ever in it), page by page.
 */
export async function runAuditCommand(command: AuditCommand, io: CliIo): Promise<number> {
  const store = openServerStore(command.dataDir);
  try {
    if (command.command === 'audit verify') {
      const check = await verifyAuditChain(store);
      if (!check.ok) {
        io.err(`audit chain broken at entry ${check.brokenAt ?? '?'}`);
        return 1;
      }
      const head = (await listAudit(store, { afterSeq: (await lastAuditSeq(store)) - 1, limit: 1 }))[0]?.hash ?? 'none';
      io.out(`audit chain intact: ${check.checked} entries, head ${head}`);
      return 0;
    }
    io.out(AUDIT_CSV_HEADER);
    let after = command.after;
    for (;;) {
      const entries = await listAudit(store, { afterSeq: after, limit: PAGE });
      for (const e of entries) {
        io.out([e.seq, e.at, e.actorKind, e.actor, e.terminalId, e.action, e.subject, e.outcome, JSON.stringify(e.details), e.hash].map(csvCell).join(','));
      }
      if (entries.length < PAGE) return 0;
      after = entries[entries.length - 1]?.seq ?? after;
    }
  } finally {
    await store.close();
  }
}
