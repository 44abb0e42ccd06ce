// What every feature gets besides the analysis: the user's language and settings.

import { formatDateEn, formatDateNl } from '../model/calendar';
import type { Settings } from '../settings';
import type { IsoDate, Message } from '../model/types';

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

/** A date written out in the user's language: `18 mei 2022`, `18 May 2022`. */
export function formatDate(ctx: { readonly locale: Locale }, iso: IsoDate): string {
  return ctx.locale === 'en' ? formatDateEn(iso) : formatDateNl(iso);
}

/** `nl` unless the client's locale is English. */
export function localeOf(clientLocale: string | undefined): Locale {
  return clientLocale && clientLocale.toLowerCase().startsWith('en') ? 'en' : 'nl';
}
