import type { z } from 'zod';
import { HelpRequestSecretSchema } from '../../shared/contract/enrollment-api';
import type { HelpRequestResponseSchema, HelpRequestSchema } from '../../shared/contract/enrollment-api';
import { fail, ok } from '../../shared/contract/result';
import type { Result } from '../../shared/contract/result';
import { encryptRecordValue } from '../crypto/record-cipher';
import { helpRequestEmail } from '../mail/help-request-email';
import { deliverMail } from '../mail/mailer';
import { generateCode } from './credential-service';
import { answerOnce, fingerprintOf, replayOrConflict } from './idempotency-service';
import type { Answer, IdempotentCall } from './idempotency-service';
import { openSecret } from './sealed-secret';
import type { ServiceContext } from './service-context';

export type HelpRequestResponse = z.infer<typeof HelpRequestResponseSchema>;

/** Requests one terminal may send per hour: a parent or two at a time, never a flood to a school's mailbox. */
export const HELP_REQUEST_LIMIT = { requests: 10, windowMs: 3_600_000 } as const;

/** `AIDE-7K3Q9P`: read over the phone to the school, so the look-alike-free alphabet. */
export function newHelpReference(): string {
  return `AIDE-${generateCode(6)}`;
}

/** AES-GCM associated data: a request's ciphertext opens only under its own reference. */
export function helpRequestBinding(reference: string): string {
  return `help_requests\u0000${reference}`;
}

/**
 * POST /v1/help-requests: the ENT 77 parents' form ("remplir le formulaire … afin d'obtenir de
 * l'aide (soit pour activer leur compte soit en cas de perte de leur mot de passe)"). Stored
 * first (encrypted), then mailed to the school with Reply-To the parent. A mail that fails is
 * logged as MAIL_SEND_FAILED (by code only) and the request kept with no `mailed_at`: the
 * parent still gets the reference, since what they wrote is safe with the server.
 * At most once per Idempotency-Key: the kiosk's outbox re-delivers a request whose answer was
 * lost, and the school must get one email and the parent the reference they were first given.
 */
export async function submitHelpRequest(
  ctx: ServiceContext,
  call: IdempotentCall,
  body: z.infer<typeof HelpRequestSchema>,
): Promise<Result<Answer<HelpRequestResponse>>> {
  const profile = ctx.profiles.get(body.profileId);
  const form = profile?.helpForm;
  if (!profile || !form) return fail('NOT_FOUND');
  const secret = openSecret(ctx, body.sealed, HelpRequestSecretSchema);
  if (!secret.ok) return secret;
  const idempotent = { ...call, fingerprint: fingerprintOf(ctx.keys.recordKey, ['help-request', body.profileId, secret.value]) };
  const earlier = await replayOrConflict<HelpRequestResponse>(ctx.store, idempotent);
  if (earlier) return earlier;
  const { terminalId } = call;
  const { topic: topicId, locale, ...request } = secret.value;
  const topic = form.topics.find((candidate) => candidate.id === topicId);
  if (!topic) return fail('INVALID_INPUT', { fields: [{ key: 'sealed.topic', reason: 'unknown' }] });
  const to = profile.contacts[form.recipient]?.email;
  if (!to) return fail('INTERNAL');
  const now = ctx.now();
  const committed = await answerOnce<HelpRequestResponse>(ctx.store, idempotent, now, async (tx) => {
    const recent = await tx.helpRequests.helpRequestTimesSince(terminalId, new Date(now.getTime() - HELP_REQUEST_LIMIT.windowMs).toISOString());
    const oldest = recent[0];
    if (oldest && recent.length >= HELP_REQUEST_LIMIT.requests) {
      return fail('THROTTLED', { retryAfterS: Math.max(1, Math.ceil((Date.parse(oldest) + HELP_REQUEST_LIMIT.windowMs - now.getTime()) / 1000)) });
    }
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const reference = newHelpReference();
      const requestEnc = encryptRecordValue(ctx.keys.recordKey, helpRequestBinding(reference), JSON.stringify({ ...request, locale }));
      if (await tx.helpRequests.insertHelpRequest({ reference, profileId: profile.id, terminalId, topic: topic.id, requestEnc, createdAt: now.toISOString() })) {
        return ok({ status: 201, body: { reference } });
      }
    }
    return fail('INTERNAL');
  });
  // A replay (a retry that raced this one) sends nothing: the school gets one email per request.
  if (!committed.fresh || !committed.result.ok) return committed.result;
  const { reference } = committed.result.value.body;
  const message = helpRequestEmail({ profile, to, reference, topicLabel: topic.label.fr, request });
  const sent = await deliverMail(ctx.mailer, message, ctx.log, { profileId: profile.id, reference }, 'help request email');
  if (sent.ok) await ctx.store.helpRequests.markHelpRequestMailed(reference, ctx.now().toISOString());
  return committed.result;
}
