import { tick } from 'svelte';
import type { AppError, FieldProblem } from '../../../../shared/contract/result';
import { durationText } from '../../../../shared/messages/spoken-text';
import { localeState } from '../../i18n/locale-state.svelte';
import type { Notice } from '../state/email-proof-state.svelte';
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

/** A refusal a form shows above its button (wait, server out of reach), or null when it is not one. */
export function formNotice(error: AppError): Notice | null {
  if (error.code === 'THROTTLED') return { key: 'form.THROTTLED', params: { time: durationText(localeState.locale, error.retryAfterS ?? 60) } };
  if (error.code === 'OFFLINE') return { key: 'form.OFFLINE', params: {} };
  return null;
}

/**
 * A help-side form's refusal (recovery, parents' form): the back end's INVALID_INPUT on its own
 * fields, a wait or an unreachable server above its button, anything else as an outcome screen.
 */
export function refuseForm(error: AppError, form: { showProblems(problems: FieldProblem[], notice?: Notice | null): void }, focusFirst: () => Promise<void>): void {
  if (error.code === 'INVALID_INPUT' && error.fields?.length) {
    form.showProblems(error.fields);
    return void focusFirst();
  }
  const notice = formNotice(error);
  if (notice) return form.showProblems([], notice);
  refuse(error);
}
