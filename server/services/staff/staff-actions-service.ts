import { fail, ok } from '../../../shared/contract/result';
import type { Result } from '../../../shared/contract/result';
import type { StaffActionRequest, StaffActionResponse } from '../../../shared/contract/staff-api';
import { personSubject } from '../../audit/audit-log';
import type { StaffPrincipal } from '../../plugins/staff-auth-plugin';
import { credentialKindOf, generateCode, prepareCredential } from '../credential-service';
import type { ServiceContext } from '../service-context';
import { diagnose } from './diagnosis-service';
import { liftPersonThrottles, personThrottleKeys } from './person-throttle';
import { auditDesk, auditRefusal, commitAction } from './staff-audit';
import type { ActionExtra, DeskCall } from './staff-audit';
import { correctEmail, issueCredential, loginOf, resendEmail } from './staff-letter-actions';

/** Without a profile setting, a checked document stands for half an hour (issue 6). */
export const DEFAULT_ID_CHECK_MINUTES = 30;

async function idCheck(call: DeskCall, document: string): Promise<Result<ActionExtra>> {
  const minutes = call.profile.staffAssist?.idCheck?.validMinutes ?? DEFAULT_ID_CHECK_MINUTES;
  const validUntil = new Date(call.now.getTime() + minutes * 60_000).toISOString();
  await commitAction(call, 'idCheck', { document, validUntil }, async (tx) =>
    await tx.idChecks.insertIdCheck({
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

/** Every counter that blocks this person at the kiosk, not only the lookup's (person-throttle.ts). */
async function liftThrottle(call: DeskCall): Promise<Result<ActionExtra>> {
  const enrollment = await call.ctx.store.enrollments.findEnrollment(call.profile.id, call.staffCase.lookupKey);
  if (!enrollment) {
    await auditRefusal(call, 'liftThrottle', call.subject, 'NOT_FOUND');
    return fail('NOT_FOUND');
  }
  const keys = await personThrottleKeys(call.ctx, call.profile, enrollment);
  await commitAction(call, 'liftThrottle', {}, async (tx) => await liftPersonThrottles(tx, keys));
  return ok({});
}

/**
 * Parents seed: a deactivated account is reactivated by the school "afin qu'un nouvel
 * identifiant vous soit communiqué". The old letter died with the deactivation, so a new one is
 * issued in the same transaction (shown once, like issueCredential); it also restarts the
 * inactivity clock, which counts from the current letter, so the next sweep does not undo this.
 */
async function reactivate(call: DeskCall): Promise<Result<ActionExtra>> {
  const { profile, staffCase } = call;
  const kind = credentialKindOf(profile);
  const secret = kind && profile.credentials ? generateCode(profile.credentials.codeLength) : null;
  const letter = secret ? await prepareCredential(profile, staffCase.lookupKey, secret, call.now) : null;
  const done = await call.ctx.store.transaction(async (tx) => {
    const changed = await tx.staffCases.reactivateEnrollment(profile.id, staffCase.lookupKey, call.now.toISOString());
    if (changed && letter) await tx.credentials.insertCredential(letter);
    const details = letter ? { kind: letter.kind, expiresAt: letter.expiresAt } : undefined;
    await auditDesk(tx, call.principal, 'reactivate', call.subject, changed ? 'ok' : 'NOT_APPLICABLE', call.now, details);
    return changed;
  });
  if (!done) return fail('NOT_APPLICABLE');
  if (!letter || !secret) return ok({});
  const login = await loginOf(call);
  return ok({ issued: { kind: letter.kind, secret, expiresAt: letter.expiresAt, ...(login ? { login } : {}) } });
}

async function run(call: DeskCall, request: StaffActionRequest): Promise<Result<ActionExtra>> {
  switch (request.action) {
    case 'idCheck':
      return idCheck(call, request.document);
    case 'issueCredential':
      return issueCredential(call);
    case 'resendEmail':
      return resendEmail(call, request.locale);
    case 'correctEmail':
      return correctEmail(call, request.email, request.locale);
    case 'liftThrottle':
      return await liftThrottle(call);
    case 'reactivate':
      return reactivate(call);
  }
}

/**
 * POST /v1/staff/cases/:caseId/actions. The case must belong to this staff session; the action
 * must be one the diagnosis offers now (the same rules decide both): ID_CHECK_REQUIRED when it
 * waits for an identity check in this case, else NOT_APPLICABLE; every attempt is audited,
 * refusals included, and the answer carries the person as they are afterwards.
 */
export async function staffAct(ctx: ServiceContext, principal: StaffPrincipal, caseId: string, request: StaffActionRequest): Promise<Result<StaffActionResponse>> {
  const now = ctx.now();
  const staffCase = await ctx.store.staffCases.findStaffCase(caseId, principal.tokenHash);
  const profile = staffCase ? ctx.profiles.get(staffCase.profileId) : undefined;
  if (!staffCase || !profile) {
    await auditRefusal({ ctx, principal, now }, request.action, null, 'NOT_FOUND');
    return fail('NOT_FOUND');
  }
  const subject = personSubject(profile.id, staffCase.lookupKey);
  const before = await diagnose(ctx, principal, profile, staffCase.lookupKey, staffCase);
  if (!before) {
    await auditRefusal({ ctx, principal, now }, request.action, subject, 'NOT_FOUND');
    return fail('NOT_FOUND');
  }
  if (!before.actions.includes(request.action)) {
    // Applies, but only once the identity document is checked in this case: said so, for the desk to ask for it.
    const code = before.afterIdCheck?.includes(request.action) ? 'ID_CHECK_REQUIRED' : 'NOT_APPLICABLE';
    await auditRefusal({ ctx, principal, now }, request.action, subject, code);
    return fail(code);
  }
  const done = await run({ ctx, principal, profile, staffCase, subject, now }, request);
  if (!done.ok) return done;
  const diagnosis = await diagnose(ctx, principal, profile, staffCase.lookupKey, staffCase);
  if (!diagnosis) return fail('NOT_FOUND');
  return ok({ ...done.value, diagnosis });
}
