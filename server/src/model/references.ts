// References to answers and questions: `zie antwoord vraag 12`, `het in
// antwoord 3 beschreven beleid`, `Zie ook het antwoord bij vraag 1`, `de
// antwoorden op vraag 8 en 9`, `Zoals bij vraag 2 aangegeven`, `in mijn
// beantwoording op vragen 1 en 5`. A phrase that names another set of
// questions or a letter is external: `«Antwoord op vragen van …», antwoord 2`,
// `het antwoord op vraag 7 van de eerder aangehaalde schriftelijke vragen`,
// `antwoord 3 op de bovengenoemde Kamervragen`, `het antwoord op vraag 3 in
// de brief8 van 25 februari 2022`.

import { Gap, keywordsOf, KeywordSet, Tokens, TokenKind, endsSentence } from './tokens';
import { AMPERSAND, COMMA, DOT, EN_DASH, HYPHEN, PERCENT, SLASH, type Span } from './text';

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
function numberList(tokens: Tokens, i: number, isDate: (i: number) => boolean): { numbers: ListedNumber[]; next: number } | null {
  if (!isNum(tokens, i) || isDate(i) || !numberEndsCleanly(tokens, i)) return null;
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
    if (!isNum(tokens, m) || isDate(m) || !numberEndsCleanly(tokens, m)) break;
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

/** `skip[i] === 1` excludes token i (URLs, headings, the header). */
export function findReferences(
  tokens: Tokens,
  skip: Uint8Array,
  isDate: (i: number) => boolean,
  isMarker: (i: number) => boolean,
): RawReference[] {
  const out: RawReference[] = [];
  const n = tokens.length;
  const kws = tokens.kw;
  const isDateOrMarker = (j: number) => isDate(j) || isMarker(j);
  for (let i = 0; i < n; i++) {
    const w = kws[i];
    // Only keyword words (kw ≠ 0) can start a reference.
    if (w === 0 || skip[i] === 1) continue;
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
    if (k >= n || skip[k] === 1) continue;
    const list = numberList(tokens, k, isDateOrMarker);
    if (!list) continue;
    out.push(reference(tokens, i, kind, list.numbers, list.next, isDate));
    i = list.next - 1;
  }
  return out;
}

/**
 * The reference whose keyword is token i. (A function of its own: a closure in
 * the scan's loop body would allocate a context for every token.)
 */
function reference(
  tokens: Tokens,
  i: number,
  kind: 'answer' | 'question',
  numbers: readonly ListedNumber[],
  next: number,
  isDate: (i: number) => boolean,
): RawReference {
  const start = phraseStart(tokens, i);
  const elsewhere = externalAfter(tokens, next, isDate) ?? quotedBefore(tokens, start);
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

/** `van de eerder aangehaalde schriftelijke vragen`, `op de bovengenoemde Kamervragen`, `in de brief8 van 25 februari 2022`. */
function externalAfter(tokens: Tokens, k: number, isDate: (i: number) => boolean): RawReference['elsewhere'] {
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
      if (word(tokens, m) === KW.van && isDate(m + 1)) {
        letterDateToken = m + 1;
        end = m + 1;
        while (isDate(end + 1) && tokens.gap[end + 1] !== Gap.Line) end++;
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
