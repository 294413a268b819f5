import type { Locator, Page } from '@playwright/test';

/**
 * Hostile page content for the lockdown specs (LOCKDOWN.md #1–#9): what a compromised answer,
 * a pasted string or a curious person could put in front of the kiosk page, built in the page
 * through the DOM exactly as an injection would be. The in-page code is source text, as in
 * electron/browser/bridge: the test program compiles without the DOM library, on purpose.
 */

/** Every request the page makes to anything but the loopback shell (the one allowed origin). */
export function recordForeignRequests(page: Page): string[] {
  const foreign: string[] = [];
  page.on('request', (request) => {
    if (!request.url().startsWith('http://127.0.0.1:')) foreign.push(request.url());
  });
  return foreign;
}

/** Runs in-page source text; `T` is what the test expects back, checked by its assertions. */
export function inPage<T>(page: Page, source: string): Promise<T> {
  return page.evaluate<T>(source);
}

/** Adds a link to the page, as injected markup would, and returns its locator. */
export async function injectLink(page: Page, href: string, attributes: Record<string, string> = {}): Promise<Locator> {
  const id = `probe-${Math.random().toString(36).slice(2)}`;
  await inPage(
    page,
    `(() => {
      const link = document.createElement('a');
      link.id = ${JSON.stringify(id)};
      link.href = ${JSON.stringify(href)};
      link.textContent = link.href;
      for (const [name, value] of Object.entries(${JSON.stringify(attributes)})) link.setAttribute(name, value);
      document.body.prepend(link);
      // A bubbling listener, after the page's capturing one, reports what the page decided.
      link.addEventListener('click', (event) => link.setAttribute('data-cancelled', String(event.defaultPrevented)));
    })()`,
  );
  return page.locator(`#${id}`);
}

/** Whether the last click on an injected link was cancelled by the page. */
export async function clickWasCancelled(link: Locator): Promise<boolean> {
  return (await link.getAttribute('data-cancelled')) === 'true';
}

/**
 * Sets `location` and reports whether the page's navigate listeners cancelled it (`null`: no
 * navigate event at all). The probe's listener is added after the page's, so it sees their verdict.
 */
export function assignLocation(page: Page, url: string): Promise<{ cancelled: boolean | null }> {
  return inPage(
    page,
    `(() => {
      let cancelled = null;
      const record = (event) => { cancelled = event.defaultPrevented; };
      navigation.addEventListener('navigate', record);
      location.href = ${JSON.stringify(url)};
      navigation.removeEventListener('navigate', record);
      return { cancelled };
    })()`,
  );
}
