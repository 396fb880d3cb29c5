import { en } from './en.js';
import { ko } from './ko.js';
import type { Locale, Messages } from './messages.js';

const MESSAGES: Record<Locale, Messages> = { en, ko };

/**
 * The UI language from the browser's preferred languages (`navigator.languages`, most
 * preferred first): the first one we have strings for wins, as in HTTP language negotiation;
 * none of them → English.
 */
export function detectLocale(languages: readonly string[]): Locale {
  for (const language of languages) {
    const primary = language.trim().toLowerCase().split(/[-_]/)[0];
    if (primary === 'ko') return 'ko';
    if (primary === 'en') return 'en';
  }
  return 'en';
}

export function messagesFor(locale: Locale): Messages {
  return MESSAGES[locale];
}
