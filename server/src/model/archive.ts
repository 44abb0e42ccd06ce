// The archive layout: OCR text of the historical Aanhangsel van de Handelingen
// (Staten-Generaal Digitaal, 1970s–1990s). Questions and answers are numbered
// inline (`(Ingezonden 3 maart 1981) 1 Is het u bekend …? 2 Kunt u …`,
// `Antwoord Antwoord van Minister … (Ontvangen 2 april 1981) 1 Ja. 2 …`), the
// people and dates stand in running text, a delay notice reads `Mededeling
// Mededeling van …`, and the OCR glues (`1Kent`, `4en 5`), splits (`4I` /
// `s er`) and drops numbers.
//
// The reading, in the order of eyecite's clean → find → resolve:
// 1. lines: the printed header, page footers and the printer's line are
//    furniture;
// 2. zones: the introduction up to `(Ingezonden …)`, the questions, the
//    `Antwoord` or `Mededeling` part after its `(Ontvangen …)`;
// 3. numbers: at the start of a line or after the end of a sentence, a number
//    list followed by a capital is a candidate heading; a candidate counts
//    when it continues the sequence 1, 2, 3 … (a small gap is a lost number);
// 4. lost numbers: a gap is filled only when exactly as many unnumbered
//    paragraphs stand in it as numbers are missing; otherwise the number stays
//    missing (no answer rather than a wrong one) and the analysis says so.
// Every scan is a single pass over the characters of a zone.

import { Heading, LineKind } from './lines';
import type { FootnoteText, RawBlock, RawQuestion, RawSection, Structure } from './structure';
import { isDigit, isLetter, isSpace, LineIndex, Span } from './text';

/** What the archive layout knows beyond the blocks: for the header, the notices and the diagnostics. */
export interface ArchiveFacts {
  /** `Vragen van … (Ingezonden …)`: the introduction sentence. */
  readonly intro: Span | null;
  /** Inside `(Ingezonden …)`, after the keyword: where the submission date stands. */
  readonly submittedAt: Span | null;
  /** `Antwoord van … (Ontvangen …)`, or null. */
  readonly answerIntro: Span | null;
  readonly answeredAt: Span | null;
  /** `Mededeling van … (Ontvangen …)`, or null. */
  readonly noticeIntro: Span | null;
  readonly noticeAt: Span | null;
  /** The Aanhangsel item number printed under the header (`294`). */
  readonly itemNumber: number | null;
  /** `1976–1977` from `Zitting 1976-1977` / `Vergaderjaar 1990-1991`. */
  readonly vergaderjaar: string | null;
  /** Numbers the OCR lost and the order restored: where the question or answer starts. */
  readonly restored: readonly ArchiveGap[];
  /** Numbers the OCR lost that could not be placed with certainty. */
  readonly missing: readonly ArchiveGap[];
}

export interface ArchiveGap {
  readonly kind: 'question' | 'answer';
  readonly number: number;
  /** Where the block starts (restored), or the stretch in which the number is lost (missing). */
  readonly span: Span;
}

/** At most this many numbers lost in a row before a candidate no longer continues the sequence. */
const MAX_LOST = 3;
/** The header lines are looked for among the first lines only. */
const HEADER_LINES = 10;

/** Opening quotes that may start a question or answer (`3 «Klaar lag» …`); not `'`, which also opens a note text. */
const OPEN_QUOTES = new Set(['«', '‘', '“', '"', '„']);
const APOSTROPHES = new Set(["'", '’', '‘', '`']);

function isUpper(text: string, at: number): boolean {
  const c = text[at];
  return c !== undefined && isLetter(text.charCodeAt(at)) && c !== c.toLowerCase();
}

/** Lower-cases ASCII letters only, keeping every offset. */
function asciiLower(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out += c >= 65 && c <= 90 ? String.fromCharCode(c + 32) : s[i];
  }
  return out;
}

/**
 * `(Ingezonden`, `(In-gezonden`, `(!nge-zonden`, `(Ingezon-den3maart`, `(Ontvan-gen`: a parenthesis
 * with its keyword as the OCR printed it (line-end hyphens kept, `!` or `l` for `I`), from `from`
 * to `to`. Returns where the keyword ends and where the parenthesis closes (`)`, `}` or `]`,
 * or the end of the date when the OCR dropped it).
 */
export function findKeywordParen(text: string, keyword: string, from: number, to: number): { open: number; after: number; close: number } | null {
  for (let i = text.indexOf('(', from); i >= 0 && i < to; i = text.indexOf('(', i + 1)) {
    let k = 0;
    let j = i + 1;
    while (j < to && k < keyword.length) {
      const ch = text[j];
      if (ch === '-' && k > 0) {
        j++;
        continue;
      }
      let c = asciiLower(ch);
      // OCR reads a capital I as `!`, `l` or `1` at the start of a word.
      if (k === 0 && keyword[0] === 'i' && (ch === '!' || ch === 'l' || ch === '1')) c = 'i';
      if (c !== keyword[k]) break;
      k++;
      j++;
    }
    if (k < keyword.length) continue;
    // The date inside may be broken over a line: `(Ontvangen 25 november` / `1992)`.
    let close = j;
    while (close < to && close - j < 40 && text[close] !== ')' && text[close] !== '}' && text[close] !== ']' && text[close] !== '(') close++;
    if (close >= to || close - j >= 40 || text[close] === '(') {
      // No closing bracket: the date ends at the year.
      close = j;
      let digits = 0;
      while (close < to && close - j < 30) {
        digits = isDigit(text.charCodeAt(close)) ? digits + 1 : 0;
        close++;
        if (digits === 4) break;
      }
    }
    return { open: i, after: j, close };
  }
  return null;
}

/** The printed header: `Tweede Kamer der Staten-Generaal` / `2` / `Zitting 1976-1977` / `Aanhangsel van de Handelingen` / `Vragen gesteld door …` / `294`. */
interface PrintedHeader {
  /** Lines of the header, the item number included. */
  readonly lines: number[];
  readonly itemNumber: number | null;
  readonly vergaderjaar: string | null;
}

function readPrintedHeader(index: LineIndex, content: readonly Span[]): PrintedHeader | null {
  const text = index.text;
  const lines: number[] = [];
  let aanhangsel = false;
  let vragen = false;
  let vergaderjaar: string | null = null;
  let itemNumber: number | null = null;
  let seen = 0;
  for (let line = 0; line < index.lineCount && seen < HEADER_LINES; line++) {
    const span = content[line];
    if (span.start === span.end) continue;
    seen++;
    const s = text.slice(span.start, Math.min(span.end, span.start + 120));
    if (seen === 1) {
      if (!s.startsWith('Tweede Kamer der Staten') && !s.startsWith('Eerste Kamer der Staten')) return null;
      lines.push(line);
      continue;
    }
    if (/^[12]$/.test(s)) {
      lines.push(line);
      continue;
    }
    const session = /^(?:Zitting|Vergaderjaar) (\d{4})(?:[-–](\d{4}))?/.exec(s);
    if (session) {
      vergaderjaar = session[2] ? `${session[1]}–${session[2]}` : session[1];
      lines.push(line);
      continue;
    }
    if (s.startsWith('Aanhangsel van de Handelingen')) {
      aanhangsel = true;
      lines.push(line);
      continue;
    }
    if (s.startsWith('Vragen gesteld door')) {
      vragen = true;
      lines.push(line);
      continue;
    }
    if (/^\d{1,5}$/.test(s) && vragen) {
      itemNumber = +s;
      lines.push(line);
      break;
    }
    break;
  }
  return aanhangsel && vragen ? { lines, itemNumber, vergaderjaar } : null;
}

/** `Tweede Kamer, zitting 1976-1977, Aanhangsel` (also OCR-damaged: `Asnhangsel`), the printer's `… ISSN 0921 -7398 Sdu …`. */
function isArchiveFurniture(text: string, span: Span): 'footer' | 'printer' | null {
  const len = span.end - span.start;
  if (len === 0 || len > 120) return null;
  const s = text.slice(span.start, span.end);
  if (/^(?:Tweede|Eerste) Kamer, (?:zitting|vergaderjaar)\b/i.test(s)) return 'footer';
  if (s.includes('ISSN')) return 'printer';
  if (/^'?s[ -]Gravenhage \d{4}$/.test(s)) return 'printer';
  return null;
}

interface Candidate {
  /** Start of the number list. */
  readonly start: number;
  /** End of the number list (the heading span). */
  readonly end: number;
  /** Where the text after the heading starts. */
  readonly body: number;
  readonly numbers: readonly number[];
  /** At the start of a line, or after a question mark: a gap in the numbering may be crossed here. */
  readonly strong: boolean;
  readonly line: number;
}

/** Reads digits at `i` (1–3, no leading zero). */
function readNumber(text: string, i: number, end: number): { value: number; end: number } | null {
  if (i >= end || !isDigit(text.charCodeAt(i)) || text[i] === '0') return null;
  let j = i;
  while (j < end && j - i < 4 && isDigit(text.charCodeAt(j))) j++;
  if (j - i > 3 || (j < end && isDigit(text.charCodeAt(j)))) return null;
  return { value: +text.slice(i, j), end: j };
}

function skipBlanks(text: string, i: number, end: number): number {
  while (i < end && text[i] !== '\n' && isSpace(text.charCodeAt(i))) i++;
  return i;
}

/**
 * A heading at `i`: `3 `, `3Ja.`, `8 en 9 `, `2, 3, 4en 5 `, `3 t/m 7 `, `4I` at the end of a line,
 * or a number alone on its line; followed by a capital (or an opening quote) that starts the text.
 */
function headingAt(text: string, i: number, end: number): { end: number; body: number; numbers: number[] } | null {
  const first = readNumber(text, i, end);
  if (first === null) return null;
  const numbers = [first.value];
  let p = first.end;
  for (;;) {
    let q = p;
    let range = false;
    if (text[q] === ',') q = skipBlanks(text, q + 1, end);
    else if (text.startsWith('en ', q)) q = skipBlanks(text, q + 3, end);
    else {
      const s = skipBlanks(text, q, end);
      if (s === q) break;
      if (text.startsWith('en ', s)) q = skipBlanks(text, s + 3, end);
      else if (text.startsWith('t/m ', s)) {
        q = skipBlanks(text, s + 4, end);
        range = true;
      } else if (text[s] === '-' || text[s] === '–') {
        q = skipBlanks(text, s + 1, end);
        range = true;
      } else break;
    }
    const next = readNumber(text, q, end);
    const last = numbers[numbers.length - 1];
    if (next === null || next.value <= last || next.value - last > 30) break;
    if (range) for (let n = last + 1; n < next.value; n++) numbers.push(n);
    numbers.push(next.value);
    p = next.end;
  }
  const headEnd = p;
  // `4I` / newline / `s er …`: a capital split from its word at the end of the line.
  if (text[p] === 'I' && (p + 1 >= end || text[p + 1] === '\n' || text[p + 1] === '\r')) return { end: headEnd, body: p, numbers };
  if (isUpper(text, p)) return { end: headEnd, body: p, numbers };
  const s = skipBlanks(text, p, end);
  if (s >= end || text[s] === '\n' || text[s] === '\r') {
    // A number at the end of its line (alone, or after a question mark), the text on the next.
    let b = s;
    while (b < end && isSpace(text.charCodeAt(b))) b++;
    return b < end && isUpper(text, b) ? { end: headEnd, body: b, numbers } : null;
  }
  if (s === p) return null;
  if (isUpper(text, s)) return { end: headEnd, body: s, numbers };
  if (OPEN_QUOTES.has(text[s]) && isUpper(text, s + 1)) return { end: headEnd, body: s, numbers };
  return null;
}

/** End of sentence before a heading: `?`, `.`, `!`, `)`, `»`, `”`, `:`. */
const SENTENCE_END = new Set(['?', '.', '!', ')', '»', '”', ':', ';']);

/** Every candidate heading in [from, to): at the start of a line or after the end of a sentence. */
function candidatesIn(index: LineIndex, from: number, to: number): Candidate[] {
  const text = index.text;
  const out: Candidate[] = [];
  // The state: at a boundary (zone start, line start, after a sentence end and white space).
  let boundary = true;
  let lineStart = true;
  let afterQuestion = true;
  for (let i = from; i < to; i++) {
    const ch = text[i];
    const code = text.charCodeAt(i);
    if (ch === '\n') {
      boundary = true;
      lineStart = true;
      afterQuestion = false;
      continue;
    }
    if (isSpace(code)) continue;
    if (boundary && isDigit(code)) {
      const h = headingAt(text, i, to);
      if (h) {
        out.push({ start: i, end: h.end, body: h.body, numbers: h.numbers, strong: lineStart || afterQuestion, line: index.lineAt(i) });
        i = h.body - 1;
        boundary = false;
        lineStart = false;
        afterQuestion = false;
        continue;
      }
    }
    lineStart = false;
    if (SENTENCE_END.has(ch)) {
      // A heading needs white space after the sentence end; a digit glued to it (`?1`) is a
      // footnote marker, unless it is glued to a capital as well (`?2Betekent`).
      boundary = i + 1 >= to || isSpace(text.charCodeAt(i + 1)) || (ch === '?' && glued(text, i + 1, to));
      afterQuestion = ch === '?';
      if (!boundary && ch === '?') {
        // `speelautomaten?1 2Kan …`: the footnote marker is passed over, the boundary stays.
        let j = i + 1;
        while (j < to && j - i <= 3 && isDigit(text.charCodeAt(j))) j++;
        if (j > i + 1 && (j >= to || isSpace(text.charCodeAt(j)))) {
          i = j - 1;
          boundary = true;
        }
      }
      continue;
    }
    boundary = false;
    afterQuestion = false;
  }
  return out;
}

/** `?2Betekent`: digits glued to the question mark and to a capital. */
function glued(text: string, i: number, to: number): boolean {
  let j = i;
  while (j < to && isDigit(text.charCodeAt(j))) j++;
  return j - i <= 2 && isUpper(text, j);
}

/**
 * The candidates that continue the sequence 1, 2, 3 …: the next number, or (where a gap may be
 * crossed: a line start or a question mark) a number at most MAX_LOST further, never above `max`.
 */
function acceptSequence(candidates: readonly Candidate[], max: number | null): Candidate[] {
  const out: Candidate[] = [];
  let last = 0;
  for (let k = 0; k < candidates.length; k++) {
    const c = candidates[k];
    const first = c.numbers[0];
    const lastOf = c.numbers[c.numbers.length - 1];
    if (max !== null && lastOf > max) continue;
    const gap = first > last + 1 && first - last - 1 <= MAX_LOST;
    if (first === last + 1 || (gap && (c.strong || confirmed(candidates, k, last + 1, lastOf + 1)))) {
      out.push(c);
      last = lastOf;
    }
  }
  return out;
}

/** Candidates looked at ahead to confirm a gap crossed after a full stop. */
const LOOKAHEAD = 12;

/**
 * A gap crossed after a full stop (`1 Ja. De aanvankelijk … 3 In het kader …`, answer 2 lost) holds
 * when the candidate's successor follows before the number that was expected: one lost number
 * must not throw away every answer after it, and a stray `3 Gemeenten …` is not confirmed.
 */
function confirmed(candidates: readonly Candidate[], k: number, expected: number, successor: number): boolean {
  for (let j = k + 1; j < candidates.length && j - k <= LOOKAHEAD; j++) {
    const first = candidates[j].numbers[0];
    if (first === expected) return false;
    if (first === successor) return true;
  }
  return false;
}

/** Where an unnumbered block may start: line starts whose previous text line ends a question (`?`, `?1`, `?'`) or, in answers, a sentence. */
function unnumberedStarts(
  text: string,
  index: LineIndex,
  kinds: Uint8Array,
  content: readonly Span[],
  from: number,
  to: number,
  kind: 'question' | 'answer',
): number[] {
  const out: number[] = [];
  let line = index.lineAt(from);
  let prevEnd: number | null = null;
  // The line holding `from`: only its end matters.
  if (kinds[line] !== LineKind.Furniture && content[line].end > content[line].start) prevEnd = content[line].end;
  for (line++; line < index.lineCount; line++) {
    const span = content[line];
    if (span.start >= to) break;
    if (kinds[line] === LineKind.Furniture || span.start === span.end) continue;
    if (prevEnd !== null && endsBlock(text, prevEnd, kind) && (kind === 'question' || isUpper(text, span.start))) out.push(span.start);
    prevEnd = span.end;
  }
  return out;
}

/** Does the text line ending at `end` close a question (`?`, with a glued marker `?1` or `?'`) or, in answers, a sentence? */
function endsBlock(text: string, end: number, kind: 'question' | 'answer'): boolean {
  let i = end - 1;
  let k = 0;
  while (i >= 0 && k < 3 && (isDigit(text.charCodeAt(i)) || APOSTROPHES.has(text[i]))) {
    i--;
    k++;
  }
  if (kind === 'answer' && k > 0) return false;
  const c = text[i];
  if (c === '?') return true;
  return kind === 'answer' && (c === '.' || c === '!' || c === '»' || c === '”');
}

/** `… ten grondslag gelegd? Antwoord Antwoord van …`: the doubled margin heading inside a line, after a sentence end. */
function inlinePart(text: string, from: number, to: number): { start: number; kind: 'answer' | 'notice' } | null {
  let best: { start: number; kind: 'answer' | 'notice' } | null = null;
  for (const [needle, kind] of [['Antwoord Antwoord van ', 'answer'], ['Mededeling Mededeling van ', 'notice']] as const) {
    for (let at = text.indexOf(needle, from); at >= 0 && at < to; at = text.indexOf(needle, at + needle.length)) {
      let b = at - 1;
      while (b >= from && text[b] !== '\n' && isSpace(text.charCodeAt(b))) b--;
      if (b >= from && text[b] !== '\n' && !SENTENCE_END.has(text[b]) && !isDigit(text.charCodeAt(b))) continue;
      if (!best || at < best.start) best = { start: at, kind };
      break;
    }
  }
  return best;
}

/** `Antwoord` / `Mededeling` starting a line: the word alone, or followed by `Antwoord van …`. */
function partMarker(text: string, span: Span): 'answer' | 'notice' | null {
  for (const [word, kind] of [['Antwoord', 'answer'], ['Mededeling', 'notice']] as const) {
    if (!text.startsWith(word, span.start)) continue;
    const after = span.start + word.length;
    if (after >= span.end) return kind;
    const rest = text.slice(after, Math.min(span.end, after + word.length + 6)).trimStart();
    if (rest.startsWith(`${word} van `) || rest.startsWith(`${word} van\n`)) return kind;
    if (text.startsWith(' van ', after)) return kind;
  }
  return null;
}

/**
 * The archive layout, or null when the text is not an archive item. Tried when the modern
 * reading finds no `Vraag N` headings.
 */
export function readArchive(index: LineIndex, content: readonly Span[]): (Structure & { readonly archive: ArchiveFacts }) | null {
  const text = index.text;
  const n = index.lineCount;
  // The modern reading's content spans; the line kinds are the archive's own (its furniture differs).
  const kinds = new Uint8Array(n);
  for (let line = 0; line < n; line++) kinds[line] = content[line].start === content[line].end ? LineKind.Blank : LineKind.Text;
  const printed = readPrintedHeader(index, content);
  const headerLines: number[] = printed ? [...printed.lines] : [];
  const furniture = new Set<number>();
  for (let line = 0; line < n; line++) {
    if (kinds[line] !== LineKind.Text || headerLines.includes(line)) continue;
    const f = isArchiveFurniture(text, content[line]);
    if (f === null) continue;
    kinds[line] = LineKind.Furniture;
    furniture.add(line);
    // The page number under the footer, the rest of the printer's line (`s Gravenhage 1990`).
    let next = line + 1;
    while (next < n && kinds[next] === LineKind.Blank) next++;
    if (next < n && f === 'footer' && /^\d{1,5}$/.test(text.slice(content[next].start, content[next].end))) {
      kinds[next] = LineKind.Furniture;
      furniture.add(next);
    }
  }
  for (const line of headerLines) kinds[line] = LineKind.Text;

  // The introduction: `Vragen van …` / `Vraag van …` after the printed header.
  let introLine = -1;
  for (let line = headerLines.length > 0 ? headerLines[headerLines.length - 1] + 1 : 0; line < n && line < 40; line++) {
    if (kinds[line] !== LineKind.Text) continue;
    const s = text.slice(content[line].start, content[line].start + 12);
    if (s.startsWith('Vragen van ') || s.startsWith('Vraag van ')) introLine = line;
    break;
  }
  if (introLine < 0) return null;
  const single = text.startsWith('Vraag van ', content[introLine].start);
  const introStart = content[introLine].start;
  // `(Ingezonden …)` on the introduction's line or the next two.
  const introSearchEnd = index.lineEnd(Math.min(n - 1, introLine + 2));
  const ingezonden = findKeywordParen(text, 'ingezonden', introStart, introSearchEnd);
  if (!printed && !ingezonden) return null;

  const lineOf = (offset: number) => index.lineAt(offset);
  let questionsStart: number;
  let introEnd: number;
  if (ingezonden) {
    introEnd = ingezonden.close < text.length && /[)}\]]/.test(text[ingezonden.close]) ? ingezonden.close + 1 : ingezonden.close;
    questionsStart = introEnd;
  } else {
    // No `(Ingezonden …)`: the introduction ends where question 1 starts on its line, or with its line.
    const one = candidatesIn(index, introStart, content[introLine].end).find((c) => c.numbers[0] === 1 && c.start > introStart);
    introEnd = one ? trimEnd(text, introStart, one.start) : content[introLine].end;
    questionsStart = one ? one.start : introEnd;
  }

  // The parts: the first `Antwoord` or `Mededeling` that starts a line after the introduction, or the doubled
  // `Antwoord Antwoord van` that the OCR ran on after the last question.
  let partStart = -1;
  let partKind: 'answer' | 'notice' | null = null;
  for (let line = introLine + 1; line < n; line++) {
    if (kinds[line] !== LineKind.Text) continue;
    const k = partMarker(text, content[line]);
    if (k) {
      partStart = content[line].start;
      partKind = k;
      break;
    }
  }
  const inline = inlinePart(text, questionsStart, partStart >= 0 ? partStart : text.length);
  if (inline) {
    partStart = inline.start;
    partKind = inline.kind;
  }
  const partLine = partStart >= 0 ? lineOf(partStart) : -1;
  const questionsEnd = partStart >= 0 ? partStart : text.length;

  // The answer or notice part: after its `(Ontvangen …)` and an `(Zie ook …)` that follows it.
  let answerIntro: Span | null = null;
  let answeredAt: Span | null = null;
  let noticeIntro: Span | null = null;
  let noticeAt: Span | null = null;
  let partBodyStart = text.length;
  let partHeading: Span | null = null;
  if (partLine >= 0 && partKind) {
    const word = partKind === 'answer' ? 'Antwoord' : 'Mededeling';
    partHeading = { start: partStart, end: partStart + word.length };
    const searchEnd = index.lineEnd(Math.min(n - 1, partLine + 2));
    const vanAt = text.indexOf(`${word} van`, partHeading.start + (text.startsWith(`${word} van`, partHeading.start) ? 0 : word.length));
    const ontvangen = findKeywordParen(text, 'ontvangen', partHeading.start, searchEnd);
    let bodyStart: number;
    if (ontvangen) {
      bodyStart = ontvangen.close < text.length && /[)}\]]/.test(text[ontvangen.close]) ? ontvangen.close + 1 : ontvangen.close;
      const introSpan = { start: vanAt >= 0 && vanAt < ontvangen.open ? vanAt : partHeading.start, end: bodyStart };
      const at = { start: ontvangen.after, end: ontvangen.close };
      if (partKind === 'answer') {
        answerIntro = introSpan;
        answeredAt = at;
      } else {
        noticeIntro = introSpan;
        noticeAt = at;
      }
      // `. (Zie ook Aanhangsel Handelingen 1975-1976, nr. 953)`
      let p = bodyStart;
      while (p < text.length && (text[p] === '.' || text[p] === ' ')) p++;
      if (text.startsWith('(Zie ', p)) {
        const close = text.indexOf(')', p);
        if (close > 0 && close - p < 200) bodyStart = close + 1;
      }
    } else {
      // No `(Ontvangen …)`: the part starts on the line after `Antwoord van …`.
      let l = partLine;
      if (content[l].end - partStart === word.length) l++;
      bodyStart = l + 1 < n ? index.lineStart(l + 1) : text.length;
      const introSpan = { start: vanAt >= 0 ? vanAt : partHeading.start, end: l < n ? content[l].end : text.length };
      if (partKind === 'answer') answerIntro = introSpan;
      else noticeIntro = introSpan;
    }
    partBodyStart = bodyStart;
  }

  // Toelichting: an explanation after the questions, up to the part.
  let toelichting: Span | null = null;
  {
    const tw = findToelichting(text, questionsStart, questionsEnd);
    if (tw >= 0) toelichting = { start: tw, end: trimEnd(text, questionsStart, questionsEnd) };
  }
  const questionZoneEnd = toelichting ? toelichting.start : questionsEnd;

  const questionCandidates = candidatesIn(index, questionsStart, questionZoneEnd).filter((c) => !furniture.has(c.line));
  const questionAccepted = acceptSequence(questionCandidates, null);
  const maxQuestion = questionAccepted.length > 0 ? Math.max(...questionAccepted[questionAccepted.length - 1].numbers) : null;

  // Footnote texts after the last question: `' Artikel …`, `1 0 a Dagblad …`, and `? 1 Aanhangsel …` on the question's line.
  const footnoteTexts: FootnoteText[] = [];
  let questionContentEnd = trimEnd(text, questionsStart, questionZoneEnd);
  const lastQuestionBody = questionAccepted.length > 0 ? questionAccepted[questionAccepted.length - 1].body : questionsStart;
  {
    const lastNumber = maxQuestion ?? 0;
    const starts: number[] = [];
    for (const c of questionCandidates) {
      if (c.start > lastQuestionBody && c.numbers.length === 1 && c.numbers[0] <= lastNumber && c.numbers[0] <= 20) starts.push(c.start);
    }
    for (let line = lineOf(lastQuestionBody) + 1; line < n; line++) {
      const span = content[line];
      if (span.start >= questionsEnd) break;
      if (kinds[line] !== LineKind.Text) continue;
      if (noteTextStart(text, span)) starts.push(span.start);
    }
    starts.sort((a, b) => a - b);
    const dedup = starts.filter((s, k) => k === 0 || s !== starts[k - 1]);
    if (dedup.length > 0) {
      const end = trimEnd(text, questionsStart, questionsEnd);
      // Notes that stand inside a Toelichting end it there.
      if (toelichting && dedup[0] > toelichting.start) toelichting = { start: toelichting.start, end: trimEnd(text, toelichting.start, dedup[0]) };
      if (!toelichting || dedup[0] < toelichting.start) {
        questionContentEnd = trimEnd(text, questionsStart, dedup[0]);
        if (toelichting && dedup[0] < toelichting.start) toelichting = null;
      }
      let number = 0;
      for (let k = 0; k < dedup.length; k++) {
        const s = dedup[k];
        const stop = k + 1 < dedup.length ? dedup[k + 1] : toelichting && toelichting.start > s ? toelichting.start : end;
        const written = readNumber(text, s, stop);
        number = written ? written.value : number + 1;
        const span = { start: s, end: trimEnd(text, s, Math.min(stop, lineEndAt(index, s, stop))) };
        footnoteTexts.push({ number, span, style: 'page' });
        const line = lineOf(s);
        if (content[line].start === s && content[line].end <= span.end) kinds[line] = LineKind.FootnoteText;
      }
    }
  }

  // The answers' numbers may pass the last numbered question only by as many unnumbered questions as follow it
  // (a lost last question number is known from its answer); `In 1977. 3 Woningen …` is no answer 4 of three questions.
  let answerAccepted: Candidate[] = [];
  const answersEnd = trimEnd(text, partBodyStart, text.length);
  if (partKind === 'answer') {
    const trailing = maxQuestion === null ? 0 : unnumberedStarts(text, index, kinds, content, lastQuestionBody, questionContentEnd, 'question').length;
    const answerCandidates = candidatesIn(index, partBodyStart, answersEnd).filter((c) => !furniture.has(c.line));
    answerAccepted = acceptSequence(answerCandidates, maxQuestion !== null ? maxQuestion + trailing : null);
  }
  const maxAnswer = answerAccepted.length > 0 ? Math.max(...answerAccepted[answerAccepted.length - 1].numbers) : null;

  // Lost numbers: filled where the unnumbered paragraphs match the gap exactly.
  const restored: ArchiveGap[] = [];
  const missing: ArchiveGap[] = [];
  const questionBlocks = placeBlocks(
    text, index, kinds, content, 'question', questionAccepted, questionsStart, questionContentEnd, maxAnswer, single && printed !== null, restored, missing,
  );
  const answerBlocks = partKind === 'answer'
    ? placeBlocks(text, index, kinds, content, 'answer', answerAccepted, partBodyStart, answersEnd, maxQuestion, single && printed !== null, restored, missing)
    : [];
  if (questionBlocks.length === 0) return null;

  const headings: Heading[] = [];
  /** The heading of a placed block: its number list inside the line; none for a restored number. */
  const headingOf = (kind: 'question' | 'answer', b: PlacedBlock): Heading | null => {
    if (!b.heading) return null;
    const h: Heading = { kind, line: lineOf(b.heading.start), span: b.heading, numbers: b.numbers, inlineBodyStart: null, dateSpan: null, inline: true };
    headings.push(h);
    return h;
  };
  const questions: RawQuestion[] = questionBlocks.map((b) => ({ heading: headingOf('question', b), span: b.span, question: b.body, numbers: b.numbers, inlineAnswer: null }));
  const answers: RawBlock[] = answerBlocks.map((b) => ({ heading: headingOf('answer', b), span: b.span, body: b.body, numbers: b.numbers }));
  const notices: RawBlock[] = [];
  if (partKind === 'notice' && partHeading) {
    const end = trimEnd(text, partHeading.start, text.length);
    const heading: Heading = { kind: 'notice', line: partLine, span: partHeading, numbers: [], inlineBodyStart: null, dateSpan: noticeAt, inline: true };
    headings.push(heading);
    const bodyStart = Math.min(skipAllSpace(text, partBodyStart, end), end);
    notices.push({ heading, span: { start: partHeading.start, end: lastTextEnd(index, kinds, content, partHeading.start, end) }, body: { start: bodyStart, end: lastTextEnd(index, kinds, content, bodyStart, end) }, numbers: [] });
  }
  headings.sort((a, b) => a.span.start - b.span.start);

  const sections: RawSection[] = [];
  const headerEnd = introEnd;
  headerLines.push(...rangeOfLines(introLine, lineOf(Math.max(introStart, introEnd - 1))));
  sections.push({ kind: 'header', span: { start: 0, end: headerEnd } });
  if (toelichting && toelichting.end > toelichting.start) sections.push({ kind: 'toelichting', span: toelichting });
  for (const f of footnoteTexts) sections.push({ kind: 'footnotes', span: f.span });
  for (let line = 0; line < n; line++) {
    if (kinds[line] === LineKind.Furniture) sections.push({ kind: 'furniture', span: { start: index.lineStart(line), end: index.lineEnd(line) } });
  }
  sections.sort((a, b) => a.span.start - b.span.start);
  return {
    layout: 'official',
    lineKinds: kinds,
    headings,
    questions,
    answers,
    notices,
    sections,
    footnoteTexts,
    headerLines,
    headerEnd,
    footerLines: [],
    hasFurniture: furniture.size > 0,
    archive: {
      intro: { start: introStart, end: introEnd },
      submittedAt: ingezonden ? { start: ingezonden.after, end: ingezonden.close } : null,
      answerIntro,
      answeredAt,
      noticeIntro,
      noticeAt,
      itemNumber: printed?.itemNumber ?? null,
      vergaderjaar: printed?.vergaderjaar ?? null,
      restored,
      missing,
    },
  };
}

function rangeOfLines(a: number, b: number): number[] {
  const out: number[] = [];
  for (let l = a; l <= b; l++) out.push(l);
  return out;
}

function skipAllSpace(text: string, i: number, end: number): number {
  while (i < end && isSpace(text.charCodeAt(i))) i++;
  return i;
}

/** `end` moved back over white space, not before `from`. */
function trimEnd(text: string, from: number, end: number): number {
  while (end > from && isSpace(text.charCodeAt(end - 1))) end--;
  return end;
}

function lineEndAt(index: LineIndex, offset: number, cap: number): number {
  return Math.min(cap, index.lineEnd(index.lineAt(offset)));
}

/** The end of the last text line (furniture excluded) in [from, end). */
function lastTextEnd(index: LineIndex, kinds: Uint8Array, content: readonly Span[], from: number, end: number): number {
  for (let line = index.lineAt(Math.max(from, end - 1)); line >= 0; line--) {
    if (content[line].end <= from) break;
    if (kinds[line] === LineKind.Text || kinds[line] === LineKind.FootnoteText) return Math.min(end, content[line].end);
  }
  return end;
}

/** `Toelichting` at a line start or after a question mark, followed by a capital or the end of the line. */
function findToelichting(text: string, from: number, to: number): number {
  for (let i = text.indexOf('Toelichting', from); i >= 0 && i < to; i = text.indexOf('Toelichting', i + 1)) {
    let b = i - 1;
    while (b >= from && text[b] !== '\n' && isSpace(text.charCodeAt(b))) b--;
    if (b >= from && text[b] !== '\n' && text[b] !== '?' && text[b] !== '.') continue;
    let a = i + 'Toelichting'.length;
    if (text[a] === ':') a++;
    const s = skipBlanks(text, a, to);
    if (s >= to || text[s] === '\n' || text[s] === '\r' || isUpper(text, s) || text[s] === '«') return i;
  }
  return -1;
}

/** A line that starts a footnote text: `' Artikel …`, `’ De Volkskrant …`, `1 Aanhangsel …`, `1 0 a Dagblad …`. */
function noteTextStart(text: string, span: Span): boolean {
  const c = text[span.start];
  if (APOSTROPHES.has(c)) return isSpace(text.charCodeAt(span.start + 1)) && isUpper(text, skipBlanks(text, span.start + 1, span.end));
  const num = readNumber(text, span.start, span.end);
  if (num === null || num.value > 20) return false;
  const s = skipBlanks(text, num.end, span.end);
  return s > num.end && s < span.end && (isUpper(text, s) || isDigit(text.charCodeAt(s)));
}

interface PlacedBlock {
  readonly heading: Span | null;
  readonly numbers: readonly number[];
  readonly span: Span;
  readonly body: Span;
}

/**
 * The blocks of a zone: the accepted headings, and lost numbers restored where the unnumbered
 * paragraphs in a gap are exactly as many as the numbers missing. `known` is the highest number
 * the other part has (answers for the questions, and back), which reveals lost numbers at the end.
 */
function placeBlocks(
  text: string,
  index: LineIndex,
  kinds: Uint8Array,
  content: readonly Span[],
  kind: 'question' | 'answer',
  accepted: readonly Candidate[],
  from: number,
  to: number,
  known: number | null,
  single: boolean,
  restored: ArchiveGap[],
  missing: ArchiveGap[],
): PlacedBlock[] {
  const starts: { at: number; heading: Span | null; body: number; numbers: number[] }[] = [];
  const zoneStart = skipAllSpace(text, from, to);
  if (zoneStart >= to) return [];
  if (accepted.length === 0) {
    // `Vraag van het lid …`: one question without a number, and its one answer.
    if (single && (known === null || known === 1)) {
      const end = lastTextEnd(index, kinds, content, zoneStart, to);
      return [{ heading: null, numbers: [1], span: { start: zoneStart, end }, body: { start: zoneStart, end } }];
    }
  }
  const gapStarts = (a: number, b: number) => {
    const out = unnumberedStarts(text, index, kinds, content, a, b, kind).filter((s) => s > a && s < b);
    return out;
  };
  let last = 0;
  let prevBody = zoneStart;
  for (let k = 0; k <= accepted.length; k++) {
    const c = k < accepted.length ? accepted[k] : null;
    const first = c ? c.numbers[0] : known !== null && known > last ? known + 1 : last + 1;
    const lost = first - last - 1;
    if (lost > 0) {
      const stretchEnd = c ? c.start : to;
      // Before the first heading the zone's own start is a paragraph start too.
      const inGap = last === 0 ? [zoneStart, ...gapStarts(zoneStart, stretchEnd)].filter((s, i, all) => i === 0 || s !== all[i - 1]) : gapStarts(prevBody, stretchEnd);
      if (inGap.length === lost) {
        for (let m = 0; m < lost; m++) {
          starts.push({ at: inGap[m], heading: null, body: inGap[m], numbers: [last + 1 + m] });
          restored.push({ kind, number: last + 1 + m, span: { start: inGap[m], end: inGap[m] } });
        }
      } else {
        for (let m = 0; m < lost; m++) missing.push({ kind, number: last + 1 + m, span: { start: prevBody, end: stretchEnd } });
      }
    }
    if (!c) break;
    starts.push({ at: c.start, heading: { start: c.start, end: c.end }, body: c.body, numbers: [...c.numbers] });
    last = c.numbers[c.numbers.length - 1];
    prevBody = c.body;
  }
  starts.sort((a, b) => a.at - b.at);
  const out: PlacedBlock[] = [];
  for (let k = 0; k < starts.length; k++) {
    const s = starts[k];
    const stop = k + 1 < starts.length ? starts[k + 1].at : to;
    const end = lastTextEnd(index, kinds, content, s.body, trimEnd(text, s.body, stop));
    const bodyEnd = Math.max(s.body, end);
    out.push({ heading: s.heading, numbers: s.numbers, span: { start: s.at, end: Math.max(bodyEnd, s.heading?.end ?? s.at) }, body: { start: s.body, end: bodyEnd } });
  }
  return out;
}
