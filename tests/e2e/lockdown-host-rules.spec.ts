import { TEST_CHROMIUM_ARGS, TEST_CHROMIUM_PATH } from '../support/test-chromium';
import { LOOPBACK_ONLY_RESOLVER } from '../../electron/browser/chromium-launcher';
import { expect, test } from './fixtures';

/**
 * LOCKDOWN.md #3, second layer: Chromium run with the resolver rule the kiosk launcher passes
 * (chromium-launcher.ts). Playwright starts its own Chromium, not the launcher's, so this proves
 * the flag as the launcher spells it, not the launcher's process.
 */
test.use({ launchOptions: { executablePath: TEST_CHROMIUM_PATH, args: [...TEST_CHROMIUM_ARGS, LOOPBACK_ONLY_RESOLVER] } });

test('#3 with the kiosk resolver rule, the kiosk loads on 127.0.0.1 and a host name reaches nothing, even by a browser-initiated navigation', async ({ page, welcome, kiosk }) => {
  await expect(welcome.activateButton).toBeVisible();
  // `localhost` names the very same server: without the rule this navigation gets an answer.
  const sameServerByName = new URL(kiosk.url);
  sameServerByName.hostname = 'localhost';
  sameServerByName.pathname = '/';
  sameServerByName.search = '';
  await expect(page.goto(sameServerByName.href)).rejects.toThrow(/ERR_NAME_NOT_RESOLVED/);
});
