import { afterEach, describe, expect, it } from 'vitest';
import { outboxRows, until } from '../core/core-harness';
import { FAULT_TIMING, PEOPLE, startFaultStack, type FaultStack } from './fault-rig';

/**
 * Issue 5, "network back → outbox empty": during an outage a queued row's backoff grows (up to
 * 5 min in production). When the server answers again the row must go at once, not when its
 * backoff happens to end. The backoff here is set so long that only the link-back rule can
 * deliver the row within the test's time.
 */
const PASSWORD = 'Tq7vLp2Wnx';
const NEVER_BY_BACKOFF = { baseMs: 1e9, capMs: 1e9 };

let stack: FaultStack;
afterEach(() => stack?.close());

describe('the link comes back', () => {
  it('delivers a chosen password queued during the outage as soon as the server answers, whatever its backoff', async () => {
    stack = await startFaultStack({ ...FAULT_TIMING, queueBackoff: NEVER_BY_BACKOFF });
    const person = PEOPLE.find((candidate) => candidate.profileId === 'ent77-college');
    if (!person) throw new Error('no ENT 77 demo person');
    const { handlers } = stack.core;

    await handlers['session.start']({ profileId: person.profileId });
    expect(await handlers['activation.lookup']({ identity: person.identity })).toEqual({ ok: true, value: { eligible: true } });
    stack.proxy.setFault('refuse');
    const chosen = await handlers['activation.choose']({
      password: PASSWORD, confirmation: PASSWORD, termsAccepted: true, locale: 'fr', email: 'famille.demo@example.org',
    });
    expect(chosen).toMatchObject({ ok: true, value: { state: 'pending' } });
    await handlers['session.end']({ reason: 'finished' });
    expect(outboxRows(stack.kioskDir)).toMatchObject([{ kind: 'activation', state: 'pending', last_error_code: 'OFFLINE' }]);
    expect(stack.activationsOf(person).active).toBe(0);

    stack.proxy.setFault('pass');
    // The next screen's status check is the first exchange the server answers.
    expect(await handlers['terminal.describe']({})).toMatchObject({ ok: true, value: { online: true } });
    await until(() => outboxRows(stack.kioskDir).every((row) => row.state === 'delivered'));
    expect(stack.activationsOf(person)).toEqual({ active: 1, all: 1 });
  }, 20_000);
});
