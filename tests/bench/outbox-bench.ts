import Database from 'better-sqlite3';
import Fastify from 'fastify';
import { copyFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createKioskCore, type KioskCore } from '../../electron/core/create-kiosk-core';
import { DEFAULT_TIMING, type CoreTiming } from '../../electron/core/core-timing';
import { hashPassword, verifyPassword } from '../../server/crypto/password-hash';
import { startServer } from '../../server/listen';
import { outboxRows } from '../integration/core/core-harness';
import { PROFILES_DIR } from '../integration/server/helpers/server-harness';
import { kioskSigkillRun, serverSigkillRun, type SigkillFigures } from '../integration/sync/sigkill-scenarios';
import { COHORT_PROFILE, countsOnServer, seedCohortServer, tally, type CohortPerson } from '../integration/sync/sync-cohort';
import { startFaultProxy, type FaultProxy } from '../support/fault-proxy';
import { cergyProfile } from '../unit/core/support/cergy-profile';
import { terminalConfigFor } from '../unit/core/support/terminal-config';
import { fmt } from './lib/stats';

/**
 * Issue 5, the outbox's figures. (1) Flush rate: N confirmations queued in a real kiosk's
 * outbox are delivered by its background loop to the real server over loopback, one at a time
 * (the loop awaits each); the server checks each password with scrypt, so the rate "without
 * hashing" drains a copy of the same queue again: every row is then a replay the server answers
 * from its idempotency store before any scrypt. Baselines in
 * the same run: N raw better-sqlite3 inserts (one transaction each, WAL, as the outbox writes)
 * and N sequential raw HTTP POSTs to a bare Fastify route. (2) Network back → outbox empty for
 * the same N rows, through the fault proxy. (3) The kiosk SIGKILL run at volume.
 */
const QUEUE_TIMING = {
  requestTimeoutMs: 10_000,
  probeTimeoutMs: 2_000,
  submitBudgetMs: 10_000,
  // One attempt, then queued: the confirmations are what the loop flushes.
  confirmBudgetMs: 1,
  onlineFreshMs: 0,
  // So far off that nothing queued is retried while the queue fills (the proxy lets lookups through).
  queueBackoff: { baseMs: 1e9, capMs: 1e9 },
};
// The production queue backoff and offline re-probe: the rows' own backoff (above) would keep them
// for ever, so only the core noticing the link is back (offline re-probe, then every queued row
// made due) can empty the queue; the figure includes that detection.
const DRAIN_TIMING = { ...QUEUE_TIMING, queueBackoff: DEFAULT_TIMING.queueBackoff, offlineProbeIntervalMs: DEFAULT_TIMING.offlineProbeIntervalMs };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function pendingCount(kioskDir: string): number {
  return outboxRows(kioskDir).filter((row) => row.state === 'pending').length;
}

/** The kiosk's store as it is now (core closed), into a new folder: the same rows, keys and sealed bodies. */
function snapshot(kioskDir: string): string {
  const copy = mkdtempSync(join(tmpdir(), 'sesame-outbox-replay-'));
  for (const name of readdirSync(kioskDir).filter((file) => file.startsWith('kiosk.sqlite'))) copyFileSync(join(kioskDir, name), join(copy, name));
  return copy;
}

/**
 * Opens a core on `kioskDir` and times its queue to empty: from the link given back after 1.5 s
 * refused (`outage`), or from the core's start with the link up (every row due: the pure flush).
 * `firstMs`: until the first row is delivered (the outage's part: the core noticing the link is back).
 */
async function drain(kioskDir: string, proxy: FaultProxy, token: string, outage: boolean): Promise<{ totalMs: number; firstMs: number }> {
  proxy.setFault(outage ? 'refuse' : 'pass');
  const started = performance.now();
  const core = await openCore(kioskDir, proxy, token, DRAIN_TIMING);
  if (outage) await sleep(1_500);
  const back = outage ? performance.now() : started;
  proxy.setFault('pass');
  const queued = pendingCount(kioskDir);
  let firstMs: number | null = null;
  for (let pending = queued; pending > 0; pending = pendingCount(kioskDir)) {
    if (firstMs === null && pending < queued) firstMs = performance.now() - back;
    await sleep(20);
  }
  const totalMs = performance.now() - back;
  await core.close();
  return { totalMs, firstMs: firstMs ?? totalMs };
}

function openCore(kioskDir: string, proxy: FaultProxy, token: string, timing: Partial<CoreTiming>, fetchImpl?: typeof fetch): Promise<KioskCore> {
  return createKioskCore({ dataDir: kioskDir, config: terminalConfigFor({ url: proxy.url, token }), profiles: [cergyProfile()], timing, ...(fetchImpl ? { fetch: fetchImpl } : {}) });
}

/**
 * While the queue fills, the kiosk's confirmations fail as a dropped network does (a TypeError
 * from fetch) and everything else goes through: the next person's lookup is an answered exchange,
 * which makes every queued row due (the link-back rule), and they must stay queued for the drain.
 */
const confirmationsHeldBack: typeof fetch = (input, init) =>
  /\/confirmation$/.test(new URL(String(input)).pathname) ? Promise.reject(new TypeError('fetch failed (bench: confirmations held back)')) : fetch(input, init);

/** Each person: looked up and given a password, then confirmed while confirmations cannot get through. */
async function queueConfirmations(core: KioskCore, people: CohortPerson[]): Promise<void> {
  const { handlers } = core;
  for (const person of people) {
    await handlers['session.start']({ profileId: COHORT_PROFILE });
    const looked = await handlers['activation.lookup']({ identity: { ...person } });
    const submitted = await handlers['activation.submit']({});
    if (!looked.ok || !submitted.ok) throw new Error('the cohort should be eligible');
    const confirmed = await handlers['activation.confirmPassword']({ typed: submitted.value.password });
    if (!confirmed.ok || confirmed.value.state !== 'pending') throw new Error(`expected a queued confirmation: ${JSON.stringify(confirmed)}`);
  }
}

async function flushRun(count: number) {
  const seeded = await seedCohortServer(count, ['borne-bench']);
  const server = await startServer({ dataDir: seeded.dataDir, profilesDir: PROFILES_DIR });
  const proxy = await startFaultProxy(server.url);
  const kioskDir = mkdtempSync(join(tmpdir(), 'sesame-outbox-bench-'));
  const token = seeded.tokens[0] ?? '';
  let replayDir = '';
  try {
    const queuing = await openCore(kioskDir, proxy, token, QUEUE_TIMING, confirmationsHeldBack);
    await queueConfirmations(queuing, seeded.people);
    await queuing.close();
    const queued = pendingCount(kioskDir);
    replayDir = snapshot(kioskDir);
    const outage = await drain(kioskDir, proxy, token, true);
    const result = tally(countsOnServer(seeded.dataDir, seeded.people));
    // The same rows again, same keys: the server answers each from its idempotency store,
    // before any scrypt, so this drain is the outbox pipeline without password hashing.
    const replay = await drain(replayDir, proxy, token, false);
    return { queued, drainMs: outage.totalMs, detectMs: outage.firstMs, flushMs: outage.totalMs - outage.firstMs, replayMs: replay.totalMs, ...result };
  } finally {
    await proxy.close();
    await server.close();
    rmSync(kioskDir, { recursive: true, force: true });
    if (replayDir) rmSync(replayDir, { recursive: true, force: true });
    rmSync(seeded.dataDir, { recursive: true, force: true });
  }
}

/** What the server spends per confirmation on scrypt alone, one after the other as the loop sends. */
async function scryptVerifyMs(samples: number): Promise<number> {
  const stored = await hashPassword('Bench-Password-42');
  const started = performance.now();
  for (let index = 0; index < samples; index += 1) await verifyPassword('Bench-Password-42', stored);
  return (performance.now() - started) / samples;
}

function rawSqliteInsertsMs(count: number): number {
  const folder = mkdtempSync(join(tmpdir(), 'sesame-raw-sqlite-'));
  const db = new Database(join(folder, 'raw.sqlite'));
  db.pragma('journal_mode = WAL');
  db.exec('CREATE TABLE rows (id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, body TEXT NOT NULL, at INTEGER NOT NULL)');
  const insert = db.prepare('INSERT INTO rows (key, body, at) VALUES (?, ?, ?)');
  const body = 'x'.repeat(600);
  const started = performance.now();
  for (let index = 0; index < count; index += 1) db.transaction(() => insert.run(`key-${index}`, body, Date.now()))();
  const elapsed = performance.now() - started;
  db.close();
  rmSync(folder, { recursive: true, force: true });
  return elapsed;
}

async function rawFastifyPostsMs(count: number): Promise<number> {
  const app = Fastify();
  app.post('/v1/bare', () => ({ state: 'active' }));
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  const body = JSON.stringify({ sealed: { v: 1, data: 'x'.repeat(600) } });
  const started = performance.now();
  for (let index = 0; index < count; index += 1) {
    const response = await fetch(`${url}/v1/bare`, { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': `k-${index}` }, body });
    await response.text();
  }
  const elapsed = performance.now() - started;
  await app.close();
  return elapsed;
}

export interface OutboxBenchFigures {
  count: number;
  flush: Awaited<ReturnType<typeof flushRun>>;
  scryptVerifyMs: number;
  rawSqliteMs: number;
  rawHttpMs: number;
  /** Null when run with a SIGKILL count of 0 (the flush figures alone). */
  sigkill: SigkillFigures | null;
  serverSigkill: SigkillFigures | null;
}

export async function outboxBench(count: number, sigkillCount: number): Promise<OutboxBenchFigures> {
  const rawSqliteMs = rawSqliteInsertsMs(count);
  const rawHttpMs = await rawFastifyPostsMs(count);
  const scrypt = await scryptVerifyMs(30);
  const flush = await flushRun(count);
  if (sigkillCount === 0) return { count, flush, scryptVerifyMs: scrypt, rawSqliteMs, rawHttpMs, sigkill: null, serverSigkill: null };
  // The drivers' logs stay out of the figures file.
  const { log: kioskLog, ...sigkill } = await kioskSigkillRun(sigkillCount, 20_260_905, 20, 3_000);
  const { log: serverLog, ...serverSigkill } = await serverSigkillRun(sigkillCount, 20_260_905, 20, 3_000);
  void kioskLog;
  void serverLog;
  return { count, flush, scryptVerifyMs: scrypt, rawSqliteMs, rawHttpMs, sigkill, serverSigkill };
}

export function outboxLines(figures: OutboxBenchFigures): string[] {
  const { flush } = figures;
  const perSecond = (n: number, ms: number) => `${((n * 1000) / ms).toFixed(0)}/s`;
  const killed = (who: string, run: SigkillFigures | null) => run
    ? [`${who} SIGKILLed ${run.kills} times (seed ${run.seed}) while ${run.people} people activate, restarted on its folder: ${run.once} once, ${run.lost} lost, ${run.duplicated} duplicated; per key ${JSON.stringify(run.keys)}; outbox at the end ${JSON.stringify(run.outbox)}; ${fmt(run.wallMs)}`]
    : [];
  return [
    `outbox flush, ${flush.queued} queued confirmations → real server over loopback, sent one at a time by the background loop: ${perSecond(flush.queued - 1, flush.flushMs)} with the server's scrypt check (${fmt(flush.flushMs)} from the first delivery to the last; one scrypt verification alone: ${fmt(figures.scryptVerifyMs)}); without hashing (a copy of the same queue drained again, link up from the core's start, each row answered from the server's idempotency store): ${perSecond(flush.queued, flush.replayMs)} (${fmt(flush.replayMs)}); baselines: raw better-sqlite3 inserts ${perSecond(figures.count, figures.rawSqliteMs)}, raw HTTP POSTs to a bare Fastify route ${perSecond(figures.count, figures.rawHttpMs)}`,
    `network back → outbox empty, ${flush.queued} queued confirmations (fault proxy refuse → pass; production queue backoff, base 2 s cap 5 min, each row's own next try put off for ever; offline re-probe every ${DEFAULT_TIMING.offlineProbeIntervalMs / 1000} s): ${fmt(flush.drainMs)}, of which ${fmt(flush.detectMs)} until the core noticed and the first row went; on the server: ${flush.once} activated once, ${flush.lost} lost, ${flush.duplicated} duplicated`,
    ...killed('kiosk', figures.sigkill),
    ...killed('server', figures.serverSigkill),
  ];
}

// `node --import tsx tests/bench/outbox-bench.ts [count] [sigkillCount]`: this part alone.
if (process.argv[1]?.endsWith('outbox-bench.ts')) {
  const figures = await outboxBench(Number(process.argv[2] ?? 1000), Number(process.argv[3] ?? 1000));
  console.log(outboxLines(figures).join('\n'));
}
