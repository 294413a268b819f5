import type { WebContents } from 'electron';
import { isAppUrl } from './navigation-policy';

/**
 * Keeps every web contents on `app://sesame/` (LOCKDOWN.md #3, #4): navigations, frame
 * navigations and redirects outside the allowlist are cancelled, new windows are denied (no
 * page input ever reaches `shell.openExternal`: links are shown as QR codes, #5), and
 * `<webview>` cannot be attached.
 */
export function lockNavigation(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-frame-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-attach-webview', (event) => event.preventDefault());
}
