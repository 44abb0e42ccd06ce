// What every feature gets besides the analysis: the user's language and settings.

import type { Settings } from '../settings';
import type { Message } from '../model/types';

export type Locale = 'nl' | 'en';

export interface FeatureContext {
  readonly locale: Locale;
  readonly settings: Settings;
}

/** A message in the user's language. */
export function say(ctx: { readonly locale: Locale }, m: Message): string {
  return ctx.locale === 'en' ? m.en : m.nl;
}

/** Picks Dutch or English text directly. */
export function t(ctx: { readonly locale: Locale }, nl: string, en: string): string {
  return ctx.locale === 'en' ? en : nl;
}

/** `nl` unless the client's locale is English. */
export function localeOf(clientLocale: string | undefined): Locale {
  return clientLocale && clientLocale.toLowerCase().startsWith('en') ? 'en' : 'nl';
}
