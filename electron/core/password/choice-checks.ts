import { ActivationChoiceSchema, MobileSchema, type ActivationChoice } from '../../../shared/contract/enrollment-api';
import type { KioskInput } from '../../../shared/contract/kiosk-api';
import { parseWith } from '../../../shared/contract/parse';
import { fail, ok, type FieldProblem, type Result } from '../../../shared/contract/result';
import { evaluatePassword, failedRules, type DictionaryCheck, type PasswordContext } from '../../../shared/policies/password-policy';
import type { PasswordPolicy } from '../../../shared/schemas/password-policy-schema';
import type { Profile } from '../../../shared/schemas/profile-schema';
import { filled } from '../forms/form-values';

type ChooseInput = KioskInput<'activation.choose'>;

/**
 * The contact step and the terms, as field problems the form shows next to each field. ENT 77
 * seed: "renseigner une adresse mail personnelle valide" (required), "un numéro de portable"
 * (optional), "accepter les conditions d'utilisation" before "Activer". A detail the profile
 * does not ask for is refused rather than passed on: nothing personal leaves without a reason.
 */
function contactProblems(profile: Profile, input: ChooseInput): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const email = filled(input.email);
  const mobile = filled(input.mobile);
  const contact = profile.contact;
  if (!contact) {
    if (email !== undefined) problems.push({ key: 'email', reason: 'unknown' });
  } else if (email === undefined) {
    if (contact.email === 'required') problems.push({ key: 'email', reason: 'required' });
  } else if (!ActivationChoiceSchema.shape.email.safeParse(email).success) {
    problems.push({ key: 'email', reason: 'format' });
  }
  if (mobile !== undefined) {
    if (!contact || contact.mobile === 'none') problems.push({ key: 'mobile', reason: 'unknown' });
    else if (!MobileSchema.safeParse(mobile).success) problems.push({ key: 'mobile', reason: 'format' });
  }
  if (profile.terms && !input.termsAccepted) problems.push({ key: 'termsAccepted', reason: 'required' });
  return problems;
}

/**
 * A new password typed twice (a chosen one, or a reset after "mot de passe oublié"): both
 * typings there (plus any other field the screen requires, `missing`), the second equal to the
 * first, then the policy with the same engine and dictionary as the live checklist.
 */
export function checkNewPassword(
  policy: PasswordPolicy,
  typed: { password: string; confirmation: string },
  context: PasswordContext,
  dictionary: DictionaryCheck,
  missing: FieldProblem[] = [],
): Result<void> {
  const problems = [...missing];
  if (typed.password === '') problems.push({ key: 'password', reason: 'required' });
  if (typed.confirmation === '') problems.push({ key: 'confirmation', reason: 'required' });
  if (problems.length > 0) return fail('INVALID_INPUT', { fields: problems });
  if (typed.confirmation !== typed.password) return fail('PASSWORD_MISMATCH');
  const verdict = evaluatePassword(policy, typed.password, context, dictionary);
  if (!verdict.acceptable) return fail('PASSWORD_POLICY', { rules: failedRules(verdict) });
  return ok(undefined);
}

/**
 * `activation.choose`'s checks, in the order the screen meets them: both typings there, the
 * second equal to the first, the policy (the same engine and dictionary as the live
 * checklist), then the contact details and the terms. The result is the choice to seal.
 */
export function checkChoice(
  profile: Profile,
  policy: PasswordPolicy,
  input: ChooseInput,
  context: PasswordContext,
  dictionary: DictionaryCheck,
): Result<ActivationChoice> {
  const password = checkNewPassword(policy, input, context, dictionary);
  if (!password.ok) return password;
  const problems = contactProblems(profile, input);
  if (problems.length > 0) return fail('INVALID_INPUT', { fields: problems });
  const email = filled(input.email);
  const mobile = filled(input.mobile);
  const parsed = parseWith(ActivationChoiceSchema, {
    password: input.password,
    ...(email === undefined ? {} : { email }),
    ...(mobile === undefined ? {} : { mobile }),
    ...(profile.terms ? { termsVersion: profile.terms.version } : {}),
    locale: input.locale,
  });
  return parsed.ok ? ok(parsed.data) : fail('INVALID_INPUT', { fields: parsed.problems });
}
