import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * What the server must read back (the email address it sends the activation message to, the
 * mobile number) is stored AES-256-GCM under a key derived from the record key, never in clear.
 * `binding` is authenticated data (profile, record, column): a ciphertext copied onto another
 * record or column does not open there.
 */
const INFO = 'sesame record cipher v1';
const TAG_BYTES = 16;

function keyOf(recordKey: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', recordKey, Buffer.alloc(0), INFO, 32));
}

export function encryptRecordValue(recordKey: Buffer, binding: string, plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyOf(recordKey), iv);
  cipher.setAAD(Buffer.from(binding, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return `${iv.toString('base64url')}.${body.toString('base64url')}`;
}

/** The plaintext, or null when the value was altered, moved or sealed under another key. */
export function decryptRecordValue(recordKey: Buffer, binding: string, sealed: string): string | null {
  try {
    const [ivText, bodyText] = sealed.split('.');
    const body = Buffer.from(bodyText ?? '', 'base64url');
    if (body.length < TAG_BYTES) return null;
    const decipher = createDecipheriv('aes-256-gcm', keyOf(recordKey), Buffer.from(ivText ?? '', 'base64url'));
    decipher.setAAD(Buffer.from(binding, 'utf8'));
    decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
    return Buffer.concat([decipher.update(body.subarray(0, body.length - TAG_BYTES)), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}

/** The authenticated binding of one stored value: which profile, which record, which column. */
export function recordBinding(profileId: string, lookupKey: string, column: string): string {
  return `${profileId}\u0000${lookupKey}\u0000${column}`;
}
