import { z } from 'zod';

/**
 * A secret sealed to the server's public key (LOCKDOWN.md #18): X25519 ephemeral-static key
 * agreement, HKDF-SHA256, AES-256-GCM. The kiosk keeps only this, so a stolen disk yields
 * nothing and the kiosk itself cannot read its outbox back.
 */
export const SEALED_BOX_ALGORITHM = 'X25519-HKDF-SHA256-A256GCM' as const;

const base64url = z.string().regex(/^[A-Za-z0-9_-]+$/);

export const SealedBoxSchema = z.object({
  alg: z.literal(SEALED_BOX_ALGORITHM),
  /** Ephemeral public key, raw 32 bytes. */
  epk: base64url.length(43),
  iv: base64url.length(16),
  ct: base64url.min(22).max(16_384),
});
export type SealedBox = z.infer<typeof SealedBoxSchema>;

export const SealingKeySchema = z.object({
  alg: z.literal(SEALED_BOX_ALGORITHM),
  /** Raw 32-byte X25519 public key, base64url. */
  publicKey: base64url.length(43),
});
export type SealingKey = z.infer<typeof SealingKeySchema>;
