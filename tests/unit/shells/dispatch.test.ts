import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKioskCore, loadProfiles } from '../../../electron/core';
import type { KioskCore } from '../../../electron/core';
import { dispatchKioskCall } from '../../../electron/embedded/dispatch';
import { KIOSK_METHODS } from '../../../shared/contract/kiosk-api';

/**
 * The one dispatch both transports share, in front of a real core (its server unreachable, so
 * nothing here needs the network): whatever a page sends, the answer is a Result with a code.
 */
let dataDir: string;
let core: KioskCore;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'sesame-dispatch-'));
  core = await createKioskCore({
    dataDir,
    profiles: loadProfiles(resolve('resources/profiles')),
    config: {
      terminalId: 'borne-test',
      mode: 'shared',
      locale: 'fr',
      profiles: ['cergy-etudiant'],
      idle: { timeoutS: 90, warningS: 20 },
      staff: { lockAfterS: 120 },
      // Port 9 (discard) on loopback: refused at once, so the core starts offline.
      server: { url: 'http://127.0.0.1:9', token: 'x'.repeat(40) },
    },
  });
});

afterAll(async () => {
  await core.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('dispatchKioskCall', () => {
  it('reaches core for a well-formed call', async () => {
    const result = await dispatchKioskCall(core.handlers, 'terminal.describe', {});
    expect(result).toMatchObject({ ok: true, value: { terminalId: 'borne-test', mode: 'shared', online: false } });
  });

  it.each([
    'terminal.destroy',
    '',
    '__proto__',
    'constructor',
    'toString',
    'hasOwnProperty',
    'Terminal.Describe',
    'terminal.describe ',
    42,
    null,
    undefined,
    { method: 'terminal.describe' },
    ['terminal.describe'],
  ])('answers NOT_FOUND for the unknown method %j', async (method) => {
    expect(await dispatchKioskCall(core.handlers, method, {})).toEqual({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it.each([
    ['a string', 'session.start', 'cergy-etudiant', '(root)'],
    ['null', 'session.start', null, '(root)'],
    ['an array', 'session.end', ['finished'], '(root)'],
    ['a number for a string', 'session.start', { profileId: 42 }, 'profileId'],
    ['a huge string', 'session.start', { profileId: 'x'.repeat(1_000_000) }, 'profileId'],
    ['an unknown reason', 'session.end', { reason: 'hacked' }, 'reason'],
    ['an extra key', 'terminal.describe', { admin: true }, '(root)'],
    ['a huge typed password', 'activation.confirmPassword', { typed: 'A'.repeat(100_000) }, 'typed'],
    ['an identity of the wrong shape', 'activation.lookup', { identity: 'Dupont' }, 'identity'],
  ])('refuses %s with INVALID_INPUT naming the field', async (_name, method, input, key) => {
    const result = await dispatchKioskCall(core.handlers, method, input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('INVALID_INPUT');
    expect(result.error.fields?.map((field) => field.key)).toContain(key);
    // Never the value back: a refusal names the field, not what was typed in it.
    expect(JSON.stringify(result)).not.toContain('xxxxxxxxxx');
  });

  it('refuses prototype-pollution keys and leaves Object.prototype alone', async () => {
    for (const payload of ['{"__proto__":{"polluted":true}}', '{"constructor":{"prototype":{"polluted":true}}}']) {
      const result = await dispatchKioskCall(core.handlers, 'terminal.describe', JSON.parse(payload));
      expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    }
    const start = await dispatchKioskCall(core.handlers, 'session.start', JSON.parse('{"profileId":"cergy-etudiant","__proto__":{"polluted":true}}'));
    expect(start).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('passes core refusals through as values', async () => {
    expect(await dispatchKioskCall(core.handlers, 'session.activity', {})).toMatchObject({ ok: false, error: { code: 'NO_SESSION' } });
    expect(await dispatchKioskCall(core.handlers, 'session.start', { profileId: 'nowhere' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('turns a handler that throws into INTERNAL without its message', async () => {
    const handlers = {
      ...core.handlers,
      'terminal.describe': () => Promise.reject(new Error('secret 21000001 leaked')),
    };
    const result = await dispatchKioskCall(handlers, 'terminal.describe', {});
    expect(result).toEqual({ ok: false, error: { code: 'INTERNAL' } });
  });

  it('binds every method of the contract', async () => {
    for (const method of KIOSK_METHODS) {
      const result = await dispatchKioskCall(core.handlers, method, 'not an object');
      expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    }
  });
});
