import { callKiosk } from '../api/kiosk-client';
import { identityForm } from '../state/identity-form-state.svelte';
import { passwordState } from '../state/password-state.svelte';
import { wizard } from '../state/wizard-state.svelte';
import { beginChoice } from './choice-actions';
import { busy, focusFirstProblem, refuse } from './step-helpers';

/**
 * The wizard's steps after Welcome: identity → eligibility → generated password → typed
 * copy → done (cergy), or → the chosen-password path (choice-actions.ts). Refusals become
 * outcome screens; the back end's codes decide which.
 */
export async function submitIdentity(): Promise<void> {
  const profile = wizard.profile;
  if (!profile) return;
  const identity = identityForm.validate(profile);
  if (!identity) {
    await focusFirstProblem();
    return;
  }
  await busy(async () => {
    const looked = await callKiosk('activation.lookup', { identity });
    if (!looked.ok) return refuse(looked.error);
    if (profile.password.mode === 'chosen') return beginChoice(profile);
    const issued = await callKiosk('activation.submit', {});
    if (!issued.ok) return refuse(issued.error);
    passwordState.issue(issued.value);
    wizard.show('password');
  });
}

export async function confirmPassword(): Promise<void> {
  // Checked here first, so a slip is pointed out at once; the back end checks again.
  if (!passwordState.check()) return;
  await busy(async () => {
    const confirmed = await callKiosk('activation.confirmPassword', { typed: passwordState.typed });
    if (confirmed.ok) {
      passwordState.confirm(confirmed.value);
      wizard.show('done');
    } else if (confirmed.error.code === 'PASSWORD_MISMATCH') {
      passwordState.markMismatch();
    } else {
      refuse(confirmed.error);
    }
  });
}

/** "Corriger mes informations", "Réessayer": back to the form, as typed. */
export function backToIdentity(): void {
  wizard.show('identity');
}
