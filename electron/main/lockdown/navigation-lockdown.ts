import type { WebContents } from 'electron';
import { isAppUrl } from './navigation-policy';

/**
 * Keeps every web contents on `app://sesame/` (LOCKDOWN.md #3, #4): navigations, frame
 * navigations and redirects outside the allowlist are cancelled, new windows are denied (no
 * page input ever reaches `shell.openExternal`: links are shown as QR codes, #5), and
 * `<webview>` cannot be attached. The portal view (LOCKDOWN.md #15) passes its own allowlist: the
 * profile's origins.
 */
export function lockNavigation(contents: WebContents, allows: (url: string) => boolean = isAppUrl): void {
  contents.on('will-navigate', (event, url) => {
    if (!allows(url)) event.preventDefault();
  });
  contents.on('will-frame-navigate', (event) => {
    if (!allows(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!allows(url)) event.preventDefault();
  });
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-attach-webview', (event) => event.preventDefault());
}
