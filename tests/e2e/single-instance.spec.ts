import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { runKioskToExit, startKiosk } from '../support/kiosk-process';

/**
 * LOCKDOWN.md #11 in the loopback shell: a second launch on a kiosk's data folder stops at once
 * (code 0, as the Electron shell's second instance does) and the first keeps serving; once the
 * first has gone, cleanly or killed, the next launch starts normally.
 */
let dataDir: string;
test.beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'sesame-single-'));
});
test.afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

async function serves(url: string): Promise<number> {
  return (await fetch(url, { redirect: 'manual' })).status;
}

test('#11 a second launch on the same data folder stops, the first keeps the terminal', async () => {
  const first = await startKiosk({ dataDir });
  try {
    const second = await runKioskToExit({ dataDir });
    expect(second.code).toBe(0);
    expect(second.output).toContain('Une borne Sésame tourne déjà sur ce dossier de données');
    expect(second.output).not.toContain('SESAME_KIOSK_URL=');
    // The one-time launch URL of the first is still unused and still served.
    expect(await serves(first.url)).toBe(303);
  } finally {
    await first.stop();
  }
  const next = await startKiosk({ dataDir });
  await next.stop();
});

test('#11 a kiosk killed with SIGKILL leaves no lock behind: the next launch starts', async () => {
  const crashed = await startKiosk({ dataDir });
  await crashed.kill();
  const next = await startKiosk({ dataDir });
  try {
    expect(await serves(next.url)).toBe(303);
  } finally {
    await next.stop();
  }
});
