import { app, BrowserWindow } from 'electron';
import { entryPaths } from '../../embedded/entry-paths';

/**
 * The one kiosk window, whose webPreferences are one object of literal values, so a review
 * (or Electronegativity, which reads them from the AST) sees them at a glance
 * (CONVENTIONS.md §4, LOCKDOWN.md #1): isolated, sandboxed, no Node, no webview, no insecure
 * content, no experimental or Blink features, an in-memory partition (no `persist:` prefix,
 * LOCKDOWN.md #14), no dialogs (#9).
 */
export const KIOSK_PARTITION = 'sesame-session';

/** This module is bundled into the entry `out/main/index.js`; the preload sits next door. */
const PRELOAD_FILE = entryPaths(import.meta.url).preloadFile;

export function createKioskWindow(): BrowserWindow {
  // Written inline: Electronegativity resolves no identifier in a .ts file, so a constant
  // declared elsewhere would read as "no contextIsolation" to it.
  const window = new BrowserWindow({
    kiosk: true,
    fullscreen: true,
    autoHideMenuBar: true,
    show: false,
    backgroundColor: '#ffffff',
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
      // `enableBlinkFeatures` is left out rather than set to undefined (same effect): any mention
      // of it is an Electronegativity finding. Middle-click (auxclick) could open links.
      disableBlinkFeatures: 'Auxclick',
      navigateOnDragDrop: false,
      spellcheck: false,
      disableDialogs: true,
      safeDialogs: true,
      devTools: !app.isPackaged,
      partition: KIOSK_PARTITION,
      preload: PRELOAD_FILE,
    },
  });
  window.once('ready-to-show', () => window.show());
  return window;
}
