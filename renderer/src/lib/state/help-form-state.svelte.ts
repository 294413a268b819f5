import type { FieldProblem } from '../../../../shared/contract/result';
import { emptyHelpForm, type HelpFormValues } from '../help-form/help-form';
import type { Notice } from './email-proof-state.svelte';

/** The parents' help form as typed, its problems, and the reference once the server has it. */
class HelpFormState {
  #values = $state<HelpFormValues>(emptyHelpForm());
  #problems = $state.raw<FieldProblem[]>([]);
  #notice = $state.raw<Notice | null>(null);
  #reference = $state('');

  get values(): HelpFormValues {
    return this.#values;
  }
  get problems(): FieldProblem[] {
    return this.#problems;
  }
  get notice(): Notice | null {
    return this.#notice;
  }
  get reference(): string {
    return this.#reference;
  }

  problemFor(key: string): FieldProblem | undefined {
    return this.#problems.find((problem) => problem.key === key);
  }

  /** A problem disappears as soon as its field is edited, so the layout settles before "Envoyer". */
  edited(key: string): void {
    if (this.problemFor(key)) this.#problems = this.#problems.filter((problem) => problem.key !== key);
  }

  showProblems(problems: FieldProblem[], notice: Notice | null = null): void {
    this.#problems = problems;
    this.#notice = notice;
  }

  /** Sent: the message and the address are dropped, only the reference stays on screen. */
  sent(reference: string): void {
    this.#reference = reference;
    this.#values = emptyHelpForm();
    this.#problems = [];
    this.#notice = null;
  }

  reset(): void {
    this.sent('');
  }
}

export const helpFormState = new HelpFormState();
