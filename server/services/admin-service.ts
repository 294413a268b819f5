import type { AuditEntry } from '../../shared/contract/staff-api';
import { appendAudit, listAudit, verifyAuditChain } from '../audit/audit-log';
import type { ChainCheck } from '../audit/audit-log';
import type { StaffPrincipal } from '../plugins/staff-auth-plugin';
import { transaction } from '../store/connection';
import { endSessionsOnTerminal } from '../store/staff-session-repository';
import { listStaff } from '../store/staff-repository';
import { listTerminals } from '../store/terminal-list-repository';
import type { TerminalListRow } from '../store/terminal-list-repository';
import { revokeTerminal } from '../store/terminal-repository';
import type { StaffAccountContext, StaffAuditActor } from './staff-account-service';

/** Admin actions over HTTP (issue 6): each one audited with the admin as actor, in the same transaction. */
export function adminActor(admin: StaffPrincipal): StaffAuditActor {
  return { actorKind: 'staff', actor: admin.username, terminalId: admin.terminalId };
}

export interface StaffListItem {
  username: string;
  displayName: string;
  role: 'agent' | 'admin';
  disabledAt?: string;
  totp: boolean;
}

export function staffList(ctx: StaffAccountContext): StaffListItem[] {
  return listStaff(ctx.db).map((row) => ({
    username: row.username,
    displayName: row.displayName,
    role: row.role,
    ...(row.disabledAt ? { disabledAt: row.disabledAt } : {}),
    totp: row.totpSecretEnc !== null,
  }));
}

export function terminalList(ctx: StaffAccountContext): { id: string; name: string; createdAt: string; revokedAt?: string }[] {
  return listTerminals(ctx.db).map((row: TerminalListRow) => ({
    id: row.id,
    name: row.name,
    createdAt: row.createdAt,
    ...(row.revokedAt ? { revokedAt: row.revokedAt } : {}),
  }));
}

/** Revokes a terminal's token and ends the staff sessions open on it; false when unknown or already revoked. */
export function revokeTerminalAsAdmin(ctx: StaffAccountContext, admin: StaffPrincipal, terminalId: string): boolean {
  const now = ctx.now();
  return transaction(ctx.db, (tx) => {
    if (!revokeTerminal(tx, terminalId, now.toISOString())) return false;
    const ended = endSessionsOnTerminal(tx, terminalId, now.toISOString());
    appendAudit(tx, { ...adminActor(admin), action: 'terminal.revoke', subject: `terminal:${terminalId}`, outcome: 'ok', details: { sessionsEnded: ended } }, now);
    return true;
  });
}

/** A page of the audit trail, the whole chain checked; reading the trail is itself audited. */
export function exportAudit(ctx: StaffAccountContext, admin: StaffPrincipal, afterSeq: number, limit: number): { entries: AuditEntry[]; chain: ChainCheck } {
  const now = ctx.now();
  return transaction(ctx.db, (tx) => {
    const entries = listAudit(tx, { afterSeq, limit });
    const chain = verifyAuditChain(tx);
    appendAudit(
      tx,
      { ...adminActor(admin), action: 'audit.export', subject: null, outcome: chain.ok ? 'ok' : 'CHAIN_BROKEN', details: { after: afterSeq, count: entries.length } },
      now,
    );
    return { entries, chain };
  });
}
