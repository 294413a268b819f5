import { parseWith } from '../../../../shared/contract/parse';
import type { FieldProblem } from '../../../../shared/contract/result';
import { isMessageKey, type MessageKey } from '../../../../shared/messages/translate';
import { identitySchemaFor, type IdentityInput } from '../../../../shared/policies/identity-rules';
import type { IdentityField, Profile } from '../../../../shared/schemas/profile-schema';

/**
 * The identity form as plain data: raw input values keyed by input name, turned into the
 * identity the back end expects and into one problem per field. The same profile schema
 * the back end applies (`identitySchemaFor`) decides, so both sides agree on every rule.
 */
export type FormValues = Record<string, string>;
export type Reason = FieldProblem['reason'];

export const DATE_PARTS = ['day', 'month', 'year'] as const;
export type DatePart = (typeof DATE_PARTS)[number];

export function partName(key: string, part: DatePart): string {
  return `${key}-${part}`;
}

/** The input names a field owns: one per field, three for a birth date. */
export function inputNames(field: IdentityField): string[] {
  return field.kind === 'birthDate' ? DATE_PARTS.map((part) => partName(field.key, part)) : [field.key];
}

export function emptyValues(profile: Profile): FormValues {
  return Object.fromEntries(profile.identity.fields.flatMap(inputNames).map((name) => [name, '']));
}

/** Jour / Mois / Année → `YYYY-MM-DD`, or why not. Whether the date is real is the schema's call. */
export function composeBirthDate(day: string, month: string, year: string): { value: string } | { reason: Reason } {
  const parts = [day.trim(), month.trim(), year.trim()];
  if (parts.some((part) => part === '')) return { reason: 'required' };
  const [d = '', m = '', y = ''] = parts;
  if (!/^\d{1,2}$/.test(d) || !/^\d{1,2}$/.test(m) || !/^\d{4}$/.test(y)) return { reason: 'format' };
  return { value: `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}` };
}

function fieldValue(field: IdentityField, values: FormValues): { value: string } | { reason: Reason } {
  const raw = (name: string) => values[name] ?? '';
  switch (field.kind) {
    case 'birthDate':
      return composeBirthDate(raw(partName(field.key, 'day')), raw(partName(field.key, 'month')), raw(partName(field.key, 'year')));
    case 'digits':
      // Spaces are how people group a long number when copying it from a card.
      return { value: raw(field.key).replace(/\s+/g, '') };
    case 'personName':
    case 'login':
      return { value: raw(field.key).trim() };
    case 'credential':
      // A provisional password keeps its spaces; a code's grouping is undone by the schema.
      return { value: raw(field.key) };
  }
}

/** A digits field that holds only digits but the wrong count is a length problem, said so. */
function refineReason(field: IdentityField, reason: Reason, value: string): Reason {
  if (field.kind === 'digits' && reason === 'format' && /^\d+$/.test(value)) return 'length';
  return reason;
}

export function readIdentity(profile: Profile, values: FormValues): { identity: IdentityInput; problems: FieldProblem[] } {
  const identity: IdentityInput = {};
  const early = new Map<string, Reason>();
  for (const field of profile.identity.fields) {
    const read = fieldValue(field, values);
    if ('value' in read) identity[field.key] = read.value;
    else early.set(field.key, read.reason);
  }
  const parsed = parseWith(identitySchemaFor(profile), { ...identity, ...Object.fromEntries([...early.keys()].map((key) => [key, ''])) });
  const reasons = new Map<string, Reason>();
  if (!parsed.ok) {
    for (const problem of parsed.problems) {
      const key = problem.key.split('.')[0] ?? problem.key;
      if (!reasons.has(key)) reasons.set(key, problem.reason);
    }
  }
  for (const [key, reason] of early) reasons.set(key, reason);
  const problems = profile.identity.fields.flatMap((field) => {
    const reason = reasons.get(field.key);
    return reason ? [{ key: field.key, reason: refineReason(field, reason, identity[field.key] ?? '') }] : [];
  });
  return { identity, problems };
}

export function problemMessageKey(field: IdentityField, reason: Reason): MessageKey {
  const key = `field.${field.kind}.${reason}`;
  return isMessageKey(key) ? key : 'field.generic';
}

/** The id of the input that receives focus for a field (the day, for a birth date). */
export function fieldInputId(field: IdentityField): string {
  return `field-${inputNames(field)[0] ?? field.key}`;
}
