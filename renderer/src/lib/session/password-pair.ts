import type { AppError } from '../../../../shared/contract/result';
import { callKiosk } from '../api/kiosk-client';
import { pairProblems, rulesNamed } from '../password/checklist';
import { LIVE_CHECK_DELAY_MS, LiveCheck } from '../password/live-check';
import type { ChoiceState } from '../state/choice-state.svelte';
import { wizard, type Screen } from '../state/wizard-state.svelte';
import { focusById } from './step-helpers';

/**
 * A new password typed twice with its live checklist, wherever it is asked: the activation's
 * "Choisissez votre mot de passe" and a recovery's reset. `password.check` answers in both (the
 * back end judges with the dictionaries and what it knows of the person).
 */
export const NEW_PASSWORD_ID = 'new-password';
export const CONFIRM_PASSWORD_ID = 'confirm-password';

export class PasswordPair {
  readonly #state: ChoiceState;
  readonly #screen: Screen;
  readonly #liveCheck: LiveCheck;

  constructor(state: ChoiceState, screen: Screen) {
    this.#state = state;
    this.#screen = screen;
    this.#liveCheck = new LiveCheck({
      delayMs: LIVE_CHECK_DELAY_MS,
      check: async (candidate) => {
        const checked = await callKiosk('password.check', { candidate });
        return checked.ok ? checked.value : null;
      },
      onVerdict: (candidate, verdict) => state.judge(candidate, verdict),
    });
  }

  typed(): void {
    this.#liveCheck.request(this.#state.password);
  }

  stop(): void {
    this.#liveCheck.stop();
  }

  /** True when both typings may go; otherwise the problems are shown and the first is focused. */
  async ready(): Promise<boolean> {
    const { password, confirmation } = this.#state;
    // The back end's verdict decides; the page's own when it cannot answer.
    const verdict = password ? ((await this.#liveCheck.now(password)) ?? this.#state.verdict) : null;
    const problems = pairProblems(password, confirmation, verdict);
    this.#state.showPasswordProblems(problems.password, problems.confirmation);
    if (problems.password) await focusById(NEW_PASSWORD_ID);
    else if (problems.confirmation) await focusById(CONFIRM_PASSWORD_ID);
    return !problems.password && !problems.confirmation;
  }

  /** PASSWORD_MISMATCH, PASSWORD_POLICY and a refused password field: shown on the pair. */
  refuse(error: AppError): boolean {
    const fields = error.code === 'INVALID_INPUT' ? (error.fields ?? []) : [];
    if (error.code === 'PASSWORD_MISMATCH') {
      this.#state.showPasswordProblems(null, 'mismatch');
      return this.#back(CONFIRM_PASSWORD_ID);
    }
    if (error.code === 'PASSWORD_POLICY') {
      const verdict = this.#state.verdict;
      this.#state.showPasswordProblems({ kind: 'rules', rules: verdict ? rulesNamed(verdict, error.rules ?? []) : [] }, null);
      return this.#back(NEW_PASSWORD_ID);
    }
    if (fields.some((field) => field.key === 'password' || field.key === 'confirmation')) {
      this.#state.showPasswordProblems({ kind: 'required' }, null);
      return this.#back(NEW_PASSWORD_ID);
    }
    return false;
  }

  #back(focus: string): true {
    wizard.show(this.#screen);
    void focusById(focus);
    return true;
  }
}
