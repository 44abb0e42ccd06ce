// References to answers and questions: `zie antwoord vraag 12`, `het in
// antwoord 3 beschreven beleid`, `Zie ook het antwoord bij vraag 1`, `de
// antwoorden op vraag 8 en 9`, `Zoals bij vraag 2 aangegeven`, `in mijn
// beantwoording op vragen 1 en 5`. A phrase that names another set of
// questions or a letter is external: `«Antwoord op vragen van …», antwoord 2`,
// `het antwoord op vraag 7 van de eerder aangehaalde schriftelijke vragen`,
// `antwoord 3 op de bovengenoemde Kamervragen`, `het antwoord op vraag 3 in
// de brief8 van 25 februari 2022`.

import { Gap, Token, TokenKind, endsSentence } from './tokens';
import type { Span } from './text';

const ANSWER_WORDS = new Set(['antwoord', 'antwoorden', 'beantwoording']);
const QUESTION_WORDS = new Set(['vraag', 'vragen']);
const PREPOSITIONS = new Set(['op', 'bij', 'van', 'onder', 'in', 'aan']);
/** Words that, after the numbers, name another set of questions or a document. */
const ELSEWHERE_WORDS = new Set([
  'vragen', 'kamervragen', 'schriftelijke', 'brief', 'kamerbrief', 'beantwoording', 'aanhangsel', 'handelingen',
  'lid', 'leden', 'eerder', 'eerdere', 'vorige', 'bovengenoemde', 'aangehaalde', 'reeks', 'set', 'kenmerk',
]);
const ELSEWHERE_PREPOSITIONS = new Set(['van', 'op', 'in', 'uit', 'bij', 'aan']);
const CLOSING_QUOTES = new Set(['»', '”', '"', '’']);
const OPENING_QUOTES = new Set(['«', '“', '"', '‘']);

export interface RawReference {
  /** The whole phrase, from `zie`/`het` to the last number (and the qualifier of an external one). */
  readonly phrase: Span;
  readonly kind: 'answer' | 'question';
  /** Each number with the span a click on it should resolve. */
  readonly targets: readonly { readonly number: number; readonly span: Span }[];
  /** What the phrase says about another set: the qualifier or the quoted title. */
  readonly elsewhere: { readonly span: Span; readonly letterDateToken: number | null } | null;
}

function word(t: Token | undefined): string | null {
  return t !== undefined && t.kind === TokenKind.Word ? t.lower : null;
}

function isNum(t: Token | undefined): t is Token {
  return t !== undefined && t.kind === TokenKind.Number && t.text.length <= 5 && +t.text >= 1;
}

/** `8 en 9`, `1,2,3,4 en 5`, `4-7`, `2 t/m 4`, `6 of 7`. */
function numberList(tokens: readonly Token[], i: number, isDate: (i: number) => boolean): { numbers: { number: number; token: number }[]; next: number } | null {
  if (!isNum(tokens[i]) || isDate(i) || !numberEndsCleanly(tokens, i)) return null;
  const numbers = [{ number: +tokens[i].text, token: i }];
  let k = i + 1;
  for (let guard = 0; guard < 40; guard++) {
    const t = tokens[k];
    if (!t) break;
    let range = false;
    let m = k;
    if (t.kind === TokenKind.Punct && (t.text === ',' || t.text === '&')) m = k + 1;
    else if (word(t) === 'en' || word(t) === 'of') m = k + 1;
    else if (t.kind === TokenKind.Punct && (t.text === '-' || t.text === '–')) {
      m = k + 1;
      range = true;
    } else if (word(t) === 't' && tokens[k + 1]?.text === '/' && word(tokens[k + 2]) === 'm') {
      m = k + 3;
      range = true;
    } else if (word(t) === 'tot' && word(tokens[k + 1]) === 'en' && word(tokens[k + 2]) === 'met') {
      m = k + 3;
      range = true;
    } else break;
    if (!isNum(tokens[m]) || isDate(m) || !numberEndsCleanly(tokens, m)) break;
    const last = numbers[numbers.length - 1].number;
    const n = +tokens[m].text;
    if (range) {
      if (n <= last || n - last > 50) break;
      for (let v = last + 1; v < n; v++) numbers.push({ number: v, token: m });
    }
    numbers.push({ number: n, token: m });
    k = m + 1;
  }
  return { numbers, next: k };
}

/** `vraag 17duidelijk` (PDF glue) and `vraag 3.` are fine; `vraag 3,5` and `antwoord 2-3a` are not numbers of questions. */
function numberEndsCleanly(tokens: readonly Token[], i: number): boolean {
  const next = tokens[i + 1];
  if (!next || next.gap !== Gap.None) return true;
  if (next.kind === TokenKind.Word) return true;
  if (next.kind === TokenKind.Number) return false;
  if ((next.text === ',' || next.text === '.') && tokens[i + 2]?.kind === TokenKind.Number && tokens[i + 2].gap === Gap.None) return false;
  return next.text !== '%';
}

export function findReferences(
  tokens: readonly Token[],
  skip: (i: number) => boolean,
  isDate: (i: number) => boolean,
  isMarker: (i: number) => boolean,
): RawReference[] {
  const out: RawReference[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (skip(i)) continue;
    const w = word(tokens[i]);
    if (w === null) continue;
    let kind: 'answer' | 'question';
    let k = i + 1;
    if (ANSWER_WORDS.has(w)) {
      kind = 'answer';
      if (PREPOSITIONS.has(word(tokens[k]) ?? '')) k++;
      if (word(tokens[k]) === 'de' || word(tokens[k]) === 'het') k++;
      if (QUESTION_WORDS.has(word(tokens[k]) ?? '')) k++;
      else if (k !== i + 1) continue; // `antwoord op de …` must go on with `vraag N`.
    } else if (QUESTION_WORDS.has(w)) {
      kind = 'question';
    } else continue;
    if (k >= tokens.length || skip(k)) continue;
    const list = numberList(tokens, k, (j) => isDate(j) || isMarker(j));
    if (!list) continue;
    const start = phraseStart(tokens, i);
    const elsewhere = externalAfter(tokens, list.next, isDate) ?? quotedBefore(tokens, start);
    const lastNumber = tokens[list.numbers[list.numbers.length - 1].token];
    const phraseEnd = elsewhere && elsewhere.span.start > lastNumber.end ? elsewhere.span.end : lastNumber.end;
    const targets = list.numbers.map((n, idx) => ({
      number: n.number,
      span: idx === 0
        ? { start: tokens[start].start, end: list.numbers.length === 1 ? phraseEnd : tokens[n.token].end }
        : { start: tokens[n.token].start, end: tokens[n.token].end },
    }));
    out.push({ phrase: { start: tokens[start].start, end: phraseEnd }, kind, targets, elsewhere });
    i = list.next - 1;
  }
  return out;
}

/** Includes a leading `zie (ook)`, `het` or `de` in the phrase. */
function phraseStart(tokens: readonly Token[], i: number): number {
  let s = i;
  const prev = word(tokens[s - 1]);
  if (prev === 'het' || prev === 'de' || prev === 'mijn') s--;
  if (word(tokens[s - 1]) === 'ook' && word(tokens[s - 2]) === 'zie') s -= 2;
  else if (word(tokens[s - 1]) === 'zie') s--;
  return s;
}

/** `van de eerder aangehaalde schriftelijke vragen`, `op de bovengenoemde Kamervragen`, `in de brief8 van 25 februari 2022`. */
function externalAfter(tokens: readonly Token[], k: number, isDate: (i: number) => boolean): RawReference['elsewhere'] {
  const first = tokens[k];
  if (!first || !ELSEWHERE_PREPOSITIONS.has(word(first) ?? '')) return null;
  let found = -1;
  for (let j = k + 1; j < tokens.length && j <= k + 7; j++) {
    if (endsSentence(tokens, j) || tokens[j].text === ',') break;
    const w = word(tokens[j]);
    if (w === null) continue;
    if ((ANSWER_WORDS.has(w) && w !== 'beantwoording') || (found >= 0 && ELSEWHERE_PREPOSITIONS.has(w))) break;
    // The qualifier runs to its last noun: `van de eerder aangehaalde schriftelijke vragen`.
    if (ELSEWHERE_WORDS.has(w) || w.endsWith('vragen') || w.endsWith('brief')) found = j;
    if (found >= 0 && (w === 'brief' || w.endsWith('brief'))) break;
  }
  {
    const j = found;
    if (j >= 0) {
      let end = j;
      let letterDateToken: number | null = null;
      // A footnote marker glued to `brief`, then `van <date>`.
      let m = j + 1;
      if (tokens[m]?.kind === TokenKind.Number && tokens[m].gap === Gap.None) m++;
      if (word(tokens[m]) === 'van' && isDate(m + 1)) {
        letterDateToken = m + 1;
        end = m + 1;
        while (isDate(end + 1) && tokens[end + 1].gap !== Gap.Line) end++;
      }
      return { span: { start: first.start, end: tokens[end].end }, letterDateToken };
    }
  }
  return null;
}

/** `«Antwoord op vragen van het lid …», antwoord 2`: a quoted title right before the phrase. */
function quotedBefore(tokens: readonly Token[], start: number): RawReference['elsewhere'] {
  const comma = tokens[start - 1];
  const close = tokens[start - 2];
  if (!comma || comma.text !== ',' || !close || !CLOSING_QUOTES.has(close.text)) return null;
  for (let j = start - 3; j >= 0 && j >= start - 80; j--) {
    if (OPENING_QUOTES.has(tokens[j].text)) return { span: { start: tokens[j].start, end: close.end }, letterDateToken: null };
  }
  return null;
}
