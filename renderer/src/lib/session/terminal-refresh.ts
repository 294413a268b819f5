import { callKiosk } from '../api/kiosk-client';
import { wizard } from '../state/wizard-state.svelte';

/**
 * Asks the back end again what this terminal is, without leaving Welcome: the group session it
 * joined may have been closed, left or joined meanwhile (issue 6; the server is the authority,
 * the core asks it). Called each time Welcome shows, i.e. after every wipe, and after staff join
 * or leave a group. A failure keeps what was known: Welcome never turns into an error for this.
 */
let inFlight: Promise<void> | null = null;

export function refreshTerminal(): Promise<void> {
  inFlight ??= (async () => {
    try {
      const described = await callKiosk('terminal.describe', {});
      // A person who started a session meanwhile keeps their screen; the description is only data.
      if (described.ok) wizard.describe(described.value);
    } finally {
      inFlight = null;
    }
  })();
  return inFlight;
}
