import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import { RecoverySecretSchema } from '../../shared/contract/enrollment-api';
import type { RecoveryRequestSchema, RecoveryResponseSchema } from '../../shared/contract/enrollment-api';
import { parseWith } from '../../shared/contract/parse';
import { fail, ok } from '../../shared/contract/result';
import type { Result } from '../../shared/contract/result';
import { identitySchemaFor } from '../../shared/policies/identity-rules';
import { maskEmail } from '../../shared/policies/secret-codes';
import type { Profile } from '../../shared/schemas/profile-schema';
import { hashPassword } from '../crypto/password-hash';
import { decryptRecordValue, encryptRecordValue, recordBinding } from '../crypto/record-cipher';
import { emailHash } from '../crypto/record-hash';
import { newEmailCode } from '../mail/email-proof-secrets';
import { deliverMail } from '../mail/mailer';
import { identifierReminderEmail, passwordResetEmail } from '../mail/recovery-email';
import type { EnrollmentRow } from '../store/ports/enrollment-store';
import { loginFor } from './account-naming';
import { prefixProblems, terminalThrottleKey } from './eligibility-check-service';
import { answerOnce, fingerprintOf, replayOrConflict } from './idempotency-service';
import type { Answer, IdempotentCall, IdempotentRequest } from './idempotency-service';
import { hashIdentity, identityMatches } from './identity-hashing';
import { decoyMask, hashOfUnsentCode } from './recovery-decoy';
import { openSecret } from './sealed-secret';
import type { ServiceContext } from './service-context';
import { passwordRecoveryThrottleKey, recordFailure, throttleGate } from './throttle-service';

export type RecoveryResponse = z.infer<typeof RecoveryResponseSchema>;
type RecoverySecret = z.infer<typeof RecoverySecretSchema>;
type RecoveryAnswer = Result<Answer<RecoveryResponse>>;

/** The request's status, replayed with its body. */
const ACCEPTED = 202;

/** How long an emailed reset code lives: no seed gives one, so the 24 h of the activation email. */
export const RECOVERY_TTL_HOURS = 24;

/** AES-GCM associated data of a recovery's context: it opens only on its own row. */
export function recoveryBinding(recoveryId: string): string {
  return `recoveries\u0000${recoveryId}\u0000context`;
}

/** The profile reduced to the fields a recovery asks for, so the identity helpers check only those. */
function withFields(profile: Profile, keys: readonly string[]): Profile {
  return { ...profile, identity: { ...profile.identity, fields: profile.identity.fields.filter((field) => keys.includes(field.key)) } };
}

function parseFields(profile: Profile, fields: RecoverySecret['fields']): Result<Record<string, string>> {
  const parsed = parseWith(identitySchemaFor(profile), fields);
  return parsed.ok ? ok(parsed.data) : fail('INVALID_INPUT', { fields: prefixProblems('sealed.fields', parsed.problems) });
}

/** Every request counts against the identity and the terminal, found or not: the cost must not tell. */
async function gate(ctx: ServiceContext, terminalId: string, identityKey: string): Promise<Result<never> | null> {
  const keys = { identity: identityKey, terminal: terminalThrottleKey(terminalId) };
  const throttled = await throttleGate(ctx.store, keys, ctx.now());
  if (throttled) return fail('THROTTLED', { retryAfterS: throttled.retryAfterS });
  await recordFailure(ctx.store, keys, ctx.now());
  return null;
}

function openValue(ctx: ServiceContext, record: EnrollmentRow, column: string, sealed: string | null | undefined): string | null {
  return sealed ? decryptRecordValue(ctx.keys.recordKey, recordBinding(record.profileId, record.lookupKey, column), sealed) : null;
}

/** The address given at activation, else the one on file (idf seed, Cas 2: "l'adresse … renseignée pour cet autre établissement"). */
export async function resetDestination(ctx: ServiceContext, record: EnrollmentRow): Promise<string | null> {
  const contact = await ctx.store.enrollments.findEnrollmentContact(record.profileId, record.lookupKey);
  return openValue(ctx, record, 'contact_email', contact?.contactEmailEnc) ?? openValue(ctx, record, 'email_on_file', record.emailOnFileEnc);
}

/** An account whose password can be reset: activated (there is a password), not deactivated, every typed field matching. */
function openAccount(profile: Profile, hashed: ReturnType<typeof hashIdentity>, record: EnrollmentRow | undefined): EnrollmentRow | undefined {
  return identityMatches(profile, hashed, record) && record?.activatedAt && !record.deactivatedAt ? record : undefined;
}

/**
 * "Mot de passe oublié": a short code to the address on record. Nobody matching gets the same
 * 202 and body shape after the same work: a decoy row (its id then behaves like a real one), a
 * scrypt of a code never sent, and a stable plausible mask; a decoy's answer is stored and
 * replayed under its key like a real one. The mail goes out after answering, so its round trip
 * does not tell either, and only from the request that committed (a racing retry sends none).
 */
async function requestPasswordReset(ctx: ServiceContext, request: IdempotentRequest, profile: Profile, secret: RecoverySecret, keys: string[]): Promise<RecoveryAnswer> {
  const asked = withFields(profile, keys);
  const identity = parseFields(asked, secret.fields);
  if (!identity.ok) return identity;
  const hashed = hashIdentity(asked, identity.value, ctx.keys.recordKey);
  const throttleKey = passwordRecoveryThrottleKey(ctx.keys.recordKey, profile.id, hashed);
  const refused = await gate(ctx, request.terminalId, throttleKey);
  if (refused) return refused;
  const account = openAccount(asked, hashed, hashed.lookupKey ? await ctx.store.enrollments.findEnrollment(profile.id, hashed.lookupKey) : undefined);
  const destination = account ? await resetDestination(ctx, account) : null;
  const login = account ? (openValue(ctx, account, 'login', account.loginEnc) ?? loginFor(profile, identity.value)) : '';
  const code = newEmailCode();
  const codeHash = account && destination ? await hashPassword(code) : await hashOfUnsentCode();
  const id = randomBytes(16).toString('base64url');
  const now = ctx.now();
  const real = account && destination ? { account, destination } : null;
  const context = JSON.stringify({ login, fields: identity.value });
  const answer: RecoveryResponse = { recoveryId: id, sentTo: real ? maskEmail(real.destination) : decoyMask(ctx.keys.recordKey, `${profile.id}\u0000${throttleKey}`) };
  const committed = await answerOnce<RecoveryResponse>(ctx.store, request, now, async (tx) => {
    await tx.recoveries.insertRecovery({
      id,
      profileId: profile.id,
      lookupKey: real ? real.account.lookupKey : null,
      throttleKey,
      codeHash,
      contextEnc: real ? encryptRecordValue(ctx.keys.recordKey, recoveryBinding(id), context) : null,
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + RECOVERY_TTL_HOURS * 3_600_000).toISOString(),
    });
    return ok({ status: ACCEPTED, body: answer });
  });
  if (real && committed.fresh) {
    const message = passwordResetEmail({ profile, to: real.destination, login, code, validHours: RECOVERY_TTL_HOURS, locale: secret.locale });
    void deliverMail(ctx.mailer, message, ctx.log, { profileId: profile.id, recoveryId: id }, 'password reset email');
  }
  return committed.result;
}

/**
 * "Identifiant oublié" (parents seed): the identifiers of the accounts of the typed address whose
 * other fields match (parents: the child's birth date), mailed to that address. The answer is
 * the typed address masked, mail or not; the mail only from the request that stored the answer.
 */
async function requestIdentifier(ctx: ServiceContext, request: IdempotentRequest, profile: Profile, secret: RecoverySecret, keys: string[]): Promise<RecoveryAnswer> {
  if (!secret.email) return fail('INVALID_INPUT', { fields: [{ key: 'sealed.email', reason: 'required' }] });
  const asked = withFields(profile, keys);
  const identity = parseFields(asked, secret.fields);
  if (!identity.ok) return identity;
  const hashed = hashIdentity(asked, identity.value, ctx.keys.recordKey);
  const addressHash = emailHash(ctx.keys.recordKey, profile.id, secret.email);
  const refused = await gate(ctx, request.terminalId, addressHash);
  if (refused) return refused;
  const records: (EnrollmentRow | undefined)[] = [];
  for (const lookupKey of await ctx.store.enrollments.lookupKeysByEmailHash(profile.id, addressHash)) {
    records.push(await ctx.store.enrollments.findEnrollment(profile.id, lookupKey));
  }
  const logins = records
    .filter((record): record is EnrollmentRow => record !== undefined && !record.deactivatedAt && identityMatches(asked, hashed, record))
    .map((record) => openValue(ctx, record, 'login', record.loginEnc))
    .filter((login): login is string => login !== null);
  const answer: RecoveryResponse = { recoveryId: randomBytes(16).toString('base64url'), sentTo: maskEmail(secret.email) };
  const committed = await answerOnce<RecoveryResponse>(ctx.store, request, ctx.now(), async () => ok({ status: ACCEPTED, body: answer }));
  if (logins.length > 0 && committed.fresh) {
    const message = identifierReminderEmail({ profile, to: secret.email, logins, locale: secret.locale });
    void deliverMail(ctx.mailer, message, ctx.log, { profileId: profile.id }, 'identifier email');
  }
  return committed.result;
}

/**
 * POST /v1/recoveries: always 202 `{ recoveryId, sentTo }` once the request is well formed, at
 * most once per Idempotency-Key. A retry is recognised by the opened secret, not its sealed box
 * (the kiosk may seal again), and gets the first answer back before any throttle or lookup, for
 * a known person and a decoy alike.
 */
export async function requestRecovery(
  ctx: ServiceContext,
  call: IdempotentCall,
  body: z.infer<typeof RecoveryRequestSchema>,
): Promise<RecoveryAnswer> {
  const profile = ctx.profiles.get(body.profileId);
  if (!profile) return fail('NOT_FOUND');
  const secret = openSecret(ctx, body.sealed, RecoverySecretSchema);
  if (!secret.ok) return secret;
  const request = { ...call, fingerprint: fingerprintOf(ctx.keys.recordKey, ['recovery-request', body.profileId, secret.value]) };
  const earlier = await replayOrConflict<RecoveryResponse>(ctx.store, request);
  if (earlier) return earlier;
  const config = profile.recovery?.[secret.value.kind];
  if (!config) return fail('NOT_FOUND');
  return secret.value.kind === 'password'
    ? requestPasswordReset(ctx, request, profile, secret.value, config.fields)
    : await requestIdentifier(ctx, request, profile, secret.value, config.fields);
}
