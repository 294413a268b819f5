import type { GroupCsvProblem } from '../../../../shared/contract/group-csv-api';
import type { AppError } from '../../../../shared/contract/result';
import type { BoardMember } from '../../../../shared/contract/staff-api';
import { durationText } from '../../../../shared/messages/spoken-text';
import { isMessageKey } from '../../../../shared/messages/translate';
import { localeState, t } from '../../i18n/locale-state.svelte';
import { reasonKey } from './board-view';
import { csvProblemSentence } from './csv-hint';

/** Codes → the group screens' own words (the server sends codes only, DESIGN.md "Contracts"). */
export function errorText(error: AppError): string {
  if (error.code === 'THROTTLED') return t('group.error.THROTTLED', { time: durationText(localeState.locale, error.retryAfterS ?? 60) });
  const key = `group.error.${error.code}`;
  return isMessageKey(key) ? t(key) : t('group.error.other', { code: error.code });
}

/** A date and time as staff read it on the terminal's clock (the board mixes profiles' zones rarely). */
export function dateText(iso: string): string {
  return new Intl.DateTimeFormat(localeState.locale === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'long', timeStyle: 'short' }).format(new Date(iso));
}

export function csvProblemText(problem: GroupCsvProblem): string {
  return csvProblemSentence(problem, t);
}

/** Why a member is blocked, in the seed's words where the code has them. */
export function reasonText(member: BoardMember): string {
  if (!member.reason) return '';
  if (member.reason === 'NOT_YET_OPEN' && member.opensAt) return t('group.reason.NOT_YET_OPEN.when', { date: dateText(member.opensAt) });
  const key = reasonKey(member.reason);
  return key === 'group.reason.other' ? t(key, { code: member.reason }) : t(key);
}
