// Dutch dates: `19 mei 2022`, `dinsdag 24 mei 2022`, `24-05-2022`, `19 mei
// jongstleden`, `5 juni jl.`, `3 juni a.s.`, a bare `19 mei`, `18 en 25 mei
// 2022`. A precise grammar over the token stream, in two phases: candidates
// first (before the document's own dates are known), then resolution of the
// missing years and of years with too many digits (`20195`: a footnote
// marker glued to the year, or `20022`: a typo).

import { MONTHS_NL, WEEKDAYS_NL } from '../i18n/words';
import { dayNumber, daysBetween, isValidDate, parseIso, toIso, weekday } from './calendar';
import { endsSentence, Gap, keyword, keywordsOf, KeywordSet, MemoSlot, type TokenEdit, Tokens, TokenKind } from './tokens';
import { COLON, COMMA, DOT, EN_DASH, HYPHEN, movedSpan, partitionPoint, SLASH, type Span } from './text';
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
const KW = keywordsOf([
  'en', 'of', 't', 'm', 'j', 'a', 'l', 's', 'jl', 'jongstleden', 'aanstaande', 'in', 'het', 'jaar', 'tot',
  'op', 'per', 'sinds', 'd', 'dd', 'gedateerd', 'van',
] as const);
/**
 * Words after which a table's year line is the tail of a wrapped sentence, not a column
 * heading: `… in het vergaderjaar 2022–` / `2023`, `… sinds` / `2019`.
 */
const YEAR_LINE_CONTINUES = new KeywordSet([
  'in', 'van', 'per', 'sinds', 'sedert', 'tot', 'vanaf', 'voor', 'na', 'en', 'of', 'jaar', 'vergaderjaar',
  'begrotingsjaar', 'kalenderjaar', 'zitting', 'begin', 'eind', 'einde', 'medio', 'het', 'de', 'om', 'tussen',
]);

export type Relative = 'past' | 'future' | null;

export interface DateCandidate {
  /** Span of the date as written, weekday and relative word included, a glued marker excluded. */
  readonly span: Span;
  readonly day: number;
  readonly month: number;
  /** The year when written with four digits (or the first four of a longer run), else null. */
  readonly year: number | null;
  /**
   * Where the year is written, [yearStart, yearEnd) (-1, -1: not in this candidate; a list of days
   * has it in its last). Two numbers, not a span: a large set has tens of thousands of dates.
   */
  readonly yearStart: number;
  readonly yearEnd: number;
  /** All digits of the year as written, when there are more than four. */
  readonly longYear: { readonly text: string; readonly span: Span } | null;
  readonly relative: Relative;
  readonly weekday: { readonly name: string; readonly span: Span; readonly index: number } | null;
  /**
   * A year read from digits the OCR split (`4 juli 1 990`): believed only near the document's
   * year, else the date is read without it and ends at `yearlessEnd`.
   */
  readonly splitYear: { readonly yearlessEnd: number } | null;
  /** The day was read from two digits the OCR split (`2 8 april`). */
  readonly splitDay?: boolean;
  /**
   * The year that the text around gives a date written without one: a bare year earlier in its
   * sentence (`In 2021 is op 2 maart …`), or a table's year heading (`2023` / `12 maart` / `3 april`).
   */
  contextYear: number | null;
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
      // PDF text and OCR glue the day to the word before it (`van21 oktober 2021`, `vrijdag18 oktober`,
      // `per31 december 1993`, `Ingezonden3maart 1981`): a month name must follow, a full one if glued too.
      const next = i + 1;
      if (prevKind !== TokenKind.Word || next >= tokens.length || tokens.kind[next] !== TokenKind.Word) return false;
      const month = monthOf(tokens, next);
      return month !== null && (tokens.gap[next] === Gap.Space || (tokens.gap[next] === Gap.None && !month.abbreviation));
    }
  }
  return true;
}

/** What the date grammar found in a text, kept with its token stream for the next version of the text (see `TokenEdit`). */
interface DateMemo {
  readonly serial: number;
  readonly found: Found;
}

/** The candidates in order, each with its day token and the number token whose attempt found it; the bare years; the attempts that found something. */
interface Found {
  readonly candidates: DateCandidate[];
  readonly dayTokens: number[];
  /** Per candidate: the token at which the attempt that found it started. */
  readonly attempts: number[];
  /** Per candidate: the token at which the scan went on after that attempt. */
  readonly resumes: number[];
  readonly years: number[];
}

/** How often the candidates were found by reusing those of the text before, and wholly. For tests and the benchmark. */
export const dateStats = { full: 0, incremental: 0 };

/**
 * How many tokens an attempt at a number token reads before it (a weekday and its comma, `d.d.`, a
 * word split by a hyphen: at most four) and after it (up to four more days joined by `en`, `,`, `t/m`,
 * the month, its dot, a year of one or two tokens, `j.l.`, a table's next day and month: under thirty),
 * with room to spare.
 */
const READS_BEFORE = 8;
const READS_AFTER = 48;

/**
 * Finds date candidates in the token stream. `skip[i] === 1` excludes tokens (URLs, headings
 * where no date may stand). Linear: every token is looked at a bounded number of times.
 *
 * When `tokens` was made by editing the stream of the text read last, only the number tokens
 * around the edit are tried again (see `rescan`); the result is the same.
 */
export function findDateCandidates(tokens: Tokens, skip: Uint8Array): DateCandidate[] {
  const before = tokens.memoBefore<DateMemo>(MemoSlot.Dates);
  let found = before !== null ? rescan(tokens, skip, before.memo.found, before.edit) : null;
  if (found === null) {
    dateStats.full++;
    found = { candidates: [], dayTokens: [], attempts: [], resumes: [], years: [] };
    scanNumbers(tokens, skip, 0, 0, found, -1, null);
  } else dateStats.incremental++;
  const next: DateMemo = { serial: tokens.serial, found };
  tokens.memos[MemoSlot.Dates] = next;
  const { candidates, dayTokens, years } = found;
  if (years.length > 0) {
    sentenceYears(tokens, candidates, dayTokens, years);
    tableYears(tokens, candidates, dayTokens);
  }
  return candidates;
}

/**
 * Tries a date at every number token from the `from`-th on (with the scan going on at token
 * `resume`) and adds what it finds to `out`; stops at the number token `i` (from `askFrom` on)
 * for which `stop(i, resume)` says the rest is known, or at the end.
 */
function scanNumbers(
  tokens: Tokens, skip: Uint8Array, from: number, resume: number, out: Found, askFrom: number, stop: ((i: number, resume: number) => boolean) | null,
): void {
  const numbers = tokens.numbers.tokens();
  const { candidates, dayTokens, attempts, resumes, years } = out;
  for (let x = from; x < numbers.length; x++) {
    const i = numbers[x];
    if (stop !== null && i >= askFrom && stop(i, resume)) return;
    if (i < resume || skip[i] === 1) continue;
    if (tokens.len(i) === 4) {
      years.push(i);
      continue;
    }
    if (!isDayToken(tokens, i)) continue;
    const numeric = numericDateAt(tokens, i);
    if (numeric) {
      resume = numeric.next;
      candidates.push(numeric.candidate);
      dayTokens.push(i);
      attempts.push(i);
      resumes.push(resume);
      continue;
    }
    let next = splitDayAt(tokens, i) ? namedDateAt(tokens, i, skip, true, out) : -1;
    if (next < 0) next = namedDateAt(tokens, i, skip, false, out);
    if (next >= 0) resume = next;
  }
}

/**
 * The candidates of the new text from those of the text before and the edit between them. An
 * attempt at a number token reads from READS_BEFORE tokens before it to READS_AFTER after it, and
 * the tokens before the edit's first token are the same (so are their `skip` marks: those are
 * decided line by line): what the attempts more than READS_AFTER tokens before the edit found stays.
 * The scan goes on from there until a number token past the changed lines, READS_BEFORE tokens
 * past them, at which both scans are free (no attempt before it reaches over it): from there both
 * read the same tokens, and the old results move.
 */
function rescan(tokens: Tokens, skip: Uint8Array, old: Found, edit: TokenEdit): Found | null {
  const restart = edit.firstToken - READS_AFTER;
  const shift = edit.newEndToken - edit.oldEndToken;
  const d = edit.charDelta;
  // The candidates of attempts before the restart stay (attempts are in order).
  const keep = partitionPoint(old.attempts.length, (c) => old.attempts[c] < restart);
  const out: Found = {
    candidates: old.candidates.slice(0, keep),
    dayTokens: old.dayTokens.slice(0, keep),
    attempts: old.attempts.slice(0, keep),
    resumes: old.resumes.slice(0, keep),
    years: old.years.slice(0, partitionPoint(old.years.length, (y) => old.years[y] < restart)),
  };
  // The years that the passes after the scan gave them are given again.
  for (let c = 0; c < keep; c++) if (out.candidates[c].contextYear !== null) out.candidates[c] = { ...out.candidates[c], contextYear: null };
  const resume = keep > 0 ? old.resumes[keep - 1] : 0;
  const numbers = tokens.numbers.tokens();
  const from = partitionPoint(numbers.length, (x) => numbers[x] < Math.max(0, restart));
  // The old results from which the rest moves (-1: the scan ran to the end).
  let restFrom = -1;
  let yearsFrom = -1;
  const stop = (i: number, newResume: number): boolean => {
    if (newResume > i) return false;
    const oldI = i - shift;
    // The old scan was free at the same token: its last attempt before it went on at or before it.
    const last = partitionPoint(old.attempts.length, (c) => old.attempts[c] < oldI);
    if (last > 0 && old.resumes[last - 1] > oldI) return false;
    restFrom = last;
    yearsFrom = partitionPoint(old.years.length, (y) => old.years[y] < oldI);
    return true;
  };
  scanNumbers(tokens, skip, from, resume, out, edit.newEndToken + READS_BEFORE, stop);
  if (restFrom >= 0) {
    for (let c = restFrom; c < old.candidates.length; c++) {
      out.candidates.push(moved(old.candidates[c], d));
      out.dayTokens.push(old.dayTokens[c] + shift);
      out.attempts.push(old.attempts[c] + shift);
      out.resumes.push(old.resumes[c] + shift);
    }
    for (let y = yearsFrom; y < old.years.length; y++) out.years.push(old.years[y] + shift);
  }
  return out;
}

/** A candidate of the old text after the edit, in the new text: every offset moves by `d`. */
function moved(c: DateCandidate, d: number): DateCandidate {
  const span = movedSpan(c.span, d);
  const yearStart = c.yearStart >= 0 ? c.yearStart + d : -1;
  const yearEnd = c.yearStart >= 0 ? c.yearEnd + d : -1;
  const longYear = c.longYear ? { text: c.longYear.text, span: movedSpan(c.longYear.span, d) } : null;
  const weekday = c.weekday ? { name: c.weekday.name, span: movedSpan(c.weekday.span, d), index: c.weekday.index } : null;
  const splitYear = c.splitYear ? { yearlessEnd: c.splitYear.yearlessEnd + d } : null;
  // The fields in the order the grammar writes them (a named date has `splitDay`, a numeric one not).
  return c.splitDay === undefined
    ? { span, day: c.day, month: c.month, year: c.year, yearStart, yearEnd, longYear, relative: c.relative, weekday, splitYear, contextYear: null }
    : { span, day: c.day, month: c.month, year: c.year, yearStart, yearEnd, longYear, relative: c.relative, weekday, splitYear, splitDay: c.splitDay, contextYear: null };
}

/** A plausible year of a bare four-digit number. */
function isYearValue(v: number): boolean {
  return v >= 1900 && v <= 2100;
}

/** `en`, `of`, `tot`, `t/m`, `,`, `-`, `–`, `/`: a word or sign that joins two years into a list or range. */
function joinsYears(tokens: Tokens, i: number): number {
  if (i < 0 || i >= tokens.length) return -1;
  if (tokens.kind[i] === TokenKind.Word) {
    const kw = tokens.kw[i];
    if (kw === KW.en || kw === KW.of || kw === KW.tot) return i + 1;
    if (kw === KW.t && isPunct(tokens, i + 1, SLASH) && tokens.isKw(i + 2, KW.m)) return i + 3;
    return -1;
  }
  const c = tokens.ch(i);
  return c === COMMA || c === HYPHEN || c === EN_DASH || c === SLASH ? i + 1 : -1;
}

/** Past `in`, `in het jaar`, `het jaar` before a year in a list: `in 2021 en in 2022`. */
function skipYearIntro(tokens: Tokens, i: number): number {
  if (tokens.isKw(i, KW.in)) i++;
  if (tokens.isKw(i, KW.het) && tokens.isKw(i + 1, KW.jaar)) i += 2;
  return i;
}

/**
 * The year that `in 2021` or `in het jaar 2021` states for the rest of its sentence, or 0 for
 * a year that is no such statement. A year in a list or range (`in 2021 en 2022`, `in 2021-2022`,
 * `in 2020 en in 2021`) states none: its dates could be of either year. `Sinds 2020`, `vanaf 2020`,
 * `tot 2025` name a period, not the year of what follows.
 */
function statedYear(tokens: Tokens, y: number): number {
  const value = tokens.num(y);
  if (!isYearValue(value) || tokens.gap[y] === Gap.None) return 0;
  let p = y - 1;
  if (tokens.isKw(p, KW.jaar) && tokens.isKw(p - 1, KW.het)) p -= 2;
  if (!tokens.isKw(p, KW.in) || tokens.kind[p] !== TokenKind.Word) return 0;
  // Glued to what follows: `2021-2022`, `2021/22`, `2021D42030`; `2021,` and `2021.` are fine.
  const a = y + 1;
  if (a < tokens.length && tokens.gap[a] === Gap.None) {
    const c = tokens.ch(a);
    if (tokens.kind[a] !== TokenKind.Punct || c === HYPHEN || c === EN_DASH || c === SLASH) return 0;
  }
  const after = joinsYears(tokens, a);
  if (after >= 0) {
    const next = skipYearIntro(tokens, after);
    if (isNumber(tokens, next, 4)) return 0;
  }
  // The second year of a list: `in 2020 en in 2021`.
  const before = p - 1;
  if (joinsYears(tokens, before) >= 0 && isNumber(tokens, before - 1, 4)) return 0;
  if (before - 3 >= 0 && tokens.isKw(before - 2, KW.t) && tokens.ch(before - 1) === SLASH && isNumber(tokens, before - 3, 4)) return 0;
  return value;
}

/**
 * `In 2021 is op 2 maart en op 9 april …`: a date without a year takes the year that a bare
 * year stated earlier in its sentence. Another year in between (a dated date of another year, a
 * bare year in a list or an amount) ends the statement. A pointer over the tokens between a
 * statement and the dates after it finds the sentence ends; it only moves forward: linear.
 */
function sentenceYears(tokens: Tokens, out: DateCandidate[], dayTokens: readonly number[], years: readonly number[]): void {
  let stated = 0;
  let from = -1;
  let scanned = 0;
  /** Whether a sentence ends (or a blank line falls) between the stated year and token `to`. */
  const sentenceEnds = (to: number): boolean => {
    for (let k = Math.max(scanned, from + 1); k < to; k++) {
      scanned = k + 1;
      if (tokens.kind[k] === TokenKind.Punct && endsSentence(tokens, k)) return true;
      if (tokens.line[k + 1] - tokens.line[k] > 1) return true;
    }
    return false;
  };
  let c = 0;
  for (let yi = 0; yi <= years.length; yi++) {
    const y = yi < years.length ? years[yi] : tokens.length;
    for (; c < out.length && dayTokens[c] < y; c++) {
      if (stated === 0) continue;
      if (sentenceEnds(dayTokens[c])) {
        stated = 0;
        continue;
      }
      const cand = out[c];
      if (cand.year !== null) {
        if (cand.year !== stated) stated = 0;
      } else if (cand.relative === null && isValidDate(stated, cand.month, cand.day)) {
        cand.contextYear = stated;
      }
    }
    if (yi === years.length) break;
    if (stated !== 0 && sentenceEnds(y)) stated = 0;
    const value = statedYear(tokens, y);
    if (value !== 0) {
      stated = value;
      from = y;
      scanned = y + 1;
    } else if (isYearValue(tokens.num(y))) {
      stated = 0;
    }
  }
}

/** The year of a line that holds only a year (`2023`, `2023:`) and is no wrapped sentence's tail; 0 otherwise. */
function yearLineBefore(tokens: Tokens, first: number): number {
  let y = first - 1;
  if (isPunct(tokens, y, COLON) && tokens.gap[y] === Gap.None) y--;
  if (!isNumber(tokens, y, 4) || tokens.len(y) !== 4) return 0;
  if (tokens.line[y] !== tokens.line[first] - 1 || (y > 0 && tokens.gap[y] !== Gap.Line)) return 0;
  const value = tokens.num(y);
  if (!isYearValue(value)) return 0;
  const p = y - 1;
  if (p >= 0) {
    const c = tokens.ch(p);
    if (c === HYPHEN || c === EN_DASH || c === SLASH || c === COMMA) return 0;
    if (tokens.kind[p] === TokenKind.Word && YEAR_LINE_CONTINUES.has(tokens.kw[p])) return 0;
  }
  return value;
}

/**
 * A table's year heading gives its cells their year: a line that is only a year, with the lines
 * right below it each starting with a day and month (`2023` / `12 maart` / `3 april overleg`);
 * or a row that starts with a year followed by its dates (`2023 12 maart 3 april`). The run ends
 * at the first line that starts otherwise, a blank line, or a date with a year of its own.
 */
function tableYears(tokens: Tokens, out: DateCandidate[], dayTokens: readonly number[]): void {
  let runYear = 0;
  let runLine = -1;
  /** Whether the run is a column under a year line (it goes on down), not a row headed by its year. */
  let column = false;
  for (let c = 0; c < out.length; c++) {
    const cand = out[c];
    const day = dayTokens[c];
    const lead = cand.weekday ? tokens.at(cand.weekday.span.start) : day;
    const line = tokens.line[lead];
    const lineStart = lead === 0 || tokens.gap[lead] === Gap.Line;
    if (lineStart) {
      if (column && runYear !== 0 && line === runLine + 1) {
        runLine = line;
      } else {
        runYear = yearLineBefore(tokens, lead);
        runLine = runYear !== 0 ? line : -1;
        column = true;
      }
    } else if (line !== runLine) {
      column = false;
      // A row headed by its year: `2023 12 maart 3 april`.
      const y = lead - 1;
      const rowHead = isNumber(tokens, y, 4) && tokens.len(y) === 4 && tokens.line[y] === line && (y === 0 || tokens.gap[y] === Gap.Line) &&
        tokens.gap[lead] === Gap.Space && isYearValue(tokens.num(y));
      runYear = rowHead ? tokens.num(y) : 0;
      runLine = rowHead ? line : -1;
    }
    if (runYear === 0 || line !== runLine) continue;
    if (cand.year !== null) {
      if (cand.year !== runYear) runYear = 0;
    } else if (cand.relative === null && cand.contextYear === null && isValidDate(runYear, cand.month, cand.day)) {
      cand.contextYear = runYear;
    }
  }
}

/** `24-05-2022` or `24/05/2022`, all glued; and `14-6 1984`, the year after a space. */
function numericDateAt(tokens: Tokens, i: number): { candidate: DateCandidate; next: number } | null {
  const n = tokens.length;
  const d = i;
  const s1 = i + 1;
  const m = i + 2;
  const s2 = i + 3;
  let y = i + 4;
  if (s1 >= n || tokens.kind[s1] !== TokenKind.Punct) return null;
  const sc = tokens.ch(s1);
  if ((sc !== HYPHEN && sc !== SLASH) || tokens.gap[s1] !== Gap.None) return null;
  if (!isNumber(tokens, m, 2) || tokens.gap[m] !== Gap.None) return null;
  if (s2 < n && tokens.ch(s2) === sc && tokens.gap[s2] === Gap.None) {
    if (y >= n || tokens.kind[y] !== TokenKind.Number || tokens.len(y) !== 4 || tokens.gap[y] !== Gap.None) return null;
  } else {
    // OCR and typists write `14-6 1984`: day and month glued, the year after a space on the same line.
    y = s2;
    if (y >= n || tokens.kind[y] !== TokenKind.Number || tokens.len(y) !== 4 || tokens.gap[y] !== Gap.Space || tokens.line[y] !== tokens.line[m]) return null;
    // Not the middle of a longer run of numbers: `1-2 2023 4`, `3/4 1984/85`.
    if (tokens.gap[d] === Gap.None && d > 0) return null;
  }
  const after = y + 1;
  if (after < n && tokens.gap[after] === Gap.None && (tokens.kind[after] !== TokenKind.Punct || tokens.ch(after) === HYPHEN || tokens.ch(after) === SLASH)) return null;
  const day = tokens.num(d);
  const month = tokens.num(m);
  const year = tokens.num(y);
  if (!isValidDate(year, month, day)) return null;
  // With a space before it the year must be plausible: `06-12 3456` is a telephone number, no date to warn about.
  if (y === s2 && (year < 1800 || year > 2199)) return null;
  return {
    candidate: {
      span: { start: tokens.start[d], end: tokens.end[y] }, day, month, year, yearStart: tokens.start[y], yearEnd: tokens.end[y],
      longYear: null, relative: null, weekday: weekdayBefore(tokens, i), splitYear: null, contextYear: null,
    },
    next: y + 1,
  };
}

/** The lower-case word before token i, joined across an OCR hyphen (`Ingezon-den` → `ingezonden`), or ''. */
function wordBefore(tokens: Tokens, i: number): string {
  const w = i - 1;
  if (w < 0 || tokens.kind[w] !== TokenKind.Word) return '';
  if (tokens.gap[w] === Gap.None && isPunct(tokens, w - 1, HYPHEN) && tokens.gap[w - 1] === Gap.None && w >= 2 && tokens.kind[w - 2] === TokenKind.Word) {
    return tokens.lower(w - 2) + tokens.lower(w);
  }
  return tokens.lower(w);
}

/**
 * `(Ingezonden 2 8 april 1981)`: OCR split a day in two. Read as one day only where nothing else
 * can read the first digit, after a word that introduces a date (`op`, `per`, `sinds`, `d.d.`,
 * `gedateerd`, `ingezonden`, `ontvangen`, a weekday, a letter's `van`); elsewhere (`? 2 8 april`,
 * a question number before a date; `artikel 3 4 mei`) the digits stay apart.
 */
function splitDayAt(tokens: Tokens, i: number): boolean {
  const b = i + 1;
  const month = i + 2;
  if (tokens.len(i) !== 1 || !isNumber(tokens, b, 1) || tokens.gap[b] !== Gap.Space || tokens.line[b] !== tokens.line[i]) return false;
  if (month >= tokens.length || tokens.kind[month] !== TokenKind.Word || tokens.gap[month] !== Gap.Space || monthOf(tokens, month) === null) return false;
  const day = tokens.num(i) * 10 + tokens.num(b);
  if (day < 10 || day > 31 || tokens.gap[i] === Gap.None) return false;
  const p = i - 1;
  if (p < 0) return false;
  const kw = tokens.kind[p] === TokenKind.Word ? tokens.kw[p] : 0;
  if (kw === KW.op || kw === KW.per || kw === KW.sinds || kw === KW.dd || kw === KW.gedateerd || WEEKDAY_BY_KW[kw] !== undefined) return true;
  if (kw === KW.van) return i >= 2 && (tokens.endsWith(p - 1, 'brief') || tokens.endsWith(p - 1, 'brieven'));
  // `d.d. 2 8 april`
  if (isPunct(tokens, p, DOT) && tokens.isKw(p - 1, KW.d) && isPunct(tokens, p - 2, DOT) && tokens.isKw(p - 3, KW.d)) return true;
  const word = wordBefore(tokens, i);
  return word.endsWith('gezonden') || word.endsWith('ontvangen');
}

/**
 * `4 juli 1 990`, `4 juli 19 90`: OCR split the year in two on the same line. The parts must
 * make four digits starting with 1 or 2, and nothing may follow that makes them an amount
 * (`1 990 000`, `19 90-jarigen`, `1 990woningen`), and both must stand on the line of the month
 * token. Returns the year, or 0.
 */
function splitYearAt(tokens: Tokens, y: number, monthToken: number): number {
  const z = y + 1;
  if (!isNumber(tokens, y, 3) || !isNumber(tokens, z, 3) || tokens.gap[y] !== Gap.Space || tokens.gap[z] !== Gap.Space) return 0;
  // The lines are read only now: for most dates the test above has failed, and a large text's lines are far from its tokens.
  const line = tokens.line[monthToken];
  if (tokens.line[y] !== line || tokens.line[z] !== line || tokens.len(y) + tokens.len(z) !== 4) return 0;
  const first = tokens.source.charCodeAt(tokens.start[y]);
  if (first !== 49 /* 1 */ && first !== 50 /* 2 */) return 0;
  const a = z + 1;
  if (a < tokens.length) {
    if (tokens.gap[a] === Gap.None && (tokens.kind[a] !== TokenKind.Punct || tokens.ch(a) === HYPHEN || tokens.ch(a) === SLASH)) return 0;
    if (tokens.gap[a] === Gap.Space && tokens.kind[a] === TokenKind.Number) return 0;
  }
  const year = tokens.num(y) * 10 ** tokens.len(z) + tokens.num(z);
  return year >= 1800 && year <= 2199 ? year : 0;
}

/**
 * A year first on its line that heads a table's row or column is not the year of the date on the
 * line before it: a day and month follow it on its line (`3 april` / `2024 5 mei`), or it stands
 * alone under a date that is a cell of its own, with a day and month starting the next line
 * (`12 maart` / `3 april` / `2024` / `5 mei`). A wrapped sentence's year (`op 3 april` / `2024 is …`) stays.
 */
function headsTable(tokens: Tokens, day: number, y: number): boolean {
  if (tokens.gap[y] !== Gap.Line) return false;
  const d = y + 1;
  const m = y + 2;
  if (!isNumber(tokens, d, 2) || m >= tokens.length || tokens.kind[m] !== TokenKind.Word || tokens.gap[m] !== Gap.Space || monthOf(tokens, m) === null) return false;
  if (tokens.gap[d] === Gap.Space) return tokens.line[d] === tokens.line[y];
  if (tokens.gap[d] !== Gap.Line || tokens.line[d] !== tokens.line[y] + 1) return false;
  const wd = weekdayBefore(tokens, day);
  const lead = wd ? tokens.at(wd.span.start) : day;
  return lead === 0 || tokens.gap[lead] === Gap.Line;
}

/**
 * `19 mei 2022`, `19 mei jl.`, `19 mei`, `18 en 25 mei 2022`; with `split`, a first day that OCR split in two
 * (`2 8 april`). Adds the candidates of the attempt at `i` to `out`; returns the token the scan goes on at, or -1
 * for none. (No list of one day is made for the one day most dates have.)
 */
function namedDateAt(tokens: Tokens, i: number, skip: Uint8Array, split: boolean, out: Found): number {
  const n = tokens.length;
  // Days joined by `en`, `,`, `-`, `t/m` before the month: `18 en 25 mei` (null: the one day `i`).
  let days: number[] | null = null;
  let j = split ? i + 2 : i + 1;
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
    const gluedRange = dayLike && (pc === HYPHEN || pc === EN_DASH) && tokens.gap[j] === Gap.None && tokens.gap[k] === Gap.None && tokens.num(k) > tokens.num(days === null ? i : days[days.length - 1]);
    if (!isDayToken(tokens, k) && !(dayLike && tokens.gap[k] !== Gap.None) && !gluedRange) break;
    days ??= [i];
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
  if (!conjoined && days !== null) days = days.slice(commaBefore);
  const monthToken = j;
  if (monthToken >= n || tokens.kind[monthToken] !== TokenKind.Word || skip[j] === 1) return -1;
  const month = monthOf(tokens, monthToken);
  if (!month) return -1;
  // OCR glues a full month name to its day: `16april 1992`, `op 23juli`.
  const gluedMonth = tokens.gap[monthToken] === Gap.None;
  if (gluedMonth && month.abbreviation) return -1;
  // Glued on both sides (`Ingezonden3maart 1981`, `zonden23juli 1981`), a year must confirm the date.
  const first = days === null ? i : days[0];
  const gluedDay = tokens.gap[first] === Gap.None && first > 0 && tokens.kind[first - 1] === TokenKind.Word;
  let k = j + 1;
  let end = tokens.end[monthToken];
  if (month.abbreviation && isPunct(tokens, k, DOT) && tokens.gap[k] === Gap.None) {
    end = tokens.end[k];
    k++;
  }
  let year: number | null = null;
  let yearStart = -1;
  let yearEnd = -1;
  let longYear: DateCandidate['longYear'] = null;
  let splitYear: DateCandidate['splitYear'] = null;
  let relative: Relative = month.glued;
  const y = k;
  const hasY = y < n;
  const yLen = hasY ? tokens.len(y) : 0;
  // PDF text may glue the year to a full month name: `november2024`.
  const yearGapOk = hasY && (tokens.gap[y] !== Gap.None || (!month.abbreviation && yLen === 4)) && !headsTable(tokens, i, y);
  const splitValue = !relative && hasY && skip[y] !== 1 && skip[y + 1] !== 1 ? splitYearAt(tokens, y, monthToken) : 0;
  if (!relative && hasY && tokens.kind[y] === TokenKind.Number && yearGapOk && yLen >= 4 && yLen <= 7 && skip[k] !== 1) {
    const ys = tokens.start[y];
    year = tokens.numPrefix(y, 4);
    yearStart = ys;
    yearEnd = ys + 4;
    if (yLen > 4) longYear = { text: tokens.text(y), span: { start: ys, end: tokens.end[y] } };
    end = ys + 4;
    k++;
  } else if (splitValue !== 0) {
    splitYear = { yearlessEnd: end };
    year = splitValue;
    yearStart = tokens.start[y];
    yearEnd = tokens.end[y + 1];
    end = yearEnd;
    k += 2;
  } else if (month.abbreviation && end === tokens.end[monthToken]) {
    return -1; // `3 dec` without a dot or a year is too weak.
  }
  if (!relative && year === null) {
    const rel = relativeAfter(tokens, k);
    if (rel.relative) {
      relative = rel.relative;
      end = tokens.end[rel.next - 1];
      k = rel.next;
    }
  }
  if (gluedDay && gluedMonth && year === null && relative === null) return -1;
  const count = days === null ? 1 : days.length;
  for (let d = 0; d < count; d++) {
    const dayToken = days === null ? i : days[d];
    const splitDay = split && d === 0;
    const day = splitDay ? tokens.num(dayToken) * 10 + tokens.num(dayToken + 1) : tokens.num(dayToken);
    const firstDay = d === 0;
    const last = d === count - 1;
    const wd = firstDay ? weekdayBefore(tokens, dayToken) : null;
    out.candidates.push({
      span: { start: wd ? wd.span.start : tokens.start[dayToken], end: last ? end : tokens.end[splitDay ? dayToken + 1 : dayToken] },
      day,
      month: month.month,
      year,
      yearStart: last ? yearStart : -1,
      yearEnd: last ? yearEnd : -1,
      longYear: last ? longYear : null,
      relative,
      weekday: wd,
      // Every day of `18 en 25 mei 1 990` shares the doubtful year.
      splitYear: splitYear && !last ? { yearlessEnd: tokens.end[dayToken] } : splitYear,
      splitDay,
      contextYear: null,
    });
    out.dayTokens.push(dayToken);
    out.attempts.push(i);
    out.resumes.push(k);
  }
  return k;
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
