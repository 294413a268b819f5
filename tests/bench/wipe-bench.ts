import type { Browser, Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DEMO_IDENTITIES } from '../../server/demo/demo-identities';
import { startKiosk } from '../support/kiosk-process';
import { launchChromium } from './lib/chromium';
import { fmt, summary } from './lib/stats';

/**
 * LOCKDOWN.md #20: what the post-wipe check costs. Each session: start, type the identity, end
 * it ("Quitter / Annuler": the same `endSession` wipe as "Terminer", without activating an
 * account 100 times). Both figures come from the same click, observed in the page: `reset` is
 * the first DOM commit without the identity screen, where Welcome would show without the
 * check (the baseline); `welcome` is Welcome in the DOM after the check passed.
 */
interface WipeTiming {
  reset: number;
  welcome: number;
}

/** Armed before the click: the clock starts on the click itself, in the page. A statement, not
 * an expression: `page.evaluate` would otherwise wait for the promise before the click. */
const ARM_TIMING = `window.__wipeTiming = new Promise((resolve) => {
  let start = 0;
  let reset = 0;
  document.addEventListener('click', () => { start = performance.now(); }, { capture: true, once: true });
  const observer = new MutationObserver(() => {
    if (start === 0) return;
    const heading = (document.querySelector('h1')?.textContent ?? '').trim();
    if (reset === 0 && heading !== 'Vos informations') reset = performance.now();
    if (heading === 'Bienvenue') {
      observer.disconnect();
      resolve({ reset: reset - start, welcome: performance.now() - start });
    }
  });
  observer.observe(document.body, { childList: true, subtree: true, characterData: true });
}); undefined;`;

async function oneSession(page: Page, identity: Record<string, string>): Promise<WipeTiming> {
  await page.getByRole('button', { name: /^Étudiant/ }).first().click();
  await page.getByRole('heading', { level: 1, name: 'Vos informations' }).waitFor({ timeout: 15_000 });
  await page.getByLabel('Nom', { exact: true }).fill(identity['lastName'] ?? '');
  await page.getByLabel('Prénom', { exact: true }).fill(identity['firstName'] ?? '');
  const [year = '', month = '', day = ''] = (identity['birthDate'] ?? '').split('-');
  const birth = page.getByRole('group', { name: 'Date de naissance' });
  await birth.getByLabel('Jour').fill(day);
  await birth.getByLabel('Mois').fill(month);
  await birth.getByLabel('Année').fill(year);
  await page.getByLabel('Numéro étudiant', { exact: true }).fill(identity['studentNumber'] ?? '');
  await page.evaluate(ARM_TIMING);
  await page.getByRole('button', { name: 'Quitter / Annuler' }).click();
  const timing = (await page.evaluate('window.__wipeTiming')) as WipeTiming;
  await page.getByRole('heading', { level: 1, name: 'Bienvenue' }).waitFor({ timeout: 15_000 });
  return timing;
}

export async function wipeBench(browser: Browser, sessions: number, identity: Record<string, string>) {
  const dataDir = mkdtempSync(join(tmpdir(), 'sesame-bench-wipe-'));
  const kiosk = await startKiosk({ dataDir, idleTimeoutS: 3600, idleWarningS: 60 });
  const page = await browser.newPage();
  try {
    await page.goto(kiosk.url);
    await page.getByRole('heading', { level: 1, name: 'Bienvenue' }).waitFor({ timeout: 15_000 });
    // Warm-up sessions (JIT, first layout of each screen) are not counted.
    for (let index = 0; index < 5; index += 1) await oneSession(page, identity);
    const timings: WipeTiming[] = [];
    for (let index = 0; index < sessions; index += 1) timings.push(await oneSession(page, identity));
    return { reset: summary(timings.map((t) => t.reset)), welcome: summary(timings.map((t) => t.welcome)) };
  } finally {
    await page.close();
    await kiosk.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export function wipeLine(figures: Awaited<ReturnType<typeof wipeBench>>): string {
  const { reset, welcome } = figures;
  return `wipe then verified Welcome (LOCKDOWN #20), loopback shell, headless Chromium, ${welcome.n} sessions (start, identity, Quitter): click → verified Welcome median ${fmt(welcome.median)}, p95 ${fmt(welcome.p95)}; same click → reset committed (Welcome without the check) median ${fmt(reset.median)}, p95 ${fmt(reset.p95)} (median x${(welcome.median / reset.median).toFixed(2)})`;
}

/** `npm run build && npx tsx tests/bench/wipe-bench.ts [sessions]`: this figure alone. */
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const eligible = DEMO_IDENTITIES.find((person) => person.expected === 'eligible');
  if (!eligible) throw new Error('the demo dataset has no eligible person');
  const browser = await launchChromium();
  try {
    console.log(wipeLine(await wipeBench(browser, Number(process.argv[2] ?? 100), eligible.identity)));
  } finally {
    await browser.close();
  }
}
