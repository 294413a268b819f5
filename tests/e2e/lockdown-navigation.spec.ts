import { expect, test } from './fixtures';
import { assignLocation, clickWasCancelled, injectLink, inPage, recordForeignRequests } from './support/lockdown-probes';

/**
 * LOCKDOWN.md #3, #4, #5, #7 in real Chromium through the loopback shell. Chromium gives the
 * loopback shell no `will-navigate` or `setWindowOpenHandler`: what holds here is the page's own
 * guards (renderer/src/main.ts) and the CSP header, not Electron's main-process handlers.
 */
test.describe('lockdown: leaving the kiosk page', () => {
  test('#3 setting location to an unlisted URL is cancelled in the page, no request leaves (page guard, not will-navigate)', async ({ page, welcome }) => {
    const foreign = recordForeignRequests(page);
    const before = page.url();
    for (const url of ['https://evil.example/', 'http://127.0.0.1:1/', 'HTTPS://ent.example@evil.example:8443/', '//evil.example/x']) {
      expect(await assignLocation(page, url), url).toEqual({ cancelled: true });
    }
    await expect(welcome.activateButton).toBeVisible();
    expect(page.url()).toBe(before);
    expect(foreign).toEqual([]);
  });

  test('#3 a javascript: URL is refused by the CSP and its code does not run', async ({ page, welcome }) => {
    const violation = inPage<string>(
      page,
      `new Promise((resolve) => document.addEventListener('securitypolicyviolation', (event) => resolve(event.violatedDirective), { once: true }))`,
    );
    await inPage(page, `location.href = 'javascript:document.title="pwned"'`);
    expect(await violation).toMatch(/^script-src/);
    await expect(welcome.activateButton).toBeVisible();
    expect(await page.title()).toBe('Sésame');
  });

  test('#4 window.open leaves one page (page guard: Chromium has no setWindowOpenHandler)', async ({ page, context, welcome }) => {
    const opened = await inPage<boolean[]>(page, `[open('/'), open('https://evil.example/'), open('about:blank', '_blank')].map((opened) => opened === null)`);
    expect(opened).toEqual([true, true, true]);
    const blankTarget = await injectLink(page, '/', { target: '_blank' });
    await blankTarget.click();
    await blankTarget.click({ modifiers: ['Control'] });
    await blankTarget.click({ button: 'middle' });
    expect(await clickWasCancelled(blankTarget)).toBe(true);
    await expect(welcome.activateButton).toBeVisible();
    expect(context.pages()).toEqual([page]);
  });

  for (const href of ['mailto:aide@example.org', 'tel:+33100000000', 'http://evil.example/']) {
    test(`#5 clicking a ${href.split(':')[0]}: link opens nothing (no page, no navigation)`, async ({ page, context, welcome }) => {
      const foreign = recordForeignRequests(page);
      const before = page.url();
      const link = await injectLink(page, href);
      await link.click();
      expect(await clickWasCancelled(link)).toBe(true);
      await expect(welcome.activateButton).toBeVisible();
      expect(page.url()).toBe(before);
      expect(context.pages()).toEqual([page]);
      expect(foreign).toEqual([]);
    });
  }

  test('#7 a download link writes nothing (no download starts)', async ({ page, welcome }) => {
    const downloads: string[] = [];
    page.on('download', (download) => downloads.push(download.suggestedFilename()));
    const link = await injectLink(page, '/', { download: 'page.html' });
    await link.click();
    expect(await clickWasCancelled(link)).toBe(true);
    await expect(welcome.activateButton).toBeVisible();
    expect(downloads).toEqual([]);
  });

  test('#7 file:/// is not reachable: not by location, not by fetch (CSP connect-src)', async ({ page, welcome }) => {
    const before = page.url();
    // Chromium refuses a file: navigation from an http: page itself ("Not allowed to load local
    // resource"), before any navigate event: `null` here means no navigation was ever started;
    // `false` would mean one went ahead.
    expect((await assignLocation(page, 'file:///etc/hostname')).cancelled).not.toBe(false);
    const read = await inPage<string>(page, `fetch('file:///etc/hostname').then(() => 'read', () => 'refused')`);
    expect(read).toBe('refused');
    await expect(welcome.activateButton).toBeVisible();
    expect(page.url()).toBe(before);
  });

  test('#7 a dropped file does not navigate (synthetic drop: Chromium cannot replay an OS drag, so this proves the page cancels the default)', async ({ page, welcome }) => {
    const before = page.url();
    const cancelled = await inPage<boolean[]>(
      page,
      `(() => {
        const data = new DataTransfer();
        data.items.add(new File(['secret'], 'notes.html', { type: 'text/html' }));
        const init = { dataTransfer: data, bubbles: true, cancelable: true };
        const events = [new DragEvent('dragover', init), new DragEvent('drop', init)];
        for (const event of events) document.body.dispatchEvent(event);
        return events.map((event) => event.defaultPrevented);
      })()`,
    );
    expect(cancelled).toEqual([true, true]);
    await expect(welcome.activateButton).toBeVisible();
    expect(page.url()).toBe(before);
  });
});
