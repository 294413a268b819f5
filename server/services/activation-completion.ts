import { auditActivation, type ActivationProof } from '../audit/activation-audit';
import { markActivationActive } from '../store/activation-repository';
import type { ActivationRow } from '../store/activation-repository';
import type { Db } from '../store/connection';
import { markCredentialsUsed } from '../store/credential-repository';
import { markEnrollmentActivated } from '../store/enrollment-repository';
import { markIdChecksUsed } from '../store/id-check-repository';

/**
 * The one way an activation finishes, whatever proved it (the generated password typed back,
 * a chosen password with no email step, the emailed link or code): the activation becomes
 * active, the enrollment activated, and the letter's code or password void (ent77 seed: "le
 * code d'activation devient obsolète"). Call it inside the caller's write transaction, so the
 * changes (and the audit entry) land together or not at all.
 */
export function completeActivation(tx: Db, activation: ActivationRow, activatedAt: string, proof: ActivationProof): void {
  markActivationActive(tx, activation.id, activatedAt);
  markEnrollmentActivated(tx, activation.profileId, activation.lookupKey, activatedAt);
  markCredentialsUsed(tx, activation.profileId, activation.lookupKey, activatedAt);
  // Issue 6: a staff id check opens one activation, the reduced proof is then spent.
  markIdChecksUsed(tx, activation.profileId, activation.lookupKey, activatedAt);
  auditActivation(tx, activation, 'completed', proof, new Date(activatedAt));
}
