import type { Board, GroupSummary } from '../../../../shared/contract/staff-api';
import type { AppError, ErrorCode } from '../../../../shared/contract/result';

export interface CohortChoice {
  cohort: string;
  members: number;
}

/**
 * What the group screens hold (issue 6). The board carries the names staff gave the list, so
 * everything here is dropped with `reset()` when the staff screens close or the session locks,
 * like a person's data at the end of a visit.
 */
class GroupState {
  #groupId = $state<string | null>(null);
  #board = $state.raw<Board | null>(null);
  #summary = $state.raw<GroupSummary | null>(null);
  #cohorts = $state.raw<CohortChoice[]>([]);
  #error = $state.raw<AppError | null>(null);
  #trouble = $state<ErrorCode | null>(null);
  #ended = $state<ErrorCode | 'closed' | null>(null);
  #sentTo = $state<string | null>(null);
  #busy = $state(false);

  get groupId(): string | null {
    return this.#groupId;
  }
  get board(): Board | null {
    return this.#board;
  }
  get summary(): GroupSummary | null {
    return this.#summary;
  }
  get cohorts(): CohortChoice[] {
    return this.#cohorts;
  }
  get error(): AppError | null {
    return this.#error;
  }
  /** The live board cannot reach the server right now (it keeps trying). */
  get trouble(): ErrorCode | null {
    return this.#trouble;
  }
  /** Why the live updates stopped, if they did. */
  get ended(): ErrorCode | 'closed' | null {
    return this.#ended;
  }
  get sentTo(): string | null {
    return this.#sentTo;
  }
  get busy(): boolean {
    return this.#busy;
  }

  setBusy(busy: boolean): void {
    this.#busy = busy;
  }
  setError(error: AppError | null): void {
    this.#error = error;
  }
  setCohorts(cohorts: CohortChoice[]): void {
    this.#cohorts = cohorts;
  }

  /** The board of this group is the one to watch (after open, or "Voir le tableau"). */
  watch(groupId: string, board: Board | null = null): void {
    this.#groupId = groupId;
    this.#board = board;
    this.#summary = null;
    this.#trouble = null;
    this.#ended = null;
    this.#sentTo = null;
    this.#error = null;
  }

  showBoard(board: Board): void {
    if (board.summary.groupId !== this.#groupId) return;
    this.#board = board;
  }
  setTrouble(code: ErrorCode | null): void {
    this.#trouble = code;
  }
  setEnded(reason: ErrorCode | 'closed'): void {
    this.#ended = reason;
    this.#trouble = null;
  }

  closed(summary: GroupSummary): void {
    this.#summary = summary;
    this.#sentTo = null;
  }
  mailed(sentTo: string): void {
    this.#sentTo = sentTo;
  }

  reset(): void {
    this.#groupId = null;
    this.#board = null;
    this.#summary = null;
    this.#cohorts = [];
    this.#error = null;
    this.#trouble = null;
    this.#ended = null;
    this.#sentTo = null;
    this.#busy = false;
  }
}

export const groupState = new GroupState();
