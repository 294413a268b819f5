import type { z } from 'zod';
import {
  AnyActivationResponseSchema,
  ConfirmationResponseSchema,
  EmailConfirmationResponseSchema,
  EmailResendResponseSchema,
  enrollmentRoutes,
  ErrorResponseSchema,
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
import { parseWith } from '../../../shared/contract/parse';
import type { AppError } from '../../../shared/contract/result';
import { errorKind, logCoreEvent } from '../core-log';

/**
 * The kiosk's client of the central enrollment API. Every response is parsed with the shared
 * schemas: a 2xx of the wrong shape is treated like a network failure (OFFLINE, retryable)
 * and logged by route and status only, never by content.
 */
export type ClientResult<T> = { ok: true; value: T } | { ok: false; error: AppError; retryable: boolean };

export interface EnrollmentClientOptions {
  baseUrl: string;
  token: string;
  fetch: typeof fetch;
  /** Per-request budget, enforced with `AbortSignal.timeout`. */
  timeoutMs: number;
  /** Aborts every request in flight (the core closing). */
  signal?: AbortSignal;
  /** Told after each exchange whether the server answered sensibly (the `online` flag). */
  onContact?: (reachable: boolean) => void;
}

interface Call {
  route: keyof typeof enrollmentRoutes;
  path: string;
  body?: unknown;
  idempotencyKey?: string;
  timeoutMs?: number;
}

const OFFLINE: AppError = { code: 'OFFLINE' };

export function createEnrollmentClient(options: EnrollmentClientOptions) {
  const base = options.baseUrl.endsWith('/') ? options.baseUrl : `${options.baseUrl}/`;

  async function send<S extends z.ZodType>(call: Call, schema: S): Promise<ClientResult<z.infer<S>>> {
    const { method } = enrollmentRoutes[call.route];
    const headers: Record<string, string> = { authorization: `Bearer ${options.token}`, accept: 'application/json' };
    if (call.body !== undefined) headers['content-type'] = 'application/json';
    if (call.idempotencyKey !== undefined) headers['idempotency-key'] = call.idempotencyKey;
    const timeout = AbortSignal.timeout(call.timeoutMs ?? options.timeoutMs);
    let status: number;
    let text: string;
    try {
      const response = await options.fetch(new URL(call.path.replace(/^\//, ''), base), {
        method,
        headers,
        body: call.body === undefined ? undefined : JSON.stringify(call.body),
        signal: options.signal ? AbortSignal.any([timeout, options.signal]) : timeout,
      });
      status = response.status;
      text = await response.text();
    } catch (error) {
      return unreachable(call.route, 'unreachable', { cause: errorKind(error) });
    }
    const json = parseJson(text);
    if (status >= 200 && status < 300) {
      const parsed = parseWith(schema, json);
      if (parsed.ok) return reached({ ok: true, value: parsed.data });
      return unreachable(call.route, 'malformed', { status });
    }
    if (status >= 500) return unreachable(call.route, 'server-error', { status });
    const refusal = parseWith(ErrorResponseSchema, json);
    if (!refusal.ok) return unreachable(call.route, 'malformed', { status });
    return reached({ ok: false, error: refusal.data.error, retryable: false });
  }

  function reached<T>(result: ClientResult<T>): ClientResult<T> {
    options.onContact?.(true);
    return result;
  }

  function unreachable<T>(route: string, why: string, fields: Record<string, string | number>): ClientResult<T> {
    logCoreEvent(`enrollment.${why}`, { route, ...fields });
    options.onContact?.(false);
    return { ok: false, error: OFFLINE, retryable: true };
  }

  return {
    terminalConfig(timeoutMs?: number) {
      return send({ route: 'terminalConfig', path: enrollmentRoutes.terminalConfig.path, timeoutMs }, TerminalConfigResponseSchema);
    },
    lookup(body: z.input<typeof LookupRequestSchema>) {
      return send({ route: 'lookups', path: enrollmentRoutes.lookups.path, body }, LookupResponseSchema);
    },
    /** A generated password (cergy) or a chosen one's outcome, by the profile's password mode. */
    createActivation(idempotencyKey: string, body: z.input<typeof ActivationRequestSchema>) {
      return send({ route: 'activations', path: enrollmentRoutes.activations.path, body, idempotencyKey }, AnyActivationResponseSchema);
    },
    confirmActivation(activationId: string, idempotencyKey: string, body: z.input<typeof ConfirmationRequestSchema>) {
      return send({ route: 'confirmation', path: activationPath('confirmation', activationId), body, idempotencyKey }, ConfirmationResponseSchema);
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
    submitHelpRequest(idempotencyKey: string, body: z.input<typeof HelpRequestSchema>) {
      return send({ route: 'helpRequests', path: enrollmentRoutes.helpRequests.path, body, idempotencyKey }, HelpRequestResponseSchema);
    },
  };
}

export type EnrollmentClient = ReturnType<typeof createEnrollmentClient>;

function activationPath(route: 'confirmation' | 'emailConfirmation' | 'emailResend', activationId: string): string {
  return enrollmentRoutes[route].path.replace(':activationId', encodeURIComponent(activationId));
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
