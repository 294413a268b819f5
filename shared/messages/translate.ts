import type { Locale } from '../schemas/localized-text-schema';
import type { LocalizedText } from '../schemas/localized-text-schema';
import { en } from './en';
import { fr, type MessageKey } from './fr';

export type { MessageKey } from './fr';
export type MessageParams = Readonly<Record<string, string | number>>;

const CATALOGUES: Record<Locale, Partial<Record<MessageKey, string>>> = { fr, en };

/**
 * The message for `key` in `locale`, French when the locale lacks it, with `{name}`
 * placeholders filled. An unknown placeholder stays visible so a missing parameter is noticed.
 */
export function translate(locale: Locale, key: MessageKey, params: MessageParams = {}): string {
  const template = CATALOGUES[locale][key] ?? fr[key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}

/** Institution text from a profile: the locale's version, French otherwise. */
export function pickText(locale: Locale, text: LocalizedText): string {
  return (locale === 'en' ? text.en : undefined) ?? text.fr;
}

/** True when `key` names a message (for keys built from stable codes). */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(fr, key);
}
