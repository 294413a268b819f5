import type { z } from 'zod';
import type { EmailConfirmationResponseSchema, EmailResendResponseSchema } from '../../../shared/contract/enrollment-api';
import type { SealingKey } from '../../../shared/crypto/sealed-box-schema';
import { normalizeCode } from '../../../shared/policies/secret-codes';
import { sealToRecipient } from '../crypto/sealed-box';
import type { ClientResult, EnrollmentClient } from './enrollment-client';
import { createInteractiveRetry, type InteractiveRetryOptions } from './interactive-retry';
import { newIdempotencyKey } from './submission-identifiers';

export type EmailConfirmation = z.infer<typeof EmailConfirmationResponseSchema>;
export type EmailResend = z.infer<typeof EmailResendResponseSchema>;

export interface EmailProofCallsOptions extends InteractiveRetryOptions {
  client: EnrollmentClient;
}

/**
 * The emailed code typed at the kiosk, and "renvoyer le message" (Montpellier, Scolarité
 * Services). Not queued, unlike a chosen password: a code is only worth something while the
 * person stands there, so an unreachable server is OFFLINE. While the budget lasts, a call is
 * retried with the same idempotency key and the same sealed body, so a dropped answer does not
 * spend the code or a resend twice.
 */
export function createEmailProofCalls(options: EmailProofCallsOptions) {
  const withRetries = createInteractiveRetry(options);

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

