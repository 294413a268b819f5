import type { StaffActionRequest, StaffActionResponse } from '../../../shared/contract/staff-api';
import type { Profile } from '../../../shared/schemas/profile-schema';
import type { AuditDetails } from '../../audit/audit-log';
import { appendAudit } from '../../audit/audit-log';
import type { StaffPrincipal } from '../../plugins/staff-auth-plugin';
import type { StoreOps, StoreTx } from '../../store/store';
import type { StaffCaseRow } from '../../store/ports/staff-case-store';
import type { ServiceContext } from '../service-context';

/**
 * One desk entry of the audit trail (issue 6): who, on which terminal, what, about whom, the
 * outcome. Call it inside the write transaction of the change. Details are never a secret:
 * document types, masked addresses, kinds, instants.
 */
export async function auditDesk(
  tx: StoreOps,
  principal: StaffPrincipal,
  action: string,
  subject: string | null,
  outcome: string,
  at: Date,
  details: AuditDetails = {},
): Promise<void> {
  await appendAudit(tx, { actorKind: 'staff', actor: principal.username, terminalId: principal.terminalId, action: `staff.${action}`, subject, outcome, details }, at);
}

/** What one action hands back besides the fresh diagnosis. */
export type ActionExtra = Omit<StaffActionResponse, 'diagnosis'>;

/** One action on one case: the person, the staff member, the instant. */
export interface DeskCall {
  ctx: ServiceContext;
  principal: StaffPrincipal;
  profile: Profile;
  staffCase: StaffCaseRow;
  subject: string;
  now: Date;
}

/** The change and its audit entry, in one write transaction: both land, or neither. */
export async function commitAction<T>(call: DeskCall, action: StaffActionRequest['action'], details: AuditDetails, change: (tx: StoreTx) => Promise<T>): Promise<T> {
  return call.ctx.store.transaction(async (tx) => {
    const result = await change(tx);
    await auditDesk(tx, call.principal, action, call.subject, 'ok', call.now, details);
    return result;
  });
}

/** A refused or failed attempt is audited too, with its stable code as the outcome. */
export async function auditRefusal(call: Pick<DeskCall, 'ctx' | 'principal' | 'now'>, action: string, subject: string | null, code: string): Promise<void> {
  await call.ctx.store.transaction((tx) => auditDesk(tx, call.principal, action, subject, code, call.now));
}
