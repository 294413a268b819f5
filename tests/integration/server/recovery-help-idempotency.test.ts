import { describe, expect, it } from 'vitest';
import type { ReceivedMail } from '../../support/smtp-sink';
import { requestRecovery, resetCodeOf, resetPassword, submitHelp, useServerWithSink } from './helpers/recovery-calls';
import type { HttpAnswer, ServerHarness } from './helpers/server-harness';
import { newKey } from './helpers/server-harness';

/**
 * The kiosk retries a recovery and a reset with the same Idempotency-Key when an answer is lost
 * (electron/core/sync/recovery-calls.ts), and its outbox re-delivers a help request until it is
 * answered: the retry gets the first answer byte for byte and sends no second email.
 */
const running = useServerWithSink();

const JULES = { kind: 'password', fields: { login: 'jules.marchand' } } as const;
const NOBODY = { kind: 'password', fields: { login: 'personne.inconnue' } } as const;
const CLAIRE = { kind: 'identifier', email: 'claire.morel@example.org', fields: { childBirthDate: '2012-02-17' } } as const;
const HELP = {
  topic: 'mot-de-passe-perdu',
  name: 'Sophie Lemaire',
  email: 'sophie.lemaire@example.org',
  phone: '06 12 34 56 78',
  message: 'Bonjour, je ne retrouve plus le mot de passe de mon compte parent.',
};
const SCHOOL = 'aide-parents@ent77.example';
/** A box of the right shape that opens under no key: the body passes the schema, so only the header is at fault. */
const SEALED = { alg: 'X25519-HKDF-SHA256-A256GCM', epk: 'A'.repeat(43), iv: 'A'.repeat(16), ct: 'A'.repeat(40) };

function rows(server: ServerHarness, table: 'recoveries' | 'help_requests'): number {
  return server.readDatabase((db) => (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n);
}

/**
 * Every mail received once a later, awaited one has arrived: the help request's mail goes out
 * before its answer, after any mail an earlier request would have started.
 */
async function mailsBeforeBarrier(): Promise<ReceivedMail[]> {
  const { server, sink } = running();
  const barrier = await submitHelp(server, 'ent77-college', { ...HELP, message: 'barrière de test' });
  expect(barrier.status).toBe(201);
  await sink.waitFor((mail) => mail.text.includes('barrière de test'));
  return sink.messages.filter((mail) => !mail.text.includes('barrière de test'));
}

function expectKeyReuse(answer: HttpAnswer): void {
  expect(answer.status).toBe(422);
  expect(answer.body.error).toEqual({ code: 'INVALID_INPUT', fields: [{ key: 'idempotencyKey', reason: 'unknown' }] });
}

describe('POST /v1/recoveries with an Idempotency-Key', () => {
  it('answers a retried password request the same, with one reset email and one recovery', async () => {
    const { server, sink } = running();
    const key = newKey();
    const first = await requestRecovery(server, 'ent77-college', JULES, key);
    const code = resetCodeOf(await sink.waitFor((mail) => mail.to.includes('jules.marchand@example.org')));
    const retry = await requestRecovery(server, 'ent77-college', JULES, key);
    expect(first.status).toBe(202);
    expect(retry.status).toBe(202);
    expect(retry.text).toBe(first.text);
    expect((await mailsBeforeBarrier()).map((mail) => mail.to)).toEqual([['jules.marchand@example.org']]);
    expect(rows(server, 'recoveries')).toBe(1);
    // The one code mailed belongs to the one id both answers gave.
    expect((await resetPassword(server, String(first.body['recoveryId']), code, 'Velo-Rouge-42')).status).toBe(200);
  });

  it('replays an unknown person\'s answer exactly as a known person\'s: same status, same shape, same id', async () => {
    const { server } = running();
    const answers: Record<string, HttpAnswer[]> = {};
    for (const [who, secret] of [['known', JULES], ['unknown', NOBODY]] as const) {
      const key = newKey();
      answers[who] = [await requestRecovery(server, 'ent77-college', secret, key), await requestRecovery(server, 'ent77-college', secret, key)];
    }
    for (const [first, retry] of Object.values(answers)) {
      expect([first?.status, retry?.status]).toEqual([202, 202]);
      expect(retry?.text).toBe(first?.text);
      expect(Object.keys(retry?.body ?? {}).sort()).toEqual(['recoveryId', 'sentTo']);
      expect(retry?.headers.get('content-type')).toBe(first?.headers.get('content-type'));
    }
    expect(rows(server, 'recoveries')).toBe(2);
    expect((await mailsBeforeBarrier()).map((mail) => mail.to)).toEqual([['jules.marchand@example.org']]);
  });

  it('answers a retried identifier request the same, with one reminder', async () => {
    const { server, sink } = running();
    const key = newKey();
    const first = await requestRecovery(server, 'parents-scolarite', CLAIRE, key);
    await sink.waitFor((mail) => mail.to.includes(CLAIRE.email));
    const retry = await requestRecovery(server, 'parents-scolarite', CLAIRE, key);
    expect(retry.status).toBe(202);
    expect(retry.text).toBe(first.text);
    expect((await mailsBeforeBarrier()).map((mail) => mail.to)).toEqual([[CLAIRE.email]]);
  });

  it('refuses the key reused for another request (422), and a missing or malformed key (400), sending nothing', async () => {
    const { server } = running();
    const key = newKey();
    expect((await requestRecovery(server, 'ent77-college', NOBODY, key)).status).toBe(202);
    expectKeyReuse(await requestRecovery(server, 'ent77-college', JULES, key));
    for (const headers of [{}, { 'idempotency-key': 'short' }] as Record<string, string>[]) {
      const answer = await server.request('POST', '/v1/recoveries', { body: { profileId: 'ent77-college', sealed: SEALED }, headers });
      expect(answer.status).toBe(400);
      expect(answer.body.error?.fields?.map((field) => field.key)).toEqual(['idempotencyKey']);
    }
    expect(await mailsBeforeBarrier()).toEqual([]);
  });
});

describe('POST /v1/recoveries/:recoveryId/reset with an Idempotency-Key', () => {
  it('answers a retried reset the same and resets once; the key cannot carry another password', async () => {
    const { server, sink } = running();
    const asked = await requestRecovery(server, 'ent77-college', JULES);
    const recoveryId = String(asked.body['recoveryId']);
    const code = resetCodeOf(await sink.waitFor((mail) => mail.to.includes('jules.marchand@example.org')));
    const key = newKey();
    const first = await resetPassword(server, recoveryId, code, 'Velo-Rouge-42', key);
    const retry = await resetPassword(server, recoveryId, code, 'Velo-Rouge-42', key);
    expect(first.status).toBe(200);
    expect(retry.status).toBe(200);
    expect(retry.text).toBe(first.text);
    expectKeyReuse(await resetPassword(server, recoveryId, code, 'Autre-Mot-99', key));
    const active = server.readDatabase((db) => db.prepare(`SELECT COUNT(*) AS n FROM activations WHERE state = 'active'`).get());
    expect(active).toEqual({ n: 1 });
    expect((await mailsBeforeBarrier()).map((mail) => mail.to)).toEqual([['jules.marchand@example.org']]);
  });

  it('needs the header', async () => {
    const { server } = running();
    const answer = await server.request('POST', '/v1/recoveries/AAAAAAAAAAAAAAAAAAAAAA/reset', { body: { sealed: SEALED } });
    expect(answer.status).toBe(400);
    expect(answer.body.error?.fields?.map((field) => field.key)).toEqual(['idempotencyKey']);
  });
});

describe('POST /v1/help-requests with an Idempotency-Key', () => {
  it('answers a re-delivered request with the first reference, even after a restart, and mails the school once', async () => {
    const { server, sink } = running();
    const key = newKey();
    const first = await submitHelp(server, 'ent77-college', HELP, key);
    expect(first.status).toBe(201);
    const retry = await submitHelp(server, 'ent77-college', HELP, key);
    await server.restart();
    const afterRestart = await submitHelp(server, 'ent77-college', HELP, key);
    expect([retry.status, afterRestart.status]).toEqual([201, 201]);
    expect(retry.text).toBe(first.text);
    expect(afterRestart.text).toBe(first.text);
    // The school's mail is sent before the answer: what the sink holds now is all there is.
    expect(sink.messages.map((mail) => mail.to)).toEqual([[SCHOOL]]);
    expect(rows(server, 'help_requests')).toBe(1);
  });

  it('refuses the key reused for another message (422) and a request without a key (400)', async () => {
    const { server, sink } = running();
    const key = newKey();
    expect((await submitHelp(server, 'ent77-college', HELP, key)).status).toBe(201);
    expectKeyReuse(await submitHelp(server, 'ent77-college', { ...HELP, message: 'Un autre message.' }, key));
    const missing = await server.request('POST', '/v1/help-requests', { body: { profileId: 'ent77-college', sealed: SEALED } });
    expect(missing.status).toBe(400);
    expect(missing.body.error?.fields?.map((field) => field.key)).toEqual(['idempotencyKey']);
    expect(sink.messages).toHaveLength(1);
    expect(rows(server, 'help_requests')).toBe(1);
  });
});
