import { describe, expect, it } from 'vitest';
import { IdempotencyKeySchema } from '../../../../shared/contract/enrollment-api';
import { newIdempotencyKey, newReceiptReference, REFERENCE_PATTERN } from '../../../../electron/core/sync/submission-identifiers';

describe('submission identifiers', () => {
  it('makes idempotency keys of 32 random bytes that the contract accepts', () => {
    const keys = new Set(Array.from({ length: 200 }, () => newIdempotencyKey()));
    expect(keys.size).toBe(200);
    for (const key of keys) {
      expect(Buffer.from(key, 'base64url')).toHaveLength(32);
      expect(IdempotencyKeySchema.safeParse(key).success).toBe(true);
    }
  });

  it('makes receipt references without look-alike characters', () => {
    const references = Array.from({ length: 500 }, () => newReceiptReference());
    for (const reference of references) expect(reference).toMatch(REFERENCE_PATTERN);
    expect(references.join('')).not.toMatch(/[O0I1L]/);
    expect(new Set(references).size).toBe(500);
  });
});
