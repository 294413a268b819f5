import { z } from 'zod';
import { CohortSchema } from '../../shared/contract/staff-api';
import type { Profile } from '../../shared/schemas/profile-schema';
import { recordFields } from '../services/identity-hashing';

/** Optional import columns for group sessions (issue 6): the class or group, the name shown on a board. */
export const BOARD_COLUMNS = ['cohort', 'label'] as const;

/** A board label as staff read it on a group session ("Camille M.", a login); never a secret. */
export const BOARD_LABEL_MAX = 60;

export const CohortCellSchema = z.union([z.literal('').transform(() => null), CohortSchema]);
export const LabelCellSchema = z.string().trim().max(BOARD_LABEL_MAX).transform((value) => (value === '' ? null : value));

function capitalised(value: string): string {
  const trimmed = value.trim();
  return trimmed.slice(0, 1).toLocaleUpperCase('fr') + trimmed.slice(1);
}

/**
 * The name a board shows when the file gives none: "Prénom N." from the person-name fields
 * (enough for the teacher who knows the class, not the full name), else the login.
 */
export function derivedBoardLabel(profile: Profile, identity: Record<string, string>): string | null {
  const fields = recordFields(profile);
  const names = fields.filter((field) => field.kind === 'personName');
  const given = names.find((field) => field.kind === 'personName' && field.autocomplete === 'given-name');
  const family = names.find((field) => field !== given);
  const givenValue = given ? (identity[given.key] ?? '').trim() : '';
  const familyValue = family ? (identity[family.key] ?? '').trim() : '';
  if (givenValue && familyValue) return `${capitalised(givenValue)} ${familyValue.slice(0, 1).toLocaleUpperCase('fr')}.`.slice(0, BOARD_LABEL_MAX);
  if (givenValue || familyValue) return capitalised(givenValue || familyValue).slice(0, BOARD_LABEL_MAX);
  const login = fields.find((field) => field.kind === 'login');
  const loginValue = login ? (identity[login.key] ?? '').trim() : '';
  return loginValue ? loginValue.slice(0, BOARD_LABEL_MAX) : null;
}
