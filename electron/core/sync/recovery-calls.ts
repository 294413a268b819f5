import type { z } from 'zod';
import type {
  RecoveryResetResponseSchema,
  RecoveryResetSecretSchema,
  RecoveryResponseSchema,
  RecoverySecretSchema,
} from '../../../shared/contract/enrollment-api';
import type { SealingKey } from '../../../shared/crypto/sealed-box-schema';
import { sealToRecipient } from '../crypto/sealed-box';
import type { ClientResult, EnrollmentClient } from './enrollment-client';
import { createInteractiveRetry, type InteractiveRetryOptions } from './interactive-retry';
import { newIdempotencyKey } from './submission-identifiers';

export type RecoverySecret = z.infer<typeof RecoverySecretSchema>;
export type RecoveryResetSecret = z.infer<typeof RecoveryResetSecretSchema>;
export type RecoveryAnswer = z.infer<typeof RecoveryResponseSchema>;
export type RecoveryResetAnswer = z.infer<typeof RecoveryResetResponseSchema>;

export interface RecoveryCallsOptions extends InteractiveRetryOptions {
  client: EnrollmentClient;
}

/**
 * "Mot de passe oublié" / "Identifiant oublié" (parents-scolarite seed) and the reset that
 * follows. Never queued: an email that arrives after the person left helps nobody at the kiosk,
 * and the reset code is typed while they stand there, so an unreachable server is OFFLINE.
 * Each call seals its secret once and retries with the same key and body within the budget.
 */
export function createRecoveryCalls(options: RecoveryCallsOptions) {
  const withRetries = createInteractiveRetry(options);

  return {
    request(profileId: string, secret: RecoverySecret, key: SealingKey): Promise<ClientResult<RecoveryAnswer>> {
      const sealed = sealToRecipient(JSON.stringify(secret), key);
      const idempotencyKey = newIdempotencyKey();
      return withRetries(() => options.client.requestRecovery(idempotencyKey, { profileId, sealed }));
    },

    reset(recoveryId: string, secret: RecoveryResetSecret, key: SealingKey): Promise<ClientResult<RecoveryResetAnswer>> {
      const sealed = sealToRecipient(JSON.stringify(secret), key);
      const idempotencyKey = newIdempotencyKey();
      return withRetries(() => options.client.resetRecovery(recoveryId, idempotencyKey, { sealed }));
    },
  };
}

export type RecoveryCalls = ReturnType<typeof createRecoveryCalls>;
