import { describe, expect, it } from 'vitest';
import { generateSealingKeyPair, openSealedBox, x25519PrivateKey } from '../../../../server/crypto/sealed-box';
import { openResponse, sealResponse } from '../../../../server/crypto/response-vault';
import { SealedBoxSchema } from '../../../../shared/crypto/sealed-box-schema';
import { sealForTest } from '../../../integration/server/helpers/seal-for-test';

describe('sealed box', () => {
  const pair = generateSealingKeyPair();
  const privateKey = x25519PrivateKey(pair);

  it('opens a box sealed to its key, and the box matches the shared schema', () => {
    const box = sealForTest({ password: 'Aa2Bb3Cc' }, pair.publicKey);
    expect(SealedBoxSchema.safeParse(box).success).toBe(true);
    expect(openSealedBox(box, privateKey)?.toString('utf8')).toBe('{"password":"Aa2Bb3Cc"}');
  });

  it('refuses a box for another key or with a flipped byte', () => {
    const box = sealForTest({ password: 'x' }, pair.publicKey);
    expect(openSealedBox(box, x25519PrivateKey(generateSealingKeyPair()))).toBeNull();
    const ct = Buffer.from(box.ct, 'base64url');
    ct[0] = (ct[0] ?? 0) ^ 1;
    expect(openSealedBox({ ...box, ct: ct.toString('base64url') }, privateKey)).toBeNull();
  });
});

describe('response vault', () => {
  it('gives the answer back only with the same idempotency key', () => {
    const sealed = sealResponse('key-aaaaaaaaaaaaaaaa', '{"password":"Aa2Bb3Cc"}');
    expect(sealed).not.toContain('Aa2Bb3Cc');
    expect(openResponse('key-aaaaaaaaaaaaaaaa', sealed)).toBe('{"password":"Aa2Bb3Cc"}');
    expect(() => openResponse('key-bbbbbbbbbbbbbbbb', sealed)).toThrow();
  });
});
