import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { _electron as electron, test as base } from '@playwright/test';
import type { ElectronApplication, Page } from '@playwright/test';
import { findElectronBinary } from '../../electron/browser/electron-binary';

/** Same detection as the launcher: never `require('electron')`, which would try to download. */
export const ELECTRON = findElectronBinary();
export const NO_BINARY_MESSAGE = 'No Electron binary in node_modules/electron/dist: the _electron suite cannot run on this machine';

/** The kiosk's entry and arguments for a data folder, as `npm start` would run it under Electron. */
export function kioskArgs(dataDir: string, extra: readonly string[] = []): string[] {
  return [resolve('out/main/index.js'), '--data-dir', dataDir, ...extra];
}

/**
 * Each test gets its own data folder and its own kiosk process, stopped afterwards; `appArgs`
 * adds launch options (a terminal file, a mode) with `test.use` or a fixture override.
 */
export const test = base.extend<{ appArgs: string[]; dataDir: string; app: ElectronApplication; page: Page }>({
  appArgs: [[], { option: true }],
  // Playwright reads a fixture's dependencies from its first parameter, which must be a pattern.
  // eslint-disable-next-line no-empty-pattern -- no dependencies, but the pattern is required
  dataDir: async ({}, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sesame-electron-'));
    await use(dataDir);
    rmSync(dataDir, { recursive: true, force: true });
  },
  app: async ({ appArgs, dataDir }, use) => {
    if (!ELECTRON.found) throw new Error(NO_BINARY_MESSAGE);
    const app = await electron.launch({ executablePath: ELECTRON.path, args: kioskArgs(dataDir, appArgs) });
    await use(app);
    await app.close();
  },
  page: async ({ app }, use) => {
    const page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
    await use(page);
  },
});

export { expect } from '@playwright/test';
