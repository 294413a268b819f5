import { describe, expect, it } from 'vitest';
import { fail, ok, type ErrorCode, type Result } from '../../../shared/contract/result';
import type { Board } from '../../../shared/contract/staff-api';
import { BoardPoller } from '../../../renderer/src/staff/group/board-poll';
import { backoffMs, reasonKey } from '../../../renderer/src/staff/group/board-view';

function board(version: number, closed = false): Board {
  return {
    version,
    summary: {
      groupId: 'g_abcdefghijklmnop',
      profileId: 'ent77-college',
      label: '3eB — mardi',
      joinCode: 'K7MXQ3',
      openedAt: '2025-03-04T08:00:00.000Z',
      ...(closed ? { closedAt: '2025-03-04T09:00:00.000Z' } : {}),
      openedBy: 'Agent',
      counts: { waiting: 1, awaitingEmail: 0, done: 0, blocked: 0 },
      terminals: ['t1'],
    },
    members: [{ no: 1, label: 'Camille R.', state: 'waiting' }],
  };
}

/** Answers in turn; records the `after` each call carried and the pauses asked for. */
function script(answers: Result<Board>[]) {
  const afters: (number | undefined)[] = [];
  const pauses: number[] = [];
  const events: string[] = [];
  const fetchBoard = (after: number | undefined) => {
    afters.push(after);
    return Promise.resolve(answers.shift() ?? fail<Board>('UNAUTHORIZED'));
  };
  const listener = {
    board: (value: Board) => events.push(`board ${value.version}`),
    trouble: (code: ErrorCode | null) => events.push(`trouble ${code ?? 'none'}`),
    ended: (reason: ErrorCode | 'closed') => events.push(`ended ${reason}`),
  };
  const sleep = (ms: number) => (pauses.push(ms), Promise.resolve());
  return { poller: new BoardPoller(fetchBoard, listener, sleep), afters, pauses, events };
}

describe('board long poll (issue 6)', () => {
  it('re-asks with the last version it showed, until the staff session locks', async () => {
    const run = script([ok(board(3)), ok(board(5)), fail('UNAUTHORIZED')]);
    await run.poller.run();
    expect(run.afters).toEqual([undefined, 3, 5]);
    expect(run.events).toEqual(['board 3', 'board 5', 'ended UNAUTHORIZED']);
    expect(run.poller.stopped).toBe(true);
  });

  it('backs off on transient failures, then says the trouble is over', async () => {
    const run = script([fail('OFFLINE'), fail('OFFLINE'), fail('INTERNAL'), ok(board(7, true))]);
    await run.poller.run(6);
    expect(run.afters).toEqual([6, 6, 6, 6]);
    expect(run.pauses).toEqual([1000, 2000, 4000]);
    expect(run.events).toEqual(['trouble OFFLINE', 'trouble OFFLINE', 'trouble INTERNAL', 'trouble none', 'board 7', 'ended closed']);
  });

  it('drops an answer that arrives after stop: a closed screen is never written to', async () => {
    let release: (value: Result<Board>) => void = () => undefined;
    const events: string[] = [];
    const poller = new BoardPoller(() => new Promise((resolve) => (release = resolve)), {
      board: () => events.push('board'),
      trouble: () => events.push('trouble'),
      ended: () => events.push('ended'),
    });
    const running = poller.run();
    poller.stop();
    release(ok(board(9)));
    await running;
    expect(events).toEqual([]);
  });

  it('caps the pause at 30 s', () => {
    expect([0, 1, 2, 3, 6, 50].map(backoffMs)).toEqual([0, 1000, 2000, 4000, 30_000, 30_000]);
  });

  it('words known reasons and falls back for codes it does not know', () => {
    expect(reasonKey('PAYMENT_PENDING')).toBe('group.reason.PAYMENT_PENDING');
    expect(reasonKey('NOT_FOUND')).toBe('group.reason.NOT_FOUND');
    expect(reasonKey('SOMETHING_NEW')).toBe('group.reason.other');
  });
});
