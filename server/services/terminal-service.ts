import { appendAudit } from '../audit/audit-log';
import { createTerminalToken, sha256Hex } from '../crypto/token-hash';
import type { Store, StoreOps } from '../store/store';
import { SYSTEM_ACTOR } from './staff-account-service';
import type { StaffAuditActor } from './staff-account-service';

export interface TerminalContext {
  store: Store;
  now: () => Date;
}

/**
 * A revoked terminal stays revoked: giving its id a new token would silently bring back a
 * device someone decided to cut off (lost, stolen), with its heartbeats and audit history.
 */
export class TerminalRevokedError extends Error {
  constructor(readonly terminalId: string, readonly revokedAt: string) {
    super(`terminal "${terminalId}" was revoked on ${revokedAt}; a revoked id is never reused, register the device under a new id`);
    this.name = 'TerminalRevokedError';
  }
}

/**
 * Issues a fresh bearer token for a terminal (creating it if new, replacing the token of an
 * active one). The token is returned once, for the operator to copy into the terminal's
 * configuration; only its sha256 is kept. Throws TerminalRevokedError for a revoked id.
 */
export async function issueTerminalToken(store: StoreOps, terminalId: string, name: string, now: Date): Promise<string> {
  const revokedAt = (await store.terminals.findTerminal(terminalId))?.revokedAt;
  if (revokedAt) throw new TerminalRevokedError(terminalId, revokedAt);
  const token = createTerminalToken(terminalId);
  await store.terminals.upsertTerminal({ id: terminalId, name, tokenHash: sha256Hex(token), now: now.toISOString() });
  return token;
}

export type TerminalCreation = { ok: true; token: string; rotated: boolean } | { ok: false; revokedAt: string };

/**
 * `terminals create`, audited. Re-creating an active terminal replaces its token and ends the
 * staff sessions open on it: they were opened on the device the old token belonged to. A
 * revoked id is refused, and the refusal audited too.
 */
export async function createTerminal(ctx: TerminalContext, terminalId: string, name: string, actor: StaffAuditActor = SYSTEM_ACTOR): Promise<TerminalCreation> {
  const now = ctx.now();
  const subject = `terminal:${terminalId}`;
  return ctx.store.transaction(async (tx): Promise<TerminalCreation> => {
    const existing = await tx.terminals.findTerminal(terminalId);
    if (existing?.revokedAt) {
      await appendAudit(tx, { ...actor, action: 'terminal.create', subject, outcome: 'REVOKED', details: { revokedAt: existing.revokedAt } }, now);
      return { ok: false, revokedAt: existing.revokedAt };
    }
    const token = await issueTerminalToken(tx, terminalId, name, now);
    if (!existing) {
      await appendAudit(tx, { ...actor, action: 'terminal.create', subject, outcome: 'ok' }, now);
      return { ok: true, token, rotated: false };
    }
    const ended = await tx.staffSessions.endSessionsOnTerminal(terminalId, now.toISOString());
    await appendAudit(tx, { ...actor, action: 'terminal.rotate', subject, outcome: 'ok', details: { sessionsEnded: ended } }, now);
    return { ok: true, token, rotated: true };
  });
}

/**
 * Revokes a terminal's token and ends every staff session open on it, in one audited
 * transaction; null when the id is unknown or already revoked, else how many sessions ended.
 */
export async function revokeTerminal(ctx: TerminalContext, terminalId: string, actor: StaffAuditActor = SYSTEM_ACTOR): Promise<{ sessionsEnded: number } | null> {
  const now = ctx.now();
  return ctx.store.transaction(async (tx) => {
    if (!await tx.terminals.revokeTerminal(terminalId, now.toISOString())) return null;
    const sessionsEnded = await tx.staffSessions.endSessionsOnTerminal(terminalId, now.toISOString());
    await appendAudit(tx, { ...actor, action: 'terminal.revoke', subject: `terminal:${terminalId}`, outcome: 'ok', details: { sessionsEnded } }, now);
    return { sessionsEnded };
  });
}
