import { HelpRequestSecretSchema } from '../../../../shared/contract/enrollment-api';
import { parseWith } from '../../../../shared/contract/parse';
import type { FieldProblem } from '../../../../shared/contract/result';
import type { MessageKey } from '../../../../shared/messages/translate';
import type { HelpForm } from '../../../../shared/schemas/help-schema';

/**
 * The ENT 77 parents' help form as plain data (seed: "ils peuvent remplir le formulaire… afin
 * d'obtenir de l'aide, soit pour activer leur compte soit en cas de perte de leur mot de passe").
 * The server's own schema for the sealed request decides each field, so page and server agree.
 */
export interface HelpFormValues {
  topic: string;
  name: string;
  email: string;
  phone: string;
  message: string;
}

export interface HelpFormInput {
  topic: string;
  name: string;
  email: string;
  phone?: string;
  message: string;
}

export const HELP_FORM_KEYS = ['topic', 'name', 'email', 'phone', 'message'] as const;
export type HelpFormKey = (typeof HELP_FORM_KEYS)[number];

export const HELP_NAME_MAX = 120;
export const HELP_MESSAGE_MAX = 2000;

export function emptyHelpForm(): HelpFormValues {
  return { topic: '', name: '', email: '', phone: '', message: '' };
}

const shape = HelpRequestSecretSchema.shape;

function problemFor(key: HelpFormKey, value: string, form: HelpForm): FieldProblem | null {
  if (key === 'phone') return value === '' || parseWith(shape.phone, value).ok ? null : { key, reason: 'format' };
  if (value === '') return { key, reason: 'required' };
  if (key === 'topic') return form.topics.some((topic) => topic.id === value) ? null : { key, reason: 'required' };
  if (key === 'name' && value.length > HELP_NAME_MAX) return { key, reason: 'tooLong' };
  if (key === 'message' && value.length > HELP_MESSAGE_MAX) return { key, reason: 'tooLong' };
  if (key === 'email' && !parseWith(shape.email, value).ok) return { key, reason: 'format' };
  return null;
}

export function readHelpForm(form: HelpForm, values: HelpFormValues): { input: HelpFormInput; problems: FieldProblem[] } {
  const trimmed = Object.fromEntries(HELP_FORM_KEYS.map((key) => [key, values[key].trim()])) as Record<HelpFormKey, string>;
  const problems = HELP_FORM_KEYS.flatMap((key) => problemFor(key, trimmed[key], form) ?? []);
  const { phone, ...rest } = trimmed;
  return { input: phone === '' ? rest : { ...rest, phone }, problems };
}

/** The sentence for a field's problem; the back end's INVALID_INPUT is worded the same way. */
export function helpFormMessageKey(problem: FieldProblem): MessageKey {
  switch (problem.key) {
    case 'topic':
      return 'helpForm.topic.required';
    case 'name':
      return problem.reason === 'tooLong' ? 'helpForm.name.tooLong' : 'helpForm.name.required';
    case 'email':
      return problem.reason === 'required' ? 'helpForm.email.required' : 'helpForm.email.format';
    case 'phone':
      return 'helpForm.phone.format';
    default:
      return problem.reason === 'tooLong' ? 'helpForm.message.tooLong' : 'helpForm.message.required';
  }
}
