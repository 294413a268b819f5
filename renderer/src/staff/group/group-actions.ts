import type { KioskInput } from '../../../../shared/contract/kiosk-api';
import { localeState } from '../../i18n/locale-state.svelte';
import { callKiosk } from '../../lib/api/kiosk-client';
import { refreshTerminal } from '../../lib/session/terminal-refresh';
import { staffNav } from '../staff-nav.svelte';
import { BoardPoller } from './board-poll';
import { groupState } from './group-state.svelte';

/**
 * The only place the group screens call the kiosk (issue 6: open, join, watch, close, mail).
 * Every answer has been parsed with the contract's schemas by kiosk-client; errors stay codes
 * and the screens word them.
 */
type OpenRequest = KioskInput<'staff.group.open'>;

async function busy<T>(work: () => Promise<T>): Promise<T | undefined> {
  if (groupState.busy) return undefined;
  groupState.setBusy(true);
  groupState.setError(null);
  try {
    return await work();
  } finally {
    groupState.setBusy(false);
  }
}

/** The classes and groups the enrollment API knows for this profile (names and counts, never people). */
export async function loadCohorts(profileId: string): Promise<void> {
  groupState.setCohorts([]);
  const answer = await callKiosk('staff.cohorts', { profileId });
  if (answer.ok) groupState.setCohorts(answer.value.cohorts);
}

export async function openGroup(request: OpenRequest): Promise<boolean> {
  const done = await busy(async () => {
    const answer = await callKiosk('staff.group.open', request);
    if (!answer.ok) return (groupState.setError(answer.error), false);
    groupState.watch(answer.value.summary.groupId, answer.value);
    staffNav.show('groupBoard');
    return true;
  });
  // The opener's terminal joins its session: Welcome must say so once staff leave.
  void refreshTerminal();
  return done ?? false;
}

export async function joinGroup(joinCode: string): Promise<boolean> {
  const done = await busy(async () => {
    const answer = await callKiosk('staff.group.join', { joinCode });
    if (!answer.ok) return (groupState.setError(answer.error), false);
    return true;
  });
  if (done) await refreshTerminal();
  return done ?? false;
}

export async function leaveGroup(): Promise<boolean> {
  const done = await busy(async () => {
    const answer = await callKiosk('staff.group.leave', {});
    if (!answer.ok) return (groupState.setError(answer.error), false);
    return true;
  });
  if (done) await refreshTerminal();
  return done ?? false;
}

/** "Voir le tableau" of the session this terminal joined. */
export function watchGroup(groupId: string): void {
  groupState.watch(groupId);
  staffNav.show('groupBoard');
}

/** Starts the live board of the watched group; returns the stop (screen closed, session locked). */
export function followBoard(): () => void {
  const groupId = groupState.groupId;
  if (!groupId) return () => undefined;
  const poller = new BoardPoller((after) => callKiosk('staff.group.board', after === undefined ? { groupId } : { groupId, after }), {
    board: (board) => groupState.showBoard(board),
    trouble: (code) => groupState.setTrouble(code),
    ended: (reason) => groupState.setEnded(reason),
  });
  void poller.run(groupState.board?.version);
  return () => poller.stop();
}

export async function closeGroup(): Promise<void> {
  const groupId = groupState.groupId;
  if (!groupId) return;
  await busy(async () => {
    const answer = await callKiosk('staff.group.close', { groupId });
    if (!answer.ok) return groupState.setError(answer.error);
    groupState.closed(answer.value);
    staffNav.show('groupSummary');
  });
  // Closed: terminals drop out of the session, this one too.
  void refreshTerminal();
}

/** The summary CSV goes to the staff member's own address: nothing is saved on the terminal. */
export async function mailSummary(): Promise<void> {
  const groupId = groupState.groupId;
  if (!groupId) return;
  await busy(async () => {
    const answer = await callKiosk('staff.group.mailSummary', { groupId, locale: localeState.locale });
    if (!answer.ok) return groupState.setError(answer.error);
    groupState.mailed(answer.value.sentTo);
  });
}

/** Back to the setup screen (a new session, join another, leave). */
export function backToSetup(): void {
  groupState.reset();
  staffNav.show('groupSetup');
}
