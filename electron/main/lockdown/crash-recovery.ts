import type { BrowserWindow } from 'electron';
import { failClosed } from './fail-closed';
import { APP_ENTRY_URL } from './navigation-policy';

/**
 * A crashed or hung renderer comes back at the welcome screen with nothing of the previous
 * person (LOCKDOWN.md #10): `wipe` ends core's session and clears the partition first.
 */
export function recoverFromCrashes(window: BrowserWindow, wipe: () => Promise<void>): void {
  async function restart(): Promise<void> {
    await wipe();
    if (!window.isDestroyed()) await window.loadURL(APP_ENTRY_URL);
  }
  window.webContents.on('render-process-gone', (_event, details) => {
    console.error(`[sesame] renderer gone (${details.reason}); restarting at the welcome screen`);
    failClosed(restart(), 'recovery');
  });
  window.on('unresponsive', () => {
    console.error('[sesame] renderer unresponsive; restarting at the welcome screen');
    window.webContents.forcefullyCrashRenderer();
  });
}
