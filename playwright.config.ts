import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';
import { TEST_CHROMIUM_ARGS, TEST_CHROMIUM_PATH } from './tests/support/test-chromium';

/**
 * End-to-end suite: the real kiosk stack (loopback shell, core, embedded enrollment API) driven
 * in the system Chromium, never a downloaded one. `.ci/run` installs /usr/bin/chromium with apt;
 * CHROMIUM_PATH overrides it on other machines.
 */
const chromiumPath = TEST_CHROMIUM_PATH;

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results',
  // Each test starts its own kiosk stack (server + core + loopback shell): two at a time is plenty.
  workers: 2,
  fullyParallel: true,
  forbidOnly: Boolean(process.env['CI']),
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
  use: {
    browserName: 'chromium',
    viewport: { width: 1280, height: 900 },
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      ...(existsSync(chromiumPath) ? { executablePath: chromiumPath } : {}),
      args: TEST_CHROMIUM_ARGS,
    },
  },
});
