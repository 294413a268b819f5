import type { Locale } from '../../../shared/schemas/localized-text-schema';
import type { LocalizedText } from '../../../shared/schemas/localized-text-schema';
import { pickText, translate, type MessageKey, type MessageParams } from '../../../shared/messages/translate';

/** The language shown; switching it re-renders every `t()` call and sets `<html lang>`. */
class LocaleState {
  #locale = $state<Locale>('fr');
  #default: Locale = 'fr';

  get locale(): Locale {
    return this.#locale;
  }

  /** The terminal's configured language, restored at every session end. */
  setDefault(locale: Locale): void {
    this.#default = locale;
    this.set(locale);
  }

  set(locale: Locale): void {
    this.#locale = locale;
    document.documentElement.lang = locale;
  }

  reset(): void {
    this.set(this.#default);
  }
}

export const localeState = new LocaleState();

export function t(key: MessageKey, params?: MessageParams): string {
  return translate(localeState.locale, key, params);
}

export function text(value: LocalizedText): string {
  return pickText(localeState.locale, value);
}
