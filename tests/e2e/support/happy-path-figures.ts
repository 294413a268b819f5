import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator } from '@playwright/test';

/**
 * Screens and keystrokes of a happy path, counted as the page objects act (issue 3, "Figures for
 * the closing note"): every character typed is a keystroke, every press of a button or box is a
 * tap, and a screen counts once per heading reached. Written to
 * test-results/happy-path-figures.json, one entry per profile, for the lead to quote.
 */
export class HappyPathCounter {
  readonly screens: string[] = [];
  keystrokes = 0;
  taps = 0;

  async type(field: Locator, value: string): Promise<void> {
    await field.fill(value);
    this.keystrokes += [...value].length;
  }

  async tap(target: Locator): Promise<void> {
    await target.click();
    this.taps += 1;
  }

  /** Records the screen whose heading is showing, unless it is the one already recorded last. */
  async reached(heading: Locator): Promise<void> {
    const text = ((await heading.textContent()) ?? '').trim();
    if (text && this.screens[this.screens.length - 1] !== text) this.screens.push(text);
  }
}

const FIGURES_FILE = join('test-results', 'happy-path-figures.json');
const LOCK_DIR = `${FIGURES_FILE}.lock`;

/** Two workers may finish at once: a directory made atomically serves as the lock. */
function withLock(work: () => void): void {
  mkdirSync('test-results', { recursive: true });
  for (let attempt = 0; ; attempt += 1) {
    try {
      mkdirSync(LOCK_DIR);
      break;
    } catch (error) {
      if (attempt > 2000) throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
    }
  }
  try {
    work();
  } finally {
    rmSync(LOCK_DIR, { recursive: true, force: true });
  }
}

export function writeHappyPathFigures(profileId: string, counter: HappyPathCounter, note: string): void {
  withLock(() => {
    let figures: Record<string, unknown> = {};
    try {
      figures = JSON.parse(readFileSync(FIGURES_FILE, 'utf8')) as Record<string, unknown>;
    } catch {
      // First writer of this run: Playwright empties test-results/ before each run.
    }
    figures[profileId] = { screens: counter.screens.length, screenHeadings: counter.screens, keystrokes: counter.keystrokes, taps: counter.taps, note };
    writeFileSync(FIGURES_FILE, `${JSON.stringify(figures, null, 2)}\n`);
  });
}
