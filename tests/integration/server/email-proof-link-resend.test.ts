import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EmailProofHarness, codeOf, linkOf, newKey } from './email-proof-harness';

let harness: EmailProofHarness;
beforeEach(async () => {
  harness = await EmailProofHarness.start();
});
afterEach(async () => {
  await harness.close();
});

describe('/v1/email-links/:token (opened from a mailbox)', () => {
  it('GET only shows a confirm button (a mail scanner opening it activates nothing); its POST activates, with no bearer token', async () => {
    const pending = await harness.pending();
    const mail = await harness.nextMail(pending.to);
    const opened = await harness.openLink(linkOf(mail));
    const again = await harness.openLink(linkOf(mail));
    expect([opened.status, again.status]).toEqual([200, 200]);
    expect(opened.headers.get('content-security-policy')).toContain("form-action 'self'");
    expect(opened.text).toContain('<form method="post"><button type="submit">Confirmer l\'activation</button></form>');
    expect(opened.text).not.toMatch(/<script|<img|<link|https?:\/\//i);
    expect(harness.activationState(pending.activationId)).toEqual({ state: 'pending', activatedAt: null });
    const page = await harness.confirmLink(linkOf(mail));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    expect(page.headers.get('content-security-policy')).toMatch(/^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+'/);
    expect(page.text).toContain('Votre compte est activé');
    expect(page.text).toContain('Your account is active');
    expect(page.text).not.toMatch(/<script|<img|<link|<form|https?:\/\//i);
    expect(harness.activationState(pending.activationId)).toEqual({ state: 'active', activatedAt: '2026-09-15T08:00:00.000Z' });
    // Opened again afterwards: the generic page, no button.
    expect((await harness.openLink(linkOf(mail))).status).toBe(404);
    // The person then types the code at the kiosk anyway: finished through this proof, so a success.
    const typed = await harness.confirmCode(pending.activationId, codeOf(mail));
    expect(typed.status).toBe(200);
    expect(typed.body['activatedAt']).toBe('2026-09-15T08:00:00.000Z');
  });

  it('answers the same generic page for a used, expired, superseded, unknown or malformed token', async () => {
    const used = await harness.pending();
    const usedLink = linkOf(await harness.nextMail(used.to));
    expect((await harness.confirmLink(usedLink)).status).toBe(200);
    const expired = await harness.pending();
    const expiredLink = linkOf(await harness.nextMail(expired.to));
    const replaced = await harness.pending();
    const replacedLink = linkOf(await harness.nextMail(replaced.to));
    expect((await harness.resend(replaced.activationId)).status).toBe(200);
    harness.clock.advance(24 * 3_600_000);
    const answers = await Promise.all(
      [usedLink, expiredLink, replacedLink, `${harness.url}/v1/email-links/${'A'.repeat(43)}`, `${harness.url}/v1/email-links/short`].map((link) =>
        harness.openLink(link),
      ),
    );
    const posted = await Promise.all([usedLink, expiredLink, replacedLink, `${harness.url}/v1/email-links/short`].map((link) => harness.confirmLink(link)));
    for (const answer of [...answers, ...posted]) {
      expect(answer.status).toBe(404);
      expect(answer.text).toBe(answers[0]?.text);
      expect(answer.text).toContain("Ce lien n'est pas ou plus valable");
      expect(answer.headers.get('cache-control')).toBe('no-store');
    }
    expect(harness.activationState(expired.activationId)?.state).toBe('pending');
    expect(harness.activationState(replaced.activationId)?.state).toBe('pending');
  });

  it('limits one address to 20 openings or confirmations per 15 minutes (in memory)', async () => {
    const link = `${harness.url}/v1/email-links/${'B'.repeat(43)}`;
    for (let index = 0; index < 10; index += 1) expect((await harness.openLink(link)).status).toBe(404);
    for (let index = 0; index < 10; index += 1) expect((await harness.confirmLink(link)).status).toBe(404);
    const limited = await harness.openLink(link);
    expect(limited.status).toBe(429);
    expect(limited.text).toContain('Trop de tentatives');
    expect((await harness.confirmLink(link)).status).toBe(429);
    harness.clock.advance(15 * 60_000);
    expect((await harness.openLink(link)).status).toBe(404);
  });
});

describe('POST /v1/activations/:id/email-resend', () => {
  it('sends a new code and link to the recorded address (the old ones die), up to emailProof.resends times', async () => {
    const pending = await harness.pending({ to: 'zoe.lefevre@exemple.fr' });
    const first = await harness.nextMail(pending.to);
    const lefts: number[] = [];
    let last = first;
    for (let index = 0; index < 3; index += 1) {
      harness.clock.advance(60_000);
      const answer = await harness.resend(pending.activationId);
      expect(answer.status).toBe(200);
      expect(answer.body['sentTo']).toBe('z***@exemple.fr');
      lefts.push(Number(answer.body['resendsLeft']));
      last = await harness.nextMail(pending.to);
    }
    expect(lefts).toEqual([2, 1, 0]);
    const beyond = await harness.resend(pending.activationId);
    expect(beyond.status).toBe(429);
    expect(beyond.body.error?.code).toBe('RESEND_LIMIT');
    expect(harness.sink.messages.map((mail) => mail.to)).toEqual(Array(4).fill(['zoe.lefevre@exemple.fr']));
    expect(codeOf(last)).not.toBe(codeOf(first));
    const old = await harness.confirmCode(pending.activationId, codeOf(first));
    expect(old.body.error?.code).toBe('CODE_INVALID');
    expect((await harness.openLink(linkOf(first))).status).toBe(404);
    expect((await harness.confirmCode(pending.activationId, codeOf(last))).status).toBe(200);
    expect((await harness.resend(pending.activationId)).body.error?.code).toBe('ALREADY_ACTIVE');
  });

  it('replays a resend retried with the same Idempotency-Key instead of sending again', async () => {
    const pending = await harness.pending();
    await harness.nextMail(pending.to);
    const key = newKey();
    const first = await harness.resend(pending.activationId, { 'idempotency-key': key });
    const retry = await harness.resend(pending.activationId, { 'idempotency-key': key });
    expect(retry.body).toEqual(first.body);
    await harness.nextMail(pending.to);
    expect(harness.sink.messages).toHaveLength(2);
  });

  it('a relay that is down: OFFLINE, logged by code only, and the previous code still works', async () => {
    const pending = await harness.pending({ to: 'hugo.perrin@exemple.fr' });
    const code = codeOf(await harness.nextMail(pending.to));
    await harness.sink.close();
    const answer = await harness.resend(pending.activationId);
    expect(answer.status).toBe(503);
    expect(answer.body.error?.code).toBe('OFFLINE');
    const logged = harness.logLines.join('\n');
    expect(logged).toContain('MAIL_SEND_FAILED');
    expect(logged).not.toContain('hugo.perrin');
    expect(logged).not.toContain(code);
    expect((await harness.confirmCode(pending.activationId, code)).status).toBe(200);
  });

  it('a relay that is down at start: the proof is kept (a resend is what retries) and the failure logged by code only', async () => {
    await harness.sink.close();
    const pending = await harness.pending({ to: 'ines.lambert@exemple.fr' });
    expect(pending.sentTo).toBe('i***@exemple.fr');
    expect(harness.logLines.join('\n')).toContain('MAIL_SEND_FAILED');
    expect(harness.logLines.join('\n')).not.toContain('ines.lambert');
    expect((await harness.resend(pending.activationId)).body.error?.code).toBe('OFFLINE');
    expect((await harness.resend('AAAAAAAAAAAAAAAAAAAAAA')).body.error?.code).toBe('NOT_FOUND');
  });
});
