// Dutch dates: `19 mei 2022`, `dinsdag 24 mei 2022`, `24-05-2022`, `19 mei
// jongstleden`, `5 juni jl.`, `3 juni a.s.`, a bare `19 mei`, `18 en 25 mei
// 2022`. A precise grammar over the token stream, in two phases: candidates
// first (before the document's own dates are known), then resolution of the
// missing years and of years with too many digits (`20195`: a footnote
// marker glued to the year, or `20022`: a typo).

import { daysBetween, isValidDate, MONTHS_NL, parseIso, toIso, weekday, WEEKDAYS_NL } from './calendar';
import { Gap, Token, TokenKind } from './tokens';
import type { Span } from './text';
import type { IsoDate } from './types';

const MONTH_BY_NAME = new Map<string, number>();
MONTHS_NL.forEach((name, i) => MONTH_BY_NAME.set(name, i + 1));
/** Abbreviations count only when a `.` or a year follows them. */
const MONTH_ABBREVIATIONS = new Map<string, number>([
  ['jan', 1], ['feb', 2], ['febr', 2], ['mrt', 3], ['apr', 4], ['jun', 6], ['jul', 7], ['aug', 8],
  ['sep', 9], ['sept', 9], ['okt', 10], ['nov', 11], ['dec', 12],
]);
const WEEKDAY_BY_NAME = new Map<string, number>();
WEEKDAYS_NL.forEach((name, i) => WEEKDAY_BY_NAME.set(name, i));

export type Relative = 'past' | 'future' | null;

export interface DateCandidate {
  /** Span of the date as written, weekday and relative word included, a glued marker excluded. */
  readonly span: Span;
  readonly day: number;
  readonly month: number;
  /** The year when written with four digits (or the first four of a longer run), else null. */
  readonly year: number | null;
  readonly yearSpan: Span | null;
  /** All digits of the year as written, when there are more than four. */
  readonly longYear: { readonly text: string; readonly span: Span } | null;
  readonly relative: Relative;
  readonly weekday: { readonly name: string; readonly span: Span; readonly index: number } | null;
}

function isNumber(t: Token | undefined, maxDigits: number): t is Token {
  return t !== undefined && t.kind === TokenKind.Number && t.text.length <= maxDigits;
}

function isPunct(t: Token | undefined, text: string): boolean {
  return t !== undefined && t.kind === TokenKind.Punct && t.text === text;
}

function isWord(t: Token | undefined, lower: string): boolean {
  return t !== undefined && t.kind === TokenKind.Word && t.lower === lower;
}

/** Month from a word token, also when `jongstleden` or `aanstaande` is glued to it (`septemberjongstleden`). */
function monthOf(t: Token): { month: number; glued: Relative; abbreviation: boolean } | null {
  const full = MONTH_BY_NAME.get(t.lower);
  if (full) return { month: full, glued: null, abbreviation: false };
  const abbr = MONTH_ABBREVIATIONS.get(t.lower);
  if (abbr) return { month: abbr, glued: null, abbreviation: true };
  if (t.lower.length > 8) {
    for (const [name, month] of MONTH_BY_NAME) {
      if (!t.lower.startsWith(name)) continue;
      const rest = t.lower.slice(name.length);
      if (rest === 'jongstleden' || rest === 'jl') return { month, glued: 'past', abbreviation: false };
      if (rest === 'aanstaande') return { month, glued: 'future', abbreviation: false };
    }
  }
  return null;
}

/** `jongstleden`, `jl.`, `j.l.`, `aanstaande`, `a.s.` after a date; returns the index past it. */
function relativeAfter(tokens: readonly Token[], i: number): { relative: Relative; next: number } {
  const t = tokens[i];
  if (!t || t.gap === Gap.None || t.kind !== TokenKind.Word) return { relative: null, next: i };
  if (t.lower === 'jongstleden') return { relative: 'past', next: i + 1 };
  if (t.lower === 'aanstaande') return { relative: 'future', next: i + 1 };
  if (t.lower === 'jl') return { relative: 'past', next: isPunct(tokens[i + 1], '.') ? i + 2 : i + 1 };
  if ((t.lower === 'j' || t.lower === 'a') && isPunct(tokens[i + 1], '.') && tokens[i + 2]?.gap === Gap.None) {
    const second = tokens[i + 2];
    const want = t.lower === 'j' ? 'l' : 's';
    if (second.kind === TokenKind.Word && second.lower === want) {
      const next = isPunct(tokens[i + 3], '.') && tokens[i + 3].gap === Gap.None ? i + 4 : i + 3;
      return { relative: t.lower === 'j' ? 'past' : 'future', next };
    }
  }
  return { relative: null, next: i };
}

function weekdayBefore(tokens: readonly Token[], dayIndex: number): DateCandidate['weekday'] {
  let j = dayIndex - 1;
  if (isPunct(tokens[j], ',') && tokens[dayIndex].gap !== Gap.None) j--;
  const t = tokens[j];
  if (!t || t.kind !== TokenKind.Word) return null;
  const index = WEEKDAY_BY_NAME.get(t.lower);
  if (index === undefined) return null;
  return { name: t.text, span: { start: t.start, end: t.end }, index };
}

/** A day number that may start a date: one or two digits, not glued to a word or number before it. */
function isDayToken(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i];
  if (!isNumber(t, 2)) return false;
  const v = +t.text;
  if (v < 1 || v > 31) return false;
  const prev = tokens[i - 1];
  if (t.gap === Gap.None && prev && (prev.kind !== TokenKind.Punct || prev.text === '.' || prev.text === ',' || prev.text === '/' || prev.text === '-')) {
    // PDF text glues the day to the word before it (`van21 oktober 2021`, `vrijdag18 oktober`): a month name must follow.
    const next = tokens[i + 1];
    return prev.kind === TokenKind.Word && next !== undefined && next.gap === Gap.Space && next.kind === TokenKind.Word && monthOf(next) !== null;
  }
  return true;
}

/**
 * Finds date candidates in the token stream. `skip(i)` excludes tokens (URLs, headings
 * where no date may stand). Linear: every token is looked at a bounded number of times.
 */
export function findDateCandidates(tokens: readonly Token[], skip: (i: number) => boolean): DateCandidate[] {
  const out: DateCandidate[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (skip(i)) continue;
    if (!isDayToken(tokens, i)) continue;
    const numeric = numericDateAt(tokens, i);
    if (numeric) {
      out.push(numeric.candidate);
      i = numeric.next - 1;
      continue;
    }
    const named = namedDateAt(tokens, i, skip);
    if (named) {
      out.push(...named.candidates);
      i = named.next - 1;
    }
  }
  return out;
}

/** `24-05-2022` or `24/05/2022`, all glued. */
function numericDateAt(tokens: readonly Token[], i: number): { candidate: DateCandidate; next: number } | null {
  const d = tokens[i];
  const s1 = tokens[i + 1];
  const m = tokens[i + 2];
  const s2 = tokens[i + 3];
  const y = tokens[i + 4];
  if (!s1 || s1.kind !== TokenKind.Punct || (s1.text !== '-' && s1.text !== '/') || s1.gap !== Gap.None) return null;
  if (!isNumber(m, 2) || m.gap !== Gap.None) return null;
  if (!s2 || s2.text !== s1.text || s2.gap !== Gap.None) return null;
  if (!y || y.kind !== TokenKind.Number || y.text.length !== 4 || y.gap !== Gap.None) return null;
  const after = tokens[i + 5];
  if (after && after.gap === Gap.None && (after.kind !== TokenKind.Punct || after.text === '-' || after.text === '/')) return null;
  const day = +d.text;
  const month = +m.text;
  const year = +y.text;
  if (!isValidDate(year, month, day)) return null;
  return {
    candidate: {
      span: { start: d.start, end: y.end }, day, month, year, yearSpan: { start: y.start, end: y.end },
      longYear: null, relative: null, weekday: weekdayBefore(tokens, i),
    },
    next: i + 5,
  };
}

/** `19 mei 2022`, `19 mei jl.`, `19 mei`, `18 en 25 mei 2022`. */
function namedDateAt(
  tokens: readonly Token[],
  i: number,
  skip: (i: number) => boolean,
): { candidates: DateCandidate[]; next: number } | null {
  // Days joined by `en`, `,`, `-`, `t/m` before the month: `18 en 25 mei`.
  const days = [i];
  let j = i + 1;
  for (let guard = 0; guard < 4; guard++) {
    const sep = tokens[j];
    if (!sep || skip(j)) break;
    let k = j;
    if (isWord(sep, 'en') || isWord(sep, 'of') || isPunct(sep, ',') || isPunct(sep, '-') || isPunct(sep, '–')) k = j + 1;
    else if (isWord(sep, 't') && isPunct(tokens[j + 1], '/') && isWord(tokens[j + 2], 'm')) k = j + 3;
    else break;
    if (!isDayToken(tokens, k) && !(isNumber(tokens[k], 2) && tokens[k].gap !== Gap.None && +tokens[k].text >= 1 && +tokens[k].text <= 31)) break;
    days.push(k);
    j = k + 1;
  }
  const monthToken = tokens[j];
  if (!monthToken || monthToken.kind !== TokenKind.Word || monthToken.gap === Gap.None || skip(j)) return null;
  const month = monthOf(monthToken);
  if (!month) return null;
  let k = j + 1;
  let end = monthToken.end;
  if (month.abbreviation && isPunct(tokens[k], '.') && tokens[k].gap === Gap.None) {
    end = tokens[k].end;
    k++;
  }
  let year: number | null = null;
  let yearSpan: Span | null = null;
  let longYear: DateCandidate['longYear'] = null;
  let relative: Relative = month.glued;
  const y = tokens[k];
  // PDF text may glue the year to a full month name: `november2024`.
  const yearGapOk = y !== undefined && (y.gap !== Gap.None || (!month.abbreviation && y.text.length === 4));
  if (!relative && y && y.kind === TokenKind.Number && yearGapOk && y.text.length >= 4 && y.text.length <= 7 && !skip(k)) {
    year = +y.text.slice(0, 4);
    yearSpan = { start: y.start, end: y.start + 4 };
    if (y.text.length > 4) longYear = { text: y.text, span: { start: y.start, end: y.end } };
    end = y.start + 4;
    k++;
  } else if (month.abbreviation && end === monthToken.end) {
    return null; // `3 dec` without a dot or a year is too weak.
  }
  if (!relative && year === null) {
    const rel = relativeAfter(tokens, k);
    if (rel.relative) {
      relative = rel.relative;
      end = tokens[rel.next - 1].end;
      k = rel.next;
    }
  }
  const candidates: DateCandidate[] = [];
  for (let n = 0; n < days.length; n++) {
    const dayToken = tokens[days[n]];
    const day = +dayToken.text;
    const first = n === 0;
    const last = n === days.length - 1;
    const wd = first ? weekdayBefore(tokens, days[n]) : null;
    candidates.push({
      span: { start: wd ? wd.span.start : dayToken.start, end: last ? end : dayToken.end },
      day,
      month: month.month,
      year,
      yearSpan: last ? yearSpan : null,
      longYear: last ? longYear : null,
      relative,
      weekday: wd,
    });
  }
  return { candidates, next: k };
}

/** The year meant by a year written with one digit too many (`20022` → 2022), nearest the document's year. */
export function correctYear(written: string, documentYear: number): number | null {
  let best: number | null = null;
  for (let i = 0; i < written.length; i++) {
    const s = written.slice(0, i) + written.slice(i + 1);
    if (s.length !== 4 || s[0] === '0') continue;
    const y = +s;
    if (y < 1800 || y > 2200) continue;
    if (best === null || Math.abs(y - documentYear) < Math.abs(best - documentYear)) best = y;
  }
  return best;
}

/** The occurrence of day-month nearest to `reference`, or the last one before it (`past`) or the next one after (`future`). */
export function inferYear(day: number, month: number, relative: Relative, reference: IsoDate): number | null {
  const ref = parseIso(reference);
  const years = [ref.y - 1, ref.y, ref.y + 1].filter((y) => isValidDate(y, month, day));
  let best: number | null = null;
  let bestDistance = Infinity;
  for (const y of years) {
    const diff = daysBetween(reference, toIso(y, month, day));
    if (relative === 'past' && diff > 0) continue;
    if (relative === 'future' && diff < 0) continue;
    const distance = Math.abs(diff);
    if (distance < bestDistance) {
      best = y;
      bestDistance = distance;
    }
  }
  return best;
}

export function weekdayMatches(iso: IsoDate, index: number): boolean {
  return weekday(iso) === index;
}
