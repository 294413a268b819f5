import { describe, expect, it } from 'vitest';
import { listAudit, verifyAuditChain } from '../../../../server/audit/audit-log';
import { GroupJoinResponseSchema } from '../../../../shared/contract/staff-api';
import { addTerminal, createStaff, signIn, staffCall } from '../helpers/staff-harness';
import { groupRoom, openL1 } from './group-calls';

/**
 * Issue 6 and LOCKDOWN.md #17: a kiosk left signed in cannot walk the join-code space. Wrong
 * codes are counted per terminal; past five, the terminal waits (THROTTLED, retry-after), even
 * for the right code; every refusal is audited without the code tried; the summary download is
 * audited like the mailed one.
 */
const room = groupRoom();


/** Six distinct wrong codes (none can be the open session's, whose code is checked first). */
function wrongCodes(joinCode: string): string[] {
  return ['ZZZZZZ', 'YYYYYY', 'XXXXXX', 'WWWWWW', 'VVVVVV', 'UUUUUU'].filter((code) => code !== joinCode).slice(0, 5);
}

function join(joinCode: string, terminal: { staff: string; token?: string }) {
  return staffCall(room.harness, 'POST', '/v1/staff/groups/join', terminal.staff, { joinCode }, terminal.token);
}

describe('join codes are throttled per terminal and every attempt is audited (issue 6)', () => {
  it('after five wrong codes the terminal waits, even with the right code; other terminals are not slowed; the wait ends', async () => {
    const { groupId, joinCode } = await openL1(room);
    const other = { staff: room.team.otherStaff, token: room.team.otherTerminal };
    for (const code of wrongCodes(joinCode)) expect((await join(code, other)).body.error?.code).toBe('NOT_FOUND');

    const held = await join(joinCode, other);
    expect([held.status, held.body.error?.code]).toEqual([429, 'THROTTLED']);
    expect(held.body.error?.retryAfterS).toBeGreaterThan(0);
    expect(held.headers.get('retry-after')).toBe(String(held.body.error?.retryAfterS));

    // The teacher's own terminal has its own counter: it still joins at once.
    expect(GroupJoinResponseSchema.parse((await join(joinCode, { staff: room.team.staff })).body).groupId).toBe(groupId);

    room.harness.clock.advance((held.body.error?.retryAfterS ?? 0) * 1000);
    expect(GroupJoinResponseSchema.parse((await join(joinCode, other)).body).groupId).toBe(groupId);
  });

  it('audits wrong and throttled joins with the outcome only, never the code tried', async () => {
    const { joinCode } = await openL1(room);
    const other = { staff: room.team.otherStaff, token: room.team.otherTerminal };
    const tried = wrongCodes(joinCode);
    for (const code of tried) await join(code, other);
    await join(joinCode, other);

    const entries = (await room.harness.withStore((store) => listAudit(store))).filter((entry) => entry.action === 'group.join');
    expect(entries.map((entry) => [entry.outcome, entry.terminalId, entry.subject])).toEqual([
      ...tried.map(() => ['NOT_FOUND', 'borne-autre', null]),
      ['THROTTLED', 'borne-autre', null],
    ]);
    const trail = JSON.stringify(entries);
    for (const code of [...tried, joinCode]) expect(trail).not.toContain(code);
  });

  it('a third terminal signed in by another agent is not slowed by the second one\'s mistakes', async () => {
    const { joinCode } = await openL1(room);
    for (const code of wrongCodes(joinCode)) await join(code, { staff: room.team.otherStaff, token: room.team.otherTerminal });
    const third = await addTerminal(room.harness, 'borne-trois', 'Troisième borne');
    const { password } = await createStaff(room.harness, { username: 'prof.roux', role: 'agent' });
    const thirdStaff = await signIn(room.harness, 'prof.roux', password, { terminalToken: third });
    expect((await join(joinCode, { staff: thirdStaff, token: third })).status).toBe(200);
  });

  it('audits the summary download: who took which group\'s list, with the row count', async () => {
    const { groupId } = await openL1(room);
    const csv = await staffCall(room.harness, 'GET', `/v1/staff/groups/${groupId}/summary.csv`, room.team.staff);
    expect(csv.status).toBe(200);
    const trail = await room.harness.withStore(async (store) => ({ chain: await verifyAuditChain(store), entries: await listAudit(store) }));
    expect(trail.chain.ok).toBe(true);
    const exported = trail.entries.filter((entry) => entry.action === 'group.summaryExported');
    expect(exported.map((entry) => [entry.actor, entry.terminalId, entry.subject, entry.outcome, entry.details])).toEqual([['prof.durand', 'borne-test', groupId, 'ok', { members: 4 }]]);
    expect((await room.harness.request('GET', `/v1/staff/groups/${groupId}/summary.csv`)).status).toBe(401);
  });
});
