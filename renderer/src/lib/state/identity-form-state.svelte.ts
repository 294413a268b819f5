import type { FieldProblem } from '../../../../shared/contract/result';
import type { IdentityInput } from '../../../../shared/policies/identity-rules';
import type { Profile } from '../../../../shared/schemas/profile-schema';
import { emptyValues, inputNames, readIdentity, type FormValues } from '../identity/identity-form';

/**
 * What the person typed on the identity screen. It survives a refusal ("Corriger mes
 * informations" keeps it) and is emptied at every session end.
 */
class IdentityFormState {
  #values = $state<FormValues>({});
  #problems = $state.raw<FieldProblem[]>([]);

  get values(): FormValues {
    return this.#values;
  }
  get problems(): FieldProblem[] {
    return this.#problems;
  }

  problemFor(key: string): FieldProblem | undefined {
    return this.#problems.find((problem) => problem.key === key);
  }

  prepare(profile: Profile): void {
    this.#values = emptyValues(profile);
    this.#problems = [];
  }

  /**
   * On blur, once touched: a field is checked when the person leaves it after typing in it,
   * or when it already shows a problem; tabbing through an empty form says nothing.
   */
  leave(profile: Profile, key: string): void {
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
    if (this.problemFor(key)) this.#recheck(profile, key, true);
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
    const { identity, problems } = readIdentity(profile, this.#values);
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
  }
}

export const identityForm = new IdentityFormState();
