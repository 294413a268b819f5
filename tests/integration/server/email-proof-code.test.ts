import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startEmailProof } from '../../../server/services/email-proof-service';
import { EmailProofHarness, codeOf, linkOf, newKey } from './email-proof-harness';

let harness: EmailProofHarness;
beforeEach(async () => {
  harness = await EmailProofHarness.start();
});
afterEach(async () => {
  await harness.close();
});

/** A code of the right shape that is not `code`. */
function otherCode(code: string): string {
  return code.replace(/^./, (char) => (char === 'A' ? 'B' : 'A'));
}

describe('the emailed code, typed at the kiosk', () => {
  it('arrives by SMTP in French with the institution, login, grouped code, link and validity, and confirms', async () => {
    const pending = await harness.pending({ to: 'camille.martineau@exemple.fr' });
    expect(pending.sentTo).toBe('c***@exemple.fr');
    const mail = await harness.nextMail('camille.martineau@exemple.fr');
    expect(mail.subject).toContain('Université de Montpellier');
    expect(mail.text).toContain(`identifiant : ${pending.login}`);
    expect(mail.text).toMatch(/valables 24 h/);
    expect(mail.text).toContain("Si vous n'avez pas demandé cette activation");
    expect(linkOf(mail).startsWith(`${harness.url}/v1/email-links/`)).toBe(true);
    expect(mail.html).toContain(codeOf(mail));
    // Typed as people type it: lower case, without the hyphen.
    const answer = await harness.confirmCode(pending.activationId, codeOf(mail).replace('-', '').toLowerCase());
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ state: 'active', activatedAt: '2026-09-15T08:00:00.000Z' });
    expect(harness.activationState(pending.activationId)).toEqual({ state: 'active', activatedAt: '2026-09-15T08:00:00.000Z' });
  });

  it('writes in English when the person used the kiosk in English', async () => {
    const pending = await harness.pending({ locale: 'en' });
    const mail = await harness.nextMail(pending.to);
    expect(mail.subject).toBe('Activate your account — University of Montpellier');
    expect(mail.text).toContain('valid for 24 hours');
    expect(mail.text).toContain('If you did not ask for this activation');
  });

  it('starting twice for one activation sends one message', async () => {
    const pending = await harness.pending();
    const profile = harness.ctx.profiles.get('um-etudiant');
    if (!profile) throw new Error('profile missing');
    const again = await startEmailProof(harness.ctx, { activationId: pending.activationId, profile, to: 'other@exemple.fr', login: 'x', locale: 'fr' });
    expect(again.sentTo).toBe(pending.sentTo);
    await harness.nextMail(pending.to);
    expect(harness.sink.messages).toHaveLength(1);
  });

  it('is single use: a retry with the right code answers the same success, anything else CODE_USED', async () => {
    const pending = await harness.pending();
    const mail = await harness.nextMail(pending.to);
    const first = await harness.confirmCode(pending.activationId, codeOf(mail));
    expect(first.status).toBe(200);
    harness.clock.advance(60_000);
    const retry = await harness.confirmCode(pending.activationId, codeOf(mail));
    expect(retry.status).toBe(200);
    expect(retry.body).toEqual(first.body);
    const wrong = await harness.confirmCode(pending.activationId, otherCode(codeOf(mail)));
    expect(wrong.status).toBe(409);
    expect(wrong.body.error?.code).toBe('CODE_USED');
    expect((await harness.openLink(linkOf(mail))).status).toBe(404);
  });

  it('replays the stored answer for the same Idempotency-Key', async () => {
    const pending = await harness.pending();
    const code = codeOf(await harness.nextMail(pending.to));
    const key = newKey();
    const first = await harness.confirmCode(pending.activationId, code, key);
    harness.clock.advance(60_000);
    const replay = await harness.confirmCode(pending.activationId, code, key);
    expect(replay.status).toBe(200);
    expect(replay.body).toEqual(first.body);
    const reused = await harness.confirmCode(pending.activationId, otherCode(code), key);
    expect(reused.status).toBe(422);
    expect(reused.body.error?.fields?.[0]?.key).toBe('idempotencyKey');
  });

  it('counts wrong codes: four are CODE_INVALID, the fifth voids the code (CODE_EXPIRED), even for the right one after', async () => {
    const pending = await harness.pending();
    const code = codeOf(await harness.nextMail(pending.to));
    const answers: string[] = [];
    for (let attempt = 0; attempt < 5; attempt += 1) {
      answers.push(String((await harness.confirmCode(pending.activationId, otherCode(code))).body.error?.code));
    }
    expect(answers).toEqual(['CODE_INVALID', 'CODE_INVALID', 'CODE_INVALID', 'CODE_INVALID', 'CODE_EXPIRED']);
    harness.clock.advance(60 * 60_000);
    const right = await harness.confirmCode(pending.activationId, code);
    expect(right.status).toBe(410);
    expect(right.body.error?.code).toBe('CODE_EXPIRED');
    expect(harness.activationState(pending.activationId)?.state).toBe('pending');
    // A new message brings a new code, which works.
    expect((await harness.resend(pending.activationId)).status).toBe(200);
    const fresh = codeOf(await harness.nextMail(pending.to));
    expect((await harness.confirmCode(pending.activationId, fresh)).status).toBe(200);
  });

  it('wrong codes count in the throttle too, like the cergy confirmation', async () => {
    const first = await harness.pending();
    const code = codeOf(await harness.nextMail(first.to));
    for (let attempt = 0; attempt < 4; attempt += 1) await harness.confirmCode(first.activationId, otherCode(code));
    expect((await harness.resend(first.activationId)).status).toBe(200);
    const fresh = codeOf(await harness.nextMail(first.to));
    // Fifth failure of this person within 15 minutes: the next attempt must wait.
    expect((await harness.confirmCode(first.activationId, otherCode(fresh))).body.error?.code).toBe('CODE_INVALID');
    const throttled = await harness.confirmCode(first.activationId, fresh);
    expect(throttled.status).toBe(429);
    expect(throttled.body.error?.code).toBe('THROTTLED');
    expect(Number(throttled.headers.get('retry-after'))).toBeGreaterThan(0);
    harness.clock.advance(60_000);
    expect((await harness.confirmCode(first.activationId, fresh)).status).toBe(200);
  });

  it('refuses the code once it has expired (24 h, controlled clock)', async () => {
    const pending = await harness.pending();
    const code = codeOf(await harness.nextMail(pending.to));
    harness.clock.advance(24 * 3_600_000);
    const answer = await harness.confirmCode(pending.activationId, code);
    expect(answer.status).toBe(410);
    expect(answer.body.error?.code).toBe('CODE_EXPIRED');
    expect(harness.activationState(pending.activationId)?.state).toBe('pending');
  });

  it('is just valid one minute before the 24 h are up', async () => {
    const pending = await harness.pending();
    const code = codeOf(await harness.nextMail(pending.to));
    harness.clock.advance(24 * 3_600_000 - 60_000);
    expect((await harness.confirmCode(pending.activationId, code)).status).toBe(200);
  });

  it('answers NOT_FOUND for an activation without a proof, INVALID_INPUT for a box not sealed to the server', async () => {
    expect((await harness.confirmCode('AAAAAAAAAAAAAAAAAAAAAA', 'K7P-4QX')).body.error?.code).toBe('NOT_FOUND');
    const pending = await harness.pending();
    const notSealed = await harness.request('POST', `/v1/activations/${pending.activationId}/email-confirmation`, {
      body: { sealed: { alg: 'X25519-HKDF-SHA256-A256GCM', epk: 'A'.repeat(43), iv: 'A'.repeat(16), ct: 'A'.repeat(40) } },
      headers: { 'idempotency-key': newKey() },
    });
    expect(notSealed.status).toBe(400);
    expect(notSealed.body.error?.code).toBe('INVALID_INPUT');
    const noBearer = await harness.request('POST', `/v1/activations/${pending.activationId}/email-confirmation`, { token: null, body: {} });
    expect(noBearer.body.error?.code).toBe('UNAUTHORIZED');
  });
});
