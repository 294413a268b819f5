import { createDecipheriv, createPublicKey, diffieHellman, generateKeyPairSync, hkdfSync, type KeyObject } from 'node:crypto';
import type { SealedBox, SealingKey } from '../../../../shared/crypto/sealed-box-schema';

/**
 * An independent reading of the sealed-box spec (shared/crypto/sealed-box-schema.ts), written
 * from the spec rather than from electron/core/crypto, so a test that seals with the kiosk's
 * code and opens here proves both sides agree on every byte.
 */
export function createRecipient(): { sealingKey: SealingKey; privateKey: KeyObject } {
  const { publicKey, privateKey } = generateKeyPairSync('x25519');
  const x = publicKey.export({ format: 'jwk' }).x ?? '';
  return { sealingKey: { alg: 'X25519-HKDF-SHA256-A256GCM', publicKey: x }, privateKey };
}

export function openSealedBoxReference(box: SealedBox, privateKey: KeyObject): string {
  const epkRaw = Buffer.from(box.epk, 'base64url');
  const recipientRaw = Buffer.from(createPublicKey(privateKey).export({ format: 'jwk' }).x ?? '', 'base64url');
  const epk = createPublicKey({ key: { kty: 'OKP', crv: 'X25519', x: box.epk }, format: 'jwk' });
  const shared = diffieHellman({ privateKey, publicKey: epk });
  const key = Buffer.from(hkdfSync('sha256', shared, Buffer.concat([epkRaw, recipientRaw]), 'sesame sealed box v1', 32));
  const sealed = Buffer.from(box.ct, 'base64url');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(box.iv, 'base64url'));
  decipher.setAuthTag(sealed.subarray(sealed.length - 16));
  return Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - 16)), decipher.final()]).toString('utf8');
}
