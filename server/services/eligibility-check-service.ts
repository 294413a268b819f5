import { parseWith } from '../../shared/contract/parse';
import { fail, ok } from '../../shared/contract/result';
import type { FieldProblem, Result } from '../../shared/contract/result';
import { decideEligibility } from '../../shared/policies/eligibility-rules';
import { identitySchemaFor } from '../../shared/policies/identity-rules';
import type { IdentityInput } from '../../shared/policies/identity-rules';
import type { Profile } from '../../shared/schemas/profile-schema';
import { sha256Hex } from '../crypto/token-hash';
import { findEnrollment } from '../store/enrollment-repository';
import type { EnrollmentRow } from '../store/enrollment-repository';
import { hashIdentity, identityMatches } from './identity-hashing';
import type { HashedIdentity } from './identity-hashing';
import type { ServiceContext } from './service-context';
import { clearIdentityFailures, recordFailure, throttleGate } from './throttle-service';

export interface EligiblePerson {
  profile: Profile;
  identity: Record<string, string>;
  hashed: HashedIdentity;
  enrollment: EnrollmentRow;
}

export function prefixProblems(prefix: string, problems: FieldProblem[]): FieldProblem[] {
  return problems.map((problem) => ({ ...problem, key: `${prefix}.${problem.key}`.slice(0, 64) }));
}

export function terminalThrottleKey(terminalId: string): string {
  return sha256Hex(`terminal\u0000${terminalId}`);
}

/**
 * The server's decision for one identity (DESIGN.md: the server is the authority): profile,
 * field rules, throttle, record match, then the seed's eligibility rules. Used by lookups and
 * again by activations, which must not trust an earlier lookup.
 */
export function checkEligibility(
  ctx: ServiceContext,
  terminalId: string,
  profileId: string,
  input: IdentityInput,
): Result<EligiblePerson> {
  const profile = ctx.profiles.get(profileId);
  if (!profile) return fail('NOT_FOUND');
  const parsed = parseWith(identitySchemaFor(profile), input);
  if (!parsed.ok) return fail('INVALID_INPUT', { fields: prefixProblems('identity', parsed.problems) });
  const identity = parsed.data;
  const now = ctx.now();
  const hashed = hashIdentity(profile, identity, ctx.keys.recordKey);
  const throttleKeys = { identity: hashed.lookupKey, terminal: terminalThrottleKey(terminalId) };
  const throttled = throttleGate(ctx.db, throttleKeys, now);
  if (throttled) return fail('THROTTLED', { retryAfterS: throttled.retryAfterS });
  const enrollment = findEnrollment(ctx.db, profile.id, hashed.lookupKey);
  if (!identityMatches(profile, hashed, enrollment) || !enrollment) {
    recordFailure(ctx.db, throttleKeys, now);
    return fail('IDENTITY_MISMATCH');
  }
  clearIdentityFailures(ctx.db, hashed.lookupKey);
  const decision = decideEligibility(profile, enrollment, now);
  switch (decision.status) {
    case 'eligible':
      return ok({ profile, identity, hashed, enrollment });
    case 'NOT_YET_OPEN':
      return fail('NOT_YET_OPEN', { opensAt: decision.opensAt });
    default:
      return fail(decision.status);
  }
}
