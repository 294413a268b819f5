import { z } from 'zod';
import { PasswordRuleIdSchema } from '../schemas/password-policy-schema';
import { GROUP_CSV_MAX_PROBLEMS, GroupCsvProblemSchema } from './group-csv-api';

/**
 * Stable error codes shared by the kiosk API and the enrollment API. The renderer turns a code
 * into the seed's own words; the server and core never send UI text (DESIGN.md, "Contracts").
 */
export const ERROR_CODES = [
  'IDENTITY_MISMATCH',
  'PAYMENT_PENDING',
  'NOT_YET_OPEN',
  'ALREADY_ACTIVE',
  'CODE_INVALID',
  'CODE_USED',
  'CODE_EXPIRED',
  'ACCOUNT_DEACTIVATED',
  'PASSWORD_POLICY',
  'PASSWORD_MISMATCH',
  'RESEND_LIMIT',
  'THROTTLED',
  'OFFLINE',
  'INVALID_INPUT',
  'UNAUTHORIZED',
  'NO_SESSION',
  'NOT_FOUND',
  /** Staff: signed in, but the role does not allow this action (issue 6: the server decides). */
  'FORBIDDEN',
  /** Staff: the action does not apply to this person or profile (no letter to reissue, nothing to resend). */
  'NOT_APPLICABLE',
  /** Staff: the action applies, but only after an identity document check recorded in this case (issue 6). */
  'ID_CHECK_REQUIRED',
  'INTERNAL',
] as const;

export const ErrorCodeSchema = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;

/** Why one identity field was refused; the renderer words it per field kind. */
export const FieldProblemSchema = z.object({
  key: z.string().max(64),
  reason: z.enum(['required', 'format', 'length', 'date', 'range', 'tooLong', 'unknown']),
});
export type FieldProblem = z.infer<typeof FieldProblemSchema>;

export const AppErrorSchema = z.object({
  code: ErrorCodeSchema,
  /** THROTTLED: seconds to wait before the next attempt is accepted. */
  retryAfterS: z.number().int().nonnegative().optional(),
  /** NOT_YET_OPEN: the instant activation becomes possible (ISO 8601, UTC). */
  opensAt: z.iso.datetime().optional(),
  /** INVALID_INPUT: which fields failed, never their values. */
  fields: z.array(FieldProblemSchema).max(32).optional(),
  /** PASSWORD_MISMATCH / OFFLINE on a queued submission: the receipt reference. */
  reference: z.string().max(64).optional(),
  /** PASSWORD_POLICY: the blocking rules the password fails, never the password. */
  rules: z.array(PasswordRuleIdSchema).max(16).optional(),
  /** INVALID_INPUT on a group session's pasted list: each problem with its stable code (issue 6). */
  csv: z.array(GroupCsvProblemSchema).max(GROUP_CSV_MAX_PROBLEMS).optional(),
});
export type AppError = z.infer<typeof AppErrorSchema>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T = never>(code: ErrorCode, details: Omit<AppError, 'code'> = {}): Result<T> {
  return { ok: false, error: { code, ...details } };
}

export function resultSchema<T extends z.ZodType>(value: T) {
  return z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), value }),
    z.object({ ok: z.literal(false), error: AppErrorSchema }),
  ]);
}
