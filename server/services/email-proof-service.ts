import type { z } from 'zod';
import { EmailCodeSecretSchema, enrollmentRoutes } from '../../shared/contract/enrollment-api';
import type { EmailConfirmationResponseSchema, EmailResendResponseSchema } from '../../shared/contract/enrollment-api';
import { fail, ok } from '../../shared/contract/result';
import type { Result } from '../../shared/contract/result';
import type { SealedBox } from '../../shared/crypto/sealed-box-schema';
import { EMAIL_CODE_LENGTH, isWellFormedCode, maskEmail, normalizeCode } from '../../shared/policies/secret-codes';
import type { Locale } from '../../shared/schemas/localized-text-schema';
import type { Profile } from '../../shared/schemas/profile-schema';
import { hashPassword, verifyPassword } from '../crypto/password-hash';
import { decryptRecordValue, encryptRecordValue } from '../crypto/record-cipher';
import { auditProofEmailSent, auditRefusedProof, withRefusedProofAudit } from '../audit/activation-audit';
import type { KnownActivation } from '../audit/activation-audit';
import { activationEmail } from '../mail/activation-email';
import { LINK_TOKEN_PATTERN, linkHashOf, newEmailCode, newLinkToken } from '../mail/email-proof-secrets';
import { deliverMail } from '../mail/mailer';
import type { MailOutcome } from '../mail/mailer';
import type { ActivationRow } from '../store/ports/activation-store';
import type { StoreOps } from '../store/store';
import type { EmailProofRow } from '../store/ports/email-proof-store';
import { completeActivation } from './activation-completion';
import { terminalThrottleKey } from './eligibility-check-service';
import { fingerprintOf, replayOrConflict, storeAnswer } from './idempotency-service';
import type { Answer, IdempotentCall } from './idempotency-service';
import { openSecret } from './sealed-secret';
import type { ServiceContext } from './service-context';
import { clearIdentityFailures, recordFailure, throttleGate } from './throttle-service';

export type EmailConfirmationResponse = z.infer<typeof EmailConfirmationResponseSchema>;
export type EmailResendResponse = z.infer<typeof EmailResendResponseSchema>;

/** Wrong codes one emailed code survives; the fifth voids it (a resend brings a new one). */
export const MAX_EMAIL_CODE_ATTEMPTS = 5;

export interface StartEmailProofInput {
  activationId: string;
  profile: Profile;
  /** The address in clear, only in memory: stored encrypted, answered masked. */
  to: string;
  login: string;
  locale: Locale;
}

/** AES-GCM associated data: a ciphertext copied onto another proof or column does not open. */
function binding(activationId: string, column: 'sent_to' | 'login'): string {
  return `email_proofs\u0000${activationId}\u0000${column}`;
}

/** A fresh code and link live `ttlHours` (umontpellier seed: "valable 24h"), never past the activation. */
function proofExpiry(profile: Profile, activation: ActivationRow, now: Date): string {
  const ttlMs = (profile.emailProof?.ttlHours ?? 24) * 3_600_000;
  return new Date(Math.min(Date.parse(activation.expiresAt), now.getTime() + ttlMs)).toISOString();
}

interface Outgoing {
  activationId: string;
  profile: Profile;
  to: string;
  login: string;
  locale: Locale;
  code: string;
  token: string;
  expiresAt: string;
}

async function sendProofEmail(ctx: ServiceContext, outgoing: Outgoing): Promise<MailOutcome> {
  const hoursLeft = Math.max(1, Math.ceil((Date.parse(outgoing.expiresAt) - ctx.now().getTime()) / 3_600_000));
  const message = activationEmail({
    profile: outgoing.profile,
    to: outgoing.to,
    login: outgoing.login,
    code: outgoing.code,
    link: `${ctx.publicUrl}${enrollmentRoutes.emailLink.path.replace(':token', outgoing.token)}`,
    validHours: hoursLeft,
    locale: outgoing.locale,
  });
  return deliverMail(ctx.mailer, message, ctx.log, { activationId: outgoing.activationId, profileId: outgoing.profile.id });
}

/**
 * Called by the activation service once a `pending` activation is committed (Montpellier,
 * Scolarité Services): records the proof and sends the message with the link and the short
 * code. Idempotent per activation: a second call sends nothing and answers the same `sentTo`.
 * A failed send is logged (MAIL_SEND_FAILED) and the proof kept: "send again" retries it.
 */
export async function startEmailProof(ctx: ServiceContext, input: StartEmailProofInput): Promise<{ sentTo: string }> {
  const existing = await ctx.store.emailProofs.findEmailProof(input.activationId);
  if (existing) return { sentTo: existing.sentToMasked };
  const activation = await ctx.store.activations.findActivation(input.activationId);
  if (!activation) throw new Error('startEmailProof: the activation must be committed first');
  const code = newEmailCode();
  const token = newLinkToken();
  const now = ctx.now();
  const row: EmailProofRow = {
    activationId: input.activationId,
    codeHash: await hashPassword(code),
    linkHash: linkHashOf(token),
    sentToEnc: encryptRecordValue(ctx.keys.recordKey, binding(input.activationId, 'sent_to'), input.to),
    sentToMasked: maskEmail(input.to),
    loginEnc: encryptRecordValue(ctx.keys.recordKey, binding(input.activationId, 'login'), input.login),
    locale: input.locale,
    sends: 1,
    attempts: 0,
    createdAt: now.toISOString(),
    lastSentAt: now.toISOString(),
    expiresAt: proofExpiry(input.profile, activation, now),
    usedAt: null,
  };
  // Another call may have won while scrypt ran: then it sent the message, not us.
  const inserted = await ctx.store.transaction(async (tx) => {
    if (!await tx.emailProofs.insertEmailProof(row)) return false;
    await auditProofEmailSent(tx, activation, now);
    return true;
  });
  if (!inserted) return { sentTo: (await ctx.store.emailProofs.findEmailProof(input.activationId))?.sentToMasked ?? row.sentToMasked };
  await sendProofEmail(ctx, { ...input, code, token, expiresAt: row.expiresAt });
  return { sentTo: row.sentToMasked };
}

/** Why this proof cannot finish the activation now; null when it can. */
async function closedReason(store: StoreOps, activation: ActivationRow, proof: EmailProofRow, now: Date): Promise<Result<never> | null> {
  if (activation.state === 'superseded') return fail('CODE_EXPIRED');
  if (proof.attempts >= MAX_EMAIL_CODE_ATTEMPTS) return fail('CODE_EXPIRED');
  if (Date.parse(proof.expiresAt) <= now.getTime()) return fail('CODE_EXPIRED');
  const enrollment = await store.enrollments.findEnrollment(activation.profileId, activation.lookupKey);
  if (activation.state === 'active' || enrollment?.activatedAt) return fail('ALREADY_ACTIVE');
  if (enrollment?.deactivatedAt) return fail('ACCOUNT_DEACTIVATED');
  return null;
}

async function findPair(store: StoreOps, activationId: string): Promise<{ activation: ActivationRow; proof: EmailProofRow } | null> {
  const activation = await store.activations.findActivation(activationId);
  const proof = activation ? await store.emailProofs.findEmailProof(activationId) : undefined;
  return activation && proof ? { activation, proof } : null;
}

/**
 * The used proof's answer: a retry with the right code after the link or the code finished the
 * activation is a success again (harmless); anything else is CODE_USED.
 */
async function usedAnswer(activation: ActivationRow, proof: EmailProofRow, code: string): Promise<Result<Answer<EmailConfirmationResponse>>> {
  if (activation.state === 'active' && activation.activatedAt && (await verifyPassword(code, proof.codeHash))) {
    return ok({ status: 200, body: { state: 'active', activatedAt: activation.activatedAt } });
  }
  return fail('CODE_USED');
}

/**
 * POST /v1/activations/:id/email-confirmation: the short code from the email, typed at the
 * kiosk (issue 3). Wrong codes count against the code (five void it) and in the throttle, like
 * the cergy confirmation; success marks the proof used and completes the activation together.
 * Issue 6: every refusal is audited with its code, never the code typed.
 */
export async function confirmEmailCode(
  ctx: ServiceContext,
  activationId: string,
  call: IdempotentCall,
  body: { sealed: SealedBox },
): Promise<Result<Answer<EmailConfirmationResponse>>> {
  return withRefusedProofAudit(ctx, call.terminalId, 'emailCode', (known) => attemptEmailCode(ctx, activationId, call, body, known));
}

async function attemptEmailCode(
  ctx: ServiceContext,
  activationId: string,
  call: IdempotentCall,
  body: { sealed: SealedBox },
  known: KnownActivation,
): Promise<Result<Answer<EmailConfirmationResponse>>> {
  const secret = openSecret(ctx, body.sealed, EmailCodeSecretSchema);
  if (!secret.ok) return secret;
  const code = normalizeCode(secret.value.code);
  const request = { ...call, fingerprint: fingerprintOf(ctx.keys.recordKey, ['email-code', activationId, code]) };
  const earlier = await replayOrConflict<EmailConfirmationResponse>(ctx.store, request);
  if (earlier) return earlier;
  const pair = await findPair(ctx.store, activationId);
  if (!pair) return fail('NOT_FOUND');
  const { activation, proof } = pair;
  known.activation = activation;
  if (proof.usedAt) return usedAnswer(activation, proof, code);
  const closed = await closedReason(ctx.store, activation, proof, ctx.now());
  if (closed) return closed;
  const throttleKeys = { identity: activation.lookupKey, terminal: terminalThrottleKey(request.terminalId) };
  const throttled = await throttleGate(ctx.store, throttleKeys, ctx.now());
  if (throttled) return fail('THROTTLED', { retryAfterS: throttled.retryAfterS });
  if (!isWellFormedCode(code, EMAIL_CODE_LENGTH) || !(await verifyPassword(code, proof.codeHash))) {
    await recordFailure(ctx.store, throttleKeys, ctx.now());
    const attempts = await ctx.store.emailProofs.recordWrongEmailCode(activationId);
    return fail(attempts >= MAX_EMAIL_CODE_ATTEMPTS ? 'CODE_EXPIRED' : 'CODE_INVALID');
  }
  return ctx.store.transaction(async (tx) => {
    const raced = await replayOrConflict<EmailConfirmationResponse>(tx, request);
    if (raced) return raced;
    const current = await findPair(tx, activationId);
    if (!current) return fail('NOT_FOUND');
    // A resend while scrypt ran replaced the code: the one just checked is dead.
    if (current.proof.codeHash !== proof.codeHash) return fail('CODE_INVALID');
    if (current.proof.usedAt) return current.activation.activatedAt ? ok({ status: 200, body: { state: 'active' as const, activatedAt: current.activation.activatedAt } }) : fail('CODE_USED');
    const now = ctx.now();
    const stillClosed = await closedReason(tx, current.activation, current.proof, now);
    if (stillClosed) return stillClosed;
    const answer: EmailConfirmationResponse = { state: 'active', activatedAt: now.toISOString() };
    await tx.emailProofs.markEmailProofUsed(activationId, answer.activatedAt);
    await completeActivation(tx, current.activation, answer.activatedAt, 'emailCode');
    await clearIdentityFailures(tx, current.activation.lookupKey);
    await storeAnswer(tx, request, 200, answer, now);
    return ok({ status: 200, body: answer });
  });
}

/** GET /v1/email-links/:token: whether the link could still finish its activation (reads only). */
export async function isEmailLinkOpen(ctx: ServiceContext, token: string): Promise<boolean> {
  if (!LINK_TOKEN_PATTERN.test(token)) return false;
  const proof = await ctx.store.emailProofs.findEmailProofByLinkHash(linkHashOf(token));
  const activation = proof ? await ctx.store.activations.findActivation(proof.activationId) : undefined;
  return proof !== undefined && activation !== undefined && !proof.usedAt && !await closedReason(ctx.store, activation, proof, ctx.now());
}

/**
 * POST /v1/email-links/:token, the confirm button of the page the link opens: finishes the activation once.
 * Unknown, malformed, expired, used or superseded tokens are all the one `invalid` outcome,
 * so the page answered cannot tell which (no oracle); the audit entry (issue 6) says which.
 */
export async function openEmailLink(ctx: ServiceContext, token: string): Promise<'activated' | 'invalid'> {
  const known: KnownActivation = { activation: null };
  const refused = await tryEmailLink(ctx, token, known);
  if (!refused) return 'activated';
  await auditRefusedProof(ctx.store, { terminalId: known.activation?.terminalId ?? null, activation: known.activation, proof: 'emailLink', code: refused }, ctx.now());
  return 'invalid';
}

/** null once the link activated, else why it did not (a token that is none is CODE_INVALID, like a wrong code). */
async function tryEmailLink(ctx: ServiceContext, token: string, known: KnownActivation): Promise<string | null> {
  if (!LINK_TOKEN_PATTERN.test(token)) return 'CODE_INVALID';
  const linkHash = linkHashOf(token);
  return ctx.store.transaction(async (tx) => {
    const proof = await tx.emailProofs.findEmailProofByLinkHash(linkHash);
    const activation = proof ? await tx.activations.findActivation(proof.activationId) : undefined;
    if (!proof || !activation) return 'CODE_INVALID';
    known.activation = activation;
    if (proof.usedAt) return 'CODE_USED';
    const now = ctx.now();
    const closed = await closedReason(tx, activation, proof, now);
    if (closed) return closed.ok ? 'INTERNAL' : closed.error.code;
    await tx.emailProofs.markEmailProofUsed(proof.activationId, now.toISOString());
    await completeActivation(tx, activation, now.toISOString(), 'emailLink');
    await clearIdentityFailures(tx, activation.lookupKey);
    return null;
  });
}

/**
 * POST /v1/activations/:id/email-resend: a new code and link to the address recorded at start
 * (the old ones die), at most `emailProof.resends` times. The message goes out before the new
 * hashes are committed, so a relay failure (OFFLINE) leaves the previous code working.
 */
export async function resendEmailProof(
  ctx: ServiceContext,
  activationId: string,
  call: IdempotentCall | null,
): Promise<Result<Answer<EmailResendResponse>>> {
  const request = call ? { ...call, fingerprint: fingerprintOf(ctx.keys.recordKey, ['email-resend', activationId]) } : null;
  const earlier = request ? await replayOrConflict<EmailResendResponse>(ctx.store, request) : null;
  if (earlier) return earlier;
  const pair = await findPair(ctx.store, activationId);
  const profile = pair ? ctx.profiles.get(pair.activation.profileId) : undefined;
  if (!pair || !profile) return fail('NOT_FOUND');
  const { activation, proof } = pair;
  if (proof.usedAt) return fail('ALREADY_ACTIVE');
  const now = ctx.now();
  const closed = await closedReason(ctx.store, activation, { ...proof, attempts: 0 }, now);
  // A code voided by wrong guesses is exactly what a resend replaces; an expired one is not.
  if (closed) return closed;
  const maxSends = 1 + (profile.emailProof?.resends ?? 0);
  if (proof.sends >= maxSends) return fail('RESEND_LIMIT');
  const to = decryptRecordValue(ctx.keys.recordKey, binding(activationId, 'sent_to'), proof.sentToEnc);
  const login = decryptRecordValue(ctx.keys.recordKey, binding(activationId, 'login'), proof.loginEnc);
  if (to === null || login === null) throw new Error('email proof does not open under this record key');
  const code = newEmailCode();
  const token = newLinkToken();
  const codeHash = await hashPassword(code);
  const expiresAt = proofExpiry(profile, activation, now);
  const sent = await sendProofEmail(ctx, { activationId, profile, to, login, locale: proof.locale, code, token, expiresAt });
  if (!sent.ok) return fail('OFFLINE');
  return ctx.store.transaction(async (tx) => {
    const raced = request ? await replayOrConflict<EmailResendResponse>(tx, request) : null;
    if (raced) return raced;
    const secrets = { codeHash, linkHash: linkHashOf(token), sentAt: now.toISOString(), expiresAt };
    const sends = await tx.emailProofs.replaceEmailProofSecrets(activationId, secrets, maxSends);
    if (sends === null) return fail('RESEND_LIMIT');
    const answer: EmailResendResponse = { sentTo: proof.sentToMasked, resendsLeft: maxSends - sends };
    if (request) await storeAnswer(tx, request, 200, answer, now);
    return ok({ status: 200, body: answer });
  });
}
