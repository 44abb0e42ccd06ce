// References to answers and questions: `zie antwoord vraag 12`, `het in
// antwoord 3 beschreven beleid`, `Zie ook het antwoord bij vraag 1`, `de
// antwoorden op vraag 8 en 9`, `Zoals bij vraag 2 aangegeven`, `in mijn
// beantwoording op vragen 1 en 5`. A phrase that names another set of
// questions or a letter is external: `«Antwoord op vragen van …», antwoord 2`,
// `het antwoord op vraag 7 van de eerder aangehaalde schriftelijke vragen`,
// `antwoord 3 op de bovengenoemde Kamervragen`, `het antwoord op vraag 3 in
// de brief8 van 25 februari 2022`.

import { Gap, keywordsOf, KeywordSet, MemoSlot, type TokenEdit, Tokens, TokenKind, endsSentence } from './tokens';
import { AMPERSAND, byteWords, COMMA, DOT, EN_DASH, HYPHEN, movedSpan, partitionPoint, PERCENT, SLASH, type Span } from './text';

const ANSWER_WORDS = new KeywordSet(['antwoord', 'antwoorden', 'beantwoording']);
const QUESTION_WORDS = new KeywordSet(['vraag', 'vragen']);
const PREPOSITIONS = new KeywordSet(['op', 'bij', 'van', 'onder', 'in', 'aan']);
/** Words that, after the numbers, name another set of questions or a document. */
const ELSEWHERE_WORDS = new KeywordSet([
  'vragen', 'kamervragen', 'schriftelijke', 'brief', 'kamerbrief', 'beantwoording', 'aanhangsel', 'handelingen',
  'lid', 'leden', 'eerder', 'eerdere', 'vorige', 'bovengenoemde', 'aangehaalde', 'reeks', 'set', 'kenmerk',
]);
const ELSEWHERE_PREPOSITIONS = new KeywordSet(['van', 'op', 'in', 'uit', 'bij', 'aan']);
const CLOSING_QUOTES = new Set(['»', '”', '"', '’'].map((c) => c.charCodeAt(0)));
const OPENING_QUOTES = new Set(['«', '“', '"', '‘'].map((c) => c.charCodeAt(0)));

/** The keyword ids this grammar compares tokens with. */
const KW = keywordsOf(['en', 'of', 't', 'm', 'tot', 'met', 'de', 'het', 'mijn', 'ook', 'zie', 'van', 'brief', 'beantwoording'] as const);

export interface RawReference {
  /** The whole phrase, from `zie`/`het` to the last number (and the qualifier of an external one). */
  readonly phrase: Span;
  readonly kind: 'answer' | 'question';
  /** Each number with the span a click on it should resolve. */
  readonly targets: readonly { readonly number: number; readonly span: Span }[];
  /** What the phrase says about another set: the qualifier or the quoted title. */
  readonly elsewhere: { readonly span: Span; readonly letterDateToken: number | null } | null;
}

/** The keyword id of a word token (0 for other words, -1 for no word or out of range). */
function word(tokens: Tokens, i: number): number {
  return i >= 0 && i < tokens.length && tokens.kind[i] === TokenKind.Word ? tokens.kw[i] : -1;
}

function isNum(tokens: Tokens, i: number): boolean {
  return i >= 0 && i < tokens.length && tokens.kind[i] === TokenKind.Number && tokens.len(i) <= 5 && tokens.num(i) >= 1;
}

/** A number of a list, and the tokens it stands on: its own, or a range's connector for the numbers the range implies. */
interface ListedNumber {
  readonly number: number;
  readonly token: number;
  readonly last: number;
}

/** `8 en 9`, `1,2,3,4 en 5`, `4-7`, `2 t/m 4`, `6 of 7`. */
function numberList(tokens: Tokens, i: number, flags: Uint8Array): { numbers: ListedNumber[]; next: number } | null {
  if (!isNum(tokens, i) || (flags[i] & DATE_OR_MARKER) !== 0 || !numberEndsCleanly(tokens, i)) return null;
  const numbers: ListedNumber[] = [{ number: tokens.num(i), token: i, last: i }];
  let k = i + 1;
  for (let guard = 0; guard < 40; guard++) {
    if (k >= tokens.length) break;
    let range = false;
    let m = k;
    const pc = tokens.kind[k] === TokenKind.Punct ? tokens.ch(k) : -1;
    const w = word(tokens, k);
    if (pc === COMMA || pc === AMPERSAND) m = k + 1;
    else if (w === KW.en || w === KW.of) m = k + 1;
    else if (pc === HYPHEN || pc === EN_DASH) {
      m = k + 1;
      range = true;
    } else if (w === KW.t && tokens.ch(k + 1) === SLASH && word(tokens, k + 2) === KW.m) {
      m = k + 3;
      range = true;
    } else if (w === KW.tot && word(tokens, k + 1) === KW.en && word(tokens, k + 2) === KW.met) {
      m = k + 3;
      range = true;
    } else break;
    if (!isNum(tokens, m) || (flags[m] & DATE_OR_MARKER) !== 0 || !numberEndsCleanly(tokens, m)) break;
    const last = numbers[numbers.length - 1].number;
    const n = tokens.num(m);
    if (range) {
      if (n <= last || n - last > 50) break;
      // The numbers a range implies (`1 t/m 6`: 2 to 5) stand on its connector, so that each written number is its own.
      for (let v = last + 1; v < n; v++) numbers.push({ number: v, token: k, last: m - 1 });
    }
    numbers.push({ number: n, token: m, last: m });
    k = m + 1;
  }
  return { numbers, next: k };
}

/** `vraag 17duidelijk` (PDF glue) and `vraag 3.` are fine; `vraag 3,5` and `antwoord 2-3a` are not numbers of questions. */
function numberEndsCleanly(tokens: Tokens, i: number): boolean {
  const next = i + 1;
  if (next >= tokens.length || tokens.gap[next] !== Gap.None) return true;
  const kind = tokens.kind[next];
  if (kind === TokenKind.Word) return true;
  if (kind === TokenKind.Number) return false;
  const c = tokens.ch(next);
  if ((c === COMMA || c === DOT) && i + 2 < tokens.length && tokens.kind[i + 2] === TokenKind.Number && tokens.gap[i + 2] === Gap.None) return false;
  return c !== PERCENT;
}

/** The bits of a token's byte in the flags that the scan reads besides the tokens. */
const SKIP = 1;
const DATE = 2;
const MARKER = 4;
const DATE_OR_MARKER = DATE | MARKER;

/**
 * The references found, in order, with for each the tokens the scan stood on:
 * what the next version of the text needs to tell which of them an edit may
 * have changed.
 */
interface Found {
  readonly refs: RawReference[];
  /** The token of its keyword (`antwoord`, `vraag`): where the scan tried it. */
  readonly keyword: number[];
  /** The token where the scan went on after it. */
  readonly next: number[];
  /** Past the last token it read (see `reference`). */
  readonly reach: number[];
}

/** The references of a text, kept with its token stream for the next version of the text (see `TokenEdit`). */
interface ReferenceMemo {
  readonly serial: number;
  /** The number of tokens. */
  readonly length: number;
  /** The SKIP, DATE and MARKER bits of each token (the first `length` bytes of a larger buffer). */
  readonly flags: Uint8Array;
  /** A buffer of the run before, free for the flags of the next one. */
  readonly spare: Uint8Array | null;
  readonly found: Found;
}

/**
 * How often the references were found by reusing those of the text before,
 * and wholly; `widened`: incremental runs whose stretch grew past the edited
 * tokens because a skip, date or marker flag changed outside them. For tests
 * and the benchmark.
 */
export const referenceStats = { full: 0, incremental: 0, widened: 0 };

/**
 * The references in the token stream. `skip[i] === 1` excludes token i (URLs,
 * headings, the header); `dates[i] === 1` marks a token inside a date (both
 * arrays hold 0 or 1 for each token); `markers` are the start offsets of the
 * footnote markers.
 *
 * When `tokens` was made by editing the stream of the text read last, only the
 * stretch around the edit is scanned again (see `rescan`); the result is the
 * same.
 */
export function findReferences(tokens: Tokens, skip: Uint8Array, dates: Uint8Array, markers: Iterable<number>): RawReference[] {
  const n = tokens.length;
  const edit = tokens.edit;
  const memo = tokens.memos[MemoSlot.References] as ReferenceMemo | undefined;
  // The flags go into the spare buffer of the run before when it is large enough: its own flags are needed until the comparison is done.
  const buffer = memo?.spare && memo.spare.length >= n ? memo.spare : new Uint8Array(capacityFor(n));
  const flags = buffer.subarray(0, n);
  combineFlags(flags, skip, dates);
  for (const offset of markers) {
    const t = tokens.at(offset);
    if (t < n && tokens.start[t] === offset) flags[t] |= MARKER;
  }
  let found = memo !== undefined && edit !== null && edit.from === memo.serial ? rescan(tokens, flags, memo, edit) : null;
  if (found === null) {
    referenceStats.full++;
    found = { refs: [], keyword: [], next: [], reach: [] };
    scan(tokens, flags, 0, found, n + 1, () => false);
  } else referenceStats.incremental++;
  // The flags of the run before are read no more (`rescan` moved them about): the next run writes its flags there.
  const next: ReferenceMemo = { serial: tokens.serial, length: n, flags: buffer, spare: memo?.flags ?? null, found };
  tokens.memos[MemoSlot.References] = next;
  return found.refs;
}

/** Room for the flags of `n` tokens and of the texts a few edits on. */
function capacityFor(n: number): number {
  return n + (n >> 3) + 64;
}

/**
 * How far an attempt that finds nothing reads: the tokens before the keyword's
 * token plus ATTEMPT_REACH. (`antwoord op de vraag N`: the number is at most 4
 * tokens on, and `numberEndsCleanly` reads 2 past it: 6, and 1 to spare.)
 */
const ATTEMPT_REACH = 7;
/**
 * How far a reference reads past the token where the scan goes on (`next`):
 * before `next` + AFTER_LIST. The list's last try reads a connector of up to 3
 * tokens, a number and 2 tokens past it (`next` + 5); `externalAfter` reads
 * 7 tokens on, `endsSentence` 1 past those, then a glued marker, `van` and the
 * first token of a date (`next` + 10). A run of dates after `van` is read to
 * its end and 1 past (see `reference`).
 */
const AFTER_LIST = 11;
/** How far a reference reads back from its keyword: `zie ook het` (3), then a quoted title ends 2 before and starts at most 78 before that. */
const LOOK_BACK = 83;

/**
 * Scans from token `from`, where the scan stands between references, and adds
 * what it finds to `found`; up to the end, or to the first token from
 * `syncFrom` on where `synced` says the rest is known.
 */
function scan(tokens: Tokens, flags: Uint8Array, from: number, found: Found, syncFrom: number, synced: (i: number) => boolean): void {
  const n = tokens.length;
  const kws = tokens.kw;
  const reach = { end: 0 };
  for (let i = from; i < n; i++) {
    if (i >= syncFrom && synced(i)) return;
    const w = kws[i];
    // Only keyword words (kw ≠ 0) can start a reference.
    if (w === 0 || (flags[i] & SKIP) !== 0) continue;
    let kind: 'answer' | 'question';
    let k = i + 1;
    if (ANSWER_WORDS.has(w)) {
      kind = 'answer';
      if (PREPOSITIONS.has(word(tokens, k))) k++;
      if (word(tokens, k) === KW.de || word(tokens, k) === KW.het) k++;
      if (QUESTION_WORDS.has(word(tokens, k))) k++;
      else if (k !== i + 1) continue; // `antwoord op de …` must go on with `vraag N`.
    } else if (QUESTION_WORDS.has(w)) {
      kind = 'question';
    } else continue;
    if (k >= n || (flags[k] & SKIP) !== 0) continue;
    const list = numberList(tokens, k, flags);
    if (!list) continue;
    found.refs.push(reference(tokens, i, kind, list.numbers, list.next, flags, reach));
    found.keyword.push(i);
    found.next.push(list.next);
    found.reach.push(reach.end);
    i = list.next - 1;
  }
}

/**
 * The references of the new text from those of the text before and the edit
 * between them: those well before the edit stay, the stretch from there is
 * scanned until the scan stands where the old scan stood (past the edit,
 * beyond the look-back), and the old references after that point move. Null
 * when the token counts do not fit the edit.
 *
 * The stretch holds the edited tokens and every token whose flags changed: the
 * flags come from the dates and footnote markers, resolved over the whole
 * text, so they may change far from the edit. Before `lo` and from `hi` on
 * (new indices) the tokens and their flags are those of the text before.
 *
 * Why the kept part is right: the scan before token `restart` tried only
 * tokens whose attempts read nothing from `lo` on (ATTEMPT_REACH, and the
 * `reach` of each kept reference), so it went as the old scan went. Why the
 * moved part is right: from a token at least LOOK_BACK past `hi` where the old
 * scan stood too (not inside a reference), both scans read only tokens from
 * `hi` on, which are the same.
 */
function rescan(tokens: Tokens, flags: Uint8Array, memo: ReferenceMemo, edit: TokenEdit): Found | null {
  const n = tokens.length;
  const oldN = memo.length;
  const shift = edit.newEndToken - edit.oldEndToken;
  if (oldN + shift !== n || edit.oldEndToken > oldN || edit.firstToken > edit.newEndToken) return null;
  const lo = firstDifference(memo.flags, flags, edit.firstToken);
  // The old flags after the edit, moved to the new indices (the memo is read no more).
  let moved = memo.flags;
  if (moved.length < n) {
    moved = new Uint8Array(capacityFor(n));
    moved.set(memo.flags.subarray(0, oldN));
  }
  moved.copyWithin(edit.newEndToken, edit.oldEndToken, oldN);
  const hi = lastDifference(moved, flags, edit.newEndToken, n) + 1;
  if (lo < edit.firstToken || hi > edit.newEndToken) referenceStats.widened++;

  const old = memo.found;
  const count = old.refs.length;
  // The restart: no attempt before it reads from `lo` on, and it is not inside a kept reference.
  let restart = Math.max(0, lo - ATTEMPT_REACH);
  let keep = partitionPoint(count, (j) => old.keyword[j] < restart);
  while (keep > 0 && (old.next[keep - 1] > restart || old.reach[keep - 1] > lo)) {
    keep--;
    restart = old.keyword[keep];
  }
  const found: Found = {
    refs: old.refs.slice(0, keep), keyword: old.keyword.slice(0, keep), next: old.next.slice(0, keep), reach: old.reach.slice(0, keep),
  };
  // The first old reference from which the rest moves (-1: none).
  let rest = -1;
  let p = keep;
  const synced = (i: number): boolean => {
    // The old scan stood at the same token unless a reference it had found runs over it.
    const q = i - shift;
    while (p < count && old.keyword[p] < q) p++;
    if (p > 0 && old.next[p - 1] > q) return false;
    rest = p;
    return true;
  };
  scan(tokens, flags, restart, found, hi + LOOK_BACK, synced);
  if (rest >= 0) {
    const d = edit.charDelta;
    for (let j = rest; j < count; j++) {
      found.refs.push(movedReference(old.refs[j], d, shift));
      found.keyword.push(old.keyword[j] + shift);
      found.next.push(old.next[j] + shift);
      found.reach.push(old.reach[j] + shift);
    }
  }
  return found;
}

/** A reference of the old text after the edit, in the new text: its offsets move by `d`, its tokens by `shift`. */
function movedReference(r: RawReference, d: number, shift: number): RawReference {
  const e = r.elsewhere;
  return {
    phrase: movedSpan(r.phrase, d),
    kind: r.kind,
    targets: r.targets.map((t) => ({ number: t.number, span: movedSpan(t.span, d) })),
    elsewhere: e === null ? null : { span: movedSpan(e.span, d), letterDateToken: e.letterDateToken === null ? null : e.letterDateToken + shift },
  };
}

/** flags[i] = skip[i] | dates[i] << 1, four at a time (the bytes are 0 or 1: no bit crosses into the next byte). */
function combineFlags(flags: Uint8Array, skip: Uint8Array, dates: Uint8Array): void {
  const n = flags.length;
  let i = 0;
  const f = byteWords(flags);
  const s = byteWords(skip.subarray(0, n));
  const t = byteWords(dates.subarray(0, n));
  if (f !== null && s !== null && t !== null) {
    for (let w = 0; w < f.length; w++) f[w] = s[w] | (t[w] << 1);
    i = f.length << 2;
  }
  for (; i < n; i++) flags[i] = skip[i] | (dates[i] << 1);
}

/** The first index before `to` where `a` and `b` differ, or `to`. */
function firstDifference(a: Uint8Array, b: Uint8Array, to: number): number {
  let i = 0;
  const x = byteWords(a.subarray(0, to));
  const y = byteWords(b.subarray(0, to));
  if (x !== null && y !== null) {
    let w = 0;
    while (w < x.length && x[w] === y[w]) w++;
    i = w << 2;
  }
  while (i < to && a[i] === b[i]) i++;
  return i;
}

/** The last index in [`from`, `to`) where `a` and `b` differ, or `from` - 1. */
function lastDifference(a: Uint8Array, b: Uint8Array, from: number, to: number): number {
  let i = to;
  while (i > from && (i & 3) !== 0) {
    if (a[i - 1] !== b[i - 1]) return i - 1;
    i--;
  }
  // Whole words from `first` (the first word boundary at or after `from`) to `i`.
  const first = (from + 3) & ~3;
  const x = byteWords(a.subarray(0, i));
  const y = byteWords(b.subarray(0, i));
  if (x !== null && y !== null && i > first) {
    let w = i >> 2;
    while (w > first >> 2 && x[w - 1] === y[w - 1]) w--;
    i = w << 2;
  }
  while (i > from) {
    if (a[i - 1] !== b[i - 1]) return i - 1;
    i--;
  }
  return from - 1;
}

/**
 * The reference whose keyword is token i; `reach.end` is set past the last
 * token it read. (A function of its own: a closure in the scan's loop body
 * would allocate a context for every token.)
 */
function reference(
  tokens: Tokens,
  i: number,
  kind: 'answer' | 'question',
  numbers: readonly ListedNumber[],
  next: number,
  flags: Uint8Array,
  reach: { end: number },
): RawReference {
  const start = phraseStart(tokens, i);
  reach.end = next + AFTER_LIST;
  const elsewhere = externalAfter(tokens, next, flags, reach) ?? quotedBefore(tokens, start);
  const lastNumber = numbers[numbers.length - 1].token;
  const lastEnd = tokens.end[lastNumber];
  const phraseEnd = elsewhere && elsewhere.span.start > lastEnd ? elsewhere.span.end : lastEnd;
  const phraseStartOffset = tokens.start[start];
  const targets = numbers.map((nu, idx) => ({
    number: nu.number,
    span: idx === 0
      ? { start: phraseStartOffset, end: numbers.length === 1 ? phraseEnd : tokens.end[nu.token] }
      : { start: tokens.start[nu.token], end: tokens.end[nu.last] },
  }));
  return { phrase: { start: phraseStartOffset, end: phraseEnd }, kind, targets, elsewhere };
}

/** Includes a leading `zie (ook)`, `het` or `de` in the phrase. */
function phraseStart(tokens: Tokens, i: number): number {
  let s = i;
  const prev = word(tokens, s - 1);
  if (prev === KW.het || prev === KW.de || prev === KW.mijn) s--;
  if (word(tokens, s - 1) === KW.ook && word(tokens, s - 2) === KW.zie) s -= 2;
  else if (word(tokens, s - 1) === KW.zie) s--;
  return s;
}

/**
 * `van de eerder aangehaalde schriftelijke vragen`, `op de bovengenoemde
 * Kamervragen`, `in de brief8 van 25 februari 2022`. A run of dates read to its
 * end moves `reach.end` past the token after it.
 */
function externalAfter(tokens: Tokens, k: number, flags: Uint8Array, reach: { end: number }): RawReference['elsewhere'] {
  if (k >= tokens.length || !ELSEWHERE_PREPOSITIONS.has(word(tokens, k))) return null;
  const first = k;
  let found = -1;
  for (let j = k + 1; j < tokens.length && j <= k + 7; j++) {
    if (endsSentence(tokens, j) || tokens.ch(j) === COMMA) break;
    const w = word(tokens, j);
    if (w < 0) continue;
    if ((ANSWER_WORDS.has(w) && w !== KW.beantwoording) || (found >= 0 && ELSEWHERE_PREPOSITIONS.has(w))) break;
    // The qualifier runs to its last noun: `van de eerder aangehaalde schriftelijke vragen`.
    const brief = w === KW.brief || tokens.endsWith(j, 'brief');
    if (ELSEWHERE_WORDS.has(w) || brief || tokens.endsWith(j, 'vragen')) found = j;
    if (found >= 0 && brief) break;
  }
  {
    const j = found;
    if (j >= 0) {
      let end = j;
      let letterDateToken: number | null = null;
      // A footnote marker glued to `brief`, then `van <date>`.
      let m = j + 1;
      if (m < tokens.length && tokens.kind[m] === TokenKind.Number && tokens.gap[m] === Gap.None) m++;
      if (word(tokens, m) === KW.van && (flags[m + 1] & DATE) !== 0) {
        letterDateToken = m + 1;
        end = m + 1;
        while ((flags[end + 1] & DATE) !== 0 && tokens.gap[end + 1] !== Gap.Line) end++;
        // The loop read the token after the run.
        reach.end = Math.max(reach.end, end + 2);
      }
      return { span: { start: tokens.start[first], end: tokens.end[end] }, letterDateToken };
    }
  }
  return null;
}

/** `«Antwoord op vragen van het lid …», antwoord 2`: a quoted title right before the phrase. */
function quotedBefore(tokens: Tokens, start: number): RawReference['elsewhere'] {
  const comma = start - 1;
  const close = start - 2;
  if (comma < 0 || tokens.ch(comma) !== COMMA || close < 0 || !CLOSING_QUOTES.has(tokens.ch(close))) return null;
  for (let j = start - 3; j >= 0 && j >= start - 80; j--) {
    if (OPENING_QUOTES.has(tokens.ch(j))) return { span: { start: tokens.start[j], end: tokens.end[close] }, letterDateToken: null };
  }
  return null;
}
