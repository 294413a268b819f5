import type { FieldProblem } from '../../../../shared/contract/result';
import type { Profile } from '../../../../shared/schemas/profile-schema';
import { emptyValues, type FormValues } from '../identity/identity-form';
import { recoveryProfile, type RecoveryKind } from '../recovery/recovery-form';
import { ChoiceState } from './choice-state.svelte';
import type { Notice } from './email-proof-state.svelte';

/**
 * A recovery in progress: which kind, what was typed to ask for it, where the message went
 * (masked, the same sentence whether or not anyone matched), then the emailed code and the new
 * password (`recoveryPassword`, with the activation's checklist), and the identifier once reset.
 */
class RecoveryState {
  #kind = $state<RecoveryKind>('password');
  #values = $state<FormValues>({});
  #email = $state('');
  #problems = $state.raw<FieldProblem[]>([]);
  #notice = $state.raw<Notice | null>(null);
  #sentTo = $state('');
  #code = $state('');
  #codeProblem = $state.raw<Notice | null>(null);
  #login = $state('');

  get kind(): RecoveryKind {
    return this.#kind;
  }
  get values(): FormValues {
    return this.#values;
  }
  get email(): string {
    return this.#email;
  }
  set email(value: string) {
    this.#email = value;
  }
  get problems(): FieldProblem[] {
    return this.#problems;
  }
  get notice(): Notice | null {
    return this.#notice;
  }
  get sentTo(): string {
    return this.#sentTo;
  }
  get code(): string {
    return this.#code;
  }
  set code(value: string) {
    this.#code = value;
    if (this.#codeProblem && value.trim()) this.#codeProblem = null;
  }
  get codeProblem(): Notice | null {
    return this.#codeProblem;
  }
  get login(): string {
    return this.#login;
  }

  problemFor(key: string): FieldProblem | undefined {
    return this.#problems.find((problem) => problem.key === key);
  }

  /** A new request of this kind; what was typed for the same kind earlier stays. */
  begin(profile: Profile, kind: RecoveryKind): void {
    if (this.#kind !== kind || Object.keys(this.#values).length === 0) {
      this.#values = emptyValues(recoveryProfile(profile, kind));
      this.#email = '';
    }
    this.#kind = kind;
    this.#problems = [];
    this.#notice = null;
  }

  showProblems(problems: FieldProblem[], notice: Notice | null = null): void {
    this.#problems = problems;
    this.#notice = notice;
  }

  sent(sentTo: string): void {
    this.#sentTo = sentTo;
    this.#code = '';
    this.#codeProblem = null;
    this.#notice = null;
  }

  refuseCode(problem: Notice): void {
    this.#codeProblem = problem;
  }

  reset(login = ''): void {
    this.#login = login;
    this.#code = '';
    this.#codeProblem = null;
  }

  clear(): void {
    this.#kind = 'password';
    this.#values = {};
    this.#email = '';
    this.#problems = [];
    this.#notice = null;
    this.#sentTo = '';
    this.reset();
  }
}

export const recoveryState = new RecoveryState();
export const recoveryPassword = new ChoiceState();
