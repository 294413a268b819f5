import { app, Menu, protocol, session as sessions } from 'electron';
import { resolveDataDir } from '../embedded/data-dir';
import { entryPaths } from '../embedded/entry-paths';
import { parseLaunchOptions } from '../embedded/launch-options';
import { startKioskStack } from '../embedded/start-kiosk-stack';
import type { KioskStack } from '../embedded/start-kiosk-stack';
import { APP_SCHEME_PRIVILEGES, serveAppProtocol } from './app-protocol';
import { bindKioskIpc, forwardKioskEvents } from './ipc/kiosk-ipc';
import { recoverFromCrashes } from './lockdown/crash-recovery';
import { findDebugSwitch } from './lockdown/debug-switch-policy';
import { failClosed } from './lockdown/fail-closed';
import { lockInput } from './lockdown/input-lockdown';
import { lockNavigation } from './lockdown/navigation-lockdown';
import { APP_ENTRY_URL, isAppUrl } from './lockdown/navigation-policy';
import { lockPermissions } from './lockdown/permission-lockdown';
import { wipePartition } from './lockdown/session-wipe';
import { createPortalView, type PortalView } from './portal/portal-view';
import { createKioskWindow, KIOSK_PARTITION } from './window/kiosk-window';
import type { BrowserWindow } from 'electron';

/**
 * The Electron kiosk shell, kept thin (DESIGN.md): lockdown, one window, IPC bound to core.
 * Everything it does is declared in electron/main/lockdown/ and tested there without a binary.
 */
const paths = entryPaths(import.meta.url);

// LOCKDOWN.md #12: a packaged kiosk never runs under a debugger.
const debugSwitch = findDebugSwitch(process.argv);
if (app.isPackaged && debugSwitch !== null) {
  console.error(`[sesame] refusing to start with ${debugSwitch}`);
  app.exit(1);
}

protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
// The ENT portal view (LOCKDOWN.md #15) may go to its profile's origins; everything else stays on app://.
let portalView: PortalView | null = null;
app.on('web-contents-created', (_event, contents) => {
  lockNavigation(contents, (url) => (portalView?.owns(contents) ? portalView.allows(url) : isAppUrl(url)));
  lockInput(contents);
});
app.on('window-all-closed', () => app.quit());

let stack: KioskStack | null = null;
app.on('will-quit', (event) => {
  if (stack === null) return;
  event.preventDefault();
  const closing = stack;
  stack = null;
  void closing.close().finally(() => app.quit());
});

async function start(): Promise<void> {
  const parsed = parseLaunchOptions(process.argv.slice(app.isPackaged ? 1 : 2), process.env, { strict: false });
  if (!parsed.ok) throw new Error(`options: ${parsed.problems.join(', ')}`);
  const options = parsed.options;
  await app.whenReady();
  // LOCKDOWN.md #8: the default menu binds Ctrl+W, Ctrl+R, Ctrl+Shift+I, F11, Ctrl+Q.
  Menu.setApplicationMenu(null);
  let kioskWindow: BrowserWindow | null = null;
  portalView = createPortalView({ window: () => kioskWindow, onActivity: () => void stack?.core.handlers['session.activity']({}) });
  stack = await startKioskStack({
    dataDir: resolveDataDir(options.dataDir),
    resourcesDir: paths.resourcesDir,
    idleTimeoutS: options.idleTimeoutS,
    idleWarningS: options.idleWarningS,
    mode: options.mode,
    staffLockS: options.staffLockS,
    configFile: options.configFile,
    portalHost: portalView,
  });
  const core = stack.core;
  const session = sessions.fromPartition(KIOSK_PARTITION);
  lockPermissions(session);
  // Nothing should load in the default session; if anything ever does, it gets no more.
  lockPermissions(sessions.defaultSession);
  serveAppProtocol(session, paths.rendererDir);
  bindKioskIpc(core.handlers);

  const window = createKioskWindow();
  kioskWindow = window;
  forwardKioskEvents((listener) => core.subscribe(listener), window);
  core.subscribe((event) => {
    if (event.type === 'session.ended') failClosed(wipePartition(session), 'session wipe');
    if (event.type === 'session.idleWarning') portalView?.hide();
  });
  recoverFromCrashes(window, async () => {
    await core.handlers['session.end']({ reason: 'cancelled' });
    await wipePartition(session);
  });
  app.on('second-instance', () => window.focus());
  await window.loadURL(APP_ENTRY_URL);
}

// LOCKDOWN.md #11: a second launch hands over to the first and quits.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  start().catch((error: unknown) => {
    console.error(`[sesame] start-up failed: ${error instanceof Error ? error.message : String(error)}`);
    // A non-zero code lets the OS supervisor restart the kiosk (LOCKDOWN.md #10).
    app.exit(1);
  });
}
