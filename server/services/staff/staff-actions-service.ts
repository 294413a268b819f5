import { fail, ok } from '../../../shared/contract/result';
import type { Result } from '../../../shared/contract/result';
import type { StaffActionRequest, StaffActionResponse } from '../../../shared/contract/staff-api';
import { personSubject } from '../../audit/audit-log';
import type { StaffPrincipal } from '../../plugins/staff-auth-plugin';
import { transaction } from '../../store/connection';
import { insertIdCheck } from '../../store/id-check-repository';
import { findStaffCase, reactivateEnrollment } from '../../store/staff-case-repository';
import type { ServiceContext } from '../service-context';
import { clearIdentityFailures } from '../throttle-service';
import { diagnose } from './diagnosis-service';
import { auditDesk, auditRefusal, commitAction } from './staff-audit';
import type { ActionExtra, DeskCall } from './staff-audit';
import { correctEmail, issueCredential, resendEmail } from './staff-letter-actions';

/** Without a profile setting, a checked document stands for half an hour (issue 6). */
export const DEFAULT_ID_CHECK_MINUTES = 30;

function idCheck(call: DeskCall, document: string): Result<ActionExtra> {
  const minutes = call.profile.staffAssist?.idCheck?.validMinutes ?? DEFAULT_ID_CHECK_MINUTES;
  const validUntil = new Date(call.now.getTime() + minutes * 60_000).toISOString();
  commitAction(call, 'idCheck', { document, validUntil }, (tx) =>
    insertIdCheck(tx, {
      profileId: call.profile.id,
      lookupKey: call.staffCase.lookupKey,
      terminalId: call.principal.terminalId,
      username: call.principal.username,
      document,
      checkedAt: call.now.toISOString(),
      validUntil,
    }),
  );
  return ok({});
}

function liftThrottle(call: DeskCall): Result<ActionExtra> {
  commitAction(call, 'liftThrottle', {}, (tx) => clearIdentityFailures(tx, call.staffCase.lookupKey));
  return ok({});
}

/** Parents seed: the school may restore a deactivated account before its deletion; a new letter follows. */
function reactivate(call: DeskCall): Result<ActionExtra> {
  const done = transaction(call.ctx.db, (tx) => {
    const changed = reactivateEnrollment(tx, call.profile.id, call.staffCase.lookupKey, call.now.toISOString());
    auditDesk(tx, call.principal, 'reactivate', call.subject, changed ? 'ok' : 'NOT_APPLICABLE', call.now);
    return changed;
  });
  return done ? ok({}) : fail('NOT_APPLICABLE');
}

function run(call: DeskCall, request: StaffActionRequest): Promise<Result<ActionExtra>> | Result<ActionExtra> {
  switch (request.action) {
    case 'idCheck':
      return idCheck(call, request.document);
    case 'issueCredential':
      return issueCredential(call);
    case 'resendEmail':
      return resendEmail(call);
    case 'correctEmail':
      return correctEmail(call, request.email, request.locale);
    case 'liftThrottle':
      return liftThrottle(call);
    case 'reactivate':
      return reactivate(call);
  }
}

/**
 * POST /v1/staff/cases/:caseId/actions. The case must belong to this staff session; the action
 * must be one the diagnosis offers now (the same rules decide both); every attempt is audited,
 * refusals included, and the answer carries the person as they are afterwards.
 */
export async function staffAct(ctx: ServiceContext, principal: StaffPrincipal, caseId: string, request: StaffActionRequest): Promise<Result<StaffActionResponse>> {
  const now = ctx.now();
  const staffCase = findStaffCase(ctx.db, caseId, principal.tokenHash);
  const profile = staffCase ? ctx.profiles.get(staffCase.profileId) : undefined;
  if (!staffCase || !profile) {
    auditRefusal({ ctx, principal, now }, request.action, null, 'NOT_FOUND');
    return fail('NOT_FOUND');
  }
  const subject = personSubject(profile.id, staffCase.lookupKey);
  const before = diagnose(ctx, principal, profile, staffCase.lookupKey, staffCase);
  if (!before) {
    auditRefusal({ ctx, principal, now }, request.action, subject, 'NOT_FOUND');
    return fail('NOT_FOUND');
  }
  if (!before.actions.includes(request.action)) {
    auditRefusal({ ctx, principal, now }, request.action, subject, 'NOT_APPLICABLE');
    return fail('NOT_APPLICABLE');
  }
  const done = await run({ ctx, principal, profile, staffCase, subject, now }, request);
  if (!done.ok) return done;
  const diagnosis = diagnose(ctx, principal, profile, staffCase.lookupKey, staffCase);
  if (!diagnosis) return fail('NOT_FOUND');
  return ok({ ...done.value, diagnosis });
}
