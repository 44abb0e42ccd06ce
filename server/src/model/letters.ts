// Letters: `brief van 18 mei 2022`, `Kamerbrief van …`, `bij brief3 van 25 mei
// 2022`, `mijn brief van 4 november jl.`, `de brief van de Minister-President
// van 29 juni 2022`, `In de brief op verzoek van uw Kamer d.d. 11 oktober
// 2023`. One entity per letter, identified by its date. A mention without a
// date of its own (`een brief2 gestuurd`) takes the date that the text gives
// it elsewhere: the one date of its sentence when that date says when it was
// sent (`Op 29 oktober … middels een Kamerbrief`), or a later mention that
// points back to it (`de in het antwoord op vraag 1 genoemde brief van 18 mei 2022`).

import { endsSentence, Gap, Token, TokenKind } from './tokens';
import type { Span } from './text';

/** Words after `brief` that show the `van <date>` further on belongs to something else. */
const STOP_WORDS = new Set([
  'debat', 'regeling', 'werkzaamheden', 'overleg', 'motie', 'uitspraak', 'vergadering', 'rapport', 'bericht',
  'artikel', 'besluit', 'verslag', 'nota', 'toezegging', 'commissie', 'zitting', 'gesprek', 'antwoord', 'vraag',
  'vragen', 'publicatie', 'gestuurd', 'verzonden', 'gezonden', 'heeft', 'hebben', 'is', 'was', 'over', 'waarin',
  'waarmee', 'die', 'dat', 'met', 'en', 'of', 'ook', 'niet', 'naar', 'inzake', 'betreffende', 'omtrent',
]);

export interface RawLetterMention {
  readonly span: Span;
  /** The letter word itself (`brief`, `Kamerbrief`). */
  readonly wordToken: number;
  readonly dateIndex: number | null;
  readonly footnote: number | null;
  readonly sender: string | null;
}

export function isLetterWord(t: Token): boolean {
  if (t.kind !== TokenKind.Word) return false;
  const w = t.lower;
  return w === 'brief' || (w.endsWith('brief') && w.length <= 22 && w !== 'luchtpostbrief');
}

/**
 * Finds letter mentions. `dateAt(i)` gives the index of the date that starts at token i
 * (or null), `markerAt(i)` the footnote number of the marker that token i is.
 */
export function findLetterMentions(
  tokens: readonly Token[],
  skip: (i: number) => boolean,
  dateAt: (i: number) => number | null,
  dateEnd: (dateIndex: number) => number,
  markerAt: (i: number) => number | null,
): RawLetterMention[] {
  const out: RawLetterMention[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (skip(i) || !isLetterWord(tokens[i])) continue;
    let k = i + 1;
    let footnote: number | null = null;
    if (tokens[k] && tokens[k].gap === Gap.None && tokens[k].kind === TokenKind.Number) {
      footnote = markerAt(k);
      if (footnote !== null) k++;
    }
    let dateIndex: number | null = null;
    let senderFrom = -1;
    let senderTo = -1;
    for (let j = k, steps = 0; j < tokens.length && steps < 14; j++, steps++) {
      const t = tokens[j];
      if (endsSentence(tokens, j) || isLetterWord(t) || skip(j)) break;
      if (t.kind === TokenKind.Word && STOP_WORDS.has(t.lower)) break;
      const dd = t.lower === 'd' && tokens[j + 1]?.text === '.' && tokens[j + 2]?.lower === 'd' && tokens[j + 3]?.text === '.';
      const via = t.lower === 'van' || t.lower === 'dd' ? j + 1 : dd ? j + 4 : -1;
      if (via >= 0) {
        const d = dateAt(via);
        if (d !== null) {
          dateIndex = d;
          senderTo = j;
          break;
        }
        // `brief van de Minister-President van …`: a sender only right after the letter word.
        if (t.lower === 'van' && senderFrom < 0 && j === k) senderFrom = j + 1;
      }
      if (dateAt(j) !== null) break; // a date not introduced by `van`/`d.d.` belongs to another phrase.
    }
    const end = dateIndex !== null ? dateEnd(dateIndex) : tokens[k - 1].end;
    const sender = senderFrom >= 0 && senderTo > senderFrom ? tokensText(tokens, senderFrom, senderTo) : null;
    out.push({ span: { start: tokens[i].start, end }, wordToken: i, dateIndex, footnote, sender });
  }
  return out;
}

function tokensText(tokens: readonly Token[], from: number, to: number): string {
  let s = '';
  for (let j = from; j < to; j++) {
    if (j > from && tokens[j].gap !== Gap.None) s += ' ';
    s += tokens[j].text;
  }
  return s.trim();
}

/** Sentence number of every token. */
export function sentenceIds(tokens: readonly Token[], boundaryBefore: (i: number) => boolean): Int32Array {
  const ids = new Int32Array(tokens.length);
  let id = 0;
  for (let i = 0; i < tokens.length; i++) {
    if (boundaryBefore(i)) id++;
    ids[i] = id;
    if (endsSentence(tokens, i)) id++;
  }
  return ids;
}
