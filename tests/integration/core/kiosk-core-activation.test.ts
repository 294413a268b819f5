import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { KioskCore } from '../../../electron/core/create-kiosk-core';
import { REFERENCE_PATTERN } from '../../../electron/core/sync/submission-identifiers';
import type { KioskEvent } from '../../../shared/contract/kiosk-api';
import { cergyProfile } from '../../unit/core/support/cergy-profile';
import { makeTempFolder } from '../../unit/core/support/temp-folder';
import { STAND_IN_PEOPLE, startStandInServer, type StandInServer } from './contract-stand-in-server';
import { identityOf, outboxRows, startCore, storeBytes, until } from './core-harness';

const eloise = STAND_IN_PEOPLE[0] ?? raise('no eligible stand-in person');
let folder: ReturnType<typeof makeTempFolder>;
let server: StandInServer;
let core: KioskCore;
let events: KioskEvent[];

beforeEach(async () => {
  folder = makeTempFolder();
  server = await startStandInServer(cergyProfile());
  ({ core, events } = await startCore(folder.path, server));
});
afterEach(async () => {
  await core.close();
  await server.stop();
  folder.remove();
});

/** Session, eligible lookup, submit: the password the server generated. */
async function submitEligible(): Promise<{ login: string; email: string; password: string }> {
  await core.handlers['session.start']({ profileId: 'cergy-etudiant' });
  expect(await core.handlers['activation.lookup']({ identity: identityOf(eloise) })).toMatchObject({ ok: true });
  const submitted = await core.handlers['activation.submit']({});
  if (!submitted.ok) throw new Error(`submit failed: ${submitted.error.code}`);
  return submitted.value;
}

function raise(message: string): never {
  throw new Error(message);
}

/** The one activation the stand-in server created. */
function soleActivation() {
  const all = [...server.activations.entries()];
  if (all.length !== 1) raise(`expected one activation, found ${all.length}`);
  return all[0] ?? raise('unreachable');
}

function routeRequests(route: string) {
  return server.requests.filter((request) => request.route === route);
}

describe('activation.submit', () => {
  it('returns the generated password, sealed on the way and dropped from the outbox once delivered', async () => {
    const value = await submitEligible();
    const [activationId, stored] = soleActivation();
    expect(value).toEqual({ login: 'e21000001', email: 'eloise.ndiayelefevre@etu.u-cergy.fr', password: stored.password });
    expect(activationId).toMatch(/^act_/);
    expect(routeRequests('activations')[0]?.body).not.toContain(eloise.studentNumber);
    expect(outboxRows(folder.path)).toMatchObject([{ kind: 'activation', state: 'delivered', sealed_json: null }]);
  });

  it('retries with the same idempotency key after a dropped response: one activation, one answer', async () => {
    server.inject('activations', 'drop');
    server.inject('activations', 'unavailable');
    const value = await submitEligible();
    const sent = routeRequests('activations');
    expect(sent).toHaveLength(3);
    expect(new Set(sent.map((request) => request.idempotencyKey)).size).toBe(1);
    expect(new Set(sent.map((request) => request.body)).size).toBe(1);
    expect(server.activations.size).toBe(1);
    expect(value.password).toBe(soleActivation()[1].password);
  });

  it('answers OFFLINE while the server is down and lets the unsent activation expire', async () => {
    await core.handlers['session.start']({ profileId: 'cergy-etudiant' });
    expect(await core.handlers['activation.lookup']({ identity: identityOf(eloise) })).toMatchObject({ ok: true });
    await server.stop();
    expect(await core.handlers['activation.submit']({})).toEqual({ ok: false, error: { code: 'OFFLINE' } });
    expect(outboxRows(folder.path)).toMatchObject([{ kind: 'activation', state: 'expired', sealed_json: null, last_error_code: 'OFFLINE' }]);
  });

  it('is refused without an eligible lookup, and after the session ended', async () => {
    await core.handlers['session.start']({ profileId: 'cergy-etudiant' });
    expect(await core.handlers['activation.submit']({})).toEqual({ ok: false, error: { code: 'NO_SESSION' } });
    await core.handlers['activation.lookup']({ identity: identityOf(eloise) });
    await core.handlers['session.end']({ reason: 'cancelled' });
    expect(await core.handlers['activation.submit']({})).toEqual({ ok: false, error: { code: 'NO_SESSION' } });
    expect(routeRequests('activations')).toHaveLength(0);
  });
});

describe('activation.confirmPassword', () => {
  it('refuses a mistyped copy locally, then activates with the right one', async () => {
    const { password } = await submitEligible();
    const typo = password.slice(0, -1) + (password.endsWith('A') ? 'B' : 'A');
    expect(await core.handlers['activation.confirmPassword']({ typed: typo })).toEqual({ ok: false, error: { code: 'PASSWORD_MISMATCH' } });
    expect(routeRequests('confirmation')).toHaveLength(0);
    const confirmed = await core.handlers['activation.confirmPassword']({ typed: password });
    expect(confirmed).toMatchObject({ ok: true, value: { state: 'active' } });
    expect(confirmed.ok && confirmed.value.reference).toMatch(REFERENCE_PATTERN);
    expect(soleActivation()[1]).toMatchObject({ state: 'active', confirmations: 1 });
  });

  it('queues the confirmation while the server is down and delivers it exactly once when it is back', async () => {
    const { password } = await submitEligible();
    await server.stop();
    const queued = await core.handlers['activation.confirmPassword']({ typed: password });
    expect(queued).toMatchObject({ ok: true, value: { state: 'pending' } });
    expect(events).toContainEqual({ type: 'sync.state', online: false, quality: 'offline', pending: 1 });
    await server.restart();
    await until(() => events.some((event) => event.type === 'sync.state' && event.pending === 0));
    const [, activation] = soleActivation();
    expect(activation).toMatchObject({ state: 'active', confirmations: 1 });
    expect(new Set(routeRequests('confirmation').map((request) => request.idempotencyKey)).size).toBe(1);
    expect(outboxRows(folder.path).at(-1)).toMatchObject({ kind: 'confirmation', state: 'delivered', sealed_json: null });
    expect(await core.handlers['activation.confirmPassword']({ typed: password })).toEqual({ ok: true, value: { state: 'active', reference: queued.ok && queued.value.reference } });
  });

  it('delivers a confirmation left pending by a core that was closed, once a new core starts', async () => {
    const { password } = await submitEligible();
    await server.stop();
    expect(await core.handlers['activation.confirmPassword']({ typed: password })).toMatchObject({ ok: true, value: { state: 'pending' } });
    await core.close();
    await server.restart();
    ({ core, events } = await startCore(folder.path, server));
    const [, activation] = soleActivation();
    await until(() => activation.confirmations === 1);
    await until(() => outboxRows(folder.path).at(-1)?.state === 'delivered');
    expect(activation.state).toBe('active');
  });

  it('never writes the password, the student number, the name or the birth date to the store', async () => {
    const { password } = await submitEligible();
    await server.stop();
    await core.handlers['activation.confirmPassword']({ typed: password });
    await server.restart();
    await until(() => outboxRows(folder.path).every((row) => row.state !== 'pending'));
    const secrets = [password, eloise.studentNumber, eloise.birthDate, 'Diaye', 'Lef', 'Élo'];
    for (const bytes of [storeBytes(folder.path), (await core.close(), storeBytes(folder.path))]) {
      for (const secret of secrets) {
        expect(bytes.includes(secret) || bytes.includes(Buffer.from(secret, 'utf8').toString('latin1'))).toBe(false);
      }
    }
  });
});
