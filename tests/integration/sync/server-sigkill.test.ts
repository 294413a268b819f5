import { describe, it } from 'vitest';
import { expectEachExactlyOnce } from './sigkill-expectations';
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
    expectEachExactlyOnce(await serverSigkillRun(PEOPLE, SEED, 5), PEOPLE);
  }, 90_000);
});
