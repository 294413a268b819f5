import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_IDENTITIES } from '../../../server/demo/demo-identities';
import { startEmbeddedServer } from '../../../server/embedded';
import type { EmbeddedServer } from '../../../server/embedded';
import { FakeClock, PROFILES_DIR } from './helpers/server-harness';

let dataDir: string;
let running: EmbeddedServer | undefined;
const clock = new FakeClock();

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'sesame-embedded-'));
});
afterEach(async () => {
  await running?.close();
  running = undefined;
  rmSync(dataDir, { recursive: true, force: true });
});

async function lookup(server: EmbeddedServer, token: string, identity: Record<string, string>) {
  const response = await fetch(`${server.url}/v1/lookups`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ profileId: 'cergy-etudiant', identity }),
  });
  return { status: response.status, body: (await response.json()) as { error?: { code: string } } };
}

describe('startEmbeddedServer (the kiosk launcher default)', () => {
  it('creates keys (0600), seeds the demo people and answers every documented case', async () => {
    running = await startEmbeddedServer({ dataDir, profilesDir: PROFILES_DIR, now: clock.now });
    expect(running.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(running.terminal.id).toBe('borne-demo');
    expect(statSync(join(dataDir, 'sealing-key.json')).mode & 0o777).toBe(0o600);
    for (const person of DEMO_IDENTITIES) {
      const answer = await lookup(running, running.terminal.token, person.identity);
      expect(person.expected === 'eligible' ? answer.status : answer.body.error?.code).toBe(person.expected === 'eligible' ? 200 : person.expected);
    }
  });

  it('issues a new token at each start (the old one stops working) and seeds only once', async () => {
    const first = await startEmbeddedServer({ dataDir, profilesDir: PROFILES_DIR, now: clock.now });
    const oldToken = first.terminal.token;
    await first.close();
    // Later the same day: a re-seed would reset "enrolled a few minutes ago" and change the answer.
    clock.advance(22 * 3_600_000);
    running = await startEmbeddedServer({ dataDir, profilesDir: PROFILES_DIR, now: clock.now });
    expect(running.terminal.token).not.toBe(oldToken);
    const eligible = DEMO_IDENTITIES[0]?.identity ?? {};
    expect((await lookup(running, oldToken, eligible)).status).toBe(401);
    expect((await lookup(running, running.terminal.token, eligible)).status).toBe(200);
    const remote = DEMO_IDENTITIES.find((p) => p.expected === 'NOT_YET_OPEN' && p.record?.channel === 'remote');
    // Enrolled 2 h before the first start, now 22 h later (24 h in all): open only if the first seed was kept.
    expect((await lookup(running, running.terminal.token, remote?.identity ?? {})).status).toBe(200);
  });
});
