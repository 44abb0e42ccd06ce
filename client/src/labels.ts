// Words and dates the client's views show, in Dutch or English. No `vscode`
// import: the unit tests (mocha, outside VS Code) check them.

import type { IsoDate, SetDocument, SetState, TimelineEventKind } from '../../server/src/protocol';

export type Lang = 'nl' | 'en';

/** English when the editor's language is English, Dutch otherwise (as the server decides). */
export function langOf(locale: string | undefined): Lang {
  return (locale ?? '').toLowerCase().startsWith('en') ? 'en' : 'nl';
}

export const STATES: readonly SetState[] = ['answered', 'late', 'delayed', 'overdue', 'open'];

const STATE_LABELS: Record<SetState, [nl: string, en: string]> = {
  answered: ['Op tijd beantwoord', 'Answered in time'],
  late: ['Te laat beantwoord', 'Answered late'],
  delayed: ['Uitgesteld', 'Delayed'],
  overdue: ['Onbeantwoord, termijn verstreken', 'Unanswered, overdue'],
  open: ['Open, binnen de termijn', 'Open, within the term'],
};

export function stateLabel(state: SetState, lang: Lang): string {
  return STATE_LABELS[state][lang === 'en' ? 1 : 0];
}

const DOCUMENT_KINDS: Record<SetDocument['kind'], [nl: string, en: string]> = {
  openkamer: ['Openkamer-pagina', 'Openkamer page'],
  questions: ['Vragen', 'Questions'],
  answer: ['Antwoord', 'Answer'],
  notice: ['Uitstelbericht', 'Delay notice'],
};

export function documentKindLabel(kind: SetDocument['kind'], lang: Lang): string {
  return (DOCUMENT_KINDS[kind] ?? [kind, kind])[lang === 'en' ? 1 : 0];
}

const EVENT_KINDS: Record<TimelineEventKind, [nl: string, en: string]> = {
  submitted: ['Ingediend', 'Submitted'],
  'term-regular': ['Termijn van 3 weken', '3-week term'],
  'term-extended': ['Termijn van 6 weken', '6-week term'],
  notice: ['Uitstelbericht', 'Delay notice'],
  letter: ['Brief', 'Letter'],
  debate: ['Debat', 'Debate'],
  ruling: ['Uitspraak', 'Ruling'],
  date: ['Datum', 'Date'],
  answered: ['Beantwoord', 'Answered'],
};

export function eventKindLabel(kind: TimelineEventKind, lang: Lang): string {
  return (EVENT_KINDS[kind] ?? [kind, kind])[lang === 'en' ? 1 : 0];
}

const MONTHS_NL = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];
const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function parts(date: IsoDate): [number, number, number] | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= 31 ? [y, mo, d] : null;
}

/** `19 november 2024` / `19 November 2024`; short: `19 nov 2024` / `19 Nov 2024`. Anything else as given. */
export function formatDate(date: IsoDate, lang: Lang, short = false): string {
  const p = parts(date);
  if (!p) return date;
  const month = (lang === 'en' ? MONTHS_EN : MONTHS_NL)[p[1] - 1];
  return `${p[2]} ${short ? month.slice(0, 3) : month} ${p[0]}`;
}

/** Days since 1970-01-01 of an ISO date (UTC), or NaN. */
export function dayNumber(date: IsoDate): number {
  const p = parts(date);
  return p ? Date.UTC(p[0], p[1] - 1, p[2]) / 86_400_000 : NaN;
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
