import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { WebContents } from 'electron';
import { lockNavigation } from '../../../../electron/main/lockdown/navigation-lockdown';
import { APP_ENTRY_URL } from '../../../../electron/main/lockdown/navigation-policy';
import { fakeEvent, FakeWebContents, shell } from '../../../support/fake-electron';

vi.mock('electron', () => import('../../../support/fake-electron'));

/**
 * LOCKDOWN.md #3, #4: what `lockNavigation` does with the events Electron would fire on a web
 * contents. Which URLs the policy accepts is tested in ../lockdown-policies.test.ts; here, that
 * each navigation event is actually routed through it, and that a refusal is a preventDefault.
 */
const HOSTILE = [
  'https://evil.example/',
  'http://evil.example/phish.html',
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  'file:///etc/passwd',
  'file:///C:/Windows/System32/',
  'data:text/html,<script>alert(1)</script>',
  'about:blank',
  'mailto:someone@example.org',
  'app://evil.example/',
  'app://SESAME/index.html',
  'app://sesame.evil.example/',
  'app://sesame@evil.example/',
  'app://user:pw@sesame/',
  'app://sesame:8080/',
  'app://sesame%2eevil/',
  'app:///sesame/',
  ' app://sesame/',
  'app://sesame/\u0000',
  '',
];
// WHATWG URL (and Chromium before us) lowercases the scheme: `APP://sesame/` *is* our page.
const OWN = [APP_ENTRY_URL, 'app://sesame/', 'app://sesame/assets/index-abc.js?v=1#top', 'APP://sesame/index.html'];

let contents: FakeWebContents;

beforeEach(() => {
  contents = new FakeWebContents();
  lockNavigation(contents as unknown as WebContents);
});

describe('navigation events (LOCKDOWN.md #3)', () => {
  it.each(HOSTILE)('cancels will-navigate to %j', (url) => {
    const event = fakeEvent({ url, isMainFrame: true });
    contents.emit('will-navigate', event, url);
    expect(event.defaultPrevented).toBe(true);
  });

  it.each(HOSTILE)('cancels will-frame-navigate to %j, in the main frame or an iframe', (url) => {
    for (const isMainFrame of [true, false]) {
      const event = fakeEvent({ url, isMainFrame });
      contents.emit('will-frame-navigate', event);
      expect(event.defaultPrevented).toBe(true);
    }
  });

  it.each(HOSTILE)('cancels will-redirect to %j', (url) => {
    const event = fakeEvent({ url, isMainFrame: true });
    contents.emit('will-redirect', event, url, false, true);
    expect(event.defaultPrevented).toBe(true);
  });

  it.each(OWN)('lets the app move within its own pages: %s', (url) => {
    const navigate = fakeEvent({ url, isMainFrame: true });
    const frame = fakeEvent({ url, isMainFrame: false });
    const redirect = fakeEvent({ url, isMainFrame: true });
    contents.emit('will-navigate', navigate, url);
    contents.emit('will-frame-navigate', frame);
    contents.emit('will-redirect', redirect, url, false, true);
    expect([navigate, frame, redirect].map((event) => event.defaultPrevented)).toEqual([false, false, false]);
  });

  it('judges will-frame-navigate by the frame URL on the event, not by a stale argument', () => {
    // Electron ≥ 25 passes the details on the event itself; a second argument never comes.
    const event = fakeEvent({ url: 'https://evil.example/', isMainFrame: false });
    contents.emit('will-frame-navigate', event, APP_ENTRY_URL);
    expect(event.defaultPrevented).toBe(true);
  });
});

describe('new windows and webviews (LOCKDOWN.md #4, #5)', () => {
  it.each([...HOSTILE, ...OWN])('denies window.open(%j)', (url) => {
    expect(contents.openWindow(url)).toEqual({ action: 'deny' });
  });

  it('hands no link to the operating system', () => {
    for (const url of HOSTILE) {
      contents.openWindow(url);
      contents.emit('will-navigate', fakeEvent({ url }), url);
    }
    expect(shell.openExternal).not.toHaveBeenCalled();
  });

  it('refuses to attach any <webview>, even one pointing at our own page', () => {
    for (const src of ['https://evil.example/', APP_ENTRY_URL]) {
      const event = fakeEvent({});
      const webPreferences = { nodeIntegration: true, contextIsolation: false };
      contents.emit('will-attach-webview', event, webPreferences, { src });
      expect(event.defaultPrevented).toBe(true);
    }
  });
});
