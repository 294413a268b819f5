import { describe, expect, it } from 'vitest';
import { ChosenActivationResponseSchema } from '../../../shared/contract/enrollment-api';
import { profilePerson } from './helpers/demo-person';
import { newKey, useServerHarness } from './helpers/server-harness';

const harness = useServerHarness();
const ENT77 = 'ent77-college';
const IDF = 'idf-lycee';
const DAY = 24 * 3_600_000;

const manon = profilePerson(ENT77, 'eligible');
const goodChoice = { password: 'Trampoline7', email: 'manon.parent@example.org', termsVersion: 'ent77-2026', locale: 'fr' };

function choose(profileId: string, identity: Record<string, string>, choice: Record<string, unknown>, key = newKey()) {
  return harness().activateWith(profileId, { identity, choice }, key);
}

describe('ENT 77: identifier + activation code', () => {
  it('a valid code opens the lookup, typed with or without its hyphen, in any case', async () => {
    expect((await harness().lookup(manon, ENT77)).body).toEqual({ eligible: true });
    expect((await harness().lookup({ login: 'Manon.Leclerc', activationCode: 'ht4k 9wpm' }, ENT77)).body).toEqual({ eligible: true });
  });

  it('a wrong code is answered exactly like an unknown identifier, and counts as a failure', async () => {
    const wrongCode = await harness().lookup({ ...manon, activationCode: 'HT4K-9WPN' }, ENT77);
    const unknown = await harness().lookup(profilePerson(ENT77, 'IDENTITY_MISMATCH'), ENT77);
    expect(wrongCode.status).toBe(404);
    expect([unknown.status, unknown.text]).toEqual([wrongCode.status, wrongCode.text]);
    expect(wrongCode.body.error).toEqual({ code: 'IDENTITY_MISMATCH' });
    for (let attempt = 0; attempt < 4; attempt += 1) await harness().lookup({ ...manon, activationCode: 'HT4K-9WPN' }, ENT77);
    expect((await harness().lookup(manon, ENT77)).body.error?.code).toBe('THROTTLED');
  });

  it('a used code says CODE_USED and an expired one CODE_EXPIRED, only once the code itself matches', async () => {
    const used = profilePerson(ENT77, 'CODE_USED');
    expect((await harness().lookup(used, ENT77)).body.error?.code).toBe('CODE_USED');
    expect((await harness().lookup({ ...used, activationCode: 'R8ZN-3CEZ' }, ENT77)).body.error?.code).toBe('IDENTITY_MISMATCH');
    expect((await harness().lookup(profilePerson(ENT77, 'CODE_EXPIRED'), ENT77)).body.error?.code).toBe('CODE_EXPIRED');
  });

  it('a code expires after the profile\'s ttlDays (controlled clock)', async () => {
    // Issued 14 days before the clock's start, valid 365 days.
    harness().clock.advance(351 * DAY - 60_000);
    expect((await harness().lookup(manon, ENT77)).status).toBe(200);
    harness().clock.advance(60_000);
    expect((await harness().lookup(manon, ENT77)).body.error?.code).toBe('CODE_EXPIRED');
    expect((await choose(ENT77, manon, goodChoice)).body.error?.code).toBe('CODE_EXPIRED');
  });

  it('the server refuses a password its policy refuses, naming the failed rules', async () => {
    const noDigit = await choose(ENT77, manon, { ...goodChoice, password: 'trampoline' });
    expect(noDigit.status).toBe(422);
    expect(noDigit.body.error).toEqual({ code: 'PASSWORD_POLICY', rules: ['digit'] });
    const personal = await choose(ENT77, manon, { ...goodChoice, password: 'Leclerc2026' });
    expect(personal.body.error).toEqual({ code: 'PASSWORD_POLICY', rules: ['notPersonal'] });
    const short = await choose(ENT77, manon, { ...goodChoice, password: 'ab1' });
    expect(short.body.error?.rules).toEqual(['minLength']);
    expect(await harness().activationRows()).toBe(0);
  });

  it('the terms must be ticked in the version shown, and the email given', async () => {
    const withoutTerms = { password: goodChoice.password, email: goodChoice.email, locale: goodChoice.locale };
    const noTerms = await choose(ENT77, manon, withoutTerms);
    expect(noTerms.status).toBe(400);
    expect(noTerms.body.error).toEqual({ code: 'INVALID_INPUT', fields: [{ key: 'choice.termsVersion', reason: 'required' }] });
    expect((await choose(ENT77, manon, { ...goodChoice, termsVersion: 'ent77-2019' })).body.error?.fields).toEqual([{ key: 'choice.termsVersion', reason: 'required' }]);
    const withoutEmail = { password: goodChoice.password, termsVersion: goodChoice.termsVersion, locale: goodChoice.locale };
    expect((await choose(ENT77, manon, withoutEmail)).body.error?.fields).toEqual([{ key: 'choice.email', reason: 'required' }]);
    expect((await harness().activateWith(ENT77, { identity: manon }, newKey())).body.error?.fields).toEqual([{ key: 'choice', reason: 'required' }]);
    expect(await harness().activationRows()).toBe(0);
  });

  it('activates at once and voids the code: a second use is refused and says so', async () => {
    const answer = await choose(ENT77, manon, { ...goodChoice, mobile: '06 12 34 56 78' });
    expect(answer.status).toBe(201);
    const body = ChosenActivationResponseSchema.parse(answer.body);
    expect(body).toMatchObject({ login: 'manon.leclerc', state: 'active', expiresAt: harness().clock.now().toISOString() });
    expect(body.sentTo).toBeUndefined();
    expect((await harness().lookup(manon, ENT77)).body.error?.code).toBe('CODE_USED');
    expect((await choose(ENT77, manon, goodChoice)).body.error?.code).toBe('CODE_USED');
  });

  it('a retry with the same key gets the same answer and makes one activation', async () => {
    const key = newKey();
    const first = await choose(ENT77, manon, goodChoice, key);
    const retry = await choose(ENT77, manon, goodChoice, key);
    expect(first.status).toBe(201);
    expect([retry.status, retry.text]).toEqual([201, first.text]);
    expect(await harness().activationRows()).toBe(1);
    const otherPassword = await choose(ENT77, manon, { ...goodChoice, password: 'Trampoline8' }, key);
    expect(otherPassword.status).toBe(422);
    expect(otherPassword.body.error?.fields).toEqual([{ key: 'idempotencyKey', reason: 'unknown' }]);
  });
});

describe('IDF lycées, case 1: identifier + provisional password', () => {
  const chloe = profilePerson(IDF, 'eligible');
  const choice = { password: 'Horizon2031', email: 'chloe.v@example.org', locale: 'fr' };

  it('the provisional password is matched exactly: another case is another password', async () => {
    expect((await harness().lookup(chloe, IDF)).status).toBe(200);
    expect((await harness().lookup({ ...chloe, provisionalPassword: 't6nwx3rh' }, IDF)).body.error?.code).toBe('IDENTITY_MISMATCH');
    expect((await harness().lookup(profilePerson(IDF, 'IDENTITY_MISMATCH'), IDF)).body.error?.code).toBe('IDENTITY_MISMATCH');
  });

  it('the new password must differ from the provisional one, then the account is active', async () => {
    const same = await choose(IDF, chloe, { ...choice, password: chloe['provisionalPassword'] });
    expect(same.body.error).toEqual({ code: 'PASSWORD_POLICY', rules: ['notCurrent'] });
    const done = await choose(IDF, chloe, choice);
    expect(done.status).toBe(201);
    expect(done.body).toMatchObject({ login: 'chloe.vasseur', state: 'active' });
    expect((await harness().lookup(chloe, IDF)).body.error?.code).toBe('CODE_USED');
  });

  it('a profile without a mobile step keeps no mobile number', async () => {
    const answer = await choose(IDF, chloe, { ...choice, mobile: '0612345678' });
    expect(answer.body.error).toEqual({ code: 'INVALID_INPUT', fields: [{ key: 'choice.mobile', reason: 'unknown' }] });
  });
});
