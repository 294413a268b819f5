import { describe, expect, it } from 'vitest';
import { loadProfiles } from '../../../server/profiles/profile-registry';
import { sweepInactive } from '../../../server/services/inactivity-sweep';
import { profilePerson } from './helpers/demo-person';
import { PROFILES_DIR, newKey, useServerHarness } from './helpers/server-harness';

const harness = useServerHarness();
const PARENTS = 'parents-scolarite';
const DAY = 24 * 3_600_000;
const parent = profilePerson(PARENTS, 'eligible');

/** Runs the sweep on the server's own data folder at the harness clock's time, as the CLI would. */
async function sweepNow() {
  return harness().withStore(async (store) => {
    const outcome = await sweepInactive(store, loadProfiles(PROFILES_DIR).values(), harness().clock.now());
    return { ...outcome, records: await store.enrollments.countEnrollments(PARENTS), letters: await store.credentials.countCredentials(PARENTS) };
  });
}

describe('parents-scolarite inactivity: deactivated after 3 months, deleted after a year', () => {
  it('the demo parent whose letter is 100 days old is already deactivated, once the identity matches', async () => {
    const deactivated = profilePerson(PARENTS, 'ACCOUNT_DEACTIVATED');
    expect((await harness().lookup(deactivated, PARENTS)).body.error?.code).toBe('ACCOUNT_DEACTIVATED');
    const wrongLetter = await harness().lookup({ ...deactivated, letterPassword: 'E5HMZ7QD' }, PARENTS);
    expect(wrongLetter.body.error?.code).toBe('IDENTITY_MISMATCH');
    const choice = { password: 'Gq7wLz3pRt', email: 'a.roche@example.org', locale: 'fr' };
    expect((await harness().activateWith(PARENTS, { identity: deactivated, choice }, newKey())).body.error?.code).toBe('ACCOUNT_DEACTIVATED');
  });

  it('counts 92 days from the letter: eligible the minute before, deactivated from then on', async () => {
    // The letter was issued 10 days before the clock's start.
    harness().clock.advance(82 * DAY - 60_000);
    expect(await sweepNow()).toMatchObject({ deactivated: 0, deleted: 0 });
    expect((await harness().lookup(parent, PARENTS)).status).toBe(200);
    harness().clock.advance(60_000);
    expect(await sweepNow()).toMatchObject({ deactivated: 1, deleted: 0 });
    expect(await sweepNow()).toMatchObject({ deactivated: 0, deleted: 0 });
    expect((await harness().lookup(parent, PARENTS)).body.error?.code).toBe('ACCOUNT_DEACTIVATED');
  });

  it('the server sweeps when it starts, so a restart after the deadline answers ACCOUNT_DEACTIVATED', async () => {
    harness().clock.advance(82 * DAY);
    // Not swept yet: the letter (valid 92 days too) has merely expired.
    expect((await harness().lookup(parent, PARENTS)).body.error?.code).toBe('CODE_EXPIRED');
    await harness().restart();
    expect((await harness().lookup(parent, PARENTS)).body.error?.code).toBe('ACCOUNT_DEACTIVATED');
  });

  it('deletes the record and its letter a year after, and then answers like an unknown person', async () => {
    // Three parents: the activated one (and its used letter) is never swept.
    expect(await sweepNow()).toMatchObject({ records: 3, letters: 3 });
    // A pending activation (waiting for its email) goes with the record.
    const choice = { password: 'Gq7wLz3pRt', email: 'n.girard@example.org', locale: 'fr' };
    expect((await harness().activateWith(PARENTS, { identity: parent, choice }, newKey())).status).toBe(201);
    harness().clock.advance(355 * DAY);
    expect(await sweepNow()).toMatchObject({ deleted: 2, records: 1, letters: 1 });
    const gone = await harness().lookup(parent, PARENTS);
    const unknown = await harness().lookup({ ...parent, login: 'z.personne99' }, PARENTS);
    expect(gone.body.error?.code).toBe('IDENTITY_MISMATCH');
    expect([gone.status, gone.text]).toEqual([unknown.status, unknown.text]);
  });

  it('never touches an activated account or a profile without an inactivity rule', async () => {
    const choice = { password: 'Trampoline7', email: 'm@example.org', termsVersion: 'ent77-2026', locale: 'fr' };
    expect((await harness().activateWith('ent77-college', { identity: profilePerson('ent77-college', 'eligible'), choice }, newKey())).status).toBe(201);
    harness().clock.advance(5 * 365 * DAY);
    await sweepNow();
    await harness().withStore(async (store) => {
      expect(await store.enrollments.countEnrollments('ent77-college')).toBe(3);
      expect(await store.enrollments.countEnrollments('cergy-etudiant')).toBe(7);
    });
  });
});
