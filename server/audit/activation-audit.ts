import type { StoreOps } from '../store/store';
import { appendAudit, personSubject } from './audit-log';

/** How an activation was proven, recorded with it (never the proof itself). */
export type ActivationProof = 'generatedPassword' | 'chosenPassword' | 'emailCode' | 'emailLink';

interface ActivationFacts {
  id: string;
  profileId: string;
  lookupKey: string;
  terminalId: string;
}

/**
 * Issue 6: "every activation recorded". A started activation (a password generated or chosen,
 * waiting for its proof) and a completed one; the emailed link is opened by the person from
 * their own browser, so that completion is the person's, not the terminal's.
 */
export async function auditActivation(tx: StoreOps, activation: ActivationFacts, event: 'started' | 'completed', proof: ActivationProof, at: Date): Promise<void> {
  const byPerson = proof === 'emailLink';
  await appendAudit(
    tx,
    {
      actorKind: byPerson ? 'person' : 'terminal',
      actor: byPerson ? 'person' : activation.terminalId,
      terminalId: activation.terminalId,
      action: `activation.${event}`,
      subject: personSubject(activation.profileId, activation.lookupKey),
      outcome: 'ok',
      details: { proof, activation: activation.id.slice(0, 8) },
    },
    at,
  );
}
