import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { RecoveryResetSecretSchema } from '../../shared/contract/enrollment-api';
import type { RecoveryResetRequestSchema, RecoveryResetResponseSchema } from '../../shared/contract/enrollment-api';
import { parseWith } from '../../shared/contract/parse';
import { fail, ok } from '../../shared/contract/result';
import type { Result } from '../../shared/contract/result';
import { EMAIL_CODE_LENGTH, isWellFormedCode, normalizeCode } from '../../shared/policies/secret-codes';
import { PASSWORD_RULE_IDS } from '../../shared/schemas/password-policy-schema';
import type { PasswordRuleId } from '../../shared/schemas/password-policy-schema';
import type { Profile } from '../../shared/schemas/profile-schema';
import { auditRecoveryReset, auditRefusedAttempt } from '../audit/activation-audit';
import { personSubject } from '../audit/audit-log';
import { hashPassword, verifyPassword } from '../crypto/password-hash';
import { decryptRecordValue } from '../crypto/record-cipher';
import type { RecoveryRow } from '../store/ports/recovery-store';
import { passwordContextFor, refusedPasswordRules } from './chosen-password-check';
import { terminalThrottleKey } from './eligibility-check-service';
import { MAX_EMAIL_CODE_ATTEMPTS } from './email-proof-service';
import { answerOnce, fingerprintOf, replayOrConflict } from './idempotency-service';
import type { Answer, IdempotentCall } from './idempotency-service';
import { recoveryBinding } from './recovery-request-service';
import { verifyAgainstNothing } from './recovery-decoy';
import { openSecret } from './sealed-secret';
import type { ServiceContext } from './service-context';
import { clearIdentityFailures, recordFailure, throttleGate } from './throttle-service';

export type RecoveryResetResponse = z.infer<typeof RecoveryResetResponseSchema>;
type ResetAnswer = Result<Answer<RecoveryResetResponse>>;

const RecoveryContextSchema = z.strictObject({ login: z.string().min(1), fields: z.record(z.string(), z.string()) });
type RecoveryContext = z.infer<typeof RecoveryContextSchema>;

/** Five wrong codes void a reset code, like the activation email's ("la cinquième l'annule"). */
export const MAX_RECOVERY_CODE_ATTEMPTS = MAX_EMAIL_CODE_ATTEMPTS;

function contextOf(ctx: ServiceContext, row: RecoveryRow): RecoveryContext | null {
  const plain = row.contextEnc ? decryptRecordValue(ctx.keys.recordKey, recoveryBinding(row.id), row.contextEnc) : null;
  if (plain === null) return null;
  const parsed = parseWith(RecoveryContextSchema, JSON.parse(plain) as unknown);
  return parsed.ok ? parsed.data : null;
}

/** A used code again: the same success for the retry of the reset that used it (same code, same password), else CODE_USED. */
async function usedAnswer(ctx: ServiceContext, row: RecoveryRow, code: string, password: string): Promise<ResetAnswer> {
  const activation = row.activationId ? await ctx.store.activations.findActivation(row.activationId) : undefined;
  const login = contextOf(ctx, row)?.login;
  if (activation && login && (await verifyPassword(code, row.codeHash)) && (await verifyPassword(password, activation.passwordHash))) {
    return ok({ status: 200, body: { state: 'reset', login } });
  }
  return fail('CODE_USED');
}

/**
 * The rules a new password fails for this account: the profile's policy, checked with what the
 * recovery request carried (the login and the typed fields), and, where the policy wants a *new*
 * password (`notCurrent`: idf-lycee, parents-scolarite), not the account's current one, verified
 * against its active password hash. An account activated elsewhere has no hash here: the ENT
 * holds that password, so the rule cannot be checked and passes.
 */
async function refusedResetRules(ctx: ServiceContext, profile: Profile, row: RecoveryRow, password: string, context: RecoveryContext): Promise<PasswordRuleId[]> {
  const rules = refusedPasswordRules(profile, password, passwordContextFor(profile, context.fields, context.login));
  if (profile.password.mode !== 'chosen' || !profile.password.policy.notCurrent || !row.lookupKey) return rules;
  const currentHash = await ctx.store.activations.findActivePasswordHash(row.profileId, row.lookupKey);
  if (!currentHash || !(await verifyPassword(password, currentHash))) return rules;
  return PASSWORD_RULE_IDS.filter((id) => id === 'notCurrent' || rules.includes(id));
}

/**
 * POST /v1/recoveries/:recoveryId/reset: the emailed code and a new password. Unknown ids and
 * decoys (a recovery that matched nobody) answer what a wrong code answers, after the same
 * scrypt; five wrong codes void the code (CODE_EXPIRED), as does its age. The new password must
 * pass `refusedResetRules`, then becomes the account's one active activation. Applied at most
 * once per Idempotency-Key: the retry of a lost answer gets the same answer back.
 * Issue 6: the reset is audited, and so is every refusal, with its code (never the code typed).
 */
export async function resetWithRecoveryCode(
  ctx: ServiceContext,
  call: IdempotentCall,
  recoveryId: string,
  body: z.infer<typeof RecoveryResetRequestSchema>,
): Promise<ResetAnswer> {
  const attempt: Attempt = { profileId: null, subject: null };
  const answer = await attemptReset(ctx, call, recoveryId, body, attempt);
  if (!answer.ok) {
    await auditRefusedAttempt(ctx.store, { action: 'recovery.reset', terminalId: call.terminalId, ...attempt, code: answer.error.code }, ctx.now());
  }
  return answer;
}

/** What the refusal's audit entry may say, filled in once the recovery is found: a decoy names nobody. */
interface Attempt {
  profileId: string | null;
  subject: string | null;
}

async function attemptReset(
  ctx: ServiceContext,
  call: IdempotentCall,
  recoveryId: string,
  body: z.infer<typeof RecoveryResetRequestSchema>,
  attempt: Attempt,
): Promise<ResetAnswer> {
  const secret = openSecret(ctx, body.sealed, RecoveryResetSecretSchema);
  if (!secret.ok) return secret;
  const { password } = secret.value;
  const code = normalizeCode(secret.value.code);
  const request = { ...call, fingerprint: fingerprintOf(ctx.keys.recordKey, ['recovery-reset', recoveryId, code, password]) };
  const earlier = await replayOrConflict<RecoveryResetResponse>(ctx.store, request);
  if (earlier) return earlier;
  const row = await ctx.store.recoveries.findRecovery(recoveryId);
  // Per terminal only: each code has its own five tries, and the identity already paid for the request.
  const keys = { terminal: terminalThrottleKey(request.terminalId) };
  const throttled = await throttleGate(ctx.store, keys, ctx.now());
  if (throttled) return fail('THROTTLED', { retryAfterS: throttled.retryAfterS });
  if (!row) {
    await verifyAgainstNothing(code);
    await recordFailure(ctx.store, keys, ctx.now());
    return fail('CODE_INVALID');
  }
  attempt.profileId = ctx.profiles.get(row.profileId)?.id ?? null;
  attempt.subject = row.lookupKey ? personSubject(row.profileId, row.lookupKey) : null;
  if (row.usedAt) return usedAnswer(ctx, row, code, password);
  if (row.attempts >= MAX_RECOVERY_CODE_ATTEMPTS || Date.parse(row.expiresAt) <= ctx.now().getTime()) return fail('CODE_EXPIRED');
  const context = contextOf(ctx, row);
  if (!isWellFormedCode(code, EMAIL_CODE_LENGTH) || !(await verifyPassword(code, row.codeHash)) || !context || !row.lookupKey) {
    await recordFailure(ctx.store, keys, ctx.now());
    return fail(await ctx.store.recoveries.recordWrongRecoveryCode(row.id) >= MAX_RECOVERY_CODE_ATTEMPTS ? 'CODE_EXPIRED' : 'CODE_INVALID');
  }
  const profile = ctx.profiles.get(row.profileId);
  if (!profile) return fail('NOT_FOUND');
  const rules = await refusedResetRules(ctx, profile, row, password, context);
  if (rules.length > 0) return fail('PASSWORD_POLICY', { rules });
  const passwordHash = await hashPassword(password);
  const lookupKey = row.lookupKey;
  const now = ctx.now();
  const committed = await answerOnce<RecoveryResetResponse>(ctx.store, request, now, async (tx) => {
    const at = now.toISOString();
    const activationId = randomBytes(16).toString('base64url');
    // Another reset with the same code may have won while scrypt ran: this one then changes nothing.
    if ((await tx.recoveries.findRecovery(row.id))?.usedAt) return fail('CODE_USED');
    if ((await tx.enrollments.findEnrollment(row.profileId, lookupKey))?.deactivatedAt) return fail('ACCOUNT_DEACTIVATED');
    await tx.activations.insertResetActivation({ id: activationId, profileId: row.profileId, lookupKey, terminalId: request.terminalId, passwordHash, createdAt: at, expiresAt: at, activatedAt: at });
    await tx.recoveries.markRecoveryUsed(row.id, at, activationId);
    await tx.recoveries.voidOtherRecoveries(row.profileId, lookupKey, row.id, at);
    await clearIdentityFailures(tx, row.throttleKey);
    await auditRecoveryReset(tx, { profileId: row.profileId, lookupKey, terminalId: request.terminalId, activationId }, now);
    return ok({ status: 200, body: { state: 'reset', login: context.login } });
  });
  return committed.result;
}
