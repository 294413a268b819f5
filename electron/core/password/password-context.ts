import type { PasswordContext } from '../../../shared/policies/password-policy';
import { canonicalFieldValue, type IdentityInput } from '../../../shared/policies/identity-rules';
import type { Profile } from '../../../shared/schemas/profile-schema';

/**
 * `account.loginTemplate` with each `{field}` replaced by the canonical identity value (ENT 77:
 * `{login}`, Montpellier: `{studentNumber}`). The server names the account the same way; the
 * kiosk needs it only for a chosen password queued while offline, before any answer came back.
 */
export function loginFor(profile: Profile, identity: IdentityInput): string {
  return profile.account.loginTemplate.replace(/\{(\w+)\}/g, (_match, key: string) => {
    const field = profile.identity.fields.find((candidate) => candidate.key === key);
    return field ? canonicalFieldValue(field, identity[key] ?? '') : '';
  });
}

/**
 * What a chosen password must not contain or repeat, from the identity the server found
 * eligible in this session: the names typed, the login, the birth dates, and the provisional
 * password of the letter when the policy asks for a new one (Scolarité Services: "nouveau mot
 * de passe"). In memory only, like the identity itself.
 */
export function passwordContextFor(profile: Profile, identity: IdentityInput): PasswordContext {
  const names: string[] = [];
  const birthDates: string[] = [];
  let current: string | undefined;
  for (const field of profile.identity.fields) {
    const value = identity[field.key];
    if (value === undefined || value === '') continue;
    if (field.kind === 'personName') names.push(value);
    if (field.kind === 'birthDate') birthDates.push(value);
    if (field.kind === 'credential' && field.credential === 'provisionalPassword') current = value;
  }
  const policy = profile.password.mode === 'chosen' ? profile.password.policy : null;
  return {
    names,
    identifier: loginFor(profile, identity),
    birthDates,
    current: policy?.notCurrent ? current : undefined,
  };
}
