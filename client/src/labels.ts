// Words and dates the client's views show, in Dutch or English. No `vscode`
// import: the unit tests (mocha, outside VS Code) check them.

import { words, type IsoDate, type SetDocument, type SetState, type TimelineEventKind } from '../../server/src/protocol';

export type Lang = words.Locale;

/** English when the editor's language is English, Dutch otherwise (as the server decides). */
export function langOf(locale: string | undefined): Lang {
  return words.localeOf(locale);
}

export const STATES: readonly SetState[] = ['answered', 'late', 'delayed', 'overdue', 'open'];

export function stateLabel(state: SetState, lang: Lang): string {
  return words.stateLabel(lang, state);
}

export function documentKindLabel(kind: SetDocument['kind'], lang: Lang): string {
  return words.documentKindLabel(lang, kind);
}

/** The name of a kind of event; the terms with the lengths the timeline was computed with (21 and 42 days when not given). */
export function eventKindLabel(kind: TimelineEventKind, lang: Lang, terms: words.TermDays = { regularDays: 21, extendedDays: 42 }): string {
  return words.eventKindLabel(lang, kind, terms);
}

/** `19 november 2024` / `19 November 2024`; short: `19 nov 2024` / `19 Nov 2024`. Anything else as given. */
export function formatDate(date: IsoDate, lang: Lang, short = false): string {
  return words.formatDate(lang, date, short);
}

/** Days since 1970-01-01 of an ISO date (UTC), or NaN. */
export function dayNumber(date: IsoDate): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const [y, mo, d] = m ? [Number(m[1]), Number(m[2]), Number(m[3])] : [0, 0, 0];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= 31 ? Date.UTC(y, mo - 1, d) / 86_400_000 : NaN;
}
export interface SetsFilter {
  readonly states?: readonly SetState[];
  readonly ministry?: string;
}

/** The view's message for an active filter, or undefined when there is none. */
export function filterMessage(filter: SetsFilter, lang: Lang): string | undefined {
  const bits: string[] = [];
  if (filter.states?.length) bits.push(filter.states.map((s) => stateLabel(s, lang).toLowerCase()).join(', '));
  if (filter.ministry) bits.push(`${lang === 'en' ? 'ministry' : 'ministerie'}: ${filter.ministry}`);
  return bits.length ? `${lang === 'en' ? 'Filter' : 'Filter'}: ${bits.join(' · ')}` : undefined;
}

/** `Boswijk (CDA) · 19 nov 2024` */
export function setDescription(submitters: readonly string[], date: IsoDate | null, lang: Lang): string {
  const who = submitters.length > 2 ? `${submitters[0]} ${lang === 'en' ? 'et al.' : 'e.a.'}` : submitters.join(', ');
  return [who, date ? formatDate(date, lang, true) : ''].filter((s) => s !== '').join(' · ');
}
