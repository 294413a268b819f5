import { z } from 'zod';
import { fail, ok } from '../../../shared/contract/result';
import type { Result } from '../../../shared/contract/result';
import { maskEmail } from '../../../shared/policies/secret-codes';
import type { Locale } from '../../../shared/schemas/localized-text-schema';
import { hashPassword } from '../../crypto/password-hash';
import { decryptRecordValue } from '../../crypto/record-cipher';
import { newEmailCode } from '../../mail/email-proof-secrets';
import { deliverMail } from '../../mail/mailer';
import { passwordResetEmail } from '../../mail/recovery-email';
import type { PendingRecovery } from '../../store/ports/staff-case-store';
import { RECOVERY_TTL_HOURS, recoveryBinding, resetDestination } from '../recovery-request-service';
import { auditDesk, auditRefusal } from './staff-audit';
import type { DeskCall } from './staff-audit';

/**
 * Messages a "mot de passe oublié" request may have in all: the person's own, plus two from
 * staff (one after an address correction, one more), like the activation email where staff get
 * one more send than the person (issue 6: "renvoyer le mail de confirmation ou de réinitialisation").
 */
export const STAFF_RESET_MAX_SENDS = 3;

/** Only the login is read back from the request's sealed context: the email names the account. */
const ResetContextSchema = z.object({ login: z.string().min(1) });

function requestLogin(call: DeskCall, recoveryId: string, contextEnc: string | null): string | null {
  const plain = contextEnc ? decryptRecordValue(call.ctx.keys.recordKey, recoveryBinding(recoveryId), contextEnc) : null;
  if (plain === null) return null;
  const parsed = ResetContextSchema.safeParse(JSON.parse(plain));
  return parsed.success ? parsed.data.login : null;
}

/**
 * The pending reset sent again, with a new code (the old one dies, the new one gets its own five
 * tries and 24 h), to where a reset goes now: after `correctEmail`, the corrected address. The
 * same request is renewed, so a kiosk still waiting on it takes the new code. As for the
 * activation email, the message goes out before the new hash is committed: a relay failure
 * (OFFLINE) leaves the previous code working. `audited`: resendEmail writes its own entry;
 * correctEmail's entry already says it resent.
 */
export async function staffResendReset(call: DeskCall, reset: PendingRecovery, locale: Locale, audited: 'resendEmail' | null): Promise<Result<{ sentTo: string }>> {
  const { ctx, profile, staffCase } = call;
  const row = await ctx.store.recoveries.findRecovery(reset.id);
  const record = await ctx.store.enrollments.findEnrollment(profile.id, staffCase.lookupKey);
  const login = row ? requestLogin(call, row.id, row.contextEnc) : null;
  const to = record ? await resetDestination(ctx, record) : null;
  if (!login || !to) return refused(call, 'NOT_APPLICABLE');
  const code = newEmailCode();
  const codeHash = await hashPassword(code);
  const message = passwordResetEmail({ profile, to, login, code, validHours: RECOVERY_TTL_HOURS, locale });
  const sent = await deliverMail(ctx.mailer, message, ctx.log, { profileId: profile.id }, 'password reset email');
  if (!sent.ok) return refused(call, 'OFFLINE');
  const sentTo = maskEmail(to);
  const renewal = { codeHash, expiresAt: new Date(call.now.getTime() + RECOVERY_TTL_HOURS * 3_600_000).toISOString(), now: call.now.toISOString() };
  const sends = await ctx.store.transaction(async (tx) => {
    const count = await tx.staffCases.renewRecoveryCode(reset.id, renewal, STAFF_RESET_MAX_SENDS);
    if (audited) await auditDesk(tx, call.principal, audited, call.subject, count === null ? 'RESEND_LIMIT' : 'ok', call.now, { sentTo, mail: 'reset' });
    return count;
  });
  return sends === null ? fail('RESEND_LIMIT') : ok({ sentTo });
}

async function refused(call: DeskCall, code: 'NOT_APPLICABLE' | 'OFFLINE'): Promise<Result<never>> {
  await auditRefusal(call, 'resendEmail', call.subject, code);
  return fail(code);
}
