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

/** `span` moved by `d` characters: where it stands after an edit before it. */
export function movedSpan(span: Span, d: number): Span {
  return { start: span.start + d, end: span.end + d };
}

/**
 * The range of an element on a line after an edit's changed lines, in the text
 * after the edit: the same characters, `lineDelta` lines on (the same object
 * when the edit added or removed no line).
 */
export function movedRange(r: Range, lineDelta: number): Range {
  return lineDelta === 0 ? r : { start: { line: r.start.line + lineDelta, character: r.start.character }, end: { line: r.end.line + lineDelta, character: r.end.character } };
}

/** A view of the whole 32-bit words of `a`, to test four bytes at once (null when it does not start on a word). */
export function byteWords(a: Uint8Array): Uint32Array | null {
  return a.byteOffset % 4 === 0 ? new Uint32Array(a.buffer, a.byteOffset, a.length >> 2) : null;
}

/** Whether a string holds only ASCII characters. */
export function isAscii(s: string): boolean {
  return !BEYOND_ASCII.test(s);
}

const BEYOND_ASCII = /[\u0080-\uffff]/;

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

/**
 * `firstAtOrAfter` where every entry before `from` is less than `value` (a walk in
 * increasing order): galloping forward from `from`, a few steps when the answer is near.
 */
export function firstAtOrAfterFrom(sorted: Int32Array, n: number, value: number, from: number): number {
  if (from >= n || sorted[from] >= value) return from;
  // sorted[lo] < value throughout; hi is past the answer once sorted[hi] >= value (or hi = n).
  let lo = from;
  let step = 1;
  let hi = from + 1;
  while (hi < n && sorted[hi] < value) {
    lo = hi;
    step <<= 1;
    hi = lo + step;
  }
  if (hi > n) hi = n;
  lo++;
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

/**
 * The line breaks (\n, \r\n, \r) of `text` from the line start `from`, found
 * with indexOf, a byte search, rather than by reading every character. With `until`, it stops at the
 * first line start at or past `until.offset` and reports that line start in `until.stoppedAt` (-1: it
 * ran to the end of the text). Returns the starts and ends of the lines found.
 */
function scanBreaks(text: string, from: number, until: { offset: number; stoppedAt: number } | null): { starts: Int32Array; ends: Int32Array } {
  let starts: Int32Array = new Int32Array(256);
  let ends: Int32Array = new Int32Array(256);
  starts[0] = from;
  let line = 0;
  let lf = text.indexOf('\n', from);
  let cr = text.indexOf('\r', from);
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
    if (until !== null && next >= until.offset) {
      until.stoppedAt = next;
      return { starts: starts.subarray(0, line + 1), ends: ends.subarray(0, line) };
    }
  }
  ends[line] = text.length;
  if (until !== null) until.stoppedAt = -1;
  // Views of the lines' length: an index past the last line reads undefined, as from an array.
  return { starts: starts.subarray(0, line + 1), ends: ends.subarray(0, line + 1) };
}

export class LineIndex {
  /** Offset of the first character of each line. */
  private readonly starts: Int32Array;
  /** Offset just past the last character of each line, before its line break. */
  private readonly ends: Int32Array;

  /**
   * With `previous`: that text, and how many characters it shares with this one at the start and at
   * the end, until the tokenizer takes them (`takeShared`): it reads the same edit, and the previous
   * text is not held longer than that.
   */
  private shared: { readonly previous: string; readonly prefix: number; readonly suffix: number } | null;

  /** What `shared` says, once: then it is let go. */
  takeShared(): { readonly previous: string; readonly prefix: number; readonly suffix: number } | null {
    const shared = this.shared;
    this.shared = null;
    return shared;
  }

  /**
   * The lines of `text`. With `previous`, the lines of an earlier version of
   * the text: its lines before the first changed character and after the last
   * one are taken over (those after moved), and only the changed stretch is
   * searched for line breaks. The result is the same.
   */
  constructor(readonly text: string, previous?: LineIndex) {
    let shared: LineIndex['shared'] = null;
    if (previous !== undefined) {
      const max = Math.min(previous.text.length, text.length);
      const prefix = commonPrefix(previous.text, text, max);
      shared = { previous: previous.text, prefix, suffix: commonSuffix(previous.text, text, max - prefix) };
    }
    this.shared = shared;
    const reused = previous !== undefined && shared !== null ? LineIndex.afterEdit(previous, text, shared.prefix, shared.suffix) : null;
    if (reused !== null) {
      this.starts = reused.starts;
      this.ends = reused.ends;
      return;
    }
    const lines = scanBreaks(text, 0, null);
    this.starts = lines.starts;
    this.ends = lines.ends;
  }

  /**
   * The lines of `text` from those of an earlier version: the lines that end before the first changed
   * character stay; from the start of the line that holds it, the breaks are searched up to a line
   * start two characters past the last changed character (a break of two characters, \r\n, then lies
   * wholly in the unchanged end, and so does the line start, which the old text has too), and from
   * there the old lines move. Null when less than half of the text is the same (searching all is as cheap), or when the old lines do not line up (never, by the above: a check).
   */
  private static afterEdit(previous: LineIndex, text: string, p: number, s: number): { starts: Int32Array; ends: Int32Array } | null {
    const old = previous.text;
    if (p === text.length && s === 0 && old.length === text.length) return { starts: previous.starts, ends: previous.ends };
    // Another text (the index reading the next file): nothing worth taking over.
    if (p + s < text.length >> 1) return null;
    const d = text.length - old.length;
    // From the line before the one that holds the first change: a `\r` that ended it may now be the start of a `\r\n`.
    const a = Math.max(0, previous.lineAt(p) - 1);
    const from = previous.starts[a];
    const until = { offset: text.length - s + 2, stoppedAt: -1 };
    const mid = scanBreaks(text, from, until);
    // Lines of the new text: the first `a` of the old, those found, then (when the scan stopped) the old ones from the one starting where it stopped.
    let rest = -1;
    if (until.stoppedAt >= 0) {
      rest = firstAtOrAfter(previous.starts, previous.starts.length, until.stoppedAt - d);
      if (rest >= previous.starts.length || previous.starts[rest] !== until.stoppedAt - d) return null;
    }
    const found = until.stoppedAt >= 0 ? mid.starts.length - 1 : mid.starts.length;
    const tail = rest >= 0 ? previous.starts.length - rest : 0;
    const count = a + found + tail;
    const starts = new Int32Array(count);
    const ends = new Int32Array(count);
    starts.set(previous.starts.subarray(0, a), 0);
    ends.set(previous.ends.subarray(0, a), 0);
    starts.set(mid.starts.subarray(0, found), a);
    ends.set(mid.ends.subarray(0, found), a);
    for (let i = 0; i < tail; i++) {
      starts[a + found + i] = previous.starts[rest + i] + d;
      ends[a + found + i] = previous.ends[rest + i] + d;
    }
    return { starts, ends };
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
    // The elements of an analysis are asked for in text order, mostly a few lines apart: the search
    // gallops from the line asked last (1, 2, 4, … lines on) and halves the last step, in steps of the
    // logarithm of the distance rather than of the document's length.
    let lo: number;
    let up: number;
    if (starts[last] <= offset) {
      if (last === hi || starts[last + 1] > offset) return last;
      let step = 1;
      lo = last + 1;
      while (lo + step <= hi && starts[lo + step] <= offset) {
        lo += step;
        step <<= 1;
      }
      up = Math.min(hi + 1, lo + step);
    } else {
      let step = 1;
      up = last;
      while (up - step > 0 && starts[up - step] > offset) {
        up -= step;
        step <<= 1;
      }
      lo = Math.max(0, up - step);
    }
    // starts[lo] <= offset < starts[up] (or up is past the last line): the last line that starts at or before it.
    while (up - lo > 1) {
      const mid = (lo + up) >>> 1;
      if (starts[mid] <= offset) lo = mid;
      else up = mid;
    }
    return (this.lastLine = lo);
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

/** What has a span and a range. */
export interface Located {
  readonly span: Span;
  readonly range: Range;
}

/**
 * The range of an element the analysis made without one: most elements of a
 * long document are never shown, and a range is three objects (made for every
 * element they were a sixth of the analysis). The analysis sets the ranges of a
 * list of its elements (`setRange`) when its getter of the list is first read,
 * so no reader sees this.
 */
export const RANGE_UNSET = null as unknown as Range;

/** Sets the range of an element made without one (`RANGE_UNSET`) from the line index of its version. */
export function setRange(element: Located, lines: LineIndex): void {
  if (element.range === RANGE_UNSET) (element as { range: Range }).range = lines.rangeOf(element.span);
}

/**
 * The range of an element moved by an edit to `span`, from the element `old` of the text before: old's range
 * moved `lineDelta` lines where the element stands on a line after the edit's changed lines (from the offset
 * `unchanged` on; the same object when no line was added or removed), once old's was set; else unset.
 */
export function movedRangeOf(old: Located, span: Span, unchanged: number, lineDelta: number): Range {
  return span.start >= unchanged && old.range !== RANGE_UNSET ? movedRange(old.range, lineDelta) : RANGE_UNSET;
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

/** Strings shorter than this are never slices of another string in V8 (its minimum slice length); copying them saves nothing. */
export const SLICE_MIN = 13;

/**
 * A copy of `s` that owns its characters. A string cut from a text (`slice`,
 * or a concatenation that holds such a cut) keeps the whole text alive in the
 * engine. An element is kept or moved into the analysis of the text's next
 * versions: with a cut of its own text it kept the text of the version that
 * made it, one whole text more for each place edited. Elements are made
 * with owned strings instead (a copy of a few dozen characters each).
 */
export function ownString(s: string): string {
  // The concatenation is flattened into a new string by the slice, which then holds only that one.
  return s.length < SLICE_MIN ? s : (' ' + s).slice(1);
}

/** `ownString` of `text.slice(start, end)`. */
export function ownSlice(text: string, start: number, end: number): string {
  return ownString(text.slice(start, end));
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

/** Chunks compared at once when looking for the first difference: string equality of two slices runs at memory speed. */
const CHUNK = 4096;

/** The length of the common prefix of `x` and `y`, at most `max`. */
export function commonPrefix(x: string, y: string, max: number): number {
  return commonRun(x, y, max, false);
}

/** The length of the common suffix of `x` and `y`, at most `max`. */
export function commonSuffix(x: string, y: string, max: number): number {
  return commonRun(x, y, max, true);
}

/** Whether the characters `from` up to `to` (counted from the start, or from the end) are the same in `x` and `y`. */
function sameRun(x: string, y: string, from: number, to: number, fromEnd: boolean): boolean {
  return fromEnd ? x.slice(x.length - to, x.length - from) === y.slice(y.length - to, y.length - from) : x.slice(from, to) === y.slice(from, to);
}

/** How many characters `x` and `y` share at their start (or end), at most `max`: doubling chunks, then halves, then characters. */
function commonRun(x: string, y: string, max: number, fromEnd: boolean): number {
  let lo = 0;
  let step = CHUNK;
  while (lo < max) {
    const hi = Math.min(max, lo + step);
    if (sameRun(x, y, lo, hi, fromEnd)) {
      lo = hi;
      step *= 2;
      continue;
    }
    // The difference is in [lo, hi): halve while the halves are long, then compare by character.
    let from = lo;
    let to = hi;
    while (to - from > 64) {
      const mid = (from + to) >>> 1;
      if (sameRun(x, y, from, mid, fromEnd)) from = mid;
      else to = mid;
    }
    const dx = fromEnd ? x.length - 1 : 0;
    const dy = fromEnd ? y.length - 1 : 0;
    const sign = fromEnd ? -1 : 1;
    while (from < to && x.charCodeAt(dx + sign * from) === y.charCodeAt(dy + sign * from)) from++;
    return from;
  }
  return max;
}
