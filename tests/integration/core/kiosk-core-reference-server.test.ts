import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { KioskCore } from '../../../electron/core/create-kiosk-core';
import { startEmbeddedServer, type EmbeddedServer } from '../../../server/embedded';
import { DEMO_IDENTITIES } from '../../../server/demo/demo-identities';
import { makeTempFolder } from '../../unit/core/support/temp-folder';
import { startCore, storeBytes } from './core-harness';

/** The same core, this time against the real reference server (server/), demo data loaded. */
const PROFILES_DIR = fileURLToPath(new URL('../../../resources/profiles/', import.meta.url));

let folder: ReturnType<typeof makeTempFolder>;
let server: EmbeddedServer;
let core: KioskCore;

beforeEach(async () => {
  folder = makeTempFolder();
  server = await startEmbeddedServer({ dataDir: `${folder.path}/server`, profilesDir: PROFILES_DIR });
  ({ core } = await startCore(`${folder.path}/kiosk`, { url: server.url, token: server.terminal.token }));
  await core.handlers['session.start']({ profileId: 'cergy-etudiant' });
});
afterEach(async () => {
  await core.close();
  await server.close();
  folder.remove();
});

describe('kiosk core against the reference enrollment API', () => {
  it.each(DEMO_IDENTITIES.filter((person) => person.expected !== 'eligible').map((person) => [person.expected, person.identity] as const))(
    'passes %s through',
    async (expected, identity) => {
      const result = await core.handlers['activation.lookup']({ identity });
      expect(result).toMatchObject({ ok: false, error: { code: expected } });
    },
  );

  it('activates an eligible demo student end to end, leaving nothing personal in the store', async () => {
    const person = DEMO_IDENTITIES.find((candidate) => candidate.expected === 'eligible');
    if (!person) throw new Error('no eligible demo person');
    expect(await core.handlers['activation.lookup']({ identity: person.identity })).toEqual({ ok: true, value: { eligible: true } });
    const submitted = await core.handlers['activation.submit']({});
    if (!submitted.ok) throw new Error(`submit refused: ${submitted.error.code}`);
    expect(submitted.value.login).toBe(`e${person.identity.studentNumber}`);
    const confirmed = await core.handlers['activation.confirmPassword']({ typed: submitted.value.password });
    expect(confirmed).toMatchObject({ ok: true, value: { state: 'active' } });
    const bytes = storeBytes(`${folder.path}/kiosk`);
    expect(bytes.includes(submitted.value.password)).toBe(false);
    expect(bytes.includes(person.identity.studentNumber)).toBe(false);
  });
});
