import type { PasswordContext } from '../../shared/policies/password-policy';
import { evaluatePassword, failedRules } from '../../shared/policies/password-policy';
import type { PasswordRuleId } from '../../shared/schemas/password-policy-schema';
import type { Profile } from '../../shared/schemas/profile-schema';
import { createDictionaryCheck } from './password/dictionary-check';

/**
 * What a chosen password must not contain or repeat, from the identity the person proved: their
 * names, the login and its parts, every birth date asked (the child's too, parents seed), and,
 * where the profile wants a *new* password, the provisional one from the letter.
 */
export function passwordContextFor(profile: Profile, identity: Record<string, string>, login: string): PasswordContext {
  const names: string[] = [];
  const birthDates: string[] = [];
  let current: string | undefined;
  for (const field of profile.identity.fields) {
    const value = identity[field.key];
    if (value === undefined) continue;
    if (field.kind === 'personName') names.push(value);
    if (field.kind === 'birthDate') birthDates.push(value);
    if (field.kind === 'credential' && field.credential === 'provisionalPassword') current = value;
  }
  return { names, identifier: login, birthDates, current };
}

let dictionary: ReturnType<typeof createDictionaryCheck> | undefined;

/**
 * The server's last word on a chosen password (issue 3: "the same engine runs on the server"):
 * the blocking rules it fails, empty when acceptable. The dictionary check runs here, never in
 * the renderer; a profile without a chosen password has nothing to check.
 */
export function refusedPasswordRules(profile: Profile, password: string, context: PasswordContext): PasswordRuleId[] {
  if (profile.password.mode !== 'chosen') return [];
  dictionary ??= createDictionaryCheck();
  return failedRules(evaluatePassword(profile.password.policy, password, context, dictionary));
}
