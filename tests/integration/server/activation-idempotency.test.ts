import { describe, expect, it } from 'vitest';
import { isWellFormedGeneratedPassword } from '../../../shared/policies/generated-password';
import { ActivationResponseSchema } from '../../../shared/contract/enrollment-api';
import { demoPerson } from './helpers/demo-person';
import { newKey, useServerHarness } from './helpers/server-harness';

const harness = useServerHarness();

describe('POST /v1/activations', () => {
  it('generates a well-formed password, the login and the address', async () => {
    const answer = await harness().activate(demoPerson('eligible', 1), newKey());
    expect(answer.status).toBe(201);
    const body = ActivationResponseSchema.parse(answer.body);
    expect(isWellFormedGeneratedPassword(body.password, 8)).toBe(true);
    expect(body.login).toBe('e21000002');
    expect(body.email).toBe('zoe-helene.nguessan-lefevre@etu.u-cergy.fr');
    expect(body.expiresAt).toBe('2026-09-22T08:00:00.000Z');
  });

  it('answers a retry with the same key byte for byte, and applies it once', async () => {
    const key = newKey();
    const identity = demoPerson('eligible');
    const first = await harness().activate(identity, key);
    const retry = await harness().activate(identity, key);
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.text).toBe(first.text);
    expect(await harness().activationRows()).toBe(1);
  });

  it('survives a restart: the retry after it still gets the same answer', async () => {
    const key = newKey();
    const identity = demoPerson('eligible');
    const first = await harness().activate(identity, key);
    await harness().restart();
    expect((await harness().activate(identity, key)).text).toBe(first.text);
  });

  it('two concurrent requests with one key make one activation and one answer', async () => {
    const key = newKey();
    const identity = demoPerson('eligible');
    const answers = await Promise.all([harness().activate(identity, key), harness().activate(identity, key), harness().activate(identity, key)]);
    expect(answers.map((answer) => answer.status)).toEqual([201, 201, 201]);
    expect(new Set(answers.map((answer) => answer.text)).size).toBe(1);
    expect(await harness().activationRows()).toBe(1);
  });

  it('refuses the same key with another request (422 INVALID_INPUT)', async () => {
    const key = newKey();
    await harness().activate(demoPerson('eligible'), key);
    const other = await harness().activate(demoPerson('eligible', 1), key);
    expect(other.status).toBe(422);
    expect(other.body.error?.code).toBe('INVALID_INPUT');
    expect(await harness().activationRows()).toBe(1);
  });

  it('needs a well-formed Idempotency-Key', async () => {
    const answer = await harness().request('POST', '/v1/activations', { body: { profileId: 'cergy-etudiant', sealed: {} }, headers: { 'idempotency-key': 'short' } });
    expect(answer.status).toBe(400);
    expect(answer.body.error?.code).toBe('INVALID_INPUT');
    const missing = await harness().request('POST', '/v1/activations', { body: { profileId: 'cergy-etudiant', sealed: {} } });
    expect(missing.body.error?.fields?.some((field) => field.key === 'idempotencyKey' || field.key.startsWith('sealed'))).toBe(true);
  });

  it('re-checks eligibility: no password for an unpaid or already active enrollment', async () => {
    expect((await harness().activate(demoPerson('PAYMENT_PENDING'), newKey())).body.error?.code).toBe('PAYMENT_PENDING');
    expect((await harness().activate(demoPerson('ALREADY_ACTIVE'), newKey())).body.error?.code).toBe('ALREADY_ACTIVE');
    expect((await harness().activate(demoPerson('IDENTITY_MISMATCH'), newKey())).body.error?.code).toBe('IDENTITY_MISMATCH');
    expect(await harness().activationRows()).toBe(0);
  });

  it('refuses a box that was not sealed to this server', async () => {
    const answer = await harness().request('POST', '/v1/activations', {
      body: { profileId: 'cergy-etudiant', sealed: { alg: 'X25519-HKDF-SHA256-A256GCM', epk: 'A'.repeat(43), iv: 'A'.repeat(16), ct: 'A'.repeat(40) } },
      headers: { 'idempotency-key': newKey() },
    });
    expect(answer.status).toBe(400);
    expect(answer.body.error).toEqual({ code: 'INVALID_INPUT', fields: [{ key: 'sealed', reason: 'format' }] });
  });
});
