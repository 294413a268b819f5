import { describe, expect, it } from 'vitest';
import { profilePerson } from '../helpers/demo-person';
import { newKey } from '../helpers/server-harness';
import { addTerminal } from '../helpers/staff-harness';
import { act, chainHolds, deskAudit, diagnosisOf, signInAgain, useDesk } from './desk-helpers';

const desk = useDesk();
const ENT77 = 'ent77-college';
const PARENTS = 'parents-scolarite';
const MINUTE = 60_000;
const reduced = { login: 'manon.leclerc' };
const choice = { password: 'Trampoline7', email: 'manon.parent@example.org', termsVersion: 'ent77-2026', locale: 'fr' };

describe('idCheck, then the reduced proof at the kiosk', () => {
  it('without a check, leaving the code out is the same IDENTITY_MISMATCH as a wrong code', async () => {
    const { harness } = desk();
    expect((await harness.lookup(reduced, ENT77)).body.error).toEqual({ code: 'IDENTITY_MISMATCH' });
    expect((await harness.lookup({ ...reduced, activationCode: '' }, ENT77)).body.error).toEqual({ code: 'IDENTITY_MISMATCH' });
  });

  it('accepted on this terminal only, within validMinutes, and audited with the document type', async () => {
    const { harness } = desk();
    const before = await diagnosisOf(desk(), ENT77, profilePerson(ENT77, 'eligible'));
    expect(before.actions).not.toContain('correctEmail');
    const checked = await act(desk(), before.caseId, { action: 'idCheck', document: 'idCard' });
    const validUntil = new Date(harness.clock.now().getTime() + 30 * MINUTE).toISOString();
    expect(checked.diagnosis.idCheck).toEqual({ checkedAt: harness.clock.now().toISOString(), validUntil, by: 'agent.desk' });
    expect(checked.diagnosis.actions).toContain('correctEmail');
    expect((await harness.lookup(reduced, ENT77)).body).toEqual({ eligible: true });
    const otherTerminal = await addTerminal(harness);
    const elsewhere = await harness.request('POST', '/v1/lookups', { body: { profileId: ENT77, identity: reduced }, token: otherTerminal });
    expect(elsewhere.body.error?.code).toBe('IDENTITY_MISMATCH');
    // Another person is not covered by Manon's check.
    expect((await harness.lookup({ login: 'sarah.benali' }, ENT77)).body.error?.code).toBe('IDENTITY_MISMATCH');
    harness.clock.advance(30 * MINUTE - 1000);
    expect((await harness.lookup(reduced, ENT77)).body).toEqual({ eligible: true });
    harness.clock.advance(1000);
    expect((await harness.lookup(reduced, ENT77)).body.error?.code).toBe('IDENTITY_MISMATCH');
    const audited = (await deskAudit(desk())).filter((entry) => entry.action === 'staff.idCheck');
    expect(audited.map((entry) => [entry.outcome, entry.details['document'], entry.terminalId])).toEqual([['ok', 'idCard', 'borne-test']]);
    expect(await chainHolds(desk())).toBe(true);
  });

  it('opens one activation: once it is done, the reduced proof no longer matches', async () => {
    const { harness } = desk();
    const before = await diagnosisOf(desk(), ENT77, profilePerson(ENT77, 'eligible'));
    await act(desk(), before.caseId, { action: 'idCheck', document: 'studentCard' });
    const done = await harness.activateWith(ENT77, { identity: reduced, choice }, newKey());
    expect(done.status).toBe(201);
    expect(done.body).toMatchObject({ state: 'active', login: 'manon.leclerc' });
    // Spent: answered as an unknown identity, not as ALREADY_ACTIVE (which a live check would give).
    expect((await harness.lookup(reduced, ENT77)).body.error?.code).toBe('IDENTITY_MISMATCH');
    await signInAgain(desk());
    expect((await diagnosisOf(desk(), ENT77, profilePerson(ENT77, 'eligible'))).status).toBe('ALREADY_ACTIVE');
  });

  it('parents: the letter password is waived, the child\'s birth date still checked', async () => {
    const { harness } = desk();
    const parent = profilePerson(PARENTS, 'eligible');
    const withoutLetter = { login: parent['login'] ?? '', childBirthDate: parent['childBirthDate'] ?? '' };
    await act(desk(), (await diagnosisOf(desk(), PARENTS, parent)).caseId, { action: 'idCheck', document: 'passport' });
    expect((await harness.lookup({ ...withoutLetter, childBirthDate: '2014-05-10' }, PARENTS)).body.error?.code).toBe('IDENTITY_MISMATCH');
    expect((await harness.lookup(withoutLetter, PARENTS)).body).toEqual({ eligible: true });
  });
});
