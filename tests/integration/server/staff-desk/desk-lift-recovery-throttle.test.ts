import { describe, expect, it } from 'vitest';
import { profilePerson } from '../helpers/demo-person';
import { requestRecovery } from '../helpers/recovery-calls';
import type { RecoverySecret } from '../helpers/recovery-calls';
import { act, chainHolds, deskAudit, diagnosisOf, useDesk } from './desk-helpers';

const desk = useDesk();
const PARENTS = 'parents-scolarite';
/** Claire Morel: an active parent account with a contact address (server/demo/profile-demo-people.ts). */
const claire = profilePerson(PARENTS, 'CODE_USED');
const ADDRESS = 'claire.morel@example.org';
/** "Identifiant oublié" with her address as she might type it, and the wrong child's birth date. */
const forgotIdentifier: RecoverySecret = { kind: 'identifier', email: 'Claire.Morel@Example.org', fields: { childBirthDate: '2012-02-18' } };
const forgotPassword: RecoverySecret = { kind: 'password', fields: { login: String(claire['login']) } };

async function blockedAfterFive(secret: RecoverySecret): Promise<string[]> {
  const codes: string[] = [];
  for (let attempt = 0; attempt < 6; attempt += 1) {
    const answer = await requestRecovery(desk().harness, PARENTS, secret);
    codes.push(answer.status === 202 ? 'accepted' : String(answer.body.error?.code));
  }
  return codes;
}

describe('liftThrottle lifts every counter that blocks the person at the kiosk', () => {
  it('a parent blocked in "identifiant oublié" and "mot de passe oublié" can retry both after one lift', async () => {
    const { harness, sink } = desk();
    const fiveThenBlocked = [...Array.from({ length: 5 }, () => 'accepted'), 'THROTTLED'];
    expect(await blockedAfterFive(forgotIdentifier)).toEqual(fiveThenBlocked);
    const blocked = await diagnosisOf(desk(), PARENTS, claire);
    // Blocked only in "identifiant oublié": the desk sees it and may lift it.
    expect(blocked.throttledUntil).toBeDefined();
    expect(blocked.actions).toContain('liftThrottle');
    expect(await blockedAfterFive(forgotPassword)).toEqual(fiveThenBlocked);
    const lifted = await act(desk(), blocked.caseId, { action: 'liftThrottle' });
    expect(lifted.diagnosis.throttledUntil).toBeUndefined();
    expect(lifted.diagnosis.actions).not.toContain('liftThrottle');
    const identifier = await requestRecovery(harness, PARENTS, { ...forgotIdentifier, fields: { childBirthDate: String(claire['childBirthDate']) } });
    expect(identifier.status).toBe(202);
    // Her reset codes went to the same address: the reminder is the one mail that names her identifier in its subject.
    const mail = await sink.waitFor((candidate) => candidate.to.some((to) => to.toLowerCase().includes(ADDRESS)) && candidate.subject.includes('Votre identifiant'));
    expect(mail.text).toContain(`- ${String(claire['login'])}`);
    expect((await requestRecovery(harness, PARENTS, forgotPassword)).status).toBe(202);
    expect((await deskAudit(desk())).filter((entry) => entry.action === 'staff.liftThrottle').map((entry) => entry.outcome)).toEqual(['ok']);
    expect(await chainHolds(desk())).toBe(true);
  });
});
