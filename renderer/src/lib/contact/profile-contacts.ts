import type { Contact, IdentityField, Profile } from '../../../../shared/schemas/profile-schema';

/**
 * Which of a profile's contacts a screen points to. Profiles name their contacts by role; the
 * outcome screens look for `scolarite` and `assistance` first and otherwise fall back to the
 * first one listed, so no screen assumes one institution's contacts.
 */
export function schoolContact(profile: Profile): Contact | undefined {
  return profile.contacts['scolarite'] ?? Object.values(profile.contacts)[0];
}

export function assistanceContact(profile: Profile): Contact | undefined {
  return profile.contacts['assistance'] ?? schoolContact(profile);
}

export type CredentialField = Extract<IdentityField, { kind: 'credential' }>;

/** The secret from the letter (activation code or provisional password), when the profile has one. */
export function credentialField(profile: Profile): CredentialField | undefined {
  return profile.identity.fields.find((field): field is CredentialField => field.kind === 'credential');
}

export function loginField(profile: Profile): Extract<IdentityField, { kind: 'login' }> | undefined {
  return profile.identity.fields.find((field): field is Extract<IdentityField, { kind: 'login' }> => field.kind === 'login');
}

/** "Code d'activation" → "code d'activation", for use inside a sentence. */
export function lowerFirst(value: string): string {
  return value.charAt(0).toLowerCase() + value.slice(1);
}
