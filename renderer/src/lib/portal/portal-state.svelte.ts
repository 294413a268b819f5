import type { PortalDisplay } from '../../../../shared/contract/kiosk-api';

/** The portal view of this session (LOCKDOWN.md #15): how the shell shows it, or that it could not open. */
class PortalState {
  #display = $state.raw<PortalDisplay | null>(null);
  #failed = $state(false);

  get display(): PortalDisplay | null {
    return this.#display;
  }
  get failed(): boolean {
    return this.#failed;
  }
  show(display: PortalDisplay): void {
    this.#display = display;
    this.#failed = false;
  }
  fail(): void {
    this.#failed = true;
  }
  reset(): void {
    this.#display = null;
    this.#failed = false;
  }
}

export const portalState = new PortalState();
