import { describe, expect, it } from 'vitest';
import { CODE_ALPHABET, groupCode } from '../../../../shared/policies/secret-codes';
import { profilePerson } from '../helpers/demo-person';
import { databaseBytes, newKey } from '../helpers/server-harness';
import { act, actCall, chainHolds, checkId, deskAudit, diagnosisOf, useDesk } from './desk-helpers';

const desk = useDesk();
const ENT77 = 'ent77-college';
const IDF = 'idf-lycee';
const DAY = 24 * 3_600_000;
const choice = { password: 'Trampoline7', email: 'sarah.parent@example.org', termsVersion: 'ent77-2026', locale: 'fr' };

/** Issue 6: "alphabet non ambigu"; cergy seed, Cas n°1: "une confusion entre le O et le 0, le i et le l". */
function expectUnambiguous(secret: string): void {
  expect(secret).toMatch(/^[A-HJ-NP-Z2-9]{8}$/);
  expect(secret).not.toMatch(/[O0Il1]/);
  expect([...secret].every((char) => CODE_ALPHABET.includes(char))).toBe(true);
}

describe('issueCredential at the desk', () => {
  it('refused until the identity document is checked in this case, then a new code for an expired letter opens one activation, then is used', async () => {
    const { harness } = desk();
    const sarah = profilePerson(ENT77, 'CODE_EXPIRED');
    const before = await diagnosisOf(desk(), ENT77, sarah);
    expect(before.actions).not.toContain('issueCredential');
    const unchecked = await actCall(desk(), before.caseId, { action: 'issueCredential' });
    expect([unchecked.status, unchecked.body.error?.code, unchecked.body.issued]).toEqual([409, 'ID_CHECK_REQUIRED', undefined]);
    expect((await diagnosisOf(desk(), ENT77, sarah)).credential?.state).toBe('expired');
    await checkId(desk(), before.caseId);
    const answer = await act(desk(), before.caseId, { action: 'issueCredential' });
    const issued = answer.issued;
    expect(issued).toMatchObject({ kind: 'activationCode', login: 'sarah.benali', expiresAt: new Date(harness.clock.now().getTime() + 365 * DAY).toISOString() });
    expectUnambiguous(issued?.secret ?? '');
    expect(answer.diagnosis).toMatchObject({ status: 'eligible', credential: { state: 'valid' } });
    const withNew = { login: 'sarah.benali', activationCode: issued?.secret ?? '' };
    expect((await harness.lookup(sarah, ENT77)).body.error?.code).toBe('IDENTITY_MISMATCH');
    expect((await harness.lookup(withNew, ENT77)).body).toEqual({ eligible: true });
    expect((await harness.activateWith(ENT77, { identity: withNew, choice }, newKey())).status).toBe(201);
    expect((await harness.activateWith(ENT77, { identity: withNew, choice }, newKey())).body.error?.code).toBe('CODE_USED');
    // Now active: no letter can be issued any more.
    const refused = await actCall(desk(), before.caseId, { action: 'issueCredential' });
    expect([refused.status, refused.body.error?.code]).toEqual([409, 'NOT_APPLICABLE']);
    expect((await deskAudit(desk())).filter((entry) => entry.action === 'staff.issueCredential').map((entry) => entry.outcome)).toEqual(['ID_CHECK_REQUIRED', 'ok', 'NOT_APPLICABLE']);
  });

  it('supersedes the previous letter, expires after credentials.ttlDays, and is nowhere in the database or the audit', async () => {
    const { harness } = desk();
    const manon = profilePerson(ENT77, 'eligible');
    const caseId = (await diagnosisOf(desk(), ENT77, manon)).caseId;
    await checkId(desk(), caseId);
    const first = await act(desk(), caseId, { action: 'issueCredential' });
    const second = await act(desk(), first.diagnosis.caseId, { action: 'issueCredential' });
    const firstSecret = first.issued?.secret ?? '';
    const secret = second.issued?.secret ?? '';
    expect(secret).not.toBe(firstSecret);
    expect((await harness.lookup(manon, ENT77)).body.error?.code).toBe('IDENTITY_MISMATCH');
    expect((await harness.lookup({ login: 'manon.leclerc', activationCode: firstSecret }, ENT77)).body.error?.code).toBe('IDENTITY_MISMATCH');
    expect((await harness.lookup({ login: 'manon.leclerc', activationCode: groupCode(secret) }, ENT77)).body).toEqual({ eligible: true });
    for (const text of [secret, groupCode(secret), firstSecret, groupCode(firstSecret)]) {
      expect(databaseBytes(harness.dataDir).includes(Buffer.from(text))).toBe(false);
      expect(JSON.stringify(await deskAudit(desk()))).not.toContain(text);
    }
    const audited = (await deskAudit(desk())).filter((entry) => entry.action === 'staff.issueCredential');
    expect(audited.map((entry) => [entry.outcome, entry.details['kind']])).toEqual([
      ['ok', 'activationCode'],
      ['ok', 'activationCode'],
    ]);
    expect(await chainHolds(desk())).toBe(true);
    harness.clock.advance(365 * DAY - 60_000);
    expect((await harness.lookup({ login: 'manon.leclerc', activationCode: secret }, ENT77)).body).toEqual({ eligible: true });
    harness.clock.advance(60_000);
    expect((await harness.lookup({ login: 'manon.leclerc', activationCode: secret }, ENT77)).body.error?.code).toBe('CODE_EXPIRED');
  });

  it('a provisional password for idf, unambiguous, typed exactly as shown, once; NOT_APPLICABLE on a profile without letters', async () => {
    const { harness } = desk();
    const chloe = profilePerson(IDF, 'eligible');
    const caseId = (await diagnosisOf(desk(), IDF, chloe)).caseId;
    await checkId(desk(), caseId);
    const issued = await act(desk(), caseId, { action: 'issueCredential' });
    expect(issued.issued).toMatchObject({ kind: 'provisionalPassword', login: 'chloe.vasseur' });
    const secret = issued.issued?.secret ?? '';
    expectUnambiguous(secret);
    // Compared exactly (identity-rules.ts): the hyphen-grouped form a code may be typed in is another password.
    expect((await harness.lookup({ login: 'chloe.vasseur', provisionalPassword: groupCode(secret) }, IDF)).body.error?.code).toBe('IDENTITY_MISMATCH');
    expect((await harness.lookup({ login: 'chloe.vasseur', provisionalPassword: secret }, IDF)).body).toEqual({ eligible: true });
    const withIssued = { login: 'chloe.vasseur', provisionalPassword: secret };
    const choice = { password: 'Horizon2031', email: 'chloe.v@example.org', locale: 'fr' };
    expect((await harness.activateWith(IDF, { identity: withIssued, choice }, newKey())).status).toBe(201);
    expect((await harness.activateWith(IDF, { identity: withIssued, choice: { ...choice, password: 'Horizon2032' } }, newKey())).body.error?.code).toBe('CODE_USED');
    const um = await diagnosisOf(desk(), 'um-etudiant', profilePerson('um-etudiant', 'eligible'));
    expect(um.actions).not.toContain('issueCredential');
    expect(um.afterIdCheck).not.toContain('issueCredential');
    const refused = await actCall(desk(), um.caseId, { action: 'issueCredential' });
    expect([refused.status, refused.body.error?.code]).toEqual([409, 'NOT_APPLICABLE']);
    expect((await deskAudit(desk())).filter((entry) => entry.action === 'staff.issueCredential').map((entry) => entry.outcome)).toEqual(['ok', 'NOT_APPLICABLE']);
  });
});
