import type { PortalDisplay } from '../../../shared/contract/kiosk-api';
import type { Portal } from '../../../shared/schemas/portal-schema';

/**
 * The shell's half of the portal view, given to the core (DESIGN.md: the core knows no shell).
 * The loopback shell proxies the portal and the page frames it; the Electron shell shows it in a
 * view of its own partition. Either way, `close()` calls the identity provider's logout and
 * forgets every cookie; the core calls it whenever a session ends.
 */
export type { PortalDisplay };

export interface PortalHost {
  open(portal: Portal): PortalDisplay | Promise<PortalDisplay>;
  close(): Promise<void>;
}
