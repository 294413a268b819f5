import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';
import type { Browser, Page } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startKioskFixture } from './kiosk-stack-fixture';
import type { KioskFixture } from './kiosk-stack-fixture';
import type { PageGlobals } from './page-globals';
import { TEST_CHROMIUM_ARGS, TEST_CHROMIUM_PATH } from '../../support/test-chromium';

/**
 * The generated `/kiosk-bridge.js` in a real Chromium (the same binary the e2e suite and the
 * kiosk launcher use), against the real stack: `window.kiosk` as the renderer will see it.
 */
const CHROMIUM = TEST_CHROMIUM_PATH;

describe.skipIf(!existsSync(CHROMIUM))('loopback bridge in Chromium', () => {
  let kiosk: KioskFixture;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    kiosk = await startKioskFixture();
    browser = await chromium.launch({ executablePath: CHROMIUM, args: TEST_CHROMIUM_ARGS });
    page = await browser.newPage();
    await page.goto(kiosk.server.launchUrl);
  });

  afterAll(async () => {
    await browser?.close();
    await kiosk?.close();
  });

  it('lands on the app, with the app script run under the CSP', async () => {
    expect(new URL(page.url()).pathname).toBe('/');
    await expect.poll(() => page.evaluate(() => (globalThis as unknown as PageGlobals).document.body.dataset['app'])).toBe('loaded');
  });

  it('exposes a frozen window.kiosk and nothing of Node', async () => {
    const shape = await page.evaluate(() => {
      const w = globalThis as unknown as PageGlobals;
      const before = w.kiosk;
      try {
        (w as { kiosk: unknown }).kiosk = {};
      } catch {
        // strict-mode modules throw on a read-only property; either way it must not change
      }
      return {
        keys: Object.keys(w.kiosk).sort(),
        frozen: Object.isFrozen(w.kiosk),
        same: w.kiosk === before,
        require: typeof w.require,
        process: typeof w.process,
      };
    });
    expect(shape).toEqual({ keys: ['invoke', 'onEvent'], frozen: true, same: true, require: 'undefined', process: 'undefined' });
  });

  it('invokes the real core and receives its events', async () => {
    const outcome = await page.evaluate(async () => {
      const kiosk = (globalThis as unknown as PageGlobals).kiosk;
      let ended: unknown = null;
      const stop = kiosk.onEvent((event) => {
        if (event.type === 'session.ended') ended = event;
      });
      const describe = await kiosk.invoke('terminal.describe', {});
      const unknown = await kiosk.invoke('terminal.shutdown' as 'terminal.describe', {});
      // The stream connects on the first listener, at its own pace: end sessions until one
      // ending is heard (bounded), rather than guessing how long connecting takes.
      let end: unknown = null;
      for (let attempt = 0; attempt < 50 && ended === null; attempt += 1) {
        await kiosk.invoke('session.start', { profileId: 'cergy-etudiant' });
        end = await kiosk.invoke('session.end', { reason: 'finished' });
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      stop();
      return { describe, unknown, end, ended };
    });
    expect(outcome.describe).toMatchObject({ ok: true, value: { terminalId: 'borne-demo' } });
    expect(outcome.unknown).toEqual({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(outcome.end).toEqual({ ok: true, value: { wiped: true } });
    expect(outcome.ended).toEqual({ type: 'session.ended', reason: 'finished' });
  });

  it('refuses an inline script (CSP)', async () => {
    const ran = await page.evaluate(() => {
      const { document } = globalThis as unknown as PageGlobals;
      const script = document.createElement('script');
      script.textContent = 'document.body.dataset.inline = "ran"';
      document.body.append(script);
      return document.body.dataset['inline'] ?? 'blocked';
    });
    expect(ran).toBe('blocked');
  });

  it('answers OFFLINE as a value once the kiosk is gone', async () => {
    await kiosk.server.close();
    const result = await page.evaluate(() => (globalThis as unknown as PageGlobals).kiosk.invoke('terminal.describe', {}));
    expect(result).toEqual({ ok: false, error: { code: 'OFFLINE' } });
  });
});
