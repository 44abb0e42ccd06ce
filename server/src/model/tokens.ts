// A linear tokenizer: words (letters), numbers (ASCII digits) and single
// punctuation characters, each with its offsets and the kind of gap before it.
// The grammars for dates, references and letters run over this token stream,
// so no regular expression ever sees a whole line.
//
// The stream is a struct of arrays (no object per token): offsets, line, kind
// and gap in typed arrays, and for every word that the grammars test, a
// keyword id computed while tokenizing, so a grammar compares integers instead
// of lower-cased strings. Text and lower-case text are read only on demand.

import { isDigit, isLetter, isSpace, LineIndex } from './text';

export const enum TokenKind {
  Word = 1,
  Number = 2,
  Punct = 3,
}

export const enum Gap {
  /** Glued to the previous token. */
  None = 0,
  /** White space on the same line. */
  Space = 1,
  /** A line break (or skipped lines) between this token and the previous one. */
  Line = 2,
}

// ---------------------------------------------------------------- keywords

/** Longest keyword; longer words never get an id. */
const MAX_KEYWORD = 24;
const TABLE_BITS = 12;
const TABLE_SIZE = 1 << TABLE_BITS;
const TABLE_MASK = TABLE_SIZE - 1;
/** Open addressing: slot → keyword id (0 = empty). */
const table = new Uint16Array(TABLE_SIZE);
const keywords: string[] = [''];
const keywordIds = new Map<string, number>();

function hashLower(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0;
  return h;
}

function mix(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x45d9f3b);
  return (h ^ (h >>> 13)) & TABLE_MASK;
}

/**
 * The id of a lower-case word that the grammars test (registered on first use,
 * at module load). A word token whose lower-case text is `word` carries this id.
 */
export function keyword(word: string): number {
  const known = keywordIds.get(word);
  if (known !== undefined) return known;
  if (word.length === 0 || word.length > MAX_KEYWORD || word !== word.toLowerCase()) throw new Error(`bad keyword ${word}`);
  const id = keywords.length;
  if (id >= 0xffff || id * 2 > TABLE_SIZE) throw new Error('too many keywords');
  keywords.push(word);
  keywordIds.set(word, id);
  let ascii = true;
  for (let i = 0; i < word.length; i++) if (word.charCodeAt(i) >= 128) ascii = false;
  if (ascii) {
    let slot = mix(hashLower(word));
    while (table[slot] !== 0) slot = (slot + 1) & TABLE_MASK;
    table[slot] = id;
  }
  return id;
}

/** A set of keywords as a lookup by id. */
export class KeywordSet {
  private readonly member: Uint8Array;

  constructor(words: Iterable<string>) {
    const ids = [...words].map(keyword);
    this.member = new Uint8Array(Math.max(0, ...ids) + 1);
    for (const id of ids) this.member[id] = 1;
  }

  has(id: number): boolean {
    return id < this.member.length && this.member[id] === 1;
  }
}

/** Id of the ASCII word text[start, end) lower-cased (h is its lower-case hash), or 0. */
function lookupAscii(text: string, start: number, end: number, h: number): number {
  let slot = mix(h);
  const n = end - start;
  for (;;) {
    const id = table[slot];
    if (id === 0) return 0;
    const w = keywords[id];
    if (w.length === n) {
      let k = 0;
      while (k < n) {
        let c = text.charCodeAt(start + k);
        if (c >= 65 && c <= 90) c |= 32;
        if (c !== w.charCodeAt(k)) break;
        k++;
      }
      if (k === n) return id;
    }
    slot = (slot + 1) & TABLE_MASK;
  }
}

// ---------------------------------------------------------------- the stream

export class Tokens {
  length = 0;
  kind: Uint8Array;
  gap: Uint8Array;
  /** Bit 0: the word has a character outside ASCII. */
  private flags: Uint8Array;
  kw: Uint16Array;
  start: Int32Array;
  end: Int32Array;
  line: Int32Array;
  private lowers: Map<number, string> | null = null;

  constructor(readonly source: string, capacity: number) {
    const n = Math.max(16, capacity);
    this.kind = new Uint8Array(n);
    this.gap = new Uint8Array(n);
    this.flags = new Uint8Array(n);
    this.kw = new Uint16Array(n);
    this.start = new Int32Array(n);
    this.end = new Int32Array(n);
    this.line = new Int32Array(n);
  }

  private grow(): void {
    const n = this.kind.length * 2;
    const g8 = (a: Uint8Array) => { const b = new Uint8Array(n); b.set(a); return b; };
    const g32 = (a: Int32Array) => { const b = new Int32Array(n); b.set(a); return b; };
    this.kind = g8(this.kind);
    this.gap = g8(this.gap);
    this.flags = g8(this.flags);
    const kw = new Uint16Array(n);
    kw.set(this.kw);
    this.kw = kw;
    this.start = g32(this.start);
    this.end = g32(this.end);
    this.line = g32(this.line);
  }

  push(kind: TokenKind, start: number, end: number, gap: Gap, line: number, kw: number, nonAscii: boolean): void {
    if (this.length === this.kind.length) this.grow();
    const i = this.length++;
    this.kind[i] = kind;
    this.gap[i] = gap;
    this.flags[i] = nonAscii ? 1 : 0;
    this.kw[i] = kw;
    this.start[i] = start;
    this.end[i] = end;
    this.line[i] = line;
  }

  /** True for a word with a character outside ASCII. */
  nonAscii(i: number): boolean {
    return this.flags[i] !== 0;
  }

  /** Length in UTF-16 units. */
  len(i: number): number {
    return this.end[i] - this.start[i];
  }

  text(i: number): string {
    const s = this.start[i];
    const e = this.end[i];
    return e - s === 1 ? this.source[s] : this.source.slice(s, e);
  }

  /** Lower-case text for words; the text itself otherwise. */
  lower(i: number): string {
    if (this.kind[i] !== TokenKind.Word) return this.text(i);
    if (this.lowers === null) this.lowers = new Map();
    let l = this.lowers.get(i);
    if (l === undefined) {
      l = this.text(i).toLowerCase();
      this.lowers.set(i, l);
    }
    return l;
  }

  /** True for a word token (i in range) whose lower-case text is the keyword `id`. */
  isKw(i: number, id: number): boolean {
    return i >= 0 && i < this.length && this.kw[i] === id && id !== 0;
  }

  /** The keyword id of token i, 0 for none or out of range. */
  kwAt(i: number): number {
    return i >= 0 && i < this.length ? this.kw[i] : 0;
  }

  /** The one UTF-16 unit of a one-unit token, -1 for longer tokens or out of range. */
  ch(i: number): number {
    if (i < 0 || i >= this.length) return -1;
    const s = this.start[i];
    return this.end[i] - s === 1 ? this.source.charCodeAt(s) : -1;
  }

  /** The value of a number token of at most 15 digits. */
  num(i: number): number {
    let v = 0;
    for (let p = this.start[i], e = this.end[i]; p < e; p++) v = v * 10 + (this.source.charCodeAt(p) - 48);
    return v;
  }

  /** The value of the first `digits` digits of a number token. */
  numPrefix(i: number, digits: number): number {
    let v = 0;
    for (let p = this.start[i], e = p + digits; p < e; p++) v = v * 10 + (this.source.charCodeAt(p) - 48);
    return v;
  }

  /** `text[0] !== text[0].toLowerCase()` for the token's first UTF-16 unit. */
  startsUpper(i: number): boolean {
    const c = this.source.charCodeAt(this.start[i]);
    if (c < 128) return c >= 65 && c <= 90;
    const s = this.source[this.start[i]];
    return s !== s.toLowerCase();
  }

  /** `text === text.toLowerCase()`. */
  isLowerCase(i: number): boolean {
    if (this.flags[i] === 0) {
      for (let p = this.start[i], e = this.end[i]; p < e; p++) {
        const c = this.source.charCodeAt(p);
        if (c >= 65 && c <= 90) return false;
      }
      return true;
    }
    const t = this.text(i);
    return t === t.toLowerCase();
  }

  /** For a word token: its lower-case text ends with the lower-case ASCII `suffix`. */
  endsWith(i: number, suffix: string): boolean {
    if (this.kind[i] !== TokenKind.Word) return false;
    if (this.flags[i] !== 0) return this.lower(i).endsWith(suffix);
    const n = suffix.length;
    const e = this.end[i];
    if (e - this.start[i] < n) return false;
    for (let k = 0; k < n; k++) {
      let c = this.source.charCodeAt(e - n + k);
      if (c >= 65 && c <= 90) c |= 32;
      if (c !== suffix.charCodeAt(k)) return false;
    }
    return true;
  }

  /** Index of the first token whose start is at or after `offset`. */
  at(offset: number): number {
    const starts = this.start;
    let lo = 0;
    let hi = this.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid] < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/**
 * Tokenizes the lines for which `keep(line)` is true. Skipped lines count as a
 * line break between the tokens around them.
 */
export function tokenizeLines(index: LineIndex, keep: (line: number) => boolean): Tokens {
  const text = index.text;
  const tokens = new Tokens(text, (text.length >> 2) + 16);
  let gap: Gap = Gap.Line;
  for (let line = 0; line < index.lineCount; line++) {
    if (!keep(line)) {
      gap = Gap.Line;
      continue;
    }
    const end = index.lineEnd(line);
    let i = index.lineStart(line);
    if (tokens.length > 0) gap = Gap.Line;
    while (i < end) {
      const c = text.charCodeAt(i);
      if (c === 32 || (c > 32 && c < 127 ? false : isSpace(c))) {
        if (gap === Gap.None) gap = Gap.Space;
        i++;
        continue;
      }
      const start = i;
      if (c >= 48 && c <= 57) {
        i++;
        while (i < end && isDigit(text.charCodeAt(i))) i++;
        tokens.push(TokenKind.Number, start, i, gap, line, 0, false);
      } else if (isLetter(c)) {
        let h = 0;
        let nonAscii = false;
        let d = c;
        do {
          if (d < 128) {
            if (d <= 90) d |= 32;
          } else nonAscii = true;
          h = (Math.imul(h, 31) + d) | 0;
          i++;
          if (i >= end) break;
          d = text.charCodeAt(i);
        } while (isLetter(d));
        let kw = 0;
        if (!nonAscii) {
          if (i - start <= MAX_KEYWORD) kw = lookupAscii(text, start, i, h);
        } else {
          kw = keywordIds.get(text.slice(start, i).toLowerCase()) ?? 0;
        }
        tokens.push(TokenKind.Word, start, i, gap, line, kw, nonAscii);
      } else {
        // Keep a surrogate pair together.
        i += c >= 0xd800 && c <= 0xdbff && i + 1 < end ? 2 : 1;
        tokens.push(TokenKind.Punct, start, i, gap, line, 0, false);
      }
      gap = Gap.None;
    }
  }
  return tokens;
}

/** True when the token ends a sentence: `.`, `?`, `!` (a `.` after a one-letter word or a digit is taken as an abbreviation). */
export function endsSentence(tokens: Tokens, i: number): boolean {
  if (tokens.kind[i] !== TokenKind.Punct) return false;
  const c = tokens.ch(i);
  if (c === 63 /* ? */ || c === 33 /* ! */) return true;
  if (c !== 46 /* . */) return false;
  const hasPrev = i > 0;
  const prevWord = hasPrev && tokens.kind[i - 1] === TokenKind.Word;
  if (prevWord && tokens.len(i - 1) <= 2 && tokens.gap[i] === Gap.None) return false;
  if (i + 1 < tokens.length && tokens.gap[i + 1] === Gap.None) {
    // PDF text loses the space after a full stop: `gemeld.In het debat`.
    const next = i + 1;
    return tokens.kind[next] === TokenKind.Word && tokens.startsUpper(next) &&
      prevWord && tokens.len(i - 1) >= 3 && tokens.isLowerCase(i - 1);
  }
  return true;
}
