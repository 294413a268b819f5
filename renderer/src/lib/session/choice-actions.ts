import type { AppError } from '../../../../shared/contract/result';
import { EMAIL_CODE_LENGTH, isWellFormedCode, normalizeCode } from '../../../../shared/policies/secret-codes';
import { durationText } from '../../../../shared/messages/spoken-text';
import type { Profile } from '../../../../shared/schemas/profile-schema';
import { localeState } from '../../i18n/locale-state.svelte';
import { callKiosk } from '../api/kiosk-client';
import { CONTACT_KEYS, readContact } from '../contact/contact-form';
import { passwordContextFrom } from '../password/checklist';
import { choiceState } from '../state/choice-state.svelte';
import { emailProofState } from '../state/email-proof-state.svelte';
import { identityForm } from '../state/identity-form-state.svelte';
import { wizard } from '../state/wizard-state.svelte';
import { PasswordPair } from './password-pair';
import { busy, focusById, refuse } from './step-helpers';

/**
 * The chosen-password path (ENT 77, IDF case 1, Montpellier, Scolarité Services): password with
 * its live checklist → contact and terms when the profile has them → `activation.choose` →
 * the emailed code when the profile finishes by email → done.
 */
const pair = new PasswordPair(choiceState, 'choose');

export function beginChoice(profile: Profile): void {
  if (profile.password.mode !== 'chosen') return;
  choiceState.prepare(profile.password.policy, passwordContextFrom(profile, identityForm.values));
  wizard.show('choose');
}

export function passwordTyped(): void {
  pair.typed();
}

export function stopPasswordChecks(): void {
  pair.stop();
}

/** "Continuer" on the password screen. */
export async function submitPassword(): Promise<void> {
  const profile = wizard.profile;
  if (!profile || !(await pair.ready())) return;
  if (profile.contact || profile.terms) wizard.show('contact');
  else await choose(profile);
}

/** "Activer" on the contact and terms screen. */
export async function submitContact(): Promise<void> {
  const profile = wizard.profile;
  if (!profile) return;
  const { problems } = readContact(profile, choiceState);
  choiceState.showContactProblems(problems);
  const first = problems[0];
  if (first) return focusById(`contact-${first.key}`);
  await choose(profile);
}

function refuseChoice(profile: Profile, error: AppError): void {
  if (pair.refuse(error)) return;
  const fields = error.code === 'INVALID_INPUT' ? (error.fields ?? []) : [];
  const contact = fields.filter((field) => (CONTACT_KEYS as readonly string[]).includes(field.key));
  if (contact.length > 0 && (profile.contact || profile.terms)) {
    choiceState.showContactProblems(contact);
    wizard.show('contact');
    return void focusById(`contact-${contact[0]?.key ?? 'email'}`);
  }
  refuse(error);
}

async function choose(profile: Profile): Promise<void> {
  const { input } = readContact(profile, choiceState);
  await busy(async () => {
    pair.stop();
    const chosen = await callKiosk('activation.choose', {
      password: choiceState.password,
      confirmation: choiceState.confirmation,
      ...input,
      locale: localeState.locale,
    });
    if (!chosen.ok) return refuseChoice(profile, chosen.error);
    choiceState.finish(chosen.value);
    if (chosen.value.state === 'awaitingEmail') {
      emailProofState.begin(chosen.value.sentTo ?? '', profile.emailProof?.resends ?? 0);
      wizard.show('emailCode');
    } else {
      wizard.show('done');
    }
  });
}

const CODE_REFUSALS = ['CODE_INVALID', 'CODE_EXPIRED', 'CODE_USED'] as const;

/** "Valider" on the emailed-code screen; `K7P-4QX`, `k7p 4qx` and `K7P4QX` are the same code. */
export async function confirmEmailCode(): Promise<void> {
  const typed = emailProofState.code;
  if (!isWellFormedCode(typed, EMAIL_CODE_LENGTH)) {
    emailProofState.refuse({ key: typed.trim() ? 'emailCode.format' : 'emailCode.required', params: { length: EMAIL_CODE_LENGTH } });
    return focusById('email-code');
  }
  await busy(async () => {
    const confirmed = await callKiosk('activation.confirmEmail', { code: normalizeCode(typed) });
    if (confirmed.ok) {
      choiceState.activate(confirmed.value.reference);
      wizard.show('done');
      return;
    }
    const { code, retryAfterS } = confirmed.error;
    if ((CODE_REFUSALS as readonly string[]).includes(code)) {
      emailProofState.refuse({ key: `emailCode.${code as (typeof CODE_REFUSALS)[number]}`, params: {} });
      return void focusById('email-code');
    }
    if (code === 'THROTTLED') {
      return emailProofState.refuse({ key: 'emailCode.THROTTLED', params: { time: durationText(localeState.locale, retryAfterS ?? 60) } });
    }
    refuse(confirmed.error);
  });
}

/** "Renvoyer le message": a new code and link, the old ones void. */
export async function resendEmail(): Promise<void> {
  await busy(async () => {
    const resent = await callKiosk('activation.resendEmail', {});
    if (resent.ok) return emailProofState.resent(resent.value.sentTo, resent.value.resendsLeft);
    if (resent.error.code === 'RESEND_LIMIT') return emailProofState.noMoreResends();
    refuse(resent.error);
  });
}
