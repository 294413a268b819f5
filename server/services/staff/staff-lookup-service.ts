import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import { parseWith } from '../../../shared/contract/parse';
import { fail, ok } from '../../../shared/contract/result';
import type { Result } from '../../../shared/contract/result';
import type { Diagnosis, StaffLookupRequestSchema } from '../../../shared/contract/staff-api';
import { identitySchemaFor } from '../../../shared/policies/identity-rules';
import type { Profile } from '../../../shared/schemas/profile-schema';
import { personSubject } from '../../audit/audit-log';
import type { StaffPrincipal } from '../../plugins/staff-auth-plugin';
import { prefixProblems } from '../eligibility-check-service';
import { hashIdentity, identityMatches, recordFields } from '../identity-hashing';
import type { ServiceContext } from '../service-context';
import { recordStaffLookupMiss, staffLookupGate } from '../throttle-service';
import { diagnose } from './diagnosis-service';
import { auditDesk } from './staff-audit';

export type StaffLookupRequest = z.infer<typeof StaffLookupRequestSchema>;

/** The profile's identity form without its letter secrets: staff search by who the person is, never by a code. */
export function recordFieldsSchema(profile: Profile) {
  return identitySchemaFor({ ...profile, identity: { ...profile.identity, fields: recordFields(profile) } });
}

export function newCaseId(): string {
  return `c_${randomBytes(18).toString('base64url')}`;
}

/**
 * POST /v1/staff/lookups. Staff are trusted to learn whether a person exists (they hold the
 * person's documents), so no decoy, and a staff search does not count against the person's
 * throttle (issue 6). A search that finds nobody counts against the staff session and account
 * (`staffLookupGate`), so the roster cannot be enumerated; the gate comes first, so a throttled
 * session learns nothing more, not even about a person who exists. Found: a case bound to this
 * staff session, and its diagnosis.
 */
export async function staffLookup(ctx: ServiceContext, principal: StaffPrincipal, request: StaffLookupRequest): Promise<Result<Diagnosis>> {
  const now = ctx.now();
  const refuse = (code: 'NOT_FOUND' | 'INVALID_INPUT' | 'THROTTLED', subject: string | null) =>
    ctx.store.transaction(async (tx) => {
      if (code === 'NOT_FOUND') await recordStaffLookupMiss(tx, principal, now);
      await auditDesk(tx, principal, 'lookup', subject, code, now, { profileId: request.profileId });
    });
  const throttled = await staffLookupGate(ctx.store, principal, now);
  if (throttled) {
    await refuse('THROTTLED', null);
    return fail('THROTTLED', { retryAfterS: throttled.retryAfterS });
  }
  const profile = ctx.profiles.get(request.profileId);
  if (!profile) {
    await refuse('NOT_FOUND', null);
    return fail('NOT_FOUND');
  }
  const parsed = parseWith(recordFieldsSchema(profile), request.identity);
  if (!parsed.ok) {
    await refuse('INVALID_INPUT', null);
    return fail('INVALID_INPUT', { fields: prefixProblems('identity', parsed.problems) });
  }
  const hashed = hashIdentity(profile, parsed.data, ctx.keys.recordKey);
  const enrollment = await ctx.store.enrollments.findEnrollment(profile.id, hashed.lookupKey);
  if (!enrollment || !identityMatches(profile, hashed, enrollment)) {
    await refuse('NOT_FOUND', null);
    return fail('NOT_FOUND');
  }
  const staffCase = { id: newCaseId(), tokenHash: principal.tokenHash, profileId: profile.id, lookupKey: hashed.lookupKey, createdAt: now.toISOString() };
  await ctx.store.transaction(async (tx) => {
    await tx.staffCases.insertStaffCase(staffCase);
    await auditDesk(tx, principal, 'lookup', personSubject(profile.id, hashed.lookupKey), 'ok', now, { profileId: profile.id });
  });
  const diagnosis = await diagnose(ctx, principal, profile, hashed.lookupKey, staffCase);
  return diagnosis ? ok(diagnosis) : fail('NOT_FOUND');
}
