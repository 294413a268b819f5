import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOutboxRepository, type OutboxRepository } from '../../../../electron/core/store/outbox-repository';
import { openKioskDatabase, type KioskDatabase } from '../../../../electron/core/store/sqlite-connection';
import { QUEUE_BACKOFF, backoffCeilingMs } from '../../../../electron/core/sync/backoff';
import { createEnrollmentClient } from '../../../../electron/core/sync/enrollment-client';
import { createOutboxDelivery } from '../../../../electron/core/sync/outbox-delivery';
import { outboxSenders } from '../../../../electron/core/sync/outbox-senders';
import { createOutboxWorker, type OutboxWorker } from '../../../../electron/core/sync/outbox-worker';
import { closedPort } from '../support/closed-port';
import { FakeClock } from '../support/fake-clock';
import { makeTempFolder } from '../support/temp-folder';

const sealed = { alg: 'X25519-HKDF-SHA256-A256GCM' as const, epk: 'e'.repeat(43), iv: 'i'.repeat(16), ct: 'c'.repeat(40) };

let folder: ReturnType<typeof makeTempFolder>;
let db: KioskDatabase;
let outbox: OutboxRepository;
let worker: OutboxWorker;
let clock: FakeClock;
let passes: number;

beforeEach(async () => {
  folder = makeTempFolder();
  db = openKioskDatabase(join(folder.path, 'kiosk.sqlite'));
  outbox = createOutboxRepository(db);
  clock = new FakeClock();
  passes = 0;
  // A real client against a loopback port nobody listens on: every attempt really fails.
  const client = createEnrollmentClient({ baseUrl: `http://127.0.0.1:${await closedPort()}`, token: 't'.repeat(40), fetch, timeoutMs: 2_000 });
  const delivery = createOutboxDelivery({
    outbox, clock, queueBackoff: QUEUE_BACKOFF, interactiveBackoff: QUEUE_BACKOFF,
    signal: new AbortController().signal,
    random: () => 0.999_999, // the top of each jitter window, so the growth is visible
  });
  worker = createOutboxWorker({ outbox, delivery, senders: outboxSenders(client), clock, onPass: () => (passes += 1) });
});
afterEach(async () => {
  await worker.stop();
  db.close();
  folder.remove();
});

async function until(predicate: () => boolean): Promise<void> {
  while (!predicate()) await new Promise((resolve) => setTimeout(resolve, 5));
}

describe('outbox worker (fake clock, real failing network)', () => {
  it('retries a queued confirmation with exponentially growing, capped delays until it expires', async () => {
    const entry = outbox.add({ kind: 'confirmation', idempotencyKey: 'k'.repeat(43), reference: 'SES-7K4Q-92XD', sealed, targetId: 'act_12345678',
      now: clock.now(), expiresAt: clock.now() + 3_600_000 });
    worker.start();
    const waits: number[] = [];
    clock.advance(0);
    for (let attempt = 1; attempt <= 10; attempt += 1) {
      // The pass is real network I/O; wait for it and for the loop to re-arm its timer.
      await until(() => passes === attempt && clock.pendingTimers === 1);
      const row = outbox.find(entry.id);
      expect(row).toMatchObject({ state: 'pending', attempts: attempt, lastErrorCode: 'OFFLINE' });
      waits.push((row?.nextAttemptAt ?? 0) - clock.now());
      clock.advance(waits.at(-1) ?? 0);
    }
    expect(waits).toEqual(Array.from({ length: 10 }, (_, n) => backoffCeilingMs(n, QUEUE_BACKOFF) - 1));
    expect(waits.at(-1)).toBe(299_999);
    // Past the deadline: the timer due before it still makes an 11th attempt, the next pass expires the row.
    clock.advance(3_600_000);
    await until(() => passes === 11 && clock.pendingTimers === 1);
    clock.advance((outbox.find(entry.id)?.nextAttemptAt ?? 0) - clock.now());
    await until(() => passes === 12);
    expect(outbox.find(entry.id)).toMatchObject({ state: 'expired', sealed: null, attempts: 11 });
    expect(clock.pendingTimers).toBe(0);
  });

  it('stops a pass at the first failure to reach the server: the other due rows wait with that one', async () => {
    const ids = ['a', 'b', 'c'].map((letter) => outbox.add({ kind: 'confirmation', idempotencyKey: letter.repeat(43), reference: 'SES-7K4Q-92XD', sealed,
      targetId: 'act_12345678', now: clock.now(), expiresAt: clock.now() + 3_600_000 }).id);
    const attempts = () => ids.map((id) => outbox.find(id)?.attempts);
    worker.start();
    clock.advance(0);
    await until(() => passes === 1 && clock.pendingTimers === 1);
    expect(attempts()).toEqual([1, 0, 0]);
    const held = (outbox.find(ids[0] ?? 0)?.nextAttemptAt ?? 0) - clock.now();
    clock.advance(held - 1);
    expect(passes).toBe(1);
    clock.advance(1);
    await until(() => passes === 2 && clock.pendingTimers === 1);
    expect(attempts()).toEqual([1, 1, 0]);
    // A poke (the link is back, a new row) lifts the hold at once.
    worker.poke();
    clock.advance(0);
    await until(() => passes === 3 && clock.pendingTimers === 1);
    expect(attempts()).toEqual([1, 1, 1]);
  });

  it('does nothing before a row is due', async () => {
    outbox.add({ kind: 'confirmation', idempotencyKey: 'q'.repeat(43), reference: 'SES-7K4Q-92XD', sealed, targetId: 'act_12345678',
      now: clock.now(), expiresAt: clock.now() + 60_000, nextAttemptAt: clock.now() + 5_000 });
    worker.start();
    clock.advance(4_999);
    expect(passes).toBe(0);
    expect(clock.pendingTimers).toBe(1);
    clock.advance(1);
    await until(() => passes === 1);
  });

  it('also retries a chosen password left deferred, never an interactive activation', async () => {
    const row = (key: string, deferred: boolean) => outbox.add({ kind: 'activation', idempotencyKey: key.repeat(43), reference: 'SES-7K4Q-92XD', sealed,
      targetId: 'ent77-college', now: clock.now(), expiresAt: clock.now() + 60_000, deferred });
    const chosen = row('c', true);
    const generated = row('g', false);
    worker.start();
    clock.advance(0);
    await until(() => passes === 1);
    expect(outbox.find(chosen.id)).toMatchObject({ state: 'pending', attempts: 1, lastErrorCode: 'OFFLINE' });
    expect(outbox.find(generated.id)).toMatchObject({ state: 'pending', attempts: 0 });
  });
});
