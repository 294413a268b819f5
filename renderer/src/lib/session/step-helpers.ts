import { tick } from 'svelte';
import type { AppError } from '../../../../shared/contract/result';
import { fieldInputId } from '../identity/identity-form';
import { identityForm } from '../state/identity-form-state.svelte';
import { wizard } from '../state/wizard-state.svelte';
import { wipe } from './session-controller';

/** What every step of the wizard shares: one call at a time, and how a refusal is shown. */
export async function focusFirstProblem(): Promise<void> {
  const profile = wizard.profile;
  const first = identityForm.problems[0];
  if (!profile || !first) return;
  const field = profile.identity.fields.find((candidate) => candidate.key === first.key);
  await tick();
  if (field) document.getElementById(fieldInputId(field))?.focus();
}

export function refuse(error: AppError): void {
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

/** A double tap does nothing: the second call is dropped while the first runs. */
export async function busy<T>(work: () => Promise<T>): Promise<T | undefined> {
  if (wizard.busy) return undefined;
  wizard.setBusy(true);
  try {
    return await work();
  } finally {
    wizard.setBusy(false);
  }
}

export async function focusById(id: string): Promise<void> {
  await tick();
  document.getElementById(id)?.focus();
}
