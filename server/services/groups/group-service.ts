import { randomBytes, randomInt } from 'node:crypto';
import type { z } from 'zod';
import type { GroupJoinResponseSchema, GroupOpenRequestSchema } from '../../../shared/contract/staff-api';
import { fail, ok } from '../../../shared/contract/result';
import type { Result } from '../../../shared/contract/result';
import { appendAudit } from '../../audit/audit-log';
import { decryptRecordValue, encryptRecordValue, recordBinding } from '../../crypto/record-cipher';
import type { StaffPrincipal } from '../../plugins/staff-auth-plugin';
import type { GroupRow } from '../../store/ports/group-store';
import type { ServiceContext } from '../service-context';
import { sha256Hex } from '../../crypto/token-hash';
import { recordFailure, throttleGate } from '../throttle-service';
import { GROUP_MAX_MEMBERS, parseGroupCsv } from './group-csv';
import type { ListedMember } from './group-csv';
import type { StoreOps } from '../../store/store';
import type { AppError } from '../../../shared/contract/result';

export type GroupOpenRequest = z.infer<typeof GroupOpenRequestSchema>;
export type GroupJoinResponse = z.infer<typeof GroupJoinResponseSchema>;

/** Unambiguous alphabet of join codes (JoinCodeSchema: no O/0, I/1). */
const JOIN_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

async function newJoinCode(store: StoreOps): Promise<string> {
  for (;;) {
    const code = Array.from({ length: 6 }, () => JOIN_ALPHABET[randomInt(JOIN_ALPHABET.length)]).join('');
    if (!(await store.groups.isJoinCodeOpen(code))) return code;
  }
}

/** Member labels are sealed to their group and row: a ciphertext moved elsewhere does not open. */
export function memberLabelBinding(groupId: string, no: number): string {
  return `group\u0000${groupId}\u0000${no}`;
}

export function staffAudit(staff: StaffPrincipal) {
  return { actorKind: 'staff' as const, actor: staff.username, terminalId: staff.terminalId };
}

async function cohortMembers(ctx: ServiceContext, profileId: string, cohort: string): Promise<ListedMember[]> {
  const members = (await ctx.store.groups.listCohortEnrollments(profileId, cohort)).map((row) => ({
    lookupKey: row.lookupKey,
    label: row.labelEnc ? (decryptRecordValue(ctx.keys.recordKey, recordBinding(profileId, row.lookupKey, 'label'), row.labelEnc) ?? '') : '',
  }));
  // A class list reads in name order, as the teacher knows it.
  return members.sort((a, b) => a.label.localeCompare(b.label, 'fr'));
}

/**
 * A refused open is audited too (issue 6: every staff action, with its outcome): the source kind
 * and, for a list, the problems' codes only, never a column or a cell.
 */
async function refuseOpen(ctx: ServiceContext, staff: StaffPrincipal, request: GroupOpenRequest, error: AppError): Promise<Result<GroupRow>> {
  const codes = [...new Set((error.csv ?? []).map((problem) => problem.code))].join(',');
  const details = { source: request.source.kind, profileId: request.profileId.slice(0, 40), ...(codes ? { problems: codes } : {}) };
  await ctx.store.transaction((tx) => appendAudit(tx, { ...staffAudit(staff), action: 'group.open', subject: null, outcome: error.code, details }, ctx.now()));
  return { ok: false, error };
}

/**
 * Opens a group session (issue 6) from a cohort of the registrar's file or from a teacher's
 * list; the opener's terminal joins at once. Audited with counts only, never names.
 */
export async function openGroup(ctx: ServiceContext, staff: StaffPrincipal, request: GroupOpenRequest): Promise<Result<GroupRow>> {
  const profile = ctx.profiles.get(request.profileId);
  if (!profile) return refuseOpen(ctx, staff, request, { code: 'NOT_FOUND' });
  let members: ListedMember[];
  if (request.source.kind === 'csv') {
    const parsed = parseGroupCsv(profile, ctx.keys.recordKey, request.source.csv);
    if (!parsed.ok) return refuseOpen(ctx, staff, request, { code: 'INVALID_INPUT', csv: parsed.problems });
    members = parsed.members;
  } else {
    members = await cohortMembers(ctx, profile.id, request.source.cohort);
    if (members.length === 0) return refuseOpen(ctx, staff, request, { code: 'NOT_FOUND' });
    if (members.length > GROUP_MAX_MEMBERS) return refuseOpen(ctx, staff, request, { code: 'INVALID_INPUT', fields: [{ key: 'source.cohort', reason: 'range' }] });
  }
  const now = ctx.now();
  const id = `g_${randomBytes(16).toString('base64url')}`;
  await ctx.store.transaction(async (tx) => {
    const group = { id, profileId: profile.id, label: request.label, joinCode: await newJoinCode(tx), openedBy: staff.username, openedAt: now.toISOString() };
    const rows = members.map((member, index) => ({
      no: index + 1,
      lookupKey: member.lookupKey,
      labelEnc: encryptRecordValue(ctx.keys.recordKey, memberLabelBinding(id, index + 1), member.label),
    }));
    await tx.groups.insertGroup(group, rows);
    await tx.groups.joinGroup(id, staff.terminalId, group.openedAt);
    await appendAudit(tx, { ...staffAudit(staff), action: 'group.open', subject: id, outcome: 'ok', details: { members: rows.length, source: request.source.kind } }, now);
  });
  const group = await ctx.store.groups.findGroup(id);
  return group ? ok(group) : fail('INTERNAL');
}

function joinAnswer(group: GroupRow): GroupJoinResponse {
  return { groupId: group.id, profileId: group.profileId, label: group.label };
}

/**
 * Wrong join codes are counted per terminal, on the stricter of the two throttle limits (5, then
 * a doubling wait: LOCKDOWN.md #17): a kiosk left signed in cannot walk the code space. The
 * counter is the join's own, so mistyped codes never slow the kiosk's activations.
 */
export function joinThrottleKeys(terminalId: string): { identity: string } {
  return { identity: sha256Hex(`groupJoin\u0000${terminalId}`) };
}

/**
 * This terminal joins the open session with that code (and leaves any other). A refusal is
 * audited with its outcome, never with the code tried (it may be one digit from the real one).
 */
export async function joinGroupByCode(ctx: ServiceContext, staff: StaffPrincipal, joinCode: string): Promise<Result<GroupJoinResponse>> {
  const now = ctx.now();
  const keys = joinThrottleKeys(staff.terminalId);
  const throttled = await throttleGate(ctx.store, keys, now);
  const group = throttled ? undefined : await ctx.store.groups.findOpenGroupByCode(joinCode);
  if (!group) {
    const error: AppError = throttled ?? { code: 'NOT_FOUND' };
    await ctx.store.transaction(async (tx) => {
      if (!throttled) await recordFailure(tx, keys, now);
      await appendAudit(tx, { ...staffAudit(staff), action: 'group.join', subject: null, outcome: error.code }, now);
    });
    return { ok: false, error };
  }
  await ctx.store.transaction(async (tx) => {
    await tx.groups.joinGroup(group.id, staff.terminalId, now.toISOString());
    await appendAudit(tx, { ...staffAudit(staff), action: 'group.join', subject: group.id, outcome: 'ok' }, now);
  });
  return ok(joinAnswer(group));
}

/** This terminal leaves its open session; leaving when in none changes nothing (a retried call). */
export async function leaveGroup(ctx: ServiceContext, staff: StaffPrincipal): Promise<void> {
  const group = await ctx.store.groups.findTerminalOpenGroup(staff.terminalId);
  if (!group) return;
  const now = ctx.now();
  await ctx.store.transaction(async (tx) => {
    await tx.groups.leaveOpenGroups(staff.terminalId, now.toISOString());
    await appendAudit(tx, { ...staffAudit(staff), action: 'group.leave', subject: group.id, outcome: 'ok' }, now);
  });
}

/** The open session this terminal is in, or null: the kiosk asks at each Welcome, the server decides. */
export async function terminalGroup(ctx: ServiceContext, terminalId: string): Promise<GroupJoinResponse | null> {
  const group = await ctx.store.groups.findTerminalOpenGroup(terminalId);
  return group ? joinAnswer(group) : null;
}

/** Closes the session (a closed one stays as it was); the audit entry carries the final board's counts. */
export async function closeGroupSession(ctx: ServiceContext, staff: StaffPrincipal, groupId: string, counts: Record<string, number>): Promise<Result<GroupRow>> {
  const group = await ctx.store.groups.findGroup(groupId);
  if (!group) return fail('NOT_FOUND');
  if (group.closedAt === null) {
    const now = ctx.now();
    await ctx.store.transaction(async (tx) => {
      if (await tx.groups.closeGroup(groupId, now.toISOString())) {
        await appendAudit(tx, { ...staffAudit(staff), action: 'group.close', subject: groupId, outcome: 'ok', details: counts }, now);
      }
    });
  }
  const closed = await ctx.store.groups.findGroup(groupId);
  return closed ? ok(closed) : fail('INTERNAL');
}
