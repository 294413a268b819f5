import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOutboxRepository } from '../../../../electron/core/store/outbox-repository';
import { openKioskDatabase, type KioskDatabase } from '../../../../electron/core/store/sqlite-connection';
import { createHeartbeat, type Heartbeat } from '../../../../electron/core/sync/heartbeat';
import { createJsonRequester } from '../../../../electron/core/sync/json-request';
import { HeartbeatRequestSchema, type HeartbeatRequest } from '../../../../shared/contract/fleet-api';
import { FakeClock } from '../support/fake-clock';
import { makeTempFolder } from '../support/temp-folder';

/**
 * The heartbeat loop on a fake clock against a real HTTP listener on loopback that records what
 * it receives and answers 503 while `down`: one beat per interval, failed or not (no burst),
 * each a valid HeartbeatRequest with the outbox's depth and age.
 */
const INTERVAL = 60_000;
/** A well-formed box nobody can open: the heartbeat only counts rows. */
const SEALED = { alg: 'X25519-HKDF-SHA256-A256GCM' as const, epk: 'e'.repeat(43), iv: 'i'.repeat(16), ct: 'c'.repeat(40) };
let folder: ReturnType<typeof makeTempFolder>;
let db: KioskDatabase;
let server: Server;
let received: HeartbeatRequest[];
let down: boolean;
let clock: FakeClock;
let heartbeat: Heartbeat;

beforeEach(async () => {
  folder = makeTempFolder();
  db = openKioskDatabase(join(folder.path, 'kiosk.sqlite'));
  received = [];
  down = true;
  server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      received.push(HeartbeatRequestSchema.parse(JSON.parse(body)));
      response.writeHead(down ? 503 : 200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ serverTime: new Date().toISOString(), nextInS: 60 }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  clock = new FakeClock();
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const outbox = createOutboxRepository(db);
  outbox.add({ kind: 'helpRequest', idempotencyKey: 'k1', reference: 'R1', sealed: SEALED, targetId: 'ent77-college', now: clock.now(), expiresAt: clock.now() + 86_400_000, nextAttemptAt: clock.now() + 86_400_000 });
  heartbeat = createHeartbeat({
    requester: createJsonRequester({ baseUrl: url, token: 'borne-test.secret-secret', fetch, timeoutMs: 2_000 }, 'heartbeat'),
    outbox, clock, intervalMs: INTERVAL, appVersion: '1.0.0', mode: 'desk', lastContactAt: () => null,
  });
});
afterEach(async () => {
  await heartbeat.stop();
  await new Promise((resolve) => server.close(resolve));
  db.close();
  folder.remove();
});

async function until(predicate: () => boolean): Promise<void> {
  while (!predicate()) await new Promise((resolve) => setTimeout(resolve, 5));
}

describe('heartbeat loop', () => {
  it('sends one beat per interval, the failed ones not retried, and none once stopped', async () => {
    heartbeat.start();
    clock.advance(INTERVAL - 1);
    // Not yet due: the one timer is the first beat, still waiting.
    expect(clock.pendingTimers).toBe(1);
    clock.advance(1);
    expect(clock.pendingTimers).toBe(0);
    await until(() => received.length === 1 && clock.pendingTimers === 1);
    // Answered 503: the next beat is one interval later, not sooner.
    clock.advance(INTERVAL - 1);
    expect(clock.pendingTimers).toBe(1);
    down = false;
    clock.advance(1);
    expect(clock.pendingTimers).toBe(0);
    await until(() => received.length === 2 && clock.pendingTimers === 1);
    await heartbeat.stop();
    expect(clock.pendingTimers).toBe(0);
    clock.advance(10 * INTERVAL);
    expect(received).toHaveLength(2);
  });

  it('reports the outbox depth and age, and the last wipe check as a verdict and a count', async () => {
    const queuedAt = new Date(clock.now()).toISOString();
    heartbeat.recordWipeCheck({ ok: false, leaks: 3 });
    heartbeat.start();
    clock.advance(INTERVAL);
    await until(() => received.length === 1);
    expect(received[0]).toEqual({ appVersion: '1.0.0', mode: 'desk', outboxDepth: 1, oldestQueuedAt: queuedAt, lastWipeCheck: { at: queuedAt, ok: false, leaks: 3 } });
  });

  it('reports a failed wipe check at once, a passed one with the next beat', async () => {
    heartbeat.start();
    heartbeat.recordWipeCheck({ ok: true, leaks: 0 });
    clock.advance(0);
    expect(received).toHaveLength(0);
    heartbeat.recordWipeCheck({ ok: false, leaks: 1 });
    clock.advance(0);
    await until(() => received.length === 1 && clock.pendingTimers === 1);
    expect(received[0]?.lastWipeCheck).toMatchObject({ ok: false, leaks: 1 });
    // Then the usual rhythm: the next beat one interval later.
    clock.advance(INTERVAL - 1);
    expect(received).toHaveLength(1);
  });
});
