import type { PasswordVerdict } from '../../../../shared/schemas/password-policy-schema';

/**
 * Asks the back end for its verdict while the person types: once they pause (debounced), and
 * only the answer for the latest candidate counts — an answer that arrives after a newer
 * keystroke is dropped, so the checklist never shows the verdict of an older password.
 */
export type Schedule = (run: () => void, delayMs: number) => () => void;

export interface LiveCheckOptions {
  delayMs: number;
  check: (candidate: string) => Promise<PasswordVerdict | null>;
  onVerdict: (candidate: string, verdict: PasswordVerdict) => void;
  schedule?: Schedule;
}

export const LIVE_CHECK_DELAY_MS = 150;

function scheduleWithTimer(run: () => void, delayMs: number): () => void {
  const timer = setTimeout(run, delayMs);
  return () => clearTimeout(timer);
}

export class LiveCheck {
  readonly #options: LiveCheckOptions;
  readonly #schedule: Schedule;
  #latest = 0;
  #cancel: (() => void) | undefined;

  constructor(options: LiveCheckOptions) {
    this.#options = options;
    this.#schedule = options.schedule ?? scheduleWithTimer;
  }

  request(candidate: string): void {
    this.#cancel?.();
    const request = ++this.#latest;
    this.#cancel = this.#schedule(() => void this.#run(request, candidate), this.#options.delayMs);
  }

  /** Asks now, and resolves with the verdict unless a newer candidate came in meanwhile. */
  async now(candidate: string): Promise<PasswordVerdict | null> {
    this.#cancel?.();
    const request = ++this.#latest;
    return this.#run(request, candidate);
  }

  stop(): void {
    this.#cancel?.();
    this.#cancel = undefined;
    this.#latest += 1;
  }

  async #run(request: number, candidate: string): Promise<PasswordVerdict | null> {
    const verdict = await this.#options.check(candidate);
    if (request !== this.#latest || verdict === null) return null;
    this.#options.onVerdict(candidate, verdict);
    return verdict;
  }
}
