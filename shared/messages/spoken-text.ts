import { spellCharacter } from '../policies/generated-password';
import type { Locale } from '../schemas/localized-text-schema';
import { translate, type MessageKey } from './translate';

/**
 * Words for the things the wizard shows as figures: one character of a generated password
 * ("A majuscule", "sept" — the seed's "Cas n°1": O/0 and i/l get mixed up when copied), a
 * list of positions ("3 et 7"), a countdown ("2 min 05 s") and an opening date in the
 * institution's time zone ("mardi 24 novembre 2026 à 00 h 00").
 */
export function spellCharacterText(locale: Locale, char: string): string {
  const spelled = spellCharacter(char);
  switch (spelled.kind) {
    case 'upper':
      return translate(locale, 'char.upper', { letter: spelled.letter });
    case 'lower':
      return translate(locale, 'char.lower', { letter: spelled.letter.toLowerCase() });
    case 'digit':
      return translate(locale, `char.digit.${spelled.digit}` as MessageKey);
    case 'other':
      return translate(locale, 'char.other', { char: spelled.char });
  }
}

export function listPositions(locale: Locale, positions: readonly number[]): string {
  if (positions.length <= 1) return positions.join('');
  const head = positions.slice(0, -1).join(', ');
  return `${head} ${translate(locale, 'password.mismatch.and')} ${positions[positions.length - 1]}`;
}

export function durationText(locale: Locale, totalSeconds: number): string {
  const seconds = Math.max(0, Math.ceil(totalSeconds));
  if (seconds < 60) return translate(locale, 'duration.seconds', { s: seconds });
  const ss = String(seconds % 60).padStart(2, '0');
  return translate(locale, 'duration.minutes', { m: Math.floor(seconds / 60), ss });
}

/**
 * A length that is not counting down (the fleet's heartbeat interval): whole minutes say
 * "1 min", not the countdown's "1 min 00 s".
 */
export function spanText(locale: Locale, totalSeconds: number): string {
  const seconds = Math.max(0, Math.ceil(totalSeconds));
  if (seconds >= 60 && seconds % 60 === 0) return translate(locale, 'duration.wholeMinutes', { m: seconds / 60 });
  return durationText(locale, seconds);
}

/** An instant as a full local date and time in `timeZone`, with the French "1er" for day one. */
export function openingDateText(locale: Locale, iso: string, timeZone: string): string {
  const instant = new Date(iso);
  const parts = new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
    timeZone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(instant);
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((part) => part.type === type)?.value ?? '';
  const day = locale === 'fr' && get('day') === '1' ? '1er' : get('day');
  const date = `${get('weekday')} ${day} ${get('month')} ${get('year')}`;
  return translate(locale, 'date.opening', { date, hour: get('hour'), minute: get('minute') });
}
