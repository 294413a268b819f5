import { z } from 'zod';
import { SealedBoxSchema, SealingKeySchema } from '../crypto/sealed-box-schema';
import { IdentityInputSchema } from '../policies/identity-rules';
import { LocaleSchema } from '../schemas/localized-text-schema';
import { AppErrorSchema, type ErrorCode } from './result';

/**
 * The central enrollment API (kiosk → server), versioned under /v1, bearer token per terminal.
 * Declared once here; the server registers these schemas with fastify-type-provider-zod and
 * the kiosk's client parses every response with them.
 */
export const ProfileIdSchema = z.string().regex(/^[a-z][a-z0-9-]{1,47}$/);

/** Sent as the `Idempotency-Key` header: the server applies one key at most once. */
export const IdempotencyKeySchema = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/);

export const TerminalConfigResponseSchema = z.object({
  terminalId: z.string(),
  sealingKey: SealingKeySchema,
  serverTime: z.iso.datetime(),
});

export const LookupRequestSchema = z.strictObject({
  profileId: ProfileIdSchema,
  identity: IdentityInputSchema,
});
export const LookupResponseSchema = z.object({ eligible: z.literal(true) });

/** A French or international mobile number as people type it (ENT 77: for SMS resets, later). */
export const MobileSchema = z.string().trim().regex(/^\+?[0-9][0-9 .-]{5,19}$/);

/**
 * What the person chose, for profiles whose password is chosen (ENT 77, IDF, Montpellier,
 * Scolarité Services). The server checks it all again: policy, contact and terms.
 */
export const ActivationChoiceSchema = z.strictObject({
  password: z.string().min(1).max(128),
  email: z.email().max(254).optional(),
  mobile: MobileSchema.optional(),
  /** The terms version the person ticked; required when the profile has terms. */
  termsVersion: z.string().max(32).optional(),
  /** The language the person used at the kiosk, for the email they will receive. */
  locale: LocaleSchema,
});
export type ActivationChoice = z.infer<typeof ActivationChoiceSchema>;

/** Plaintext inside `ActivationRequest.sealed`. */
export const ActivationSecretSchema = z.strictObject({
  identity: IdentityInputSchema,
  choice: ActivationChoiceSchema.optional(),
});
export const ActivationRequestSchema = z.strictObject({
  profileId: ProfileIdSchema,
  sealed: SealedBoxSchema,
});
/**
 * A generated password is pending until the person proves they noted it (confirmation below):
 * a password nobody copied never activates an account, and asking again simply replaces it.
 */
export const ActivationResponseSchema = z.object({
  activationId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/),
  login: z.string().min(1).max(120),
  email: z.email(),
  password: z.string().min(8).max(64),
  expiresAt: z.iso.datetime(),
});

/**
 * A chosen password: `active` at once (ENT 77, IDF; the letter's code or password is void from
 * then on), or `awaitingEmail` until the emailed link or code comes back (Montpellier,
 * Scolarité Services); `sentTo` is the destination, masked.
 */
export const ChosenActivationResponseSchema = z.object({
  activationId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/),
  login: z.string().min(1).max(120),
  state: z.enum(['active', 'awaitingEmail']),
  /** The institutional mailbox, for profiles that create one. */
  email: z.email().optional(),
  sentTo: z.string().max(254).optional(),
  expiresAt: z.iso.datetime(),
});
export type ChosenActivationResponse = z.infer<typeof ChosenActivationResponseSchema>;

/** POST /v1/activations answers one or the other, by the profile's password mode. */
export const AnyActivationResponseSchema = z.union([ActivationResponseSchema, ChosenActivationResponseSchema]);

/** Plaintext inside `EmailConfirmationRequest.sealed`: the code as typed from the email. */
export const EmailCodeSecretSchema = z.strictObject({ code: z.string().min(1).max(32) });
export const EmailConfirmationRequestSchema = z.strictObject({ sealed: SealedBoxSchema });
export const EmailConfirmationResponseSchema = z.object({
  state: z.literal('active'),
  activatedAt: z.iso.datetime(),
});

export const EmailResendResponseSchema = z.object({
  sentTo: z.string().max(254),
  resendsLeft: z.number().int().nonnegative(),
});

/** Plaintext inside `ConfirmationRequest.sealed`: the password as the person typed it back. */
export const ConfirmationSecretSchema = z.strictObject({ password: z.string().min(1).max(64) });
export const ConfirmationRequestSchema = z.strictObject({ sealed: SealedBoxSchema });
export const ConfirmationResponseSchema = z.object({
  state: z.literal('active'),
  activatedAt: z.iso.datetime(),
});

/** Plaintext inside `RecoveryRequest.sealed`. */
export const RecoverySecretSchema = z.strictObject({
  kind: z.enum(['password', 'identifier']),
  fields: IdentityInputSchema,
  /** Identifier recovery: the personal email given at activation. */
  email: z.email().max(254).optional(),
  locale: LocaleSchema,
});
export const RecoveryRequestSchema = z.strictObject({ profileId: ProfileIdSchema, sealed: SealedBoxSchema });
/**
 * The same status and shape whether or not anyone matched (issue 3: recovery never tells who
 * exists). For nobody, `recoveryId` leads nowhere and `sentTo` is a stable, plausible mask.
 */
export const RecoveryResponseSchema = z.object({
  recoveryId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/),
  sentTo: z.string().max(254),
});

/** Plaintext inside `RecoveryResetRequest.sealed`: the emailed code and the new password. */
export const RecoveryResetSecretSchema = z.strictObject({
  code: z.string().min(1).max(32),
  password: z.string().min(1).max(128),
});
export const RecoveryResetRequestSchema = z.strictObject({ sealed: SealedBoxSchema });
export const RecoveryResetResponseSchema = z.object({ state: z.literal('reset'), login: z.string().min(1).max(120) });

/** Plaintext inside `HelpRequest.sealed`: personal data, so sealed like any secret. */
export const HelpRequestSecretSchema = z.strictObject({
  topic: z.string().regex(/^[a-z][a-z0-9-]{0,31}$/),
  name: z.string().trim().min(1).max(120),
  email: z.email().max(254),
  phone: MobileSchema.optional(),
  message: z.string().trim().min(1).max(2000),
  locale: LocaleSchema,
});
export const HelpRequestSchema = z.strictObject({ profileId: ProfileIdSchema, sealed: SealedBoxSchema });
export const HelpRequestResponseSchema = z.object({ reference: z.string().regex(/^[A-Z0-9-]{4,32}$/) });

export const ErrorResponseSchema = z.object({ error: AppErrorSchema });

export const enrollmentRoutes = {
  terminalConfig: { method: 'GET', path: '/v1/terminal/config' },
  lookups: { method: 'POST', path: '/v1/lookups' },
  activations: { method: 'POST', path: '/v1/activations' },
  confirmation: { method: 'POST', path: '/v1/activations/:activationId/confirmation' },
  emailConfirmation: { method: 'POST', path: '/v1/activations/:activationId/email-confirmation' },
  emailResend: { method: 'POST', path: '/v1/activations/:activationId/email-resend' },
  recoveries: { method: 'POST', path: '/v1/recoveries' },
  recoveryReset: { method: 'POST', path: '/v1/recoveries/:recoveryId/reset' },
  helpRequests: { method: 'POST', path: '/v1/help-requests' },
  /** The link in the email; opened in the person's own browser, so it answers a small HTML page. */
  emailLink: { method: 'GET', path: '/v1/email-links/:token' },
} as const;

/** One HTTP status per stable code, so both sides agree on what is final and what is retried. */
export const HTTP_STATUS_BY_CODE: Record<ErrorCode, number> = {
  IDENTITY_MISMATCH: 404,
  NOT_FOUND: 404,
  FORBIDDEN: 403,
  NOT_APPLICABLE: 409,
  ID_CHECK_REQUIRED: 409,
  PAYMENT_PENDING: 403,
  NOT_YET_OPEN: 403,
  ACCOUNT_DEACTIVATED: 403,
  ALREADY_ACTIVE: 409,
  CODE_USED: 409,
  CODE_INVALID: 422,
  CODE_EXPIRED: 410,
  PASSWORD_POLICY: 422,
  PASSWORD_MISMATCH: 422,
  RESEND_LIMIT: 429,
  INVALID_INPUT: 400,
  UNAUTHORIZED: 401,
  NO_SESSION: 409,
  THROTTLED: 429,
  OFFLINE: 503,
  INTERNAL: 500,
};
