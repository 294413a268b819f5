import { describe, expect, it } from 'vitest';
import { loadProfiles } from '../../../../server/profiles/profile-registry';
import { sweepInactive } from '../../../../server/services/inactivity-sweep';
import { profilePerson } from '../helpers/demo-person';
import { PROFILES_DIR, newKey } from '../helpers/server-harness';
import { deskAudit, diagnosisOf, lookupCall, signInAgain, useDesk } from './desk-helpers';

const desk = useDesk();
const UM = 'um-etudiant';
const ENT77 = 'ent77-college';
const PARENTS = 'parents-scolarite';
const DAY = 24 * 3_600_000;

describe('diagnosis of each demo case', () => {
  it('payment pending, not yet open (with opensAt), already active', async () => {
    const pending = await diagnosisOf(desk(), UM, profilePerson(UM, 'PAYMENT_PENDING'));
    expect(pending).toMatchObject({ status: 'PAYMENT_PENDING', payment: 'pending', profileId: UM, emailOnFile: 'a***@example.org' });
    const notYet = await diagnosisOf(desk(), UM, profilePerson(UM, 'NOT_YET_OPEN'));
    // Paid 10 minutes before the clock, opens 15 minutes after payment.
    expect(notYet.status).toBe('NOT_YET_OPEN');
    expect(notYet.opensAt).toBe(new Date(desk().harness.clock.now().getTime() + 5 * 60_000).toISOString());
    const active = await diagnosisOf(desk(), UM, profilePerson(UM, 'ALREADY_ACTIVE'));
    expect(active.status).toBe('ALREADY_ACTIVE');
    expect(active.activatedAt).toBeDefined();
    expect(active.actions).toEqual(['idCheck']);
  });

  it('a used code is an active account (ent77), an expired one a new letter after an id check, with the letter state and the login', async () => {
    // The kiosk tells a person typing Jules's spent code CODE_USED; staff see why: the account is active.
    const used = await diagnosisOf(desk(), ENT77, profilePerson(ENT77, 'CODE_USED'));
    expect(used).toMatchObject({ status: 'ALREADY_ACTIVE', login: 'jules.marchand', contactEmail: 'j***@example.org', credential: { kind: 'activationCode', state: 'used' } });
    expect(used.actions).not.toContain('issueCredential');
    expect(used.afterIdCheck).not.toContain('issueCredential');
    const expired = await diagnosisOf(desk(), ENT77, profilePerson(ENT77, 'CODE_EXPIRED'));
    expect(expired).toMatchObject({ status: 'CODE_EXPIRED', login: 'sarah.benali', credential: { kind: 'activationCode', state: 'expired' } });
    expect(expired.actions).not.toContain('issueCredential');
    expect(expired.afterIdCheck).toContain('issueCredential');
    const valid = await diagnosisOf(desk(), ENT77, profilePerson(ENT77, 'eligible'));
    expect(valid).toMatchObject({ status: 'eligible', credential: { state: 'valid' } });
  });

  it('deactivated (parents) once the sweep ran with the clock moved, with the deletion date and reactivate offered', async () => {
    const { harness } = desk();
    const parent = profilePerson(PARENTS, 'eligible');
    expect((await diagnosisOf(desk(), PARENTS, parent)).status).toBe('eligible');
    // The letter was issued 10 days before the clock: deactivated 92 days after it.
    harness.clock.advance(83 * DAY);
    (await harness.withStore(async (db) => await sweepInactive(db, loadProfiles(PROFILES_DIR).values(), harness.clock.now())));
    await signInAgain(desk());
    const deactivated = await diagnosisOf(desk(), PARENTS, parent);
    expect(deactivated.status).toBe('ACCOUNT_DEACTIVATED');
    expect(deactivated.deactivatedAt).toBeDefined();
    expect(deactivated.deletionAt).toBe(new Date(Date.parse(harness.clock.now().toISOString()) - 93 * DAY + 365 * DAY).toISOString());
    expect(deactivated.actions).not.toContain('reactivate');
    expect(deactivated.afterIdCheck).toContain('reactivate');
    expect([...deactivated.actions, ...(deactivated.afterIdCheck ?? [])]).not.toContain('issueCredential');
  });

  it('awaiting email: the pending proof, masked, with what staff may still resend', async () => {
    const { harness } = desk();
    const yanis = profilePerson(UM, 'eligible');
    const started = await harness.activateWith(UM, { identity: yanis, choice: { password: 'q8Zt-Lw3p-Rx9k', locale: 'fr' } }, newKey());
    expect(started.status).toBe(201);
    const answer = await lookupCall(desk(), UM, yanis);
    expect(answer.text).not.toContain('yanis.delmas@example.org');
    const awaiting = await diagnosisOf(desk(), UM, yanis);
    // The person may resend 3 times; staff once more (issue 6).
    expect(awaiting).toMatchObject({ status: 'AWAITING_EMAIL', login: '22000001', emailOnFile: 'y***@example.org', pendingEmail: { sentTo: 'y***@example.org', resendsLeft: 4 } });
    expect(awaiting.actions).toContain('resendEmail');
  });

  it('shows contact addresses masked only, and audits every lookup with a pseudonymous subject', async () => {
    for (const [profileId, expected, clear] of [
      [ENT77, 'CODE_USED', 'jules.marchand@example.org'],
      [PARENTS, 'CODE_USED', 'claire.morel@example.org'],
      [UM, 'ALREADY_ACTIVE', 'lina.barbier@example.org'],
    ] as const) {
      const answer = await lookupCall(desk(), profileId, profilePerson(profileId, expected));
      expect(answer.status).toBe(200);
      expect(answer.text).not.toContain(clear);
      expect(answer.text).toContain('***@example.org');
    }
    await lookupCall(desk(), ENT77, { login: 'tom.inconnu' });
    const lookups = (await deskAudit(desk())).filter((entry) => entry.action === 'staff.lookup');
    expect(lookups.map((entry) => entry.outcome)).toEqual(['ok', 'ok', 'ok', 'NOT_FOUND']);
    expect(lookups[0]?.subject).toMatch(/^ent77-college:[A-Za-z0-9_-]{16}$/);
    expect(lookups[3]?.subject).toBeNull();
    expect(lookups.every((entry) => entry.terminalId === 'borne-test')).toBe(true);
  });
});
