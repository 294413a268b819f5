import type { FieldProblem } from '../../../../shared/contract/result';
import type { IdentityInput } from '../../../../shared/policies/identity-rules';
import type { Profile } from '../../../../shared/schemas/profile-schema';
import { emptyValues, inputNames, partName, readIdentity, type FormValues } from '../identity/identity-form';

/**
 * A staff hand-over (issue 6): what staff typed at the desk, and the fields an identity check
 * replaces (`staffAssist.idCheck.waives`, the letter's code), which the form then neither shows
 * nor asks for.
 */
export type StaffAssist = { prefill: Record<string, string>; waived: readonly string[] };

/**
 * What the person typed on the identity screen. It survives a refusal ("Corriger mes
 * informations" keeps it) and is emptied at every session end.
 */
class IdentityFormState {
  #values = $state<FormValues>({});
  #problems = $state.raw<FieldProblem[]>([]);
  #waived = $state.raw<readonly string[]>([]);

  /** Keys of the fields a staff identity check waived for this session (empty otherwise). */
  get waived(): readonly string[] {
    return this.#waived;
  }

  get values(): FormValues {
    return this.#values;
  }
  get problems(): FieldProblem[] {
    return this.#problems;
  }

  problemFor(key: string): FieldProblem | undefined {
    return this.#problems.find((problem) => problem.key === key);
  }

  prepare(profile: Profile, assist?: StaffAssist): void {
    this.#waived = assist ? assist.waived.filter((key) => key !== profile.identity.lookupKey) : [];
    this.#values = assist ? { ...emptyValues(profile), ...prefilledValues(profile, assist.prefill) } : emptyValues(profile);
    this.#problems = [];
  }

  /** The profile as this session asks for it: without the waived fields. */
  asked(profile: Profile): Profile {
    if (this.#waived.length === 0) return profile;
    const fields = profile.identity.fields.filter((field) => !this.#waived.includes(field.key));
    return { ...profile, identity: { ...profile.identity, fields } };
  }

  /**
   * On blur, once touched: a field is checked when the person leaves it after typing in it,
   * or when it already shows a problem; tabbing through an empty form says nothing.
   */
  leave(full: Profile, key: string): void {
    const profile = this.asked(full);
    const field = profile.identity.fields.find((candidate) => candidate.key === key);
    if (!field) return;
    const typed = inputNames(field).some((name) => (this.#values[name] ?? '') !== '');
    if (typed || this.problemFor(key)) this.#recheck(profile, key, false);
  }

  /**
   * While typing, a problem disappears as soon as it is fixed, so the layout settles before
   * the person reaches for the button (a message vanishing on blur moves it under the finger).
   */
  edit(profile: Profile, key: string): void {
    if (this.problemFor(key)) this.#recheck(this.asked(profile), key, true);
  }

  #recheck(profile: Profile, key: string, clearOnly: boolean): void {
    const fresh = readIdentity(profile, this.#values).problems.find((problem) => problem.key === key);
    if (clearOnly && fresh) return;
    this.#problems = profile.identity.fields.flatMap((field) => {
      if (field.key === key) return fresh ? [fresh] : [];
      return this.#problems.filter((problem) => problem.key === field.key);
    });
  }

  /** Validates everything; the identity when it is complete, null when problems are shown. */
  validate(profile: Profile): IdentityInput | null {
    const { identity, problems } = readIdentity(this.asked(profile), this.#values);
    this.#problems = problems;
    return problems.length === 0 ? identity : null;
  }

  /** The back end's INVALID_INPUT is worded exactly like the form's own checks. */
  showProblems(problems: FieldProblem[]): void {
    this.#problems = problems;
  }

  reset(): void {
    this.#values = {};
    this.#problems = [];
    this.#waived = [];
  }
}

/** `birthDate: 'YYYY-MM-DD'` as the form's three boxes; other fields as typed. Unknown keys are dropped. */
function prefilledValues(profile: Profile, prefill: Record<string, string>): FormValues {
  const values: FormValues = {};
  for (const field of profile.identity.fields) {
    const value = prefill[field.key];
    if (value === undefined) continue;
    if (field.kind !== 'birthDate') {
      for (const name of inputNames(field)) values[name] = value;
      continue;
    }
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    if (!match) continue;
    values[partName(field.key, 'day')] = match[3] ?? '';
    values[partName(field.key, 'month')] = match[2] ?? '';
    values[partName(field.key, 'year')] = match[1] ?? '';
  }
  return values;
}

export const identityForm = new IdentityFormState();
