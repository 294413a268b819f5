import type {
  CharacterClass,
  PasswordPolicy,
  PasswordRuleId,
  PasswordRuleState,
  PasswordVerdict,
} from '../schemas/password-policy-schema';

/**
 * The one password policy engine: the renderer's live checklist, the kiosk back end and the
 * server all run it, and the server's verdict is the last word. Pure: the dictionary check is
 * passed in by the back ends (the dictionaries never ship to the renderer).
 */

/** What the password must not contain, and what it must differ from. */
export interface PasswordContext {
  /** Given and family names, the child's included where the profile asks for them. */
  names: readonly string[];
  /** The login (`prénom.nom`, `e21000001`): it and each of its parts. */
  identifier?: string | undefined;
  /** ISO dates, `YYYY-MM-DD`. */
  birthDates: readonly string[];
  /** The password from the letter, when the profile asks for a new one. */
  current?: string | undefined;
}

/** True when the candidate is, or is built around, a dictionary word. */
export type DictionaryCheck = (candidate: string, context: readonly string[]) => boolean;

export const EMPTY_PASSWORD_CONTEXT: PasswordContext = { names: [], birthDates: [] };

const CLASS_TESTS: Record<CharacterClass, (char: string) => boolean> = {
  letter: (char) => /\p{L}/u.test(char),
  digit: (char) => /\p{Nd}/u.test(char),
  lower: (char) => /\p{Ll}/u.test(char),
  upper: (char) => /\p{Lu}/u.test(char),
  special: (char) => !/[\p{L}\p{Nd}\s]/u.test(char),
};

/**
 * Lowercase, accents removed, ligatures spelled out: "Hélène" inside "HELENE2024!" and "Cœur"
 * inside "coeur75" still count as the name (NFD leaves œ and æ whole).
 */
function fold(value: string): string {
  return value.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/œ/g, 'oe').replace(/æ/g, 'ae').replace(/ß/g, 'ss');
}

/** Name and identifier pieces of 3 characters or more: shorter ones ("Li", "Ba") occur by chance. */
function personalWords(context: PasswordContext): string[] {
  const words = new Set<string>();
  const pieces = [...context.names, context.identifier ?? ''];
  if (context.identifier) pieces.push(...context.identifier.split(/[._@-]+/));
  for (const piece of pieces) {
    const folded = fold(piece);
    // The whole piece, and its runs of letters or digits: `c.dupont12` gives `dupont` too.
    for (const word of [folded.replace(/[^\p{L}\p{Nd}]/gu, ''), ...(folded.match(/\p{L}+|\p{Nd}+/gu) ?? [])]) {
      if (word.length >= 3) words.add(word);
    }
  }
  return [...words];
}

/** The ways people write a birth date into a password: 12041990, 120490, 19900412, 12/04/1990… */
export function birthDateForms(isoDate: string): string[] {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) return [];
  const [, year = '', month = '', day = ''] = match;
  const short = year.slice(2);
  const forms = [`${day}${month}${year}`, `${day}${month}${short}`, `${year}${month}${day}`, `${month}${day}${year}`];
  for (const separator of ['/', '-', '.']) forms.push([day, month, year].join(separator), [year, month, day].join(separator));
  return forms;
}

export function containsPersonalData(candidate: string, context: PasswordContext): boolean {
  const folded = fold(candidate);
  if (personalWords(context).some((word) => folded.includes(word))) return true;
  return context.birthDates.some((date) => birthDateForms(date).some((form) => candidate.includes(form)));
}

function forbiddenIn(candidate: string, forbidden: string): boolean {
  return [...candidate].some((char) => forbidden.includes(char));
}

/** What the dictionary check is told about the person, so "camille2006" counts as guessable. */
export function dictionaryContext(context: PasswordContext): string[] {
  return [...personalWords(context), ...context.birthDates];
}

/**
 * Every rule of the policy with whether the candidate meets it. `dictionary` undefined means
 * "cannot tell here" (the renderer): that rule comes back `met: null` and blocks acceptance.
 */
export function evaluatePassword(
  policy: PasswordPolicy,
  candidate: string,
  context: PasswordContext = EMPTY_PASSWORD_CONTEXT,
  dictionary?: DictionaryCheck,
): PasswordVerdict {
  const length = [...candidate].length;
  const rules: PasswordRuleState[] = [];
  const add = (id: PasswordRuleId, met: boolean | null, param?: number | string, advisory = false) =>
    rules.push(param === undefined ? { id, met, advisory } : { id, met, advisory, param });

  add('minLength', length >= policy.minLength, policy.minLength);
  add('maxLength', length <= policy.maxLength, policy.maxLength);
  if (policy.advisedLength !== undefined) add('advisedLength', length >= policy.advisedLength, policy.advisedLength, true);
  for (const characterClass of policy.required) {
    add(characterClass, [...candidate].some(CLASS_TESTS[characterClass]));
  }
  if (policy.forbiddenCharacters) add('forbiddenCharacters', !forbiddenIn(candidate, policy.forbiddenCharacters), policy.forbiddenCharacters);
  if (policy.notPersonal) add('notPersonal', !containsPersonalData(candidate, context));
  if (policy.notCurrent) add('notCurrent', context.current === undefined || candidate !== context.current);
  if (policy.notDictionaryWord) {
    add('notDictionaryWord', dictionary ? candidate.length > 0 && !dictionary(candidate, dictionaryContext(context)) : null);
  }
  const acceptable = rules.every((rule) => rule.advisory || rule.met === true);
  return { acceptable, rules };
}

/** The blocking rules a candidate fails, for the server's PASSWORD_POLICY answer. */
export function failedRules(verdict: PasswordVerdict): PasswordRuleId[] {
  return verdict.rules.filter((rule) => !rule.advisory && rule.met !== true).map((rule) => rule.id);
}
