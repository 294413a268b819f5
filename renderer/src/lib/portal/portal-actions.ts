import { PORTAL_ACTIVITY_MESSAGE } from '../../../../shared/contract/kiosk-api';
import { callKiosk } from '../api/kiosk-client';
import { noteActivity } from '../session/session-controller';
import { wizard } from '../state/wizard-state.svelte';
import { portalState } from './portal-state.svelte';

/** "Ouvrir mon ENT": the back end decides (active account, a portal in the profile). */
export async function openPortal(): Promise<void> {
  if (wizard.busy) return;
  wizard.setBusy(true);
  const opened = await callKiosk('portal.open', {});
  wizard.setBusy(false);
  if (!opened.ok) {
    portalState.fail();
    return;
  }
  portalState.show(opened.value);
  wizard.show('portal');
}

/**
 * Input inside the framed portal counts as activity (LOCKDOWN.md #16): the portal's guard posts
 * a message on each pointer, touch or key; only the portal's own loopback origins are heard.
 */
export function listenToPortalActivity(origins: readonly string[]): () => void {
  const onMessage = (event: MessageEvent) => {
    const data: unknown = event.data;
    if (!origins.includes(event.origin) || typeof data !== 'object' || data === null) return;
    if ((data as { type?: unknown }).type === PORTAL_ACTIVITY_MESSAGE) noteActivity();
  };
  window.addEventListener('message', onMessage);
  return () => window.removeEventListener('message', onMessage);
}
