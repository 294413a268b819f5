import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { ensureServerKeys } from '../../../../server/crypto/server-keys';
import { seedDemoDataset } from '../../../../server/demo/demo-dataset';
import { startServer } from '../../../../server/listen';
import type { MailConfigInput } from '../../../../server/mail/mail-config';
import type { RunningServer } from '../../../../server/listen';
import { loadProfiles } from '../../../../server/profiles/profile-registry';
import { issueTerminalToken } from '../../../../server/services/terminal-service';
import type { Db } from '../../../../server/store/sqlite/connection';
import { DATABASE_FILE, openServerStore } from '../../../../server/store/sqlite/server-database';
import type { Store } from '../../../../server/store/store';
import { sealForTest } from './seal-for-test';
import { inspectSqliteFile } from './sqlite-file';

export const PROFILES_DIR = join(import.meta.dirname, '..', '..', '..', '..', 'resources', 'profiles');
export const PROFILE_ID = 'cergy-etudiant';
export const TERMINAL_ID = 'borne-test';

/** A clock the test moves by hand (no timing assertions, no waiting). */
export class FakeClock {
  constructor(public current = new Date('2026-09-15T08:00:00.000Z')) {}
  now = (): Date => new Date(this.current.getTime());
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

export interface HttpAnswer {
  status: number;
  headers: Headers;
  text: string;
  body: { error?: { code: string; retryAfterS?: number; opensAt?: string; fields?: { key: string; reason: string }[]; rules?: string[] } } & Record<string, unknown>;
}

/** Every SQLite byte on disk in `dataDir`: the database, its WAL and shared-memory files. */
export function databaseBytes(dataDir: string): Buffer {
  const files = readdirSync(dataDir).filter((name) => name.startsWith(DATABASE_FILE));
  return Buffer.concat(files.map((name) => readFileSync(join(dataDir, name))));
}

/** A real server over loopback, on a temp data folder seeded with the demo people through the CSV importer. */
export class ServerHarness {
  private server: RunningServer | undefined;
  token = '';
  publicKey = '';
  /** What the server logged at warn level and above (only with `captureLog`). */
  readonly logLines: string[] = [];
  constructor(readonly dataDir: string, readonly clock: FakeClock, private readonly mail?: MailConfigInput, private readonly captureLog = false) {}

  /** `mail`: a relay (the SMTP sink), else `.eml` files in `<dataDir>/mail/`. */
  static async start(options: { clock?: FakeClock; seed?: boolean; mail?: MailConfigInput; captureLog?: boolean } = {}): Promise<ServerHarness> {
    const dataDir = mkdtempSync(join(tmpdir(), 'sesame-server-'));
    const harness = new ServerHarness(dataDir, options.clock ?? new FakeClock(), options.mail, options.captureLog);
    const { keys } = ensureServerKeys(harness.dataDir);
    harness.publicKey = keys.sealing.publicKey;
    await harness.withStore(async (store) => {
      if (options.seed !== false) {
        // Every demo profile, letters included (issue 3: one person per case of every profile).
        const outcome = await seedDemoDataset(store, loadProfiles(PROFILES_DIR), keys.recordKey, harness.clock.now());
        if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
      }
      harness.token = await issueTerminalToken(store, TERMINAL_ID, 'Test', harness.clock.now());
    });
    await harness.restart();
    return harness;
  }

  get url(): string {
    if (!this.server) throw new Error('server not running');
    return this.server.url;
  }

  /** Stops and starts the server on the same data folder (counters must survive this). */
  async restart(): Promise<void> {
    await this.server?.close();
    const logger = this.captureLog ? { level: 'warn', stream: { write: (line: string) => void this.logLines.push(line) } } : undefined;
    this.server = await startServer({ dataDir: this.dataDir, profilesDir: PROFILES_DIR, now: this.clock.now, mail: this.mail, logger });
  }

  /** Activations in the server's database, read through a second store (WAL lets it). */
  activationRows(): Promise<number> {
    return this.withStore((store) => store.activations.countActivations());
  }

  /**
   * Uses a second store on the server's data folder, through the storage port, as another
   * process (the CLI, a sweep) would; closed afterwards. WAL lets it run beside the server.
   */
  async withStore<T>(use: (store: Store) => Promise<T>): Promise<T> {
    const store = openServerStore(this.dataDir);
    try {
      return await use(store);
    } finally {
      await store.close();
    }
  }

  /** The server's SQLite file through a second raw connection: see `inspectSqliteFile`. */
  readDatabase<T>(read: (db: Db) => T): T {
    return inspectSqliteFile(this.dataDir, read);
  }

  async close(): Promise<void> {
    await this.server?.close();
    this.server = undefined;
    rmSync(this.dataDir, { recursive: true, force: true });
  }

  async request(method: string, path: string, options: { body?: unknown; raw?: string; headers?: Record<string, string>; token?: string | null } = {}): Promise<HttpAnswer> {
    const headers: Record<string, string> = { ...options.headers };
    const token = options.token === undefined ? this.token : options.token;
    if (token !== null) headers['authorization'] = `Bearer ${token}`;
    let payload: string | undefined = options.raw;
    if (options.body !== undefined) payload = JSON.stringify(options.body);
    if (payload !== undefined && !Object.keys(headers).some((name) => name.toLowerCase() === 'content-type')) headers['content-type'] = 'application/json';
    const response = await fetch(`${this.url}${path}`, { method, headers, body: payload });
    const text = await response.text();
    let body: HttpAnswer['body'] = {};
    try {
      body = JSON.parse(text) as HttpAnswer['body'];
    } catch {
      body = {};
    }
    return { status: response.status, headers: response.headers, text, body };
  }

  lookup(identity: Record<string, string>, profileId = PROFILE_ID): Promise<HttpAnswer> {
    return this.request('POST', '/v1/lookups', { body: { profileId, identity } });
  }

  activate(identity: Record<string, string>, key: string): Promise<HttpAnswer> {
    const sealed = sealForTest({ identity }, this.publicKey);
    return this.request('POST', '/v1/activations', { body: { profileId: PROFILE_ID, sealed }, headers: { 'idempotency-key': key } });
  }

  /** POST /v1/activations for any profile, with the sealed `choice` of a chosen-password profile. */
  activateWith(profileId: string, secret: { identity: Record<string, string>; choice?: Record<string, unknown> }, key: string): Promise<HttpAnswer> {
    const sealed = sealForTest(secret, this.publicKey);
    return this.request('POST', '/v1/activations', { body: { profileId, sealed }, headers: { 'idempotency-key': key } });
  }

  confirm(activationId: string, password: string, key: string): Promise<HttpAnswer> {
    const sealed = sealForTest({ password }, this.publicKey);
    return this.request('POST', `/v1/activations/${activationId}/confirmation`, { body: { sealed }, headers: { 'idempotency-key': key } });
  }
}

let counter = 0;
/** A fresh Idempotency-Key per call, as a kiosk would make one per submission. */
export function newKey(): string {
  counter += 1;
  return `test-key-${process.pid}-${counter}-${Math.random().toString(36).slice(2, 10)}`;
}

/**
 * Registers the start/close hooks of a test file: a fresh server per test (`each`, the default,
 * for tests that change state) or one for the whole file (`all`). Returns a getter.
 */
export function useServerHarness(scope: 'each' | 'all' = 'each'): () => ServerHarness {
  let server: ServerHarness | undefined;
  (scope === 'each' ? beforeEach : beforeAll)(async () => {
    server = await ServerHarness.start();
  });
  (scope === 'each' ? afterEach : afterAll)(async () => {
    await server?.close();
  });
  return () => {
    if (!server) throw new Error('server not started');
    return server;
  };
}
