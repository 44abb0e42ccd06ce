// Line-level reading of a document: layout detection, page furniture of PDF
// text, footnote texts at page bottoms, and headings (`Vraag 2 en 3`,
// `Antwoord op vraag 1`, `Antwoord vraag 4-7:`, ` • Vraag 12`,
// ` • Mededeling - 24 mei 2022`, `Toelichting:`). Hand-written scanners
// over one line at a time: no regular expression sees more than a line and
// none can backtrack.

import { isDigit, isLetter, isSpace, LineIndex, Span } from './text';
import type { Layout } from './types';

export const enum LineKind {
  Blank = 0,
  Text = 1,
  /** PDF page furniture: running headers, page footers, ISSN lines, the document id at the page bottom. */
  Furniture = 2,
  /** The text of a footnote at the bottom of a page (`1Kamerstuk 36 410 VIII, nr. 112`). */
  FootnoteText = 3,
  Heading = 4,
}

export type HeadingKind = 'question' | 'answer' | 'notice' | 'toelichting' | 'footer';

export interface Heading {
  readonly kind: HeadingKind;
  readonly line: number;
  /** Span of the heading text on its line (bullets and markdown stripped). */
  readonly span: Span;
  readonly numbers: readonly number[];
  /** For a DOCX question numbered `1.`: where the question text starts on the same line. */
  readonly inlineBodyStart: number | null;
  /** For an openkamer notice heading: the span of its date text. */
  readonly dateSpan: Span | null;
  /** A heading inside a line (text whose line breaks were collapsed): its body runs to the next heading. */
  readonly inline?: boolean;
}

/** Bullets before a heading (• · ▪ ● ◦); U+FFFD is the bullet of a Windows-1252 file read as UTF-8. */
function isBullet(c: number): boolean {
  return c === 0x2022 || c === 0xb7 || c === 0x25aa || c === 0x25cf || c === 0x25e6 || c === 0xfffd;
}

/** Markdown heading marks and quotes (`#`, `*`, `>`) and bullets. */
function isDecoration(c: number): boolean {
  return c === 35 || c === 42 || c === 62 || (c >= 0xb7 && isBullet(c));
}

/** The content of a line without markdown decoration (`## `, `**…**`), bullets and surrounding white space. */
export function contentSpan(text: string, start: number, end: number): Span {
  let s = start;
  let e = end;
  while (s < e && isSpace(text.charCodeAt(s))) s++;
  while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
  // Markdown heading marks and bullets.
  while (s < e && isDecoration(text.charCodeAt(s))) {
    s++;
    while (s < e && isSpace(text.charCodeAt(s))) s++;
  }
  while (e > s && (text.charCodeAt(e - 1) === 42 /* * */ || isSpace(text.charCodeAt(e - 1)))) e--;
  return { start: s, end: e };
}

/** A small cursor over one line's content. */
class Cursor {
  // Declared, and set by the constructor: a class field is defined on each new object by a function of
  // its own, which cost the first analysis of a large text (a cursor per line read) several ms.
  declare readonly text: string;
  declare pos: number;
  declare readonly end: number;

  constructor(text: string, pos: number, end: number) {
    this.text = text;
    this.pos = pos;
    this.end = end;
  }

  skipSpaces(): boolean {
    const start = this.pos;
    while (this.pos < this.end && isSpace(this.text.charCodeAt(this.pos))) this.pos++;
    return this.pos > start;
  }

  atEnd(): boolean {
    return this.pos >= this.end;
  }

  /** Reads a word of letters and returns it lower-cased, or null. */
  word(): string | null {
    const start = this.pos;
    while (this.pos < this.end && isLetter(this.text.charCodeAt(this.pos))) this.pos++;
    return this.pos > start ? this.text.slice(start, this.pos).toLowerCase() : null;
  }

  /** Reads a word of letters and tells whether it is `w` (lower-case ASCII) lower-cased; compares the characters instead of slicing. */
  wordIs(w: string): boolean {
    const start = this.pos;
    const text = this.text;
    let ascii = true;
    while (this.pos < this.end) {
      const c = text.charCodeAt(this.pos);
      if (((c | 32) - 97) >>> 0 < 26) this.pos++;
      else if (c >= 128 && isLetter(c)) {
        ascii = false;
        this.pos++;
      } else break;
    }
    const n = this.pos - start;
    if (n === 0) return false;
    // Outside ASCII lower-casing may change the length (İ) or give ASCII (the Kelvin sign): as `word`.
    if (!ascii) return text.slice(start, this.pos).toLowerCase() === w;
    if (n !== w.length) return false;
    for (let k = 0; k < n; k++) if ((text.charCodeAt(start + k) | 32) !== w.charCodeAt(k)) return false;
    return true;
  }

  /** Consumes `w` (case-insensitive) as a whole word. */
  keyword(w: string): boolean {
    const save = this.pos;
    if (this.wordIs(w)) return true;
    this.pos = save;
    return false;
  }

  /** A question number: up to five digits (a year's answers can run past 999). */
  number(maxDigits = 5): number | null {
    const start = this.pos;
    while (this.pos < this.end && isDigit(this.text.charCodeAt(this.pos)) && this.pos - start < maxDigits + 1) this.pos++;
    if (this.pos === start || this.pos - start > maxDigits) {
      this.pos = start;
      return null;
    }
    let value = 0;
    for (let p = start; p < this.pos; p++) value = value * 10 + (this.text.charCodeAt(p) - 48);
    return value;
  }

  /** Consumes the one UTF-16 unit `c`. */
  char(c: string): boolean {
    if (this.text.charCodeAt(this.pos) === c.charCodeAt(0)) {
      this.pos++;
      return true;
    }
    return false;
  }
}

/**
 * A list of question numbers: `2`, `2 en 3`, `4, 5, 7 en 8`, `2 t/m 4`, `4-7`,
 * `1,2,3,4 en 5`, `2 tot en met 4`. Returns null when the cursor is not at one.
 */
export function readNumberList(c: Cursor): number[] | null {
  const first = c.number();
  if (first === null || first < 1) return null;
  const numbers = [first];
  for (;;) {
    const save = c.pos;
    c.skipSpaces();
    let range = false;
    if (c.char(',') || c.char('&') || c.keyword('en')) {
      range = false;
    } else if (c.char('-') || c.char('–') || c.char('—')) {
      range = true;
    } else if (c.keyword('t') && c.char('/') && c.keyword('m')) {
      range = true;
    } else if (c.keyword('tot') && (c.skipSpaces(), c.keyword('en')) && (c.skipSpaces(), c.keyword('met'))) {
      range = true;
    } else {
      c.pos = save;
      break;
    }
    c.skipSpaces();
    const next = c.number();
    if (next === null) {
      c.pos = save;
      break;
    }
    const last = numbers[numbers.length - 1];
    if (range && next > last && next - last <= 50) {
      for (let n = last + 1; n <= next; n++) numbers.push(n);
    } else if (!range) {
      numbers.push(next);
    } else {
      c.pos = save;
      break;
    }
  }
  return numbers;
}

/** The end of a heading after its numbers: an optional `:` or `.`, then nothing but white space. */
function finishHeading(c: Cursor, kind: HeadingKind, span: Span, numbers: number[]): Omit<Heading, 'line'> | null {
  c.skipSpaces();
  if (!c.char(':')) c.char('.');
  c.skipSpaces();
  if (!c.atEnd()) return null;
  return { kind, span, numbers, inlineBodyStart: null, dateSpan: null };
}

/** Parses a question, answer, notice or toelichting heading that fills the whole line content. */
export function parseHeading(text: string, span: Span, layout: Layout): Omit<Heading, 'line'> | null {
  // Every heading word starts with v, a, m or t (an ASCII letter): other lines are passed over at once.
  const first = span.start < span.end ? text.charCodeAt(span.start) | 32 : 0;
  if (first !== 118 && first !== 97 && first !== 109 && first !== 116 && text.charCodeAt(span.start) < 128) return null;
  const c = new Cursor(text, span.start, span.end);
  if (c.keyword('vraag') || c.keyword('vragen')) {
    if (!c.skipSpaces()) return null;
    const numbers = readNumberList(c);
    return numbers ? finishHeading(c, 'question', span, numbers) : null;
  }
  if (c.keyword('antwoord') || c.keyword('antwoorden')) {
    const spaced = c.skipSpaces();
    // `Antwoord` or `Antwoord:` alone answers the question before it.
    if (c.atEnd() || (c.char(':') && (c.skipSpaces(), c.atEnd()))) return { kind: 'answer', span, numbers: [], inlineBodyStart: null, dateSpan: null };
    if (!spaced) return null;
    const save = c.pos;
    if (c.keyword('op') || c.keyword('bij')) c.skipSpaces();
    if (c.keyword('de')) c.skipSpaces();
    if (c.keyword('vraag') || c.keyword('vragen')) c.skipSpaces();
    else if (c.pos !== save && !isDigit(text.charCodeAt(c.pos))) return null;
    const numbers = readNumberList(c);
    return numbers ? finishHeading(c, 'answer', span, numbers) : null;
  }
  if (c.keyword('mededeling')) {
    const save = c.pos;
    c.skipSpaces();
    if (c.atEnd()) return { kind: 'notice', span, numbers: [], inlineBodyStart: null, dateSpan: null };
    if (layout === 'openkamer' && (c.char('-') || c.char('–'))) {
      c.skipSpaces();
      return { kind: 'notice', span, numbers: [], inlineBodyStart: null, dateSpan: { start: c.pos, end: span.end } };
    }
    c.pos = save;
    return null;
  }
  if (c.keyword('toelichting')) {
    c.skipSpaces();
    if (c.char(':') || c.atEnd()) return { kind: 'toelichting', span, numbers: [], inlineBodyStart: null, dateSpan: null };
    return null;
  }
  return null;
}

/** `12. Bent u bekend …`: a DOCX question numbered without the word "Vraag". */
export function parseNumberedQuestion(text: string, span: Span, expected: number): Omit<Heading, 'line'> | null {
  const c = new Cursor(text, span.start, span.end);
  const n = c.number();
  if (n !== expected) return null;
  const dot = c.char('.');
  const headingEnd = c.pos;
  c.skipSpaces();
  // `3` or `3.` alone on its line: the question follows on the next line.
  if (c.atEnd()) return { kind: 'question', span, numbers: [n], inlineBodyStart: null, dateSpan: null };
  if (!dot || c.pos === span.start + String(n).length + 1) return null;
  const ch = text.charCodeAt(c.pos);
  if (!isLetter(ch) && text[c.pos] !== '‘' && text[c.pos] !== '«' && text[c.pos] !== '"' && text[c.pos] !== '“') return null;
  return { kind: 'question', span: { start: span.start, end: headingEnd }, numbers: [n], inlineBodyStart: c.pos, dateSpan: null };
}

function startsWithWords(text: string, span: Span, words: string): boolean {
  return text.startsWith(words, span.start) && span.end - span.start >= words.length;
}

function includesBounded(text: string, span: Span, needle: string): boolean {
  if (span.end - span.start > 400) return false;
  return text.slice(span.start, span.end).includes(needle);
}

/** PDF page furniture that interrupts the running text. */
export function isFurniture(text: string, span: Span): boolean {
  if (span.end <= span.start) return false;
  if (span.end - span.start > 300) return false;
  if (includesBounded(text, span, 'ISSN 0921')) return true;
  if (includesBounded(text, span, 'Tweede Kamer, vergaderjaar') && /(Aanhangsel|Vragen)( ?\d{1,3})?$/.test(text.slice(span.start, span.end))) return true;
  if (startsWithWords(text, span, '’s-Gravenhage ') || startsWithWords(text, span, "'s-Gravenhage ")) return true;
  if (startsWithWords(text, span, 'Tweede Kamer der Staten-Generaal')) return true;
  const line = text.slice(span.start, span.end);
  // The document id alone on a line at a page bottom (`h tk 20232024 302` in Markdown conversions), and a Markdown rule.
  if (/^a?h[ -]tk[ -][0-9Z]{8,10}([ -]\d{1,5})?$/.test(line) || /^kv-tk-[0-9Z]{8,10}$/.test(line)) return true;
  if (/^-{3,}$/.test(line)) return true;
  // The logo superscript of a Markdown conversion (`# 2`), the year line of the running header.
  if (/^Vergaderjaar \d{4}[–-]\d{4}/.test(line)) return true;
  return false;
}

/** `1Kamerstuk …`, `10Aanhangsel …`, `1 Dagblad van het Noorden, …`: a line that starts a footnote text. */
export function footnoteTextNumber(text: string, span: Span): number | null {
  const c = new Cursor(text, span.start, span.end);
  const n = c.number(3);
  if (n === null || n < 1 || c.atEnd()) return null;
  const spaced = c.skipSpaces();
  const ch = text.charCodeAt(c.pos);
  if (c.atEnd()) return null;
  if (spaced) {
    // Markdown conversions: `1 Dagblad …` with a capital, `2 https://…`.
    const s = text[c.pos];
    return (s !== s.toLowerCase() && isLetter(ch)) || text.startsWith('http', c.pos) || text.startsWith('www.', c.pos) ? n : null;
  }
  if (isDigit(ch) || text[c.pos] === '.' || text[c.pos] === ',' || text[c.pos] === '-' || text[c.pos] === ':') return null;
  // `1de Limburger, …` starts a footnote; `9aba86f3e38a` is the tail of a broken web address.
  const lower = text[c.pos] !== text[c.pos].toUpperCase();
  for (let i = c.pos; lower && i < span.end && i - c.pos < 40 && !isSpace(text.charCodeAt(i)); i++) {
    if (isDigit(text.charCodeAt(i)) && !text.startsWith('http', c.pos) && !text.startsWith('www.', c.pos)) return null;
  }
  return n;
}

export function detectLayout(index: LineIndex): Layout {
  const text = index.text;
  const limit = Math.min(index.lineCount, 4000);
  for (let line = 0; line < limit; line++) {
    const span = contentSpan(text, index.lineStart(line), index.lineEnd(line));
    if (span.start === span.end) continue;
    const s = text.slice(span.start, Math.min(span.end, span.start + 40));
    if (/^Kamervraag \d{4}Z\d{5}/.test(s)) return 'openkamer';
    break;
  }
  for (let line = index.lineCount - 1, seen = 0; line >= 0 && seen < 20; line--, seen++) {
    const start = index.lineStart(line);
    if (text.startsWith('Kamervraag document nummer:', start) || text.startsWith('Kamerantwoord document nummer:', start)) return 'openkamer';
  }
  for (let line = 0; line < limit; line++) {
    const start = index.lineStart(line);
    if (text.startsWith(' • Vraag ', start)) return 'openkamer';
  }
  return 'official';
}

/** What may stand right before an inline heading: the end of a sentence, a footnote marker, a number. */
function endsBeforeHeading(text: string, at: number): boolean {
  let i = at - 1;
  while (i >= 0 && isSpace(text.charCodeAt(i))) i--;
  if (i < 0) return true;
  const c = text[i];
  return c === '.' || c === '?' || c === '!' || c === ')' || c === '»' || c === '”' || c === ':' || isDigit(text.charCodeAt(i));
}

/**
 * Headings inside a long line, for PDF text whose white space was collapsed to
 * single spaces: `… nr. 403 Vraag 1 Kent u …?1, 2 Antwoord 1 Ja. Vraag 2 en 3 Herinnert …`.
 * A heading must follow the end of a sentence and be followed by a capital.
 */
export function inlineHeadings(text: string, line: number, span: Span, layout: Layout): Heading[] {
  const out: Heading[] = [];
  for (const word of ['Vraag ', 'Antwoord ']) {
    for (let at = text.indexOf(word, span.start); at >= 0 && at < span.end; at = text.indexOf(word, at + word.length)) {
      if (!endsBeforeHeading(text, at)) continue;
      const c = new Cursor(text, at, span.end);
      c.word();
      c.skipSpaces();
      const numbers = readNumberList(c);
      if (!numbers) continue;
      const end = c.pos;
      if (!c.skipSpaces()) continue;
      const next = text[c.pos];
      if (!next || next === next.toLowerCase() || !isLetter(text.charCodeAt(c.pos))) {
        if (next !== '«' && next !== '‘') continue;
      }
      const kind = parseHeading(text, { start: at, end }, layout)?.kind;
      if (kind !== 'question' && kind !== 'answer') continue;
      out.push({ kind, line, span: { start: at, end }, numbers, inlineBodyStart: null, dateSpan: null, inline: true });
    }
  }
  return out.sort((a, b) => a.span.start - b.span.start);
}
