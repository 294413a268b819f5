import type { Board } from '../../../../shared/contract/staff-api';
import type { ErrorCode, Result } from '../../../../shared/contract/result';
import { backoffMs } from './board-view';

/**
 * The live board (issue 6): one long poll at a time, re-issued with `after: version` as soon as
 * it answers, so a change on any kiosk shows within one round trip. Failures back off; a locked
 * staff session or an unknown group ends the loop (nothing to wait for). `stop()` wins over a
 * call in flight: its answer is dropped, so a closed screen is never written to.
 */
export type BoardFetch = (after: number | undefined) => Promise<Result<Board>>;
export type Sleep = (ms: number, signal: AbortSignal) => Promise<void>;

export interface BoardListener {
  board: (board: Board) => void;
  /** A transient failure: the loop retries after a pause (null once it answers again). */
  trouble: (code: ErrorCode | null) => void;
  /** The loop ended on its own: the session locked, the group is gone, or it was closed. */
  ended: (code: ErrorCode | 'closed') => void;
}

/** Codes after which asking again cannot help. */
const FINAL_CODES: ReadonlySet<ErrorCode> = new Set(['UNAUTHORIZED', 'NO_SESSION', 'FORBIDDEN', 'NOT_FOUND', 'INVALID_INPUT']);

export function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
  });
}

export class BoardPoller {
  readonly #control = new AbortController();
  #running = false;

  constructor(
    private readonly fetchBoard: BoardFetch,
    private readonly listener: BoardListener,
    private readonly sleep: Sleep = abortableSleep,
  ) {}

  get stopped(): boolean {
    return this.#control.signal.aborted;
  }

  /** Runs until stopped or ended; resolves then. `after`: the version already shown, if any. */
  async run(after?: number): Promise<void> {
    if (this.#running) return;
    this.#running = true;
    let version = after;
    let failures = 0;
    while (!this.stopped) {
      const answer = await this.fetchBoard(version);
      if (this.stopped) return;
      if (answer.ok) {
        if (failures > 0) this.listener.trouble(null);
        failures = 0;
        version = answer.value.version;
        this.listener.board(answer.value);
        if (answer.value.summary.closedAt) return this.end('closed');
        continue;
      }
      if (FINAL_CODES.has(answer.error.code)) return this.end(answer.error.code);
      failures += 1;
      this.listener.trouble(answer.error.code);
      await this.sleep(backoffMs(failures), this.#control.signal);
    }
  }

  stop(): void {
    this.#control.abort();
  }

  private end(code: ErrorCode | 'closed'): void {
    this.#control.abort();
    this.listener.ended(code);
  }
}
