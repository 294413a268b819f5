import { describe, expect, it } from 'vitest';
import { requestRecovery, resetCodeOf, resetPassword } from '../helpers/recovery-calls';
import { act, actCall, chainHolds, checkId, deskAudit, diagnosisOf, useDesk } from './desk-helpers';

/**
 * Issue 6: "renvoyer le mail de confirmation ou de réinitialisation" and "corriger l'email de
 * contact après vérification de l'identité", for a "mot de passe oublié" waiting for its code
 * (ent77: Jules's account is active, the reset code goes to the address he gave at activation).
 */
const desk = useDesk();
const ENT77 = 'ent77-college';
const JULES = { login: 'jules.marchand' };
const ON_FILE = 'jules.marchand@example.org';

async function askReset(): Promise<string> {
  const { harness, sink } = desk();
  const asked = await requestRecovery(harness, ENT77, { kind: 'password', fields: JULES });
  expect(asked.status).toBe(202);
  await sink.waitFor((mail) => mail.to.includes(ON_FILE));
  return String(asked.body['recoveryId']);
}

function mailsTo(address: string) {
  return desk().sink.messages.filter((mail) => mail.to.includes(address));
}

/** The code of the `index`th message to `address`, as printed. */
function codeSent(address: string, index: number): string {
  const mail = mailsTo(address)[index];
  if (!mail) throw new Error(`no message ${index} to ${address}`);
  return resetCodeOf(mail);
}

async function deskActions(): Promise<string[][]> {
  return (await deskAudit(desk())).filter((entry) => entry.subject !== null && entry.action !== 'staff.lookup').map((entry) => [entry.action, entry.outcome, String(entry.details['mail'] ?? '')]);
}

describe('a pending password reset at the desk', () => {
  it('resendEmail sends it again with a new code on the same request: the old code dies, the new one resets', async () => {
    const { harness, sink } = desk();
    const recoveryId = await askReset();
    const firstCode = codeSent(ON_FILE, 0);
    const before = await diagnosisOf(desk(), ENT77, JULES);
    expect(before).toMatchObject({ status: 'ALREADY_ACTIVE', pendingReset: { resendsLeft: 2 } });
    expect(before.actions).toContain('resendEmail');
    const resent = await act(desk(), before.caseId, { action: 'resendEmail', locale: 'fr' });
    expect(resent.sentTo).toBe('j***@example.org');
    expect(resent.diagnosis.pendingReset?.resendsLeft).toBe(1);
    await sink.waitFor(() => mailsTo(ON_FILE).length === 2);
    expect(mailsTo(ON_FILE)[1]?.subject).toContain('Réinitialisation de votre mot de passe');
    const newCode = codeSent(ON_FILE, 1);
    expect(newCode).not.toBe(firstCode);
    expect((await resetPassword(harness, recoveryId, firstCode, 'Velo-Rouge-42')).body.error?.code).toBe('CODE_INVALID');
    expect((await resetPassword(harness, recoveryId, newCode, 'Velo-Rouge-42')).body).toEqual({ state: 'reset', login: 'jules.marchand' });
    const after = await diagnosisOf(desk(), ENT77, JULES);
    expect(after.pendingReset).toBeUndefined();
    expect(after.actions).not.toContain('resendEmail');
    expect(await deskActions()).toEqual([['staff.resendEmail', 'ok', 'reset']]);
    const audit = JSON.stringify(await deskAudit(desk()));
    for (const secret of [firstCode, newCode, firstCode.replace('-', ''), newCode.replace('-', ''), ON_FILE]) expect(audit).not.toContain(secret);
    expect(await chainHolds(desk())).toBe(true);
  });

  it('correctEmail re-addresses it: a new code to the corrected address, one more resend, then no more', async () => {
    const { harness, sink } = desk();
    const corrected = 'marchand.jules@example.org';
    const recoveryId = await askReset();
    const before = await diagnosisOf(desk(), ENT77, JULES);
    await checkId(desk(), before.caseId);
    const fixed = await act(desk(), before.caseId, { action: 'correctEmail', email: corrected, locale: 'fr' });
    expect(fixed.sentTo).toBe('m***@example.org');
    expect(fixed.diagnosis.contactEmail).toBe('m***@example.org');
    await sink.waitFor((mail) => mail.to.includes(corrected));
    const resent = await act(desk(), before.caseId, { action: 'resendEmail', locale: 'fr' });
    expect(resent.sentTo).toBe('m***@example.org');
    await sink.waitFor(() => mailsTo(corrected).length === 2);
    expect(resent.diagnosis.pendingReset?.resendsLeft).toBe(0);
    expect(resent.diagnosis.actions).not.toContain('resendEmail');
    const refused = await actCall(desk(), before.caseId, { action: 'resendEmail', locale: 'fr' });
    expect([refused.status, refused.body.error?.code]).toEqual([409, 'NOT_APPLICABLE']);
    // The wrong address got the person's own request only; the code sent after the correction died with the resend.
    expect(mailsTo(ON_FILE)).toHaveLength(1);
    expect((await resetPassword(harness, recoveryId, codeSent(corrected, 0), 'Velo-Rouge-42')).body.error?.code).toBe('CODE_INVALID');
    const last = codeSent(corrected, 1);
    expect((await resetPassword(harness, recoveryId, last, 'Velo-Rouge-42')).body).toEqual({ state: 'reset', login: 'jules.marchand' });
    expect(await deskActions()).toEqual([
      ['staff.idCheck', 'ok', ''],
      ['staff.correctEmail', 'ok', ''],
      ['staff.resendEmail', 'ok', 'reset'],
      ['staff.resendEmail', 'NOT_APPLICABLE', ''],
    ]);
    expect(JSON.stringify(await deskAudit(desk()))).not.toContain(corrected);
  });

  it('correctEmail with nothing pending corrects the address and sends nothing; the next reset goes there', async () => {
    const { harness, sink } = desk();
    const corrected = 'marchand.jules@example.org';
    const before = await diagnosisOf(desk(), ENT77, JULES);
    expect(before.pendingReset).toBeUndefined();
    await checkId(desk(), before.caseId);
    const fixed = await act(desk(), before.caseId, { action: 'correctEmail', email: corrected, locale: 'fr' });
    expect(fixed.sentTo).toBeUndefined();
    expect(fixed.diagnosis.contactEmail).toBe('m***@example.org');
    expect((await deskAudit(desk())).find((entry) => entry.action === 'staff.correctEmail')?.details['resend']).toBe(false);
    expect(sink.messages).toHaveLength(0);
    const asked = await requestRecovery(harness, ENT77, { kind: 'password', fields: JULES });
    expect(asked.body['sentTo']).toBe('m***@example.org');
    await sink.waitFor((mail) => mail.to.includes(corrected));
    expect(mailsTo(ON_FILE)).toHaveLength(0);
  });
});
