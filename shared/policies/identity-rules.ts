import { z } from 'zod';
import type { IdentityField, Profile } from '../schemas/profile-schema';
import { normalizeCode } from './secret-codes';

/**
 * Names as printed on a student card: letters (accents included), spaces, hyphens and
 * apostrophes (straight or typographic). Matching ignores case, accents and punctuation style,
 * because the card and the record do not always agree on them (cergy seed, "Cas n°3").
 */
const NAME_PATTERN = /^[\p{L}\p{M}]+(?:[ '’ʼ‘-]+[\p{L}\p{M}]+)*$/u;
export const NAME_MAX_LENGTH = 60;

export function normalizeName(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’ʼ‘`´]/g, "'")
    .replace(/\s*([-'])\s*/g, '$1')
    .replace(/\s+/g, ' ')
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .trim();
}

/**
 * What two names are compared by: letters only. Cards, records and keyboards disagree on
 * apostrophes, hyphens and spaces ("N'Guessan" / "NGUESSAN", "Jean-Pierre" / "JEAN PIERRE"),
 * and a match still needs the number and the birth date, so punctuation proves nothing.
 */
export function nameMatchKey(value: string): string {
  return normalizeName(value).replace(/[ '-]/g, '');
}

export function namesMatch(typed: string, recorded: string): boolean {
  return nameMatchKey(typed) === nameMatchKey(recorded);
}

/** A real calendar date, YYYY-MM-DD, not in the future and not before 1900. */
export function isRealDate(value: string, today: Date = new Date()): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  const real = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return real && year >= 1900 && date.getTime() <= today.getTime();
}

/** Identifiers from letters (`prénom.nom`): letters and digits joined by dots, hyphens or underscores. */
const LOGIN_PATTERN = /^[\p{L}\p{Nd}]+(?:[._-][\p{L}\p{Nd}]+)*$/u;
export const LOGIN_MAX_LENGTH = 64;

/** `Danièle.Adams ` → `daniele.adams`: letters keep no case or accent, as printed letters vary. */
export function normalizeLogin(value: string): string {
  return value.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();
}

function fieldSchema(field: IdentityField): z.ZodType<string> {
  switch (field.kind) {
    case 'login':
      return z.string().trim().min(1).max(LOGIN_MAX_LENGTH).regex(LOGIN_PATTERN);
    case 'credential':
      return field.credential === 'activationCode'
        ? z.string().min(1).max(40).refine((value) => /^[A-Z0-9]{4,32}$/.test(normalizeCode(value)), { params: { reason: 'format' } })
        : z.string().min(1).max(64);
    case 'personName':
      return z.string().trim().min(1).max(NAME_MAX_LENGTH).regex(NAME_PATTERN);
    case 'birthDate':
      return z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine((value) => isRealDate(value), { params: { reason: 'date' } });
    case 'digits':
      return z.string().trim().min(1).max(field.length + 8).regex(new RegExp(`^\\d{${field.length}}$`));
  }
}

/** The identity a profile asks for, as one strict zod object built from its field list. */
export function identitySchemaFor(profile: Profile) {
  const shape: Record<string, z.ZodType<string>> = {};
  for (const field of profile.identity.fields) shape[field.key] = fieldSchema(field);
  return z.strictObject(shape);
}

/** Transport-level shape of an identity before the profile's rules apply. */
export const IdentityInputSchema = z.record(z.string().max(32), z.string().max(200)).refine(
  (record) => Object.keys(record).length <= 8,
  { message: 'too many fields' },
);
export type IdentityInput = z.infer<typeof IdentityInputSchema>;

/** Value a field is compared and stored by: names and logins normalised, codes ungrouped, digits trimmed. */
export function canonicalFieldValue(field: IdentityField, value: string): string {
  switch (field.kind) {
    case 'personName':
      return nameMatchKey(value);
    case 'login':
      return normalizeLogin(value);
    case 'credential':
      // A provisional password is compared exactly as typed: its case and spaces are part of it.
      return field.credential === 'activationCode' ? normalizeCode(value) : value;
    default:
      return value.trim();
  }
}
