import { canonicalFieldValue, normalizeName } from '../../shared/policies/identity-rules';
import type { Profile } from '../../shared/schemas/profile-schema';

/** `account.loginTemplate` with `{field}` replaced by the canonical identity value (cergy: `e{studentNumber}`). */
export function loginFor(profile: Profile, identity: Record<string, string>): string {
  return profile.account.loginTemplate.replace(/\{(\w+)\}/g, (_match, key: string) => {
    const field = profile.identity.fields.find((candidate) => candidate.key === key);
    return field ? canonicalFieldValue(field, identity[key] ?? '') : '';
  });
}

function emailPart(name: string): string {
  return normalizeName(name)
    .replace(/ /g, '-')
    .replace(/[^a-z0-9-]/g, '')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
}

/**
 * `prenom.nom@<emailDomain>` in lowercase ASCII (the seed's @etu.u-cergy.fr mailbox). A name
 * with no Latin letter left falls back to the login, so the address is always well formed.
 */
export function emailFor(profile: Profile, identity: Record<string, string>, login: string): string {
  const nameOf = (kind: 'given-name' | 'family-name') => {
    const field = profile.identity.fields.find((candidate) => candidate.kind === 'personName' && candidate.autocomplete === kind);
    return field ? emailPart(identity[field.key] ?? '') : '';
  };
  const parts = [nameOf('given-name'), nameOf('family-name')].filter((part) => part.length > 0);
  return `${parts.length > 0 ? parts.join('.') : login}@${profile.account.emailDomain}`;
}
