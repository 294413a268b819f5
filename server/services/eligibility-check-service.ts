import { parseWith } from '../../shared/contract/parse';
import { fail, ok } from '../../shared/contract/result';
import type { FieldProblem, Result } from '../../shared/contract/result';
import { decideEligibility } from '../../shared/policies/eligibility-rules';
import { identitySchemaFor } from '../../shared/policies/identity-rules';
import type { IdentityInput } from '../../shared/policies/identity-rules';
import type { Profile } from '../../shared/schemas/profile-schema';
import { sha256Hex } from '../crypto/token-hash';
import type { CredentialRow } from '../store/ports/credential-store';
import type { EnrollmentRow } from '../store/ports/enrollment-store';
import { credentialMatches, currentCredential } from './credential-service';
import { credentialFields, hashIdentity, identityMatches } from './identity-hashing';
import type { HashedIdentity } from './identity-hashing';
import type { ServiceContext } from './service-context';
import { clearIdentityFailures, recordFailure, throttleGate } from './throttle-service';

export interface EligiblePerson {
  profile: Profile;
  identity: Record<string, string>;
  hashed: HashedIdentity;
  enrollment: EnrollmentRow;
  /** The letter the person typed from, for profiles that have one. */
  credential: CredentialRow | undefined;
}

export function prefixProblems(prefix: string, problems: FieldProblem[]): FieldProblem[] {
  return problems.map((problem) => ({ ...problem, key: `${prefix}.${problem.key}`.slice(0, 64) }));
}

export function terminalThrottleKey(terminalId: string): string {
  return sha256Hex(`terminal\u0000${terminalId}`);
}

/** Every letter field against the current letter, without short-circuit (one scrypt each, match or not). */
async function lettersMatch(profile: Profile, identity: Record<string, string>, credential: CredentialRow | undefined, waived: string[]): Promise<boolean> {
  let matches = true;
  for (const field of credentialFields(profile).filter((candidate) => !waived.includes(candidate.key))) {
    matches = (await credentialMatches(field, identity[field.key] ?? '', credential)) && matches;
  }
  return matches;
}

/** The fields staff may waive (`staffAssist.idCheck.waives`) that this identity leaves out. */
function omittedWaivable(profile: Profile, input: IdentityInput): string[] {
  return (profile.staffAssist?.idCheck?.waives ?? []).filter((key) => (input[key] ?? '').trim() === '');
}

function withoutFields(profile: Profile, keys: string[]): Profile {
  return { ...profile, identity: { ...profile.identity, fields: profile.identity.fields.filter((field) => !keys.includes(field.key)) } };
}

function withoutKeys(input: IdentityInput, keys: string[]): IdentityInput {
  return Object.fromEntries(Object.entries(input).filter(([key]) => !keys.includes(key)));
}

/** The reduced proof: a waived record field (a child's birth date) counts as the recorded one. */
function withRecordedHashes(hashed: HashedIdentity, enrollment: EnrollmentRow, waived: string[]): HashedIdentity {
  const fieldHashes = { ...hashed.fieldHashes };
  for (const key of waived) if (enrollment.fieldHashes[key] !== undefined) fieldHashes[key] = enrollment.fieldHashes[key];
  return { ...hashed, fieldHashes };
}

/**
 * Why a matching letter cannot open the account. A used code says so (ent77 seed: "le code
 * d'activation devient obsolète"); a deactivated account comes before an expired letter, because
 * the parents' letter expires when the account is deactivated, and what the person must do is
 * the deactivation's ("contactez votre établissement", parents seed).
 */
export function letterRefusal(credential: CredentialRow | undefined, enrollment: EnrollmentRow, now: Date): Result<never> | null {
  if (!credential) return null;
  if (credential.usedAt) return fail('CODE_USED');
  if (enrollment.deactivatedAt) return fail('ACCOUNT_DEACTIVATED');
  if (Date.parse(credential.expiresAt) <= now.getTime()) return fail('CODE_EXPIRED');
  return null;
}

/**
 * The server's decision for one identity (DESIGN.md: the server is the authority): profile,
 * field rules, throttle, record and letter match, then the seed's eligibility rules. Used by
 * lookups and again by activations, which must not trust an earlier lookup. Until everything
 * matches, every failure is the same IDENTITY_MISMATCH after the same work (a decoy record, a
 * decoy scrypt), and counts against the identity and the terminal. Issue 6: an identity without
 * the profile's waivable fields matches only after a staff id check on this terminal.
 */
export async function checkEligibility(
  ctx: ServiceContext,
  terminalId: string,
  profileId: string,
  input: IdentityInput,
): Promise<Result<EligiblePerson>> {
  const profile = ctx.profiles.get(profileId);
  if (!profile) return fail('NOT_FOUND');
  const omitted = omittedWaivable(profile, input);
  const parsed = parseWith(identitySchemaFor(omitted.length > 0 ? withoutFields(profile, omitted) : profile), withoutKeys(input, omitted));
  if (!parsed.ok) return fail('INVALID_INPUT', { fields: prefixProblems('identity', parsed.problems) });
  const identity = parsed.data;
  const hashed = hashIdentity(profile, identity, ctx.keys.recordKey);
  const throttleKeys = { identity: hashed.lookupKey, terminal: terminalThrottleKey(terminalId) };
  const throttled = await throttleGate(ctx.store, throttleKeys, ctx.now());
  if (throttled) return fail('THROTTLED', { retryAfterS: throttled.retryAfterS });
  const enrollment = await ctx.store.enrollments.findEnrollment(profile.id, hashed.lookupKey);
  const now = ctx.now();
  // Issue 6: staff checked an identity document on this terminal, a few minutes ago, not used yet.
  const reduced = omitted.length > 0 && enrollment !== undefined && await ctx.store.idChecks.findUsableIdCheck(profile.id, hashed.lookupKey, terminalId, now.toISOString()) !== undefined;
  const waived = reduced ? omitted : [];
  const typed = enrollment && reduced ? withRecordedHashes(hashed, enrollment, waived) : hashed;
  const credential = enrollment ? await currentCredential(ctx.store, profile.id, hashed.lookupKey) : undefined;
  const lettersOk = await lettersMatch(profile, identity, credential, waived);
  if (!identityMatches(profile, typed, enrollment) || !lettersOk || !enrollment) {
    await recordFailure(ctx.store, throttleKeys, now);
    return fail('IDENTITY_MISMATCH');
  }
  await clearIdentityFailures(ctx.store, hashed.lookupKey);
  // A waived letter is not the proof: its state (used, expired) does not matter, the account's does.
  const letterWaived = credentialFields(profile).some((field) => waived.includes(field.key));
  const refused = letterWaived ? null : letterRefusal(credential, enrollment, now);
  if (refused) return refused;
  const decision = decideEligibility(profile, enrollment, now);
  switch (decision.status) {
    case 'eligible':
      return ok({ profile, identity, hashed, enrollment, credential: letterWaived ? undefined : credential });
    case 'NOT_YET_OPEN':
      return fail('NOT_YET_OPEN', { opensAt: decision.opensAt });
    default:
      return fail(decision.status);
  }
}
