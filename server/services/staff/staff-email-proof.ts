import type { Profile } from '../../../shared/schemas/profile-schema';
import { resendEmailProof } from '../email-proof-service';
import type { ServiceContext } from '../service-context';

/**
 * AES-GCM associated data of an email proof's columns. It must stay the one in
 * email-proof-service.ts (a ciphertext bound to another string does not open): the desk
 * re-addresses a pending proof (correctEmail) and reads its login for the diagnosis.
 */
export function proofBinding(activationId: string, column: 'sent_to' | 'login'): string {
  return `email_proofs\u0000${activationId}\u0000${column}`;
}

/** Messages staff may have sent in all: the person's limit, plus one (issue 6). */
export function staffMaxSends(profile: Profile): number {
  return 2 + (profile.emailProof?.resends ?? 0);
}

/**
 * A resend on behalf of the person, through `resendEmailProof` with every one of its checks,
 * the profile it reads only allowing one more message than the person gets. The message goes
 * out before the new hashes are committed (its design): a relay failure answers OFFLINE.
 */
export async function staffResend(ctx: ServiceContext, profile: Profile, activationId: string) {
  const emailProof = profile.emailProof ? { ...profile.emailProof, resends: profile.emailProof.resends + 1 } : undefined;
  const profiles = new Map(ctx.profiles).set(profile.id, { ...profile, emailProof });
  return resendEmailProof({ ...ctx, profiles }, activationId, null);
}
