import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * An idempotent answer (it may hold a generated password) is kept encrypted under a key
 * derived from the Idempotency-Key, which the server stores only as sha256: the server's disk
 * alone cannot give the answer back, only a retry carrying the key can.
 */
const INFO = 'sesame idempotent response v1';

function keyFor(idempotencyKey: string): Buffer {
  return Buffer.from(hkdfSync('sha256', Buffer.from(idempotencyKey, 'utf8'), Buffer.alloc(0), INFO, 32));
}

export function sealResponse(idempotencyKey: string, plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyFor(idempotencyKey), iv);
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return `${iv.toString('base64url')}.${body.toString('base64url')}`;
}

export function openResponse(idempotencyKey: string, sealed: string): string {
  const [ivText, bodyText] = sealed.split('.');
  const body = Buffer.from(bodyText ?? '', 'base64url');
  const decipher = createDecipheriv('aes-256-gcm', keyFor(idempotencyKey), Buffer.from(ivText ?? '', 'base64url'));
  decipher.setAuthTag(body.subarray(body.length - 16));
  return Buffer.concat([decipher.update(body.subarray(0, body.length - 16)), decipher.final()]).toString('utf8');
}
