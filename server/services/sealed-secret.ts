import type { z } from 'zod';
import { parseWith } from '../../shared/contract/parse';
import { fail, ok } from '../../shared/contract/result';
import type { Result } from '../../shared/contract/result';
import type { SealedBox } from '../../shared/crypto/sealed-box-schema';
import { openSealedBox } from '../crypto/sealed-box';
import { prefixProblems } from './eligibility-check-service';
import type { ServiceContext } from './service-context';

/** Opens a sealed box and validates what it held; any failure names only the `sealed` field. */
export function openSecret<S extends z.ZodType>(ctx: ServiceContext, sealed: SealedBox, schema: S): Result<z.infer<S>> {
  const plaintext = openSealedBox(sealed, ctx.sealingPrivateKey);
  if (!plaintext) return fail('INVALID_INPUT', { fields: [{ key: 'sealed', reason: 'format' }] });
  let json: unknown;
  try {
    json = JSON.parse(plaintext.toString('utf8'));
  } catch {
    return fail('INVALID_INPUT', { fields: [{ key: 'sealed', reason: 'format' }] });
  }
  const parsed = parseWith(schema, json);
  if (!parsed.ok) return fail('INVALID_INPUT', { fields: prefixProblems('sealed', parsed.problems) });
  return ok(parsed.data);
}
