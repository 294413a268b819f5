import { describe, expect, it } from 'vitest';
import { demoPerson } from './helpers/demo-person';
import { newKey, useServerHarness } from './helpers/server-harness';

const harness = useServerHarness();

const target = demoPerson('eligible');
const wrong = { ...target, firstName: 'Camilla' };

async function failFiveTimes() {
  for (let attempt = 0; attempt < 5; attempt += 1) expect((await harness().lookup(wrong)).body.error?.code).toBe('IDENTITY_MISMATCH');
}

describe('throttling (LOCKDOWN.md #17)', () => {
  it('refuses the 6th attempt for one identity with retryAfterS and Retry-After, even with the right identity', async () => {
    await failFiveTimes();
    const sixth = await harness().lookup(wrong);
    expect(sixth.status).toBe(429);
    expect(sixth.body.error).toEqual({ code: 'THROTTLED', retryAfterS: 30 });
    expect(sixth.headers.get('retry-after')).toBe('30');
    expect((await harness().lookup(target)).body.error?.code).toBe('THROTTLED');
  });

  it('keeps counting across a server restart on the same data folder', async () => {
    await failFiveTimes();
    await harness().restart();
    expect((await harness().lookup(wrong)).status).toBe(429);
  });

  it('leaves another person on the same terminal unaffected', async () => {
    await failFiveTimes();
    expect((await harness().lookup(demoPerson('eligible', 1))).status).toBe(200);
  });

  it('doubles the delay from 30 s per new failure, and a success resets the counter', async () => {
    await failFiveTimes();
    harness().clock.advance(30_000);
    expect((await harness().lookup(wrong)).body.error?.code).toBe('IDENTITY_MISMATCH');
    expect((await harness().lookup(wrong)).body.error).toEqual({ code: 'THROTTLED', retryAfterS: 60 });
    harness().clock.advance(60_000);
    expect((await harness().lookup(target)).status).toBe(200);
    expect((await harness().lookup(wrong)).body.error?.code).toBe('IDENTITY_MISMATCH');
    expect((await harness().lookup(wrong)).body.error?.code).toBe('IDENTITY_MISMATCH');
  });

  it('caps the delay at 15 minutes and forgets after 15 quiet minutes (no permanent lockout)', async () => {
    await failFiveTimes();
    const waits: number[] = [];
    for (let round = 0; round < 7; round += 1) {
      const wait = (await harness().lookup(wrong)).body.error?.retryAfterS ?? 0;
      waits.push(wait);
      harness().clock.advance(wait * 1000);
      expect((await harness().lookup(wrong)).body.error?.code).toBe('IDENTITY_MISMATCH');
    }
    expect(waits).toEqual([30, 60, 120, 240, 480, 900, 900]);
    harness().clock.advance(900_000 + 15 * 60_000);
    for (let attempt = 0; attempt < 4; attempt += 1) expect((await harness().lookup(wrong)).body.error?.code).toBe('IDENTITY_MISMATCH');
    expect((await harness().lookup(target)).status).toBe(200);
  });

  it('counts wrong confirmation passwords too', async () => {
    const created = await harness().activate(target, newKey());
    const id = String(created.body['activationId']);
    for (let attempt = 0; attempt < 5; attempt += 1) expect((await harness().confirm(id, 'Zz9Zz9Zz', newKey())).body.error?.code).toBe('PASSWORD_MISMATCH');
    const sixth = await harness().confirm(id, String(created.body['password']), newKey());
    expect(sixth.status).toBe(429);
    expect(sixth.body.error?.retryAfterS).toBe(30);
  });

  it('throttles a terminal after 30 failures across many identities', async () => {
    for (let attempt = 0; attempt < 30; attempt += 1) {
      const answer = await harness().lookup({ ...target, studentNumber: String(21_100_000 + attempt) });
      expect(answer.body.error?.code).toBe('IDENTITY_MISMATCH');
    }
    const next = await harness().lookup(demoPerson('eligible', 1));
    expect(next.status).toBe(429);
    expect(next.body.error?.retryAfterS).toBe(30);
  });
});
