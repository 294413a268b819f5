import type { KioskOutput } from '../../../../shared/contract/kiosk-api';
import type { FieldProblem } from '../../../../shared/contract/result';
import { EMPTY_PASSWORD_CONTEXT, evaluatePassword, type PasswordContext } from '../../../../shared/policies/password-policy';
import type { PasswordPolicy, PasswordVerdict } from '../../../../shared/schemas/password-policy-schema';
import type { ConfirmationProblem, PasswordProblem } from '../password/checklist';

type Chosen = KioskOutput<'activation.choose'>;
export type { ConfirmationProblem, PasswordProblem };

/**
 * The chosen password (typed twice), the contact details and the terms box, from the password
 * screen to `activation.choose`, then what the back end answered. Emptied at every session end;
 * the password itself is dropped as soon as the back end has it. A second instance holds the new
 * password of a recovery (recovery-state.svelte.ts), with the same checklist.
 */
export class ChoiceState {
  #policy = $state.raw<PasswordPolicy | null>(null);
  #context = $state.raw<PasswordContext>(EMPTY_PASSWORD_CONTEXT);
  #password = $state('');
  #confirmation = $state('');
  #remote = $state.raw<{ candidate: string; verdict: PasswordVerdict } | null>(null);
  #passwordProblem = $state.raw<PasswordProblem | null>(null);
  #confirmationProblem = $state<ConfirmationProblem | null>(null);
  #email = $state('');
  #mobile = $state('');
  #termsAccepted = $state(false);
  #contactProblems = $state.raw<FieldProblem[]>([]);
  #result = $state.raw<Chosen | null>(null);

  /** The back end's verdict when it is for what is typed now, else the page's own evaluation. */
  #verdict = $derived.by((): PasswordVerdict | null => {
    if (!this.#policy) return null;
    if (this.#remote?.candidate === this.#password) return this.#remote.verdict;
    return evaluatePassword(this.#policy, this.#password, this.#context);
  });

  get password(): string {
    return this.#password;
  }
  set password(value: string) {
    this.#password = value;
    if (this.#passwordProblem?.kind === 'required' && value) this.#passwordProblem = null;
  }
  get confirmation(): string {
    return this.#confirmation;
  }
  set confirmation(value: string) {
    this.#confirmation = value;
    if (this.#confirmationProblem && value === this.#password) this.#confirmationProblem = null;
  }
  get email(): string {
    return this.#email;
  }
  set email(value: string) {
    this.#email = value;
  }
  get mobile(): string {
    return this.#mobile;
  }
  set mobile(value: string) {
    this.#mobile = value;
  }
  get termsAccepted(): boolean {
    return this.#termsAccepted;
  }
  set termsAccepted(value: boolean) {
    this.#termsAccepted = value;
    if (value) this.#contactProblems = this.#contactProblems.filter((problem) => problem.key !== 'termsAccepted');
  }
  get verdict(): PasswordVerdict | null {
    return this.#verdict;
  }
  /** True when the back end has judged exactly what is typed now. */
  get judged(): boolean {
    return this.#remote?.candidate === this.#password;
  }
  get passwordProblem(): PasswordProblem | null {
    return this.#passwordProblem;
  }
  get confirmationProblem(): ConfirmationProblem | null {
    return this.#confirmationProblem;
  }
  get contactProblems(): FieldProblem[] {
    return this.#contactProblems;
  }
  get result(): Chosen | null {
    return this.#result;
  }

  prepare(policy: PasswordPolicy, context: PasswordContext): void {
    this.reset();
    this.#policy = policy;
    this.#context = context;
  }

  judge(candidate: string, verdict: PasswordVerdict): void {
    this.#remote = { candidate, verdict };
  }

  showPasswordProblems(password: PasswordProblem | null, confirmation: ConfirmationProblem | null): void {
    this.#passwordProblem = password;
    this.#confirmationProblem = confirmation;
  }

  showContactProblems(problems: FieldProblem[]): void {
    this.#contactProblems = problems;
  }

  contactProblemFor(key: string): FieldProblem | undefined {
    return this.#contactProblems.find((problem) => problem.key === key);
  }

  /** The back end has the password now: the page forgets it. */
  finish(result: Chosen): void {
    this.#result = result;
    this.#password = '';
    this.#confirmation = '';
    this.#remote = null;
  }

  /** The emailed code came back: the activation is active. */
  activate(reference: string): void {
    if (this.#result) this.#result = { ...this.#result, state: 'active', reference };
  }

  reset(): void {
    this.#policy = null;
    this.#context = EMPTY_PASSWORD_CONTEXT;
    this.#password = '';
    this.#confirmation = '';
    this.#remote = null;
    this.#passwordProblem = null;
    this.#confirmationProblem = null;
    this.#email = '';
    this.#mobile = '';
    this.#termsAccepted = false;
    this.#contactProblems = [];
    this.#result = null;
  }
}

export const choiceState = new ChoiceState();
