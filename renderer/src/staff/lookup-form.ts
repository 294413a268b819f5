import type { FieldProblem } from '../../../shared/contract/result';
import type { IdentityInput } from '../../../shared/policies/identity-rules';
import type { IdentityField } from '../../../shared/schemas/profile-schema';
import { composeBirthDate, inputNames, partName, type FormValues } from '../lib/identity/identity-form';

/**
 * The staff lookup form (issue 6): a profile's identity fields without the letter's secret
 * ("never by browsing", and staff never type a person's code). Only emptiness and date shape
 * are checked here; the back end's INVALID_INPUT words the rest per field, like the wizard's.
 */
export function lookupFields(fields: readonly IdentityField[] | undefined): IdentityField[] {
  return (fields ?? []).filter((field) => field.kind !== 'credential');
}

export function emptyLookup(fields: readonly IdentityField[]): FormValues {
  return Object.fromEntries(fields.flatMap(inputNames).map((name) => [name, '']));
}

export function readLookup(fields: readonly IdentityField[], values: FormValues): { identity: IdentityInput; problems: FieldProblem[] } {
  const identity: IdentityInput = {};
  const problems: FieldProblem[] = [];
  for (const field of fields) {
    const raw = (name: string) => values[name] ?? '';
    if (field.kind === 'birthDate') {
      const date = composeBirthDate(raw(partName(field.key, 'day')), raw(partName(field.key, 'month')), raw(partName(field.key, 'year')));
      if ('value' in date) identity[field.key] = date.value;
      else problems.push({ key: field.key, reason: date.reason });
      continue;
    }
    const value = field.kind === 'digits' ? raw(field.key).replace(/\s+/g, '') : raw(field.key).trim();
    if (value === '') problems.push({ key: field.key, reason: 'required' });
    else identity[field.key] = value;
  }
  return { identity, problems };
}
