import { localeState } from '../../i18n/locale-state.svelte';
import { callKiosk } from '../api/kiosk-client';
import { HELP_FORM_KEYS, readHelpForm } from '../help-form/help-form';
import { helpFormState } from '../state/help-form-state.svelte';
import { wizard } from '../state/wizard-state.svelte';
import { busy, focusById, refuseForm } from './step-helpers';

/**
 * The ENT 77 parents' form (seed: "afin d'obtenir de l'aide, soit pour activer leur compte soit en
 * cas de perte de leur mot de passe"): checked here with the server's schema, sent with
 * `help.submit`, which seals it to the server; the school receives it by email.
 */
export function helpFieldId(key: string): string {
  return `help-${key}`;
}

async function focusFirstHelpProblem(): Promise<void> {
  const first = HELP_FORM_KEYS.find((key) => helpFormState.problemFor(key));
  if (first) await focusById(first === 'topic' ? `${helpFieldId('topic')}-0` : helpFieldId(first));
}

export async function submitHelpForm(): Promise<void> {
  const form = wizard.profile?.helpForm;
  if (!form) return;
  const { input, problems } = readHelpForm(form, helpFormState.values);
  helpFormState.showProblems(problems);
  if (problems.length > 0) return focusFirstHelpProblem();
  await busy(async () => {
    const sent = await callKiosk('help.submit', { ...input, locale: localeState.locale });
    if (sent.ok) {
      helpFormState.sent(sent.value.reference);
      return wizard.show('helpFormSent');
    }
    refuseForm(sent.error, helpFormState, focusFirstHelpProblem);
  });
}
