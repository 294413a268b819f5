import type { KioskInput } from '../../../../shared/contract/kiosk-api';
import { callKiosk, hasKioskBridge, onKioskEvent } from '../api/kiosk-client';
import { localeState } from '../../i18n/locale-state.svelte';
import { portalState } from '../portal/portal-state.svelte';
import { privacyGate } from '../privacy/privacy-gate.svelte';
import { choiceState } from '../state/choice-state.svelte';
import { emailProofState } from '../state/email-proof-state.svelte';
import { helpFormState } from '../state/help-form-state.svelte';
import { helpState } from '../state/help-state.svelte';
import { identityForm } from '../state/identity-form-state.svelte';
import { idleState } from '../state/idle-state.svelte';
import { passwordState } from '../state/password-state.svelte';
import { recoveryPassword, recoveryState } from '../state/recovery-state.svelte';
import { wizard } from '../state/wizard-state.svelte';

/**
 * Session lifecycle on the renderer side: start, end, wipe, activity. The idle timer itself
 * runs in the back end (LOCKDOWN.md #16); the renderer reports activity and obeys its events.
 */
type SessionEndReason = KioskInput<'session.end'>['reason'];

const ACTIVITY_INTERVAL_MS = 2000;
const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'touchstart'] as const;
let lastActivity = 0;

export async function loadTerminal(): Promise<void> {
  wizard.show('loading');
  if (!hasKioskBridge()) {
    wizard.show('unavailable');
    return;
  }
  const described = await callKiosk('terminal.describe', {});
  if (!described.ok) {
    wizard.show('unavailable');
    return;
  }
  wizard.describe(described.value);
  localeState.setDefault(described.value.locale);
  wizard.show('welcome');
}

/**
 * `help`: "Besoin d'aide ?" on Welcome. A profile that `startsWith: 'help'` (idf-lycee: "which
 * letter did you receive?") opens on its help tree either way.
 */
export async function startSession(profileId: string, mode: 'activation' | 'help' = 'activation'): Promise<void> {
  if (wizard.busy) return;
  wizard.setBusy(true);
  const started = await callKiosk('session.start', { profileId });
  wizard.setBusy(false);
  if (!started.ok) {
    wizard.showOutcome(started.error);
    return;
  }
  const profile = started.value.profile;
  identityForm.prepare(profile);
  const help = profile.help && (mode === 'help' || profile.startsWith === 'help') ? profile.help : undefined;
  if (help) helpState.open(help, null);
  wizard.begin(profile, help ? 'help' : 'identity');
  lastActivity = Date.now();
}

/**
 * Every state class is reset, so nothing of the person stays in memory or in the DOM; then the
 * page verifies it and holds Welcome back until it is clean (LOCKDOWN.md #20). Every end goes
 * through here: Terminer, Quitter, idle and back-end `session.ended`, NO_SESSION errors.
 */
export function wipe(): void {
  privacyGate.beginWipe();
  resetState();
  void privacyGate.verify(resetState);
}

function resetState(): void {
  idleState.dismiss();
  identityForm.reset();
  passwordState.reset();
  choiceState.reset();
  emailProofState.reset();
  helpState.reset();
  recoveryState.clear();
  recoveryPassword.reset();
  helpFormState.reset();
  portalState.reset();
  wizard.reset();
  localeState.reset();
}

/** "Terminer", "Quitter / Annuler": the wipe happens even if the back end cannot be reached. */
export async function endSession(reason: SessionEndReason): Promise<void> {
  wipe();
  await callKiosk('session.end', { reason });
}

/** Throttled to one call every 2 s; `force` for an explicit "Continuer". */
export function noteActivity(force = false): void {
  if (wizard.profile === null) return;
  const now = Date.now();
  if (!force && now - lastActivity < ACTIVITY_INTERVAL_MS) return;
  lastActivity = now;
  void callKiosk('session.activity', {});
}

export function stayInSession(): void {
  idleState.dismiss();
  noteActivity(true);
}

/** Wires back-end events and input activity; returns the teardown. */
export function listenToKiosk(): () => void {
  const unsubscribe = onKioskEvent((event) => {
    if (event.type === 'session.idleWarning') {
      if (wizard.profile !== null) idleState.warn(event.secondsLeft);
    } else if (event.type === 'session.ended') {
      wipe();
    } else if (event.type === 'sync.state') {
      wizard.syncState(event.online, event.quality, event.pending);
    }
  });
  const onInput = () => noteActivity();
  for (const type of ACTIVITY_EVENTS) document.addEventListener(type, onInput, { capture: true, passive: true });
  document.addEventListener('change', rememberTyped, { capture: true });
  return () => {
    unsubscribe();
    for (const type of ACTIVITY_EVENTS) document.removeEventListener(type, onInput, { capture: true });
    document.removeEventListener('change', rememberTyped, { capture: true });
  };
}

/** Committed field values, fingerprinted for the post-wipe check; passwords never (#18). */
function rememberTyped(event: Event): void {
  const field = event.target;
  if (field instanceof HTMLInputElement && field.type !== 'password') privacyGate.remember(field.value);
  else if (field instanceof HTMLTextAreaElement) privacyGate.remember(field.value);
}
