import { ok } from '../../../shared/contract/result';
import type { Result } from '../../../shared/contract/result';
import { maskEmail } from '../../../shared/policies/secret-codes';
import type { Locale } from '../../../shared/schemas/localized-text-schema';
import { encryptRecordValue, decryptRecordValue, recordBinding } from '../../crypto/record-cipher';
import { emailHash } from '../../crypto/record-hash';
import type { StoreTx } from '../../store/store';
import type { PendingProof, PendingRecovery } from '../../store/ports/staff-case-store';
import { credentialKindOf, generateCode, prepareCredential } from '../credential-service';
import { auditRefusal, commitAction } from './staff-audit';
import type { ActionExtra, DeskCall } from './staff-audit';
import { proofBinding, staffResend } from './staff-email-proof';
import { STAFF_RESET_MAX_SENDS, staffResendReset } from './staff-reset-email';

/**
 * issueCredential: a new code or provisional password (a lost or expired letter), the previous
 * one superseded. The secret exists in clear only in this answer, shown
 * once on the staff screen: never logged, audited or stored (only its scrypt hash is).
 * The slow hash is made first; the row and its audit entry then land in one transaction.
 */
export async function issueCredential(call: DeskCall): Promise<Result<ActionExtra>> {
  const { profile, staffCase } = call;
  const kind = credentialKindOf(profile);
  // The diagnosis offered it, so the profile issues letters; this only narrows the types.
  if (!kind || !profile.credentials) throw new Error('issueCredential offered for a profile without letters');
  const secret = generateCode(profile.credentials.codeLength);
  const row = await prepareCredential(profile, staffCase.lookupKey, secret, call.now);
  const { expiresAt } = row;
  await commitAction(call, 'issueCredential', { kind, expiresAt }, async (tx) => await tx.credentials.insertCredential(row));
  const login = await loginOf(call);
  return ok({ issued: { kind, secret, expiresAt, ...(login ? { login } : {}) } });
}

/** The person's login, read back for the letter staff hand over with a new secret. */
export async function loginOf(call: DeskCall): Promise<string | null> {
  const { ctx, profile, staffCase } = call;
  const sealedLogin = (await ctx.store.enrollments.findEnrollment(profile.id, staffCase.lookupKey))?.loginEnc;
  return sealedLogin ? decryptRecordValue(ctx.keys.recordKey, recordBinding(profile.id, staffCase.lookupKey, 'login'), sealedLogin) : null;
}

/** Sends the pending proof again through `resendEmailProof`, and audits what came of it. */
async function resendProof(call: DeskCall, action: 'resendEmail' | 'correctEmail', proof: PendingProof): Promise<Result<{ sentTo: string }>> {
  const sent = await staffResend(call.ctx, call.profile, proof.activationId);
  if (!sent.ok) {
    await auditRefusal(call, 'resendEmail', call.subject, sent.error.code);
    return sent;
  }
  const sentTo = sent.value.body.sentTo;
  if (action === 'resendEmail') await commitAction(call, 'resendEmail', { sentTo, mail: 'activation' }, async () => undefined);
  return ok({ sentTo });
}

/** What waits for an email now: the activation's proof first (the account is not active), else a password reset. */
async function pendingMail(call: DeskCall): Promise<{ proof?: PendingProof; reset?: PendingRecovery }> {
  const { ctx, profile, staffCase } = call;
  const now = call.now.toISOString();
  const proof = await ctx.store.staffCases.findPendingProof(profile.id, staffCase.lookupKey, now);
  if (proof) return { proof };
  const reset = await ctx.store.staffCases.findPendingRecovery(profile.id, staffCase.lookupKey, now);
  return reset ? { reset } : {};
}

/**
 * resendEmail: whichever email is pending, again: the activation email with a new code and link,
 * or the password reset with a new code (issue 6: "renvoyer le mail de confirmation ou de
 * réinitialisation"); the old ones die.
 */
export async function resendEmail(call: DeskCall, locale: Locale): Promise<Result<ActionExtra>> {
  const { proof, reset } = await pendingMail(call);
  const sent = proof ? await resendProof(call, 'resendEmail', proof) : reset ? await staffResendReset(call, reset, locale, 'resendEmail') : null;
  // The diagnosis offered it a moment ago: a proof or reset used or expired since is what the resend says.
  if (!sent) {
    await auditRefusal(call, 'resendEmail', call.subject, 'NOT_APPLICABLE');
    return { ok: false, error: { code: 'NOT_APPLICABLE' } };
  }
  return sent.ok ? ok({ sentTo: sent.value.sentTo }) : sent;
}

/** Writes the corrected address where this profile's email proof goes: on file (umontpellier) or the contact one. */
async function saveAddress(tx: StoreTx, call: DeskCall, email: string): Promise<void> {
  const { ctx, profile, staffCase } = call;
  const now = call.now.toISOString();
  const seal = (column: string) => encryptRecordValue(ctx.keys.recordKey, recordBinding(profile.id, staffCase.lookupKey, column), email);
  const hash = emailHash(ctx.keys.recordKey, profile.id, email);
  if (profile.emailProof?.to === 'onFile') {
    await tx.staffCases.updateEmailOnFile(profile.id, staffCase.lookupKey, seal('email_on_file'), hash, now);
    return;
  }
  const contact = await tx.enrollments.findEnrollmentContact(profile.id, staffCase.lookupKey);
  const kept = { mobileEnc: contact?.mobileEnc ?? null, termsVersion: contact?.termsVersion ?? null };
  await tx.enrollments.saveEnrollmentContact(profile.id, staffCase.lookupKey, { ...kept, contactEmailEnc: seal('contact_email'), contactEmailHash: hash }, now);
}

/**
 * correctEmail (after an idCheck in this case): the address is corrected (encrypted, with its
 * keyed hash for "identifiant oublié") and whatever waits for an email follows it: a pending
 * activation proof is re-addressed in the same transaction and sent again; a pending password
 * reset, whose address is read from the record at each send, gets a new code at the new address
 * (the one that went to the wrong address dies) while its sends allow. Nothing pending: no mail.
 */
export async function correctEmail(call: DeskCall, email: string, locale: Locale): Promise<Result<ActionExtra>> {
  const { ctx } = call;
  const { proof, reset } = await pendingMail(call);
  const resetResend = reset !== undefined && reset.sends < STAFF_RESET_MAX_SENDS;
  const masked = maskEmail(email);
  await commitAction(call, 'correctEmail', { address: masked, resend: proof !== undefined || resetResend }, async (tx) => {
    await saveAddress(tx, call, email);
    if (proof) await tx.staffCases.readdressProof(proof.activationId, encryptRecordValue(ctx.keys.recordKey, proofBinding(proof.activationId, 'sent_to'), email), masked, locale);
  });
  // The correction stands even if the relay is down: the diagnosis shows the new address, "resend" retries.
  const sent = proof ? await resendProof(call, 'correctEmail', proof) : reset && resetResend ? await staffResendReset(call, reset, locale, null) : null;
  return ok(sent?.ok ? { sentTo: sent.value.sentTo } : {});
}
