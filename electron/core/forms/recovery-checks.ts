import { RecoverySecretSchema } from '../../../shared/contract/enrollment-api';
import type { KioskInput } from '../../../shared/contract/kiosk-api';
import { parseWith } from '../../../shared/contract/parse';
import { fail, ok, type FieldProblem, type Result } from '../../../shared/contract/result';
import { identitySchemaFor } from '../../../shared/policies/identity-rules';
import type { Profile } from '../../../shared/schemas/profile-schema';
import type { RecoverySecret } from '../sync/recovery-calls';
import { filled } from './form-values';

type RecoveryInput = KioskInput<'recovery.request'>;

/**
 * `recovery.request`'s checks, before anything leaves the kiosk: the profile offers this kind
 * (parents-scolarite seed: "identifiant oublié", "mot de passe oublié"), the fields are exactly
 * the ones it asks for, each by the identity form's own rules, and the personal email given at
 * activation is there for a forgotten identifier (and refused for a password: the reset goes to
 * the address on file, and nothing personal leaves without a reason).
 */
export function checkRecoveryRequest(profile: Profile, input: RecoveryInput): Result<RecoverySecret> {
  const asked = profile.recovery?.[input.kind];
  if (!asked) return fail('INVALID_INPUT');
  // Only the listed fields, by the profile's own field rules; the schema says it is never a credential.
  const fields = profile.identity.fields.filter((field) => asked.fields.includes(field.key));
  const parsedFields = parseWith(identitySchemaFor({ ...profile, identity: { ...profile.identity, fields } }), input.fields);
  const problems: FieldProblem[] = parsedFields.ok ? [] : [...parsedFields.problems];
  const email = filled(input.email);
  if (input.kind === 'password') {
    if (email !== undefined) problems.push({ key: 'email', reason: 'unknown' });
  } else if (email === undefined) {
    problems.push({ key: 'email', reason: 'required' });
  } else if (!RecoverySecretSchema.shape.email.safeParse(email).success) {
    problems.push({ key: 'email', reason: 'format' });
  }
  if (!parsedFields.ok || problems.length > 0) return fail('INVALID_INPUT', { fields: problems });
  const secret = parseWith(RecoverySecretSchema, {
    kind: input.kind,
    fields: parsedFields.data,
    ...(email === undefined ? {} : { email }),
    locale: input.locale,
  });
  return secret.ok ? ok(secret.data) : fail('INVALID_INPUT', { fields: secret.problems });
}
