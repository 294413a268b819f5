import { session as sessions, WebContentsView } from 'electron';
import type { BrowserWindow, Session, WebContents } from 'electron';
import type { PortalDisplay, PortalHost } from '../../core/portal/portal-host';
import { portalGuardSource } from '../../core/portal/portal-guard-source';
import { isPortalUrl } from '../../core/portal/portal-policy';
import type { Portal } from '../../../shared/schemas/portal-schema';
import { lockPermissions } from '../lockdown/permission-lockdown';
import { wipePartition } from '../lockdown/session-wipe';
import { forceSessionCookies } from './portal-cookies';

/**
 * The ENT portal view of the Electron shell (LOCKDOWN.md #14, #15): a view of its own in-memory
 * partition, laid under the kiosk page's bar (PortalScreen.svelte), on the profile's origins
 * only. Cookies are forced to session cookies (portal-cookies.ts), each frame runs the guard
 * (remember-me removed, `publicWorkstation=true`), and `close()` loads the identity provider's
 * logout in the view before the partition is wiped and the view destroyed.
 */
export const PORTAL_PARTITION = 'sesame-portal';
/** The height of the kiosk page's bar above the view, in CSS pixels (PortalScreen.svelte `.view`). */
export const PORTAL_BAR_HEIGHT = 128;
const LOGOUT_TIMEOUT_MS = 3_000;

export interface PortalView extends PortalHost {
  /** Whether `contents` is the portal's, and where it may go (navigation-lockdown.ts asks). */
  owns(contents: WebContents): boolean;
  allows(url: string): boolean;
  /** Hidden while the idle warning is up: a view is drawn over the page, dialog included. */
  hide(): void;
}

export function createPortalView(options: { window: () => BrowserWindow | null; onActivity: () => void }): PortalView {
  const partition: Session = sessions.fromPartition(PORTAL_PARTITION);
  lockPermissions(partition);
  forceSessionCookies(partition);
  let view: WebContentsView | null = null;
  let portal: Portal | null = null;

  function layout(): void {
    const window = options.window();
    if (!view || !window) return;
    const [width = 0, height = 0] = window.getContentSize();
    view.setBounds({ x: 0, y: PORTAL_BAR_HEIGHT, width, height: Math.max(0, height - PORTAL_BAR_HEIGHT) });
  }

  function guard(contents: WebContents, current: Portal): void {
    const source = portalGuardSource({ rememberMeSelector: current.rememberMeSelector, publicWorkstation: current.publicWorkstation, kioskOrigin: null });
    for (const frame of contents.mainFrame.framesInSubtree) {
      if (isPortalUrl(frame.url, current.origins)) void frame.executeJavaScript(source).catch(() => undefined);
    }
  }

  return {
    owns: (contents) => view !== null && contents === view.webContents,
    allows: (url) => portal !== null && isPortalUrl(url, portal.origins),
    hide(): void {
      view?.setVisible(false);
    },
    open(next: Portal): PortalDisplay {
      const window = options.window();
      if (!window) throw new Error('no kiosk window');
      // Opened again after the idle warning was answered: shown as it was, not reloaded.
      if (view && portal?.entryUrl === next.entryUrl) {
        view.setVisible(true);
        layout();
        return { display: 'view' };
      }
      portal = next;
      view ??= new WebContentsView({
        webPreferences: {
          contextIsolation: true,
          sandbox: true,
          nodeIntegration: false,
          nodeIntegrationInWorker: false,
          nodeIntegrationInSubFrames: false,
          webSecurity: true,
          webviewTag: false,
          allowRunningInsecureContent: false,
          experimentalFeatures: false,
          disableBlinkFeatures: 'Auxclick',
          navigateOnDragDrop: false,
          spellcheck: false,
          disableDialogs: true,
          safeDialogs: true,
          devTools: false,
          partition: PORTAL_PARTITION,
        },
      });
      const contents = view.webContents;
      contents.on('dom-ready', () => portal && guard(contents, portal));
      contents.on('did-frame-finish-load', () => portal && guard(contents, portal));
      contents.on('before-input-event', () => options.onActivity());
      window.contentView.addChildView(view);
      window.on('resize', layout);
      layout();
      void contents.loadURL(next.entryUrl);
      return { display: 'view' };
    },
    async close(): Promise<void> {
      const current = view;
      const logoutUrl = portal?.logoutUrl;
      view = null;
      if (current && logoutUrl) {
        // Clearing cookies does not end a CAS single sign-on session: its logout must be called.
        await Promise.race([current.webContents.loadURL(logoutUrl).catch(() => undefined), new Promise((resolve) => setTimeout(resolve, LOGOUT_TIMEOUT_MS))]);
      }
      portal = null;
      if (current) {
        options.window()?.contentView.removeChildView(current);
        current.webContents.close();
      }
      await wipePartition(partition);
    },
  };
}
