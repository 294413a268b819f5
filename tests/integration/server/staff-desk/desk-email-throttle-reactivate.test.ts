import { describe, expect, it } from 'vitest';
import { loadProfiles } from '../../../../server/profiles/profile-registry';
import { sweepInactive } from '../../../../server/services/inactivity-sweep';
import { profilePerson } from '../helpers/demo-person';
import { PROFILES_DIR, newKey } from '../helpers/server-harness';
import { act, actCall, chainHolds, checkId, deskAudit, diagnosisOf, lookupCall, signInAgain, useDesk } from './desk-helpers';

const desk = useDesk();
const PARENTS = 'parents-scolarite';
const UM = 'um-etudiant';
const DAY = 24 * 3_600_000;

async function actionsAudited(): Promise<string[][]> {
  return (await deskAudit(desk()))
    .filter((entry) => entry.action !== 'staff.lookup' && entry.action.startsWith('staff.') && entry.subject !== null)
    .map((entry) => [entry.action, entry.outcome]);
}

describe('correctEmail, resendEmail, liftThrottle, reactivate', () => {
  it('a mistyped address is corrected after an id check, and the pending email reaches the new one', async () => {
    const { harness, sink } = desk();
    const parent = profilePerson(PARENTS, 'eligible');
    const choice = { password: 'Gq7wLz3pRt', email: 'n.girrard@example.org', locale: 'fr' };
    expect((await harness.activateWith(PARENTS, { identity: parent, choice }, newKey())).status).toBe(201);
    await sink.waitFor((mail) => mail.to.includes('n.girrard@example.org'));
    const before = await diagnosisOf(desk(), PARENTS, parent);
    expect(before).toMatchObject({ status: 'AWAITING_EMAIL', pendingEmail: { sentTo: 'n***@example.org' } });
    expect(before.actions).not.toContain('correctEmail');
    await act(desk(), before.caseId, { action: 'idCheck', document: 'idCard' });
    const corrected = await act(desk(), before.caseId, { action: 'correctEmail', email: 'nadia.girard@example.org', locale: 'fr' });
    expect(corrected.sentTo).toBe('n***@example.org');
    expect(corrected.diagnosis.contactEmail).toBe('n***@example.org');
    expect(JSON.stringify(corrected)).not.toContain('nadia.girard@example.org');
    await sink.waitFor((mail) => mail.to.includes('nadia.girard@example.org'));
    const resent = await act(desk(), before.caseId, { action: 'resendEmail', locale: 'fr' });
    expect(resent.sentTo).toBe('n***@example.org');
    await sink.waitFor((mail) => mail.to.includes('nadia.girard@example.org') && sink.messages.filter((m) => m.to.includes('nadia.girard@example.org')).length === 2);
    expect(sink.messages.filter((mail) => mail.to.includes('n.girrard@example.org'))).toHaveLength(1);
    expect(await actionsAudited()).toEqual([
      ['staff.idCheck', 'ok'],
      ['staff.correctEmail', 'ok'],
      ['staff.resendEmail', 'ok'],
    ]);
    const audit = JSON.stringify(await deskAudit(desk()));
    expect(audit).not.toContain('nadia.girard@example.org');
    expect(await chainHolds(desk())).toBe(true);
  });

  it('resendEmail: staff may send once more than the person, then RESEND_LIMIT', async () => {
    const { harness } = desk();
    const yanis = profilePerson(UM, 'eligible');
    const started = await harness.activateWith(UM, { identity: yanis, choice: { password: 'q8Zt-Lw3p-Rx9k', locale: 'fr' } }, newKey());
    const activationId = String(started.body['activationId']);
    for (let resend = 0; resend < 3; resend += 1) {
      expect((await harness.request('POST', `/v1/activations/${activationId}/email-resend`, { headers: { 'idempotency-key': newKey() } })).status).toBe(200);
    }
    expect((await harness.request('POST', `/v1/activations/${activationId}/email-resend`, { headers: { 'idempotency-key': newKey() } })).body.error?.code).toBe('RESEND_LIMIT');
    const before = await diagnosisOf(desk(), UM, yanis);
    expect(before.pendingEmail?.resendsLeft).toBe(1);
    expect((await act(desk(), before.caseId, { action: 'resendEmail', locale: 'fr' })).sentTo).toBe('y***@example.org');
    const again = await actCall(desk(), before.caseId, { action: 'resendEmail', locale: 'fr' });
    expect([again.status, again.body.error?.code]).toEqual([409, 'NOT_APPLICABLE']);
  });

  it('liftThrottle unblocks a person the kiosk throttled', async () => {
    const { harness } = desk();
    const yanis = profilePerson(UM, 'eligible');
    for (let attempt = 0; attempt < 5; attempt += 1) await harness.lookup({ ...yanis, birthDate: '2005-06-22' }, UM);
    expect((await harness.lookup(yanis, UM)).body.error?.code).toBe('THROTTLED');
    const before = await diagnosisOf(desk(), UM, yanis);
    expect(before.throttledUntil).toBeDefined();
    expect(before.actions).toContain('liftThrottle');
    const lifted = await act(desk(), before.caseId, { action: 'liftThrottle' });
    expect(lifted.diagnosis.throttledUntil).toBeUndefined();
    expect((await harness.lookup(yanis, UM)).body).toEqual({ eligible: true });
    expect(await actionsAudited()).toEqual([['staff.liftThrottle', 'ok']]);
  });

  it('reactivate within the deletion period hands over a new letter, which the next sweep respects; after deletion the person is gone', async () => {
    const { harness } = desk();
    const parent = profilePerson(PARENTS, 'ACCOUNT_DEACTIVATED');
    const before = await diagnosisOf(desk(), PARENTS, parent);
    expect(before.status).toBe('ACCOUNT_DEACTIVATED');
    // Bringing an account back hands over a new secret: not before the parent's ID is checked here.
    const unchecked = await actCall(desk(), before.caseId, { action: 'reactivate' });
    expect([unchecked.status, unchecked.body.error?.code]).toEqual([409, 'ID_CHECK_REQUIRED']);
    expect((await diagnosisOf(desk(), PARENTS, parent)).status).toBe('ACCOUNT_DEACTIVATED');
    await checkId(desk(), before.caseId);
    const back = await act(desk(), before.caseId, { action: 'reactivate' });
    // The letter died with the deactivation ("un nouvel identifiant vous soit communiqué"): the
    // reactivation hands over a new one, shown once.
    expect(back.diagnosis.status).toBe('eligible');
    expect(back.diagnosis.deactivatedAt).toBeUndefined();
    expect(back.issued?.kind).toBe('provisionalPassword');
    const withNew = { ...parent, letterPassword: back.issued?.secret ?? '' };
    // The inactivity clock restarts from the new letter: tomorrow's sweep leaves the account alone.
    harness.clock.advance(DAY);
    (await harness.withStore(async (db) => await sweepInactive(db, loadProfiles(PROFILES_DIR).values(), harness.clock.now())));
    expect((await harness.lookup(withNew, PARENTS)).body).toEqual({ eligible: true });
    expect(await actionsAudited()).toEqual([
      ['staff.reactivate', 'ID_CHECK_REQUIRED'],
      ['staff.idCheck', 'ok'],
      ['staff.reactivate', 'ok'],
    ]);

    const other = profilePerson(PARENTS, 'eligible');
    // Letter issued 10 days before the start: deleted 365 days after it.
    harness.clock.advance(355 * DAY);
    (await harness.withStore(async (db) => await sweepInactive(db, loadProfiles(PROFILES_DIR).values(), harness.clock.now())));
    await signInAgain(desk());
    const gone = await lookupCall(desk(), PARENTS, other);
    expect([gone.status, gone.body.error?.code]).toEqual([404, 'NOT_FOUND']);
    expect(await chainHolds(desk())).toBe(true);
  });
});
