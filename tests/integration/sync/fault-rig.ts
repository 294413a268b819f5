import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createKioskCore, type KioskCore } from '../../../electron/core/create-kiosk-core';
import type { CoreTiming } from '../../../electron/core/core-timing';
import { ensureServerKeys } from '../../../server/crypto/server-keys';
import { DEMO_IDENTITIES } from '../../../server/demo/demo-identities';
import { PROFILE_DEMO_PEOPLE } from '../../../server/demo/profile-demo-people';
import { loadProfiles } from '../../../server/profiles/profile-registry';
import { hashIdentity } from '../../../server/services/identity-hashing';
import type { KioskEvent } from '../../../shared/contract/kiosk-api';
import { startFaultProxy, type Fault, type FaultProxy } from '../../support/fault-proxy';
import { PROFILES_DIR, ServerHarness } from '../server/helpers/server-harness';
import { loadProfile } from '../../unit/core/support/chosen-rig';
import { terminalConfigFor } from '../../unit/core/support/terminal-config';

/**
 * The fault matrix's stack: the real server (seeded demo people) behind the fault proxy, and a
 * real kiosk core pointed at the proxy with short timings, each on its own temp folder.
 */

/** Short, so a stalled request costs a second or so; long enough for one scrypt under load. */
export const FAULT_TIMING: Partial<CoreTiming> = {
  requestTimeoutMs: 1_500,
  probeTimeoutMs: 400,
  submitBudgetMs: 500,
  confirmBudgetMs: 250,
  onlineFreshMs: 0,
  interactiveBackoff: { baseMs: 20, capMs: 80 },
  queueBackoff: { baseMs: 30, capMs: 200 },
};

export interface Person {
  profileId: 'cergy-etudiant' | 'ent77-college' | 'idf-lycee';
  identity: Record<string, string>;
}

/** Every eligible demo person of the three profiles: three generated passwords, two chosen. */
export const PEOPLE: readonly Person[] = [
  ...DEMO_IDENTITIES.filter((person) => person.expected === 'eligible').map((person) => ({ profileId: 'cergy-etudiant' as const, identity: person.identity })),
  ...PROFILE_DEMO_PEOPLE.filter((person) => person.expected === 'eligible' && (person.profileId === 'ent77-college' || person.profileId === 'idf-lycee'))
    .map((person) => ({ profileId: person.profileId as 'ent77-college' | 'idf-lycee', identity: person.identity })),
];

export interface FaultStack {
  server: ServerHarness;
  proxy: FaultProxy;
  core: KioskCore;
  events: KioskEvent[];
  kioskDir: string;
  /** Activation rows per state for one person, read from the server's SQLite. */
  activationsOf(person: Person): { active: number; all: number };
  close(): Promise<void>;
}

export async function startFaultStack(timing: Partial<CoreTiming> = FAULT_TIMING): Promise<FaultStack> {
  const server = await ServerHarness.start();
  const proxy = await startFaultProxy(server.url);
  const kioskDir = mkdtempSync(join(tmpdir(), 'sesame-fault-kiosk-'));
  const profiles = [loadProfile('cergy-etudiant'), loadProfile('ent77-college'), loadProfile('idf-lycee')];
  const config = { ...terminalConfigFor({ url: proxy.url, token: server.token }), profiles: profiles.map((profile) => profile.id) };
  const core = await createKioskCore({ dataDir: kioskDir, config, profiles, timing });
  const events: KioskEvent[] = [];
  core.subscribe((event) => events.push(event));
  const serverProfiles = loadProfiles(PROFILES_DIR);
  const { recordKey } = ensureServerKeys(server.dataDir).keys;

  return {
    server, proxy, core, events, kioskDir,
    activationsOf(person: Person) {
      const profile = serverProfiles.get(person.profileId);
      if (!profile) throw new Error(`no profile ${person.profileId}`);
      const { lookupKey } = hashIdentity(profile, person.identity, recordKey);
      return server.readDatabase((db) => db.prepare<[string, string], { active: number; all: number }>(
        `SELECT COALESCE(SUM(state = 'active'), 0) AS active, COUNT(*) AS "all" FROM activations WHERE profile_id = ? AND lookup_key = ?`,
      ).get(person.profileId, lookupKey) ?? { active: 0, all: 0 });
    },
    async close() {
      await core.close();
      await proxy.close();
      await server.close();
      rmSync(kioskDir, { recursive: true, force: true });
    },
  };
}

export interface FaultFigures {
  tried: number;
  delivered: number;
  lost: number;
  duplicated: number;
  /** Connections the proxy accepted under the fault (requests that met it). */
  faultedConnections: number;
  /** The slowest kiosk answer while the fault was on, for reading beside the budgets. */
  slowestAnswerMs: number;
}

export function writeFigures(figures: Partial<Record<Fault, FaultFigures>>): string {
  // Not test-results/: Playwright empties it when the e2e suite starts, after Vitest in npm test.
  const file = join(process.cwd(), 'reports', 'fault-figures.json');
  mkdirSync(dirname(file), { recursive: true });
  const timing = { requestTimeoutMs: FAULT_TIMING.requestTimeoutMs, submitBudgetMs: FAULT_TIMING.submitBudgetMs, confirmBudgetMs: FAULT_TIMING.confirmBudgetMs };
  writeFileSync(file, `${JSON.stringify({ command: 'npx vitest run tests/integration/sync/fault-matrix.test.ts', timing, faults: figures }, null, 2)}\n`);
  return file;
}
