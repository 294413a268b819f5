import { defineConfig } from '@playwright/test';
import { ELECTRON, NO_BINARY_MESSAGE } from './electron-app';

/**
 * The `_electron` suite (`npm run test:electron`): drives the real Electron kiosk built to
 * out/main/index.js. Where no Electron binary is installed every test is skipped with a message
 * saying so (see electron-app.ts), and the run still exits 0.
 */
export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  outputDir: '../../test-results/electron',
  workers: 1,
  reporter: [['list']],
  timeout: 60_000,
});

// The list reporter shows a skip without its reason; say it once where a person will read it.
if (!ELECTRON.found && !process.env['TEST_WORKER_INDEX']) console.log(`${NO_BINARY_MESSAGE} (${ELECTRON.reason}).`);
