import { describe, expect, it } from 'vitest';
import { demoPerson } from '../helpers/demo-person';
import { TERMINAL_ID } from '../helpers/server-harness';
import { createStaff, signIn } from '../helpers/staff-harness';
import { chainHolds, deskAudit, lookupCall, useDesk } from './desk-helpers';
import type { Desk } from './desk-helpers';

const desk = useDesk();
const CERGY = 'cergy-etudiant';
const camille = demoPerson('eligible');

/** A guess at the roster: a real number with a birth date that is not its person's. */
function guess(attempt: number): Record<string, string> {
  return { ...camille, birthDate: `2001-01-${String((attempt % 28) + 1).padStart(2, '0')}` };
}

async function misses(current: Desk, count: number, staffToken = current.staffToken): Promise<void> {
  for (let attempt = 0; attempt < count; attempt += 1) {
    expect((await lookupCall(current, CERGY, guess(attempt), staffToken)).body.error?.code).toBe('NOT_FOUND');
  }
}

describe('staff lookups that find nobody are rate-limited (issue 6: no roster enumeration)', () => {
  it('30 misses in a session, then THROTTLED with a wait even for a person who exists; found lookups do not count; audited', async () => {
    const current = desk();
    await misses(current, 29);
    // A desk serving a class finds almost everyone: those lookups cost nothing.
    for (let found = 0; found < 5; found += 1) expect((await lookupCall(current, CERGY, camille)).status).toBe(200);
    await misses(current, 1);
    const blocked = await lookupCall(current, CERGY, camille);
    expect([blocked.status, blocked.body.error?.code, blocked.body.error?.retryAfterS]).toEqual([429, 'THROTTLED', 30]);
    expect(blocked.headers.get('retry-after')).toBe('30');
    const entries = await deskAudit(current);
    expect(entries.filter((entry) => entry.outcome === 'NOT_FOUND')).toHaveLength(30);
    const last = entries.at(-1);
    expect(last && [last.action, last.outcome, last.actorKind, last.terminalId, last.subject, last.details]).toEqual(['staff.lookup', 'THROTTLED', 'staff', TERMINAL_ID, null, { profileId: CERGY }]);
    // Another agent on the same terminal keeps their own budget.
    const other = await createStaff(current.harness, { username: 'agent.voisin', role: 'agent' });
    const otherToken = await signIn(current.harness, 'agent.voisin', other.password);
    expect((await lookupCall(current, CERGY, camille, otherToken)).status).toBe(200);
    // The wait ends like every throttle's: 30 s for the first one.
    current.harness.clock.advance(30_000);
    expect((await lookupCall(current, CERGY, camille)).status).toBe(200);
    expect(await chainHolds(current)).toBe(true);
  });

  it('an account has 60 misses across its sessions: a new session does not buy a new budget', async () => {
    const current = desk();
    const second = await signIn(current.harness, 'agent.desk', current.password);
    const third = await signIn(current.harness, 'agent.desk', current.password);
    await misses(current, 20);
    await misses(current, 20, second);
    await misses(current, 20, third);
    // The third session has missed only 20 times, but the account 60.
    const blocked = await lookupCall(current, CERGY, camille, third);
    expect([blocked.status, blocked.body.error?.code]).toEqual([429, 'THROTTLED']);
    expect((await lookupCall(current, CERGY, camille)).body.error?.code).toBe('THROTTLED');
  });
});
