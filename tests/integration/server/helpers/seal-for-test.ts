import { createCipheriv, createPublicKey, diffieHellman, generateKeyPairSync, hkdfSync, randomBytes } from 'node:crypto';
import { SEALED_BOX_ALGORITHM } from '../../../../shared/crypto/sealed-box-schema';
import type { SealedBox } from '../../../../shared/crypto/sealed-box-schema';

/**
 * The kiosk's half of the sealed box, written again from the spec at the top of
 * server/crypto/sealed-box.ts, so the tests prove the server opens what the spec describes.
 */
export function sealForTest(secret: unknown, recipientPublicKey: string): SealedBox {
  const ephemeral = generateKeyPairSync('x25519');
  const epk = Buffer.from(ephemeral.publicKey.export({ format: 'jwk' }).x ?? '', 'base64url');
  const recipient = createPublicKey({ key: { kty: 'OKP', crv: 'X25519', x: recipientPublicKey }, format: 'jwk' });
  const shared = diffieHellman({ privateKey: ephemeral.privateKey, publicKey: recipient });
  const salt = Buffer.concat([epk, Buffer.from(recipientPublicKey, 'base64url')]);
  const key = Buffer.from(hkdfSync('sha256', shared, salt, 'sesame sealed box v1', 32));
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const ct = Buffer.concat([cipher.update(JSON.stringify(secret), 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return { alg: SEALED_BOX_ALGORITHM, epk: epk.toString('base64url'), iv: iv.toString('base64url'), ct: ct.toString('base64url') };
}
