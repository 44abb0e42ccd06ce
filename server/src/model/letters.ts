// Letters: `brief van 18 mei 2022`, `Kamerbrief van …`, `bij brief3 van 25 mei
// 2022`, `mijn brief van 4 november jl.`, `de brief van de Minister-President
// van 29 juni 2022`, `In de brief op verzoek van uw Kamer d.d. 11 oktober
// 2023`. One entity per letter, identified by its date. A mention without a
// date of its own (`een brief2 gestuurd`) takes the date that the text gives
// it elsewhere: the one date of its sentence when that date says when it was
// sent (`Op 29 oktober … middels een Kamerbrief`), or a later mention that
// points back to it (`de in het antwoord op vraag 1 genoemde brief van 18 mei 2022`).

import { endsSentence, Gap, growInts, keywordsOf, KeywordSet, MemoSlot, type TokenEdit, Tokens, TokenKind } from './tokens';
import { byteWords, CLOSE_BRACKET, CLOSE_PAREN, COLON, COMMA, DOT, firstAtOrAfter, HYPHEN, movedSpan, OPEN_BRACKET, OPEN_PAREN, partitionPoint, SEMICOLON, type Span } from './text';

/** Words after `brief` that show the `van <date>` further on belongs to something else. */
const STOP_WORDS = new KeywordSet([
  'debat', 'regeling', 'werkzaamheden', 'overleg', 'motie', 'uitspraak', 'vergadering', 'rapport', 'bericht',
  'artikel', 'besluit', 'verslag', 'nota', 'toezegging', 'commissie', 'zitting', 'gesprek', 'antwoord', 'vraag',
  'vragen', 'publicatie', 'gestuurd', 'verzonden', 'gezonden', 'heeft', 'hebben', 'is', 'was', 'over', 'waarin',
  'waarmee', 'die', 'dat', 'met', 'en', 'of', 'ook', 'niet', 'naar', 'inzake', 'betreffende', 'omtrent',
]);
/**
 * The wider look-ahead (`de Kamerbrief over de voortgang van het programma X van 3 maart 2023`,
 * `een brief over Ambtelijke analyses (36 471-64) op 7 juni 2024`) lets the letter's subject run on
 * through `over`, `en`, `met`, …, but stops where a clause begins or a verb or another dated thing
 * takes the date: `de brief die ik op 3 maart ontving`, `de brief over het debat van 3 maart`.
 */
const WIDE_STOP_WORDS = new KeywordSet([
  'debat', 'regeling', 'werkzaamheden', 'overleg', 'motie', 'uitspraak', 'vergadering', 'rapport', 'bericht',
  'artikel', 'besluit', 'verslag', 'nota', 'toezegging', 'zitting', 'gesprek', 'antwoord', 'antwoorden',
  'vraag', 'vragen', 'publicatie', 'kabinetsreactie', 'beleidsreactie', 'reactie', 'notitie', 'wet', 'wetsvoorstel',
  'gestuurd', 'verzonden', 'gezonden', 'ontvangen', 'ontving', 'kreeg', 'gekregen', 'heeft', 'hebben', 'heb', 'had',
  'is', 'was', 'zijn', 'waren', 'wordt', 'werd', 'worden', 'werden', 'zal', 'zullen', 'kan', 'kunnen', 'moet',
  'waarin', 'waarmee', 'waarop', 'waarbij', 'waarvan', 'waarover', 'die', 'dat', 'wat', 'welke', 'wie', 'omdat',
  'doordat', 'zodat', 'nadat', 'voordat', 'terwijl', 'hoewel', 'als', 'indien', 'toen', 'wanneer', 'maar', 'want',
  'sinds', 'sedert', 'tot', 'vanaf', 'per', 'uiterlijk', 'voor', 'na', 'ik', 'wij', 'we', 'u', 'hij', 'zij', 'ze',
]);
/** How many tokens the wider look-ahead reads after the letter word. */
const WIDE_STEPS = 20;
/**
 * Words that start a clause or are a verb: a citation's elements (`Brief over de AVG-boete, 12 mei
 * 2023`) hold none of them, so one shows that the comma and date further on are a sentence's.
 */
const CLAUSE_WORDS = new KeywordSet([
  'gestuurd', 'verzonden', 'gezonden', 'ontvangen', 'ontving', 'kreeg', 'gekregen', 'heeft', 'hebben', 'heb', 'had',
  'is', 'was', 'zijn', 'waren', 'wordt', 'werd', 'worden', 'werden', 'zal', 'zullen', 'kan', 'kunnen', 'moet',
  'waarin', 'waarmee', 'waarop', 'waarbij', 'waarvan', 'waarover', 'die', 'dat', 'wat', 'welke', 'wie', 'omdat',
  'doordat', 'zodat', 'nadat', 'voordat', 'terwijl', 'hoewel', 'als', 'indien', 'toen', 'wanneer', 'maar', 'want',
  'sinds', 'sedert', 'tot', 'vanaf', 'per', 'uiterlijk', 'ik', 'wij', 'we', 'u', 'hij', 'zij', 'ze', 'zie',
]);
/** How many tokens a citation's elements may take between the letter word and the date. */
const CITATION_STEPS = 30;
/** How many dates a plural letter word takes in a list: `brieven van 17 december 1979 en 2 januari 1980`. */
const MAX_LISTED_LETTERS = 6;
/** The keyword ids this grammar compares tokens with. */
const KW = keywordsOf(['brief', 'luchtpostbrief', 'luchtpostbrieven', 'luchtpostbrie', 'd', 'dd', 'van', 'op', 'gedateerd', 'en', 'ven'] as const);

export interface RawLetterMention {
  readonly span: Span;
  /** The letter word itself (`brief`, `Kamerbrief`; for `brie-ven` the part after the hyphen). */
  readonly wordToken: number;
  readonly dateIndex: number | null;
  readonly footnote: number | null;
  readonly sender: string | null;
}

/**
 * False when the word token i cannot end in a suffix of `length` letters whose last is the
 * lower-case ASCII letter `last`: an ASCII word too short or ending in another letter. A cheap
 * test before `endsWith`, for the look-aheads that ask it of every token they pass.
 */
function mayEndWith(tokens: Tokens, i: number, length: number, last: number): boolean {
  if (tokens.nonAsciiFlags[i] !== 0) return true;
  const end = tokens.end[i];
  return end - tokens.start[i] >= length && (tokens.source.charCodeAt(end - 1) | 32) === last;
}

export function isLetterWord(tokens: Tokens, i: number): boolean {
  if (tokens.kind[i] !== TokenKind.Word) return false;
  const kw = tokens.kw[i];
  if (kw === KW.brief) return true;
  if (kw === KW.luchtpostbrief || !mayEndWith(tokens, i, 5, 102 /* f */) || !tokens.endsWith(i, 'brief')) return false;
  return (tokens.nonAscii(i) ? tokens.lower(i).length : tokens.len(i)) <= 22;
}

/**
 * The first token of a plural letter word ending at token i: `brieven`, `Kamerbrieven`, and the
 * same split by an OCR line-end hyphen (`brie-ven`, `Kamerbrie-ven`, `brie-` / `ven`); -1 for none.
 */
export function pluralLetterStart(tokens: Tokens, i: number): number {
  if (i < 0 || i >= tokens.length || tokens.kind[i] !== TokenKind.Word) return -1;
  if (tokens.kw[i] === KW.ven) {
    const h = i - 1;
    const w = i - 2;
    if (w < 0 || tokens.ch(h) !== HYPHEN || tokens.gap[h] !== Gap.None || tokens.gap[i] === Gap.Space) return -1;
    if (tokens.kind[w] !== TokenKind.Word || !tokens.endsWith(w, 'brie') || tokens.kw[w] === KW.luchtpostbrie) return -1;
    return (tokens.nonAscii(w) ? tokens.lower(w).length : tokens.len(w)) <= 20 ? w : -1;
  }
  if (!mayEndWith(tokens, i, 7, 110 /* n */) || !tokens.endsWith(i, 'brieven') || tokens.kw[i] === KW.luchtpostbrieven) return -1;
  return (tokens.nonAscii(i) ? tokens.lower(i).length : tokens.len(i)) <= 24 ? i : -1;
}

/** A letter word, singular or plural: where a look-ahead for another letter's date stops. */
function isLetterNoun(tokens: Tokens, i: number): boolean {
  return isLetterWord(tokens, i) || (tokens.kind[i] === TokenKind.Word && pluralLetterStart(tokens, i) >= 0);
}

/** The date look-ups a letter grammar needs (see `findLetterMentions`). */
export interface LetterDates {
  /** The index of the date that starts at token i, or null. */
  readonly dateAt: (i: number) => number | null;
  /** The end offset of a date. */
  readonly dateEnd: (dateIndex: number) => number;
  /** Whether the date has its year or a `jl.`/`a.s.` written (not a bare `3 maart`). */
  readonly fullDate: (dateIndex: number) => boolean;
  /** The first token of every date, in order: where a plural letter word is looked for. */
  readonly dateStarts: Int32Array;
}

/** How often the mentions were found by reusing those of the text before, and wholly. For tests and the benchmark. */
export const letterStats = { full: 0, incremental: 0 };

/**
 * How far the mention of a singular letter word reads before it: `startsElement`
 * reads 3 tokens before the mention's first token, which is at most 2 before the
 * word, and `endsSentence` one before that (5); one to spare.
 */
const READ_BEFORE = 6;
/**
 * How far the mention of a letter word reads after it: a marker takes at most 3
 * tokens (`brief[1]`: k = word + 4); `citedDate` walks CITATION_STEPS - 1 tokens
 * from k and reads one past each (k + 30), the other look-aheads less (the
 * date's end is an input of the token where the date starts, see `LetterInputs`).
 * Word + 34, and 6 to spare.
 */
const READ_AHEAD = 40;
/**
 * How far a plural's look-back reads before the date it starts from: WIDE_STEPS
 * + 4 tokens, `pluralLetterStart` 2 before the last and `endsSentence` 1; then
 * the mention reads READ_BEFORE before a word that is at most 2 tokens before
 * the one found. 30 in all.
 */
const PLURAL_BEHIND = WIDE_STEPS + 4 + 2 + 1 + 2 + READ_BEFORE - 3;

/**
 * The mentions of a text, found in two passes: the singular letter words in
 * order (`singles`), and the plural ones that dates look back for (`plurals`,
 * in groups: one letter word and the dates it lists).
 */
interface FoundMentions {
  readonly singles: RawLetterMention[];
  readonly plurals: RawLetterMention[];
  /** Per group: the date token that found its letter word, the word, the last token its reading read, and the end of its mentions in `plurals`. */
  readonly trigger: number[];
  readonly word: number[];
  readonly reach: number[];
  readonly end: number[];
}

/**
 * What the mentions of a text were found from, kept with its token stream for
 * the next version of the text (see `TokenEdit`): the inputs besides the
 * tokens as sorted lists (see `LetterInputs`).
 */
interface LetterMemo {
  readonly serial: number;
  readonly length: number;
  readonly found: FoundMentions;
  readonly inputs: LetterInputs;
}

/**
 * The inputs of the grammar besides the tokens, where they are set: the
 * skipped tokens; per date its first token, and whether it is full (bit 0)
 * with its length in characters (the bits above); per footnote marker its
 * token and number. Pairs (token, value) but for the skipped tokens. Equal
 * lists around an edit mean equal inputs there.
 */
interface LetterInputs {
  readonly skipped: Int32Array;
  readonly dates: Int32Array;
  readonly markers: Int32Array;
}

/**
 * Finds letter mentions. `skip[i] === 1` excludes token i; `markerStarts` maps
 * the start offset of each footnote marker to its number. Mentions come in
 * document order.
 *
 * When `tokens` was made by editing the stream of the text read last, only the
 * letter words and dates around the edit and around changed inputs are read
 * again (see `refind`); the result is the same.
 */
export function findLetterMentions(
  tokens: Tokens,
  skip: Uint8Array,
  dates: LetterDates,
  markerStarts: ReadonlyMap<number, number>,
): RawLetterMention[] {
  const markerAt = (i: number): number | null => markerStarts.get(tokens.start[i]) ?? null;
  const inputs = letterInputs(tokens, skip, dates, markerStarts);
  const before = tokens.memoBefore<LetterMemo>(MemoSlot.Letters);
  let found: FoundMentions | null = null;
  if (before !== null) found = refind(tokens, skip, dates, markerAt, inputs, before.memo, before.edit);
  if (found === null) {
    letterStats.full++;
    found = { singles: [], plurals: [], trigger: [], word: [], reach: [], end: [] };
    const words = tokens.fWords.tokens();
    findSingles(tokens, skip, dates, markerAt, words, 0, words.length, found.singles);
    findPlurals(tokens, skip, dates, markerAt, 0, -1, found, Infinity, () => false);
  } else letterStats.incremental++;
  tokens.memos[MemoSlot.Letters] = { serial: tokens.serial, length: tokens.length, found, inputs } satisfies LetterMemo;
  if (found.plurals.length === 0) return found.singles;
  return [...found.singles, ...found.plurals].sort((a, b) => a.span.start - b.span.start);
}

/** The mentions of the singular letter words `words[from..to)` (not skipped), pushed to `out`. */
function findSingles(
  tokens: Tokens, skip: Uint8Array, dates: LetterDates, markerAt: (i: number) => number | null,
  words: Int32Array, from: number, to: number, out: RawLetterMention[],
): void {
  // Every singular letter word ends in `brief`: only the words ending in f with five letters or more are visited.
  for (let w = from; w < to; w++) {
    const i = words[w];
    if (skip[i] === 1 || !isLetterWord(tokens, i)) continue;
    // `Kamer-brief`: the OCR's hyphen inside the compound; the mention covers it whole.
    const first = tokens.gap[i] === Gap.None && tokens.ch(i - 1) === HYPHEN && tokens.gap[i - 1] === Gap.None && i >= 2 && tokens.kind[i - 2] === TokenKind.Word ? i - 2 : i;
    mentionAt(tokens, skip, dates, markerAt, first, i, false, out);
  }
}

/**
 * The plural letter words that the dates from `dates.dateStarts[from]` on look
 * back for, with the dates they list, added to `found`; `lastPlural` is the
 * last plural word found before. Stops before the date where `synced(t,
 * lastPlural)` says the rest is known, from token `syncFrom` on (Infinity: never).
 *
 * A plural letter word has dates after it: each date looks back for one. The
 * words found only move forward, and each look-back is bounded: linear.
 */
function findPlurals(
  tokens: Tokens, skip: Uint8Array, dates: LetterDates, markerAt: (i: number) => number | null,
  from: number, lastPlural: number, found: FoundMentions, syncFrom: number, synced: (t: number, lastPlural: number) => boolean,
): void {
  const starts = dates.dateStarts;
  // Only a word that ends in `ven` can be a plural letter word: a date with none in its look-back is passed over.
  const words = tokens.vWords.tokens();
  let before = from < starts.length ? firstAtOrAfter(words, words.length, starts[from]) : 0;
  for (let d = from; d < starts.length; d++) {
    const t = starts[d];
    if (t >= syncFrom && synced(t, lastPlural)) return;
    while (before < words.length && words[before] < t) before++;
    const nearest = before > 0 ? words[before - 1] : -1;
    if (nearest <= lastPlural || nearest < t - (WIDE_STEPS + 4)) continue;
    for (let j = t - 1, steps = 0; j > lastPlural && steps < WIDE_STEPS + 4; j--, steps++) {
      const kind = tokens.kind[j];
      if (skip[j] === 1 || (kind === TokenKind.Punct && endsSentence(tokens, j))) break;
      // Most tokens are no plural letter word by their last letter: an ASCII word that does not end in `n` (`brieven`, `ven`).
      if (kind !== TokenKind.Word || (tokens.nonAsciiFlags[j] === 0 && (tokens.source.charCodeAt(tokens.end[j] - 1) | 32) !== 110 /* n */)) continue;
      const first = pluralLetterStart(tokens, j);
      if (first < 0) continue;
      lastPlural = j;
      const reach = mentionAt(tokens, skip, dates, markerAt, first, j, true, found.plurals);
      found.trigger.push(t);
      found.word.push(j);
      found.reach.push(reach);
      found.end.push(found.plurals.length);
      break;
    }
  }
}

/** The inputs besides the tokens (see `LetterInputs`). */
function letterInputs(tokens: Tokens, skip: Uint8Array, dates: LetterDates, markerStarts: ReadonlyMap<number, number>): LetterInputs {
  const n = tokens.length;
  const skipped: number[] = [];
  // The skipped tokens are few (those of web addresses): the bytes are read four at a time.
  let i = 0;
  const words = byteWords(skip.subarray(0, n));
  if (words !== null) {
    for (let w = 0; w < words.length; w++) {
      if (words[w] === 0) continue;
      for (let k = w << 2; k < (w << 2) + 4; k++) if (skip[k] === 1) skipped.push(k);
    }
    i = words.length << 2;
  }
  for (; i < n; i++) if (skip[i] === 1) skipped.push(i);
  const starts = dates.dateStarts;
  const dated = new Int32Array(starts.length * 2);
  for (let d = 0; d < starts.length; d++) {
    dated[2 * d] = starts[d];
    dated[2 * d + 1] = ((dates.dateEnd(d) - tokens.start[starts[d]]) << 1) | (dates.fullDate(d) ? 1 : 0);
  }
  // In the order the markers were accepted, which is the text's (the candidates are sorted by start).
  const markers: number[] = [];
  for (const [start, number] of markerStarts) markers.push(tokens.at(start), number);
  return { skipped: Int32Array.from(skipped), dates: dated, markers: Int32Array.from(markers) };
}

/**
 * Widens the tokens `[lo, hi)` (new indices) to hold every token whose entry in
 * the sorted list differs between the old and the new text: before `lo` the
 * entries are the same, from `hi` on the same, moved by `shift`. `stride` is 1
 * for a list of tokens, 2 for pairs (token, value).
 */
function widen(old: Int32Array, cur: Int32Array, stride: number, edit: TokenEdit, window: { lo: number; hi: number }): void {
  const shift = edit.newEndToken - edit.oldEndToken;
  const oldN = old.length / stride;
  const curN = cur.length / stride;
  const same = (a: number, b: number): boolean => stride === 1 || old[a * stride + 1] === cur[b * stride + 1];
  let k = 0;
  while (k < oldN && k < curN && cur[k * stride] < edit.firstToken && old[k * stride] === cur[k * stride] && same(k, k)) k++;
  if (k < curN) window.lo = Math.min(window.lo, cur[k * stride]);
  if (k < oldN) window.lo = Math.min(window.lo, old[k * stride]);
  let a = oldN - 1;
  let b = curN - 1;
  while (a >= 0 && b >= 0 && cur[b * stride] >= edit.newEndToken && old[a * stride] >= edit.oldEndToken && cur[b * stride] === old[a * stride] + shift && same(a, b)) {
    a--;
    b--;
  }
  if (b >= 0) window.hi = Math.max(window.hi, cur[b * stride] + 1);
  if (a >= 0) window.hi = Math.max(window.hi, old[a * stride] + shift + 1);
}

/**
 * The mentions of the new text from those of the text before and the edit
 * between them; null when the token counts do not fit the edit.
 *
 * The tokens `[lo, hi)` (new indices) hold the edited ones and every token
 * whose inputs changed (a date, a marker, a skipped token: these are resolved
 * over the whole text and may change far from the edit). Before `lo` and from
 * `hi` on, the tokens and their inputs are those of the text before (moved).
 *
 * Singular words: a mention reads the tokens from READ_BEFORE before its word to
 * READ_AHEAD after, and nothing else; those that read nothing in `[lo, hi)`
 * stay (before) or move (after), the others are read again. Plural words: the
 * groups that read nothing from `lo` on stay, and so does what the look-backs
 * of the dates before them and before `lo` found (a look-back reads no token
 * after its date); the dates from there look back again until one stands
 * PLURAL_BEHIND past `hi` where the old pass stood in the same state (the same
 * last plural word, or none that its look-backs could reach): from there on
 * both passes read the same tokens, and the old groups move.
 */
function refind(
  tokens: Tokens, skip: Uint8Array, dates: LetterDates, markerAt: (i: number) => number | null,
  inputs: LetterInputs, memo: LetterMemo, edit: TokenEdit,
): FoundMentions | null {
  const n = tokens.length;
  const shift = edit.newEndToken - edit.oldEndToken;
  if (memo.length + shift !== n || edit.oldEndToken > memo.length || edit.firstToken > edit.newEndToken) return null;
  const window = { lo: edit.firstToken, hi: edit.newEndToken };
  widen(memo.inputs.skipped, inputs.skipped, 1, edit, window);
  widen(memo.inputs.dates, inputs.dates, 2, edit, window);
  widen(memo.inputs.markers, inputs.markers, 2, edit, window);
  const { lo, hi } = window;
  const d = edit.charDelta;
  const dateShift = inputs.dates.length / 2 - memo.inputs.dates.length / 2;
  const moved = (m: RawLetterMention): RawLetterMention => ({
    span: movedSpan(m.span, d), wordToken: m.wordToken + shift, dateIndex: m.dateIndex === null ? null : m.dateIndex + dateShift, footnote: m.footnote, sender: m.sender,
  });
  const old = memo.found;

  // Singular words.
  const singles = old.singles;
  const keep = partitionPoint(singles.length, (k) => singles[k].wordToken + READ_AHEAD < lo);
  const movedFrom = partitionPoint(singles.length, (k) => singles[k].wordToken + shift < hi + READ_BEFORE);
  const words = tokens.fWords.tokens();
  const found: FoundMentions = { singles: singles.slice(0, keep), plurals: [], trigger: [], word: [], reach: [], end: [] };
  findSingles(tokens, skip, dates, markerAt, words,
    partitionPoint(words.length, (w) => words[w] < lo - READ_AHEAD), partitionPoint(words.length, (w) => words[w] < hi + READ_BEFORE), found.singles);
  for (let k = movedFrom; k < singles.length; k++) found.singles.push(moved(singles[k]));

  // Plural words: the groups before the first that reads from `lo` on stay (their reach is not
  // monotonic: a list reads on); the look-backs of the dates before `lo` read nothing from there.
  let groups = 0;
  while (groups < old.reach.length && old.reach[groups] < lo) groups++;
  for (let g = 0; g < groups; g++) {
    found.trigger.push(old.trigger[g]);
    found.word.push(old.word[g]);
    found.reach.push(old.reach[g]);
    found.end.push(old.end[g]);
  }
  const keptMentions = groups > 0 ? old.end[groups - 1] : 0;
  for (let k = 0; k < keptMentions; k++) found.plurals.push(old.plurals[k]);
  const restart = groups < old.trigger.length ? Math.min(old.trigger[groups], lo) : lo;
  const starts = dates.dateStarts;
  const from = partitionPoint(starts.length, (k) => starts[k] < restart);
  // The first old group that moves (-1: none), found by `synced`.
  let rest = -1;
  let p = groups;
  const synced = (t: number, lastPlural: number): boolean => {
    // The old pass at the same date: the last plural word its look-backs had found.
    const q = t - shift;
    while (p < old.trigger.length && old.trigger[p] < q) p++;
    const oldLast = p > 0 ? old.word[p - 1] + shift : -1;
    // A look-back from here on stops at the last word only when it is this near. (Both passes find the same
    // words from `hi` on, and before it none is this near: a guard the margin makes redundant, kept all the same.)
    const reachable = t - WIDE_STEPS - 5;
    if (oldLast !== lastPlural && (oldLast >= reachable || lastPlural >= reachable)) return false;
    rest = p;
    return true;
  };
  findPlurals(tokens, skip, dates, markerAt, from, groups > 0 ? old.word[groups - 1] : -1, found, hi + PLURAL_BEHIND, synced);
  if (rest >= 0) {
    for (let k = rest > 0 ? old.end[rest - 1] : 0; k < old.plurals.length; k++) found.plurals.push(moved(old.plurals[k]));
    const base = found.plurals.length - old.plurals.length;
    for (let g = rest; g < old.trigger.length; g++) {
      found.trigger.push(old.trigger[g] + shift);
      found.word.push(old.word[g] + shift);
      found.reach.push(old.reach[g] + shift);
      found.end.push(old.end[g] + base);
    }
  }
  return found;
}

/**
 * The mention of the letter word `word` (starting at token `first`), with its
 * date if it has one; pushed to `out`. Returns the last token it read, at most
 * (see READ_AHEAD; a plural's list reads on).
 */
function mentionAt(
  tokens: Tokens,
  skip: Uint8Array,
  dates: LetterDates,
  markerAt: (i: number) => number | null,
  first: number,
  word: number,
  plural: boolean,
  out: RawLetterMention[],
): number {
  const n = tokens.length;
  const { dateAt, dateEnd, fullDate } = dates;
  let k = word + 1;
  let footnote: number | null = null;
  if (k < n && tokens.gap[k] === Gap.None && tokens.kind[k] === TokenKind.Number) {
    footnote = markerAt(k);
    if (footnote !== null) k++;
  } else if (k + 2 < n && tokens.gap[k] === Gap.None && tokens.ch(k) === OPEN_BRACKET && tokens.kind[k + 1] === TokenKind.Number) {
    // A bracketed marker glued to the word, as Word footnotes are written: `brief[1]`.
    footnote = markerAt(k) ?? markerAt(k + 1);
    if (footnote !== null) k += tokens.ch(k + 2) === CLOSE_BRACKET ? 3 : 2;
  }
  let dateIndex: number | null = null;
  let senderFrom = -1;
  let senderTo = -1;
  for (let j = k, steps = 0; j < n && steps < 14; j++, steps++) {
    if (endsSentence(tokens, j) || isLetterNoun(tokens, j) || skip[j] === 1) break;
    const isWord = tokens.kind[j] === TokenKind.Word;
    const kw = isWord ? tokens.kw[j] : 0;
    if (isWord && STOP_WORDS.has(kw)) break;
    const dd = kw === KW.d && tokens.ch(j + 1) === DOT && tokens.kwAt(j + 2) === KW.d && tokens.ch(j + 3) === DOT;
    const via = kw === KW.van || kw === KW.dd ? j + 1 : dd ? j + 4 : -1;
    if (via >= 0) {
      const d = dateAt(via);
      if (d !== null) {
        dateIndex = d;
        senderTo = j;
        break;
      }
      // `brief van de Minister-President van …`: a sender only right after the letter word.
      if (kw === KW.van && senderFrom < 0 && j === k) senderFrom = j + 1;
    }
    if (dateAt(j) !== null) break; // a date not introduced by `van`/`d.d.` belongs to another phrase.
  }
  dateIndex ??= wideDate(tokens, k, skip, dateAt, fullDate);
  if (dateIndex === null && startsElement(tokens, first)) dateIndex = citedDate(tokens, k, skip, dateAt, fullDate);
  // Letters in the plural have no one date that their sentence could give them: only dated ones count.
  if (plural && dateIndex === null) return word + READ_AHEAD;
  const end = dateIndex !== null ? dateEnd(dateIndex) : tokens.end[k - 1];
  const sender = senderFrom >= 0 && senderTo > senderFrom ? tokensText(tokens, senderFrom, senderTo) : null;
  out.push({ span: { start: tokens.start[first], end }, wordToken: word, dateIndex, footnote, sender });
  let reach = word + READ_AHEAD;
  if (!plural || dateIndex === null) return reach;
  // `brieven van 17 december 1979 en 2 januari 1980`, `brieven van 3, 10 en 17 mei`: one letter per date.
  let last = dateIndex;
  for (let listed = 1; listed < MAX_LISTED_LETTERS; listed++) {
    const after = tokens.at(dateEnd(last));
    reach = Math.max(reach, after + 1);
    if (after >= n || skip[after] === 1) return reach;
    const joiner = tokens.kw[after] === KW.en || tokens.ch(after) === COMMA;
    const next = joiner ? dateAt(after + 1) : null;
    if (next === null) return reach;
    out.push({ span: { start: tokens.start[after + 1], end: dateEnd(next) }, wordToken: word, dateIndex: next, footnote: null, sender });
    last = next;
  }
  return reach;
}

/**
 * The date of `<letter> … van|op|d.d.|gedateerd <full date>` within WIDE_STEPS tokens of the same
 * sentence, with no other date, letter word, clause word or verb before it. Bounded: linear overall.
 */
function wideDate(tokens: Tokens, k: number, skip: Uint8Array, dateAt: (i: number) => number | null, fullDate: (d: number) => boolean): number | null {
  const n = tokens.length;
  for (let j = k, steps = 0; j < n && steps < WIDE_STEPS; j++, steps++) {
    if (skip[j] === 1 || endsSentence(tokens, j) || isLetterNoun(tokens, j)) return null;
    if (dateAt(j) !== null) return null; // a date not introduced by `van`/`op`/`d.d.`/`gedateerd` belongs to another phrase.
    const isWord = tokens.kind[j] === TokenKind.Word;
    const kw = isWord ? tokens.kw[j] : 0;
    if (isWord && WIDE_STOP_WORDS.has(kw)) return null;
    const dd = kw === KW.d && tokens.ch(j + 1) === DOT && tokens.kwAt(j + 2) === KW.d && tokens.ch(j + 3) === DOT;
    const via = kw === KW.van || kw === KW.op || kw === KW.gedateerd || kw === KW.dd ? j + 1 : dd ? j + 4 : -1;
    if (via >= 0) {
      const d = dateAt(via);
      if (d !== null) return fullDate(d) ? d : null;
    }
  }
  return null;
}

/**
 * Whether the letter word opens an element of a citation: after a note's number, `,`, `;`, `:`,
 * `(` or a sentence end (`Ministerie van X, Kamerbrief inzake Y, 3 juli 2023`; `1 Brief over de
 * AVG-boete, 12 mei 2023`), or first on a line that does not continue a sentence's words (`in de` /
 * `Kamerbrief over …` is a wrapped sentence).
 */
function startsElement(tokens: Tokens, first: number): boolean {
  const lineStart = (i: number) => i === 0 || tokens.gap[i] === Gap.Line;
  const p = first - 1;
  if (p < 0) return true;
  if (tokens.kind[p] === TokenKind.Word) return false;
  if (lineStart(first)) return true;
  if (tokens.kind[p] === TokenKind.Number) return lineStart(p);
  const c = tokens.ch(p);
  // A note's number as Word and typists write it: `[3] Brief van …`, `3) Brief van …`.
  if ((c === CLOSE_BRACKET || c === CLOSE_PAREN) && p >= 1 && tokens.kind[p - 1] === TokenKind.Number) {
    return lineStart(p - 1) || (p >= 2 && tokens.ch(p - 2) === OPEN_BRACKET && lineStart(p - 2));
  }
  return c === COMMA || c === SEMICOLON || c === COLON || c === OPEN_PAREN || endsSentence(tokens, p);
}

/**
 * A citation's date: `<letter> <subject>, [<more elements>,] <full date>` — a full date right after
 * a comma, within CITATION_STEPS tokens of the same sentence, with no clause word, verb, other
 * letter word or other date before it.
 */
function citedDate(tokens: Tokens, k: number, skip: Uint8Array, dateAt: (i: number) => number | null, fullDate: (d: number) => boolean): number | null {
  const n = tokens.length;
  for (let j = k, steps = 0; j < n && steps < CITATION_STEPS; j++, steps++) {
    if (skip[j] === 1 || endsSentence(tokens, j) || isLetterNoun(tokens, j) || dateAt(j) !== null) return null;
    if (tokens.kind[j] === TokenKind.Word && CLAUSE_WORDS.has(tokens.kw[j])) return null;
    if (tokens.ch(j) === COMMA) {
      const d = dateAt(j + 1);
      if (d !== null) return fullDate(d) ? d : null;
    }
  }
  return null;
}

function tokensText(tokens: Tokens, from: number, to: number): string {
  let s = '';
  for (let j = from; j < to; j++) {
    if (j > from && tokens.gap[j] !== Gap.None) s += ' ';
    s += tokens.text(j);
  }
  return s.trim();
}

/** How often the sentences were found by reusing those of the text before, and wholly. For tests and the benchmark. */
export const sentenceStats = { full: 0, incremental: 0 };

/**
 * The sentences of a token stream: the first token of each, in order (the
 * first is 0; none for an empty stream). A sentence is the tokens from one
 * start up to the next. Kept as starts rather than as a number per token: the
 * features ask for a few sentences (those of letter mentions and dates), and a
 * number per token held 4 bytes a token, twice (the memo's copy).
 */
export interface Sentences {
  readonly starts: Int32Array;
  /** The number of tokens. */
  readonly tokenCount: number;
}

/** The index of the sentence that holds token i (0 ≤ i < tokenCount). */
export function sentenceAt(s: Sentences, i: number): number {
  return partitionPoint(s.starts.length, (k) => s.starts[k] <= i) - 1;
}

/** The tokens of sentence k: [first, end). */
export function sentenceTokens(s: Sentences, k: number): { readonly first: number; readonly end: number } {
  return { first: s.starts[k], end: k + 1 < s.starts.length ? s.starts[k + 1] : s.tokenCount };
}

/** The sentences of a text and the boundaries they were found with, kept with its token stream for the next version of the text. */
interface SentenceMemo {
  serial: number;
  sentences: Sentences;
  /** The boundaries of the first `sentences.tokenCount` tokens; the array is reused for the next version when it is large enough. */
  boundary: Uint8Array;
}

/**
 * The sentences of the stream; `boundary[i] === 1` starts a new sentence at
 * token i, and so does a token after one that ends a sentence (`endsSentence`).
 *
 * When `tokens` was made by editing the stream of the text read last, only the
 * tokens of the changed lines are read again: the starts before them stay, and
 * those after them move by as many tokens as the edit added or took away. The
 * result is the same as reading all.
 *
 * Why: whether token i starts a sentence depends on `boundary[i]` and on
 * `endsSentence(i - 1)`, which reads the tokens i - 2 to i only. So the starts
 * before `firstToken` depend on tokens before it alone (kept when the
 * boundaries there are the same); from `newEndToken + 2` on, a start reads no
 * token before `newEndToken`, the first token that is the same as in the
 * old stream, so there the starts are the old ones, moved (when the
 * boundaries there are the same, shifted).
 */
export function findSentences(tokens: Tokens, boundary: Uint8Array): Sentences {
  const n = tokens.length;
  const memo = tokens.memos[MemoSlot.Sentences] as SentenceMemo | undefined;
  const before = tokens.memoBefore<SentenceMemo>(MemoSlot.Sentences);
  let sentences = before !== null ? reread(tokens, boundary, before.memo, before.edit) : null;
  if (sentences !== null) sentenceStats.incremental++;
  else {
    sentenceStats.full++;
    const out = new StartList(Math.max(16, n >> 4));
    addStarts(tokens, boundary, 0, n, out);
    sentences = { starts: out.done(), tokenCount: n };
  }
  // The boundaries in the array of the memo before (read by now) when it is large enough: a copy, not a new array, for each version.
  const next: SentenceMemo = memo !== undefined && memo.boundary.length >= n ? memo : { serial: 0, sentences, boundary: new Uint8Array(n + (n >> 3)) };
  next.serial = tokens.serial;
  next.sentences = sentences;
  next.boundary.set(boundary.subarray(0, n));
  tokens.memos[MemoSlot.Sentences] = next;
  return sentences;
}

/** A growing list of token indices. */
class StartList {
  private a: Int32Array;
  length = 0;
  constructor(capacity: number) {
    this.a = new Int32Array(capacity);
  }

  push(i: number): void {
    if (this.length === this.a.length) this.a = growInts(this.a);
    this.a[this.length++] = i;
  }

  pushAll(from: Int32Array, shift: number): void {
    for (let k = 0; k < from.length; k++) this.push(from[k] + shift);
  }

  done(): Int32Array {
    return this.a.slice(0, this.length);
  }
}

/** Adds the tokens of [from, to) that start a sentence. */
function addStarts(tokens: Tokens, boundary: Uint8Array, from: number, to: number, out: StartList): void {
  // The starts in [from, to) in order: token 0, the boundaries, and the tokens after a `.`, `?` or `!` that ends a
  // sentence. Only those tokens are read (the tokenizer lists them), and the boundaries four bytes at a time.
  const stops = tokens.stops.tokens();
  let s = firstAtOrAfter(stops, stops.length, from - 1);
  /** The next start after a stop, from the stop `s` on (`to`: none before it). */
  const afterStop = (): number => {
    while (s < stops.length && stops[s] + 1 < to) {
      const p = stops[s++];
      if (endsSentence(tokens, p)) return p + 1;
    }
    return to;
  };
  let stopStart = afterStop();
  let last = -1;
  const emit = (i: number): void => {
    if (i !== last) out.push(i);
    last = i;
  };
  /** Emits the starts after stops that come before `limit`. */
  const stopsBefore = (limit: number): void => {
    while (stopStart < limit) {
      emit(stopStart);
      stopStart = afterStop();
    }
  };
  if (from === 0 && to > 0) emit(0);
  const words = byteWords(boundary);
  let i = from;
  while (i < to) {
    // Four tokens at a time where the boundary bytes allow: most words hold no boundary.
    if (words !== null && (i & 3) === 0 && i + 4 <= to && words[i >> 2] === 0) {
      i += 4;
      continue;
    }
    if (boundary[i] === 1) {
      stopsBefore(i);
      emit(i);
    }
    i++;
  }
  stopsBefore(to);
}

/** The sentences of the edited stream from those of the text before (see `findSentences`); null when a boundary changed away from the edit. */
function reread(tokens: Tokens, boundary: Uint8Array, memo: SentenceMemo, edit: TokenEdit): Sentences | null {
  const n = tokens.length;
  const old = memo.sentences;
  const oldBoundary = memo.boundary;
  const first = edit.firstToken;
  const shift = edit.newEndToken - edit.oldEndToken;
  if (old.tokenCount !== n - shift) return null;
  // From here on the starts are the old ones, moved.
  const sync = Math.min(n, edit.newEndToken + 2);
  for (let i = 0; i < first; i++) if (boundary[i] !== oldBoundary[i]) return null;
  for (let i = sync; i < n; i++) if (boundary[i] !== oldBoundary[i - shift]) return null;
  const starts = old.starts;
  const kept = partitionPoint(starts.length, (k) => starts[k] < first);
  const moved = partitionPoint(starts.length, (k) => starts[k] < sync - shift);
  const out = new StartList(kept + (starts.length - moved) + 64);
  out.pushAll(starts.subarray(0, kept), 0);
  addStarts(tokens, boundary, first, sync, out);
  out.pushAll(starts.subarray(moved), shift);
  return { starts: out.done(), tokenCount: n };
}
