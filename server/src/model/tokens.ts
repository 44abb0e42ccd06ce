// A linear tokenizer: words (letters), numbers (ASCII digits) and single
// punctuation characters, each with its offsets and the kind of gap before it.
// The grammars for dates, references and letters run over this token stream,
// so no regular expression ever sees a whole line.
//
// The stream is a struct of arrays (no object per token): offsets, line, kind
// and gap in typed arrays, and for every word that the grammars test, a
// keyword id computed while tokenizing, so a grammar compares integers instead
// of lower-cased strings. Text and lower-case text are read only on demand.

import { commonPrefix, commonSuffix, firstAtOrAfter, isLetter, isSpace, LineIndex } from './text';

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
/**
 * The key of an ASCII word: its letters a–z as the digits 1–26 in base 32,
 * shifted in from the right (`(key << 5) | digit`). Up to six letters the key
 * is exact, so equal keys of equal length are equal words; a longer word keeps
 * its last letters and is compared character by character.
 */
const EXACT_KEY = 6;
const TABLE_BITS = 12;
const TABLE_SIZE = 1 << TABLE_BITS;
const TABLE_MASK = TABLE_SIZE - 1;
/** Open addressing for the ASCII keywords: slot → keyword id (0 = empty), its key and its length. */
const table = new Uint16Array(TABLE_SIZE);
const tableKey = new Int32Array(TABLE_SIZE);
const tableLength = new Uint8Array(TABLE_SIZE);
const keywords: string[] = [''];
const keywordIds = new Map<string, number>();

/** The bits of a hash or key spread over all 32 (a multiply-xorshift finaliser): mask it for an open-addressing slot. */
export function spreadBits(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x45d9f3b);
  return h ^ (h >>> 13);
}

function mix(h: number): number {
  return spreadBits(h) & TABLE_MASK;
}

/** The keyword ids of several words, by word: `keywordsOf(['van', 'brief']).van`. */
export function keywordsOf<const W extends readonly string[]>(words: W): { readonly [K in W[number]]: number } {
  const out = {} as Record<string, number>;
  for (const w of words) out[w] = keyword(w);
  return out as { readonly [K in W[number]]: number };
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
  // Only a word of the letters a–z can be an ASCII word token (and has a key).
  let letters = true;
  for (let i = 0; i < word.length; i++) if (word.charCodeAt(i) - 97 >>> 0 >= 26) letters = false;
  if (letters) {
    let key = 0;
    for (let i = 0; i < word.length; i++) key = (key << 5) | (word.charCodeAt(i) - 96);
    let slot = mix(key);
    while (table[slot] !== 0) slot = (slot + 1) & TABLE_MASK;
    table[slot] = id;
    tableKey[slot] = key;
    tableLength[slot] = word.length;
  }
  return id;
}

/**
 * The shapes of the words a citation starts with (`Kamerstuk`, `Stb`, a law's
 * name): by first character (ASCII), the lengths as bits (bit n: a word of n
 * characters). A word token of such a shape is listed in `Tokens.citeStarts`.
 */
const citationShapes = new Uint32Array(128);

/**
 * Registers the words a citation starts with (at module load, before any text
 * is tokenized, as `keyword`): only their first characters and lengths count,
 * so the list the tokenizer makes holds every word written as one of them and
 * some others, which the grammar reads. Each word starts with an ASCII
 * character and is shorter than 32.
 */
export function registerCitationWords(words: Iterable<string>): void {
  for (const word of words) {
    const first = word.charCodeAt(0);
    if (!(first < 128) || word.length >= 32) throw new Error(`bad citation word ${word}`);
    citationShapes[first] |= 1 << word.length;
  }
}

/** Whether a word of `length` characters starting with the character `first` has the shape of a registered citation word. */
export function hasCitationShape(first: number, length: number): boolean {
  return first < 128 && length < 32 && ((citationShapes[first] >>> length) & 1) !== 0;
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
    return id > 0 && id < this.member.length && this.member[id] === 1;
  }
}

/** The key of `ven`: the last three letters of a word whose key's low fifteen bits are these. */
const KEY_VEN = (22 << 10) | (5 << 5) | 14;

/** Whether the word that ends at `end` (three characters or more) ends in `ven` in any case. */
function endsInVen(text: string, end: number): boolean {
  return (text.charCodeAt(end - 1) | 32) === 110 && (text.charCodeAt(end - 2) | 32) === 101 && (text.charCodeAt(end - 3) | 32) === 118;
}

/** Id of the ASCII word text[start, end) lower-cased, whose key (see `EXACT_KEY`) is `key`, or 0. */
function lookupAscii(text: string, start: number, end: number, key: number): number {
  const n = end - start;
  let slot = mix(key);
  for (;;) {
    const id = table[slot];
    if (id === 0) return 0;
    if (tableKey[slot] === key && tableLength[slot] === n) {
      if (n <= EXACT_KEY) return id;
      const w = keywords[id];
      let k = 0;
      while (k < n && (text.charCodeAt(start + k) | 32) === w.charCodeAt(k)) k++;
      if (k === n) return id;
    }
    slot = (slot + 1) & TABLE_MASK;
  }
}

// ---------------------------------------------------------------- the stream

/** The most digits of a number whose value the stream keeps (`Tokens.value`): below 65,535. */
const SHORT_NUMBER = 4;
/** The powers of ten up to SHORT_NUMBER. */
const TENS = [1, 10, 100, 1000, 10000];

/**
 * An edit between two texts as the tokenizer saw it: the characters
 * [`start`, `oldEnd`) of the text before became [`start`, `newEnd`) of the new text,
 * and every other character is the same (those after the edit moved by
 * `charDelta`, their lines by `lineDelta`). The lines before `firstLine` and
 * their tokens (before `firstToken`) are the same; the tokens from
 * `oldEndToken` of the old stream are those from `newEndToken` of the new one,
 * shifted.
 */
export interface TokenEdit {
  /** The `serial` of the stream before. */
  readonly from: number;
  readonly start: number;
  readonly oldEnd: number;
  readonly newEnd: number;
  readonly charDelta: number;
  readonly lineDelta: number;
  readonly firstLine: number;
  /** The first line after the changed lines, in the new text. */
  readonly newEndLine: number;
  readonly firstToken: number;
  readonly oldEndToken: number;
  readonly newEndToken: number;
}

/** Where the lines after an edit's changed lines start in the new text of `lines` (none: the edit ran to the end). */
export function unchangedFrom(edit: TokenEdit, lines: LineIndex): number {
  return edit.newEndLine < lines.lineCount ? lines.lineStart(edit.newEndLine) : Infinity;
}

/** The slots of `Tokens.memos`. */
export const enum MemoSlot {
  Citations,
  Dates,
  References,
  Markers,
  Sentences,
  Marks,
  Letters,
  Blocks,
  Resolved,
  MadeReferences,
  MadeMentions,
}

export class Tokens {
  length = 0;
  kind: Uint8Array;
  gap: Uint8Array;
  /** 1 for a word with a character outside ASCII. */
  nonAsciiFlags: Uint8Array;
  kw: Uint16Array;
  /**
   * For a punctuation token of one UTF-16 unit, that unit; for a number token of at most
   * `SHORT_NUMBER` digits, its value; for a word listed in `citeStarts`, 1 when a letter after its
   * first may be a capital (0: none is, and no glued words split it). Written for those tokens alone
   * (and read for them alone): `ch`, `num` and the citation scan answer from it without reading the
   * text, which a large text holds far from the token arrays.
   */
  value: Uint16Array;
  start: Int32Array;
  end: Int32Array;
  line: Int32Array;
  private lowers: Map<number, string> | null = null;
  /** The number tokens: where a grammar that starts at a number looks. */
  readonly numbers = new TokenList();
  /** The word tokens that end in `f` or `F` and have at least five letters (`brief` and its compounds). */
  readonly fWords = new TokenList();
  /** The word tokens that end in `ven` in any case (`brieven` and its compounds, the `ven` of `brie-ven`). */
  readonly vWords = new TokenList();
  /** The tokens `.`, `?` and `!` (those that may end a sentence, see `endsSentence`). */
  readonly stops = new TokenList();
  /**
   * The tokens where a citation may start: a word of the shape of a word registered for it
   * (`registerCitationWords`), a word with a capital after its first letter (PDF text glues words:
   * `AanhangselHandelingen`), and a number of four digits or more with a `Z` or `D` right after it
   * (`2022Z09875`). The citation grammar reads these tokens alone.
   */
  readonly citeStarts = new TokenList();
  /** True when a tokenized line holds a NUL character (a sign of binary text, see `looksBinaryText`). */
  nul = false;
  /** Per line of the source: 1 when the line was tokenized (kept), 0 when skipped; the first `lineCount`. */
  lineKept: Uint8Array = new Uint8Array(0);
  lineCount = 0;
  /**
   * How this stream came from the stream of the text before (null: it was read
   * whole): what the grammars need to reuse their own results of that text.
   */
  edit: TokenEdit | null = null;
  /** The lines of the source, as the stream was made from them: the next version's lines start from these. */
  lines: LineIndex | null = null;
  /** Which text this stream was made for: a new number for each `tokenizeLines`. */
  serial = 0;
  /** Whether the stream is kept for the next text when given back: it was made while streams are kept (see `setTokenReuse`). */
  poolable = false;
  /**
   * What the grammars found in the text of this stream, by `MemoSlot`, for the
   * next version of the text (see `edit`): kept with the stream and gone with
   * it. A grammar reuses a memo only when `edit.from` is its serial; when the
   * stream is read anew for another text, the memos stay until each grammar
   * replaces its own, so that their arrays serve the next text too.
   */
  readonly memos: unknown[] = [];

  /**
   * The memo a grammar kept in `slot` for the text this stream was edited
   * from, with the edit; null when the stream was read anew or the memo is
   * another text's.
   */
  memoBefore<T extends { readonly serial: number }>(slot: MemoSlot): { readonly memo: T; readonly edit: TokenEdit } | null {
    const memo = this.memos[slot] as T | undefined;
    const edit = this.edit;
    return memo !== undefined && edit !== null && edit.from === memo.serial ? { memo, edit } : null;
  }

  constructor(public source: string, capacity: number) {
    const n = Math.max(16, capacity);
    this.kind = new Uint8Array(n);
    this.gap = new Uint8Array(n);
    this.nonAsciiFlags = new Uint8Array(n);
    this.kw = new Uint16Array(n);
    this.value = new Uint16Array(n);
    this.start = new Int32Array(n);
    this.end = new Int32Array(n);
    this.line = new Int32Array(n);
  }

  private readonly byteScratch: Uint8Array[] = [];

  /**
   * A per-token byte array (one per `slot`), zeroed, of `length + extra` entries;
   * kept with the stream for the next analysis, valid until the stream is released.
   */
  bytes(slot: number, extra = 0): Uint8Array {
    const n = this.length + extra;
    let b = this.byteScratch[slot];
    if (b === undefined || b.length < n) {
      b = new Uint8Array(withSlack(n));
      this.byteScratch[slot] = b;
    } else b.fill(0, 0, n);
    return b.subarray(0, n);
  }

  /** Empties the stream for reuse on another text (the arrays keep their old contents past `length`). */
  reset(source: string): void {
    this.source = source;
    this.edit = null;
    // Read whole: nothing of the analysis before is reused, and its elements need not live on through this one.
    this.forgetElements();
    this.length = 0;
    this.lowers = null;
    for (const list of this.lists()) list.count = 0;
    this.nul = false;
    this.lineCount = 0;
  }

  /**
   * Lets go of what the memos hold of the last analysis's elements (its
   * citations, dates, note markers, letter mentions, blocks, resolved dates
   * and references), keeping the arrays that serve the next text as buffers.
   * Those memos are read only for an edit of the text before (`memoBefore`).
   */
  forgetElements(): void {
    const memos = this.memos;
    memos[MemoSlot.Citations] = undefined;
    memos[MemoSlot.Dates] = undefined;
    memos[MemoSlot.Markers] = undefined;
    memos[MemoSlot.Letters] = undefined;
    memos[MemoSlot.Blocks] = undefined;
    memos[MemoSlot.Resolved] = undefined;
    memos[MemoSlot.MadeReferences] = undefined;
    memos[MemoSlot.MadeMentions] = undefined;
  }

  /** After the stream was edited in place for a new source (`retokenize`): what was read of the old one goes. */
  resetSource(source: string): void {
    this.source = source;
    this.lowers = null;
  }

  /**
   * Makes room for at least `least` tokens: a quarter more than now, or `least`
   * and an eighth (an edit that adds many tokens at once). Not doubled: the
   * stream of a large text is its largest array, and a doubling would leave up
   * to half of it unused for as long as the text is open.
   */
  grow(least = 0): void {
    const n = Math.max(this.kind.length + (this.kind.length >> 2) + 64, withSlack(least));
    const g8 = (a: Uint8Array) => { const b = new Uint8Array(n); b.set(a); return b; };
    const g32 = (a: Int32Array) => { const b = new Int32Array(n); b.set(a); return b; };
    this.kind = g8(this.kind);
    this.gap = g8(this.gap);
    this.nonAsciiFlags = g8(this.nonAsciiFlags);
    const kw = new Uint16Array(n);
    kw.set(this.kw);
    this.kw = kw;
    const value = new Uint16Array(n);
    value.set(this.value);
    this.value = value;
    this.start = g32(this.start);
    this.end = g32(this.end);
    this.line = g32(this.line);
  }

  /** The lists of token indices the tokenizer makes, in one order for every stream. */
  lists(): readonly TokenList[] {
    return [this.numbers, this.fWords, this.vWords, this.stops, this.citeStarts];
  }

  /** True for a word with a character outside ASCII. */
  nonAscii(i: number): boolean {
    return this.nonAsciiFlags[i] !== 0;
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
    if (this.end[i] - s !== 1) return -1;
    // A punctuation mark's unit and a digit are kept with the token (`value`); a one-letter word is read.
    const kind = this.kind[i];
    return kind === TokenKind.Punct ? this.value[i] : kind === TokenKind.Number ? 48 + this.value[i] : this.source.charCodeAt(s);
  }

  /** The value of a number token of at most 15 digits. */
  num(i: number): number {
    const s = this.start[i];
    const e = this.end[i];
    if (e - s <= SHORT_NUMBER && this.kind[i] === TokenKind.Number) return this.value[i];
    let v = 0;
    for (let p = s; p < e; p++) v = v * 10 + (this.source.charCodeAt(p) - 48);
    return v;
  }

  /** The value of the first `digits` digits of a number token. */
  numPrefix(i: number, digits: number): number {
    const length = this.end[i] - this.start[i];
    if (length <= SHORT_NUMBER && digits <= length && this.kind[i] === TokenKind.Number) return Math.floor(this.value[i] / TENS[length - digits]);
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
    if (this.nonAsciiFlags[i] === 0) {
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
    if (this.nonAsciiFlags[i] !== 0) return this.lower(i).endsWith(suffix);
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
    return firstAtOrAfter(this.start, this.length, offset);
  }
}

/**
 * The tokens to make room for in a text of `chars` characters: one per five
 * characters. Dutch prose averages five and a half to six and a half
 * characters a token with its space (the corpus: 4.4 to 6.5, median 5.65;
 * the sample ×1000, 5.9), so most texts fit and the rest grow once by a quarter.
 * The old estimate of one per four left a third of the arrays unused.
 */
function capacityFor(chars: number): number {
  return Math.floor(chars / 5) + 64;
}

/** `n` and an eighth: room for a text that grows by editing, without a new array for each token it gains. */
function withSlack(n: number): number {
  return n + (n >> 3) + 16;
}

/** `a` in an array of twice its length. */
export function growInts(a: Int32Array): Int32Array {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

/**
 * One stream kept for the next analysis: fresh typed arrays cost more to fault
 * in and zero than the tokenizing itself (on the benchmark machine, ~400 ms
 * against ~70 ms for the 1.9 M tokens of an 11 MB text). The analysis is
 * synchronous and gives its stream back when done (`releaseTokens`). Streams
 * for texts up to ~16 M characters are kept: at most ~96 MB (23 bytes a token
 * with the scratch arrays), about a tenth of what the analysis of such a text holds.
 */
let pooled: Tokens | null = null;
/** The bytes a token holds in the stream with its scratch arrays, about. */
const BYTES_PER_TOKEN = 23;
const MAX_POOLED_CAPACITY = 1 << 22;

/**
 * Gives a stream back for reuse; it must not be read after this. It keeps its
 * source and tokens: the next analysis, when it is of an edited version of the
 * same text, tokenizes only the lines that changed (`retokenize`).
 */
export function releaseTokens(tokens: Tokens): void {
  if (tokens.poolable && tokens.kind.length <= MAX_POOLED_CAPACITY) pooled = tokens;
}

/**
 * An analysis that may make part of its findings when they are first asked for, later than it was
 * built, on the stream the rest was read from (giving the stream back then). `finishReading` makes
 * them now.
 */
export interface TokenReader {
  finishReading(): void;
}

/**
 * The analysis that still reads its stream (null: none): before the kept stream is read, replaced or
 * let go, it is finished, so that it never reads a stream another text has been read into.
 */
let holder: TokenReader | null = null;

/** Says that an analysis still reads its stream (an analysis still reading one is finished first). */
export function holdTokens(reader: TokenReader): void {
  settleTokens();
  holder = reader;
}

/** Says that `reader` no longer reads its stream. */
export function letGoOfTokens(reader: TokenReader): void {
  if (holder === reader) holder = null;
}

/** Finishes the analysis that still reads its stream, if any. */
export function settleTokens(): void {
  const reader = holder;
  holder = null;
  reader?.finishReading();
}

/**
 * Lets go of what the kept stream's memos hold of the last analysis's
 * elements (its blocks, dates and letter mentions), keeping the arrays that
 * serve the next text as buffers. For a file read for the index: it is not
 * edited next, and its elements should die with its summary rather than live
 * on into the next file's analysis (they would outlast the engine's young
 * generation, and the heap would grow with them).
 */
export function forgetKeptElements(): void {
  settleTokens();
  pooled?.forgetElements();
}

/** Whether streams are kept and reused (see `setTokenReuse`). */
let reuse = true;

/**
 * Turns the kept stream off (every stream is fresh, and the kept one is left
 * as it is for when it is turned on again) or on: for the tests that compare
 * an analysis built on the kept stream with a fresh one.
 */
export function setTokenReuse(on: boolean): void {
  reuse = on;
}

/** Runs `f` on a fresh token stream: the kept one is neither read nor replaced. */
export function withFreshTokens<T>(f: () => T): T {
  const was = reuse;
  reuse = false;
  try {
    return f();
  } finally {
    reuse = was;
  }
}

/** Lets the kept stream go: the next text is read whole. */
export function forgetTokens(): void {
  settleTokens();
  pooled = null;
}

/** How streams were made since the start: wholly, or by re-reading the changed lines of the stream before. For tests and the benchmark. */
export const tokenizeStats = { full: 0, incremental: 0 };

/**
 * Lets the kept stream go when it is more than twice what a text of `chars`
 * characters needs: after the analysis of a large file that is not open (the
 * index reading the disk) or the closing of a large document, the open ones
 * keep a stream of their size and no more. Returns about how many bytes it let go.
 */
export function trimTokenPool(chars: number): number {
  settleTokens();
  if (pooled === null || pooled.kind.length <= 2 * capacityFor(chars)) return 0;
  const bytes = pooled.kind.length * BYTES_PER_TOKEN;
  pooled = null;
  return bytes;
}

/**
 * The lines of the text whose stream is kept (null: none, or streams are not
 * kept): the lines of its next version are found from them (`new LineIndex(text, previous)`).
 */
export function pooledLines(): LineIndex | null {
  settleTokens();
  return reuse && pooled !== null ? pooled.lines : null;
}

/** The capacity of the kept stream in tokens (0: none), for tests and the benchmark. */
export function pooledTokenCapacity(): number {
  settleTokens();
  return pooled?.kind.length ?? 0;
}

/** The last stream serial given out. */
let serials = 0;

/**
 * Tokenizes the lines for which `keep(line)` is true. Skipped lines count as a
 * line break between the tokens around them.
 */
export function tokenizeLines(index: LineIndex, keep: (line: number) => boolean): Tokens {
  const text = index.text;
  const want = capacityFor(text.length);
  settleTokens();
  let tokens: Tokens | null = null;
  if (reuse) {
    tokens = pooled;
    pooled = null;
  }
  // What the line index found the two texts share: taken (and so let go) whether or not it serves.
  const shared = index.takeShared();
  if (tokens !== null && tokens.lineCount > 0 && retokenize(tokens, index, keep, shared)) {
    tokenizeStats.incremental++;
    tokens.serial = ++serials;
    tokens.poolable = reuse;
    tokens.lines = index;
    return tokens;
  }
  // A kept stream far too small would grow many times over (each growth a copy): a fresh one of the estimate is cheaper.
  if (tokens === null || tokens.kind.length < want >> 1) tokens = new Tokens(text, want);
  else tokens.reset(text);
  if (tokens.lineKept.length < index.lineCount) tokens.lineKept = new Uint8Array(index.lineCount + (index.lineCount >> 2));
  scanLines(tokens, index, keep, 0, index.lineCount, tokens.lineKept);
  tokens.lineCount = index.lineCount;
  tokenizeStats.full++;
  tokens.serial = ++serials;
  tokens.poolable = reuse;
  tokens.lines = index;
  return tokens;
}

/** Below this share of the old tokens reused, reading the whole text again is as cheap. */
const MIN_REUSED = 0.5;

/**
 * Turns the stream of the previous text into the stream of `index.text` in
 * place: the lines before the first changed character and after the last one
 * keep their tokens (those after it moved and shifted), and only the lines in
 * between are read. The result equals a fresh `tokenizeLines` (the property
 * tests compare the two after thousands of random edits). Returns false, with
 * the stream untouched, when it cannot: a line outside the change that the
 * structure now keeps or skips otherwise (a layout decision changed), NUL in
 * the old text, or too little to reuse.
 */
function retokenize(tokens: Tokens, index: LineIndex, keep: (line: number) => boolean, taken: ReturnType<LineIndex['takeShared']>): boolean {
  const text = index.text;
  const old = tokens.source;
  if (tokens.nul) return false;
  const max = Math.min(old.length, text.length);
  // The line index found the shared start and end already when it was made from this stream's lines.
  const shared = taken !== null && taken.previous === old ? taken : null;
  const p = shared !== null ? shared.prefix : commonPrefix(old, text, max);
  const s = shared !== null ? shared.suffix : commonSuffix(old, text, max - p);
  const lineDelta = index.lineCount - tokens.lineCount;
  const charDelta = text.length - old.length;
  // New lines [a, b] replace old lines [a, b - lineDelta]: before a every line is the same, after b too (see the note below).
  const a = index.lineAt(p);
  const b = index.lineAt(text.length - s);
  // The lines after b start after a line break inside the common suffix, and so do as many old lines: their count is the same.
  const oldB = b - lineDelta;
  if (a === undefined || b === undefined || oldB < a - 1 || oldB >= tokens.lineCount) return false;
  const oldKept = tokens.lineKept;
  const kept = new Uint8Array(index.lineCount + (index.lineCount >> 2));
  for (let line = 0; line < a; line++) {
    const k = keep(line) ? 1 : 0;
    if (k !== oldKept[line]) return false;
    kept[line] = k;
  }
  for (let line = b + 1; line < index.lineCount; line++) {
    const k = keep(line) ? 1 : 0;
    if (k !== oldKept[line - lineDelta]) return false;
    kept[line] = k;
  }
  const oldN = tokens.length;
  const lines = tokens.line;
  const k1 = firstAtOrAfter(lines, oldN, a);
  const k2 = firstAtOrAfter(lines, oldN, oldB + 1);
  if (k1 + (oldN - k2) < oldN * MIN_REUSED) return false;

  // The changed lines, read into a stream of their own.
  const mid = new Tokens(text, ((index.lineEnd(b) - index.lineStart(a)) >> 2) + 16);
  scanLines(mid, index, keep, a, b + 1, kept);
  if (mid.nul) return false;
  const m = mid.length;
  const n = k1 + m + (oldN - k2);
  if (tokens.kind.length < n) tokens.grow(n);
  const shift = k1 + m - k2;
  // Move the tail, then shift its offsets and lines; copyWithin copies as if through a buffer, in either direction.
  if (shift !== 0) {
    tokens.kind.copyWithin(k1 + m, k2, oldN);
    tokens.gap.copyWithin(k1 + m, k2, oldN);
    tokens.nonAsciiFlags.copyWithin(k1 + m, k2, oldN);
    tokens.kw.copyWithin(k1 + m, k2, oldN);
    tokens.value.copyWithin(k1 + m, k2, oldN);
    tokens.start.copyWithin(k1 + m, k2, oldN);
    tokens.end.copyWithin(k1 + m, k2, oldN);
    tokens.line.copyWithin(k1 + m, k2, oldN);
  }
  if (charDelta !== 0 || lineDelta !== 0) {
    const start = tokens.start;
    const end = tokens.end;
    const line = tokens.line;
    for (let i = k1 + m; i < n; i++) {
      start[i] += charDelta;
      end[i] += charDelta;
      line[i] += lineDelta;
    }
  }
  tokens.kind.set(mid.kind.subarray(0, m), k1);
  tokens.gap.set(mid.gap.subarray(0, m), k1);
  tokens.nonAsciiFlags.set(mid.nonAsciiFlags.subarray(0, m), k1);
  tokens.kw.set(mid.kw.subarray(0, m), k1);
  tokens.value.set(mid.value.subarray(0, m), k1);
  tokens.start.set(mid.start.subarray(0, m), k1);
  tokens.end.set(mid.end.subarray(0, m), k1);
  tokens.line.set(mid.line.subarray(0, m), k1);
  // The index lists: the entries before the change, the changed lines' own, the entries after it moved.
  const lists = tokens.lists();
  const midLists = mid.lists();
  for (let j = 0; j < lists.length; j++) lists[j].splice(k1, k2, midLists[j], shift);
  tokens.length = n;
  tokens.lineKept = kept;
  tokens.lineCount = index.lineCount;
  tokens.resetSource(text);
  tokens.edit = {
    from: tokens.serial, start: p, oldEnd: old.length - s, newEnd: text.length - s, charDelta, lineDelta,
    firstLine: a, newEndLine: b + 1, firstToken: k1, oldEndToken: k2, newEndToken: k1 + m,
  };
  return true;
}

/**
 * A sorted list of token indices that a grammar starts from (the number tokens, the words that may be letter words, …),
 * grown by the tokenizer: the first `count` of `list`.
 */
export class TokenList {
  list: Int32Array = new Int32Array(16);
  count = 0;

  /** The token indices, in order. */
  tokens(): Int32Array {
    return this.list.subarray(0, this.count);
  }

  /**
   * The list after the tokens [k1, k2) were replaced by those of `mid` (its indices relative to k1) and the tokens
   * after k2 moved by `shift`.
   */
  splice(k1: number, k2: number, mid: TokenList, shift: number): void {
    const before = firstAtOrAfter(this.list, this.count, k1);
    const after = firstAtOrAfter(this.list, this.count, k2);
    const total = before + mid.count + (this.count - after);
    const out = new Int32Array(Math.max(16, total + (total >> 2)));
    out.set(this.list.subarray(0, before), 0);
    for (let i = 0; i < mid.count; i++) out[before + i] = mid.list[i] + k1;
    for (let i = after, j = before + mid.count; i < this.count; i++, j++) out[j] = this.list[i] + shift;
    this.list = out;
    this.count = total;
  }
}

/**
 * Appends the tokens of the lines `from` up to `to` (exclusive) that `keep`
 * keeps to the stream, and notes for each line whether it was kept. A line's
 * tokens depend on that line alone: the first token of every line has a
 * `Gap.Line` before it.
 */
function scanLines(tokens: Tokens, index: LineIndex, keep: (line: number) => boolean, from: number, to: number, kept: Uint8Array): void {
  const text = index.text;
  // The arrays as locals (reloaded after growing): one store each per token.
  let kinds = tokens.kind;
  let gaps = tokens.gap;
  let flags = tokens.nonAsciiFlags;
  let kws = tokens.kw;
  let values = tokens.value;
  let starts = tokens.start;
  let ends = tokens.end;
  let lines = tokens.line;
  let cap = kinds.length;
  // The lists as locals too, written back at the end.
  let numberIndex = tokens.numbers.list;
  let numberCount = tokens.numbers.count;
  let fWordIndex = tokens.fWords.list;
  let fWordCount = tokens.fWords.count;
  let vWordIndex = tokens.vWords.list;
  let vWordCount = tokens.vWords.count;
  let stopIndex = tokens.stops.list;
  let stopCount = tokens.stops.count;
  let citeIndex = tokens.citeStarts.list;
  let citeCount = tokens.citeStarts.count;
  let nul = tokens.nul;
  let n = tokens.length;
  let gap: Gap = Gap.Line;
  for (let line = from; line < to; line++) {
    if (!keep(line)) {
      kept[line] = 0;
      gap = Gap.Line;
      continue;
    }
    kept[line] = 1;
    const end = index.lineEnd(line);
    let i = index.lineStart(line);
    gap = Gap.Line;
    while (i < end) {
      const c = text.charCodeAt(i);
      // A space, the commonest character after the letters, is told at once; other white space outside printable ASCII.
      if (c === 32 || ((c < 33 || c > 126) && isSpace(c))) {
        if (gap === Gap.None) gap = Gap.Space;
        i++;
        continue;
      }
      if (n === cap) {
        tokens.length = n;
        tokens.grow();
        kinds = tokens.kind;
        gaps = tokens.gap;
        flags = tokens.nonAsciiFlags;
        kws = tokens.kw;
        values = tokens.value;
        starts = tokens.start;
        ends = tokens.end;
        lines = tokens.line;
        cap = kinds.length;
      }
      const start = i;
      // The character after a word, read by its loop (-1: none on the line): a space there is skipped at once.
      let after = -1;
      // (c | 32) - 97 < 26 (unsigned) holds for the ASCII letters of either case; c | 32 is then the lower case.
      if (((c | 32) - 97) >>> 0 < 26 || (c >= 128 && isLetter(c))) {
        let key = 0;
        let nonAscii = 0;
        let d = c;
        // Bit 5 (32) stays set while every letter after the first is a small one (or a letter outside ASCII that has it).
        let small = 32;
        for (;;) {
          if (d < 128) key = (key << 5) | ((d | 32) - 96);
          else nonAscii = 1;
          if (++i === end) break;
          d = text.charCodeAt(i);
          if (((d | 32) - 97) >>> 0 >= 26 && (d < 128 || !isLetter(d))) {
            after = d;
            break;
          }
          small &= d;
        }
        const length = i - start;
        if (small === 0 || hasCitationShape(c, length)) {
          if (citeCount === citeIndex.length) citeIndex = growInts(citeIndex);
          citeIndex[citeCount++] = n;
          values[n] = small === 0 ? 1 : 0;
        }
        let kw = 0;
        if (nonAscii === 0) {
          if (length <= MAX_KEYWORD) kw = lookupAscii(text, start, i, key);
        } else {
          kw = keywordIds.get(text.slice(start, i).toLowerCase()) ?? 0;
        }
        // The last letters of an ASCII word are the low bits of its key (five a letter); a word with other letters is read.
        const last = nonAscii === 0 ? key & 31 : (text.charCodeAt(i - 1) | 32) - 96;
        if (length >= 5 && last === 6 /* f */) {
          if (fWordCount === fWordIndex.length) fWordIndex = growInts(fWordIndex);
          fWordIndex[fWordCount++] = n;
        } else if (last === 14 /* n */ && length >= 3 && (nonAscii === 0 ? (key & 0x7fff) === KEY_VEN : endsInVen(text, i))) {
          if (vWordCount === vWordIndex.length) vWordIndex = growInts(vWordIndex);
          vWordIndex[vWordCount++] = n;
        }
        kinds[n] = TokenKind.Word;
        flags[n] = nonAscii;
        kws[n] = kw;
      } else {
        if (c - 48 >>> 0 < 10) {
          // The value of the first digits, kept for a short number.
          let v = c - 48;
          i++;
          let d = 0;
          while (i < end && (d = text.charCodeAt(i) - 48) >>> 0 < 10) {
            if (i - start < SHORT_NUMBER) v = v * 10 + d;
            i++;
          }
          if (i - start <= SHORT_NUMBER) values[n] = v;
          if (numberCount === numberIndex.length) numberIndex = growInts(numberIndex);
          numberIndex[numberCount++] = n;
          if (i - start >= 4 && i < end) {
            const z = text.charCodeAt(i);
            if (z === 90 /* Z */ || z === 68 /* D */) {
              if (citeCount === citeIndex.length) citeIndex = growInts(citeIndex);
              citeIndex[citeCount++] = n;
            }
          }
          kinds[n] = TokenKind.Number;
        } else {
          // Keep a surrogate pair together (a high surrogate takes any unit after it: a NUL there counts too).
          if (c >= 0xd800 && c <= 0xdbff && i + 1 < end) {
            if (text.charCodeAt(i + 1) === 0) nul = true;
            i += 2;
          } else {
            values[n] = c;
            if (c === 0) nul = true;
            else if (c === 46 /* . */ || c === 63 /* ? */ || c === 33 /* ! */) {
              if (stopCount === stopIndex.length) stopIndex = growInts(stopIndex);
              stopIndex[stopCount++] = n;
            }
            i++;
          }
          kinds[n] = TokenKind.Punct;
        }
        flags[n] = 0;
        kws[n] = 0;
      }
      gaps[n] = gap;
      starts[n] = start;
      ends[n] = i;
      lines[n] = line;
      n++;
      gap = Gap.None;
      if (after === 32) {
        gap = Gap.Space;
        i++;
      }
    }
  }
  tokens.numbers.list = numberIndex;
  tokens.numbers.count = numberCount;
  tokens.fWords.list = fWordIndex;
  tokens.fWords.count = fWordCount;
  tokens.vWords.list = vWordIndex;
  tokens.vWords.count = vWordCount;
  tokens.stops.list = stopIndex;
  tokens.stops.count = stopCount;
  tokens.citeStarts.list = citeIndex;
  tokens.citeStarts.count = citeCount;
  tokens.nul = nul;
  tokens.length = n;
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
