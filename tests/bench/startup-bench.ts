import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from '@playwright/test';
import { build } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { startKiosk } from '../support/kiosk-process';
import { summary } from './lib/stats';

/** Gzipped bytes of every .js and .css file under a built page's folder. */
export function gzippedAssetBytes(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && ['.js', '.css'].includes(extname(entry.name))) {
      total += gzipSync(readFileSync(join(entry.parentPath, entry.name)), { level: 9 }).length;
    }
  }
  return total;
}

/** The bare Svelte page, built with the same Svelte plugin and Vite as the renderer. */
export async function buildHello(outDir: string): Promise<void> {
  await build({ root: 'tests/bench/hello', plugins: [svelte()], logLevel: 'silent', build: { outDir, emptyOutDir: true } });
}

/** Time from spawning the launcher to the welcome screen's heading painted. */
async function kioskStartup(browser: Browser): Promise<number> {
  const page = await browser.newPage();
  const started = performance.now();
  const dataDir = mkdtempSync(join(tmpdir(), 'sesame-bench-'));
  const kiosk = await startKiosk({ dataDir });
  await page.goto(kiosk.url);
  await page.getByRole('heading', { level: 1 }).waitFor();
  const elapsed = performance.now() - started;
  await page.close();
  await kiosk.stop();
  rmSync(dataDir, { recursive: true, force: true });
  return elapsed;
}

/** Same measure for the bare page: a child process serving it, then the heading painted. */
async function helloStartup(browser: Browser, helloDir: string): Promise<number> {
  const page = await browser.newPage();
  const started = performance.now();
  const child = spawn(process.execPath, ['--input-type=module', '-e', staticServerSource(helloDir)], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve) => child.stdout.on('data', (chunk: Buffer) => resolve(chunk.toString().trim())));
  await page.goto(url);
  await page.getByRole('heading', { level: 1 }).waitFor();
  const elapsed = performance.now() - started;
  await page.close();
  child.kill('SIGTERM');
  return elapsed;
}

function staticServerSource(dir: string): string {
  return `
    import { createServer } from 'node:http';
    import { readFileSync } from 'node:fs';
    import { join, extname } from 'node:path';
    const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };
    const server = createServer((req, res) => {
      const path = req.url === '/' ? '/index.html' : req.url;
      let body;
      try { body = readFileSync(join(${JSON.stringify(dir)}, path)); } catch { res.writeHead(404); res.end(); return; }
      res.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream' });
      res.end(body);
    });
    server.listen(0, '127.0.0.1', () => console.log('http://127.0.0.1:' + server.address().port + '/'));`;
}

export async function startupBench(browser: Browser, helloDir: string, rounds: number) {
  const kiosk: number[] = [];
  const hello: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    // Interleaved so both see the same machine state.
    kiosk.push(await kioskStartup(browser));
    hello.push(await helloStartup(browser, helloDir));
  }
  return { kiosk: summary(kiosk), hello: summary(hello) };
}

