import { MEMBER_STATES } from '../../../shared/contract/staff-api';
import type { Board, BoardMember, GroupSummary } from '../../../shared/contract/staff-api';
import { lastAuditSeq, onAuditAppended } from '../../audit/audit-log';
import { decryptRecordValue } from '../../crypto/record-cipher';
import type { Store } from '../../store/store';
import type { GroupRow } from '../../store/ports/group-store';
import type { ServiceContext } from '../service-context';
import { personState } from '../staff/diagnosis-service';
import type { PersonState } from '../staff/diagnosis-service';
import { memberLabelBinding } from './group-service';

/**
 * A person's place on the board, from the desk's own diagnosis (one source of truth with what
 * staff see at the desk): activated is done, a chosen password waiting for its email is
 * awaitingEmail, eligible is waiting; anything else blocks, with the stable code why.
 * An activated account is ALREADY_ACTIVE whatever its letter says; CODE_USED (a code spent, ent77
 * seed: "le code d'activation devient obsolète") counts as done too, should it ever be reported.
 */
export function memberStateOf(state: PersonState): Pick<BoardMember, 'state' | 'reason' | 'opensAt'> {
  if (state.status === 'ALREADY_ACTIVE' || state.status === 'CODE_USED') return { state: 'done' };
  if (state.status === 'AWAITING_EMAIL') return { state: 'awaitingEmail' };
  if (state.throttledUntil !== undefined) return { state: 'blocked', reason: 'THROTTLED' };
  if (state.status === 'eligible') return { state: 'waiting' };
  return { state: 'blocked', reason: state.status, ...(state.opensAt ? { opensAt: state.opensAt } : {}) };
}

export async function groupSummaryOf(ctx: ServiceContext, group: GroupRow, members: BoardMember[]): Promise<GroupSummary> {
  const counts = Object.fromEntries(MEMBER_STATES.map((state) => [state, 0])) as GroupSummary['counts'];
  for (const member of members) counts[member.state] += 1;
  return {
    groupId: group.id,
    profileId: group.profileId,
    label: group.label,
    joinCode: group.joinCode,
    openedAt: group.openedAt,
    ...(group.closedAt ? { closedAt: group.closedAt } : {}),
    openedBy: group.openedByName,
    counts,
    terminals: await ctx.store.groups.listGroupTerminals(group),
  };
}

/** The board now. `version` is read first, so a change landing meanwhile shows at the next poll. */
export async function buildBoard(ctx: ServiceContext, group: GroupRow): Promise<Board> {
  const version = await lastAuditSeq(ctx.store);
  const profile = ctx.profiles.get(group.profileId);
  const members: BoardMember[] = [];
  for (const row of await ctx.store.groups.listGroupMembers(group.id)) {
    const label = decryptRecordValue(ctx.keys.recordKey, memberLabelBinding(group.id, row.no), row.labelEnc) ?? '';
    const state: PersonState = profile ? await personState(ctx, profile, row.lookupKey) : { status: 'NOT_FOUND' };
    members.push({ no: row.no, label, ...memberStateOf(state), ...(state.updatedAt ? { updatedAt: state.updatedAt } : {}) });
  }
  return { version, summary: await groupSummaryOf(ctx, group, members), members };
}

let pendingWaits = 0;

/** Long polls waiting right now, in this process (tests check an aborted poll leaves none). */
export function pendingBoardWaits(): number {
  return pendingWaits;
}

/**
 * Resolves once the audit trail has moved past `after` (every change that can move a board is
 * audited), after `waitS` seconds, or when `signal` aborts (client gone, server closing),
 * whichever comes first; the listener and the timer are always removed.
 */
export async function waitForAuditAfter(store: Store, after: number, waitS: number, signal: AbortSignal): Promise<void> {
  if (waitS <= 0 || signal.aborted) return;
  let finish = () => {};
  const waited = new Promise<void>((resolve) => {
    pendingWaits += 1;
    let done = false;
    finish = () => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      off();
      signal.removeEventListener('abort', finish);
      pendingWaits -= 1;
      resolve();
    };
    // Listening before the head is read: an append landing while the read is queued still wakes us.
    const off = onAuditAppended(store, (seq) => {
      if (seq > after) finish();
    });
    const timer = setTimeout(finish, waitS * 1000);
    signal.addEventListener('abort', finish, { once: true });
  });
  if ((await lastAuditSeq(store)) > after) finish();
  return waited;
}
