import Database from 'better-sqlite3';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startEmbeddedServer, startServer } from '../../../server/embedded';
import { DATABASE_FILE } from '../../../server/store/sqlite/server-database';
import type { Profile } from '../../../shared/schemas/profile-schema';
import { createKioskCore, type KioskCore } from '../../../electron/core/create-kiosk-core';
import { TEST_TIMING, until } from '../core/core-harness';
import { PROFILES_DIR } from '../core/reference-stack';
import { makeTempFolder } from '../../unit/core/support/temp-folder';
import { terminalConfigFor } from '../../unit/core/support/terminal-config';

/** One request of the kiosk as its `fetch` saw it: what it sent and what the server answered. */
export interface SeenRequest {
  path: string;
  ifNoneMatch: string | null;
  status: number;
  etag: string | null;
}

/**
 * A `fetch` that records each exchange of the kiosk with the server (the request hook the
 * configuration tests observe 304s with); the exchange itself is the real one.
 */
export function recordingFetch(seen: SeenRequest[]): typeof fetch {
  return async (input, init) => {
    const response = await fetch(input, init);
    const headers = new Headers(init?.headers);
    seen.push({ path: new URL(String(input)).pathname, ifNoneMatch: headers.get('if-none-match'), status: response.status, etag: response.headers.get('etag') });
    return response;
  };
}

export function profileRequests(seen: SeenRequest[]): SeenRequest[] {
  return seen.filter((request) => request.path === '/v1/terminal/profiles');
}

/**
 * A kiosk core on `dataDir` enabling `enabled`, with the bundled profiles `bundled`, recording its
 * requests. `synced`: returns once the start-up sync (it runs in the background) has stored the
 * set the server answered; for a server expected to answer a good set.
 */
export async function startConfigCore(dataDir: string, server: { url: string; token: string }, bundled: Profile[], enabled: string[], options: { intervalMs?: number; synced?: boolean } = {}) {
  const seen: SeenRequest[] = [];
  const config = { ...terminalConfigFor(server), profiles: enabled };
  const timing = { ...TEST_TIMING, configSyncIntervalMs: options.intervalMs ?? 60_000 };
  const core: KioskCore = await createKioskCore({ dataDir, config, profiles: bundled, fetch: recordingFetch(seen), timing });
  if (options.synced) {
    await until(() => profileRequests(seen).length > 0);
    const etag = profileRequests(seen)[0]?.etag;
    await until(() => storedSnapshot(dataDir)?.etag === etag);
  }
  return { core, seen };
}

/**
 * The real reference server started on a temp copy of resources/profiles/, so a test can deploy
 * a changed profile (a new terms version) and restart the server on the same port and data.
 */
export async function startConfigServer() {
  const folder = makeTempFolder('sesame-config-');
  const profilesDir = join(folder.path, 'profiles');
  const serverDir = join(folder.path, 'server');
  cpSync(PROFILES_DIR, profilesDir, { recursive: true });
  const embedded = await startEmbeddedServer({ dataDir: serverDir, profilesDir, mail: {} });
  const port = Number(new URL(embedded.url).port);
  let closeServer: () => Promise<void> = embedded.close;

  return {
    url: embedded.url,
    token: embedded.terminal.token,
    folder,
    /** Rewrites one profile file in the server's copy; it takes effect at the next restart. */
    editProfile(id: string, edit: (profile: Record<string, unknown> & { terms?: { version: string } }) => void): void {
      const file = join(profilesDir, `${id}.json`);
      const profile = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown> & { terms?: { version: string } };
      edit(profile);
      writeFileSync(file, JSON.stringify(profile, null, 2));
    },
    async stop(): Promise<void> {
      await closeServer();
      closeServer = () => Promise.resolve();
    },
    /** The same data folder and port, with the profile files as they are now. */
    async restart(): Promise<void> {
      await closeServer();
      const back = await startServer({ dataDir: serverDir, profilesDir, port, mail: {} });
      closeServer = back.close;
    },
    /** The terms versions the server recorded with activations (sorted), read through a second connection. */
    recordedTermsVersions(profileId: string): string[] {
      const db = new Database(join(serverDir, DATABASE_FILE), { readonly: true });
      try {
        const rows = db.prepare<[string], { v: string }>('SELECT terms_version AS v FROM enrollments WHERE profile_id = ? AND terms_version IS NOT NULL').all(profileId);
        return rows.map((row) => row.v).sort();
      } finally {
        db.close();
      }
    },
    async close(): Promise<void> {
      await closeServer();
      folder.remove();
    },
  };
}

export type ConfigServer = Awaited<ReturnType<typeof startConfigServer>>;

/** The stored configuration row as a second, read-only connection sees it. */
export function storedSnapshot(dataDir: string): { etag: string | null; body_json: string } | undefined {
  const db = new Database(join(dataDir, 'kiosk.sqlite'), { readonly: true });
  try {
    return db.prepare<[], { etag: string | null; body_json: string }>('SELECT etag, body_json FROM config_snapshot').get();
  } finally {
    db.close();
  }
}
