import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listAudit } from '../../../../server/audit/audit-log';
import { demoPerson } from '../helpers/demo-person';
import { ServerHarness, databaseBytes } from '../helpers/server-harness';
import { addTerminal, createStaff, signIn, signInCall } from '../helpers/staff-harness';

let harness: ServerHarness;
beforeEach(async () => {
  harness = await ServerHarness.start();
});
afterEach(async () => {
  await harness.close();
});

const target = demoPerson('eligible');
/** 30 failures cost 30 scrypt runs: on the shared 2-core machine that can pass the 20 s default. */
const THIRTY_ATTEMPTS = { timeout: 120_000 };

/** 30 failed lookups, each for a different student number, so only the terminal counter fills. */
async function thirtyFailedLookups(): Promise<void> {
  for (let attempt = 0; attempt < 30; attempt += 1) {
    expect((await harness.lookup({ ...target, studentNumber: String(21_100_000 + attempt) })).body.error?.code).toBe('IDENTITY_MISMATCH');
  }
}

/** 30 failed staff sign-ins, 5 for each of 6 names, so only the terminal counter reaches its limit. */
async function thirtyFailedSignIns(): Promise<void> {
  for (let name = 0; name < 6; name += 1) {
    for (let attempt = 0; attempt < 5; attempt += 1) expect((await signInCall(harness, `essai${name}`, 'devine')).status).toBe(401);
  }
}

async function signInAudit() {
  return (await harness.withStore(async (db) => await listAudit(db))).filter((entry) => entry.action === 'staff.signIn');
}

describe('staff sign-in has its own throttle (issue 6)', () => {
  it("a terminal throttled by students' failed lookups still lets staff sign in", THIRTY_ATTEMPTS, async () => {
    const { password } = await createStaff(harness, { username: 'camille', role: 'agent' });
    await thirtyFailedLookups();
    expect((await harness.lookup(demoPerson('eligible', 1))).body.error).toEqual({ code: 'THROTTLED', retryAfterS: 30 });
    await signIn(harness, 'camille', password);
  });

  it("staff's failed sign-ins throttle staff sign-in on that terminal, not the students' lookups", THIRTY_ATTEMPTS, async () => {
    const { password } = await createStaff(harness, { username: 'camille', role: 'agent' });
    await thirtyFailedSignIns();
    const refused = await signInCall(harness, 'camille', password);
    expect([refused.status, refused.body]).toEqual([429, { error: { code: 'THROTTLED', retryAfterS: 30 } }]);
    expect(refused.headers.get('retry-after')).toBe('30');
    expect((await harness.lookup(target)).status).toBe(200);
    // Counted per terminal: the same account signs in at once on another one.
    await signIn(harness, 'camille', password, { terminalToken: await addTerminal(harness) });
    harness.clock.advance(30_000);
    await signIn(harness, 'camille', password);
  });
});

describe('a refused sign-in names only an existing account (issue 6)', () => {
  it('records a name that is no account as "(unknown)", so a password typed in the wrong field is never stored', async () => {
    const { password } = await createStaff(harness, { username: 'camille', role: 'agent' });
    // What someone types when the cursor was in the username field: their password.
    const typedInWrongField = 'tr0ub4dor-et-3';
    for (let attempt = 0; attempt < 6; attempt += 1) await signInCall(harness, typedInWrongField, password);
    expect((await signInCall(harness, 'camille', 'devine')).status).toBe(401);
    expect((await signInAudit()).map((entry) => [entry.actor, entry.outcome])).toEqual([
      ...Array.from({ length: 5 }, () => ['(unknown)', 'UNAUTHORIZED']),
      ['(unknown)', 'THROTTLED'],
      ['camille', 'UNAUTHORIZED'],
    ]);
    expect(databaseBytes(harness.dataDir).includes(Buffer.from(typedInWrongField))).toBe(false);
  });
});
