import Fastify from 'fastify';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startKiosk } from '../support/kiosk-process';
import { kioskSessionCookie } from './lib/kiosk-http';
import { summary } from './lib/stats';

/**
 * One eligibility check through the whole kiosk path (loopback shell → kiosk core → enrollment
 * API → SQLite and back) against a bare Fastify route answering the same JSON, both called by
 * the same client in the same run.
 */
async function timeCalls(count: number, call: () => Promise<void>): Promise<number[]> {
  const samples: number[] = [];
  for (let index = 0; index < count; index += 1) {
    const started = performance.now();
    await call();
    samples.push(performance.now() - started);
  }
  return samples;
}

export async function roundTripBench(count: number, identity: Record<string, string>) {
  const dataDir = mkdtempSync(join(tmpdir(), 'sesame-bench-'));
  const kiosk = await startKiosk({ dataDir, idleTimeoutS: 3600, idleWarningS: 60 });
  const origin = new URL(kiosk.url).origin;
  const headers = { 'content-type': 'application/json', 'x-sesame-kiosk': '1', cookie: await kioskSessionCookie(kiosk.url) };
  const api = async (method: string, input: unknown) => {
    const response = await fetch(`${origin}/api/${method}`, { method: 'POST', headers, body: JSON.stringify(input) });
    const body = (await response.json()) as { ok: boolean; error?: { code: string } };
    if (!body.ok) throw new Error(`${method} answered ${body.error?.code}`);
  };

  const bare = Fastify();
  bare.post('/v1/lookups', async () => ({ eligible: true }));
  const bareUrl = await bare.listen({ host: '127.0.0.1', port: 0 });
  const bareCall = async () => {
    const response = await fetch(`${bareUrl}/v1/lookups`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ identity }) });
    await response.json();
  };

  try {
    await api('session.start', { profileId: 'cergy-etudiant' });
    // Warm both paths (JIT, connection pools, SQLite page cache) before measuring.
    await timeCalls(50, () => api('activation.lookup', { identity }));
    await timeCalls(50, bareCall);
    const kioskSamples: number[] = [];
    const bareSamples: number[] = [];
    // Alternate blocks of 100 so both paths share the machine's state over the run.
    for (let block = 0; block < count / 100; block += 1) {
      kioskSamples.push(...(await timeCalls(100, () => api('activation.lookup', { identity }))));
      bareSamples.push(...(await timeCalls(100, bareCall)));
    }
    return { kiosk: summary(kioskSamples), bare: summary(bareSamples) };
  } finally {
    await bare.close();
    await kiosk.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
