import { tick } from 'svelte';
import { callKiosk } from '../api/kiosk-client';
import { findLeaks, type LeakKind } from './page-leaks';
import { fieldValuesOnPage, readPageTraces } from './page-traces';
import { scrubPageStorage } from './page-scrub';
import { TypedFingerprints } from './typed-fingerprints';

/**
 * LOCKDOWN.md #20: after every wipe the page checks what it can see of the person and holds
 * Welcome back until it is clean. `checking`: the wipe is being verified; `failed`: the wipe and
 * its retry both left a trace, so the terminal shows a neutral "unavailable" screen instead.
 */
export type GateStatus = 'clear' | 'checking' | 'failed';

/** Renders the reset state again (the session controller's wipe of its state classes). */
export type StateWipe = () => void;

export class PrivacyGate {
  #status = $state<GateStatus>('clear');
  #typed = new TypedFingerprints();
  #run = 0;

  get status(): GateStatus {
    return this.#status;
  }

  /** A field's value when it is committed (`change`): the wipe removes the field, not the words. */
  remember(value: string): void {
    this.#typed.remember(value);
  }

  /** Before the state is reset: what is still in the fields, then hold Welcome back. */
  beginWipe(doc: Document = document): void {
    for (const value of fieldValuesOnPage(doc)) this.#typed.remember(value);
    this.#status = 'checking';
    performance.mark('sesame:wipe-start');
  }

  /** After the state reset: check, retry once (state and page storage), then clear or fail. */
  async verify(wipeState: StateWipe): Promise<LeakKind[]> {
    const run = ++this.#run;
    let leaks = await this.#check();
    if (leaks.length > 0) {
      wipeState();
      await scrubPageStorage();
      leaks = await this.#check();
    }
    // A newer wipe started meanwhile: its own verification decides.
    if (run !== this.#run) return leaks;
    performance.mark('sesame:wipe-verified');
    performance.measure('sesame:wipe', 'sesame:wipe-start', 'sesame:wipe-verified');
    reportWipeCheck(leaks);
    if (leaks.length > 0) {
      this.#status = 'failed';
      return leaks;
    }
    this.#typed.forget();
    this.#status = 'clear';
    return leaks;
  }

  async #check(): Promise<LeakKind[]> {
    // The DOM must show the reset state before it is read.
    await tick();
    return findLeaks(await readPageTraces(), this.#typed);
  }
}

/**
 * LOCKDOWN.md #20, issue 5: every verdict goes to the back end (`privacy.report`), which sends it
 * with the next heartbeat so the fleet view flags a terminal whose wipe left a trace. A count
 * only, never a kind or a value. A failure also goes to the console by kind, where the Electron
 * shell can collect it (`console-message`). Not awaited: the screen does not wait on it.
 */
function reportWipeCheck(leaks: LeakKind[]): void {
  void callKiosk('privacy.report', { ok: leaks.length === 0, leaks: leaks.length });
  if (leaks.length > 0) console.error(`sesame: wipe verification failed (${leaks.join(', ')})`);
}

export const privacyGate = new PrivacyGate();
