// Dutch dates: `19 mei 2022`, `dinsdag 24 mei 2022`, `24-05-2022`, `19 mei
// jongstleden`, `5 juni jl.`, `3 juni a.s.`, a bare `19 mei`, `18 en 25 mei
// 2022`. A precise grammar over the token stream, in two phases: candidates
// first (before the document's own dates are known), then resolution of the
// missing years and of years with too many digits (`20195`: a footnote
// marker glued to the year, or `20022`: a typo).

import { MONTHS_NL, WEEKDAYS_NL } from '../i18n/words';
import { dayNumber, daysBetween, isValidDate, parseIso, toIso, weekday } from './calendar';
import { Gap, keyword, keywordsOf, Tokens, TokenKind } from './tokens';
import { COMMA, DOT, EN_DASH, HYPHEN, SLASH, type Span } from './text';
import type { IsoDate } from './types';

/** Month by keyword id. */
const MONTH_BY_KW: number[] = [];
MONTHS_NL.forEach((name, i) => { MONTH_BY_KW[keyword(name)] = i + 1; });
/** Abbreviations count only when a `.` or a year follows them. */
const MONTH_ABBREVIATIONS: [string, number][] = [
  ['jan', 1], ['feb', 2], ['febr', 2], ['mrt', 3], ['apr', 4], ['jun', 6], ['jul', 7], ['aug', 8],
  ['sep', 9], ['sept', 9], ['okt', 10], ['nov', 11], ['dec', 12],
];
const ABBR_BY_KW: number[] = [];
for (const [name, month] of MONTH_ABBREVIATIONS) ABBR_BY_KW[keyword(name)] = month;
const WEEKDAY_BY_KW: number[] = [];
WEEKDAYS_NL.forEach((name, i) => { WEEKDAY_BY_KW[keyword(name)] = i; });

/** The keyword ids this grammar compares tokens with. */
const KW = keywordsOf(['en', 'of', 't', 'm', 'j', 'a', 'l', 's', 'jl', 'jongstleden', 'aanstaande'] as const);

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

function isNumber(tokens: Tokens, i: number, maxDigits: number): boolean {
  return i >= 0 && i < tokens.length && tokens.kind[i] === TokenKind.Number && tokens.end[i] - tokens.start[i] <= maxDigits;
}

function isPunct(tokens: Tokens, i: number, c: number): boolean {
  return i >= 0 && i < tokens.length && tokens.kind[i] === TokenKind.Punct && tokens.ch(i) === c;
}

interface MonthOf { readonly month: number; readonly glued: Relative; readonly abbreviation: boolean }
const FULL_MONTHS: MonthOf[] = MONTHS_NL.map((_, i) => ({ month: i + 1, glued: null, abbreviation: false }));
const ABBR_MONTHS: MonthOf[] = MONTHS_NL.map((_, i) => ({ month: i + 1, glued: null, abbreviation: true }));

/** Month from a word token, also when `jongstleden` or `aanstaande` is glued to it (`septemberjongstleden`). */
function monthOf(tokens: Tokens, i: number): MonthOf | null {
  const kw = tokens.kw[i];
  const full = MONTH_BY_KW[kw];
  if (full) return FULL_MONTHS[full - 1];
  const abbr = ABBR_BY_KW[kw];
  if (abbr) return ABBR_MONTHS[abbr - 1];
  if (tokens.len(i) > 8 || tokens.nonAscii(i)) {
    const lower = tokens.lower(i);
    if (lower.length > 8) {
      for (let m = 0; m < MONTHS_NL.length; m++) {
        const name = MONTHS_NL[m];
        if (!lower.startsWith(name)) continue;
        const rest = lower.slice(name.length);
        if (rest === 'jongstleden' || rest === 'jl') return { month: m + 1, glued: 'past', abbreviation: false };
        if (rest === 'aanstaande') return { month: m + 1, glued: 'future', abbreviation: false };
      }
    }
  }
  return null;
}

/** `jongstleden`, `jl.`, `j.l.`, `aanstaande`, `a.s.` after a date; returns the index past it. */
function relativeAfter(tokens: Tokens, i: number): { relative: Relative; next: number } {
  if (i >= tokens.length || tokens.gap[i] === Gap.None || tokens.kind[i] !== TokenKind.Word) return { relative: null, next: i };
  const kw = tokens.kw[i];
  if (kw === KW.jongstleden) return { relative: 'past', next: i + 1 };
  if (kw === KW.aanstaande) return { relative: 'future', next: i + 1 };
  if (kw === KW.jl) return { relative: 'past', next: isPunct(tokens, i + 1, DOT) ? i + 2 : i + 1 };
  if ((kw === KW.j || kw === KW.a) && isPunct(tokens, i + 1, DOT) && i + 2 < tokens.length && tokens.gap[i + 2] === Gap.None) {
    const second = i + 2;
    const want = kw === KW.j ? KW.l : KW.s;
    if (tokens.kind[second] === TokenKind.Word && tokens.kw[second] === want) {
      const next = isPunct(tokens, i + 3, DOT) && tokens.gap[i + 3] === Gap.None ? i + 4 : i + 3;
      return { relative: kw === KW.j ? 'past' : 'future', next };
    }
  }
  return { relative: null, next: i };
}

function weekdayBefore(tokens: Tokens, dayIndex: number): DateCandidate['weekday'] {
  let j = dayIndex - 1;
  if (isPunct(tokens, j, COMMA) && tokens.gap[dayIndex] !== Gap.None) j--;
  if (j < 0 || tokens.kind[j] !== TokenKind.Word) return null;
  const index = WEEKDAY_BY_KW[tokens.kw[j]];
  if (index === undefined) return null;
  return { name: tokens.text(j), span: { start: tokens.start[j], end: tokens.end[j] }, index };
}

/** A day number that may start a date: one or two digits, not glued to a word or number before it. */
function isDayToken(tokens: Tokens, i: number): boolean {
  if (!isNumber(tokens, i, 2)) return false;
  const v = tokens.num(i);
  if (v < 1 || v > 31) return false;
  if (tokens.gap[i] === Gap.None && i > 0) {
    const prevKind = tokens.kind[i - 1];
    const pc = tokens.ch(i - 1);
    if (prevKind !== TokenKind.Punct || pc === DOT || pc === COMMA || pc === SLASH || pc === HYPHEN) {
      // PDF text glues the day to the word before it (`van21 oktober 2021`, `vrijdag18 oktober`): a month name must follow.
      const next = i + 1;
      return prevKind === TokenKind.Word && next < tokens.length && tokens.gap[next] === Gap.Space && tokens.kind[next] === TokenKind.Word && monthOf(tokens, next) !== null;
    }
  }
  return true;
}

/**
 * Finds date candidates in the token stream. `skip[i] === 1` excludes tokens (URLs, headings
 * where no date may stand). Linear: every token is looked at a bounded number of times.
 */
export function findDateCandidates(tokens: Tokens, skip: Uint8Array): DateCandidate[] {
  const out: DateCandidate[] = [];
  // Every date starts at a number token: only those are visited.
  let resume = 0;
  for (const i of tokens.numberTokens()) {
    if (i < resume || skip[i] === 1) continue;
    if (!isDayToken(tokens, i)) continue;
    const numeric = numericDateAt(tokens, i);
    if (numeric) {
      out.push(numeric.candidate);
      resume = numeric.next;
      continue;
    }
    const named = namedDateAt(tokens, i, skip);
    if (named) {
      for (const c of named.candidates) out.push(c);
      resume = named.next;
    }
  }
  return out;
}

/** `24-05-2022` or `24/05/2022`, all glued. */
function numericDateAt(tokens: Tokens, i: number): { candidate: DateCandidate; next: number } | null {
  const n = tokens.length;
  const d = i;
  const s1 = i + 1;
  const m = i + 2;
  const s2 = i + 3;
  const y = i + 4;
  if (s1 >= n || tokens.kind[s1] !== TokenKind.Punct) return null;
  const sc = tokens.ch(s1);
  if ((sc !== HYPHEN && sc !== SLASH) || tokens.gap[s1] !== Gap.None) return null;
  if (!isNumber(tokens, m, 2) || tokens.gap[m] !== Gap.None) return null;
  if (s2 >= n || tokens.ch(s2) !== sc || tokens.gap[s2] !== Gap.None) return null;
  if (y >= n || tokens.kind[y] !== TokenKind.Number || tokens.len(y) !== 4 || tokens.gap[y] !== Gap.None) return null;
  const after = i + 5;
  if (after < n && tokens.gap[after] === Gap.None && (tokens.kind[after] !== TokenKind.Punct || tokens.ch(after) === HYPHEN || tokens.ch(after) === SLASH)) return null;
  const day = tokens.num(d);
  const month = tokens.num(m);
  const year = tokens.num(y);
  if (!isValidDate(year, month, day)) return null;
  return {
    candidate: {
      span: { start: tokens.start[d], end: tokens.end[y] }, day, month, year, yearSpan: { start: tokens.start[y], end: tokens.end[y] },
      longYear: null, relative: null, weekday: weekdayBefore(tokens, i),
    },
    next: i + 5,
  };
}

/** `19 mei 2022`, `19 mei jl.`, `19 mei`, `18 en 25 mei 2022`. */
function namedDateAt(
  tokens: Tokens,
  i: number,
  skip: Uint8Array,
): { candidates: DateCandidate[]; next: number } | null {
  const n = tokens.length;
  // Days joined by `en`, `,`, `-`, `t/m` before the month: `18 en 25 mei`.
  let days = [i];
  let j = i + 1;
  // The last day that a comma joins to the next, and whether `en`/`of` came after that comma.
  let commaBefore = -1;
  let conjoined = true;
  for (let guard = 0; guard < 4; guard++) {
    if (j >= n || skip[j] === 1) break;
    let k = j;
    const kw = tokens.kind[j] === TokenKind.Word ? tokens.kw[j] : 0;
    const pc = tokens.kind[j] === TokenKind.Punct ? tokens.ch(j) : -1;
    if (kw === KW.en || kw === KW.of || pc === COMMA || pc === HYPHEN || pc === EN_DASH) k = j + 1;
    else if (kw === KW.t && isPunct(tokens, j + 1, SLASH) && tokens.isKw(j + 2, KW.m) && tokens.kind[j + 2] === TokenKind.Word) k = j + 3;
    else break;
    const dayLike = isNumber(tokens, k, 2) && tokens.num(k) >= 1 && tokens.num(k) <= 31;
    // A glued range `24-26 maart` goes upwards.
    const gluedRange = dayLike && (pc === HYPHEN || pc === EN_DASH) && tokens.gap[j] === Gap.None && tokens.gap[k] === Gap.None && tokens.num(k) > tokens.num(days[days.length - 1]);
    if (!isDayToken(tokens, k) && !(dayLike && tokens.gap[k] !== Gap.None) && !gluedRange) break;
    if (pc === COMMA) {
      commaBefore = days.length;
      conjoined = false;
    } else if (kw === KW.en || kw === KW.of) {
      conjoined = true;
    }
    days.push(k);
    j = k + 1;
  }
  // A comma list of days ends in `en`/`of` (`24, 25 en 26 maart`); without one (`Schiedam 24, 26 maart`)
  // the numbers before the comma are something else, and the date starts after it.
  if (!conjoined) days = days.slice(commaBefore);
  const monthToken = j;
  if (monthToken >= n || tokens.kind[monthToken] !== TokenKind.Word || tokens.gap[monthToken] === Gap.None || skip[j] === 1) return null;
  const month = monthOf(tokens, monthToken);
  if (!month) return null;
  let k = j + 1;
  let end = tokens.end[monthToken];
  if (month.abbreviation && isPunct(tokens, k, DOT) && tokens.gap[k] === Gap.None) {
    end = tokens.end[k];
    k++;
  }
  let year: number | null = null;
  let yearSpan: Span | null = null;
  let longYear: DateCandidate['longYear'] = null;
  let relative: Relative = month.glued;
  const y = k;
  const hasY = y < n;
  const yLen = hasY ? tokens.len(y) : 0;
  // PDF text may glue the year to a full month name: `november2024`.
  const yearGapOk = hasY && (tokens.gap[y] !== Gap.None || (!month.abbreviation && yLen === 4));
  if (!relative && hasY && tokens.kind[y] === TokenKind.Number && yearGapOk && yLen >= 4 && yLen <= 7 && skip[k] !== 1) {
    const ys = tokens.start[y];
    year = tokens.numPrefix(y, 4);
    yearSpan = { start: ys, end: ys + 4 };
    if (yLen > 4) longYear = { text: tokens.text(y), span: { start: ys, end: tokens.end[y] } };
    end = ys + 4;
    k++;
  } else if (month.abbreviation && end === tokens.end[monthToken]) {
    return null; // `3 dec` without a dot or a year is too weak.
  }
  if (!relative && year === null) {
    const rel = relativeAfter(tokens, k);
    if (rel.relative) {
      relative = rel.relative;
      end = tokens.end[rel.next - 1];
      k = rel.next;
    }
  }
  const candidates: DateCandidate[] = [];
  for (let d = 0; d < days.length; d++) {
    const dayToken = days[d];
    const day = tokens.num(dayToken);
    const first = d === 0;
    const last = d === days.length - 1;
    const wd = first ? weekdayBefore(tokens, dayToken) : null;
    candidates.push({
      span: { start: wd ? wd.span.start : tokens.start[dayToken], end: last ? end : tokens.end[dayToken] },
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

/**
 * The year meant by a year written with one digit too many (`20022` → 2022),
 * nearest the document's year. Without a document year, only a year that is
 * the one reading counts: no guess between two.
 */
export function correctYear(written: string, documentYear: number | null): number | null {
  let best: number | null = null;
  if (documentYear === null) {
    for (let i = 0; i < written.length; i++) {
      const s = written.slice(0, i) + written.slice(i + 1);
      if (s.length !== 4 || s[0] === '0') continue;
      const y = +s;
      if (y < 1800 || y > 2200 || y === best) continue;
      if (best !== null) return null;
      best = y;
    }
    return best;
  }
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
  // A reference whose year is no plain number is compared as ISO strings throughout.
  const refDay = Number.isInteger(ref.y) ? dayNumber(reference) : null;
  let best: number | null = null;
  let bestDistance = Infinity;
  for (let k = -1; k <= 1; k++) {
    const y = ref.y + k;
    if (!isValidDate(y, month, day)) continue;
    // Years of one to four digits survive the ISO round trip: count the days directly.
    const diff = refDay !== null && y >= 0 && y <= 9999 ? Math.floor(Date.UTC(y, month - 1, day) / 86400000) - refDay : daysBetween(reference, toIso(y, month, day));
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
