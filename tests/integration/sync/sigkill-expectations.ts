import { expect } from 'vitest';
import type { SigkillFigures } from './sigkill-scenarios';

/**
 * What both SIGKILL tests must see once the run is over, whichever process was killed: the kills
 * hit the work (or nothing is proven), exactly one active activation per person, every delivered
 * row's key stored once on the server and nothing under a key the outbox never held, nothing left
 * queued, and a refusal only ever saying a newer code or the person's account won.
 */
export function expectEachExactlyOnce(figures: SigkillFigures & { log: string }, people: number): void {
  expect(figures.driverExit, figures.log).toBe(0);
  expect(figures.kills).toBeGreaterThanOrEqual(3);
  expect({ lost: figures.lost, duplicated: figures.duplicated, once: figures.once }).toEqual({ lost: 0, duplicated: 0, once: people });
  expect(figures.keys).toEqual({ deliveredNotOnServer: 0, onServerNotInOutbox: 0, activationsBeyondKeys: 0 });
  expect(Object.keys(figures.outbox).filter((key) => key.includes(':pending'))).toEqual([]);
  const refusals = Object.keys(figures.outbox).filter((key) => key.includes(':refused'));
  expect(refusals.filter((key) => !/\/(CODE_EXPIRED|ALREADY_ACTIVE)$/.test(key))).toEqual([]);
}
