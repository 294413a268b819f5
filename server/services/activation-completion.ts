import { auditActivation, type ActivationProof } from '../audit/activation-audit';
import type { ActivationRow } from '../store/ports/activation-store';
import type { StoreOps } from '../store/store';




/**
 * The one way an activation finishes, whatever proved it (the generated password typed back,
 * a chosen password with no email step, the emailed link or code): the activation becomes
 * active, the enrollment activated, and the letter's code or password void (ent77 seed: "le
 * code d'activation devient obsolète"). Call it inside the caller's write transaction, so the
 * changes (and the audit entry) land together or not at all.
 */
export async function completeActivation(tx: StoreOps, activation: ActivationRow, activatedAt: string, proof: ActivationProof): Promise<void> {
  await tx.activations.markActivationActive(activation.id, activatedAt);
  await tx.enrollments.markEnrollmentActivated(activation.profileId, activation.lookupKey, activatedAt);
  await tx.credentials.markCredentialsUsed(activation.profileId, activation.lookupKey, activatedAt);
  // Issue 6: a staff id check opens one activation, the reduced proof is then spent.
  await tx.idChecks.markIdChecksUsed(activation.profileId, activation.lookupKey, activatedAt);
  await auditActivation(tx, activation, 'completed', proof, new Date(activatedAt));
}
