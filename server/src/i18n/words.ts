// Words for people, in Dutch or English: the one place for month and weekday
// names, dates written out, term labels computed from the configured terms,
// list joining, clipping, question labels and the names of citation kinds,
// set states, document kinds and timeline events. The model (its messages and
// its date grammar), the features, the command line and the VS Code client
// (through `protocol.ts`) all take their words from here.
//
// Pure and at the bottom of the layers: it imports only the white-space rule of
// `model/text.ts` (which imports nothing), no Node built-in, no editor API,
// and reads no clock.

import { normalizeSpace } from '../model/text';
import NAMES from './names.json';

/** The user's language. */
export type Locale = 'nl' | 'en';

/** A text in both languages. */
export interface Message {
  readonly nl: string;
  readonly en: string;
}

/** `en` for an English language tag (`en`, `en-US`, `en_GB.UTF-8`), `nl` for anything else. */
export function localeOf(tag: string | undefined | null): Locale {
  return typeof tag === 'string' && tag.toLowerCase().startsWith('en') ? 'en' : 'nl';
}

type HasLocale = Locale | { readonly locale: Locale };

function loc(l: HasLocale): Locale {
  return typeof l === 'string' ? l : l.locale;
}

/** Picks the Dutch or the English text. */
export function t(l: HasLocale, nl: string, en: string): string {
  return loc(l) === 'en' ? en : nl;
}

/** A message in the user's language. */
export function say(l: HasLocale, m: Message): string {
  return loc(l) === 'en' ? m.en : m.nl;
}

// ── Calendar words ──────────────────────────────────────────────────────────

export const MONTHS_NL = [
  'januari', 'februari', 'maart', 'april', 'mei', 'juni',
  'juli', 'augustus', 'september', 'oktober', 'november', 'december',
] as const;
export const MONTHS_EN = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
] as const;
/** Sunday first, as `Date.getUTCDay`. */
export const WEEKDAYS_NL = ['zondag', 'maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag'] as const;
export const WEEKDAYS_EN = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

/** Year, month and day of `YYYY-MM-DD`, or null for anything else. */
function partsOf(iso: string): [y: number, m: number, d: number] | null {
  if (typeof iso !== 'string' || iso.length !== 10 || iso[4] !== '-' || iso[7] !== '-') return null;
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  const d = Number(iso.slice(8, 10));
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d) || m < 1 || m > 12 || d < 1 || d > 31) return null;
  return [y, m, d];
}

/** `18 mei 2022` / `18 May 2022`; short: `18 mei 2022` → `18 mei 2022` with the month cut to three letters. Anything that is no ISO date comes back as given. */
export function formatDate(l: HasLocale, iso: string, short = false): string {
  const p = partsOf(iso);
  if (!p) return iso;
  const month = (loc(l) === 'en' ? MONTHS_EN : MONTHS_NL)[p[1] - 1];
  return `${p[2]} ${short ? month.slice(0, 3) : month} ${p[0]}`;
}

export function formatDateNl(iso: string): string {
  return formatDate('nl', iso);
}

export function formatDateEn(iso: string): string {
  return formatDate('en', iso);
}

/** The weekday's name of an ISO date: `woensdag` / `Wednesday`. */
export function weekdayName(l: HasLocale, iso: string): string {
  const p = partsOf(iso);
  if (!p) return '';
  const day = new Date(Date.UTC(p[0], p[1] - 1, p[2])).getUTCDay();
  return (loc(l) === 'en' ? WEEKDAYS_EN : WEEKDAYS_NL)[day];
}

/** `woensdag 29 juni 2022` / `Wednesday 29 June 2022`. */
export function longDate(l: HasLocale, iso: string): string {
  const name = weekdayName(l, iso);
  return name ? `${name} ${formatDate(l, iso)}` : iso;
}

/** All the ways a date may be searched for: `2022-05-19 19-05-2022 19-5-2022 19 mei may 2022` (lower case). */
export function dateSearchWords(iso: string): string {
  const p = partsOf(iso);
  if (!p) return '';
  const [y, m, d] = p;
  const mm = iso.slice(5, 7);
  const dd = iso.slice(8, 10);
  return `${iso} ${dd}-${mm}-${y} ${d}-${m}-${y} ${d} ${MONTHS_NL[m - 1]} ${MONTHS_EN[m - 1].toLowerCase()} ${y}`;
}

// ── Counts and terms ───────────────────────────────────────────────────────

/** `1 dag`, `3 dagen` / `1 day`, `3 days`. */
export function days(l: HasLocale, n: number): string {
  return n === 1 || n === -1 ? t(l, `${n} dag`, `${n} day`) : t(l, `${n} dagen`, `${n} days`);
}

/** `1 keer`, `3 keer` / `once`, `3 times`. */
export function times(l: HasLocale, n: number): string {
  return n === 1 ? t(l, '1 keer', 'once') : t(l, `${n} keer`, `${n} times`);
}

/** A term's length as a noun: `21` → `3 weken` / `3 weeks`, `10` → `10 dagen` / `10 days`, `7` → `1 week`. */
export function termLength(l: HasLocale, days: number): string {
  if (days > 0 && days % 7 === 0) {
    const w = days / 7;
    return w === 1 ? t(l, '1 week', '1 week') : t(l, `${w} weken`, `${w} weeks`);
  }
  return days === 1 ? t(l, '1 dag', '1 day') : t(l, `${days} dagen`, `${days} days`);
}

/** A term's length as an English adjective: `21` → `3-week`, `10` → `10-day`. */
export function termAdjective(days: number): string {
  return days > 0 && days % 7 === 0 ? `${days / 7}-week` : `${days}-day`;
}

/** The configured answer terms, in days. */
export interface TermDays {
  readonly regularDays: number;
  readonly extendedDays: number;
}

/** The name of a term: `Termijn van 3 weken` / `3-week term`; the extended one `Verlengde termijn van 6 weken` / `Extended 6-week term`. */
export function termLabel(l: HasLocale, kind: 'regular' | 'extended', terms: TermDays): string {
  const n = kind === 'regular' ? terms.regularDays : terms.extendedDays;
  return kind === 'regular'
    ? t(l, `Termijn van ${termLength('nl', n)}`, `${termAdjective(n)} term`)
    : t(l, `Verlengde termijn van ${termLength('nl', n)}`, `Extended ${termAdjective(n)} term`);
}

/** Where a term ends: `Einde termijn van 3 weken` / `End of the 3-week term`. */
export function termEndLabel(l: HasLocale, kind: 'regular' | 'extended', terms: TermDays): string {
  const n = kind === 'regular' ? terms.regularDays : terms.extendedDays;
  return kind === 'regular'
    ? t(l, `Einde termijn van ${termLength('nl', n)}`, `End of the ${termAdjective(n)} term`)
    : t(l, `Einde verlengde termijn van ${termLength('nl', n)}`, `End of the extended ${termAdjective(n)} term`);
}

// ── Lists, numbers, clipping ───────────────────────────────────────────────

/** `1, 2 en 3` / `1, 2 and 3`. */
export function joinList(l: HasLocale, items: readonly (string | number)[]): string {
  const s = items.map(String);
  if (s.length <= 1) return s.join('');
  return `${s.slice(0, -1).join(', ')} ${t(l, 'en', 'and')} ${s[s.length - 1]}`;
}

/** Distinct numbers in order, runs of three or more as ranges: `[1, 2, 3, 5, 7]` → `['1–3', '5', '7']`. */
export function compactNumbers(numbers: readonly number[]): string[] {
  const sorted = [...new Set(numbers)].sort((x, y) => x - y);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    if (j - i >= 2) parts.push(`${sorted[i]}–${sorted[j]}`);
    else for (let k = i; k <= j; k++) parts.push(String(sorted[k]));
    i = j + 1;
  }
  return parts;
}

/** White space collapsed and cut at a word boundary to at most `max` characters, with `…` where it was cut. */
export function clip(s: string, max: number): string {
  const flat = normalizeSpace(s);
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  let kept = space > max / 2 ? cut.slice(0, space) : cut;
  let end = kept.length;
  while (end > 0 && ' ,;:.'.includes(kept[end - 1])) end--;
  kept = kept.slice(0, end);
  return `${kept}…`;
}

export function capitalize(s: string): string {
  return s.length > 0 ? s[0].toUpperCase() + s.slice(1) : s;
}

/**
 * A person as a line shows them: `Podt (D66)`, `Hanke Bruins Slot (CDA),
 * minister van Binnenlandse Zaken`, `Bruins, Minister (Onderwijs, Cultuur en
 * Wetenschap)`. The party goes in parentheses, the role after a comma, so that
 * a role that has parentheses of its own never nests them.
 */
export function personLabel(name: string, party: string | null, role: string | null): string {
  const n = normalizeSpace(name);
  const r = role === null ? '' : normalizeSpace(role);
  const head = party ? `${n} (${normalizeSpace(party)})` : n;
  return r && r !== n ? `${head}, ${r}` : head;
}

// ── Questions and answers ─────────────────────────────────────────────────

/** `Vraag 4`, `Vraag 2 en 3` / `Question 4`, `Questions 2 and 3`. */
export function questionLabel(l: HasLocale, numbers: readonly number[]): string {
  if (numbers.length === 0) return t(l, 'Vraag', 'Question');
  return numbers.length > 1 ? t(l, `Vraag ${joinList('nl', numbers)}`, `Questions ${joinList('en', numbers)}`) : t(l, `Vraag ${numbers[0]}`, `Question ${numbers[0]}`);
}

/** `Antwoord 4`, `Antwoord 2 en 3` / `Answer 4`, `Answers 2 and 3`. */
export function answerLabel(l: HasLocale, numbers: readonly number[]): string {
  if (numbers.length === 0) return t(l, 'Antwoord', 'Answer');
  return numbers.length > 1 ? t(l, `Antwoord ${joinList('nl', numbers)}`, `Answers ${joinList('en', numbers)}`) : t(l, `Antwoord ${numbers[0]}`, `Answer ${numbers[0]}`);
}

// ── Names of kinds ────────────────────────────────────────────────────────

export type CitationKindName =
  | 'zaak' | 'document' | 'publication' | 'kamerstuk' | 'aanhangsel' | 'handelingen'
  | 'ecli' | 'staatsblad' | 'staatscourant' | 'law' | 'url';


/** The names of the kinds of things, in both languages, as data: `names.json`. */
type NameTable = 'citation' | 'state' | 'document' | 'event';

/** The name a table gives `key`, in the user's language; a key the table does not name comes back as given. */
function nameIn(l: HasLocale, table: NameTable, key: string): string {
  const m = (NAMES[table] as Readonly<Record<string, Message | undefined>>)[key];
  return m ? say(l, m) : key;
}

/** The short, plural-free name of a kind of citation: `wet` / `law`. Unknown kinds come back as given. */
export function citationKindName(l: HasLocale, kind: string): string {
  return nameIn(l, 'citation', kind);
}

export type SetStateName = 'answered' | 'late' | 'delayed' | 'overdue' | 'open';


/** Where a set stands, in words. */
export function stateLabel(l: HasLocale, state: SetStateName): string {
  return nameIn(l, 'state', state);
}

export type DocumentKindName = 'openkamer' | 'questions' | 'answer' | 'notice';


/** What a file of a set is, in words. */
export function documentKindLabel(l: HasLocale, kind: DocumentKindName): string {
  return nameIn(l, 'document', kind);
}

export type EventKindName = 'submitted' | 'term-regular' | 'term-extended' | 'notice' | 'letter' | 'debate' | 'ruling' | 'date' | 'answered';


/** The name of a kind of timeline event; the terms are named with their configured lengths. */
export function eventKindLabel(l: HasLocale, kind: EventKindName, terms: TermDays): string {
  if (kind === 'term-regular') return termLabel(l, 'regular', terms);
  if (kind === 'term-extended') return termLabel(l, 'extended', terms);
  return nameIn(l, 'event', kind);
}
