import { randomBytes } from 'node:crypto';
import { ActivationSecretSchema } from '../../shared/contract/enrollment-api';
import type { ActivationResponseSchema, ChosenActivationResponse } from '../../shared/contract/enrollment-api';
import { fail, ok } from '../../shared/contract/result';
import type { Result } from '../../shared/contract/result';
import type { SealedBox } from '../../shared/crypto/sealed-box-schema';
import { generatePassword } from '../crypto/password-generator';
import { hashPassword } from '../crypto/password-hash';
import { auditActivation, auditRefusedAttempt, isPersonKnownRefusal } from '../audit/activation-audit';
import { personSubject } from '../audit/audit-log';
import type { z } from 'zod';
import { loginFor, emailFor } from './account-naming';
import { createChosenActivation } from './chosen-activation-service';
import { checkEligibility } from './eligibility-check-service';
import { hashIdentity } from './identity-hashing';
import type { EligiblePerson } from './eligibility-check-service';
import { fingerprintOf, replayOrConflict, storeAnswer } from './idempotency-service';
import type { Answer, IdempotentCall, IdempotentRequest } from './idempotency-service';
import { openSecret } from './sealed-secret';
import type { ServiceContext } from './service-context';

export type ActivationResponse = z.infer<typeof ActivationResponseSchema>;
export type AnyActivationResponse = ActivationResponse | ChosenActivationResponse;

/** How long a generated password may wait for its confirmation before a new one is needed. */
export const ACTIVATION_TTL_MS = 7 * 24 * 3_600_000;

/**
 * POST /v1/activations: re-checks identity and eligibility (never trusting an earlier lookup),
 * then follows the profile's password mode, and answers at most once per Idempotency-Key.
 * Issue 6: a refusal is audited with its code, the person named once their identity matched.
 */
export async function createActivation(
  ctx: ServiceContext,
  call: IdempotentCall,
  body: { profileId: string; sealed: SealedBox },
): Promise<Result<Answer<AnyActivationResponse>>> {
  const attempt: Attempt = { subject: null };
  const result = await attemptActivation(ctx, call, body, attempt);
  if (!result.ok) {
    const profileId = ctx.profiles.get(body.profileId)?.id ?? null;
    await auditRefusedAttempt(ctx.store, { action: 'activation.refused', terminalId: call.terminalId, profileId, subject: attempt.subject, code: result.error.code }, ctx.now());
  }
  return result;
}

/** What the refusal's audit entry may say about the person, filled in as the attempt learns it. */
interface Attempt {
  subject: string | null;
}

async function attemptActivation(
  ctx: ServiceContext,
  call: IdempotentCall,
  body: { profileId: string; sealed: SealedBox },
  attempt: Attempt,
): Promise<Result<Answer<AnyActivationResponse>>> {
  const secret = openSecret(ctx, body.sealed, ActivationSecretSchema);
  if (!secret.ok) return secret;
  const { identity, choice } = secret.value;
  // Keyed hash of what was asked; the choice (password, address) only when there is one, so
  // generated-password requests keep the fingerprint they always had.
  const meaning = choice ? [body.profileId, identity, choice] : [body.profileId, identity];
  const request = { ...call, fingerprint: fingerprintOf(ctx.keys.recordKey, meaning) };
  const earlier = await replayOrConflict<AnyActivationResponse>(ctx.store, request);
  if (earlier) return earlier;
  const checked = await checkEligibility(ctx, request.terminalId, body.profileId, identity);
  if (!checked.ok) {
    const profile = ctx.profiles.get(body.profileId);
    // These come only after every field matched, so the identity parsed and its lookup key is the record's.
    if (profile && isPersonKnownRefusal(checked.error.code)) attempt.subject = personSubject(profile.id, hashIdentity(profile, identity, ctx.keys.recordKey).lookupKey);
    return checked;
  }
  attempt.subject = personSubject(checked.value.profile.id, checked.value.hashed.lookupKey);
  if (checked.value.profile.password.mode === 'chosen') return createChosenActivation(ctx, request, checked.value, choice);
  if (choice) return fail('INVALID_INPUT', { fields: [{ key: 'choice', reason: 'unknown' }] });
  return createGeneratedActivation(ctx, request, checked.value);
}

/**
 * Generated password (cergy): made here, never on the kiosk, kept only as its scrypt hash,
 * pending until typed back. The slow part (scrypt) runs before the write transaction; inside it
 * the key is checked again, so of two racing requests with one key, the second gets the first's answer.
 */
async function createGeneratedActivation(
  ctx: ServiceContext,
  request: IdempotentRequest,
  person: EligiblePerson,
): Promise<Result<Answer<ActivationResponse>>> {
  const { profile, identity, hashed } = person;
  if (profile.password.mode !== 'generated') return fail('INTERNAL');
  const password = generatePassword(profile.password.length);
  const passwordHash = await hashPassword(password);
  const now = ctx.now();
  const login = loginFor(profile, identity);
  const answer: ActivationResponse = {
    activationId: randomBytes(16).toString('base64url'),
    login,
    email: emailFor(profile, identity, login),
    password,
    expiresAt: new Date(now.getTime() + ACTIVATION_TTL_MS).toISOString(),
  };
  return ctx.store.transaction(async (tx) => {
    const raced = await replayOrConflict<ActivationResponse>(tx, request);
    if (raced) return raced;
    // The record may have been activated while scrypt ran.
    if ((await tx.enrollments.findEnrollment(profile.id, hashed.lookupKey))?.activatedAt) return fail('ALREADY_ACTIVE');
    await tx.activations.insertActivation({
      id: answer.activationId,
      profileId: profile.id,
      lookupKey: hashed.lookupKey,
      terminalId: request.terminalId,
      passwordHash,
      createdAt: now.toISOString(),
      expiresAt: answer.expiresAt,
    });
    await auditActivation(tx, { id: answer.activationId, profileId: profile.id, lookupKey: hashed.lookupKey, terminalId: request.terminalId }, 'started', 'generatedPassword', now);
    await storeAnswer(tx, request, 201, answer, now);
    return ok({ status: 201, body: answer });
  });
}
