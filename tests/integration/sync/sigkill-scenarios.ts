import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { openDatabase } from '../../../server/store/sqlite/connection';
import { DATABASE_FILE } from '../../../server/store/sqlite/server-database';
import { startServer } from '../../../server/listen';
import { outboxRows, type StoredRow } from '../core/core-harness';
import { PROFILES_DIR } from '../server/helpers/server-harness';
import { driverFiles, freePort, sigkill, sleep, startDriver, startServerProcess, type Child } from './sigkill-rig';
import { countsOnServer, seedCohortServer, seededRandom, tally } from './sync-cohort';

/**
 * The two SIGKILL runs, shared by the tests (~100 people) and the bench (1,000): a seeded RNG
 * picks the kill moments, the killed process is started again on the same data folder, and the
 * server's database is the judge of lost and duplicated activations.
 */
export interface SigkillFigures {
  people: number;
  seed: number;
  /** Kills that landed (the process was still working when the moment came). */
  kills: number;
  once: number;
  lost: number;
  duplicated: number;
  /** The kiosk's outbox at the end: rows per `state/last_error_code`. */
  outbox: Record<string, number>;
  /** Per submission (outbox row, by Idempotency-Key): see `keyCheck`. */
  keys: KeyCheck;
  /** The driver's last exit code (0: every person done and the outbox empty). */
  driverExit: number | null;
  wallMs: number;
}

export interface KeyCheck {
  /** Rows the kiosk settled as delivered whose key the server never stored: lost. */
  deliveredNotOnServer: number;
  /** Keys the server stored that no outbox row holds: a resend under a fresh key, a duplicate. */
  onServerNotInOutbox: number;
  /** Activations on the server minus stored activation answers: created without a key of ours. */
  activationsBeyondKeys: number;
}

/** The submission-level judge: the server's idempotency table against the kiosk's outbox keys. */
function keyCheck(serverDir: string, rows: StoredRow[]): KeyCheck {
  const hashOf = (key: string) => createHash('sha256').update(key).digest('hex');
  const outboxKeys = new Set(rows.map((row) => hashOf(row.idempotency_key)));
  const db = openDatabase(join(serverDir, DATABASE_FILE));
  try {
    const stored = db.prepare<[], { key_hash: string; route: string }>('SELECT key_hash, route FROM idempotency').all();
    const storedKeys = new Set(stored.map((row) => row.key_hash));
    const activations = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM activations').get()?.n ?? 0;
    const activationAnswers = new Set(rows.filter((row) => row.kind === 'activation').map((row) => hashOf(row.idempotency_key)));
    return {
      deliveredNotOnServer: rows.filter((row) => row.state === 'delivered' && !storedKeys.has(hashOf(row.idempotency_key))).length,
      onServerNotInOutbox: stored.filter((row) => !outboxKeys.has(row.key_hash)).length,
      activationsBeyondKeys: activations - stored.filter((row) => activationAnswers.has(row.key_hash)).length,
    };
  } finally {
    db.close();
  }
}

function outboxSummary(rows: StoredRow[]): Record<string, number> {
  const summary: Record<string, number> = {};
  for (const row of rows) {
    const key = `${row.kind}:${row.state}${row.last_error_code ? `/${row.last_error_code}` : ''}`;
    summary[key] = (summary[key] ?? 0) + 1;
  }
  return summary;
}

/** The kiosk is SIGKILLed `kills` times while it works, then left to finish. */
export async function kioskSigkillRun(people: number, seed: number, kills: number, maxDelayMs = 1_500): Promise<SigkillFigures & { log: string }> {
  const started = performance.now();
  const seeded = await seedCohortServer(people, ['borne-driver']);
  const server = await startServer({ dataDir: seeded.dataDir, profilesDir: PROFILES_DIR });
  const run = driverFiles(server.url, seeded.tokens[0] ?? '', seeded.people);
  const random = seededRandom(seed);
  let landed = 0;
  let driver: Child | undefined;
  try {
    for (let kill = 0; kill < kills; kill += 1) {
      driver = await startDriver(run);
      const finished = await Promise.race([driver.exited.then(() => true), sleep(random() * maxDelayMs).then(() => false)]);
      if (finished) break;
      await sigkill(driver);
      landed += 1;
    }
    driver = await startDriver(run);
    const driverExit = await driver.exited;
    const counts = tally(countsOnServer(seeded.dataDir, seeded.people));
    const rows = outboxRows(run.kioskDir);
    return { people, seed, kills: landed, ...counts, keys: keyCheck(seeded.dataDir, rows), outbox: outboxSummary(rows), driverExit, wallMs: performance.now() - started, log: driver.output() };
  } finally {
    if (driver?.process.exitCode === null) await sigkill(driver);
    await server.close();
    rmSync(seeded.dataDir, { recursive: true, force: true });
    rmSync(dirname(run.kioskDir), { recursive: true, force: true });
  }
}

/** The server CLI is SIGKILLed `kills` times while one kiosk works, restarted on its folder and port. */
export async function serverSigkillRun(people: number, seed: number, kills: number, maxDelayMs = 1_500): Promise<SigkillFigures & { log: string }> {
  const started = performance.now();
  const seeded = await seedCohortServer(people, ['borne-driver']);
  const port = await freePort();
  let server = await startServerProcess(seeded.dataDir, port);
  const run = driverFiles(`http://127.0.0.1:${port}`, seeded.tokens[0] ?? '', seeded.people);
  const random = seededRandom(seed);
  const driver = await startDriver(run);
  let landed = 0;
  try {
    for (let kill = 0; kill < kills; kill += 1) {
      const finished = await Promise.race([driver.exited.then(() => true), sleep(random() * maxDelayMs).then(() => false)]);
      if (finished) break;
      await sigkill(server);
      landed += 1;
      // Down for a moment: the kiosk meets refused connections and queues what it can.
      await sleep(random() * 500);
      server = await startServerProcess(seeded.dataDir, port);
    }
    const driverExit = await driver.exited;
    const counts = tally(countsOnServer(seeded.dataDir, seeded.people));
    const rows = outboxRows(run.kioskDir);
    return { people, seed, kills: landed, ...counts, keys: keyCheck(seeded.dataDir, rows), outbox: outboxSummary(rows), driverExit, wallMs: performance.now() - started, log: driver.output() };
  } finally {
    if (driver.process.exitCode === null) await sigkill(driver);
    await sigkill(server);
    rmSync(seeded.dataDir, { recursive: true, force: true });
    rmSync(dirname(run.kioskDir), { recursive: true, force: true });
  }
}
