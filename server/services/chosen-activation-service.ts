import { randomBytes } from 'node:crypto';
import type { ActivationChoice, ChosenActivationResponse } from '../../shared/contract/enrollment-api';
import { fail, ok } from '../../shared/contract/result';
import type { FieldProblem, Result } from '../../shared/contract/result';
import { maskEmail } from '../../shared/policies/secret-codes';
import type { Profile } from '../../shared/schemas/profile-schema';
import { hashPassword } from '../crypto/password-hash';
import { decryptRecordValue, encryptRecordValue, recordBinding } from '../crypto/record-cipher';
import { emailHash } from '../crypto/record-hash';
import { auditActivation } from '../audit/activation-audit';
import { emailFor, loginFor } from './account-naming';
import { completeActivation } from './activation-completion';
import { passwordContextFor, refusedPasswordRules } from './chosen-password-check';
import type { EligiblePerson } from './eligibility-check-service';
import { startEmailProof } from './email-proof-service';
import { replayOrConflict, storeAnswer } from './idempotency-service';
import type { Answer, IdempotentRequest } from './idempotency-service';
import type { ServiceContext } from './service-context';

/** What the person must have given with their password, by the profile's steps. */
function choiceProblems(profile: Profile, choice: ActivationChoice): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const emailNeeded = profile.contact?.email === 'required' || profile.emailProof?.to === 'contact';
  // ent77: "Il est nécessaire de renseigner une adresse mail personnelle valide".
  if (emailNeeded && !choice.email) problems.push({ key: 'choice.email', reason: 'required' });
  // Nothing is kept that the profile does not ask for.
  if (!profile.contact && choice.email) problems.push({ key: 'choice.email', reason: 'unknown' });
  if ((profile.contact?.mobile ?? 'none') === 'none' && choice.mobile) problems.push({ key: 'choice.mobile', reason: 'unknown' });
  // ent77: the charter must be ticked before "Activer", and it is the version shown that counts.
  if (profile.terms && choice.termsVersion !== profile.terms.version) problems.push({ key: 'choice.termsVersion', reason: 'required' });
  return problems;
}

/** The address the activation message goes to: the one typed (parents) or the one on file (umontpellier). */
function emailProofDestination(ctx: ServiceContext, person: EligiblePerson, choice: ActivationChoice): string | null {
  const { profile, enrollment } = person;
  if (profile.emailProof?.to === 'contact') return choice.email ?? null;
  if (!enrollment.emailOnFileEnc) return null;
  return decryptRecordValue(ctx.keys.recordKey, recordBinding(profile.id, enrollment.lookupKey, 'email_on_file'), enrollment.emailOnFileEnc);
}

/** The institutional mailbox, only where the profile creates one and the names to build it are known. */
function mailboxOf(profile: Profile, identity: Record<string, string>, login: string): string | undefined {
  const named = (kind: string) => profile.identity.fields.some((field) => field.kind === 'personName' && field.autocomplete === kind);
  return profile.account.emailDomain && named('given-name') && named('family-name') ? emailFor(profile, identity, login) : undefined;
}

/**
 * POST /v1/activations for a chosen password (ENT 77, IDF, Montpellier, Scolarité Services).
 * The server has the last word on the policy; the password is kept only as its scrypt hash, the
 * contact only encrypted. Without an email step the account is active at once and the letter
 * void, in one transaction; with one, the activation waits for the emailed link or code.
 */
export async function createChosenActivation(
  ctx: ServiceContext,
  request: IdempotentRequest,
  person: EligiblePerson,
  choice: ActivationChoice | undefined,
): Promise<Result<Answer<ChosenActivationResponse>>> {
  const { profile, identity, hashed } = person;
  if (!choice) return fail('INVALID_INPUT', { fields: [{ key: 'choice', reason: 'required' }] });
  const problems = choiceProblems(profile, choice);
  if (problems.length > 0) return fail('INVALID_INPUT', { fields: problems });
  const login = loginFor(profile, identity);
  const rules = refusedPasswordRules(profile, choice.password, passwordContextFor(profile, identity, login));
  if (rules.length > 0) return fail('PASSWORD_POLICY', { rules });
  const to = profile.emailProof ? emailProofDestination(ctx, person, choice) : null;
  if (profile.emailProof && !to) return fail('INTERNAL');
  const passwordHash = await hashPassword(choice.password);
  const now = ctx.now();
  const seal = (column: string, value: string | undefined) =>
    value === undefined ? null : encryptRecordValue(ctx.keys.recordKey, recordBinding(profile.id, hashed.lookupKey, column), value);
  const awaitingEmail = profile.emailProof !== undefined;
  const answer: ChosenActivationResponse = {
    activationId: randomBytes(16).toString('base64url'),
    login,
    state: awaitingEmail ? 'awaitingEmail' : 'active',
    email: mailboxOf(profile, identity, login),
    sentTo: to ? maskEmail(to) : undefined,
    // Active at once: nothing left to expire, so the instant it finished.
    expiresAt: new Date(now.getTime() + (profile.emailProof?.ttlHours ?? 0) * 3_600_000).toISOString(),
  };
  const stored = await ctx.store.transaction(async (tx): Promise<Result<Answer<ChosenActivationResponse>>> => {
    const raced = await replayOrConflict<ChosenActivationResponse>(tx, request);
    if (raced) return raced;
    // Another terminal may have used the letter or activated the account while scrypt ran.
    if ((await tx.enrollments.findEnrollment(profile.id, hashed.lookupKey))?.activatedAt) return fail('ALREADY_ACTIVE');
    if (person.credential && (await tx.credentials.findCurrentCredential(profile.id, hashed.lookupKey))?.id !== person.credential.id) return fail('CODE_EXPIRED');
    await tx.activations.insertActivation({
      id: answer.activationId,
      profileId: profile.id,
      lookupKey: hashed.lookupKey,
      terminalId: request.terminalId,
      passwordHash,
      createdAt: now.toISOString(),
      expiresAt: answer.expiresAt,
    });
    const contact = {
      contactEmailEnc: seal('contact_email', choice.email),
      mobileEnc: seal('mobile', choice.mobile),
      termsVersion: choice.termsVersion ?? null,
      contactEmailHash: choice.email ? emailHash(ctx.keys.recordKey, profile.id, choice.email) : null,
    };
    await tx.enrollments.saveEnrollmentContact(profile.id, hashed.lookupKey, contact, now.toISOString());
    const activation = await tx.activations.findActivation(answer.activationId);
    if (activation) await auditActivation(tx, activation, 'started', 'chosenPassword', now);
    if (!awaitingEmail && activation) await completeActivation(tx, activation, now.toISOString(), 'chosenPassword');
    await storeAnswer(tx, request, 201, answer, now);
    return ok({ status: 201, body: answer });
  });
  // The message goes out once the activation is committed; a replay of this answer sends nothing.
  if (stored.ok && to && stored.value.body.activationId === answer.activationId) {
    await startEmailProof(ctx, { activationId: answer.activationId, profile, to, login, locale: choice.locale });
  }
  return stored;
}
