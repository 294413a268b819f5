import { describe, expect, it } from 'vitest';
import { serverSigkillRun } from './sigkill-scenarios';

/**
 * Issue 5, the server side of "loses nothing": the real server CLI (`server/cli/index.ts serve`)
 * is SIGKILLed at seeded random moments while a kiosk core (tests/support/outbox-driver.ts)
 * activates generated Cergy students, and restarted on its data folder and port. A request cut
 * by the kill was either committed (the kiosk's resend with the same Idempotency-Key gets the
 * stored answer) or not at all (the resend does it once): exactly one active activation per person.
 */
const PEOPLE = Number(process.env['SYNC_SIGKILL_PEOPLE'] ?? 60);
const SEED = Number(process.env['SYNC_SIGKILL_SEED'] ?? 20_260_905);

describe('server SIGKILLed mid-flow, restarted on its data folder', () => {
  it(`holds each of ${PEOPLE} activations exactly once`, async () => {
    const figures = await serverSigkillRun(PEOPLE, SEED, 5);
    expect(figures.driverExit, figures.log).toBe(0);
    expect(figures.kills).toBeGreaterThanOrEqual(3);
    expect({ lost: figures.lost, duplicated: figures.duplicated, once: figures.once }).toEqual({ lost: 0, duplicated: 0, once: PEOPLE });
    // Per submission: every delivered row's key stored once on the server, nothing under a key the outbox never held.
    expect(figures.keys).toEqual({ deliveredNotOnServer: 0, onServerNotInOutbox: 0, activationsBeyondKeys: 0 });
    expect(Object.keys(figures.outbox).filter((key) => key.includes(':pending'))).toEqual([]);
    const refusals = Object.keys(figures.outbox).filter((key) => key.includes(':refused'));
    expect(refusals.filter((key) => !/\/(CODE_EXPIRED|ALREADY_ACTIVE)$/.test(key))).toEqual([]);
  }, 90_000);
});
