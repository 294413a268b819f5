import { DIAGNOSIS_STATUSES } from '../../../shared/contract/staff-api';
import type { Diagnosis, DiagnosisStatus, StaffActionId } from '../../../shared/contract/staff-api';
import { decideEligibility } from '../../../shared/policies/eligibility-rules';
import { maskEmail } from '../../../shared/policies/secret-codes';
import type { Profile } from '../../../shared/schemas/profile-schema';
import { decryptRecordValue, recordBinding } from '../../crypto/record-cipher';
import type { StaffPrincipal } from '../../plugins/staff-auth-plugin';
import type { CredentialRow } from '../../store/ports/credential-store';
import type { EnrollmentRow } from '../../store/ports/enrollment-store';
import type { PendingProof, PendingRecovery } from '../../store/ports/staff-case-store';
import { credentialKindOf, currentCredential } from '../credential-service';
import { letterRefusal } from '../eligibility-check-service';
import type { ServiceContext } from '../service-context';
import { personThrottleKeys, personThrottledUntil } from './person-throttle';
import { proofBinding, staffMaxSends } from './staff-email-proof';
import { STAFF_RESET_MAX_SENDS } from './staff-reset-email';

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
 * person whose chosen password waits for the emailed proof is AWAITING_EMAIL. An active account
 * is ALREADY_ACTIVE first: the kiosk tells a person typing the spent letter CODE_USED (ent77 seed:
 * "le code d'activation devient obsolète"), but a letter is only spent by the activation that
 * completes (activation-completion.ts), so for staff "already active" is the fact to act on, not
 * "code used, issue a new one".
 */
async function statusOf(ctx: ServiceContext, profile: Profile, enrollment: EnrollmentRow, credential: CredentialRow | undefined, now: Date): Promise<{ status: DiagnosisStatus; opensAt?: string }> {
  if (enrollment.activatedAt) return { status: 'ALREADY_ACTIVE' };
  const refused = letterRefusal(credential, enrollment, now);
  if (refused && !refused.ok && isDiagnosisStatus(refused.error.code)) return { status: refused.error.code };
  const decision = decideEligibility(profile, enrollment, now);
  if (decision.status === 'NOT_YET_OPEN') return { status: decision.status, opensAt: decision.opensAt };
  if (decision.status === 'eligible' && await ctx.store.staffCases.findPendingProof(profile.id, enrollment.lookupKey, now.toISOString())) return { status: 'AWAITING_EMAIL' };
  return { status: decision.status };
}

/** Blocked by any of the person's counters, "identifiant oublié" included (person-throttle.ts). */
async function throttledUntil(ctx: ServiceContext, profile: Profile, enrollment: EnrollmentRow, now: Date): Promise<string | undefined> {
  return personThrottledUntil(ctx, await personThrottleKeys(ctx, profile, enrollment), now);
}

/** Where a person stands, for the desk and the group board. Reads only: no side effect, no audit. */
export async function personState(ctx: ServiceContext, profile: Profile, lookupKey: string): Promise<PersonState> {
  const now = ctx.now();
  const enrollment = await ctx.store.enrollments.findEnrollment(profile.id, lookupKey);
  if (!enrollment) return { status: 'NOT_FOUND' };
  const state: PersonState = await statusOf(ctx, profile, enrollment, await currentCredential(ctx.store, profile.id, lookupKey), now);
  const until = await throttledUntil(ctx, profile, enrollment, now);
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
  reset: PendingRecovery | undefined;
  idCheckInCase: boolean;
  throttled: boolean;
  now: Date;
}

/**
 * A new secret handed over the desk, a deactivated account brought back with one, or a changed
 * address is the classic way in for someone posing as the person: staff check the identity
 * document in this case first (issue 6: "corriger l'email de contact après vérification de
 * l'identité"; cergy seed, Cas n°1: "présentez-vous à la scolarité muni d'une pièce d'identité").
 */
const NEEDS_ID_CHECK: readonly StaffActionId[] = ['issueCredential', 'correctEmail', 'reactivate'];

/** What would apply to this person, before the id check gate. */
function applicableActions(facts: ActionFacts): StaffActionId[] {
  const { profile, enrollment, now } = facts;
  const actions: StaffActionId[] = ['idCheck'];
  if (credentialKindOf(profile) && !enrollment.activatedAt && !enrollment.deactivatedAt) actions.push('issueCredential');
  const proofResend = facts.proof !== undefined && facts.proof.sends < staffMaxSends(profile);
  const resetResend = facts.reset !== undefined && facts.reset.sends < STAFF_RESET_MAX_SENDS;
  if (proofResend || resetResend) actions.push('resendEmail');
  if (emailCorrectable(profile)) actions.push('correctEmail');
  if (facts.throttled) actions.push('liftThrottle');
  if (enrollment.deactivatedAt && facts.deletionAt && now.getTime() < Date.parse(facts.deletionAt)) actions.push('reactivate');
  return actions;
}

/** The actions the server would accept now (issue 6): what the desk offers, nothing more; and those waiting for the id check. */
function allowedActions(facts: ActionFacts): { actions: StaffActionId[]; afterIdCheck: StaffActionId[] } {
  const applicable = applicableActions(facts);
  if (facts.idCheckInCase) return { actions: applicable, afterIdCheck: [] };
  return { actions: applicable.filter((action) => !NEEDS_ID_CHECK.includes(action)), afterIdCheck: applicable.filter((action) => NEEDS_ID_CHECK.includes(action)) };
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
  const until = await throttledUntil(ctx, profile, enrollment, now);
  const deletionAt = deletionAtOf(profile, enrollment, credential);
  const emailOnFile = openRecord(ctx, profile, lookupKey, 'email_on_file', enrollment.emailOnFileEnc);
  const contactEmail = openRecord(ctx, profile, lookupKey, 'contact_email', (await ctx.store.enrollments.findEnrollmentContact(profile.id, lookupKey))?.contactEmailEnc);
  const login =
    openRecord(ctx, profile, lookupKey, 'login', enrollment.loginEnc) ??
    (proof ? (decryptRecordValue(ctx.keys.recordKey, proofBinding(proof.activationId, 'login'), proof.loginEnc) ?? undefined) : undefined);
  const reset = await ctx.store.staffCases.findPendingRecovery(profile.id, lookupKey, now.toISOString());
  const { actions, afterIdCheck } = allowedActions({ profile, enrollment, deletionAt, proof, reset, idCheckInCase: idCheck !== undefined, throttled: until !== undefined, now });
  const diagnosis: Diagnosis = {
    caseId: staffCase.id,
    profileId: profile.id,
    ...state,
    enrolledAt: enrollment.enrolledAt,
    channel: enrollment.channel,
    payment: enrollment.payment,
    actions,
  };
  if (afterIdCheck.length > 0) diagnosis.afterIdCheck = afterIdCheck;
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
  if (reset) diagnosis.pendingReset = { expiresAt: reset.expiresAt, resendsLeft: Math.max(0, STAFF_RESET_MAX_SENDS - reset.sends) };
  if (until) diagnosis.throttledUntil = until;
  if (idCheck) diagnosis.idCheck = { checkedAt: idCheck.checkedAt, validUntil: idCheck.validUntil, by: idCheck.username };
  return diagnosis;
}
