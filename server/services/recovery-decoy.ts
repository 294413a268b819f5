import { createHmac } from 'node:crypto';
import { hashPassword, verifyPassword } from '../crypto/password-hash';
import { newEmailCode } from '../mail/email-proof-secrets';

/**
 * What a recovery that matched nobody answers and costs (issue 3: "answers the same way whether
 * or not the person exists"): a masked address that looks like any other, the same for the same
 * request, and the same scrypt work as a real code.
 */
const COMMON_DOMAINS = ['gmail.com', 'orange.fr', 'hotmail.fr', 'yahoo.fr', 'free.fr', 'laposte.net', 'outlook.fr', 'sfr.fr'] as const;
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** `m***@orange.fr`, derived from an HMAC of the request under the record key: stable, plausible, and unlinkable without the key. */
export function decoyMask(recordKey: Buffer, requestHash: string): string {
  const digest = createHmac('sha256', recordKey).update(`recovery decoy mask\u0000${requestHash}`).digest();
  const letter = LETTERS[(digest[0] ?? 0) % LETTERS.length] ?? 'a';
  const domain = COMMON_DOMAINS[(digest[1] ?? 0) % COMMON_DOMAINS.length] ?? COMMON_DOMAINS[0];
  return `${letter}***@${domain}`;
}

/** A scrypt hash of a code nobody is ever sent: a decoy's code, indistinguishable at rest. */
export function hashOfUnsentCode(): Promise<string> {
  return hashPassword(newEmailCode());
}

let dummyHash: Promise<string> | undefined;

/** One scrypt verification against a code nobody holds: an unknown recovery id costs what a known one does. */
export async function verifyAgainstNothing(code: string): Promise<false> {
  dummyHash ??= hashOfUnsentCode();
  await verifyPassword(code, await dummyHash);
  return false;
}
