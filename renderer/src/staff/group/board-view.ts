import type { GroupSummary, MEMBER_STATES } from '../../../../shared/contract/staff-api';
import { isMessageKey, type MessageKey } from '../../../../shared/messages/translate';

/** What the board shows of a session, in the order staff read it (issue 6: done, pending email, waiting, blocked). */
export type MemberState = (typeof MEMBER_STATES)[number];
export const COUNT_ORDER: readonly MemberState[] = ['done', 'awaitingEmail', 'waiting', 'blocked'];

export function countOf(summary: GroupSummary, state: MemberState): number {
  return summary.counts[state] ?? 0;
}

export function totalOf(summary: GroupSummary): number {
  return COUNT_ORDER.reduce((sum, state) => sum + countOf(summary, state), 0);
}

/** `PAYMENT_PENDING` → its French wording; an unknown code still reads as "other reason" with the code. */
export function reasonKey(reason: string): MessageKey {
  const key = `group.reason.${reason}`;
  return isMessageKey(key) ? key : 'group.reason.other';
}

/** The long poll's pace after failures: 1 s, 2 s, 4 s … up to 30 s, so a lost server is not hammered. */
export function backoffMs(failures: number): number {
  if (failures <= 0) return 0;
  return Math.min(30_000, 1000 * 2 ** Math.min(failures - 1, 5));
}
