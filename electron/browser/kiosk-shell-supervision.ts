import type { KioskCore } from '../core';
import { errorKind, logCoreEvent } from '../core/core-log';
import type { ChromiumKiosk } from './chromium-launcher';
import { startChromiumSupervisor } from './chromium-supervisor';

/**
 * Binds the Chromium supervisor to the kiosk core (issue 4):
 * - a crashed renderer ends the session in the core (the wipe) before the page comes back at
 *   the welcome screen (LOCKDOWN.md #10); if it cannot come back, `onFatal` stops the shell for
 *   the OS supervisor, as a crash of the whole browser does;
 * - every session end clears the HTTP cache and empties the cookie jar; a cookie left behind is
 *   reported like the page's own failed check (LOCKDOWN.md #14, #20). Counts only are logged,
 *   never a cookie's name or value (LOCKDOWN.md #18).
 */
export async function superviseKioskShell(kiosk: ChromiumKiosk, core: KioskCore, kioskUrl: string, onFatal: () => void): Promise<() => void> {
  const supervisor = await startChromiumSupervisor({
    client: kiosk.devtools,
    kioskUrl,
    async onCrash() {
      logCoreEvent('shell.renderer-crashed');
      await core.handlers['session.end']({ reason: 'cancelled' });
    },
    onRecoveryFailed() {
      logCoreEvent('shell.reload-failed');
      onFatal();
    },
  });
  const unsubscribe = core.subscribe((event) => {
    // A browser that is gone took its throw-away profile with it: nothing left to check.
    if (event.type !== 'session.ended' || kiosk.devtools.closed) return;
    void supervisor.afterSessionEnd().then(
      async ({ left }) => {
        if (left === 0) return;
        logCoreEvent('wipe.shell-check-failed', { left });
        await core.handlers['privacy.report']({ ok: false, leaks: Math.min(left, 1000) });
      },
      async (error: unknown) => {
        // A check that could not run is a failed check, not a passed one (LOCKDOWN.md #20).
        logCoreEvent('wipe.shell-check-failed', { cause: errorKind(error) });
        await core.handlers['privacy.report']({ ok: false, leaks: 0 });
      },
    );
  });
  return () => {
    unsubscribe();
    supervisor.close();
  };
}
