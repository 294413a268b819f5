import { describe, it } from 'vitest';
import { expectEachExactlyOnce } from './sigkill-expectations';
import { kioskSigkillRun } from './sigkill-scenarios';

/**
 * Issue 5, "loses nothing": a real kiosk core in its own process (tests/support/outbox-driver.ts)
 * activates generated Cergy students against the real server, every submission written to the
 * outbox before it is sent, and is SIGKILLed at seeded random moments (while a row is being
 * written, sent, or answered but not yet settled), then started again on the same data folder.
 * Once it has finished and its outbox is empty, the server holds exactly one active activation
 * per person: none lost, none doubled by a resend after the kill.
 */
const PEOPLE = Number(process.env['SYNC_SIGKILL_PEOPLE'] ?? 100);
const SEED = Number(process.env['SYNC_SIGKILL_SEED'] ?? 20_260_905);

describe('kiosk SIGKILLed mid-flow, restarted on its data folder', () => {
  it(`delivers each of ${PEOPLE} activations exactly once`, async () => {
    expectEachExactlyOnce(await kioskSigkillRun(PEOPLE, SEED, 6), PEOPLE);
  }, 90_000);
});
