import type { FollowUpReport } from '../../shared/contract/fleet-api';
import type { FollowUp } from '../../shared/contract/follow-up-api';
import { fail, ok, type Result } from '../../shared/contract/result';
import { appendAudit } from '../audit/audit-log';
import type { StaffPrincipal } from '../plugins/staff-auth-plugin';
import type { Store, StoreOps } from '../store/store';
import type { FollowUpRow } from '../store/ports/follow-up-store';

/**
 * Follow-ups (issue 5): refusals a terminal got after the person left, from its heartbeats to
 * the staff. Recording runs inside the heartbeat's transaction; a report seen before is
 * acknowledged again without a second row, so a lost acknowledgement costs nothing.
 * Returns the references now on record, for the kiosk to stop sending them.
 */
export async function recordFollowUps(tx: StoreOps, terminalId: string, reports: readonly FollowUpReport[], receivedAt: string): Promise<string[]> {
  for (const report of reports) {
    await tx.followUps.insertFollowUp({ terminalId, reference: report.reference, kind: report.kind, code: report.code, refusedAt: report.refusedAt, receivedAt });
  }
  return reports.map((report) => report.reference);
}

export async function followUpsFor(ctx: { store: Store }, query: { state: 'open' | 'all'; reference?: string | undefined }): Promise<FollowUp[]> {
  const rows = query.reference === undefined ? await ctx.store.followUps.listFollowUps({ open: query.state === 'open' }) : await ctx.store.followUps.listFollowUps({ open: false, reference: query.reference });
  return rows.map(toFollowUp);
}

/** Staff reached the person: the follow-up is closed, with who and when, in the audit trail too. */
export async function resolveFollowUpBy(ctx: { store: Store; now: () => Date }, staff: StaffPrincipal, id: number): Promise<Result<FollowUp>> {
  const now = ctx.now();
  return ctx.store.transaction(async (tx) => {
    const row = await tx.followUps.findFollowUp(id);
    if (!row) return fail('NOT_FOUND');
    const audit = { actorKind: 'staff' as const, actor: staff.username, terminalId: staff.terminalId, action: 'followUp.resolve', subject: `reference:${row.reference}` };
    const details = { terminal: row.terminalId, kind: row.kind, code: row.code };
    if (!await tx.followUps.resolveFollowUp(id, staff.username, now.toISOString())) {
      await appendAudit(tx, { ...audit, outcome: 'NOT_APPLICABLE', details }, now);
      return fail('NOT_APPLICABLE');
    }
    await appendAudit(tx, { ...audit, outcome: 'ok', details }, now);
    return ok(toFollowUp(await tx.followUps.findFollowUp(id) as FollowUpRow));
  });
}

function toFollowUp(row: FollowUpRow): FollowUp {
  return {
    id: row.id,
    terminalId: row.terminalId,
    reference: row.reference,
    kind: row.kind as FollowUp['kind'],
    code: row.code,
    refusedAt: row.refusedAt,
    receivedAt: row.receivedAt,
    ...(row.resolvedAt === null ? {} : { resolvedAt: row.resolvedAt }),
    ...(row.resolvedBy === null ? {} : { resolvedBy: row.resolvedBy }),
  };
}
