import { createCipheriv, createPublicKey, diffieHellman, generateKeyPairSync, hkdfSync, randomBytes } from 'node:crypto';
import { SEALED_BOX_ALGORITHM, type SealedBox, type SealingKey } from '../../../shared/crypto/sealed-box-schema';

/**
 * Seals a secret to the server's public key (DESIGN.md "Sync", LOCKDOWN.md #18). The bytes,
 * exactly, so the server's opening side matches:
 *   epk, esk  = fresh X25519 key pair per box
 *   shared    = X25519(esk, recipientPublicKey)
 *   key       = HKDF-SHA256(ikm = shared, salt = epk(32 raw) || recipient(32 raw),
 *                           info = "sesame sealed box v1", length = 32)
 *   iv        = 12 random bytes
 *   ct        = AES-256-GCM(key, iv, utf8(plaintext)) || 16-byte tag (no AAD)
 *   box       = { alg, epk, iv, ct }, every byte string base64url without padding.
 * The kiosk keeps no private key: once sealed, even the kiosk cannot read the secret back.
 */
export const SEALED_BOX_INFO = 'sesame sealed box v1';

export function sealToRecipient(plaintext: string, recipient: SealingKey): SealedBox {
  const recipientRaw = Buffer.from(recipient.publicKey, 'base64url');
  if (recipientRaw.length !== 32) throw new RangeError('sealing key must be 32 raw bytes');
  const recipientKey = createPublicKey({ key: { kty: 'OKP', crv: 'X25519', x: recipient.publicKey }, format: 'jwk' });
  const ephemeral = generateKeyPairSync('x25519');
  const epkRaw = rawPublicKey(ephemeral.publicKey.export({ format: 'jwk' }).x);
  const shared = diffieHellman({ privateKey: ephemeral.privateKey, publicKey: recipientKey });
  const key = Buffer.from(hkdfSync('sha256', shared, Buffer.concat([epkRaw, recipientRaw]), SEALED_BOX_INFO, 32));
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const ct = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  key.fill(0);
  shared.fill(0);
  return { alg: SEALED_BOX_ALGORITHM, epk: epkRaw.toString('base64url'), iv: iv.toString('base64url'), ct: ct.toString('base64url') };
}

function rawPublicKey(x: string | undefined): Buffer {
  if (x === undefined) throw new TypeError('X25519 key export lacks x');
  return Buffer.from(x, 'base64url');
}
