import type { AppError } from '../../../../shared/contract/result';
import { normalizeCode } from '../../../../shared/policies/secret-codes';
import { localeState } from '../../i18n/locale-state.svelte';
import { callKiosk } from '../api/kiosk-client';
import { fieldInputId } from '../identity/identity-form';
import { passwordContextFrom } from '../password/checklist';
import { readRecovery, recoveryFields, recoveryProfile } from '../recovery/recovery-form';
import { recoveryPassword, recoveryState } from '../state/recovery-state.svelte';
import { wizard } from '../state/wizard-state.svelte';
import { PasswordPair } from './password-pair';
import { busy, focusById, formNotice, refuse, refuseForm } from './step-helpers';

/**
 * "Mot de passe oublié" / "Identifiant oublié" (parents-scolarite seed, idf-lycee case 2). The
 * request is answered with the same sentence whether or not anyone matched (issue 3); a password
 * recovery goes on with the emailed code and a new password, checked like a chosen one.
 */
export const RECOVERY_CODE_ID = 'recovery-code';
export const RECOVERY_EMAIL_ID = 'recovery-email';

const pair = new PasswordPair(recoveryPassword, 'recoverySent');

export function recoveryPasswordTyped(): void {
  pair.typed();
}

export function stopRecoveryChecks(): void {
  pair.stop();
}

async function focusFirstRecoveryProblem(): Promise<void> {
  const profile = wizard.profile;
  const first = recoveryState.problems[0];
  if (!profile || !first) return;
  const field = recoveryFields(profile, recoveryState.kind).find((candidate) => candidate.key === first.key);
  await focusById(field ? fieldInputId(field) : RECOVERY_EMAIL_ID);
}

export async function requestRecovery(): Promise<void> {
  const profile = wizard.profile;
  if (!profile) return;
  const kind = recoveryState.kind;
  const { input, problems } = readRecovery(profile, kind, recoveryState.values, recoveryState.email);
  recoveryState.showProblems(problems);
  if (problems.length > 0) return focusFirstRecoveryProblem();
  await busy(async () => {
    const requested = await callKiosk('recovery.request', { kind, ...input, locale: localeState.locale });
    if (requested.ok) {
      recoveryState.sent(requested.value.sentTo);
      if (kind === 'password' && profile.password.mode === 'chosen') {
        recoveryPassword.prepare(profile.password.policy, passwordContextFrom(recoveryProfile(profile, kind), recoveryState.values));
      }
      return wizard.show('recoverySent');
    }
    refuseForm(requested.error, recoveryState, focusFirstRecoveryProblem);
  });
}

const CODE_REFUSALS = ['CODE_INVALID', 'CODE_EXPIRED', 'CODE_USED'] as const;

function refuseReset(error: AppError): void {
  if (pair.refuse(error)) return;
  if ((CODE_REFUSALS as readonly string[]).includes(error.code)) {
    recoveryState.refuseCode({ key: `recovery.${error.code as (typeof CODE_REFUSALS)[number]}`, params: {} });
    return void focusById(RECOVERY_CODE_ID);
  }
  if (error.code === 'INVALID_INPUT' && error.fields?.some((field) => field.key === 'code')) {
    recoveryState.refuseCode({ key: 'recovery.codeRequired', params: {} });
    return void focusById(RECOVERY_CODE_ID);
  }
  const notice = formNotice(error);
  if (notice) return recoveryState.refuseCode(notice);
  refuse(error);
}

/** "Enregistrer le nouveau mot de passe": the code from the email and the new password, twice. */
export async function resetPassword(): Promise<void> {
  const code = normalizeCode(recoveryState.code);
  if (!code) {
    recoveryState.refuseCode({ key: 'recovery.codeRequired', params: {} });
    return focusById(RECOVERY_CODE_ID);
  }
  if (!(await pair.ready())) return;
  await busy(async () => {
    pair.stop();
    const reset = await callKiosk('recovery.reset', { code, password: recoveryPassword.password, confirmation: recoveryPassword.confirmation });
    if (!reset.ok) return refuseReset(reset.error);
    // The back end has the new password: the page forgets it.
    recoveryPassword.reset();
    recoveryState.reset(reset.value.login);
    wizard.show('recoveryDone');
  });
}

/** "Refaire la demande": back to the request form, as typed. */
export function requestAgain(): void {
  pair.stop();
  wizard.show('recovery');
}
