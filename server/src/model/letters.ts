// Letters: `brief van 18 mei 2022`, `Kamerbrief van …`, `bij brief3 van 25 mei
// 2022`, `mijn brief van 4 november jl.`, `de brief van de Minister-President
// van 29 juni 2022`, `In de brief op verzoek van uw Kamer d.d. 11 oktober
// 2023`. One entity per letter, identified by its date. A mention without a
// date of its own (`een brief2 gestuurd`) takes the date that the text gives
// it elsewhere: the one date of its sentence when that date says when it was
// sent (`Op 29 oktober … middels een Kamerbrief`), or a later mention that
// points back to it (`de in het antwoord op vraag 1 genoemde brief van 18 mei 2022`).

import { endsSentence, Gap, keywordsOf, KeywordSet, Tokens, TokenKind } from './tokens';
import { DOT, type Span } from './text';

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
/** The keyword ids this grammar compares tokens with. */
const KW = keywordsOf(['brief', 'luchtpostbrief', 'd', 'dd', 'van', 'op', 'gedateerd'] as const);

export interface RawLetterMention {
  readonly span: Span;
  /** The letter word itself (`brief`, `Kamerbrief`). */
  readonly wordToken: number;
  readonly dateIndex: number | null;
  readonly footnote: number | null;
  readonly sender: string | null;
}

export function isLetterWord(tokens: Tokens, i: number): boolean {
  if (tokens.kind[i] !== TokenKind.Word) return false;
  const kw = tokens.kw[i];
  if (kw === KW.brief) return true;
  if (kw === KW.luchtpostbrief || !tokens.endsWith(i, 'brief')) return false;
  return (tokens.nonAscii(i) ? tokens.lower(i).length : tokens.len(i)) <= 22;
}

/**
 * Finds letter mentions. `skip[i] === 1` excludes token i; `dateAt(i)` gives the index of the
 * date that starts at token i (or null), `markerAt(i)` the footnote number of the marker that token i is.
 */
export function findLetterMentions(
  tokens: Tokens,
  skip: Uint8Array,
  dateAt: (i: number) => number | null,
  dateEnd: (dateIndex: number) => number,
  markerAt: (i: number) => number | null,
  /** Whether the date has its year or a `jl.`/`a.s.` written (not a bare `3 maart`). */
  fullDate: (dateIndex: number) => boolean = () => true,
): RawLetterMention[] {
  const out: RawLetterMention[] = [];
  const n = tokens.length;
  // Every letter word ends in `brief`: only the words ending in f with five letters or more are visited.
  for (const i of tokens.fWordTokens()) {
    if (skip[i] === 1 || !isLetterWord(tokens, i)) continue;
    let k = i + 1;
    let footnote: number | null = null;
    if (k < n && tokens.gap[k] === Gap.None && tokens.kind[k] === TokenKind.Number) {
      footnote = markerAt(k);
      if (footnote !== null) k++;
    } else if (k + 2 < n && tokens.gap[k] === Gap.None && tokens.len(k) === 1 && tokens.ch(k) === 0x5b /* [ */ && tokens.kind[k + 1] === TokenKind.Number) {
      // A bracketed marker glued to the word, as Word footnotes are written: `brief[1]`.
      footnote = markerAt(k) ?? markerAt(k + 1);
      if (footnote !== null) k += tokens.len(k + 2) === 1 && tokens.ch(k + 2) === 0x5d /* ] */ ? 3 : 2;
    }
    let dateIndex: number | null = null;
    let senderFrom = -1;
    let senderTo = -1;
    for (let j = k, steps = 0; j < n && steps < 14; j++, steps++) {
      if (endsSentence(tokens, j) || isLetterWord(tokens, j) || skip[j] === 1) break;
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
    if (dateIndex === null) {
      const wide = wideDate(tokens, k, skip, dateAt, fullDate);
      if (wide !== null) dateIndex = wide;
    }
    const end = dateIndex !== null ? dateEnd(dateIndex) : tokens.end[k - 1];
    const sender = senderFrom >= 0 && senderTo > senderFrom ? tokensText(tokens, senderFrom, senderTo) : null;
    out.push({ span: { start: tokens.start[i], end }, wordToken: i, dateIndex, footnote, sender });
  }
  return out;
}

/**
 * The date of `<letter> … van|op|d.d.|gedateerd <full date>` within WIDE_STEPS tokens of the same
 * sentence, with no other date, letter word, clause word or verb before it. Bounded: linear overall.
 */
function wideDate(tokens: Tokens, k: number, skip: Uint8Array, dateAt: (i: number) => number | null, fullDate: (d: number) => boolean): number | null {
  const n = tokens.length;
  for (let j = k, steps = 0; j < n && steps < WIDE_STEPS; j++, steps++) {
    if (skip[j] === 1 || endsSentence(tokens, j) || isLetterWord(tokens, j)) return null;
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

function tokensText(tokens: Tokens, from: number, to: number): string {
  let s = '';
  for (let j = from; j < to; j++) {
    if (j > from && tokens.gap[j] !== Gap.None) s += ' ';
    s += tokens.text(j);
  }
  return s.trim();
}

/** Sentence number of every token; `boundary[i] === 1` starts a new sentence at token i. */
export function sentenceIds(tokens: Tokens, boundary: Uint8Array, ids: Int32Array = new Int32Array(tokens.length)): Int32Array {
  const n = tokens.length;
  const kind = tokens.kind;
  let id = 0;
  for (let i = 0; i < n; i++) {
    if (boundary[i] === 1) id++;
    ids[i] = id;
    if (kind[i] === TokenKind.Punct && endsSentence(tokens, i)) id++;
  }
  return ids;
}
