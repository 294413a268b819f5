import type { PageGlobals } from '../integration/shells/page-globals';
import { ELECTRON, expect, NO_BINARY_MESSAGE, test } from './electron-app';

test.skip(!ELECTRON.found, NO_BINARY_MESSAGE);

test.describe('Electron kiosk window (LOCKDOWN.md)', () => {
  test('#1 page code cannot reach Node', async ({ page }) => {
    const globals = await page.evaluate(() => {
      const w = globalThis as unknown as PageGlobals;
      return { require: typeof w.require, process: typeof w.process, module: typeof w.module, kiosk: Object.keys(w.kiosk).sort() };
    });
    expect(globals).toEqual({ require: 'undefined', process: 'undefined', module: 'undefined', kiosk: ['invoke', 'onEvent'] });
  });

  test('loads from the app:// protocol, not file://', async ({ page }) => {
    expect(page.url()).toMatch(/^app:\/\/sesame\//);
  });

  test('#4 window.open leaves one window', async ({ app, page }) => {
    await page.evaluate(() => {
      const w = globalThis as unknown as PageGlobals;
      w.open('https://example.org/', '_blank');
      w.open('app://sesame/index.html', '_blank');
    });
    await page.waitForTimeout(500);
    expect(app.windows()).toHaveLength(1);
  });

  test('#3 navigating away leaves the page where it was', async ({ page }) => {
    const before = page.url();
    await page.evaluate(() => {
      (globalThis as unknown as PageGlobals).location.href = 'https://example.org/';
    });
    await page.waitForTimeout(500);
    expect(page.url()).toBe(before);
    await page.evaluate(() => {
      (globalThis as unknown as PageGlobals).location.href = 'file:///etc/passwd';
    });
    await page.waitForTimeout(500);
    expect(page.url()).toBe(before);
  });

  test('#13 the bridge answers through the contract', async ({ page }) => {
    const result = await page.evaluate(() => (globalThis as unknown as PageGlobals).kiosk.invoke('terminal.describe', {}));
    expect(result).toMatchObject({ ok: true, value: { mode: 'shared' } });
  });
});
