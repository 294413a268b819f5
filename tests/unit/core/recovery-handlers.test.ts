import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { KioskInput } from '../../../shared/contract/kiosk-api';
import { ProfileSchema, type Profile } from '../../../shared/schemas/profile-schema';
import { storeBytes } from '../../integration/core/core-harness';
import { loadProfile } from './support/chosen-rig';
import { startHelpRig, type HelpRig } from './support/help-rig';

/**
 * "Identifiant oublié" / "Mot de passe oublié" (parents-scolarite seed) in the kiosk back end:
 * the order of the checks, what is refused before anything leaves, what is sealed, the live
 * checklist on the reset screen, double taps, the server down, and the wipe. The stand-in opens
 * the sealed bodies so each test sees exactly what left the kiosk.
 */
const parents = ProfileSchema.parse({ ...loadProfile('parents-scolarite'), recovery: { password: { fields: ['login'] }, identifier: { fields: ['childBirthDate'] } } });
const passwordOnly: Profile = ProfileSchema.parse({ ...loadProfile('ent77-college'), recovery: { password: { fields: ['login'] } } });
const NO_SESSION = { ok: false, error: { code: 'NO_SESSION' } };
const NEW_PASSWORD = 'Tq7vLp2Wnx';

let folder: HelpRig['folder'];
let server: HelpRig['server'];
let rig: HelpRig['rig'];
let close: HelpRig['close'];

beforeEach(async () => {
  ({ folder, server, rig, close } = await startHelpRig());
});
afterEach(() => close());

function forgotPassword(overrides: Partial<KioskInput<'recovery.request'>> = {}): KioskInput<'recovery.request'> {
  return { kind: 'password', fields: { login: ' C.Dupont12 ' }, locale: 'fr', ...overrides };
}

function reset(overrides: Partial<KioskInput<'recovery.reset'>> = {}): KioskInput<'recovery.reset'> {
  return { code: 'k7p-4qx', password: NEW_PASSWORD, confirmation: NEW_PASSWORD, ...overrides };
}

async function passwordRecoveryHeld(): Promise<void> {
  rig.sessions.start(parents);
  expect(await rig.handlers['recovery.request'](forgotPassword())).toEqual({ ok: true, value: { sentTo: 'p***@example.org' } });
}

describe('without a session, or without the recovery in the profile', () => {
  it('answers NO_SESSION to both calls, sending nothing', async () => {
    expect(await rig.handlers['recovery.request'](forgotPassword())).toEqual(NO_SESSION);
    expect(await rig.handlers['recovery.reset'](reset())).toEqual(NO_SESSION);
    expect(server.attempts).toEqual([]);
  });

  it('refuses a kind the profile does not offer with INVALID_INPUT, before looking at the fields', async () => {
    rig.sessions.start(loadProfile('um-etudiant'));
    expect(await rig.handlers['recovery.request'](forgotPassword())).toEqual({ ok: false, error: { code: 'INVALID_INPUT' } });
    rig.sessions.start(passwordOnly);
    expect(await rig.handlers['recovery.request'](forgotPassword({ kind: 'identifier', fields: {}, email: 'x' }))).toEqual({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(server.attempts).toEqual([]);
  });

  it('needs a password recovery held in this session to reset', async () => {
    rig.sessions.start(parents);
    expect(await rig.handlers['recovery.reset'](reset())).toEqual(NO_SESSION);
    expect(await rig.handlers['recovery.request'](forgotPassword({ kind: 'identifier', fields: { childBirthDate: '2014-05-17' }, email: 'parent@example.org' })))
      .toMatchObject({ ok: true });
    expect(await rig.handlers['recovery.reset'](reset())).toEqual(NO_SESSION);
    expect(server.attempts.map((attempt) => attempt.route)).toEqual(['recoveries']);
  });
});

describe('recovery.request field checks, like the identity form, before anything is sent', () => {
  beforeEach(() => rig.sessions.start(parents));

  it.each<[string, Partial<KioskInput<'recovery.request'>>, unknown]>([
    ['no field at all', { fields: {} }, [{ key: 'login', reason: 'required' }]],
    ['an identifier that is not one', { fields: { login: 'c dupont;--' } }, [{ key: 'login', reason: 'format' }]],
    // Reported at the root, as the identity form reports an extra key (shared parseWith).
    ['a field the recovery does not ask for (the letter password)', { fields: { login: 'c.dupont12', letterPassword: 'x' } }, [{ key: '(root)', reason: 'unknown' }]],
    ['an email with a password recovery (it goes to the address on file)', { email: 'parent@example.org' }, [{ key: 'email', reason: 'unknown' }]],
    ['a forgotten identifier without the email', { kind: 'identifier', fields: { childBirthDate: '2014-05-17' }, email: '  ' }, [{ key: 'email', reason: 'required' }]],
    ['a forgotten identifier, a date that does not exist, a header injection', { kind: 'identifier', fields: { childBirthDate: '2014-02-30' }, email: 'p@example.org\r\nBcc: all@example.org' },
      [{ key: 'childBirthDate', reason: 'date' }, { key: 'email', reason: 'format' }]],
  ])('%s', async (_name, overrides, fields) => {
    expect(await rig.handlers['recovery.request'](forgotPassword(overrides))).toEqual({ ok: false, error: { code: 'INVALID_INPUT', fields } });
    expect(server.attempts).toEqual([]);
  });

  it.each([
    [{ login: '\u0000'.repeat(200) }],
    [{ login: '🔑'.repeat(100), a: '', b: '', c: '', d: '', e: '', f: '', g: '' }],
    [{ login: '\u202ec.dupont12' }],
    [{ ['__proto__']: 'x', login: 'c.dupont12' }],
  ])('answers INVALID_INPUT, not an exception, to hostile fields %#', async (fields) => {
    expect(await rig.handlers['recovery.request'](forgotPassword({ fields }))).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(server.attempts).toEqual([]);
  });
});

describe('a forgotten password, then the reset', () => {
  it('seals the fields asked for, checks the new password against them live, and resets once', async () => {
    await passwordRecoveryHeld();
    expect(server.requests).toEqual([
      { route: 'recoveries', profileId: 'parents-scolarite', idempotencyKey: expect.any(String), secret: { kind: 'password', fields: { login: 'C.Dupont12' }, locale: 'fr' } },
    ]);
    // The reset screen's live checklist works before any lookup, with the login typed for it.
    const verdict = await rig.handlers['password.check']({ candidate: 'dupont12abc' });
    expect(verdict.ok && verdict.value.rules.filter((rule) => rule.met === false && !rule.advisory).map((rule) => rule.id)).toContain('notPersonal');
    const [first, second] = await Promise.all([rig.handlers['recovery.reset'](reset()), rig.handlers['recovery.reset'](reset())]);
    expect(first).toEqual({ ok: true, value: { state: 'reset', login: 'manon.leclerc' } });
    expect(second).toEqual(first);
    expect(await rig.handlers['recovery.reset'](reset({ password: 'other' }))).toEqual(first);
    const resets = server.requests.filter((request) => request.route === 'recoveryReset');
    expect(resets).toEqual([{ route: 'recoveryReset', recoveryId: 'rec_00000001', idempotencyKey: expect.any(String), secret: { code: 'K7P4QX', password: NEW_PASSWORD } }]);
    // Reset done: the checklist has no one to check against any more.
    expect(await rig.handlers['password.check']({ candidate: NEW_PASSWORD })).toEqual(NO_SESSION);
    for (const secret of [NEW_PASSWORD, 'C.Dupont12', 'K7P4QX']) expect(storeBytes(folder.path).includes(secret)).toBe(false);
  });

  it.each<[string, Partial<KioskInput<'recovery.reset'>>, unknown]>([
    ['nothing typed', { code: ' - ', password: '', confirmation: '' },
      { code: 'INVALID_INPUT', fields: [{ key: 'code', reason: 'required' }, { key: 'password', reason: 'required' }, { key: 'confirmation', reason: 'required' }] }],
    ['a mismatch, even with a weak password', { password: 'abc', confirmation: 'abd' }, { code: 'PASSWORD_MISMATCH' }],
    ['too long for Scolarité Services (14 at most), no digit', { password: 'abcdefghijklmnop', confirmation: 'abcdefghijklmnop' }, { code: 'PASSWORD_POLICY', rules: ['maxLength', 'digit'] }],
    ['the identifier typed for the recovery inside', { password: 'Dupont12abc', confirmation: 'Dupont12abc' }, { code: 'PASSWORD_POLICY', rules: ['notPersonal'] }],
  ])('refuses %s before sending', async (_name, overrides, error) => {
    await passwordRecoveryHeld();
    expect(await rig.handlers['recovery.reset'](reset(overrides))).toEqual({ ok: false, error });
    expect(server.attempts.map((attempt) => attempt.route)).toEqual(['recoveries']);
  });

  it("passes the server's refusal through and keeps the recovery for the right code", async () => {
    await passwordRecoveryHeld();
    server.refuseNext({ code: 'CODE_INVALID' });
    expect(await rig.handlers['recovery.reset'](reset())).toEqual({ ok: false, error: { code: 'CODE_INVALID' } });
    expect(await rig.handlers['recovery.reset'](reset())).toMatchObject({ ok: true, value: { state: 'reset' } });
  });

  it('sends one request for a double tap, and retries a lost answer with the same key', async () => {
    rig.sessions.start(parents);
    server.failNext(1, 'drop');
    const [first, second] = await Promise.all([rig.handlers['recovery.request'](forgotPassword()), rig.handlers['recovery.request'](forgotPassword())]);
    expect(first).toEqual({ ok: true, value: { sentTo: 'p***@example.org' } });
    expect(second).toBe(first);
    expect(server.attempts).toHaveLength(2);
    expect(new Set(server.attempts.map((attempt) => attempt.idempotencyKey)).size).toBe(1);
    expect(server.requests).toHaveLength(1);
  });
});

describe('the server refusing or unreachable, and the wipe', () => {
  it('passes a refusal through and holds nothing', async () => {
    rig.sessions.start(parents);
    server.refuseNext({ code: 'THROTTLED', retryAfterS: 60 });
    expect(await rig.handlers['recovery.request'](forgotPassword())).toEqual({ ok: false, error: { code: 'THROTTLED', retryAfterS: 60 } });
    expect(await rig.handlers['recovery.reset'](reset())).toEqual(NO_SESSION);
  });

  it('answers OFFLINE without queueing anything, and the reset can be tried again when the link is back', async () => {
    await passwordRecoveryHeld();
    await server.stop();
    expect(await rig.handlers['recovery.request'](forgotPassword())).toEqual({ ok: false, error: { code: 'OFFLINE' } });
    expect(await rig.handlers['recovery.reset'](reset())).toEqual({ ok: false, error: { code: 'OFFLINE' } });
    expect(rig.outbox.find(1)).toBeUndefined();
    await server.restart();
    expect(await rig.handlers['recovery.reset'](reset())).toMatchObject({ ok: true, value: { state: 'reset' } });
  });

  it('forgets the recovery when the session ends, and drops an answer that arrives after', async () => {
    await passwordRecoveryHeld();
    rig.sessions.end('idle');
    rig.sessions.start(parents);
    expect(await rig.handlers['recovery.reset'](reset())).toEqual(NO_SESSION);
    expect(await rig.handlers['password.check']({ candidate: NEW_PASSWORD })).toEqual(NO_SESSION);
    const late = rig.handlers['recovery.request'](forgotPassword());
    rig.sessions.end('cancelled');
    expect(await late).toEqual(NO_SESSION);
  });

  it('forgets the recovery when a lookup starts over', async () => {
    await passwordRecoveryHeld();
    rig.eligible(parents, null);
    expect(await rig.handlers['recovery.reset'](reset())).toEqual(NO_SESSION);
  });
});
