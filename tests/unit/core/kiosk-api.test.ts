import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createKioskCore, type KioskCore } from '../../../electron/core/create-kiosk-core';
import { guardAll } from '../../../electron/core/kiosk-api';
import { KIOSK_METHODS, type KioskEvent, type KioskHandlers } from '../../../shared/contract/kiosk-api';
import { cergyProfile } from './support/cergy-profile';
import { closedPort } from './support/closed-port';
import { FakeClock } from './support/fake-clock';
import { makeTempFolder } from './support/temp-folder';
import { terminalConfigFor } from './support/terminal-config';

const identity = { lastName: 'Dupont', firstName: 'Léa', birthDate: '2006-03-14', studentNumber: '21000001' };
let folder: ReturnType<typeof makeTempFolder>;
let core: KioskCore;
let clock: FakeClock;
let events: KioskEvent[];

beforeEach(async () => {
  folder = makeTempFolder();
  clock = new FakeClock();
  const config = terminalConfigFor({ url: `http://127.0.0.1:${await closedPort()}`, token: 't'.repeat(40) }, { timeoutS: 60, warningS: 10 });
  const otherProfile = { ...cergyProfile(), id: 'um-etudiant' };
  core = await createKioskCore({ dataDir: folder.path, config, profiles: [cergyProfile(), otherProfile], clock });
  events = [];
  core.subscribe((event) => events.push(event));
});
afterEach(async () => {
  await core.close();
  folder.remove();
});

describe('kiosk handlers guards', () => {
  it('describes the terminal with only its enabled profiles, offline', async () => {
    const described = await core.handlers['terminal.describe']({});
    expect(described).toEqual({ ok: true, value: {
      terminalId: 'borne-test', mode: 'shared', locale: 'fr', idle: { timeoutS: 60, warningS: 10 }, online: false, quality: 'offline',
      staffEnabled: false, group: null,
      profiles: [{
        id: 'cergy-etudiant', title: cergyProfile().title, institution: cergyProfile().institution.name, persona: cergyProfile().persona,
        identityFields: cergyProfile().identity.fields,
      }],
    } });
  });

  it('answers NO_SESSION to every session-bound call without a session', async () => {
    expect(await core.handlers['session.activity']({})).toEqual({ ok: false, error: { code: 'NO_SESSION' } });
    expect(await core.handlers['activation.lookup']({ identity })).toEqual({ ok: false, error: { code: 'NO_SESSION' } });
    expect(await core.handlers['activation.submit']({})).toEqual({ ok: false, error: { code: 'NO_SESSION' } });
    expect(await core.handlers['activation.confirmPassword']({ typed: 'Ab3dEf7h' })).toEqual({ ok: false, error: { code: 'NO_SESSION' } });
    expect(await core.handlers['password.check']({ candidate: 'Ab3dEf7h' })).toEqual({ ok: false, error: { code: 'NO_SESSION' } });
    const choice = { password: 'Ab3dEf7h', confirmation: 'Ab3dEf7h', termsAccepted: true, locale: 'fr' as const };
    expect(await core.handlers['activation.choose'](choice)).toEqual({ ok: false, error: { code: 'NO_SESSION' } });
    expect(await core.handlers['activation.confirmEmail']({ code: 'K7P-4QX' })).toEqual({ ok: false, error: { code: 'NO_SESSION' } });
    expect(await core.handlers['activation.resendEmail']({})).toEqual({ ok: false, error: { code: 'NO_SESSION' } });
  });

  it('starts only enabled profiles', async () => {
    expect(await core.handlers['session.start']({ profileId: 'nope' })).toEqual({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await core.handlers['session.start']({ profileId: 'um-etudiant' })).toEqual({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await core.handlers['session.start']({ profileId: 'cergy-etudiant' })).toEqual({ ok: true, value: { profile: cergyProfile() } });
  });

  it('pushes the idle deadline back on activity, by the fake clock', async () => {
    await core.handlers['session.start']({ profileId: 'cergy-etudiant' });
    clock.advance(30_000);
    expect(await core.handlers['session.activity']({})).toEqual({ ok: true, value: { idleDeadline: new Date(clock.now() + 60_000).toISOString() } });
    clock.advance(59_999);
    expect(events.filter((event) => event.type === 'session.ended')).toEqual([]);
    clock.advance(1);
    expect(events.at(-1)).toEqual({ type: 'session.ended', reason: 'idle' });
    expect(await core.handlers['session.activity']({})).toEqual({ ok: false, error: { code: 'NO_SESSION' } });
  });

  it('names the bad identity fields without asking the server', async () => {
    await core.handlers['session.start']({ profileId: 'cergy-etudiant' });
    const result = await core.handlers['activation.lookup']({ identity: { ...identity, lastName: 'R2-D2', extra: 'x' } });
    expect(result).toEqual({ ok: false, error: { code: 'INVALID_INPUT', fields: [{ key: 'lastName', reason: 'format' }, { key: '(root)', reason: 'unknown' }] } });
  });

  it('answers OFFLINE to a valid lookup when nothing listens, and refuses submit and confirm', async () => {
    await core.handlers['session.start']({ profileId: 'cergy-etudiant' });
    expect(await core.handlers['activation.lookup']({ identity })).toEqual({ ok: false, error: { code: 'OFFLINE' } });
    expect(await core.handlers['activation.submit']({})).toEqual({ ok: false, error: { code: 'NO_SESSION' } });
    expect(await core.handlers['activation.confirmPassword']({ typed: 'Ab3dEf7h' })).toEqual({ ok: false, error: { code: 'NO_SESSION' } });
  });

  it('ends idempotently, wiping and saying so each time', async () => {
    // The core's own timers (the heartbeat's next beat) outlive sessions; none of the session's may.
    const coreTimers = clock.pendingTimers;
    await core.handlers['session.start']({ profileId: 'cergy-etudiant' });
    expect(await core.handlers['session.end']({ reason: 'finished' })).toEqual({ ok: true, value: { wiped: true } });
    expect(await core.handlers['session.end']({ reason: 'finished' })).toEqual({ ok: true, value: { wiped: true } });
    expect(events).toEqual([{ type: 'session.ended', reason: 'finished' }, { type: 'session.ended', reason: 'finished' }]);
    expect(clock.pendingTimers).toBe(coreTimers);
  });
});

describe('guardAll', () => {
  it('turns any exception into INTERNAL for every method, logging no message text', async () => {
    const throwing = Object.fromEntries(KIOSK_METHODS.map((method) => [method, () => Promise.reject(new Error('Dupont 21000001'))])) as unknown as KioskHandlers;
    const guarded = guardAll(throwing);
    const logged = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    for (const method of KIOSK_METHODS) {
      expect(await (guarded[method] as (input: unknown) => Promise<unknown>)({})).toEqual({ ok: false, error: { code: 'INTERNAL' } });
    }
    const lines = logged.mock.calls.map((call) => String(call[0]));
    logged.mockRestore();
    expect(lines).toHaveLength(KIOSK_METHODS.length);
    expect(lines.join('\n')).not.toMatch(/Dupont|21000001/);
  });
});
