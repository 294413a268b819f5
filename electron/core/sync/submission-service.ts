import type { z } from 'zod';
import { ErrorCodeSchema, fail, ok, type AppError, type Result } from '../../../shared/contract/result';
import type { SealingKey } from '../../../shared/crypto/sealed-box-schema';
import type { ActivationChoice, ChosenActivationResponse, HelpRequestSecretSchema } from '../../../shared/contract/enrollment-api';
import type { IdentityInput } from '../../../shared/policies/identity-rules';
import type { Clock } from '../clock';
import { sealToRecipient } from '../crypto/sealed-box';
import type { OutboxKind, OutboxRepository } from '../store/outbox-repository';
import { transaction, type KioskDatabase } from '../store/sqlite-connection';
import type { OutboxDelivery } from './outbox-delivery';
import { activationSender, confirmationSender, helpRequestSender, isChosenResponse, type ActivationResponse } from './outbox-senders';
import type { OutboxWorker } from './outbox-worker';
import { newIdempotencyKey, newReceiptReference } from './submission-identifiers';
import type { EnrollmentClient } from './enrollment-client';

export interface SubmissionServiceOptions {
  db: KioskDatabase;
  outbox: OutboxRepository;
  delivery: OutboxDelivery;
  worker: OutboxWorker;
  client: EnrollmentClient;
  clock: Clock;
  submitBudgetMs: number;
  confirmBudgetMs: number;
  /** After the queue changed (the `sync.state` event). */
  onQueueChange: () => void;
}

export type ConfirmationState = { state: 'active' | 'pending'; reference: string; outboxId: number };

/** A chosen password's submission: the server's answer, or queued (`pending`) while offline. */
export type ChoiceOutcome =
  | { state: 'delivered'; activation: ChosenActivationResponse; reference: string }
  | { state: 'pending'; reference: string; outboxId: number };

/** A pending confirmation is trusted for as long as the server keeps the activation open. */
const FALLBACK_CONFIRMATION_LIFETIME_MS = 7 * 24 * 3_600_000;

/**
 * A chosen password queued while offline is applied when the link is back, within a week: the
 * letter's code or password outlives that (ENT 77, IDF), and past it the person has surely come
 * back to a terminal or gone to the school.
 */
export const CHOSEN_ACTIVATION_LIFETIME_MS = 7 * 24 * 3_600_000;

/** A parent's help request waits for the link as long: past it the school has surely been called. */
export const HELP_REQUEST_LIFETIME_MS = 7 * 24 * 3_600_000;

export type HelpRequestSecret = z.infer<typeof HelpRequestSecretSchema>;

function refusal<T>(error: AppError): Result<T> {
  const { code, ...details } = error;
  return fail(code, details);
}

/**
 * The two submissions of an activation, both through the outbox: sealed to the server's key,
 * written in one transaction with a fresh idempotency key and receipt reference, then
 * delivered at once with same-key retries.
 */
export function createSubmissionService(options: SubmissionServiceOptions) {
  const { outbox, clock } = options;
  const sendActivation = activationSender(options.client);
  const sendConfirmation = confirmationSender(options.client);
  const sendHelpRequest = helpRequestSender(options.client);

  function enqueue(kind: OutboxKind, secret: unknown, key: SealingKey, targetId: string, reference: string, lifetimeMs: number, deferred = false) {
    const sealed = sealToRecipient(JSON.stringify(secret), key);
    const now = clock.now();
    return transaction(options.db, () =>
      outbox.add({ kind, idempotencyKey: newIdempotencyKey(), reference, sealed, targetId, now, expiresAt: now + lifetimeMs, deferred,
        // Due once the interactive attempts are over: the background loop must not race them.
        nextAttemptAt: now + (kind === 'confirmation' ? options.confirmBudgetMs : options.submitBudgetMs) }),
    );
  }

  return {
    /**
     * An unconfirmed generated password never activates anything (the server keeps it
     * `pending`), so an activation that could not be delivered now simply expires: the person
     * asks again when the link is back.
     */
    async submitActivation(profileId: string, identity: IdentityInput, key: SealingKey): Promise<Result<{ activation: ActivationResponse; reference: string }>> {
      const entry = enqueue('activation', { identity }, key, profileId, newReceiptReference(), options.submitBudgetMs * 4);
      const outcome = await options.delivery.deliverWithin(entry, sendActivation, options.submitBudgetMs);
      if (outcome.kind === 'delivered') {
        // A chosen-password answer to a generated-password profile: the server and kiosk disagree.
        if (isChosenResponse(outcome.value)) return fail('INTERNAL');
        return ok({ activation: outcome.value, reference: entry.reference });
      }
      if (outcome.kind === 'retry') outbox.settle(entry.id, 'expired', outcome.error.code, clock.now());
      return refusal(outcome.error);
    },

    /**
     * A chosen password, unlike a generated one, can be applied later (issue 3): undelivered
     * now, it stays queued (sealed) for the background loop and the person leaves with the
     * receipt reference. Refused, it is final.
     */
    async submitChoice(profileId: string, identity: IdentityInput, choice: ActivationChoice, key: SealingKey): Promise<Result<ChoiceOutcome>> {
      const entry = enqueue('activation', { identity, choice }, key, profileId, newReceiptReference(), CHOSEN_ACTIVATION_LIFETIME_MS, true);
      options.onQueueChange();
      const outcome = await options.delivery.deliverWithin(entry, sendActivation, options.submitBudgetMs);
      options.onQueueChange();
      if (outcome.kind === 'refused') return refusal(outcome.error);
      if (outcome.kind === 'retry') {
        options.worker.poke();
        return ok({ state: 'pending', reference: entry.reference, outboxId: entry.id });
      }
      if (!isChosenResponse(outcome.value)) return fail('INTERNAL');
      return ok({ state: 'delivered', activation: outcome.value, reference: entry.reference });
    },

    /**
     * The ENT 77 parents' form can wait, unlike a recovery (issue 3): delivered now or queued
     * (sealed) for the background loop; only a refusal is final. Delivered now, the person keeps
     * the server's reference (`AIDE-…`), the one the school's email quotes; queued, they keep
     * the kiosk's receipt reference (`SES-…`), which stands for it: the school's email, sent
     * once the loop delivers it, quotes a server reference nobody at the kiosk will see.
     */
    async submitHelpRequest(profileId: string, secret: HelpRequestSecret, key: SealingKey): Promise<Result<{ reference: string; state: 'delivered' | 'pending' }>> {
      const entry = enqueue('helpRequest', secret, key, profileId, newReceiptReference(), HELP_REQUEST_LIFETIME_MS);
      options.onQueueChange();
      const outcome = await options.delivery.deliverWithin(entry, sendHelpRequest, options.submitBudgetMs);
      options.onQueueChange();
      if (outcome.kind === 'refused') return refusal(outcome.error);
      if (outcome.kind === 'delivered') return ok({ reference: outcome.value.reference, state: 'delivered' });
      options.worker.poke();
      return ok({ reference: entry.reference, state: 'pending' });
    },

    /** This one must survive a lost connection: undelivered, it stays queued for the loop. */
    async confirmPassword(activation: { activationId: string; expiresAt: string; reference: string }, typed: string, key: SealingKey): Promise<Result<ConfirmationState>> {
      const until = Date.parse(activation.expiresAt);
      const lifetime = Number.isFinite(until) && until > clock.now() ? until - clock.now() : FALLBACK_CONFIRMATION_LIFETIME_MS;
      const entry = enqueue('confirmation', { password: typed }, key, activation.activationId, activation.reference, lifetime);
      options.onQueueChange();
      const outcome = await options.delivery.deliverWithin(entry, sendConfirmation, options.confirmBudgetMs);
      options.onQueueChange();
      if (outcome.kind === 'refused') return refusal({ ...outcome.error, reference: entry.reference });
      if (outcome.kind === 'retry') options.worker.poke();
      return ok({ state: outcome.kind === 'delivered' ? 'active' : 'pending', reference: entry.reference, outboxId: entry.id });
    },

    /** What became of a confirmation queued earlier in this session. */
    confirmationState(outboxId: number, reference: string): Result<ConfirmationState> {
      const entry = outbox.find(outboxId);
      if (!entry || entry.state === 'expired') return fail('CODE_EXPIRED', { reference });
      if (entry.state === 'refused') return refusal({ code: asCode(entry.lastErrorCode), reference });
      return ok({ state: entry.state === 'delivered' ? 'active' : 'pending', reference, outboxId });
    },
  };
}

export type SubmissionService = ReturnType<typeof createSubmissionService>;

function asCode(value: string | null): AppError['code'] {
  const parsed = ErrorCodeSchema.safeParse(value);
  return parsed.success ? parsed.data : 'INTERNAL';
}
