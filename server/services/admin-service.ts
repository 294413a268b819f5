import type { AuditEntry } from '../../shared/contract/staff-api';
import { appendAudit, listAudit, verifyAuditChain } from '../audit/audit-log';
import type { ChainCheck } from '../audit/audit-log';
import type { StaffPrincipal } from '../plugins/staff-auth-plugin';
import type { TerminalListRow } from '../store/ports/terminal-store';
import type { StaffAccountContext, StaffAuditActor } from './staff-account-service';
import { revokeTerminal } from './terminal-service';

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

export async function staffList(ctx: StaffAccountContext): Promise<StaffListItem[]> {
  return (await ctx.store.staff.listStaff()).map((row) => ({
    username: row.username,
    displayName: row.displayName,
    role: row.role,
    ...(row.disabledAt ? { disabledAt: row.disabledAt } : {}),
    totp: row.totpSecretEnc !== null,
  }));
}

export async function terminalList(ctx: StaffAccountContext): Promise<{ id: string; name: string; createdAt: string; revokedAt?: string }[]> {
  return (await ctx.store.terminals.listTerminals()).map((row: TerminalListRow) => ({
    id: row.id,
    name: row.name,
    createdAt: row.createdAt,
    ...(row.revokedAt ? { revokedAt: row.revokedAt } : {}),
  }));
}

/** Revokes a terminal's token and ends the staff sessions open on it; false when unknown or already revoked. */
export async function revokeTerminalAsAdmin(ctx: StaffAccountContext, admin: StaffPrincipal, terminalId: string): Promise<boolean> {
  return (await revokeTerminal(ctx, terminalId, adminActor(admin))) !== null;
}

/** A page of the audit trail, the whole chain checked; reading the trail is itself audited. */
export async function exportAudit(ctx: StaffAccountContext, admin: StaffPrincipal, afterSeq: number, limit: number): Promise<{ entries: AuditEntry[]; chain: ChainCheck }> {
  const now = ctx.now();
  return ctx.store.transaction(async (tx) => {
    const entries = await listAudit(tx, { afterSeq, limit });
    const chain = await verifyAuditChain(tx);
    await appendAudit(
      tx,
      { ...adminActor(admin), action: 'audit.export', subject: null, outcome: chain.ok ? 'ok' : 'CHAIN_BROKEN', details: { after: afterSeq, count: entries.length } },
      now,
    );
    return { entries, chain };
  });
}
