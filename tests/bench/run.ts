import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_IDENTITIES } from '../../server/demo/demo-identities';
import { launchChromium } from './lib/chromium';
import { fmt } from './lib/stats';
import { roundTripBench } from './round-trip-bench';
import { buildHello, gzippedAssetBytes, startupBench } from './startup-bench';

/**
 * `npm run bench`: the figures issue notes quote, each beside a baseline measured in the same
 * run. Results are printed and written to tests/bench/results/latest.json.
 */
const ROUNDS = Number(process.env['BENCH_STARTUP_ROUNDS'] ?? 5);
const CALLS = Number(process.env['BENCH_CALLS'] ?? 1000);

function timeBuild(): number {
  const started = performance.now();
  execFileSync('npx', ['electron-vite', 'build'], { stdio: 'ignore' });
  return performance.now() - started;
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
  await browser.close();
  const roundTrip = await roundTripBench(CALLS, eligible.identity);

  const lines = [
    `command: npm run bench (BENCH_STARTUP_ROUNDS=${ROUNDS}, BENCH_CALLS=${CALLS})`,
    `build (electron-vite build, part of npm start): ${fmt(buildMs)}`,
    `start to welcome painted, loopback shell, headless Chromium, median of ${ROUNDS}: kiosk ${fmt(startup.kiosk.median)} vs bare Svelte page ${fmt(startup.hello.median)} (x${(startup.kiosk.median / startup.hello.median).toFixed(2)})`,
    `renderer JS+CSS gzipped: ${(size.renderer / 1024).toFixed(1)} KiB vs bare Svelte page ${(size.hello / 1024).toFixed(1)} KiB (x${(size.renderer / size.hello).toFixed(2)})`,
    `eligibility round trip kiosk → server over ${roundTrip.kiosk.n} calls: median ${fmt(roundTrip.kiosk.median)}, p95 ${fmt(roundTrip.kiosk.p95)}; bare Fastify route: median ${fmt(roundTrip.bare.median)}, p95 ${fmt(roundTrip.bare.p95)} (median x${(roundTrip.kiosk.median / roundTrip.bare.median).toFixed(2)})`,
  ];
  console.log(lines.join('\n'));
  mkdirSync('tests/bench/results', { recursive: true });
  writeFileSync('tests/bench/results/latest.json', JSON.stringify({ buildMs, size, startup, roundTrip, lines }, null, 2));
}

await main();
