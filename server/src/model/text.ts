// Text and line index: offsets are UTF-16 code units, positions are 0-based
// line and character as in LSP. Line breaks are \n, \r\n and \r. Also the
// character classes and the named character codes that the grammars compare,
// and the binary search that every look-up by offset in a sorted list shares.

export interface Position {
  readonly line: number;
  readonly character: number;
}

export interface Range {
  readonly start: Position;
  readonly end: Position;
}

/** A half-open span [start, end) of UTF-16 offsets into the document text. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/**
 * The first index in [0, n) at which `before` turns false, or n: for a list
 * sorted so that `before` holds for a prefix of it (`(i) => starts[i] < offset`
 * finds the first start at or after `offset`; `(i) => starts[i] <= offset`, less
 * one, the last start at or before it).
 */
export function partitionPoint(n: number, before: (i: number) => boolean): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The first index in [0, n) whose value is at or after `value` (n when none),
 * in a non-decreasing array: `partitionPoint` without a callback, for the hot
 * look-ups (token starts, line starts, token indices).
 */
export function firstAtOrAfter(sorted: Int32Array, n: number, value: number): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The first index in [0, n) whose value is after the integer `value` (n when none), in a non-decreasing array. */
export function firstAfter(sorted: Int32Array, n: number, value: number): number {
  return firstAtOrAfter(sorted, n, value + 1);
}

function grow(a: Int32Array): Int32Array {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

export class LineIndex {
  /** Offset of the first character of each line. */
  private readonly starts: Int32Array;
  /** Offset just past the last character of each line, before its line break. */
  private readonly ends: Int32Array;

  constructor(readonly text: string) {
    let starts: Int32Array = new Int32Array(256);
    let ends: Int32Array = new Int32Array(256);
    let line = 0;
    // The breaks (\n, \r\n, \r) found with indexOf, a byte search, rather than by reading every character.
    let lf = text.indexOf('\n');
    let cr = text.indexOf('\r');
    while (lf >= 0 || cr >= 0) {
      let end: number;
      let next: number;
      if (cr < 0 || (lf >= 0 && lf < cr)) {
        end = lf;
        next = lf + 1;
        lf = text.indexOf('\n', next);
      } else {
        end = cr;
        next = cr + 1;
        if (lf === next) {
          next++;
          lf = text.indexOf('\n', next);
        }
        cr = text.indexOf('\r', cr + 1);
      }
      if (line + 1 === starts.length) {
        starts = grow(starts);
        ends = grow(ends);
      }
      ends[line] = end;
      starts[++line] = next;
    }
    ends[line] = text.length;
    // Views of the lines' length: an index past the last line reads undefined, as from an array.
    this.starts = starts.subarray(0, line + 1);
    this.ends = ends.subarray(0, line + 1);
  }

  get lineCount(): number {
    return this.starts.length;
  }

  lineStart(line: number): number {
    return this.starts[line];
  }

  /** Offset of the end of the line's content (before the line break). */
  lineEnd(line: number): number {
    return this.ends[line];
  }

  lineText(line: number): string {
    return this.text.slice(this.starts[line], this.ends[line]);
  }

  /** The line found last: look-ups mostly go forward through the document, so it or the next line is tried first. */
  private lastLine = 0;

  /** The line that holds `offset` (a line break belongs to the line it ends). */
  lineAt(offset: number): number {
    const starts = this.starts;
    const hi = starts.length - 1;
    if (offset <= 0) return 0;
    if (offset >= this.text.length) return hi;
    const last = this.lastLine;
    if (starts[last] <= offset) {
      if (last === hi || starts[last + 1] > offset) return last;
      if (last + 1 === hi || starts[last + 2] > offset) return (this.lastLine = last + 1);
    }
    // The first line starts at 0 < offset: the last line that starts at or before it.
    return (this.lastLine = firstAfter(starts, starts.length, offset) - 1);
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    const line = this.lineAt(clamped);
    const character = Math.min(clamped, this.ends[line]) - this.starts[line];
    return { line, character };
  }

  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.starts.length) return this.text.length;
    const start = this.starts[position.line];
    const end = this.ends[position.line];
    return Math.max(start, Math.min(start + Math.max(0, position.character), end));
  }

  rangeOf(span: Span): Range {
    return { start: this.positionAt(span.start), end: this.positionAt(span.end) };
  }
}

// ── Characters ─────────────────────────────────────────────────────────────

/** Character codes as `charCodeAt` gives them, named once for every grammar that compares them. */
export const LF = 10;
export const CR = 13;
export const PERCENT = 37;
export const AMPERSAND = 38;
export const OPEN_PAREN = 40;
export const CLOSE_PAREN = 41;
export const COMMA = 44;
export const HYPHEN = 45;
export const DOT = 46;
export const SLASH = 47;
export const COLON = 58;
export const SEMICOLON = 59;
export const OPEN_BRACKET = 91;
export const CLOSE_BRACKET = 93;
export const DEGREE = 0xb0;
export const EN_DASH = 0x2013;

/** True for every white-space character that may separate words, no-break spaces included. */
export function isSpace(c: number): boolean {
  // The printable ASCII characters, most of any text, answered at once.
  if (c > 32 && c < 127) return false;
  return (
    c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || c === 0x202f || c === 0x2007 ||
    c === 11 || c === 12 || c === 0xfeff || (c >= 0x2000 && c <= 0x200b) || c === 0x3000 || c === 0x1680 ||
    c === 0x205f || c === 0x2028 || c === 0x2029 || c === 0x85
  );
}

/** Exactly the characters of `/\s/` (no U+0085 or U+200B, which `isSpace` has): for code that trims as a regular expression did. */
export function isRegexSpace(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f ||
    c === 0x205f || c === 0x3000 || c === 0xfeff;
}

export function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

const letterRe = /\p{L}|\p{M}/u;

/** The answers of the regular expression for the UTF-16 units outside ASCII, kept as met: 0 not yet asked, 1 letter, 2 not a letter. */
const letterCache = new Uint8Array(0x10000);

export function isLetter(c: number): boolean {
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  if (c >= 0xd800 && c <= 0xdfff) return false;
  if (c > 0xffff) return letterRe.test(String.fromCharCode(c));
  let known = letterCache[c];
  if (known === 0) {
    known = letterRe.test(String.fromCharCode(c)) ? 1 : 2;
    letterCache[c] = known;
  }
  return known === 1;
}

/** Collapses every run of white space (no-break spaces included) into one space and trims. */
export function normalizeSpace(s: string): string {
  // Runs of other characters are copied as one slice each.
  let out = '';
  let pendingSpace = false;
  const n = s.length;
  let i = 0;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (c === 32 || (c <= 32 || c >= 127 ? isSpace(c) : false)) {
      pendingSpace = out.length > 0;
      i++;
      continue;
    }
    let j = i + 1;
    while (j < n) {
      const d = s.charCodeAt(j);
      if (d === 32 || (d <= 32 || d >= 127 ? isSpace(d) : false)) break;
      j++;
    }
    if (pendingSpace) out += ' ';
    pendingSpace = false;
    out += i === 0 && j === n ? s : s.slice(i, j);
    i = j;
  }
  return out;
}

/**
 * Whether a line ends inside a web address: its last word is one
 * (`https://…`, `www.…`, `(https://…`) and ends with no punctuation that
 * closes a sentence or a bracket. A line break there is no word break.
 */
export function endsInWebAddress(line: string): boolean {
  let i = line.length;
  while (i > 0 && !isSpace(line.charCodeAt(i - 1))) i--;
  const word = line.slice(i);
  const c = word[word.length - 1];
  if (c === '.' || c === ',' || c === ')' || c === ';' || c === '»' || c === '”') return false;
  return word.includes('://') || word.startsWith('www.') || word.startsWith('(http') || word.startsWith('(www.');
}
