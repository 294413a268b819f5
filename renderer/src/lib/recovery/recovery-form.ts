import { parseWith } from '../../../../shared/contract/parse';
import type { FieldProblem } from '../../../../shared/contract/result';
import type { IdentityInput } from '../../../../shared/policies/identity-rules';
import type { IdentityField, Profile } from '../../../../shared/schemas/profile-schema';
import { EmailSchema } from '../contact/contact-form';
import { readIdentity, type FormValues } from '../identity/identity-form';

/**
 * "Mot de passe oublié" / "Identifiant oublié" as plain data (parents-scolarite seed; idf-lycee
 * case 2). The profile says which identity fields each asks for (`recovery[kind].fields`, never a
 * credential); identifier recovery also asks the personal email given at activation. The same
 * identity rules as the activation form decide each field.
 */
export type RecoveryKind = 'password' | 'identifier';

export interface RecoveryInput {
  fields: IdentityInput;
  email?: string;
}

export function recoveryFields(profile: Profile, kind: RecoveryKind): IdentityField[] {
  const keys = profile.recovery?.[kind]?.fields ?? [];
  return keys.flatMap((key) => profile.identity.fields.filter((field) => field.key === key && field.kind !== 'credential'));
}

/** The profile narrowed to the fields a recovery asks for, so the identity form's code reads them. */
export function recoveryProfile(profile: Profile, kind: RecoveryKind): Profile {
  const fields = recoveryFields(profile, kind);
  return { ...profile, identity: { ...profile.identity, fields, lookupKey: fields[0]?.key ?? profile.identity.lookupKey } };
}

export function asksEmail(kind: RecoveryKind): boolean {
  return kind === 'identifier';
}

export function readRecovery(profile: Profile, kind: RecoveryKind, values: FormValues, email: string): { input: RecoveryInput; problems: FieldProblem[] } {
  const { identity, problems } = readIdentity(recoveryProfile(profile, kind), values);
  const input: RecoveryInput = { fields: identity };
  if (asksEmail(kind)) {
    const typed = email.trim();
    if (typed === '') problems.push({ key: 'email', reason: 'required' });
    else if (parseWith(EmailSchema, typed).ok) input.email = typed;
    else problems.push({ key: 'email', reason: 'format' });
  }
  return { input, problems };
}
