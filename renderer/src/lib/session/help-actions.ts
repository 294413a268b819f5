import type { ButtonAction } from '../help/help-navigation';
import type { RecoveryKind } from '../recovery/recovery-form';
import { helpFormState } from '../state/help-form-state.svelte';
import { helpState } from '../state/help-state.svelte';
import { recoveryState } from '../state/recovery-state.svelte';
import { wizard } from '../state/wizard-state.svelte';

/**
 * The guided help (issue 3: "reachable from any screen, ending in a concrete action"). Opening
 * it from a screen remembers that screen; every state class keeps what was typed, so
 * "Reprendre où j'en étais" finds the form as it was left, until the session ends.
 */
export function openHelp(): void {
  const tree = wizard.profile?.help;
  if (!tree || wizard.screen === 'help') return;
  helpState.open(tree, wizard.screen);
  wizard.show('help');
}

export function followChoice(next: string): void {
  helpState.follow(next);
}

export function helpBack(): void {
  helpState.back();
}

/** Back to the help node the person left for a recovery or the form ("Retour"). */
export function backToHelp(): void {
  if (wizard.profile?.help) wizard.show('help');
}

export function resumeWhereIWas(): void {
  const screen = helpState.returnTo;
  if (screen) wizard.show(screen);
}

export function openRecovery(kind: RecoveryKind): void {
  const profile = wizard.profile;
  if (!profile?.recovery?.[kind]) return;
  recoveryState.begin(profile, kind);
  wizard.show('recovery');
}

export function openHelpForm(): void {
  if (!wizard.profile?.helpForm) return;
  if (helpFormState.reference) helpFormState.reset();
  wizard.show('helpForm');
}

export function runHelpAction(action: ButtonAction): void {
  if (action.kind === 'startActivation') wizard.show('identity');
  else if (action.kind === 'recovery') openRecovery(action.recovery);
  else openHelpForm();
}
