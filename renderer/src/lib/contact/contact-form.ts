import { ActivationChoiceSchema, MobileSchema } from '../../../../shared/contract/enrollment-api';
import { parseWith } from '../../../../shared/contract/parse';
import type { FieldProblem } from '../../../../shared/contract/result';
import type { Profile } from '../../../../shared/schemas/profile-schema';

/**
 * The contact and terms step as plain data (ENT 77: personal email required "pour récupérer son
 * mot de passe en cas d'oubli", mobile optional, the charter box ticked before "Activer"). The
 * same schemas as the server's decide, so the page and the back end agree on every field.
 */
export interface ContactValues {
  email: string;
  mobile: string;
  termsAccepted: boolean;
}

export interface ContactInput {
  email?: string;
  mobile?: string;
  termsAccepted: boolean;
}

export const EmailSchema = ActivationChoiceSchema.shape.email.unwrap();

export function readContact(profile: Profile, values: ContactValues): { input: ContactInput; problems: FieldProblem[] } {
  const input: ContactInput = { termsAccepted: values.termsAccepted };
  const problems: FieldProblem[] = [];
  const email = values.email.trim();
  const mobile = values.mobile.trim();
  if (profile.contact) {
    if (email === '') {
      if (profile.contact.email === 'required') problems.push({ key: 'email', reason: 'required' });
    } else if (parseWith(EmailSchema, email).ok) {
      input.email = email;
    } else {
      problems.push({ key: 'email', reason: 'format' });
    }
    if (profile.contact.mobile === 'optional' && mobile !== '') {
      if (parseWith(MobileSchema, mobile).ok) input.mobile = mobile;
      else problems.push({ key: 'mobile', reason: 'format' });
    }
  }
  if (profile.terms && !values.termsAccepted) problems.push({ key: 'termsAccepted', reason: 'required' });
  return { input, problems };
}

/** The back end's INVALID_INPUT keys that belong to this step (the others are the password's). */
export const CONTACT_KEYS = ['email', 'mobile', 'termsAccepted'] as const;

export function contactMessageKey(problem: FieldProblem): 'field.email.required' | 'field.email.format' | 'field.mobile.format' | 'field.termsAccepted.required' {
  if (problem.key === 'termsAccepted') return 'field.termsAccepted.required';
  if (problem.key === 'mobile') return 'field.mobile.format';
  return problem.reason === 'required' ? 'field.email.required' : 'field.email.format';
}
