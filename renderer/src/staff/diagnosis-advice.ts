import type { Diagnosis, DiagnosisStatus } from '../../../shared/contract/staff-api';
import { isMessageKey, type MessageKey } from '../../../shared/messages/translate';

/**
 * What staff read first on a diagnosis: the status in the seed's own words and the recommended
 * action. Each seed words its troubleshooting differently (cergy "Cas n°1": 8 characters, O/0,
 * i/l; umontpellier: "Problème de connexion" then Aide; parents: reactivate then a new letter),
 * and a profile without a path (no "mot de passe oublié" at cergy or umontpellier) must not be
 * sent down it, so the most specific advice wins. Pure, so it is unit-tested.
 */
export type Advice = {
  status: MessageKey;
  advice: MessageKey;
  /** NOT_YET_OPEN: the advice names the opening date. */
  needsDate: boolean;
};

export type AdviceFacts = Pick<Diagnosis, 'status' | 'profileId' | 'channel'> & { credential?: Pick<NonNullable<Diagnosis['credential']>, 'kind' | 'state'> | undefined };

export function statusKey(status: DiagnosisStatus): MessageKey {
  const key = `staff.status.${status}`;
  return isMessageKey(key) ? key : 'staff.error.generic';
}

/**
 * The keys tried, most specific first: the profile's advice for this case (cergy remote
 * enrolment: "carte d'étudiant ou certificat de scolarité"; idf "Cas 3": no letter yet), the
 * profile's advice for the status, the advice for the letter the profile issues (a new code or a
 * new provisional password, as staff will hand over), then the status's general advice.
 */
export function adviceCandidates(facts: AdviceFacts): string[] {
  const { status, profileId, channel, credential } = facts;
  const variants = [channel, credential?.state === 'none' ? 'noLetter' : undefined].filter((variant) => variant !== undefined);
  return [
    ...variants.map((variant) => `staff.advice.${profileId}.${status}.${variant}`),
    `staff.advice.${profileId}.${status}`,
    ...(credential ? [`staff.advice.${status}.${credential.kind}`] : []),
    `staff.advice.${status}`,
  ];
}

export function adviceFor(facts: AdviceFacts): Advice {
  const advice = adviceCandidates(facts).find(isMessageKey) ?? 'staff.error.generic';
  return { status: statusKey(facts.status), advice, needsDate: facts.status === 'NOT_YET_OPEN' };
}

/** LOCKDOWN.md #17 throttling is a fact beside the status: advised only while it lasts. */
export function throttleAdvice(diagnosis: Pick<Diagnosis, 'throttledUntil'>, now: Date): MessageKey | null {
  if (!diagnosis.throttledUntil) return null;
  return Date.parse(diagnosis.throttledUntil) > now.getTime() ? 'staff.advice.throttled' : null;
}

/**
 * "Aucun dossier": what the seed says to check before concluding the person is not in the file
 * (cergy "Cas n°3": the names of the enrolment record, not the "nom d'usage").
 */
export function notFoundAdvice(profileId: string): MessageKey {
  const specific = `staff.lookup.notFound.${profileId}`;
  return isMessageKey(specific) ? specific : 'staff.lookup.notFound';
}
