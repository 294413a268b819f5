import type { z } from 'zod';
import type {
  ActivationResponseSchema,
  AnyActivationResponseSchema,
  ChosenActivationResponse,
  ConfirmationResponseSchema,
  HelpRequestResponseSchema,
} from '../../../shared/contract/enrollment-api';
import type { OutboxEntry, OutboxKind } from '../store/outbox-repository';
import type { ClientResult, EnrollmentClient } from './enrollment-client';
import type { Sender } from './outbox-delivery';

export type ActivationResponse = z.infer<typeof ActivationResponseSchema>;
export type AnyActivationResponse = z.infer<typeof AnyActivationResponseSchema>;
export type ConfirmationResponse = z.infer<typeof ConfirmationResponseSchema>;
export type HelpRequestResponse = z.infer<typeof HelpRequestResponseSchema>;

/** A pending row always has its sealed body (a CHECK guarantees the converse); refuse if not. */
function withSealed<T>(entry: OutboxEntry, send: (sealed: NonNullable<OutboxEntry['sealed']>) => Promise<ClientResult<T>>) {
  if (entry.sealed === null) return Promise.resolve<ClientResult<T>>({ ok: false, error: { code: 'INTERNAL' }, retryable: false });
  return send(entry.sealed);
}

/** A chosen password's answer carries its `state`; a generated one's carries the password. */
export function isChosenResponse(response: AnyActivationResponse): response is ChosenActivationResponse {
  return 'state' in response;
}

export function activationSender(client: EnrollmentClient): Sender<AnyActivationResponse> {
  return (entry, budgetMs) => withSealed(entry, (sealed) =>
    client.createActivation(entry.idempotencyKey, { profileId: entry.targetId, sealed }, budgetMs));
}

export function confirmationSender(client: EnrollmentClient): Sender<ConfirmationResponse> {
  return (entry, budgetMs) => withSealed(entry, (sealed) =>
    client.confirmActivation(entry.targetId, entry.idempotencyKey, { sealed }, budgetMs));
}

export function helpRequestSender(client: EnrollmentClient): Sender<HelpRequestResponse> {
  return (entry, budgetMs) => withSealed(entry, (sealed) =>
    client.submitHelpRequest(entry.idempotencyKey, { profileId: entry.targetId, sealed }, budgetMs));
}

/** The background loop's sender for each kind of row. */
export function outboxSenders(client: EnrollmentClient): Record<OutboxKind, Sender<unknown>> {
  return { activation: activationSender(client), confirmation: confirmationSender(client), helpRequest: helpRequestSender(client) };
}
