import { tick } from 'svelte';
import type { AppError } from '../../../../shared/contract/result';
import { callKiosk } from '../api/kiosk-client';
import { wipe } from './session-controller';
import { fieldInputId } from '../identity/identity-form';
import { identityForm } from '../state/identity-form-state.svelte';
import { passwordState } from '../state/password-state.svelte';
import { wizard } from '../state/wizard-state.svelte';

/**
 * The wizard's steps after Welcome: identity → eligibility → generated password → typed
 * copy → done. Refusals become outcome screens; the back end's codes decide which.
 */
async function focusFirstProblem(): Promise<void> {
  const profile = wizard.profile;
  const first = identityForm.problems[0];
  if (!profile || !first) return;
  const field = profile.identity.fields.find((candidate) => candidate.key === first.key);
  await tick();
  if (field) document.getElementById(fieldInputId(field))?.focus();
}

function refuse(error: AppError): void {
  // The back end already closed this session (idle, restart): start over from Welcome, empty.
  if (error.code === 'NO_SESSION') return wipe();
  if (error.code === 'INVALID_INPUT' && error.fields && error.fields.length > 0) {
    identityForm.showProblems(error.fields);
    wizard.show('identity');
    void focusFirstProblem();
    return;
  }
  wizard.showOutcome(error);
}

async function busy<T>(work: () => Promise<T>): Promise<T | undefined> {
  if (wizard.busy) return undefined;
  wizard.setBusy(true);
  try {
    return await work();
  } finally {
    wizard.setBusy(false);
  }
}

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
