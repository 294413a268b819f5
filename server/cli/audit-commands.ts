import { listAudit, verifyAuditTrail } from '../audit/audit-log';
import type { AuditHead } from '../audit/audit-log';
import { openServerStore } from '../store/sqlite/server-database';
import type { StoreOps } from '../store/store';
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
 * `audit verify`: exit 0 when every hash holds (and the expected head, if given, is still in the
 * chain), printing the head to note for the next check; 1 with the reason otherwise.
 * `audit export`: the trail as CSV on stdout (no secret is ever in it), page by page.
 */
export async function runAuditCommand(command: AuditCommand, io: CliIo): Promise<number> {
  const store = openServerStore(command.dataDir);
  try {
    if (command.command === 'audit verify') return await verify(store, command.expectHead, io);
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

const headText = (head: AuditHead | null) => (head ? `${head.seq}:${head.hash}` : 'none');

async function verify(store: StoreOps, expected: AuditHead | undefined, io: CliIo): Promise<number> {
  const check = await verifyAuditTrail(store, expected);
  if (!check.chain.ok) {
    io.err(`audit chain broken at entry ${check.chain.brokenAt ?? '?'}`);
    // Not accepted either: without the key, anyone could have written it (server/README.md).
    if (check.unkeyed) io.err('that entry is hashed without the audit key: a trail written before the keyed chain, or re-hashed by someone without the key');
    return 1;
  }
  if (expected && check.anchor === 'missing') {
    io.err(`audit trail cut: expected head ${expected.seq} is gone, the trail ends at ${check.head?.seq ?? 0}`);
    return 1;
  }
  if (expected && check.anchor === 'differs') {
    io.err(`audit trail rewritten: entry ${expected.seq} no longer has the expected hash`);
    return 1;
  }
  io.out(`audit chain intact: ${check.chain.checked} entries, head ${headText(check.head)}`);
  if (expected) io.out(`expected head ${headText(expected)} is in the chain`);
  return 0;
}
