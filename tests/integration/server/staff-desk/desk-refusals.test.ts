import { describe, expect, it } from 'vitest';
import { profilePerson } from '../helpers/demo-person';
import { addTerminal, createStaff, signIn } from '../helpers/staff-harness';
import { actCall, chainHolds, deskAudit, diagnosisOf, lookupCall, stateOf, useDesk } from './desk-helpers';

const desk = useDesk();
const ENT77 = 'ent77-college';
const MINUTE = 60_000;
const manon = profilePerson(ENT77, 'eligible');

const EVERY_ACTION = [
  { action: 'idCheck', document: 'idCard' },
  { action: 'issueCredential' },
  { action: 'resendEmail', locale: 'fr' },
  { action: 'correctEmail', email: 'autre@example.org', locale: 'fr' },
  { action: 'liftThrottle' },
  { action: 'reactivate' },
];

describe('staff desk refusals', () => {
  it('a lookup without a staff token, with another terminal\'s bearer, or after the idle expiry is 401', async () => {
    const { harness } = desk();
    expect((await harness.request('POST', '/v1/staff/lookups', { body: { profileId: ENT77, identity: { login: 'manon.leclerc' } } })).status).toBe(401);
    const otherTerminal = await addTerminal(harness);
    expect((await lookupCall(desk(), ENT77, manon, desk().staffToken, otherTerminal)).status).toBe(401);
    harness.clock.advance(16 * MINUTE);
    const expired = await lookupCall(desk(), ENT77, manon);
    expect([expired.status, expired.body.error?.code]).toEqual([401, 'UNAUTHORIZED']);
  });

  it('an unknown person is 404 NOT_FOUND, a wrong field too, and neither counts against the person\'s throttle', async () => {
    expect((await lookupCall(desk(), ENT77, { login: 'tom.inconnu' })).body.error?.code).toBe('NOT_FOUND');
    const um = profilePerson('um-etudiant', 'eligible');
    for (let attempt = 0; attempt < 6; attempt += 1) {
      const wrong = await lookupCall(desk(), 'um-etudiant', { ...um, birthDate: '2001-01-01' });
      expect([wrong.status, wrong.body.error?.code]).toEqual([404, 'NOT_FOUND']);
    }
    expect((await desk().harness.lookup(um, 'um-etudiant')).body).toEqual({ eligible: true });
    expect((await diagnosisOf(desk(), 'um-etudiant', um)).throttledUntil).toBeUndefined();
  });

  it('letter secrets are not asked of staff: a lookup carrying one is INVALID_INPUT', async () => {
    const answer = await desk().harness.request('POST', '/v1/staff/lookups', {
      body: { profileId: ENT77, identity: manon },
      headers: { 'x-sesame-staff': desk().staffToken },
    });
    expect([answer.status, answer.body.error?.code]).toEqual([400, 'INVALID_INPUT']);
  });

  it('every action is refused without a token, expired, from another terminal, or on another session\'s case; nothing changes', async () => {
    const { harness } = desk();
    const before = await diagnosisOf(desk(), ENT77, manon);
    const otherTerminal = await addTerminal(harness);
    const { password } = await createStaff(harness, { username: 'agent.autre', role: 'agent' });
    const otherSession = await signIn(harness, 'agent.autre', password);
    for (const body of EVERY_ACTION) {
      const path = `/v1/staff/cases/${before.caseId}/actions`;
      expect((await harness.request('POST', path, { body })).status).toBe(401);
      expect((await actCall(desk(), before.caseId, body, desk().staffToken, otherTerminal)).status).toBe(401);
      const foreign = await actCall(desk(), before.caseId, body, otherSession);
      expect([foreign.status, foreign.body.error?.code]).toEqual([404, 'NOT_FOUND']);
      const unknownCase = await actCall(desk(), 'c_AAAAAAAAAAAAAAAAAAAAAAAA', body);
      expect([unknownCase.status, unknownCase.body.error?.code]).toEqual([404, 'NOT_FOUND']);
    }
    const after = await diagnosisOf(desk(), ENT77, manon);
    expect(stateOf(after)).toEqual(stateOf(before));
    expect(after.idCheck).toBeUndefined();
    // The letter still works: no action reached it.
    expect((await harness.lookup(manon, ENT77)).body).toEqual({ eligible: true });
    harness.clock.advance(16 * MINUTE);
    for (const body of EVERY_ACTION) expect((await actCall(desk(), before.caseId, body)).status).toBe(401);
  });

  it('an action the diagnosis does not offer is 409 NOT_APPLICABLE, one waiting for an id check 409 ID_CHECK_REQUIRED, both audited so', async () => {
    const before = await diagnosisOf(desk(), ENT77, manon);
    expect(before.actions).not.toContain('reactivate');
    const refused = await actCall(desk(), before.caseId, { action: 'reactivate' });
    expect([refused.status, refused.body.error?.code]).toEqual([409, 'NOT_APPLICABLE']);
    const correct = await actCall(desk(), before.caseId, { action: 'correctEmail', email: 'x@example.org', locale: 'fr' });
    expect([correct.status, correct.body.error?.code]).toEqual([409, 'ID_CHECK_REQUIRED']);
    expect(stateOf(await diagnosisOf(desk(), ENT77, manon))).toEqual(stateOf(before));
    const refusals = (await deskAudit(desk())).filter((entry) => entry.action === 'staff.reactivate' || entry.action === 'staff.correctEmail');
    expect(refusals.map((entry) => [entry.action, entry.outcome, entry.subject === before.caseId])).toEqual([
      ['staff.reactivate', 'NOT_APPLICABLE', false],
      ['staff.correctEmail', 'ID_CHECK_REQUIRED', false],
    ]);
    expect(refusals.every((entry) => entry.subject?.startsWith('ent77-college:'))).toBe(true);
    expect(await chainHolds(desk())).toBe(true);
  });
});
