import type { MessageKey, MessageParams } from '../../../../shared/messages/translate';

/** A sentence to show, kept as a key so a language switch rewords it. */
export interface Notice {
  key: MessageKey;
  params: MessageParams;
}

/**
 * The emailed-code step (Montpellier, Scolarité Services): where the message went (masked), the
 * code as typed, what the last attempt said, and how many resends are left.
 */
class EmailProofState {
  #sentTo = $state('');
  #code = $state('');
  #resendsLeft = $state(0);
  #problem = $state.raw<Notice | null>(null);
  #notice = $state.raw<Notice | null>(null);

  get sentTo(): string {
    return this.#sentTo;
  }
  get code(): string {
    return this.#code;
  }
  set code(value: string) {
    this.#code = value;
  }
  get resendsLeft(): number {
    return this.#resendsLeft;
  }
  get problem(): Notice | null {
    return this.#problem;
  }
  get notice(): Notice | null {
    return this.#notice;
  }

  begin(sentTo: string, resends: number): void {
    this.#sentTo = sentTo;
    this.#resendsLeft = resends;
    this.#code = '';
    this.#problem = null;
    this.#notice = null;
  }

  resent(sentTo: string, resendsLeft: number): void {
    this.#sentTo = sentTo;
    this.#resendsLeft = resendsLeft;
    this.#code = '';
    this.#problem = null;
    this.#notice = { key: 'emailCode.resent', params: { sentTo } };
  }

  refuse(problem: Notice): void {
    this.#problem = problem;
    this.#notice = null;
  }

  noMoreResends(): void {
    this.#resendsLeft = 0;
    this.#notice = { key: 'emailCode.RESEND_LIMIT', params: {} };
  }

  reset(): void {
    this.begin('', 0);
  }
}

export const emailProofState = new EmailProofState();
