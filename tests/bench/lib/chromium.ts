import { chromium, type Browser } from '@playwright/test';
import { TEST_CHROMIUM_ARGS, TEST_CHROMIUM_PATH } from '../../support/test-chromium';

/** The same headless Chromium the e2e suite uses. */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: TEST_CHROMIUM_PATH, args: TEST_CHROMIUM_ARGS });
}
