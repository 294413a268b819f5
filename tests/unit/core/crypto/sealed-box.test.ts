import { describe, expect, it } from 'vitest';
import { SealedBoxSchema } from '../../../../shared/crypto/sealed-box-schema';
import { sealToRecipient } from '../../../../electron/core/crypto/sealed-box';
import { createRecipient, openSealedBoxReference } from '../support/sealed-box-reference';

const secret = JSON.stringify({ identity: { lastName: 'Dupont-Mérieux', studentNumber: '21000001' } });

function flip(base64url: string, index: number): string {
  const bytes = Buffer.from(base64url, 'base64url');
  bytes[index] = (bytes[index] ?? 0) ^ 0x01;
  return bytes.toString('base64url');
}

describe('sealed box', () => {
  it('seals to the contract shape, opened by an independent reading of the spec', () => {
    const { sealingKey, privateKey } = createRecipient();
    const box = sealToRecipient(secret, sealingKey);
    expect(SealedBoxSchema.parse(box)).toEqual(box);
    expect(box.ct).not.toContain('21000001');
    expect(Buffer.from(box.ct, 'base64url')).toHaveLength(Buffer.byteLength(secret) + 16);
    expect(openSealedBoxReference(box, privateKey)).toBe(secret);
  });

  it('uses a fresh ephemeral key and iv for every box', () => {
    const { sealingKey } = createRecipient();
    const first = sealToRecipient(secret, sealingKey);
    const second = sealToRecipient(secret, sealingKey);
    expect(second.epk).not.toBe(first.epk);
    expect(second.iv).not.toBe(first.iv);
    expect(second.ct).not.toBe(first.ct);
  });

  it('fails to open when any part is tampered with or the wrong key is used', () => {
    const { sealingKey, privateKey } = createRecipient();
    const box = sealToRecipient(secret, sealingKey);
    expect(() => openSealedBoxReference({ ...box, ct: flip(box.ct, 3) }, privateKey)).toThrow();
    expect(() => openSealedBoxReference({ ...box, ct: flip(box.ct, Buffer.from(box.ct, 'base64url').length - 1) }, privateKey)).toThrow();
    expect(() => openSealedBoxReference({ ...box, iv: flip(box.iv, 0) }, privateKey)).toThrow();
    expect(() => openSealedBoxReference({ ...box, epk: flip(box.epk, 5) }, privateKey)).toThrow();
    expect(() => openSealedBoxReference(box, createRecipient().privateKey)).toThrow();
  });

  it('refuses a public key that is not 32 raw bytes', () => {
    expect(() => sealToRecipient(secret, { alg: 'X25519-HKDF-SHA256-A256GCM', publicKey: 'AAAA' })).toThrow(RangeError);
  });
});
