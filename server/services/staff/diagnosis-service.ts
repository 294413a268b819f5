import { DIAGNOSIS_STATUSES } from '../../../shared/contract/staff-api';
import type { Diagnosis, DiagnosisStatus, StaffActionId } from '../../../shared/contract/staff-api';
import { decideEligibility } from '../../../shared/policies/eligibility-rules';
import { maskEmail } from '../../../shared/policies/secret-codes';
import type { Profile } from '../../../shared/schemas/profile-schema';
import { decryptRecordValue, recordBinding } from '../../crypto/record-cipher';
import type { StaffPrincipal } from '../../plugins/staff-auth-plugin';
import type { CredentialRow } from '../../store/ports/credential-store';
import type { EnrollmentRow } from '../../store/ports/enrollment-store';
import type { PendingProof } from '../../store/ports/staff-case-store';
import { credentialKindOf, currentCredential } from '../credential-service';
import { letterRefusal } from '../eligibility-check-service';
import type { ServiceContext } from '../service-context';
import { proofBinding, staffMaxSends } from './staff-email-proof';

const DAY_MS = 24 * 3_600_000;

export interface PersonState {
  status: DiagnosisStatus | 'NOT_FOUND';
  opensAt?: string;
  throttledUntil?: string;
  updatedAt?: string;
}

function isDiagnosisStatus(code: string): code is DiagnosisStatus {
  return (DIAGNOSIS_STATUSES as readonly string[]).includes(code);
}

/**
 * The kiosk's answer for this person, without typing anything: same precedence as
 * `checkEligibility` (its letter refusal, then the seed's eligibility rules), and an eligible
 * person whose chosen password waits for the emailed proof is AWAITING_EMAIL.
 */
async function statusOf(ctx: ServiceContext, profile: Profile, enrollment: EnrollmentRow, credential: CredentialRow | undefined, now: Date): Promise<{ status: DiagnosisStatus; opensAt?: string }> {
  const refused = letterRefusal(credential, enrollment, now);
  if (refused && !refused.ok && isDiagnosisStatus(refused.error.code)) return { status: refused.error.code };
  const decision = decideEligibility(profile, enrollment, now);
  if (decision.status === 'NOT_YET_OPEN') return { status: decision.status, opensAt: decision.opensAt };
  if (decision.status === 'eligible' && await ctx.store.staffCases.findPendingProof(profile.id, enrollment.lookupKey, now.toISOString())) return { status: 'AWAITING_EMAIL' };
  return { status: decision.status };
}

async function throttledUntil(ctx: ServiceContext, lookupKey: string, now: Date): Promise<string | undefined> {
  const blockedUntil = (await ctx.store.throttle.findThrottle('identity', lookupKey))?.blockedUntil;
  return blockedUntil && Date.parse(blockedUntil) > now.getTime() ? blockedUntil : undefined;
}

/** Where a person stands, for the desk and the group board. Reads only: no side effect, no audit. */
export async function personState(ctx: ServiceContext, profile: Profile, lookupKey: string): Promise<PersonState> {
  const now = ctx.now();
  const enrollment = await ctx.store.enrollments.findEnrollment(profile.id, lookupKey);
  if (!enrollment) return { status: 'NOT_FOUND' };
  const state: PersonState = await statusOf(ctx, profile, enrollment, await currentCredential(ctx.store, profile.id, lookupKey), now);
  const until = await throttledUntil(ctx, lookupKey, now);
  if (until) state.throttledUntil = until;
  const updatedAt = await ctx.store.staffCases.personUpdatedAt(profile.id, lookupKey);
  if (updatedAt) state.updatedAt = updatedAt;
  return state;
}

function openRecord(ctx: ServiceContext, profile: Profile, lookupKey: string, column: string, sealed: string | null | undefined): string | undefined {
  if (!sealed) return undefined;
  return decryptRecordValue(ctx.keys.recordKey, recordBinding(profile.id, lookupKey, column), sealed) ?? undefined;
}

/** Parents seed: a never-activated record is deleted `deleteAfterDays` after its letter (or enrollment), as the sweep counts. */
export function deletionAtOf(profile: Profile, enrollment: EnrollmentRow, credential: CredentialRow | undefined): string | undefined {
  const rule = profile.eligibility.inactivity;
  if (!rule || enrollment.activatedAt) return undefined;
  const since = Date.parse(credential?.issuedAt ?? enrollment.enrolledAt);
  return new Date(since + rule.deleteAfterDays * DAY_MS).toISOString();
}

function credentialOf(profile: Profile, credential: CredentialRow | undefined, now: Date): Diagnosis['credential'] {
  const kind = credentialKindOf(profile);
  if (!kind) return undefined;
  if (!credential) return { kind, state: 'none' };
  const state = credential.usedAt ? 'used' : Date.parse(credential.expiresAt) <= now.getTime() ? 'expired' : 'valid';
  return { kind, state, expiresAt: credential.expiresAt };
}

/** Whether the address an email proof goes to can be corrected at the desk for this profile. */
export function emailCorrectable(profile: Profile): boolean {
  return profile.contact !== undefined || profile.emailProof?.to === 'onFile';
}

interface ActionFacts {
  profile: Profile;
  enrollment: EnrollmentRow;
  deletionAt: string | undefined;
  proof: PendingProof | undefined;
  idCheckInCase: boolean;
  throttled: boolean;
  now: Date;
}

/** The actions the server would accept now (issue 6): what the desk offers, nothing more. */
function allowedActions(facts: ActionFacts): StaffActionId[] {
  const { profile, enrollment, now } = facts;
  const actions: StaffActionId[] = ['idCheck'];
  if (credentialKindOf(profile) && !enrollment.activatedAt && !enrollment.deactivatedAt) actions.push('issueCredential');
  if (facts.proof && facts.proof.sends < staffMaxSends(profile)) actions.push('resendEmail');
  if (facts.idCheckInCase && emailCorrectable(profile)) actions.push('correctEmail');
  if (facts.throttled) actions.push('liftThrottle');
  if (enrollment.deactivatedAt && facts.deletionAt && now.getTime() < Date.parse(facts.deletionAt)) actions.push('reactivate');
  return actions;
}

export interface CaseRef {
  id: string;
  createdAt: string;
}

/** Everything staff see of one person in one case; null when the record is gone (deleted by the sweep). */
export async function diagnose(ctx: ServiceContext, principal: StaffPrincipal, profile: Profile, lookupKey: string, staffCase: CaseRef): Promise<Diagnosis | null> {
  const now = ctx.now();
  const enrollment = await ctx.store.enrollments.findEnrollment(profile.id, lookupKey);
  if (!enrollment) return null;
  const credential = await currentCredential(ctx.store, profile.id, lookupKey);
  const state = await statusOf(ctx, profile, enrollment, credential, now);
  const proof = await ctx.store.staffCases.findPendingProof(profile.id, lookupKey, now.toISOString());
  const idCheck = await ctx.store.idChecks.findIdCheckSince(profile.id, lookupKey, principal.terminalId, principal.username, staffCase.createdAt);
  const until = await throttledUntil(ctx, lookupKey, now);
  const deletionAt = deletionAtOf(profile, enrollment, credential);
  const emailOnFile = openRecord(ctx, profile, lookupKey, 'email_on_file', enrollment.emailOnFileEnc);
  const contactEmail = openRecord(ctx, profile, lookupKey, 'contact_email', (await ctx.store.enrollments.findEnrollmentContact(profile.id, lookupKey))?.contactEmailEnc);
  const login =
    openRecord(ctx, profile, lookupKey, 'login', enrollment.loginEnc) ??
    (proof ? (decryptRecordValue(ctx.keys.recordKey, proofBinding(proof.activationId, 'login'), proof.loginEnc) ?? undefined) : undefined);
  const reset = await ctx.store.staffCases.findPendingRecovery(profile.id, lookupKey, now.toISOString());
  const diagnosis: Diagnosis = {
    caseId: staffCase.id,
    profileId: profile.id,
    ...state,
    enrolledAt: enrollment.enrolledAt,
    channel: enrollment.channel,
    payment: enrollment.payment,
    actions: allowedActions({ profile, enrollment, deletionAt, proof, idCheckInCase: idCheck !== undefined, throttled: until !== undefined, now }),
  };
  if (login) diagnosis.login = login;
  if (enrollment.paidAt) diagnosis.paidAt = enrollment.paidAt;
  if (enrollment.activatedAt) diagnosis.activatedAt = enrollment.activatedAt;
  if (enrollment.deactivatedAt) diagnosis.deactivatedAt = enrollment.deactivatedAt;
  if (deletionAt) diagnosis.deletionAt = deletionAt;
  const letter = credentialOf(profile, credential, now);
  if (letter) diagnosis.credential = letter;
  // Staff see contact addresses masked only (issue 6), like the kiosk shows them.
  if (emailOnFile) diagnosis.emailOnFile = maskEmail(emailOnFile);
  if (contactEmail) diagnosis.contactEmail = maskEmail(contactEmail);
  if (proof) diagnosis.pendingEmail = { sentTo: proof.sentToMasked, expiresAt: proof.expiresAt, resendsLeft: Math.max(0, staffMaxSends(profile) - proof.sends) };
  if (reset) diagnosis.pendingReset = reset;
  if (until) diagnosis.throttledUntil = until;
  if (idCheck) diagnosis.idCheck = { checkedAt: idCheck.checkedAt, validUntil: idCheck.validUntil, by: idCheck.username };
  return diagnosis;
}
