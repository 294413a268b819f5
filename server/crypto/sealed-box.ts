/**
 * Sealed box, as both sides must build it byte for byte (the kiosk seals in
 * electron/core/crypto/, the server opens here). Every binary field is base64url without padding.
 *
 *   recipient key pair  X25519; `publicKey` = the raw 32-byte public key (43 chars)
 *   epk                 a fresh X25519 key pair per box; `epk` = its raw 32-byte public key
 *   shared              X25519(ephemeral private, recipient public), 32 bytes
 *   key                 HKDF-SHA256(ikm = shared, salt = epk(32) || recipient public(32),
 *                                   info = UTF-8 "sesame sealed box v1", length = 32)
 *   iv                  12 random bytes (16 chars)
 *   ct                  AES-256-GCM(key, iv, plaintext, no AAD): ciphertext || 16-byte tag
 *   plaintext           UTF-8 JSON of the secret (e.g. ActivationSecret)
 *   alg                 "X25519-HKDF-SHA256-A256GCM"
 */
import { createDecipheriv, createPrivateKey, createPublicKey, diffieHellman, generateKeyPairSync, hkdfSync } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import type { SealedBox } from '../../shared/crypto/sealed-box-schema';

export const SEALED_BOX_INFO = 'sesame sealed box v1';
const TAG_BYTES = 16;

export interface SealingKeyPair {
  /** Raw 32-byte X25519 public key, base64url. */
  publicKey: string;
  /** Raw 32-byte X25519 private scalar, base64url. */
  privateKey: string;
}

export function generateSealingKeyPair(): SealingKeyPair {
  const { publicKey, privateKey } = generateKeyPairSync('x25519');
  const jwk = privateKey.export({ format: 'jwk' });
  return { publicKey: publicKey.export({ format: 'jwk' }).x ?? '', privateKey: jwk.d ?? '' };
}

export function x25519PublicKey(raw: string): KeyObject {
  return createPublicKey({ key: { kty: 'OKP', crv: 'X25519', x: raw }, format: 'jwk' });
}

export function x25519PrivateKey(pair: SealingKeyPair): KeyObject {
  return createPrivateKey({ key: { kty: 'OKP', crv: 'X25519', x: pair.publicKey, d: pair.privateKey }, format: 'jwk' });
}

export function sealedBoxKey(shared: Buffer, epk: Buffer, recipientPublic: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', shared, Buffer.concat([epk, recipientPublic]), SEALED_BOX_INFO, 32));
}

/** The plaintext, or null when the box was not sealed to this key or was altered. */
export function openSealedBox(box: SealedBox, privateKey: KeyObject): Buffer | null {
  try {
    const epk = Buffer.from(box.epk, 'base64url');
    const recipientPublic = Buffer.from(createPublicKey(privateKey).export({ format: 'jwk' }).x ?? '', 'base64url');
    const shared = diffieHellman({ privateKey, publicKey: x25519PublicKey(box.epk) });
    const key = sealedBoxKey(shared, epk, recipientPublic);
    const sealed = Buffer.from(box.ct, 'base64url');
    if (sealed.length < TAG_BYTES) return null;
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(box.iv, 'base64url'));
    decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
    return Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - TAG_BYTES)), decipher.final()]);
  } catch {
    return null;
  }
}
