import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { KioskCore } from '../../../electron/core/create-kiosk-core';
import { loadProfile } from '../../unit/core/support/chosen-rig';
import { makeTempFolder } from '../../unit/core/support/temp-folder';
import { until } from '../core/core-harness';
import { startConfigCore, storedSnapshot } from './config-stack';
import { startConfigStandIn } from './config-stand-in-server';

/**
 * A bad configuration from the server is refused whole and the last good one kept (issue 5).
 * The hostile answers come from a stand-in (config-stand-in-server.ts): the reference server
 * validates its profiles at start-up and cannot be made to send a broken set.
 */
const ent77 = loadProfile('ent77-college');
const cergy = loadProfile('cergy-etudiant');
const GOOD_VERSION = 'ent77-good';
const good = { ...ent77, terms: { ...ent77.terms, version: GOOD_VERSION } };

let kiosk: ReturnType<typeof makeTempFolder>;
let standIn: Awaited<ReturnType<typeof startConfigStandIn>>;
let core: KioskCore | undefined;
let warnings: string[];

beforeEach(async () => {
  kiosk = makeTempFolder();
  standIn = await startConfigStandIn({ etag: '"good-1"', body: { profiles: [good, cergy] } });
  warnings = [];
  vi.spyOn(console, 'warn').mockImplementation((line: string) => void warnings.push(line));
});
afterEach(async () => {
  await core?.close();
  core = undefined;
  await standIn.stop();
  kiosk.remove();
  vi.restoreAllMocks();
});

async function termsVersionOfNewSession(): Promise<string | undefined> {
  const started = await core?.handlers['session.start']({ profileId: 'ent77-college' });
  return started?.ok ? started.value.profile.terms?.version : undefined;
}

const HOSTILE: [string, unknown, string][] = [
  ['a profile that fails the schema', { profiles: [{ ...good, terms: { ...good.terms, version: 'bad', title: 42 } }, cergy] }, 'CONFIG_MALFORMED'],
  ['not a profile set at all', { eligible: true }, 'CONFIG_MALFORMED'],
  ['the same id twice', { profiles: [{ ...good, terms: { ...good.terms, version: 'twice' } }, good] }, 'CONFIG_DUPLICATE_ID'],
  ["a set without the terminal's profile", { profiles: [cergy] }, 'CONFIG_MISSING_PROFILE'],
];

describe('a bad configuration from the server', () => {
  it.each(HOSTILE)('is refused whole (%s), the last good set kept in use and in the store', async (_what, body, code) => {
    ({ core } = await startConfigCore(kiosk.path, standIn, [ent77], ['ent77-college'], { intervalMs: 40, synced: true }));
    expect(await termsVersionOfNewSession()).toBe(GOOD_VERSION);
    const stored = storedSnapshot(kiosk.path);
    expect(stored?.etag).toBe('"good-1"');

    standIn.answer({ etag: '"bad-2"', body });
    await until(() => standIn.served.some((request) => request.status === 200 && request.ifNoneMatch === '"good-1"'));
    await until(() => warnings.some((line) => line.includes('config.rejected')));

    await core.handlers['session.end']({ reason: 'cancelled' });
    expect(await termsVersionOfNewSession()).toBe(GOOD_VERSION);
    expect(storedSnapshot(kiosk.path)).toEqual(stored);
    const rejected = warnings.filter((line) => line.includes('config.rejected')).map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(rejected[0]).toEqual({ at: 'kiosk-core', event: 'config.rejected', code });
  });

  it('is asked for again with the last good ETag, so a corrected set is taken up', async () => {
    ({ core } = await startConfigCore(kiosk.path, standIn, [ent77], ['ent77-college'], { intervalMs: 40, synced: true }));
    standIn.answer({ etag: '"bad-2"', body: { profiles: [cergy] } });
    await until(() => warnings.some((line) => line.includes('config.rejected')));
    const fixed = { ...ent77, terms: { ...ent77.terms, version: 'ent77-fixed' } };
    standIn.answer({ etag: '"good-3"', body: { profiles: [fixed, cergy] } });
    await until(() => storedSnapshot(kiosk.path)?.etag === '"good-3"');
    expect(standIn.served.filter((request) => request.ifNoneMatch === '"bad-2"')).toEqual([]);
    expect(await termsVersionOfNewSession()).toBe('ent77-fixed');
  });
});
