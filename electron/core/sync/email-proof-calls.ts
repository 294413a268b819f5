import type { z } from 'zod';
import type { EmailConfirmationResponseSchema, EmailResendResponseSchema } from '../../../shared/contract/enrollment-api';
import type { SealingKey } from '../../../shared/crypto/sealed-box-schema';
import { normalizeCode } from '../../../shared/policies/secret-codes';
import { sleep, type Clock } from '../clock';
import { sealToRecipient } from '../crypto/sealed-box';
import { backoffDelayMs, type BackoffPolicy } from './backoff';
import type { ClientResult, EnrollmentClient } from './enrollment-client';
import { newIdempotencyKey } from './submission-identifiers';

export type EmailConfirmation = z.infer<typeof EmailConfirmationResponseSchema>;
export type EmailResend = z.infer<typeof EmailResendResponseSchema>;

export interface EmailProofCallsOptions {
  client: EnrollmentClient;
  clock: Clock;
  /** How long the person waits at the screen for one call, retries included. */
  budgetMs: number;
  backoff: BackoffPolicy;
  /** Aborted when the core closes. */
  signal: AbortSignal;
  random?: () => number;
}

/**
 * The emailed code typed at the kiosk, and "renvoyer le message" (Montpellier, Scolarité
 * Services). Not queued, unlike a chosen password: a code is only worth something while the
 * person stands there, so an unreachable server is OFFLINE. While the budget lasts, a call is
 * retried with the same idempotency key and the same sealed body, so a dropped answer does not
 * spend the code or a resend twice.
 */
export function createEmailProofCalls(options: EmailProofCallsOptions) {
  const random = options.random ?? Math.random;

  async function withRetries<T>(call: () => Promise<ClientResult<T>>): Promise<ClientResult<T>> {
    const deadline = options.clock.now() + options.budgetMs;
    for (let round = 0; ; round += 1) {
      const result = await call();
      if (result.ok || !result.retryable) return result;
      const wait = backoffDelayMs(round, options.backoff, random);
      if (options.signal.aborted || options.clock.now() + wait >= deadline) return result;
      await sleep(options.clock, wait, options.signal);
    }
  }

  return {
    /** `code` as typed: spaces, hyphens and case do not matter (it is printed in groups). */
    confirm(activationId: string, code: string, key: SealingKey): Promise<ClientResult<EmailConfirmation>> {
      const sealed = sealToRecipient(JSON.stringify({ code: normalizeCode(code) }), key);
      const idempotencyKey = newIdempotencyKey();
      return withRetries(() => options.client.confirmEmail(activationId, idempotencyKey, { sealed }));
    },

    resend(activationId: string): Promise<ClientResult<EmailResend>> {
      const idempotencyKey = newIdempotencyKey();
      return withRetries(() => options.client.resendEmail(activationId, idempotencyKey));
    },
  };
}

export type EmailProofCalls = ReturnType<typeof createEmailProofCalls>;

