import { describe, expect, it } from 'vitest';
import { demoPerson } from './helpers/demo-person';
import { TERMINAL_ID, newKey, useServerHarness } from './helpers/server-harness';
import type { HttpAnswer } from './helpers/server-harness';

const harness = useServerHarness('all');

const person = demoPerson('eligible');
const MEGABYTE = 'A'.repeat(1024 * 1024);

function expectRefused(answer: HttpAnswer, code: string) {
  expect(answer.status).toBeGreaterThanOrEqual(400);
  expect(answer.status).toBeLessThan(500);
  expect(answer.body.error?.code).toBe(code);
  expect(Object.keys(answer.body)).toEqual(['error']);
}

describe('hostile input gets a 4xx with a stable code, never a 500', () => {
  const lookups: [string, unknown][] = [
    ['a number for the identity', { profileId: 'cergy-etudiant', identity: 42 }],
    ['an array for a name', { profileId: 'cergy-etudiant', identity: { ...person, lastName: ['a'] } }],
    ['null everywhere', { profileId: null, identity: null }],
    ['an extra top-level key', { profileId: 'cergy-etudiant', identity: person, admin: true }],
    ['an unknown identity field', { profileId: 'cergy-etudiant', identity: { ...person, role: 'admin' } }],
    ['a SQL-looking name', { profileId: 'cergy-etudiant', identity: { ...person, lastName: "'; DROP TABLE enrollments;--" } }],
    ['a SQL-looking profile id', { profileId: "cergy' OR '1'='1", identity: person }],
    ['a 10,000-character name', { profileId: 'cergy-etudiant', identity: { ...person, lastName: 'a'.repeat(10_000) } }],
    ['a prototype-polluting key', JSON.parse('{"profileId":"cergy-etudiant","identity":{"__proto__":{"x":"1"}}}') as unknown],
  ];
  it.each(lookups)('lookup with %s → INVALID_INPUT', async (_label, body) => {
    expectRefused(await harness().request('POST', '/v1/lookups', { body }), 'INVALID_INPUT');
  });

  it('names the failing field, never its value', async () => {
    const answer = await harness().request('POST', '/v1/lookups', { body: { profileId: 'cergy-etudiant', identity: { ...person, lastName: "'; DROP TABLE enrollments;--" } } });
    expect(answer.body.error?.fields).toEqual([{ key: 'identity.lastName', reason: 'format' }]);
    expect(answer.text).not.toContain('DROP');
  });

  it('a 1 MB string is refused by the body limit', async () => {
    expectRefused(await harness().request('POST', '/v1/lookups', { body: { profileId: 'cergy-etudiant', identity: { ...person, lastName: MEGABYTE } } }), 'INVALID_INPUT');
  });

  it('a 1 MB Idempotency-Key header is refused', async () => {
    const answer = await harness().request('POST', '/v1/activations', { body: { profileId: 'cergy-etudiant', sealed: {} }, headers: { 'idempotency-key': 'k'.repeat(8 * 1024) } });
    expect(answer.status).toBeGreaterThanOrEqual(400);
    expect(answer.status).toBeLessThan(500);
  });

  it.each([
    ['bad JSON', '{"profileId": "cergy-etudiant", identity: }', 'application/json'],
    ['an empty JSON body', '', 'application/json'],
    ['plain text', 'hello', 'text/plain'],
    ['a form', 'profileId=cergy-etudiant', 'application/x-www-form-urlencoded'],
    ['JSON that is a string', '"just a string"', 'application/json'],
  ])('%s → INVALID_INPUT', async (_label, raw, contentType) => {
    expectRefused(await harness().request('POST', '/v1/lookups', { raw, headers: { 'content-type': contentType } }), 'INVALID_INPUT');
  });

  it.each([
    ['no token', null],
    ['an unknown terminal', 'borne-inconnue.aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'],
    ['a wrong secret', 'borne-test.aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'],
    ['garbage', "' OR 1=1 --"],
  ])('%s → 401 UNAUTHORIZED before the body is read', async (_label, token) => {
    const answer = await harness().request('POST', '/v1/lookups', { raw: '{not json', headers: { 'content-type': 'application/json' }, token });
    expect(answer.status).toBe(401);
    expect(answer.body).toEqual({ error: { code: 'UNAUTHORIZED' } });
  });

  it('an activation with a malformed sealed box or wrong activation id → INVALID_INPUT', async () => {
    const headers = { 'idempotency-key': newKey() };
    expectRefused(await harness().request('POST', '/v1/activations', { body: { profileId: 'cergy-etudiant', sealed: { alg: 'none' } }, headers }), 'INVALID_INPUT');
    expectRefused(await harness().request('POST', '/v1/activations/..%2F..%2Fetc/confirmation', { body: { sealed: {} }, headers }), 'INVALID_INPUT');
  });

  it('an unknown route is NOT_FOUND, and the database still answers afterwards', async () => {
    expectRefused(await harness().request('GET', '/v1/enrollments'), 'NOT_FOUND');
    expect((await harness().lookup(person)).status).toBe(200);
  });

  // Last: it revokes the file's shared terminal.
  it('a revoked terminal gets 401 UNAUTHORIZED', async () => {
    expect((await harness().lookup(person)).status).toBe(200);
    await harness().withStore((store) => store.terminals.revokeTerminal(TERMINAL_ID, new Date().toISOString()));
    const answer = await harness().lookup(person);
    expect(answer.status).toBe(401);
    expect(answer.body).toEqual({ error: { code: 'UNAUTHORIZED' } });
  });
});
