import { describe, expect, it } from 'vitest';
import { demoPerson } from './helpers/demo-person';
import { newKey, useServerHarness } from './helpers/server-harness';

const harness = useServerHarness();

async function activation(identity = demoPerson('eligible')) {
  const answer = await harness().activate(identity, newKey());
  expect(answer.status).toBe(201);
  return { id: String(answer.body['activationId']), password: String(answer.body['password']) };
}

describe('POST /v1/activations/:id/confirmation', () => {
  it('activates with the right password, then the person is ALREADY_ACTIVE', async () => {
    const { id, password } = await activation();
    const answer = await harness().confirm(id, password, newKey());
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ state: 'active', activatedAt: '2026-09-15T08:00:00.000Z' });
    expect((await harness().lookup(demoPerson('eligible'))).body.error?.code).toBe('ALREADY_ACTIVE');
    expect((await harness().activate(demoPerson('eligible'), newKey())).body.error?.code).toBe('ALREADY_ACTIVE');
  });

  it('confirming the same activation again succeeds with the same instant', async () => {
    const { id, password } = await activation();
    const first = await harness().confirm(id, password, newKey());
    harness().clock.advance(60_000);
    const again = await harness().confirm(id, password, newKey());
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
  });

  it('refuses a wrong password with PASSWORD_MISMATCH and stays pending', async () => {
    const { id, password } = await activation();
    const wrong = await harness().confirm(id, password.replace(/.$/, (char) => (char === 'a' ? 'b' : 'a')), newKey());
    expect(wrong.status).toBe(422);
    expect(wrong.body.error?.code).toBe('PASSWORD_MISMATCH');
    expect((await harness().confirm(id, password, newKey())).status).toBe(200);
  });

  it('a newer activation supersedes the older one (410 CODE_EXPIRED)', async () => {
    const older = await activation();
    const newer = await activation();
    expect((await harness().confirm(older.id, older.password, newKey())).body.error?.code).toBe('CODE_EXPIRED');
    expect((await harness().confirm(older.id, older.password, newKey())).status).toBe(410);
    expect((await harness().confirm(newer.id, newer.password, newKey())).status).toBe(200);
  });

  it('expires after 7 days', async () => {
    const { id, password } = await activation();
    harness().clock.advance(7 * 24 * 3_600_000);
    const answer = await harness().confirm(id, password, newKey());
    expect(answer.status).toBe(410);
    expect(answer.body.error?.code).toBe('CODE_EXPIRED');
  });

  it('an unknown activation is NOT_FOUND', async () => {
    const answer = await harness().confirm('AAAAAAAAAAAAAAAAAAAAAA', 'Aa2Bb3Cc', newKey());
    expect(answer.status).toBe(404);
    expect(answer.body.error?.code).toBe('NOT_FOUND');
  });
});
