import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_IDENTITIES } from '../../server/demo/demo-identities';
import { boardLatencyBench } from './board-latency-bench';
import { launchChromium } from './lib/chromium';
import { fmt } from './lib/stats';
import { outboxBench, outboxLines } from './outbox-bench';
import type { passwordCheckBench } from './password-check-bench';
import { roundTripBench } from './round-trip-bench';
import { buildHello, gzippedAssetBytes, startupBench } from './startup-bench';
import { wipeBench, wipeLine } from './wipe-bench';

/**
 * `npm run bench`: the figures issue notes quote, each beside a baseline measured in the same
 * run. Results are printed and written to tests/bench/results/latest.json.
 */
type PasswordCheckFigures = Awaited<ReturnType<typeof passwordCheckBench>>;

const ROUNDS = Number(process.env['BENCH_STARTUP_ROUNDS'] ?? 5);
const CALLS = Number(process.env['BENCH_CALLS'] ?? 1000);
const PASSWORDS = Number(process.env['BENCH_PASSWORDS'] ?? 10_000);
const WIPE_SESSIONS = Number(process.env['BENCH_WIPE_SESSIONS'] ?? 100);
const BOARD_PEOPLE = Number(process.env['BENCH_BOARD_PEOPLE'] ?? 30);

function timeBuild(): number {
  const started = performance.now();
  execFileSync('npx', ['electron-vite', 'build'], { stdio: 'ignore' });
  return performance.now() - started;
}

/** Its own process, with --expose-gc: the memory figure is then the dictionaries' alone. */
function passwordCheckBenchInChild(count: number): PasswordCheckFigures {
  const args = ['--expose-gc', '--import', 'tsx', 'tests/bench/password-check-bench.ts', String(count)];
  return JSON.parse(execFileSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 20 })) as PasswordCheckFigures;
}

function passwordLines(figures: PasswordCheckFigures): string[] {
  const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
  const refused = Object.entries(figures.refusedByKind).map(([kind, { refused, total }]) => `${kind} ${refused}/${total}`).join(', ');
  return [
    `password check, server, Montpellier policy, ${figures.count} candidates (words, word+digits, random 8–16): with dictionaries median ${fmt(figures.withDictionary.median)}, p95 ${fmt(figures.withDictionary.p95)}; engine without dictionary median ${fmt(figures.withoutDictionary.median)}, p95 ${fmt(figures.withoutDictionary.p95)} (median x${(figures.withDictionary.median / figures.withoutDictionary.median).toFixed(0)})`,
    `dictionaries (fr + en + common) loaded and ranked: heapUsed +${mib(figures.memory.heapUsedBytes)}, rss +${mib(figures.memory.rssBytes)}${figures.gcExposed ? ' (after global.gc(), node --expose-gc)' : ' (no --expose-gc: without gc)'}; first call ${fmt(figures.firstCallMs)}; refused by the dictionary rule: ${refused}`,
  ];
}

async function main() {
  const eligible = DEMO_IDENTITIES.find((person) => person.expected === 'eligible');
  if (!eligible) throw new Error('the demo dataset has no eligible person');

  const buildMs = timeBuild();
  const helloDir = mkdtempSync(join(tmpdir(), 'sesame-hello-'));
  await buildHello(helloDir);
  const size = { renderer: gzippedAssetBytes('out/renderer'), hello: gzippedAssetBytes(helloDir) };

  const browser = await launchChromium();
  const startup = await startupBench(browser, helloDir, ROUNDS);
  const wipe = await wipeBench(browser, WIPE_SESSIONS, eligible.identity);
  await browser.close();
  const roundTrip = await roundTripBench(CALLS, eligible.identity);
  const password = passwordCheckBenchInChild(PASSWORDS);
  const board = await boardLatencyBench(BOARD_PEOPLE);
  const outbox = await outboxBench(Number(process.env['BENCH_OUTBOX'] ?? 1000), Number(process.env['BENCH_OUTBOX'] ?? 1000));

  const lines = [
    `command: npm run bench (BENCH_STARTUP_ROUNDS=${ROUNDS}, BENCH_CALLS=${CALLS}, BENCH_PASSWORDS=${PASSWORDS}, BENCH_WIPE_SESSIONS=${WIPE_SESSIONS}, BENCH_BOARD_PEOPLE=${BOARD_PEOPLE})`,
    `build (electron-vite build, part of npm start): ${fmt(buildMs)}`,
    `start to welcome painted, loopback shell, headless Chromium, median of ${ROUNDS}: kiosk ${fmt(startup.kiosk.median)} vs bare Svelte page ${fmt(startup.hello.median)} (x${(startup.kiosk.median / startup.hello.median).toFixed(2)})`,
    `renderer JS+CSS gzipped: ${(size.renderer / 1024).toFixed(1)} KiB vs bare Svelte page ${(size.hello / 1024).toFixed(1)} KiB (x${(size.renderer / size.hello).toFixed(2)})`,
    `eligibility round trip kiosk → server over ${roundTrip.kiosk.n} calls: median ${fmt(roundTrip.kiosk.median)}, p95 ${fmt(roundTrip.kiosk.p95)}; bare Fastify route: median ${fmt(roundTrip.bare.median)}, p95 ${fmt(roundTrip.bare.p95)} (median x${(roundTrip.kiosk.median / roundTrip.bare.median).toFixed(2)})`,
    ...passwordLines(password),
    wipeLine(wipe),
    `group board, kiosk B activates ${board.kiosk.fromTap.n} people while kiosk A long-polls the board: B's confirm tap → A's board shows done median ${fmt(board.kiosk.fromTap.median)}, p95 ${fmt(board.kiosk.fromTap.p95)}; B's answer → A's board median ${fmt(board.kiosk.fromAnswer.median)}, p95 ${fmt(board.kiosk.fromAnswer.p95)}; bare Fastify long poll woken by an EventEmitter: tap → answer median ${fmt(board.bare.fromTap.median)}, p95 ${fmt(board.bare.fromTap.p95)} (median x${(board.kiosk.fromTap.median / board.bare.fromTap.median).toFixed(1)}); answer → answer median ${fmt(board.bare.fromAnswer.median)}`,
    ...outboxLines(outbox),
  ];
  console.log(lines.join('\n'));
  mkdirSync('tests/bench/results', { recursive: true });
  writeFileSync('tests/bench/results/latest.json', JSON.stringify({ buildMs, size, startup, roundTrip, password, wipe, board, outbox, lines }, null, 2));
}

await main();
