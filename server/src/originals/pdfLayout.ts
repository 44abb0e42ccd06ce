// The text layout of PDF pages, from positioned text items to lines in the
// official text layout. Pure: no pdf.js here, so every rule can be tested on
// items made by hand.
//
// Per page: items are grouped into lines by baseline (a superscript, raised a
// little and set smaller, belongs to the line it is raised above), items in a
// line are read left to right with a space wherever the gap between them is a
// word gap, the lines top to bottom. Superscript footnote markers are glued to
// the word before them (`brief2`, `?1, 2`); the number that starts a footnote
// text at the page bottom is glued to the note (`1Kamerstuk …`). Lines that
// wrap a paragraph are joined into one line (a line ends a paragraph when the
// first word of the next line would have fitted on it, when the gap below it is
// wider than the leading, or when the next line starts a note or a list item),
// and a word broken over two lines with a hyphen is joined again
// (`leveringszeker-` + `heid`), keeping the hyphens that belong to the words
// (`Noord-Holland`, `lees- en schrijfvaardigheid`). Page furniture (running
// footers, the ISSN line, the chamber logo) stays in as lines of its own: the
// analysis recognises it.

import { endsInWebAddress, isDigit, partitionPoint } from '../model/text';

/** One run of text on a PDF page, in PDF user space (y grows upwards). */
export interface PdfItem {
  readonly str: string;
  /** Left end of the baseline. */
  readonly x: number;
  /** Baseline. */
  readonly y: number;
  /** Advance width of the run. */
  readonly width: number;
  /** Font size (the vertical scale of the text matrix). */
  readonly size: number;
}

/** A paragraph of a page: one line of the output text. */
export interface PdfParagraph {
  readonly text: string;
}

interface Line {
  y: number;
  /** The size of the item that fixed the baseline (the largest). */
  size: number;
  items: PdfItem[];
}

interface LaidLine {
  readonly y: number;
  /** The size of the line's body text (the item with the most characters). */
  readonly size: number;
  readonly left: number;
  /** Where the text starts after a leading note number or list bullet. */
  readonly textLeft: number;
  readonly right: number;
  /** Estimated width of the first word after a leading note number or bullet. */
  readonly firstWordWidth: number;
  readonly text: string;
  /** Starts with a footnote number, a bullet or a list number: a paragraph of its own. */
  readonly startsItem: boolean;
  /** Holds a column gap (a table row, a header or footer in two columns): never joined. */
  readonly columns: boolean;
}

/** Relative to the font size: a gap at least this wide between two runs is a word space. */
const WORD_GAP = 0.15;
/** Relative to the font size: a gap this wide separates columns. */
const COLUMN_GAP = 2.5;
/** A baseline within this fraction of the line's font size belongs to the line. */
const BASELINE_TOLERANCE = 0.5;
/** A superscript is set at most this fraction of the body size … */
const SUPERSCRIPT_SIZE = 0.85;
/** … and its baseline raised at least this fraction of it. */
const SUPERSCRIPT_RAISE = 0.12;
/** Lines of a paragraph follow each other at most this many font sizes apart. */
const MAX_LEADING = 1.5;

const BULLETS = new Set(['–', '-', '•', '·', '▪', '◦', '*', '—', '', '']);

function isWhite(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

function isLetterChar(ch: string): boolean {
  return ch.toLowerCase() !== ch.toUpperCase();
}

function isLowerLetter(ch: string): boolean {
  return ch !== ch.toUpperCase() && ch === ch.toLowerCase();
}

function isDigitChar(ch: string): boolean {
  return isDigit(ch.charCodeAt(0));
}

/** Where a line with baseline y goes in `lines` (sorted by y descending). */
function insertionPoint(lines: readonly Line[], y: number): number {
  return partitionPoint(lines.length, (i) => lines[i].y > y);
}

/** Index of the line whose baseline is nearest to y in `lines` (sorted by y descending), or -1. */
function nearestLine(lines: readonly Line[], y: number): number {
  const lo = insertionPoint(lines, y);
  let best = -1;
  let bestD = Infinity;
  for (const i of [lo - 1, lo]) {
    if (i < 0 || i >= lines.length) continue;
    const d = Math.abs(lines[i].y - y);
    if (d < bestD) {
      bestD = d;
      best = i;
    }
  }
  return best;
}

/** The most common font size of the items, weighted by characters (the body text size). */
export function bodySize(pages: readonly (readonly PdfItem[])[]): number {
  const weight = new Map<number, number>();
  for (const items of pages) {
    for (const it of items) {
      const key = Math.round(it.size * 10) / 10;
      weight.set(key, (weight.get(key) ?? 0) + it.str.length);
    }
  }
  let best = 0;
  let bestW = -1;
  for (const [size, w] of weight) {
    if (w > bestW || (w === bestW && size > best)) {
      best = size;
      bestW = w;
    }
  }
  return best;
}

/** Groups the items of a page into lines, top to bottom; items left to right. */
export function groupLines(items: readonly PdfItem[], body: number): PdfItem[][] {
  const usable = items.filter((it) => it.str.length > 0 && Number.isFinite(it.x) && Number.isFinite(it.y) && it.size > 0 && hasText(it.str));
  // Big items first: they fix the baselines that superscripts are raised above.
  const order = [...usable].sort((a, b) => b.size - a.size || b.y - a.y || a.x - b.x);
  const lines: Line[] = [];
  const logos: PdfItem[] = [];
  for (const it of order) {
    // A logo or drop cap many times the body size: placed beside a line afterwards.
    if (body > 0 && it.size > 2.5 * body && it.str.trim().length <= 3) {
      logos.push(it);
      continue;
    }
    const i = nearestLine(lines, it.y);
    if (i >= 0 && Math.abs(lines[i].y - it.y) <= BASELINE_TOLERANCE * Math.max(lines[i].size, it.size)) {
      lines[i].items.push(it);
      continue;
    }
    lines.splice(insertionPoint(lines, it.y), 0, { y: it.y, size: it.size, items: [it] });
  }
  for (const logo of logos) {
    // The line whose baseline lies within the logo's height, to its left: `Tweede Kamer der Staten-Generaal 2`.
    let host: Line | null = null;
    for (const l of lines) {
      if (l.y >= logo.y && l.y <= logo.y + logo.size && (host === null || l.y < host.y)) host = l;
    }
    if (host !== null) host.items.push(logo);
    else {
      lines.splice(insertionPoint(lines, logo.y), 0, { y: logo.y, size: logo.size, items: [logo] });
    }
  }
  return lines.map((l) => l.items.sort((a, b) => a.x - b.x));
}

function hasText(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (!isWhite(s.charCodeAt(i))) return true;
  return false;
}

/** The font size of a line's body text: the size of its item with the most characters. */
function lineSize(items: readonly PdfItem[]): number {
  let best = items[0];
  for (const it of items) if (it.str.length > best.str.length) best = it;
  return best.size;
}

function baselineOf(items: readonly PdfItem[], size: number): number {
  for (const it of items) if (it.size === size) return it.y;
  return items[0].y;
}

function isSuperscript(it: PdfItem, size: number, baseline: number): boolean {
  return it.size < SUPERSCRIPT_SIZE * size && it.y - baseline > SUPERSCRIPT_RAISE * size;
}

function isNumberRun(s: string): boolean {
  // `1`, `12`, `1, 2`, `3 4`: digits with commas and spaces.
  let digits = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
    else if (c !== 44 && !isWhite(c)) return false;
  }
  return digits > 0;
}

/** The text of one line, with its geometry. */
export function layLine(items: readonly PdfItem[]): LaidLine {
  const size = lineSize(items);
  const baseline = baselineOf(items, size);
  let text = '';
  let columns = false;
  let startsItem = false;
  let textStart = 0;
  let prevEnd = -Infinity;
  let prevSuper = false;
  let prevTrailingSpace = false;
  for (let k = 0; k < items.length; k++) {
    const it = items[k];
    const sup = isSuperscript(it, size, baseline) && isNumberRun(it.str);
    const raw = it.str;
    const s = raw.trim();
    const leadingSpace = raw.length > 0 && isWhite(raw.charCodeAt(0));
    const gap = it.x - prevEnd;
    if (k === 0) {
      text = s;
      if (sup) {
        // The number that starts a footnote text.
        startsItem = true;
        textStart = 1;
      } else if (BULLETS.has(s) || isListNumber(s)) {
        startsItem = true;
        textStart = 1;
      }
    } else {
      if (gap > COLUMN_GAP * size && !(k === 1 && startsItem)) columns = true;
      let space: boolean;
      if (sup && !prevSuper) space = false; // a marker glued to its word: `brief2`, `?1, 2`
      else if (k === 1 && prevSuper) space = !isLetterChar(s[0]) && s[0] !== '«' && s[0] !== '(' && s[0] !== '‘' && s[0] !== '“' && s[0] !== '"';
      else space = prevTrailingSpace || leadingSpace || gap > WORD_GAP * Math.min(size, it.size > 0 ? it.size : size);
      text += (space ? ' ' : '') + s;
    }
    prevEnd = it.x + it.width;
    prevSuper = sup;
    prevTrailingSpace = raw.length > 0 && isWhite(raw.charCodeAt(raw.length - 1));
  }
  const first = items[Math.min(textStart, items.length - 1)];
  const left = items[0].x;
  let right = left;
  for (const it of items) right = Math.max(right, it.x + it.width);
  const fs = first.str.trim();
  let wordEnd = 0;
  while (wordEnd < fs.length && !isWhite(fs.charCodeAt(wordEnd))) wordEnd++;
  // The average advance of a character of the run, for the word and the space before it.
  const firstWordWidth = fs.length === 0 ? 0 : (first.width * (wordEnd + 1)) / Math.max(1, first.str.length);
  return {
    y: baseline,
    size,
    left,
    textLeft: textStart > 0 && items.length > 1 ? first.x : left,
    right,
    firstWordWidth,
    text: composeAccents(collapse(text)),
    startsItem,
    columns,
  };
}

/** `1.`, `a.`, `1)`, `a)`: the number of a list item standing as a run of its own. */
function isListNumber(s: string): boolean {
  if (s.length < 2 || s.length > 4) return false;
  const last = s[s.length - 1];
  if (last !== '.' && last !== ')') return false;
  const body = s.slice(0, -1);
  for (const ch of body) if (!isDigitChar(ch) && !isLowerLetter(ch)) return false;
  return true;
}

function collapse(s: string): string {
  let out = '';
  let space = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isWhite(c)) {
      space = out.length > 0;
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += s[i];
  }
  return out;
}

/** Conjunctions that follow a hyphen that stands for a left-out word part: `lees- en schrijfvaardigheid`. */
const AFTER_ELLIPTIC_HYPHEN = new Set(['en', 'of', 'tot', 'als', 'noch', 'dan', 'and', 'or']);
/** Vowel pairs read as one sound: a hyphen between them keeps the parts apart (`zee-eend`, `auto-ongeluk`). */
const ONE_SOUND = new Set(['aa', 'ae', 'ai', 'au', 'ee', 'ei', 'eu', 'ie', 'ij', 'oe', 'oi', 'oo', 'ou', 'ui', 'uu']);

/**
 * Joins line `b` to line `a` of the same paragraph. A word broken with a hyphen
 * at the end of `a` is joined without the hyphen when it is one word broken for
 * the line end (`leveringszeker-` + `heid`); the hyphen stays, without a space,
 * when it belongs to the word (`Noord-` + `Holland`, `e-` + `mail`,
 * `COVID-` + `19`, `zee-` + `eend`), and stays with a space when it stands for
 * a left-out part (`lees-` + `en schrijfvaardigheid`).
 */
export function joinLines(a: string, b: string): string {
  if (a.length === 0) return b;
  if (b.length === 0) return a;
  const n = a.length;
  // A web address broken over two lines goes on without a space, hyphens and all.
  if (endsInWebAddress(a)) return a + b;
  if (n >= 2 && (a[n - 1] === '-' || a[n - 1] === '\u00ad') && isLetterChar(a[n - 2])) {
    const soft = a[n - 1] === '\u00ad';
    const head = a.slice(0, n - 1);
    let wordEnd = 0;
    while (wordEnd < b.length && !isWhite(b.charCodeAt(wordEnd))) wordEnd++;
    const next = b.slice(0, wordEnd);
    let prefixStart = n - 1;
    while (prefixStart > 0 && isLetterChar(a[prefixStart - 1])) prefixStart--;
    const prefix = a.slice(prefixStart, n - 1);
    if (soft) return head + b;
    if (AFTER_ELLIPTIC_HYPHEN.has(next.toLowerCase())) return `${a} ${b}`;
    if (!isLowerLetter(b[0])) return a + b;
    // `e-mail`, `x-as`: a one-letter prefix keeps its hyphen.
    if (prefix.length <= 1) return a + b;
    // A word joined before the hyphen (`Noord-`, `COVID-`) keeps it: a capital or a hyphen inside the prefix.
    if (prefixStart > 0 && a[prefixStart - 1] === '-') return a + b;
    if (prefix.length >= 2 && prefix === prefix.toUpperCase()) return a + b;
    const pair = (a[n - 2] + b[0]).toLowerCase();
    if (ONE_SOUND.has(pair)) return a + b;
    return head + b;
  }
  if (n >= 2 && a[n - 1] === '-' && isDigitChar(a[n - 2])) return a + b;
  return `${a} ${b}`;
}

/** Spacing accents that a PDF sets as a glyph of their own after the letter (`Kostic´`). */
const SPACING_ACCENTS: Record<string, string> = { '´': '\u0301', '`': '\u0300', '¨': '\u0308', 'ˆ': '\u0302', '˜': '\u0303', 'ˇ': '\u030c', '¸': '\u0327' };

/**
 * Puts a spacing accent that follows a letter at a word end onto the letter
 * (`Kostic´` → `Kostić`) where one precomposed letter exists; an accent inside a
 * word is left alone (`auto´s` writes an apostrophe).
 */
export function composeAccents(s: string): string {
  let out = '';
  let from = 0;
  for (let i = 1; i < s.length; i++) {
    const mark = SPACING_ACCENTS[s[i]];
    if (mark === undefined || !isLetterChar(s[i - 1]) || (i + 1 < s.length && isLetterChar(s[i + 1]))) continue;
    const composed = (s[i - 1] + mark).normalize('NFC');
    if (composed.length !== 1) continue;
    out += s.slice(from, i - 1) + composed;
    from = i + 1;
  }
  return from === 0 ? s : out + s.slice(from);
}

/** The widest right end of the lines of body text: the column's right margin. */
function columnRight(lines: readonly LaidLine[], body: number): number {
  let right = 0;
  for (const l of lines) if (!l.columns && Math.abs(l.size - body) <= 0.1 * body) right = Math.max(right, l.right);
  if (right === 0) for (const l of lines) right = Math.max(right, l.right);
  return right;
}

function continues(a: LaidLine, b: LaidLine, contLeft: number, margin: number): boolean {
  if (a.columns || b.columns || b.startsItem) return false;
  if (Math.abs(a.size - b.size) > 0.1 * a.size) return false;
  const step = a.y - b.y;
  if (step <= 0 || step > MAX_LEADING * a.size) return false;
  if (Math.abs(b.left - contLeft) > 0.25 * a.size) return false;
  const at = a.text.length;
  const hyphenated = at >= 2 && a.text[at - 1] === '-' && isLetterChar(a.text[at - 2]) && isLowerLetter(b.text[0] ?? '');
  if (hyphenated) return true;
  // The first word of b would have fitted on a: a ended its paragraph. A line
  // that ends without closing punctuation is given a margin of doubt (a
  // narrower column, a word estimated too wide): its sentence goes on.
  const last = a.text[at - 1];
  const closed = last === '.' || last === '?' || last === '!' || last === ':' || last === ';';
  return a.right + b.firstWordWidth > margin - (closed ? 0 : 2 * a.size);
}

/** Lays out the pages: per page its paragraphs, one output line each. */
export function layoutPages(pages: readonly (readonly PdfItem[])[]): PdfParagraph[][] {
  const body = bodySize(pages);
  const laid = pages.map((items) => groupLines(items, body).map(layLine));
  const all: LaidLine[] = [];
  for (const p of laid) for (const l of p) all.push(l);
  const margin = columnRight(all, body);
  return laid.map((lines) => {
    const out: PdfParagraph[] = [];
    let text = '';
    let last: LaidLine | null = null;
    let contLeft = 0;
    for (const line of lines) {
      if (last !== null && continues(last, line, contLeft, margin)) {
        text = joinLines(text, line.text);
      } else {
        if (last !== null) out.push({ text });
        text = line.text;
        contLeft = line.textLeft;
      }
      last = line;
    }
    if (last !== null) out.push({ text });
    return out;
  });
}

/** Text and places of laid-out pages: one place per paragraph, pages in order. */
export function assemble(pages: readonly (readonly PdfParagraph[])[]): { text: string; places: { offset: number; page: number }[] } {
  const parts: string[] = [];
  const places: { offset: number; page: number }[] = [];
  let offset = 0;
  pages.forEach((paragraphs, i) => {
    for (const p of paragraphs) {
      if (p.text.length === 0) continue;
      places.push({ offset, page: i + 1 });
      parts.push(p.text);
      offset += p.text.length + 1;
    }
  });
  return { text: parts.length === 0 ? '' : `${parts.join('\n')}\n`, places };
}
