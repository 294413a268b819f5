import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { adviceFor, notFoundAdvice, throttleAdvice, type AdviceFacts } from '../../../renderer/src/staff/diagnosis-advice';
import { credentialKindOf } from '../../../server/services/credential-service';
import type { DiagnosisStatus } from '../../../shared/contract/staff-api';
import { en } from '../../../shared/messages/en';
import { fr } from '../../../shared/messages/fr';
import { isMessageKey, type MessageKey } from '../../../shared/messages/translate';
import type { Profile } from '../../../shared/schemas/profile-schema';
import { loadProfile } from '../../e2e/support/profiles';

const PROFILE_DIR = join(import.meta.dirname, '../../../resources/profiles');
const profiles = readdirSync(PROFILE_DIR)
  .filter((name) => name.endsWith('.json'))
  .map((name) => loadProfile(name.replace(/\.json$/, '')));

/**
 * The statuses the server's diagnosis can give for a profile, from the rules that produce them
 * (decideEligibility, letterRefusal, the pending email proof): a profile without an opening or
 * payment rule imports everyone as paid, only letters are used or expire, only the inactivity
 * sweep deactivates, only an email proof leaves an activation waiting.
 */
function statusesOf(profile: Profile): DiagnosisStatus[] {
  const statuses: DiagnosisStatus[] = ['eligible', 'ALREADY_ACTIVE'];
  const { opening, afterPayment, inactivity } = profile.eligibility;
  if (opening || afterPayment) statuses.push('PAYMENT_PENDING', 'NOT_YET_OPEN');
  if (inactivity) statuses.push('ACCOUNT_DEACTIVATED');
  if (credentialKindOf(profile)) statuses.push('CODE_USED', 'CODE_EXPIRED');
  if (profile.emailProof) statuses.push('AWAITING_EMAIL');
  return statuses;
}

/** Every diagnosis a profile can show for a status: both enrolment channels, and each letter state. */
function factsOf(profile: Profile, status: DiagnosisStatus): AdviceFacts[] {
  const kind = credentialKindOf(profile);
  const letters = kind ? (['none', 'valid', 'used', 'expired'] as const).map((state) => ({ kind, state })) : [undefined];
  return (['online', 'remote'] as const).flatMap((channel) => letters.map((credential) => ({ status, profileId: profile.id, channel, credential })));
}

/** Paths a profile may lack, and how advice would name them in each language. */
function missingPaths(profile: Profile): { path: string; fr: RegExp; en: RegExp }[] {
  const kind = credentialKindOf(profile);
  const missing: { path: string; fr: RegExp; en: RegExp }[] = [];
  if (!profile.recovery?.password) missing.push({ path: 'password recovery', fr: /mot de passe oublié/i, en: /forgotten password|forgot password/i });
  if (!profile.recovery?.identifier) missing.push({ path: 'identifier recovery', fr: /identifiant oublié/i, en: /forgotten identifier|forgot identifier/i });
  if (kind !== 'activationCode') missing.push({ path: 'activation code', fr: /nouveau code|code d’activation/i, en: /new code|activation code/i });
  if (kind !== 'provisionalPassword') missing.push({ path: 'provisional password', fr: /mot de passe provisoire/i, en: /provisional password/i });
  if (!profile.emailProof) missing.push({ path: 'email resend', fr: /renvoyez/i, en: /resend/i });
  if (!profile.eligibility.inactivity) missing.push({ path: 'reactivation', fr: /réactivez/i, en: /reactivate/i });
  return missing;
}

const cases = profiles.flatMap((profile) => statusesOf(profile).map((status) => [profile.id, status, profile] as const));

describe('diagnosis advice', () => {
  it('reads the shipped profiles', () => {
    expect(profiles.map((profile) => profile.id)).toEqual(expect.arrayContaining(['cergy-etudiant', 'ent77-college', 'idf-lycee', 'parents-scolarite', 'um-etudiant']));
    expect(statusesOf(loadProfile('cergy-etudiant'))).not.toContain('CODE_USED');
    expect(statusesOf(loadProfile('parents-scolarite'))).toContain('ACCOUNT_DEACTIVATED');
  });

  it.each(cases)('%s × %s: advised in French and English, never down a path the profile lacks', (_id, status, profile) => {
    for (const facts of factsOf(profile, status)) {
      const advice = adviceFor(facts);
      const where = `${profile.id} ${status} ${facts.channel} ${facts.credential?.state ?? ''}`;
      expect(advice.status, where).toBe(`staff.status.${status}`);
      expect(advice.advice, where).toMatch(/^staff\.advice\./);
      expect(fr[advice.advice], where).toBeTruthy();
      expect(en[advice.advice], where).toBeTruthy();
      expect(en[advice.status], where).toBeTruthy();
      for (const missing of missingPaths(profile)) {
        expect(fr[advice.advice], `${where}: ${missing.path}`).not.toMatch(missing.fr);
        expect(en[advice.advice], `${where}: ${missing.path}`).not.toMatch(missing.en);
      }
      // The opening date is named exactly when there is one.
      expect(fr[advice.advice].includes('{date}'), where).toBe(status === 'NOT_YET_OPEN');
    }
  });

  it('sends an active cergy student through the seed’s "Cas n°1", then to ent-assistance', () => {
    const text = fr[adviceFor({ status: 'ALREADY_ACTIVE', profileId: 'cergy-etudiant', channel: 'online' }).advice];
    expect(text).toContain('confusion entre le O et le 0, le i et le l');
    expect(text).toContain('contient 8 caractères');
    expect(text).toContain('ent-assistance@ml.u-cergy.fr');
  });

  it('sends an active umontpellier student to "Problème de connexion", then Aide', () => {
    expect(fr[adviceFor({ status: 'ALREADY_ACTIVE', profileId: 'um-etudiant', channel: 'online' }).advice]).toContain('« Problème de connexion », puis sur Aide');
  });

  it('words cergy payment in the seed’s terms and gives the scolarité’s address', () => {
    const advice = adviceFor({ status: 'PAYMENT_PENDING', profileId: 'cergy-etudiant', channel: 'online' });
    expect(fr[advice.status]).toBe('Inscription en attente de paiement');
    expect(fr[advice.advice]).toContain('la personne doit contacter la scolarité. Scolarité (pôle inscriptions) : sgpoleinscriptions@ml.u-cergy.fr');
    expect(fr[advice.advice]).toContain('paiement est bien enregistré');
  });

  it('tells cergy staff the delay by channel, and the card or certificate after a remote enrolment', () => {
    const remote = fr[adviceFor({ status: 'NOT_YET_OPEN', profileId: 'cergy-etudiant', channel: 'remote' }).advice];
    expect(remote).toContain('24h après l’inscription');
    expect(remote).toContain('carte d’étudiant ou de son certificat de scolarité');
    const online = fr[adviceFor({ status: 'NOT_YET_OPEN', profileId: 'cergy-etudiant', channel: 'online' }).advice];
    expect(online).toContain('dès le lendemain');
    expect(online).toContain('spams (courriers indésirables)');
    expect(fr[adviceFor({ status: 'NOT_YET_OPEN', profileId: 'um-etudiant', channel: 'online' }).advice]).toContain('15 minutes après le paiement');
  });

  it('says the umontpellier link lasts 24 h while the email is awaited', () => {
    expect(fr[adviceFor({ status: 'AWAITING_EMAIL', profileId: 'um-etudiant', channel: 'online' }).advice]).toContain('ce lien est valable 24h');
    expect(fr[adviceFor({ status: 'AWAITING_EMAIL', profileId: 'parents-scolarite', channel: 'online' }).advice]).toContain('lien permettant l’activation du compte');
  });

  it('tells parents desk staff to reactivate, then hand over a new letter', () => {
    const parents = { status: 'ACCOUNT_DEACTIVATED', profileId: 'parents-scolarite', channel: 'online', credential: { kind: 'provisionalPassword', state: 'valid' } } as const;
    expect(fr[adviceFor(parents).advice]).toMatch(/réactivez-le : un nouveau courrier/);
  });

  it('names what staff will issue by the letter the profile sends', () => {
    const expired = (profileId: string, kind: 'activationCode' | 'provisionalPassword') =>
      fr[adviceFor({ status: 'CODE_EXPIRED', profileId, channel: 'online', credential: { kind, state: 'expired' } }).advice];
    expect(expired('ent77-college', 'activationCode')).toContain('émettez un nouveau code');
    expect(expired('parents-scolarite', 'provisionalPassword')).toContain('émettez un nouveau mot de passe provisoire');
    expect(expired('idf-lycee', 'provisionalPassword')).toContain('émettez un nouveau mot de passe provisoire');
    const noLetter = fr[adviceFor({ status: 'eligible', profileId: 'idf-lycee', channel: 'online', credential: { kind: 'provisionalPassword', state: 'none' } }).advice];
    expect(noLetter).toMatch(/^Cas 3 : aucun courrier reçu/);
  });

  it('says what the seed checks when no record matches (cergy: not the "nom d’usage")', () => {
    expect(fr[notFoundAdvice('cergy-etudiant')]).toContain('ignorez le « nom d’usage » s’il apparaît');
    expect(fr[notFoundAdvice('idf-lycee')]).toContain('professeur principal');
    expect(notFoundAdvice('another-school')).toBe('staff.lookup.notFound');
    for (const profile of profiles) {
      const key = notFoundAdvice(profile.id);
      expect(key, profile.id).toBe(`staff.lookup.notFound.${profile.id}`);
      expect(en[key], profile.id).toBeTruthy();
      for (const missing of missingPaths(profile)) expect(fr[key], `${profile.id}: ${missing.path}`).not.toMatch(missing.fr);
    }
  });

  it('advises lifting a throttle only while it lasts', () => {
    const now = new Date('2025-09-01T10:00:00Z');
    expect(throttleAdvice({ throttledUntil: '2025-09-01T10:05:00Z' }, now)).toBe('staff.advice.throttled');
    expect(throttleAdvice({ throttledUntil: '2025-09-01T09:55:00Z' }, now)).toBeNull();
    expect(throttleAdvice({}, now)).toBeNull();
  });

  it('words every staff message in English, with the same placeholders', () => {
    const staffKeys = Object.keys(fr).filter((key): key is MessageKey => isMessageKey(key) && key.startsWith('staff.'));
    expect(staffKeys.length).toBeGreaterThan(100);
    const names = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
    for (const key of staffKeys) {
      expect(en[key], key).toBeTruthy();
      expect(names(en[key] ?? ''), key).toEqual(names(fr[key]));
    }
  });
});
