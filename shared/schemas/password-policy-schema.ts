import { z } from 'zod';

/**
 * One institution's rules for a password the person chooses, as data. Every seed's wording fits
 * these knobs: ENT 77 (≥ 8, a letter, a digit), Montpellier (≥ 8, 12 advised, a digit, a letter,
 * none of < > " ' $, not a dictionary word), Scolarité Services (8 to 14, letters and digits).
 */
export const CHARACTER_CLASSES = ['letter', 'digit', 'lower', 'upper', 'special'] as const;
export const CharacterClassSchema = z.enum(CHARACTER_CLASSES);
export type CharacterClass = z.infer<typeof CharacterClassSchema>;

export const PasswordPolicySchema = z
  .object({
    minLength: z.number().int().min(4).max(64),
    maxLength: z.number().int().min(4).max(128),
    /** Shown as advice, never enforced (umontpellier seed: "12 recommandés"). */
    advisedLength: z.number().int().min(4).max(128).optional(),
    /** Each class must appear at least once. */
    required: z.array(CharacterClassSchema).max(CHARACTER_CLASSES.length),
    /** Characters refused anywhere in the password (umontpellier seed: `< > " ' $`). */
    forbiddenCharacters: z.string().max(32).optional(),
    /** Not a dictionary word (French and English): checked in the back ends, never the renderer. */
    notDictionaryWord: z.boolean().default(false),
    /** Must not contain the person's names, identifier or birth date. */
    notPersonal: z.boolean().default(true),
    /** Must differ from the password in the letter (scolarité services: a *new* password). */
    notCurrent: z.boolean().default(false),
  })
  .refine((policy) => policy.minLength <= policy.maxLength, { message: 'minLength is above maxLength', path: ['minLength'] })
  .refine((policy) => policy.advisedLength === undefined || (policy.advisedLength >= policy.minLength && policy.advisedLength <= policy.maxLength), {
    message: 'advisedLength must lie between minLength and maxLength',
    path: ['advisedLength'],
  });
export type PasswordPolicy = z.infer<typeof PasswordPolicySchema>;
export type PasswordPolicyInput = z.input<typeof PasswordPolicySchema>;

/** Every rule the checklist can show, in the order it shows them. */
export const PASSWORD_RULE_IDS = [
  'minLength',
  'maxLength',
  'advisedLength',
  'letter',
  'digit',
  'lower',
  'upper',
  'special',
  'forbiddenCharacters',
  'notPersonal',
  'notCurrent',
  'notDictionaryWord',
] as const;
export const PasswordRuleIdSchema = z.enum(PASSWORD_RULE_IDS);
export type PasswordRuleId = z.infer<typeof PasswordRuleIdSchema>;

/**
 * One line of the checklist. `met: null` means "not decided here": the dictionary rule in the
 * renderer, which only the back ends can evaluate. `advisory` lines never block.
 */
export const PasswordRuleStateSchema = z.object({
  id: PasswordRuleIdSchema,
  met: z.boolean().nullable(),
  advisory: z.boolean(),
  /** The number or characters the rule is about, for the message ("8 caractères minimum"). */
  param: z.union([z.number().int(), z.string().max(32)]).optional(),
});
export type PasswordRuleState = z.infer<typeof PasswordRuleStateSchema>;

export const PasswordVerdictSchema = z.object({
  /** True when no blocking rule is unmet and none is undecided. */
  acceptable: z.boolean(),
  rules: z.array(PasswordRuleStateSchema).max(PASSWORD_RULE_IDS.length),
});
export type PasswordVerdict = z.infer<typeof PasswordVerdictSchema>;
