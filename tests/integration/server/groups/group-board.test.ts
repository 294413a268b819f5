import { describe, expect, it, vi } from 'vitest';
import { verifyAuditChain, listAudit } from '../../../../server/audit/audit-log';
import { pendingBoardWaits } from '../../../../server/services/groups/group-board';
import { GroupJoinResponseSchema, GroupSummarySchema, TerminalGroupResponseSchema } from '../../../../shared/contract/staff-api';
import { demoPerson } from '../helpers/demo-person';
import { staffCall } from '../helpers/staff-harness';
import { activateAtKiosk, board, boardCall, groupRoom, openL1, stateOf } from './group-calls';

const CERGY = 'cergy-etudiant';
const room = groupRoom();


describe('group session opened from a cohort (issue 6)', () => {
  it('lists cohorts as names and counts only', async () => {
    const answer = await staffCall(room.harness, 'GET', `/v1/staff/cohorts?profileId=${CERGY}`, room.team.staff);
    expect(answer.body).toEqual({ cohorts: [{ cohort: 'L1-Info', members: 4 }] });
    expect((await staffCall(room.harness, 'GET', '/v1/staff/cohorts?profileId=ent77-college', room.team.staff)).body).toEqual({ cohorts: [{ cohort: '3eB', members: 3 }] });
    // ent77: an account activated with its code is ALREADY_ACTIVE at the desk, done on the board.
    const ent77 = board(await staffCall(room.harness, 'POST', '/v1/staff/groups', room.team.staff, { profileId: 'ent77-college', label: '3e B', source: { kind: 'cohort', cohort: '3eB' } }));
    expect(ent77.members.map((member) => [member.label, member.state, member.reason])).toEqual([
      ['jules.marchand', 'done', undefined],
      ['manon.leclerc', 'waiting', undefined],
      ['sarah.benali', 'blocked', 'CODE_EXPIRED'],
    ]);
  });

  it('builds the board from the cohort, joins a second terminal, and follows an activation there to done', async () => {
    const opened = board(await staffCall(room.harness, 'POST', '/v1/staff/groups', room.team.staff, { profileId: CERGY, label: 'TD L1 Info', source: { kind: 'cohort', cohort: 'L1-Info' } }));
    expect(opened.members.map((member) => [member.no, member.label, member.state, member.reason])).toEqual([
      [1, 'Camille M.', 'waiting', undefined],
      [2, 'Hugo P.', 'blocked', 'PAYMENT_PENDING'],
      [3, 'Léa F.', 'done', undefined],
      [4, 'Zoé-Hélène N.', 'waiting', undefined],
    ]);
    expect(opened.summary).toMatchObject({ openedBy: 'M. Durand', counts: { waiting: 2, blocked: 1, done: 1, awaitingEmail: 0 }, terminals: ['borne-test'] });
    const { groupId, joinCode } = opened.summary;

    expect((await room.harness.request('GET', '/v1/terminal/group', { token: room.team.otherTerminal })).body).toEqual({ group: null });
    const joined = await staffCall(room.harness, 'POST', '/v1/staff/groups/join', room.team.otherStaff, { joinCode: joinCode.toLowerCase() }, room.team.otherTerminal);
    expect(GroupJoinResponseSchema.parse(joined.body)).toEqual({ groupId, profileId: CERGY, label: 'TD L1 Info' });
    const asked = TerminalGroupResponseSchema.parse((await room.harness.request('GET', '/v1/terminal/group', { token: room.team.otherTerminal })).body);
    expect(asked.group?.groupId).toBe(groupId);

    await activateAtKiosk(room.harness, room.team.otherTerminal, CERGY, demoPerson('eligible', 0));
    const after = board(await boardCall(room.harness, room.team.staff, groupId));
    expect(stateOf(after, 'Camille M.')).toEqual({ state: 'done', reason: undefined });
    expect(after.summary.terminals).toEqual(['borne-test', 'borne-autre']);
    expect(after.version).toBeGreaterThan(opened.version);
  });

  it('long poll: answered when an activation lands on the other terminal; with nothing happening, after waitS with the same version', async () => {
    const { groupId, joinCode } = await openL1(room);
    await staffCall(room.harness, 'POST', '/v1/staff/groups/join', room.team.otherStaff, { joinCode }, room.team.otherTerminal);
    const current = board(await boardCall(room.harness, room.team.staff, groupId));

    const quiet = board(await boardCall(room.harness, room.team.staff, groupId, `?after=${current.version}&waitS=1`));
    expect(quiet.version).toBe(current.version);

    const polled = boardCall(room.harness, room.team.staff, groupId, `?after=${current.version}&waitS=25`);
    await vi.waitFor(() => expect(pendingBoardWaits()).toBe(1), { timeout: 5000 });
    await activateAtKiosk(room.harness, room.team.otherTerminal, CERGY, demoPerson('eligible', 1));
    const moved = board(await polled);
    expect(moved.version).toBeGreaterThan(current.version);
    expect(stateOf(board(await boardCall(room.harness, room.team.staff, groupId)), 'Zoé-Hélène N.').state).toBe('done');
    expect(pendingBoardWaits()).toBe(0);
  });

  it('an aborted long poll, and one cut by the server closing, leave no listener behind', async () => {
    const { groupId } = await openL1(room);
    const { version } = board(await boardCall(room.harness, room.team.staff, groupId));
    const controller = new AbortController();
    const headers = { authorization: `Bearer ${room.harness.token}`, 'x-sesame-staff': room.team.staff };
    const aborted = fetch(`${room.harness.url}/v1/staff/groups/${groupId}/board?after=${version}&waitS=25`, { headers, signal: controller.signal }).catch(() => 'aborted');
    await vi.waitFor(() => expect(pendingBoardWaits()).toBe(1), { timeout: 5000 });
    controller.abort();
    expect(await aborted).toBe('aborted');
    await vi.waitFor(() => expect(pendingBoardWaits()).toBe(0), { timeout: 5000 });

    const cut = fetch(`${room.harness.url}/v1/staff/groups/${groupId}/board?after=${version}&waitS=25`, { headers }).then((answer) => answer.status, () => 0);
    await vi.waitFor(() => expect(pendingBoardWaits()).toBe(1), { timeout: 5000 });
    await room.harness.restart();
    expect(pendingBoardWaits()).toBe(0);
    expect([0, 200]).toContain(await cut);
  });

  it('refuses without a staff token, with another terminal\'s bearer, and a closed session\'s code', async () => {
    const { groupId, joinCode } = await openL1(room);
    expect((await room.harness.request('GET', `/v1/staff/groups/${groupId}/board`)).status).toBe(401);
    expect((await staffCall(room.harness, 'GET', `/v1/staff/groups/${groupId}/board`, room.team.staff, undefined, room.team.otherTerminal)).status).toBe(401);
    expect((await room.harness.request('POST', '/v1/staff/groups/join', { body: { joinCode } })).status).toBe(401);
    expect((await staffCall(room.harness, 'POST', '/v1/staff/groups/join', room.team.staff, { joinCode: 'ZZZZZZ' })).body.error?.code).toBe('NOT_FOUND');

    await staffCall(room.harness, 'POST', '/v1/staff/groups/join', room.team.otherStaff, { joinCode }, room.team.otherTerminal);
    const closed = await staffCall(room.harness, 'POST', `/v1/staff/groups/${groupId}/close`, room.team.staff);
    const summary = GroupSummarySchema.parse(closed.body);
    expect(summary.closedAt).toBeDefined();
    expect(summary.counts).toEqual({ waiting: 2, awaitingEmail: 0, done: 1, blocked: 1 });

    const refused = await staffCall(room.harness, 'POST', '/v1/staff/groups/join', room.team.otherStaff, { joinCode }, room.team.otherTerminal);
    expect([refused.status, refused.body.error?.code]).toEqual([404, 'NOT_FOUND']);
    expect((await room.harness.request('GET', '/v1/terminal/group', { token: room.team.otherTerminal })).body).toEqual({ group: null });
    const final = board(await boardCall(room.harness, room.team.staff, groupId));
    expect(final.summary.closedAt).toBe(summary.closedAt);

    const trail = (await room.harness.withStore(async (db) => ({ chain: await verifyAuditChain(db), entries: await listAudit(db) })));
    expect(trail.chain.ok).toBe(true);
    const groupEntries = trail.entries.filter((entry) => entry.action.startsWith('group.'));
    // A wrong or closed session's code is audited as a refused join, never with the code tried.
    expect(groupEntries.map((entry) => `${entry.action}:${entry.outcome}`)).toEqual(['group.open:ok', 'group.join:NOT_FOUND', 'group.join:ok', 'group.close:ok', 'group.join:NOT_FOUND']);
    expect(JSON.stringify(groupEntries)).not.toContain('ZZZZZZ');
    expect(groupEntries[0]?.details).toEqual({ members: 4, source: 'cohort' });
    expect(JSON.stringify(groupEntries)).not.toMatch(/Camille|Martineau|2100000/);
  });
});
