import type { Diagnosis, DiagnosisStatus } from '../../../shared/contract/staff-api';
import { isMessageKey, type MessageKey } from '../../../shared/messages/translate';

/**
 * What staff read first on a diagnosis: the status in the seed's own words and the recommended
 * action. A profile may word its advice differently (cergy: "Inscription en attente de
 * paiement… contactez la scolarité"; parents: reactivate then a new letter, seed "Mon compte
 * est désactivé"); otherwise the status's general advice applies. Pure, so it is unit-tested.
 */
export type Advice = {
  status: MessageKey;
  advice: MessageKey;
  /** NOT_YET_OPEN: the advice names the opening date. */
  needsDate: boolean;
};

export function statusKey(status: DiagnosisStatus): MessageKey {
  const key = `staff.status.${status}`;
  return isMessageKey(key) ? key : 'staff.error.generic';
}

export function adviceFor(status: DiagnosisStatus, profileId: string): Advice {
  const specific = `staff.advice.${profileId}.${status}`;
  const general = `staff.advice.${status}`;
  const advice: MessageKey = isMessageKey(specific) ? specific : isMessageKey(general) ? general : 'staff.error.generic';
  return { status: statusKey(status), advice, needsDate: status === 'NOT_YET_OPEN' };
}

/** LOCKDOWN.md #17 throttling is a fact beside the status: advised only while it lasts. */
export function throttleAdvice(diagnosis: Pick<Diagnosis, 'throttledUntil'>, now: Date): MessageKey | null {
  if (!diagnosis.throttledUntil) return null;
  return Date.parse(diagnosis.throttledUntil) > now.getTime() ? 'staff.advice.throttled' : null;
}
