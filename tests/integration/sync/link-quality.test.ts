import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createKioskCore, type KioskCore } from '../../../electron/core/create-kiosk-core';
import type { KioskEvent } from '../../../shared/contract/kiosk-api';
import { loadProfile } from '../../unit/core/support/chosen-rig';
import { makeTempFolder } from '../../unit/core/support/temp-folder';
import { terminalConfigFor } from '../../unit/core/support/terminal-config';
import { outboxRows, until } from '../core/core-harness';
import { ServerHarness } from '../server/helpers/server-harness';
import { FAULT_TIMING, PEOPLE, startFaultStack, type FaultStack } from './fault-rig';

/**
 * Issue 5, what the screen is told about the link, from a real core and the real server: through
 * the fault proxy for "offline" and the link coming back, and through a fetch that adds latency
 * for "online but slow". Nobody calls the core while the link comes back: the re-probe alone
 * must notice, tell the screen, and let the outbox go.
 */
const PASSWORD = 'Tq7vLp2Wnx';
const NEVER_BY_BACKOFF = { baseMs: 1e9, capMs: 1e9 };

function lastSyncState(events: readonly KioskEvent[]): KioskEvent | undefined {
  return events.filter((event) => event.type === 'sync.state').at(-1);
}

describe('offline, then back by itself', () => {
  let stack: FaultStack | undefined;
  afterEach(async () => {
    await stack?.close();
    stack = undefined;
  });

  it('tells the screen the link is down, probes on its own, and delivers the queued password once it answers', async () => {
    stack = await startFaultStack({ ...FAULT_TIMING, queueBackoff: NEVER_BY_BACKOFF, offlineProbeIntervalMs: 200 });
    const person = PEOPLE.find((candidate) => candidate.profileId === 'ent77-college');
    if (!person) throw new Error('no ENT 77 demo person');
    const { handlers } = stack.core;
    expect(await handlers['terminal.describe']({})).toMatchObject({ ok: true, value: { online: true, quality: 'online' } });

    await handlers['session.start']({ profileId: person.profileId });
    expect(await handlers['activation.lookup']({ identity: person.identity })).toEqual({ ok: true, value: { eligible: true } });
    stack.proxy.setFault('refuse');
    const chosen = await handlers['activation.choose']({
      password: PASSWORD, confirmation: PASSWORD, termsAccepted: true, locale: 'fr', email: 'famille.demo@example.org',
    });
    expect(chosen).toMatchObject({ ok: true, value: { state: 'pending' } });
    await handlers['session.end']({ reason: 'finished' });
    expect(lastSyncState(stack.events)).toEqual({ type: 'sync.state', online: false, quality: 'offline', pending: 1 });
    expect(await handlers['terminal.describe']({})).toMatchObject({ ok: true, value: { online: false, quality: 'offline' } });

    // Still down: the core keeps asking, on its own.
    const refusedBefore = stack.proxy.connections.refuse;
    await until(() => (stack?.proxy.connections.refuse ?? 0) >= refusedBefore + 2);
    expect(stack.activationsOf(person).active).toBe(0);

    stack.proxy.setFault('pass');
    await until(() => {
      const state = lastSyncState(stack?.events ?? []);
      return state?.type === 'sync.state' && state.quality === 'online' && state.pending === 0;
    });
    expect(outboxRows(stack.kioskDir).every((row) => row.state === 'delivered')).toBe(true);
    expect(stack.activationsOf(person)).toEqual({ active: 1, all: 1 });
  }, 20_000);
});

describe('online but slow', () => {
  let server: ServerHarness | undefined;
  let core: KioskCore | undefined;
  let folder: ReturnType<typeof makeTempFolder> | undefined;
  afterEach(async () => {
    await core?.close();
    await server?.close();
    if (folder) rmSync(folder.path, { recursive: true, force: true });
  });

  it('says slow when most recent answers take longer than the threshold, and online again when they are quick', async () => {
    server = await ServerHarness.start();
    folder = makeTempFolder();
    const lag = { ms: 0 };
    // Real requests to the real server, held back on the way out: the latency of a poor link.
    const laggyFetch: typeof fetch = async (input, init) => {
      if (lag.ms > 0) await new Promise((resolve) => setTimeout(resolve, lag.ms));
      return fetch(input, init);
    };
    const events: KioskEvent[] = [];
    core = await createKioskCore({
      dataDir: folder.path, config: terminalConfigFor(server), profiles: [loadProfile('cergy-etudiant')], fetch: laggyFetch,
      timing: { ...FAULT_TIMING, probeTimeoutMs: 2_000, slowExchangeMs: 250 },
    });
    core.subscribe((event) => events.push(event));
    const describe = () => core?.handlers['terminal.describe']({});

    expect(await describe()).toMatchObject({ ok: true, value: { online: true, quality: 'online' } });
    lag.ms = 400;
    // One slow answer among quick ones is a blip; two of the last three make the link slow.
    expect(await describe()).toMatchObject({ ok: true, value: { quality: 'online' } });
    expect(await describe()).toMatchObject({ ok: true, value: { online: true, quality: 'slow' } });
    expect(lastSyncState(events)).toEqual({ type: 'sync.state', online: true, quality: 'slow', pending: 0 });

    lag.ms = 0;
    await describe();
    expect(await describe()).toMatchObject({ ok: true, value: { quality: 'online' } });
    expect(lastSyncState(events)).toEqual({ type: 'sync.state', online: true, quality: 'online', pending: 0 });
  }, 20_000);
});
