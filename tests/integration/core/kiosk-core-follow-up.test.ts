import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createKioskCore, type KioskCore } from '../../../electron/core/create-kiosk-core';
import { loadServerKeys } from '../../../server/crypto/server-keys';
import { PROFILE_DEMO_PEOPLE } from '../../../server/demo/profile-demo-people';
import { DEMO_TERMINAL_ID, startEmbeddedServer, startServer } from '../../../server/embedded';
import { createStaffAccount } from '../../../server/services/staff-account-service';
import { openServerStore } from '../../../server/store/sqlite/server-database';
import { FollowUpListResponseSchema, followUpRoutes, type FollowUp } from '../../../shared/contract/follow-up-api';
import { STAFF_TOKEN_HEADER, staffRoutes } from '../../../shared/contract/staff-api';
import { loadProfile } from '../../unit/core/support/chosen-rig';
import { makeTempFolder } from '../../unit/core/support/temp-folder';
import { terminalConfigFor } from '../../unit/core/support/terminal-config';
import { TEST_TIMING, outboxRows, until } from './core-harness';
import { PROFILES_DIR } from './reference-stack';

/**
 * A refusal after the person left (issue 5), end to end against the real reference server: a
 * chosen password queued while the server is unreachable; meanwhile the same pupil is activated
 * at another kiosk; the link comes back, the queued activation is refused for good, and the
 * next heartbeat reports it: staff see the receipt reference and the code, once.
 */
const ent77 = loadProfile('ent77-college');
const PASSWORD = 'Tq7vLp2Wnx';
const CHOICE = { password: PASSWORD, confirmation: PASSWORD, termsAccepted: true, locale: 'fr' as const, email: 'parent.leclerc@example.org' };
const manon = PROFILE_DEMO_PEOPLE.find((person) => person.profileId === ent77.id && person.expected === 'eligible')?.identity ?? {};
const TIMING = { ...TEST_TIMING, heartbeatIntervalMs: 40 };

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
  core = await startKiosk('kiosk', url);
});
afterEach(async () => {
  await core.close();
  await closeServer();
  folder.remove();
});

function startKiosk(name: string, serverUrl: string): Promise<KioskCore> {
  const config = { ...terminalConfigFor({ url: serverUrl, token }), terminalId: DEMO_TERMINAL_ID, profiles: [ent77.id] };
  return createKioskCore({ dataDir: `${folder.path}/${name}`, config, profiles: [ent77], timing: TIMING, appVersion: '9.9.9-test' });
}

/** The follow-ups an agent signed in on the demo terminal sees. */
async function agentReader(): Promise<(query?: string) => Promise<{ status: number; followUps: FollowUp[] }>> {
  const serverDir = `${folder.path}/server`;
  const store = openServerStore(serverDir);
  let password: string;
  try {
    ({ password } = await createStaffAccount({ store, keys: loadServerKeys(serverDir), now: () => new Date() }, { username: 'camille', displayName: 'Camille B.', role: 'agent' }));
  } finally {
    await store.close();
  }
  const bearer = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const signIn = await fetch(`${url}${staffRoutes.signIn.path}`, { method: 'POST', headers: bearer, body: JSON.stringify({ username: 'camille', password }) });
  const staffToken = ((await signIn.json()) as { token: string }).token;
  return async (query = '') => {
    const answer = await fetch(`${url}${followUpRoutes.list.path}${query}`, { headers: { authorization: `Bearer ${token}`, [STAFF_TOKEN_HEADER]: staffToken } });
    return { status: answer.status, followUps: answer.ok ? FollowUpListResponseSchema.parse(await answer.json()).followUps : [] };
  };
}

function reportedAt(kioskDir: string): (number | null)[] {
  const db = new Database(join(kioskDir, 'kiosk.sqlite'), { readonly: true });
  try {
    return db.prepare<[], { reported_at: number | null }>('SELECT reported_at FROM outbox WHERE follow_up = 1 ORDER BY id').all().map((row) => row.reported_at);
  } finally {
    db.close();
  }
}

describe('a final refusal after the person left is reported for staff follow-up (issue 5)', () => {
  it('reports the queued activation refused once the link is back, with its reference and code, once', async () => {
    expect(await core.handlers['session.start']({ profileId: ent77.id })).toMatchObject({ ok: true });
    expect(await core.handlers['activation.lookup']({ identity: manon })).toEqual({ ok: true, value: { eligible: true } });
    await closeServer();
    closeServer = () => Promise.resolve();
    const queued = await core.handlers['activation.choose'](CHOICE);
    expect(queued).toMatchObject({ ok: true, value: { state: 'pending' } });
    const reference = queued.ok ? queued.value.reference : '';
    expect(await core.handlers['session.end']({ reason: 'finished' })).toMatchObject({ ok: true });

    // Meanwhile Manon is activated at another kiosk, over a link this one does not have (another port).
    const elsewhere = await startServer({ dataDir: `${folder.path}/server`, profilesDir: PROFILES_DIR, port: 0 });
    const other = await startKiosk('other-kiosk', elsewhere.url);
    try {
      expect(await other.handlers['session.start']({ profileId: ent77.id })).toMatchObject({ ok: true });
      expect(await other.handlers['activation.lookup']({ identity: manon })).toMatchObject({ ok: true });
      expect(await other.handlers['activation.choose'](CHOICE)).toMatchObject({ ok: true, value: { state: 'active' } });
    } finally {
      await other.close();
      await elsewhere.close();
    }

    // The link is back: the queued activation is refused for good, and kept for staff.
    const back = await startServer({ dataDir: `${folder.path}/server`, profilesDir: PROFILES_DIR, port: Number(new URL(url).port) });
    closeServer = back.close;
    const kioskDir = `${folder.path}/kiosk`;
    await until(() => outboxRows(kioskDir)[0]?.state === 'refused');
    const code = outboxRows(kioskDir)[0]?.last_error_code;
    expect(['CODE_USED', 'ALREADY_ACTIVE']).toContain(code);
    expect(outboxRows(kioskDir)[0]?.sealed_json).toBeNull();

    const read = await agentReader();
    let seen: FollowUp[] = [];
    while (seen.length === 0) seen = (await read()).followUps;
    expect(seen).toMatchObject([{ terminalId: DEMO_TERMINAL_ID, reference, kind: 'activation', code }]);
    // Acknowledged: the kiosk marks it and sends it no more; later beats leave one follow-up.
    await until(() => reportedAt(kioskDir).every((at) => at !== null));
    const beatsLater = Date.now() + 5 * TIMING.heartbeatIntervalMs;
    await until(() => Date.now() > beatsLater);
    expect((await read('?state=all')).followUps).toHaveLength(1);
    expect((await read(`?reference=${reference}`)).followUps.map((f) => f.code)).toEqual([code]);
    // The other kiosk's delivered activation, seen by its person, is no follow-up.
    expect(reportedAt(`${folder.path}/other-kiosk`)).toEqual([]);
  });

  it('does not report a refusal the person read at the screen', async () => {
    expect(await core.handlers['session.start']({ profileId: ent77.id })).toMatchObject({ ok: true });
    expect(await core.handlers['activation.lookup']({ identity: manon })).toEqual({ ok: true, value: { eligible: true } });
    const other = await startKiosk('other-kiosk', url);
    try {
      expect(await other.handlers['session.start']({ profileId: ent77.id })).toMatchObject({ ok: true });
      expect(await other.handlers['activation.lookup']({ identity: manon })).toMatchObject({ ok: true });
      expect(await other.handlers['activation.choose'](CHOICE)).toMatchObject({ ok: true, value: { state: 'active' } });
    } finally {
      await other.close();
    }
    const refused = await core.handlers['activation.choose'](CHOICE);
    expect(refused.ok).toBe(false);
    const kioskDir = `${folder.path}/kiosk`;
    expect(outboxRows(kioskDir)).toMatchObject([{ kind: 'activation', state: 'refused' }]);
    const read = await agentReader();
    const beatsLater = Date.now() + 5 * TIMING.heartbeatIntervalMs;
    await until(() => Date.now() > beatsLater);
    expect(await read('?state=all')).toEqual({ status: 200, followUps: [] });
    expect(reportedAt(kioskDir)).toEqual([]);
  });
});
