/**
 * Page-level guards, before the app mounts. The Electron shell enforces these rows in main too;
 * the loopback shell (plain Chromium, no `will-navigate`, no `setWindowOpenHandler`) has only
 * the page, so the page holds the line for both. The wizard itself never links, opens, prints
 * or accepts a drop, so each guard refuses outright.
 */
function neutralisePrint(target: Window): void {
  // LOCKDOWN.md #9: Chromium's print dialog offers "save as PDF", i.e. the file system.
  target.print = () => undefined;
}

export function guardPrintInEveryFrame(): void {
  neutralisePrint(window);
  // LOCKDOWN.md #9 "in every frame": a same-origin frame has its own `print`, reached through
  // `contentWindow`; the getter hands it out only once neutralised.
  const descriptor = Object.getOwnPropertyDescriptor(HTMLIFrameElement.prototype, 'contentWindow');
  const nativeGetter = descriptor?.get;
  if (!nativeGetter) return;
  Object.defineProperty(HTMLIFrameElement.prototype, 'contentWindow', {
    ...descriptor,
    get(this: HTMLIFrameElement): Window | null {
      const frame = nativeGetter.call(this) as Window | null;
      try {
        if (frame) neutralisePrint(frame);
      } catch {
        // A cross-origin frame: its print is not ours to reach, nor the page's (CSP frame-src 'self').
      }
      return frame;
    },
  });
}

export function guardNavigation(): void {
  // LOCKDOWN.md #3, #7: `location = 'https://…'` or `'file:///…'` is cancelled before any
  // request leaves; same-origin navigations (the wizard's own) go through.
  window.navigation?.addEventListener('navigate', (event) => {
    if (new URL(event.destination.url).origin !== window.location.origin) event.preventDefault();
  });
  // LOCKDOWN.md #4: no second window, whoever asks.
  window.open = () => null;
  // LOCKDOWN.md #4, #5, #7: a link (mailto:, tel:, http:, target=_blank, download, or any
  // modifier click that opens a tab) does nothing; the wizard shows addresses as QR codes.
  const refuseLink = (event: MouseEvent): void => {
    if (event.target instanceof Element && event.target.closest('a[href], area[href]')) event.preventDefault();
  };
  document.addEventListener('click', refuseLink, { capture: true });
  document.addEventListener('auxclick', refuseLink, { capture: true });
  // LOCKDOWN.md #7: a file dropped on the page would otherwise open it in place of the kiosk.
  for (const type of ['dragover', 'drop'] as const) document.addEventListener(type, (event) => event.preventDefault(), { capture: true });
}
