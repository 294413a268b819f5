import type { z } from 'zod';
import {
  AnyActivationResponseSchema,
  ConfirmationResponseSchema,
  EmailConfirmationResponseSchema,
  EmailResendResponseSchema,
  enrollmentRoutes,
  HelpRequestResponseSchema,
  LookupResponseSchema,
  RecoveryResetResponseSchema,
  RecoveryResponseSchema,
  TerminalConfigResponseSchema,
  type ActivationRequestSchema,
  type ConfirmationRequestSchema,
  type EmailConfirmationRequestSchema,
  type HelpRequestSchema,
  type LookupRequestSchema,
  type RecoveryRequestSchema,
  type RecoveryResetRequestSchema,
} from '../../../shared/contract/enrollment-api';
import { createJsonRequester, type ClientResult, type JsonRequesterOptions } from './json-request';

/**
 * The kiosk's client of the central enrollment API. Every response is parsed with the shared
 * schemas (see json-request.ts): a 2xx of the wrong shape is treated like a network failure
 * (OFFLINE, retryable) and logged by route and status only, never by content.
 */
export type { ClientResult } from './json-request';

export type EnrollmentClientOptions = JsonRequesterOptions;

interface Call {
  route: keyof typeof enrollmentRoutes;
  path: string;
  body?: unknown;
  idempotencyKey?: string;
  timeoutMs?: number;
  budgetMs?: number;
}

export function createEnrollmentClient(options: EnrollmentClientOptions) {
  const requester = createJsonRequester(options, 'enrollment');

  function send<S extends z.ZodType>(call: Call, schema: S): Promise<ClientResult<z.infer<S>>> {
    return requester.send({ ...call, method: enrollmentRoutes[call.route].method }, schema);
  }

  return {
    terminalConfig(timeoutMs?: number) {
      return send({ route: 'terminalConfig', path: enrollmentRoutes.terminalConfig.path, timeoutMs }, TerminalConfigResponseSchema);
    },
    lookup(body: z.input<typeof LookupRequestSchema>) {
      return send({ route: 'lookups', path: enrollmentRoutes.lookups.path, body }, LookupResponseSchema);
    },
    /** A generated password (cergy) or a chosen one's outcome, by the profile's password mode. */
    createActivation(idempotencyKey: string, body: z.input<typeof ActivationRequestSchema>, budgetMs?: number) {
      return send({ route: 'activations', path: enrollmentRoutes.activations.path, body, idempotencyKey, budgetMs }, AnyActivationResponseSchema);
    },
    confirmActivation(activationId: string, idempotencyKey: string, body: z.input<typeof ConfirmationRequestSchema>, budgetMs?: number) {
      return send({ route: 'confirmation', path: activationPath('confirmation', activationId), body, idempotencyKey, budgetMs }, ConfirmationResponseSchema);
    },
    /** The short code from the activation email, sealed (Montpellier, Scolarité Services). */
    confirmEmail(activationId: string, idempotencyKey: string, body: z.input<typeof EmailConfirmationRequestSchema>) {
      return send({ route: 'emailConfirmation', path: activationPath('emailConfirmation', activationId), body, idempotencyKey }, EmailConfirmationResponseSchema);
    },
    /** The resend carries nothing but the key; `{}` because a JSON POST without a body is refused. */
    resendEmail(activationId: string, idempotencyKey: string) {
      return send({ route: 'emailResend', path: activationPath('emailResend', activationId), body: {}, idempotencyKey }, EmailResendResponseSchema);
    },
    /** "Mot de passe oublié" / "Identifiant oublié": the same answer whether or not anyone matched. */
    requestRecovery(idempotencyKey: string, body: z.input<typeof RecoveryRequestSchema>) {
      return send({ route: 'recoveries', path: enrollmentRoutes.recoveries.path, body, idempotencyKey }, RecoveryResponseSchema);
    },
    /** The code from the reset email and the new password, sealed. */
    resetRecovery(recoveryId: string, idempotencyKey: string, body: z.input<typeof RecoveryResetRequestSchema>) {
      const path = enrollmentRoutes.recoveryReset.path.replace(':recoveryId', encodeURIComponent(recoveryId));
      return send({ route: 'recoveryReset', path, body, idempotencyKey }, RecoveryResetResponseSchema);
    },
    /** The ENT 77 parents' help form, sealed: the server sends it on to the school. */
    submitHelpRequest(idempotencyKey: string, body: z.input<typeof HelpRequestSchema>, budgetMs?: number) {
      return send({ route: 'helpRequests', path: enrollmentRoutes.helpRequests.path, body, idempotencyKey, budgetMs }, HelpRequestResponseSchema);
    },
  };
}

export type EnrollmentClient = ReturnType<typeof createEnrollmentClient>;

function activationPath(route: 'confirmation' | 'emailConfirmation' | 'emailResend', activationId: string): string {
  return enrollmentRoutes[route].path.replace(':activationId', encodeURIComponent(activationId));
}
