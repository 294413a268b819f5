import { describe, expect, it } from 'vitest';
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
    const figures = await kioskSigkillRun(PEOPLE, SEED, 6);
    expect(figures.driverExit, figures.log).toBe(0);
    // The kills must have hit the work, or this proves nothing.
    expect(figures.kills).toBeGreaterThanOrEqual(3);
    expect({ lost: figures.lost, duplicated: figures.duplicated, once: figures.once }).toEqual({ lost: 0, duplicated: 0, once: PEOPLE });
    // Nothing left queued; a refusal only ever says a newer code or the person's account won.
    // Per submission: every delivered row's key stored once on the server, nothing under a key the outbox never held.
    expect(figures.keys).toEqual({ deliveredNotOnServer: 0, onServerNotInOutbox: 0, activationsBeyondKeys: 0 });
    expect(Object.keys(figures.outbox).filter((key) => key.includes(':pending'))).toEqual([]);
    const refusals = Object.keys(figures.outbox).filter((key) => key.includes(':refused'));
    expect(refusals.filter((key) => !/\/(CODE_EXPIRED|ALREADY_ACTIVE)$/.test(key))).toEqual([]);
  }, 90_000);
});
