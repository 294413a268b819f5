import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { _electron as electron, test as base } from '@playwright/test';
import type { ElectronApplication, Page } from '@playwright/test';
import { findElectronBinary } from '../../electron/browser/electron-binary';

/** Same detection as the launcher: never `require('electron')`, which would try to download. */
export const ELECTRON = findElectronBinary();
export const NO_BINARY_MESSAGE = 'No Electron binary in node_modules/electron/dist: the _electron suite cannot run on this machine';

/** Each test gets its own data folder and its own kiosk process, stopped afterwards. */
export const test = base.extend<{ app: ElectronApplication; page: Page }>({
  // Playwright reads a fixture's dependencies from its first parameter, which must be a pattern.
  // eslint-disable-next-line no-empty-pattern -- no dependencies, but the pattern is required
  app: async ({}, use) => {
    if (!ELECTRON.found) throw new Error(NO_BINARY_MESSAGE);
    const dataDir = mkdtempSync(join(tmpdir(), 'sesame-electron-'));
    const app = await electron.launch({
      executablePath: ELECTRON.path,
      args: [resolve('out/main/index.js'), '--data-dir', dataDir],
    });
    await use(app);
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  },
  page: async ({ app }, use) => {
    const page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
    await use(page);
  },
});

export { expect } from '@playwright/test';
