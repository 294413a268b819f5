import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createConfigSync } from '../../../../electron/core/config/config-sync';
import { systemClock } from '../../../../electron/core/clock';
import { createConfigSnapshotRepository } from '../../../../electron/core/store/config-snapshot-repository';
import { openKioskDatabase, type KioskDatabase } from '../../../../electron/core/store/sqlite-connection';
import type { ConditionalAnswer } from '../../../../electron/core/sync/conditional-get';
import { loadProfile } from '../support/chosen-rig';
import { makeTempFolder } from '../support/temp-folder';

/** What the sync starts from: the stored set when it still passes every check, else the bundled files. */
const ent77 = loadProfile('ent77-college');
const stored = { ...ent77, terms: { ...ent77.terms, version: 'stored-version' } };
const unavailable = (): Promise<ConditionalAnswer> => Promise.resolve({ kind: 'unavailable' });

let folder: ReturnType<typeof makeTempFolder>;
let db: KioskDatabase;
beforeEach(() => {
  folder = makeTempFolder();
  db = openKioskDatabase(join(folder.path, 'kiosk.sqlite'));
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => {
  db.close();
  folder.remove();
  vi.restoreAllMocks();
});

function syncWith(enabledIds: string[]) {
  return createConfigSync({ get: unavailable, snapshots: createConfigSnapshotRepository(db), bundled: [ent77], enabledIds, clock: systemClock, intervalMs: 60_000 });
}

describe('config sync at start', () => {
  it('uses the stored set over the bundled files', () => {
    createConfigSnapshotRepository(db).save({ etag: '"s"', bodyJson: JSON.stringify({ profiles: [stored] }), fetchedAt: 1 });
    expect(syncWith(['ent77-college']).current()[0]?.terms?.version).toBe('stored-version');
  });

  it('falls back to the bundled files when the stored set no longer passes the checks', () => {
    createConfigSnapshotRepository(db).save({ etag: '"s"', bodyJson: JSON.stringify({ profiles: [stored] }), fetchedAt: 1 });
    expect(syncWith(['ent77-college', 'cergy-etudiant']).current()).toEqual([ent77]);
    expect(console.warn).toHaveBeenCalledWith(JSON.stringify({ at: 'kiosk-core', event: 'config.storeIgnored', code: 'CONFIG_MISSING_PROFILE' }));
  });

  it('keeps what it has when the server cannot be reached', async () => {
    const sync = syncWith(['ent77-college']);
    expect(await sync.sync()).toBe('unavailable');
    expect(sync.current()).toEqual([ent77]);
    await sync.stop();
  });
});
