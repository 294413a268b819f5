import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIAGNOSIS_STATUSES } from '../../../shared/contract/staff-api';
import { en } from '../../../shared/messages/en';
import { enStaff } from '../../../shared/messages/en-staff';
import { fr } from '../../../shared/messages/fr';
import { frStaff } from '../../../shared/messages/fr-staff';
import { adviceFor, throttleAdvice } from '../../../renderer/src/staff/diagnosis-advice';

const PROFILE_DIR = join(import.meta.dirname, '../../../resources/profiles');
const profileIds = readdirSync(PROFILE_DIR)
  .filter((name) => name.endsWith('.json'))
  .map((name) => (JSON.parse(readFileSync(join(PROFILE_DIR, name), 'utf8')) as { id: string }).id);

describe('diagnosis advice', () => {
  it('reads the shipped profiles', () => {
    expect(profileIds).toEqual(expect.arrayContaining(['cergy-etudiant', 'ent77-college', 'idf-lycee', 'parents-scolarite', 'um-etudiant']));
  });

  it.each(profileIds.flatMap((profileId) => DIAGNOSIS_STATUSES.map((status) => [profileId, status] as const)))(
    '%s × %s has a status and an advice in French and English',
    (profileId, status) => {
      const advice = adviceFor(status, profileId);
      expect(advice.status).toBe(`staff.status.${status}`);
      expect(advice.advice).toMatch(new RegExp(`^staff\\.advice\\.(${profileId}\\.)?${status}$`));
      expect(fr[advice.advice]).toBeTruthy();
      expect(en[advice.advice]).toBeTruthy();
      expect(en[advice.status]).toBeTruthy();
    },
  );

  it('words cergy payment in the seed’s terms and sends to the scolarité', () => {
    const advice = adviceFor('PAYMENT_PENDING', 'cergy-etudiant');
    expect(fr[advice.status]).toBe('Inscription en attente de paiement');
    expect(fr[advice.advice]).toContain('contacter la scolarité');
    expect(fr[advice.advice]).toContain('paiement est bien enregistré');
  });

  it('tells parents desk staff to reactivate, then hand over a new letter', () => {
    expect(fr[adviceFor('ACCOUNT_DEACTIVATED', 'parents-scolarite').advice]).toMatch(/réactivez-le : un nouveau courrier/);
    expect(adviceFor('ACCOUNT_DEACTIVATED', 'cergy-etudiant').advice).toBe('staff.advice.ACCOUNT_DEACTIVATED');
  });

  it('points used or expired letters at a new code, and names the opening date', () => {
    expect(fr[adviceFor('CODE_EXPIRED', 'ent77-college').advice]).toContain('émettez un nouveau code');
    expect(fr[adviceFor('CODE_USED', 'idf-lycee').advice]).toContain('nouveau mot de passe provisoire');
    const opening = adviceFor('NOT_YET_OPEN', 'cergy-etudiant');
    expect(opening.needsDate).toBe(true);
    expect(fr[opening.advice]).toContain('{date}');
    expect(adviceFor('AWAITING_EMAIL', 'um-etudiant').needsDate).toBe(false);
  });

  it('advises lifting a throttle only while it lasts', () => {
    const now = new Date('2025-09-01T10:00:00Z');
    expect(throttleAdvice({ throttledUntil: '2025-09-01T10:05:00Z' }, now)).toBe('staff.advice.throttled');
    expect(throttleAdvice({ throttledUntil: '2025-09-01T09:55:00Z' }, now)).toBeNull();
    expect(throttleAdvice({}, now)).toBeNull();
  });

  it('mirrors every French staff key in English', () => {
    expect(Object.keys(enStaff).sort()).toEqual(Object.keys(frStaff).sort());
  });
});
