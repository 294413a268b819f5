import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { KioskCore } from '../../../electron/core/create-kiosk-core';
import { makeTempFolder } from '../../unit/core/support/temp-folder';
import { cergyProfile } from '../../unit/core/support/cergy-profile';
import { STAND_IN_OPENS_AT, STAND_IN_PEOPLE, startStandInServer, type StandInServer } from './contract-stand-in-server';
import { identityOf, startCore } from './core-harness';

let folder: ReturnType<typeof makeTempFolder>;
let server: StandInServer;
let core: KioskCore;

beforeEach(async () => {
  folder = makeTempFolder();
  server = await startStandInServer(cergyProfile());
  ({ core } = await startCore(folder.path, server));
  await core.handlers['session.start']({ profileId: 'cergy-etudiant' });
});
afterEach(async () => {
  await core.close();
  await server.stop();
  folder.remove();
});

function person(outcome: string) {
  const found = STAND_IN_PEOPLE.find((candidate) => candidate.outcome === outcome);
  if (!found) throw new Error(outcome);
  return found;
}

describe('activation.lookup against a contract server on 127.0.0.1', () => {
  it('says eligible, matching names case- and accent-insensitively', async () => {
    const eloise = person('eligible');
    const typed = { ...identityOf(eloise), lastName: "n'diaye-lefevre", firstName: 'ELOISE' };
    expect(await core.handlers['activation.lookup']({ identity: typed })).toEqual({ ok: true, value: { eligible: true } });
  });

  it.each([
    ['PAYMENT_PENDING', {}],
    ['NOT_YET_OPEN', { opensAt: STAND_IN_OPENS_AT }],
    ['ALREADY_ACTIVE', {}],
    ['THROTTLED', { retryAfterS: 60 }],
  ])('passes the server code %s through with its details', async (code, details) => {
    const result = await core.handlers['activation.lookup']({ identity: identityOf(person(code)) });
    expect(result).toEqual({ ok: false, error: { code, ...details } });
  });

  it('passes IDENTITY_MISMATCH through for a name that is not the record', async () => {
    const identity = { ...identityOf(person('eligible')), lastName: 'Dupont' };
    expect(await core.handlers['activation.lookup']({ identity })).toEqual({ ok: false, error: { code: 'IDENTITY_MISMATCH' } });
  });

  it('refuses a malformed identity before asking the server, naming the fields', async () => {
    const before = server.requests.length;
    const identity = { ...identityOf(person('eligible')), studentNumber: '1234', birthDate: '2006-02-30' };
    const result = await core.handlers['activation.lookup']({ identity });
    expect(result).toEqual({ ok: false, error: { code: 'INVALID_INPUT', fields: [
      { key: 'birthDate', reason: 'date' }, { key: 'studentNumber', reason: 'format' },
    ] } });
    expect(server.requests.length).toBe(before);
  });

  it('answers OFFLINE for a 2xx of the wrong shape and for a 503', async () => {
    const identity = identityOf(person('eligible'));
    server.inject('lookups', 'malformed');
    expect(await core.handlers['activation.lookup']({ identity })).toEqual({ ok: false, error: { code: 'OFFLINE' } });
    server.inject('lookups', 'unavailable');
    expect(await core.handlers['activation.lookup']({ identity })).toEqual({ ok: false, error: { code: 'OFFLINE' } });
    expect(await core.handlers['activation.lookup']({ identity })).toEqual({ ok: true, value: { eligible: true } });
  });

  it('answers OFFLINE when the server is down, and describe says offline', async () => {
    expect(await core.handlers['terminal.describe']({})).toMatchObject({ ok: true, value: { online: true } });
    await server.stop();
    expect(await core.handlers['activation.lookup']({ identity: identityOf(person('eligible')) })).toEqual({ ok: false, error: { code: 'OFFLINE' } });
    expect(await core.handlers['terminal.describe']({})).toMatchObject({ ok: true, value: { online: false } });
    await server.restart();
    expect(await core.handlers['terminal.describe']({})).toMatchObject({ ok: true, value: { online: true } });
  });

  it('passes UNAUTHORIZED through when the terminal token is refused', async () => {
    await core.close();
    ({ core } = await startCore(folder.path, { url: server.url, token: 'x'.repeat(40) }));
    await core.handlers['session.start']({ profileId: 'cergy-etudiant' });
    expect(await core.handlers['activation.lookup']({ identity: identityOf(person('eligible')) })).toEqual({ ok: false, error: { code: 'UNAUTHORIZED' } });
  });
});
