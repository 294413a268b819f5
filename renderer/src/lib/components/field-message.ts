import type { FieldProblem } from '../../../../shared/contract/result';
import { NAME_MAX_LENGTH } from '../../../../shared/policies/identity-rules';
import type { IdentityField } from '../../../../shared/schemas/profile-schema';
import { t, text } from '../../i18n/locale-state.svelte';
import { problemMessageKey } from '../identity/identity-form';

/** The sentence for one field's problem, in the current language. */
export function fieldMessage(field: IdentityField, problem: FieldProblem): string {
  const label = text(field.label);
  const lower = label.charAt(0).toLowerCase() + label.slice(1);
  const length = field.kind === 'digits' ? field.length : '';
  const example = field.kind === 'login' ? field.example : '';
  return t(problemMessageKey(field, problem.reason), { label, lower, length, example, max: NAME_MAX_LENGTH });
}
