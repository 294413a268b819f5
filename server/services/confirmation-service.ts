import { ConfirmationSecretSchema } from '../../shared/contract/enrollment-api';
import type { ConfirmationResponseSchema } from '../../shared/contract/enrollment-api';
import { fail, ok } from '../../shared/contract/result';
import type { Result } from '../../shared/contract/result';
import type { SealedBox } from '../../shared/crypto/sealed-box-schema';
import type { z } from 'zod';
import { withRefusedProofAudit } from '../audit/activation-audit';
import type { KnownActivation } from '../audit/activation-audit';
import { verifyPassword } from '../crypto/password-hash';
import type { ActivationRow } from '../store/ports/activation-store';
import type { StoreOps } from '../store/store';
import { completeActivation } from './activation-completion';
import { terminalThrottleKey } from './eligibility-check-service';
import { fingerprintOf, replayOrConflict, storeAnswer } from './idempotency-service';
import type { Answer, IdempotentCall } from './idempotency-service';
import { openSecret } from './sealed-secret';
import type { ServiceContext } from './service-context';
import { clearIdentityFailures, recordFailure, throttleGate } from './throttle-service';

export type ConfirmationResponse = z.infer<typeof ConfirmationResponseSchema>;

/** Why this activation can no longer be confirmed, before any password is checked. */
async function closedReason(store: StoreOps, activation: ActivationRow, now: Date): Promise<Result<never> | null> {
  if (activation.state === 'superseded') return fail('CODE_EXPIRED');
  if (activation.state === 'active') return null;
  if (Date.parse(activation.expiresAt) <= now.getTime()) return fail('CODE_EXPIRED');
  // Activated through another activation (another terminal, an older code): nothing to confirm.
  if ((await store.enrollments.findEnrollment(activation.profileId, activation.lookupKey))?.activatedAt) return fail('ALREADY_ACTIVE');
  return null;
}

/**
 * POST /v1/activations/:id/confirmation: the person types the generated password back (cergy
 * seed, "Cas n°1": a password nobody noted never activates an account). Confirming the same
 * activation again is a success, not ALREADY_ACTIVE, so a retried confirmation is harmless.
 * Issue 6: every refusal (a wrong password typed back, an expired one, a throttle) is audited.
 */
export async function confirmActivation(
  ctx: ServiceContext,
  activationId: string,
  call: IdempotentCall,
  body: { sealed: SealedBox },
): Promise<Result<Answer<ConfirmationResponse>>> {
  return withRefusedProofAudit(ctx, call.terminalId, 'generatedPassword', (known) => attemptConfirmation(ctx, activationId, call, body, known));
}

async function attemptConfirmation(
  ctx: ServiceContext,
  activationId: string,
  call: IdempotentCall,
  body: { sealed: SealedBox },
  known: KnownActivation,
): Promise<Result<Answer<ConfirmationResponse>>> {
  const secret = openSecret(ctx, body.sealed, ConfirmationSecretSchema);
  if (!secret.ok) return secret;
  const request = { ...call, fingerprint: fingerprintOf(ctx.keys.recordKey, [activationId, secret.value.password]) };
  const earlier = await replayOrConflict<ConfirmationResponse>(ctx.store, request);
  if (earlier) return earlier;
  const activation = await ctx.store.activations.findActivation(activationId);
  if (!activation) return fail('NOT_FOUND');
  known.activation = activation;
  const throttleKeys = { identity: activation.lookupKey, terminal: terminalThrottleKey(request.terminalId) };
  const throttled = await throttleGate(ctx.store, throttleKeys, ctx.now());
  if (throttled) return fail('THROTTLED', { retryAfterS: throttled.retryAfterS });
  const closed = await closedReason(ctx.store, activation, ctx.now());
  if (closed) return closed;
  if (!(await verifyPassword(secret.value.password, activation.passwordHash))) {
    await recordFailure(ctx.store, throttleKeys, ctx.now());
    return fail('PASSWORD_MISMATCH');
  }
  return ctx.store.transaction(async (tx) => {
    const raced = await replayOrConflict<ConfirmationResponse>(tx, request);
    if (raced) return raced;
    const current = await tx.activations.findActivation(activationId);
    if (!current) return fail('NOT_FOUND');
    const now = ctx.now();
    const stillClosed = await closedReason(tx, current, now);
    if (stillClosed) return stillClosed;
    const activatedAt = current.activatedAt ?? now.toISOString();
    await completeActivation(tx, current, activatedAt, 'generatedPassword');
    await clearIdentityFailures(tx, current.lookupKey);
    const answer: ConfirmationResponse = { state: 'active', activatedAt };
    await storeAnswer(tx, request, 200, answer, now);
    return ok({ status: 200, body: answer });
  });
}
