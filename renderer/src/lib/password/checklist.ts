import type { MessageKey, MessageParams } from '../../../../shared/messages/translate';
import type { PasswordContext } from '../../../../shared/policies/password-policy';
import type { PasswordRuleId, PasswordRuleState, PasswordVerdict } from '../../../../shared/schemas/password-policy-schema';
import type { Profile } from '../../../../shared/schemas/profile-schema';
import { composeBirthDate, partName, type FormValues } from '../identity/identity-form';

/**
 * The live checklist of the password screen as plain data. The page evaluates every rule it can
 * at once with the shared engine; the back end's verdict (`password.check`, the one with the
 * dictionary) replaces it as soon as it answers for the same candidate, and has the last word.
 */
export type LineStatus = 'todo' | 'met' | 'unmet' | 'checking';

/** Why the password field or its confirmation is refused, worded by the screen. */
export type PasswordProblem = { kind: 'required' } | { kind: 'rules'; rules: PasswordRuleState[] };
export type ConfirmationProblem = 'required' | 'mismatch';

export interface ChecklistLine {
  id: PasswordRuleId;
  status: LineStatus;
  advisory: boolean;
  key: MessageKey;
  params: MessageParams;
}

/** Above this, a maximum is a technical cap rather than a seed's rule: shown only when broken. */
const TECHNICAL_MAX_LENGTH = 64;

/**
 * What the password must not contain, from what the person typed on the identity screen, so the
 * "ni votre nom, ni votre identifiant, ni votre date de naissance" line is right before the back
 * end answers. `current` is the letter's password (parents seed: a *new* password).
 */
export function passwordContextFrom(profile: Profile, values: FormValues): PasswordContext {
  const names: string[] = [];
  const birthDates: string[] = [];
  let identifier: string | undefined;
  let current: string | undefined;
  for (const field of profile.identity.fields) {
    const value = (values[field.key] ?? '').trim();
    if (field.kind === 'personName' && value) names.push(value);
    if (field.kind === 'login' && value) identifier = value;
    if (field.kind === 'credential' && field.credential === 'provisionalPassword') current = values[field.key] ?? undefined;
    if (field.kind === 'birthDate') {
      const date = composeBirthDate(values[partName(field.key, 'day')] ?? '', values[partName(field.key, 'month')] ?? '', values[partName(field.key, 'year')] ?? '');
      if ('value' in date) birthDates.push(date.value);
    }
  }
  return { names, birthDates, identifier, current: profile.password.mode === 'chosen' && profile.password.policy.notCurrent ? current : undefined };
}

/** `<>"'$` → `< > " ' $`: each forbidden character readable on its own. */
function ruleParam(rule: PasswordRuleState): string | number | undefined {
  if (rule.id === 'forbiddenCharacters' && typeof rule.param === 'string') return [...rule.param].join(' ');
  return rule.param;
}

function lineStatus(rule: PasswordRuleState, empty: boolean): LineStatus {
  if (empty) return 'todo';
  if (rule.met === null) return 'checking';
  return rule.met ? 'met' : 'unmet';
}

export function ruleMessage(rule: PasswordRuleState): { key: MessageKey; params: MessageParams } {
  const param = ruleParam(rule);
  return { key: `rule.${rule.id}`, params: param === undefined ? {} : { param } };
}

export function checklistLines(verdict: PasswordVerdict, candidate: string): ChecklistLine[] {
  const empty = candidate.length === 0;
  return verdict.rules
    .filter((rule) => !(rule.id === 'maxLength' && rule.met !== false && Number(rule.param) >= TECHNICAL_MAX_LENGTH))
    .map((rule) => ({ id: rule.id, status: lineStatus(rule, empty), advisory: rule.advisory, ...ruleMessage(rule) }));
}

/** The blocking rules that are not met; undecided ones (the dictionary, before the back end answers) are left to the server. */
export function unmetRules(verdict: PasswordVerdict): PasswordRuleState[] {
  return verdict.rules.filter((rule) => !rule.advisory && rule.met === false);
}

/** The back end's rules named in a PASSWORD_POLICY refusal, in the checklist's order. */
export function rulesNamed(verdict: PasswordVerdict, ids: readonly PasswordRuleId[]): PasswordRuleState[] {
  const known = verdict.rules.filter((rule) => ids.includes(rule.id));
  const missing = ids.filter((id) => !known.some((rule) => rule.id === id)).map((id) => ({ id, met: false, advisory: false }));
  return [...known, ...missing];
}

/** What "Continuer" says about a password typed twice, given the verdict for what is typed. */
export function pairProblems(password: string, confirmation: string, verdict: PasswordVerdict | null): { password: PasswordProblem | null; confirmation: ConfirmationProblem | null } {
  const unmet = verdict ? unmetRules(verdict) : [];
  const passwordProblem: PasswordProblem | null = !password ? { kind: 'required' } : unmet.length > 0 ? { kind: 'rules', rules: unmet } : null;
  const confirmationProblem: ConfirmationProblem | null = !confirmation ? 'required' : confirmation !== password ? 'mismatch' : null;
  return { password: passwordProblem, confirmation: confirmationProblem };
}
