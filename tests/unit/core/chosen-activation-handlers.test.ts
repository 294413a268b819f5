import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { KioskInput } from '../../../shared/contract/kiosk-api';
import { STAND_IN_PEOPLE, startStandInServer, type StandInPerson, type StandInServer } from '../../integration/core/contract-stand-in-server';
import { cergyProfile } from './support/cergy-profile';
import { loadProfile, startChosenRig, type ChosenRig } from './support/chosen-rig';
import { makeTempFolder } from './support/temp-folder';

/**
 * The chosen-password handlers (issue 3) on real parts: the order of their checks, what they
 * refuse without a session, hostile input, and a double tap. The stand-in server only provides
 * the sealing key and a refusal; the reference server's answers are in tests/integration/core.
 */
const um = loadProfile('um-etudiant');
const ent77 = loadProfile('ent77-college');
const umPerson = { lastName: 'Martineau', birthDate: '2006-04-12', studentNumber: '21000001' };
const ent77Person = { login: 'lea.dupont', activationCode: 'ABCD-EFGH' };
const NO_SESSION = { ok: false, error: { code: 'NO_SESSION' } };
/** A stand-in person the stand-in server refuses with PAYMENT_PENDING, as the session would hold them. */
const paul = (({ lastName, firstName, birthDate, studentNumber }: StandInPerson) => ({ lastName, firstName, birthDate, studentNumber }))(
  STAND_IN_PEOPLE.find((person) => person.outcome === 'PAYMENT_PENDING') ?? raise('no PAYMENT_PENDING stand-in person'),
);

function raise(message: string): never {
  throw new Error(message);
}

let folder: ReturnType<typeof makeTempFolder>;
let server: StandInServer;
let rig: ChosenRig;

beforeEach(async () => {
  folder = makeTempFolder();
  server = await startStandInServer(cergyProfile());
  rig = await startChosenRig(folder.path, server);
});
afterEach(async () => {
  await rig.close();
  await server.stop();
  folder.remove();
});

function choice(overrides: Partial<KioskInput<'activation.choose'>> = {}): KioskInput<'activation.choose'> {
  return { password: 'Tq7vLp2Wnx', confirmation: 'Tq7vLp2Wnx', email: 'lea.dupont@exemple.fr', termsAccepted: true, locale: 'fr', ...overrides };
}

function activationRequests(): number {
  return server.requests.filter((request) => request.route === 'activations').length;
}

describe('without an eligible chosen-password session', () => {
  it('answers NO_SESSION to all four calls when no session exists, and before the lookup', async () => {
    for (let round = 0; round < 2; round += 1) {
      expect(await rig.handlers['password.check']({ candidate: 'Tq7vLp2Wnx' })).toEqual(NO_SESSION);
      expect(await rig.handlers['activation.choose'](choice())).toEqual(NO_SESSION);
      expect(await rig.handlers['activation.confirmEmail']({ code: 'K7P-4QX' })).toEqual(NO_SESSION);
      expect(await rig.handlers['activation.resendEmail']({})).toEqual(NO_SESSION);
      rig.eligible(um, null);
    }
    expect(activationRequests()).toBe(0);
  });

  it('refuses a generated-password profile (cergy) with INVALID_INPUT', async () => {
    rig.eligible(cergyProfile(), { ...paul, firstName: 'Paul' });
    expect(await rig.handlers['password.check']({ candidate: 'Tq7vLp2Wnx' })).toEqual({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await rig.handlers['activation.choose'](choice())).toEqual({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});

describe('password.check (Montpellier: the dictionaries and the person in the back end)', () => {
  beforeEach(() => rig.eligible(um, umPerson));

  async function failing(candidate: string): Promise<string[]> {
    const verdict = await rig.handlers['password.check']({ candidate });
    if (!verdict.ok) throw new Error(verdict.error.code);
    return verdict.value.rules.filter((rule) => !rule.advisory && rule.met !== true).map((rule) => rule.id);
  }

  it('refuses a dictionary word dressed with digits, the name, the birth date and the student number', async () => {
    expect(await failing('Soleil2026')).toEqual(['notDictionaryWord']);
    expect(await failing('Martineau77x')).toContain('notPersonal');
    expect(await failing('Kz12042006')).toContain('notPersonal');
    expect(await failing('Kz21000001')).toContain('notPersonal');
    expect(await failing('Tq7v<Lp2$W')).toEqual(['forbiddenCharacters']);
  });

  it('accepts a strong password, advising 12 characters without blocking on it', async () => {
    const verdict = await rig.handlers['password.check']({ candidate: 'Tq7vLp2Wnx' });
    expect(verdict).toMatchObject({ ok: true, value: { acceptable: true } });
    expect(verdict.ok && verdict.value.rules.find((rule) => rule.id === 'advisedLength')).toEqual({ id: 'advisedLength', met: false, advisory: true, param: 12 });
  });

  it.each([['\u0000'.repeat(128)], ['🔑'.repeat(64)], ['\u202e12345678abc'], ['']])('answers a verdict, not an exception, for %j', async (candidate) => {
    expect(await rig.handlers['password.check']({ candidate })).toMatchObject({ ok: true, value: { acceptable: false } });
  });
});

describe('activation.choose checks, in order, before anything is sent', () => {
  beforeEach(() => rig.eligible(ent77, ent77Person));

  it.each<[string, Partial<KioskInput<'activation.choose'>>, unknown]>([
    ['both typings empty', { password: '', confirmation: '', email: '' },
      { code: 'INVALID_INPUT', fields: [{ key: 'password', reason: 'required' }, { key: 'confirmation', reason: 'required' }] }],
    ['a mismatch, even with a weak password and no email', { password: 'abc', confirmation: 'abd', email: undefined, termsAccepted: false }, { code: 'PASSWORD_MISMATCH' }],
    ['no digit', { password: 'abcdefghij', confirmation: 'abcdefghij', email: undefined }, { code: 'PASSWORD_POLICY', rules: ['digit'] }],
    ['too short, no letter', { password: '1234', confirmation: '1234' }, { code: 'PASSWORD_POLICY', rules: ['minLength', 'letter'] }],
    ['the identifier inside', { password: 'Dupont2026x', confirmation: 'Dupont2026x' }, { code: 'PASSWORD_POLICY', rules: ['notPersonal'] }],
    ['no email, a bad mobile, terms unticked', { email: '  ', mobile: '06 12 AB', termsAccepted: false },
      { code: 'INVALID_INPUT', fields: [{ key: 'email', reason: 'required' }, { key: 'mobile', reason: 'format' }, { key: 'termsAccepted', reason: 'required' }] }],
    ['an email that is not one', { email: 'pas-une-adresse' }, { code: 'INVALID_INPUT', fields: [{ key: 'email', reason: 'format' }] }],
    ['a header injection in the email', { email: 'lea@exemple.fr\r\nBcc: tous@exemple.fr' }, { code: 'INVALID_INPUT', fields: [{ key: 'email', reason: 'format' }] }],
  ])('%s', async (_name, overrides, error) => {
    expect(await rig.handlers['activation.choose'](choice(overrides))).toEqual({ ok: false, error });
    expect(activationRequests()).toBe(0);
    expect(rig.outbox.countQueued()).toBe(0);
  });

  it('refuses contact details the profile does not ask for (Montpellier writes to the address on file)', async () => {
    rig.eligible(um, paul);
    const result = await rig.handlers['activation.choose'](choice({ mobile: '0612345678', termsAccepted: false }));
    expect(result).toEqual({ ok: false, error: { code: 'INVALID_INPUT', fields: [{ key: 'email', reason: 'unknown' }, { key: 'mobile', reason: 'unknown' }] } });
    expect(await rig.handlers['activation.choose'](choice({ email: '', mobile: '', termsAccepted: false }))).toMatchObject({ ok: false, error: { code: 'PAYMENT_PENDING' } });
  });
});

describe('activation.choose delivery', () => {
  it("passes the server's refusal through and keeps nothing to send again", async () => {
    rig.eligible(um, paul);
    expect(await rig.handlers['activation.choose'](choice({ email: undefined }))).toEqual({ ok: false, error: { code: 'PAYMENT_PENDING' } });
    expect(rig.outbox.find(1)).toMatchObject({ kind: 'activation', deferred: true, state: 'refused', sealed: null, lastErrorCode: 'PAYMENT_PENDING' });
  });

  it('queues a chosen password while the server is down; a double tap sends one, and answers the same', async () => {
    rig.eligible(um, umPerson);
    await server.stop();
    const [first, second] = await Promise.all([
      rig.handlers['activation.choose'](choice({ email: undefined })),
      rig.handlers['activation.choose'](choice({ email: undefined })),
    ]);
    expect(first).toMatchObject({ ok: true, value: { state: 'pending', login: '21000001' } });
    expect(second).toEqual(first);
    expect(await rig.handlers['activation.choose'](choice({ email: undefined, password: 'other' }))).toEqual(first);
    expect(rig.outbox.find(2)).toBeUndefined();
    expect(rig.outbox.find(1)).toMatchObject({ kind: 'activation', deferred: true, state: 'pending', targetId: 'um-etudiant', lastErrorCode: 'OFFLINE' });
    expect(rig.outbox.countQueued()).toBe(1);
    // Pending is not "awaiting the email": there is no code to type yet.
    expect(await rig.handlers['activation.confirmEmail']({ code: 'K7P-4QX' })).toEqual(NO_SESSION);
    expect(await rig.handlers['activation.resendEmail']({})).toEqual(NO_SESSION);
    const bytes = readdirSync(folder.path).map((name) => readFileSync(join(folder.path, name)).toString('latin1')).join('');
    for (const secret of ['Tq7vLp2Wnx', '21000001', '2006-04-12', 'Martineau']) expect(bytes).not.toContain(secret);
  });

  it('drops an answer that arrives after the session ended', async () => {
    rig.eligible(um, umPerson);
    await server.stop();
    const pending = rig.handlers['activation.choose'](choice({ email: undefined }));
    rig.sessions.end('cancelled');
    expect(await pending).toEqual(NO_SESSION);
  });
});

describe('the emailed code', () => {
  /** What a delivered Montpellier choice leaves in the session (the server's answer, held). */
  function awaitingEmail(): void {
    rig.eligible(um, umPerson);
    rig.sessions.current()?.holdChoice({ state: 'awaitingEmail', login: '21000001', sentTo: 'm***@example.org', reference: 'SES-7K4Q-92XD', activationId: 'act_12345678' });
  }

  it('is refused empty, and answers OFFLINE without queueing anything when the server is down', async () => {
    awaitingEmail();
    expect(await rig.handlers['activation.confirmEmail']({ code: ' - ' })).toEqual({ ok: false, error: { code: 'INVALID_INPUT', fields: [{ key: 'code', reason: 'required' }] } });
    await server.stop();
    const [first, second] = await Promise.all([
      rig.handlers['activation.confirmEmail']({ code: 'K7P-4QX' }),
      rig.handlers['activation.confirmEmail']({ code: 'K7P-4QX' }),
    ]);
    expect(first).toEqual({ ok: false, error: { code: 'OFFLINE' } });
    expect(second).toBe(first);
    expect(await rig.handlers['activation.resendEmail']({})).toEqual({ ok: false, error: { code: 'OFFLINE' } });
    expect(rig.outbox.find(1)).toBeUndefined();
  });

  it("passes the server's refusal through and keeps waiting for the right code", async () => {
    awaitingEmail();
    // The stand-in has no email routes: its NOT_FOUND stands for any refusal of the server.
    expect(await rig.handlers['activation.confirmEmail']({ code: 'K7P-4QX' })).toEqual({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(rig.sessions.current()?.choice?.state).toBe('awaitingEmail');
  });
});
