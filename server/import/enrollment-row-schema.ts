import { z } from 'zod';
import { ENROLLMENT_CHANNELS, PAYMENT_STATES } from '../../shared/policies/eligibility-rules';
import { identitySchemaFor } from '../../shared/policies/identity-rules';
import type { Profile } from '../../shared/schemas/profile-schema';

/** `studentNumber` → `student_number`: CSV columns are the profile's field keys in snake_case. */
export function columnOf(fieldKey: string): string {
  return fieldKey.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}

/** The enrollment facts every profile's CSV carries after its identity columns. */
export const FACT_COLUMNS = ['enrolled_at', 'channel', 'payment', 'activated_at'] as const;

const instant = z.iso.datetime({ offset: true }).transform((value) => new Date(value).toISOString());

export const EnrollmentFactsRowSchema = z.object({
  enrolled_at: instant,
  channel: z.enum(ENROLLMENT_CHANNELS),
  payment: z.enum(PAYMENT_STATES),
  activated_at: z.union([z.literal('').transform(() => null), instant]),
});

/** Columns expected for a profile, in the documented order. */
export function columnsFor(profile: Profile): string[] {
  return [...profile.identity.fields.map((field) => columnOf(field.key)), ...FACT_COLUMNS];
}

/** Validates one CSV row (as a column → text map) for a profile; identity keys stay camelCase. */
export function enrollmentRowSchemaFor(profile: Profile) {
  const identity = identitySchemaFor(profile);
  return z.object({ identity, facts: EnrollmentFactsRowSchema });
}
