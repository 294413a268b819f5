import { openingDateText } from '../../../shared/messages/spoken-text';
import { localeState } from '../i18n/locale-state.svelte';

/**
 * Dates on the staff screens, in the terminal's time zone. The shipped profiles are all in
 * metropolitan France; the diagnosis carries no time zone, so the desk's own is used.
 */
const DESK_TIME_ZONE = 'Europe/Paris';

export function staffDate(iso: string): string {
  return openingDateText(localeState.locale, iso, DESK_TIME_ZONE);
}
