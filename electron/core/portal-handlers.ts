import type { KioskHandlers } from '../../shared/contract/kiosk-api';
import { fail, ok } from '../../shared/contract/result';
import { errorKind, logCoreEvent } from './core-log';
import type { PortalHost } from './portal/portal-host';
import type { SessionManager } from './session/session-manager';

export interface PortalHandlerDeps {
  sessions: SessionManager;
  /** Absent: this shell has no portal view (a test stack); the done screens keep their QR code. */
  portalHost?: PortalHost;
}

/**
 * "Ouvrir mon ENT" (LOCKDOWN.md #15): only once this session's account is active, and only for a
 * profile whose institution listed the portal's origins. The view is closed (logout, cookies
 * forgotten) by the core at every session end, not by the page.
 */
export function createPortalHandlers(deps: PortalHandlerDeps): Pick<KioskHandlers, 'portal.open'> {
  return {
    async 'portal.open'() {
      const session = deps.sessions.current();
      if (!session) return fail('NO_SESSION');
      const portal = session.profile.portal;
      if (!portal || !deps.portalHost) return fail('NOT_APPLICABLE');
      if (!session.accountActive) return fail('FORBIDDEN');
      try {
        return ok(await deps.portalHost.open(portal));
      } catch (error) {
        logCoreEvent('portal.open-failed', { cause: errorKind(error) });
        return fail('INTERNAL');
      }
    },
  };
}
