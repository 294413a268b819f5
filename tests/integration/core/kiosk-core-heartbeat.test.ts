import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createKioskCore, type KioskCore } from '../../../electron/core/create-kiosk-core';
import { loadServerKeys } from '../../../server/crypto/server-keys';
import { DEMO_TERMINAL_ID, startEmbeddedServer, startServer } from '../../../server/embedded';
import { createStaffAccount } from '../../../server/services/staff-account-service';
import { openServerStore } from '../../../server/store/sqlite/server-database';
import { FleetResponseSchema, fleetRoutes, type FleetTerminal } from '../../../shared/contract/fleet-api';
import { kioskContract } from '../../../shared/contract/kiosk-api';
import { STAFF_TOKEN_HEADER, staffRoutes } from '../../../shared/contract/staff-api';
import { loadProfile } from '../../unit/core/support/chosen-rig';
import { makeTempFolder } from '../../unit/core/support/temp-folder';
import { terminalConfigFor } from '../../unit/core/support/terminal-config';
import { TEST_TIMING, outboxRows } from './core-harness';
import { PROFILES_DIR } from './reference-stack';

/**
 * Heartbeats end to end (issue 5): a kiosk core against the real reference server. A failed
 * wipe check reported by the page reaches the admin's fleet view once the server is back, through
 * the core's own heartbeat loop, and that beat sends the help request queued meanwhile. The
 * depth a beat reports is covered beside the server (tests/integration/server/fleet.test.ts).
 */
const ent77 = loadProfile('ent77-college');
/**
 * The queued request's retry is put off by full jitter in [0, 24 h): only the link coming back
 * can send it within the test (a redelivery by backoff is a one-in-a-million draw).
 */
const TIMING = { ...TEST_TIMING, queueBackoff: { baseMs: 86_400_000, capMs: 86_400_000 }, heartbeatIntervalMs: 40 };
const HELP = { topic: ent77.helpForm?.topics[0]?.id ?? 'none', name: 'Claire Leclerc', email: 'claire.leclerc@example.org', message: 'Code refusé.', locale: 'fr' as const };

let folder: ReturnType<typeof makeTempFolder>;
let core: KioskCore;
let closeServer: () => Promise<void>;
let url: string;
let token: string;

beforeEach(async () => {
  folder = makeTempFolder();
  const server = await startEmbeddedServer({ dataDir: `${folder.path}/server`, profilesDir: PROFILES_DIR, mail: {} });
  ({ url } = server);
  token = server.terminal.token;
  closeServer = server.close;
  const config = { ...terminalConfigFor({ url, token }), terminalId: DEMO_TERMINAL_ID, profiles: [ent77.id] };
  core = await createKioskCore({ dataDir: `${folder.path}/kiosk`, config, profiles: [ent77], timing: TIMING, appVersion: '9.9.9-test' });
});
afterEach(async () => {
  await core.close();
  await closeServer();
  folder.remove();
});

async function adminFleetReader(): Promise<() => Promise<FleetTerminal | undefined>> {
  const serverDir = `${folder.path}/server`;
  const store = openServerStore(serverDir);
  let password: string;
  try {
    ({ password } = await createStaffAccount({ store, keys: loadServerKeys(serverDir), now: () => new Date() }, { username: 'dominique', displayName: 'Dominique A.', role: 'admin' }));
  } finally {
    await store.close();
  }
  const bearer = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const signIn = await fetch(`${url}${staffRoutes.signIn.path}`, { method: 'POST', headers: bearer, body: JSON.stringify({ username: 'dominique', password }) });
  const staffToken = ((await signIn.json()) as { token: string }).token;
  return async () => {
    const answer = await fetch(`${url}${fleetRoutes.adminFleet.path}`, { headers: { authorization: `Bearer ${token}`, [STAFF_TOKEN_HEADER]: staffToken } });
    return FleetResponseSchema.parse(await answer.json()).terminals.find((terminal) => terminal.id === DEMO_TERMINAL_ID);
  };
}

/** Reads the fleet until a heartbeat shows `seen`; the test timeout bounds it, not a stopwatch. */
async function readFleetUntil(read: () => Promise<FleetTerminal | undefined>, seen: (terminal: FleetTerminal) => boolean): Promise<FleetTerminal> {
  for (;;) {
    const terminal = await read();
    if (terminal && seen(terminal)) return terminal;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('kiosk core heartbeat against the reference server (issue 5)', () => {
  it('reports its outbox depth and a failed wipe check, seen in the admin fleet view', async () => {
    expect(await core.handlers['session.start']({ profileId: ent77.id })).toMatchObject({ ok: true });
    await closeServer();
    closeServer = () => Promise.resolve();
    expect(await core.handlers['help.submit'](HELP)).toMatchObject({ ok: true });
    expect(await core.handlers['session.end']({ reason: 'finished' })).toMatchObject({ ok: true });
    expect(await core.handlers['privacy.report']({ ok: false, leaks: 2 })).toEqual({ ok: true, value: { recorded: true } });
    // Both transports parse with the contract: anything of the page's content is refused, a count only.
    expect(kioskContract['privacy.report'].input.safeParse({ ok: false, leaks: 2, kinds: ['Dupont'] }).success).toBe(false);

    // The same server, data folder and port: the heartbeats get through again.
    const back = await startServer({ dataDir: `${folder.path}/server`, profilesDir: PROFILES_DIR, port: Number(new URL(url).port) });
    closeServer = back.close;
    const readFleet = await adminFleetReader();
    // The first heartbeat answered tells the core the link is back: the request queued for 24 h
    // goes at once, and the next beats report an empty outbox.
    let seen = await readFleetUntil(readFleet, (terminal) => terminal.lastWipeCheck !== undefined && terminal.outboxDepth === 0);
    expect(seen).toMatchObject({ appVersion: '9.9.9-test', mode: 'shared', lastWipeCheck: { ok: false, leaks: 2 } });
    expect(outboxRows(`${folder.path}/kiosk`)).toMatchObject([{ state: 'delivered' }]);
    expect(seen.lastSyncAt).toBeDefined();
    expect(seen.flags).toMatchObject({ silent: false, wipeCheckFailed: true });

    expect(await core.handlers['privacy.report']({ ok: true, leaks: 0 })).toMatchObject({ ok: true });
    seen = await readFleetUntil(readFleet, (terminal) => terminal.lastWipeCheck?.ok === true);
    expect(seen.flags.wipeCheckFailed).toBe(false);
  });
});
