import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PROFILE_DEMO_PEOPLE } from '../../../server/demo/profile-demo-people';
import type { KioskCore } from '../../../electron/core/create-kiosk-core';
import { loadProfile } from '../../unit/core/support/chosen-rig';
import { makeTempFolder } from '../../unit/core/support/temp-folder';
import { until } from '../core/core-harness';
import { profileRequests, startConfigCore, startConfigServer, storedSnapshot, type ConfigServer, type SeenRequest } from './config-stack';

/**
 * Configuration sync (issue 5) against the real reference server: profiles fetched with a
 * conditional GET, stored, used from the store when the server is down, and a new terms version
 * deployed on the server reaching the next session and the server's activation record.
 */
const ent77 = loadProfile('ent77-college');
const BUNDLED_VERSION = ent77.terms?.version ?? '';
const NEW_VERSION = 'ent77-2027';
const PASSWORD = 'Tq7vLp2Wnx';
const manon = PROFILE_DEMO_PEOPLE.find((person) => person.profileId === 'ent77-college' && person.expected === 'eligible')?.identity ?? {};

let server: ConfigServer;
let kiosk: ReturnType<typeof makeTempFolder>;
const cores: KioskCore[] = [];

beforeEach(async () => {
  server = await startConfigServer();
  kiosk = makeTempFolder();
});
afterEach(async () => {
  for (const core of cores.splice(0)) await core.close();
  await server.close();
  kiosk.remove();
});

async function startKiosk(options: { intervalMs?: number; synced?: boolean } = {}): Promise<{ core: KioskCore; seen: SeenRequest[] }> {
  const started = await startConfigCore(kiosk.path, server, [ent77], ['ent77-college'], options);
  cores.push(started.core);
  return started;
}

async function termsVersionOfNewSession(core: KioskCore): Promise<string | undefined> {
  const started = await core.handlers['session.start']({ profileId: 'ent77-college' });
  return started.ok ? started.value.profile.terms?.version : undefined;
}

function deployNewTerms(): void {
  server.editProfile('ent77-college', (profile) => {
    if (profile.terms) profile.terms.version = NEW_VERSION;
  });
}

describe('configuration sync with the reference server', () => {
  it('fetches the profiles at start, then asks again with If-None-Match and gets 304', async () => {
    const { seen } = await startKiosk({ intervalMs: 50 });
    await until(() => profileRequests(seen).length >= 2);
    const [first, second] = profileRequests(seen);
    expect(first).toMatchObject({ ifNoneMatch: null, status: 200 });
    expect(first?.etag).toMatch(/^"sha256-[A-Za-z0-9_-]+"$/);
    expect(second).toMatchObject({ ifNoneMatch: first?.etag, status: 304 });
    expect(storedSnapshot(kiosk.path)?.etag).toBe(first?.etag);
  });

  it('gives the next session the newer terms, while a session under way keeps the ones it showed', async () => {
    const { core, seen } = await startKiosk({ intervalMs: 50 });
    expect(await termsVersionOfNewSession(core)).toBe(BUNDLED_VERSION);
    deployNewTerms();
    await server.restart();
    const before = profileRequests(seen).length;
    await until(() => profileRequests(seen).slice(before).some((request) => request.status === 200));
    expect(await core.handlers['session.terms']({})).toMatchObject({ ok: true, value: { terms: { version: BUNDLED_VERSION } } });
    await core.handlers['session.end']({ reason: 'cancelled' });
    expect(await termsVersionOfNewSession(core)).toBe(NEW_VERSION);
  });

  it('restarted with the server down, uses the stored profiles rather than the bundled files', async () => {
    deployNewTerms();
    await server.restart();
    const first = await startKiosk({ synced: true });
    expect(await termsVersionOfNewSession(first.core)).toBe(NEW_VERSION);
    await first.core.close();
    await server.stop();
    const { core, seen } = await startKiosk();
    expect(profileRequests(seen)).toEqual([]);
    expect(await termsVersionOfNewSession(core)).toBe(NEW_VERSION);
  });

  it('with neither the server nor a stored set, uses the bundled files', async () => {
    await server.stop();
    const { core } = await startKiosk();
    expect(await termsVersionOfNewSession(core)).toBe(BUNDLED_VERSION);
  });

  it('started offline, takes up the server’s set as soon as the server answers, not at the next periodic sync', async () => {
    await server.stop();
    const { core, seen } = await startKiosk({ intervalMs: 3_600_000 });
    deployNewTerms();
    await server.restart();
    // Welcome's status check is the first exchange answered.
    expect(await core.handlers['terminal.describe']({})).toMatchObject({ ok: true, value: { online: true } });
    await until(() => profileRequests(seen).some((request) => request.status === 200));
    expect(await termsVersionOfNewSession(core)).toBe(NEW_VERSION);
  });

  it('records the new terms version with the next activation on the server', async () => {
    deployNewTerms();
    await server.restart();
    const { core } = await startKiosk({ synced: true });
    const recordedBefore = server.recordedTermsVersions('ent77-college');
    expect(await termsVersionOfNewSession(core)).toBe(NEW_VERSION);
    expect(await core.handlers['activation.lookup']({ identity: manon })).toEqual({ ok: true, value: { eligible: true } });
    const chosen = await core.handlers['activation.choose']({ password: PASSWORD, confirmation: PASSWORD, email: 'parent.leclerc@example.org', termsAccepted: true, locale: 'fr' });
    expect(chosen).toMatchObject({ ok: true, value: { state: 'active' } });
    expect(server.recordedTermsVersions('ent77-college')).toEqual([...recordedBefore, NEW_VERSION].sort());
  });

  it('when the terms change under a session, asks the person to accept the new ones, then records those', async () => {
    const { core } = await startKiosk();
    const recordedBefore = server.recordedTermsVersions('ent77-college');
    expect(await termsVersionOfNewSession(core)).toBe(BUNDLED_VERSION);
    expect(await core.handlers['activation.lookup']({ identity: manon })).toEqual({ ok: true, value: { eligible: true } });
    deployNewTerms();
    await server.restart();
    const choice = { password: PASSWORD, confirmation: PASSWORD, email: 'parent.leclerc@example.org', termsAccepted: true, locale: 'fr' as const };
    expect(await core.handlers['activation.choose'](choice)).toEqual({ ok: false, error: { code: 'INVALID_INPUT', fields: [{ key: 'termsAccepted', reason: 'required' }] } });
    expect(await core.handlers['session.terms']({})).toMatchObject({ ok: true, value: { terms: { version: NEW_VERSION } } });
    expect(server.recordedTermsVersions('ent77-college')).toEqual(recordedBefore);
    expect(await core.handlers['activation.choose'](choice)).toMatchObject({ ok: true, value: { state: 'active' } });
    expect(server.recordedTermsVersions('ent77-college')).toEqual([...recordedBefore, NEW_VERSION].sort());
  });
});
