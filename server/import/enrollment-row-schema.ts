import { z } from 'zod';
import { ENROLLMENT_CHANNELS, PAYMENT_STATES } from '../../shared/policies/eligibility-rules';
import { identitySchemaFor } from '../../shared/policies/identity-rules';
import type { Profile } from '../../shared/schemas/profile-schema';
import { recordFields } from '../services/identity-hashing';
import { BOARD_COLUMNS } from './board-label';

/** `studentNumber` → `student_number`: CSV columns are the profile's field keys in snake_case. */
export function columnOf(fieldKey: string): string {
  return fieldKey.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}

/** Every enrollment fact column the importer knows, after the identity columns. */
export const FACT_COLUMNS = ['enrolled_at', 'channel', 'payment', 'activated_at', 'paid_at', 'personal_email'] as const;
export type FactColumn = (typeof FACT_COLUMNS)[number];

/**
 * Defaults for a column the profile has no rule for: without an opening delay by channel the
 * channel changes nothing (online); without a payment rule the school only exports people it
 * let in (paid). A profile whose rules read them needs them in the file.
 */
export const FACT_DEFAULTS: Partial<Record<FactColumn, string>> = { channel: 'online', payment: 'paid', paid_at: '', personal_email: '' };

const instant = z.iso.datetime({ offset: true }).transform((value) => new Date(value).toISOString());
const optionalInstant = z.union([z.literal('').transform(() => null), instant]);

/** Fact columns the file must have for this profile (the others may be left out). */
export function requiredFactColumns(profile: Profile): FactColumn[] {
  const { opening, afterPayment } = profile.eligibility;
  const required: FactColumn[] = ['enrolled_at', 'activated_at'];
  if (opening) required.push('channel');
  if (opening || afterPayment) required.push('payment');
  // umontpellier: the activation message goes to "l'adresse mail personnelle" given at enrollment.
  if (profile.emailProof?.to === 'onFile') required.push('personal_email');
  return required;
}

/** Columns expected for a profile, in the documented order: identity first, then the facts it needs. */
export function columnsFor(profile: Profile): string[] {
  return [...recordFields(profile).map((field) => columnOf(field.key)), ...requiredFactColumns(profile)];
}

/** Columns a file may add for this profile without them being "unknown" (group sessions: cohort, label). */
export function optionalColumnsFor(profile: Profile): string[] {
  const required = new Set<string>(requiredFactColumns(profile));
  return [...FACT_COLUMNS.filter((column) => !required.has(column)), ...BOARD_COLUMNS];
}

function factsSchemaFor(profile: Profile) {
  const onFile = profile.emailProof?.to === 'onFile';
  return z.object({
    enrolled_at: instant,
    channel: z.enum(ENROLLMENT_CHANNELS),
    payment: z.enum(PAYMENT_STATES),
    activated_at: optionalInstant,
    paid_at: optionalInstant,
    personal_email: onFile ? z.email().max(254) : z.union([z.literal('').transform(() => null), z.email().max(254)]),
  });
}

/** Validates one CSV row for a profile; identity keys stay camelCase. A letter's secret is never a column. */
export function enrollmentRowSchemaFor(profile: Profile) {
  const identity = identitySchemaFor({ ...profile, identity: { ...profile.identity, fields: recordFields(profile) } });
  return z.object({ identity, facts: factsSchemaFor(profile) });
}
