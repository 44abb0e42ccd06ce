// Footnote markers in running text: glued to a word (`brief2`), to
// punctuation (`organisatie?1`, `Hil.2 3`), to a year (`20195`), in
// brackets (`[1 ]`, `[1, 2 ]`), alone on a line, or at the start of the next
// line in PDF text (`2 Voor drie …`). Superscripts look like ordinary digits,
// so a candidate counts only when it continues the sequence 1, 2, 3, …:
// that is what tells `brief2` (marker) from `CO2` or `m3` (not).

import type { DateCandidate } from './dates';
import { LineKind } from './lines';
import { Gap, KeywordSet, Tokens, TokenKind } from './tokens';
import { CLOSE_BRACKET, CLOSE_PAREN, COLON, COMMA, DEGREE, DOT, EN_DASH, HYPHEN, OPEN_BRACKET, PERCENT, SEMICOLON, SLASH, type Span } from './text';

export interface MarkerCandidate {
  readonly span: Span;
  readonly number: number;
  /** Certain markers (`[1 ]`) may report disorder; glued digits may not. */
  readonly certain: boolean;
  /** Index of the token the marker is, or -1 for one split off a year. */
  readonly token: number;
}

export interface AcceptedMarker {
  readonly span: Span;
  readonly number: number;
  /** Which marker sequence (0, 1, …) the marker belongs to: a sequence that restarts at 1 pairs with the next run of note texts. */
  readonly sequence: number;
}

export interface MarkerResult {
  readonly markers: readonly AcceptedMarker[];
  /** Certain markers out of sequence: `[3 ]` where 2 was expected. */
  readonly disorder: readonly { readonly span: Span; readonly number: number; readonly expected: number }[];
}

const UNITS = new KeywordSet(['m', 'km', 'cm', 'mm', 'dm', 'ha', 'co', 'no', 'nox', 'so', 'ch', 'h', 'pm', 'kwh', 'mwh', 'gwh']);
const ABBREVIATIONS = new KeywordSet(['nr', 'nrs', 'art', 'artikel', 'blz', 'p', 'pag', 'lid', 'no', 'vgl', 'jo', 'fig', 'tabel', 'bijlage', 'hfst', 'par', 'r', 'vraag', 'vragen', 'antwoord']);
const codes = (chars: string[]) => new Set(chars.map((c) => c.charCodeAt(0)));
/** Punctuation that may follow a marker moved to the start of a line: `1» en «Alle …`. */
const CLOSERS = codes(['»', '”', '?', '!']);
const GLUE_PUNCT = codes(['?', '!', '.', ',', ';', ':', ')', '»', '”', '"', '’', "'", '“']);

function isMarkerNumber(tokens: Tokens, i: number): boolean {
  if (i < 0 || i >= tokens.length || tokens.kind[i] !== TokenKind.Number) return false;
  const s = tokens.start[i];
  return tokens.end[i] - s <= 3 && tokens.source.charCodeAt(s) !== 48;
}

/** The token after a marker must not continue a word or a number (`A2b`, `3,5`, `CO2-uitstoot`). */
function endsCleanly(tokens: Tokens, i: number): boolean {
  const next = i + 1;
  if (next >= tokens.length || tokens.gap[next] !== Gap.None) return true;
  if (tokens.kind[next] !== TokenKind.Punct) return false;
  const c = tokens.ch(next);
  if (c === HYPHEN || c === SLASH || c === PERCENT || c === DEGREE) return false;
  const after = i + 2;
  if ((c === DOT || c === COMMA) && after < tokens.length && tokens.gap[after] === Gap.None && tokens.kind[after] === TokenKind.Number) return false;
  return true;
}

/** `s !== s.toLowerCase() && s === s.toUpperCase()` for the text of token i. */
function isUpper(tokens: Tokens, i: number): boolean {
  const s = tokens.text(i);
  return s !== s.toLowerCase() && s === s.toUpperCase();
}

/** `skip[i] === 1` excludes token i. */
export function findMarkerCandidates(
  tokens: Tokens,
  lineKinds: Uint8Array,
  skip: Uint8Array,
  dates: readonly DateCandidate[],
  noteNumbers: ReadonlySet<number>,
  parenNotes: boolean,
): MarkerCandidate[] {
  const out: MarkerCandidate[] = [];
  const kind = tokens.kind;
  // Every candidate is a number token: only those are visited.
  for (const i of tokens.numberTokens()) {
    if (skip[i] === 1) continue;
    const len = tokens.len(i);
    if (len >= 5 && len <= 7) {
      const split = yearWithMarker(tokens, i);
      if (split) out.push(split);
    }
    if (!isMarkerNumber(tokens, i)) continue;
    const prev = i - 1;
    const hasPrev = i > 0;
    const num = tokens.num(i);
    const gap = tokens.gap[i];
    const span = { start: tokens.start[i], end: tokens.end[i] };
    if (gap === Gap.None && hasPrev) {
      if (!endsCleanly(tokens, i)) continue;
      const prevKind = kind[prev];
      if (prevKind === TokenKind.Word) {
        // `brief2`, `chatberichten6`; not `CO2`, `m3`, `A2`.
        const prevLen = tokens.len(prev);
        if (prevLen < 2 || UNITS.has(tokens.kw[prev]) || (prevLen <= 3 && isUpper(tokens, prev))) continue;
        if (i >= 2 && tokens.gap[i - 2] === Gap.None && kind[i - 2] === TokenKind.Number) continue;
        out.push({ span, number: num, certain: false, token: i });
        trailingMarkers(tokens, i, out);
      } else if (prevKind === TokenKind.Punct && GLUE_PUNCT.has(tokens.ch(prev))) {
        const pc = tokens.ch(prev);
        const before = i - 2;
        const stop = pc === DOT || pc === COMMA || pc === COLON;
        if (before < 0 || (kind[before] === TokenKind.Number && stop)) continue;
        if (stop && (kind[before] !== TokenKind.Word || tokens.len(before) < 2 || ABBREVIATIONS.has(tokens.kw[before]))) continue;
        out.push({ span, number: num, certain: false, token: i });
        trailingMarkers(tokens, i, out);
      } else if (prevKind === TokenKind.Punct && tokens.ch(prev) === OPEN_BRACKET) {
        const bracket = bracketMarkers(tokens, i);
        if (bracket) for (const b of bracket) out.push(b);
      }
      continue;
    }
    if (gap === Gap.Space && hasPrev && parenNotes && noteNumbers.has(num) && tokens.ch(i + 1) === CLOSE_PAREN && tokens.gap[i + 1] === Gap.None) {
      // Word documents write `het UWV 1) ook …` and list the texts as `1) AD, 18 november …` at the end.
      out.push({ span: { start: tokens.start[i], end: tokens.end[i + 1] }, number: num, certain: false, token: i });
      continue;
    }
    if (gap === Gap.Line && lineKinds[tokens.line[i]] === LineKind.Text) {
      const c = lineStartMarkers(tokens, lineKinds, i, noteNumbers);
      if (c) for (const m of c) out.push(m);
    }
  }
  for (const d of dates) {
    if (!d.longYear || d.year === null || d.year < 1800 || d.year > 2200) continue;
    const tail = d.longYear.text.slice(4);
    if (tail[0] === '0' || tail.length > 3) continue;
    out.push({ span: { start: d.longYear.span.start + 4, end: d.longYear.span.end }, number: +tail, certain: false, token: -1 });
  }
  out.sort((a, b) => a.span.start - b.span.start);
  return out;
}

/** `?1 2`, `Hil.2 3`, `?1, 2`: more markers after a glued one, up to the end of the sentence or line. */
function trailingMarkers(tokens: Tokens, i: number, out: MarkerCandidate[]): void {
  let k = i + 1;
  const n = tokens.length;
  for (let guard = 0; guard < 10; guard++) {
    let m = k;
    if (m < n && tokens.kind[m] === TokenKind.Punct && tokens.ch(m) === COMMA && tokens.gap[m] === Gap.None) m++;
    if (!isMarkerNumber(tokens, m) || tokens.gap[m] !== Gap.Space || !endsCleanly(tokens, m)) break;
    const next = m + 1;
    const closes = next >= n || tokens.gap[next] === Gap.Line || tokens.kind[next] === TokenKind.Punct || (tokens.kind[next] === TokenKind.Word && tokens.startsUpper(next)) ||
      (tokens.gap[next] === Gap.Space && isMarkerNumber(tokens, next) && tokens.num(next) === tokens.num(m) + 1);
    if (!closes) break;
    out.push({ span: { start: tokens.start[m], end: tokens.end[m] }, number: tokens.num(m), certain: false, token: m });
    k = m + 1;
  }
}

const YEAR_CONTEXT = new KeywordSet(['in', 'sinds', 'vanaf', 'tot', 'jaar', 'eind', 'begin', 'medio', 'per', 'van', 'uit', 'voor', 'na', 'najaar', 'voorjaar', 'zomer', 'winter', 'het']);

/**
 * `Capaciteitsplan 2024–20272 staat`, `sinds 20193`: a year outside a date with a marker
 * glued to it. Only where a year is expected: after a year and a dash, or after a word
 * that introduces a year.
 */
function yearWithMarker(tokens: Tokens, i: number): MarkerCandidate | null {
  const len = tokens.len(i);
  if (tokens.kind[i] !== TokenKind.Number || len < 5 || len > 7) return null;
  const year = tokens.numPrefix(i, 4);
  const s = tokens.start[i];
  if (year < 1900 || year > 2099 || tokens.source.charCodeAt(s + 4) === 48 || !endsCleanly(tokens, i)) return null;
  const prev = i - 1;
  if (prev < 0) return null;
  const gap = tokens.gap[i];
  const pc = tokens.ch(prev);
  const range = gap === Gap.None && tokens.kind[prev] === TokenKind.Punct && (pc === EN_DASH || pc === HYPHEN || pc === SLASH) &&
    i >= 2 && tokens.kind[i - 2] === TokenKind.Number && tokens.len(i - 2) === 4;
  const introduced = gap !== Gap.None && tokens.kind[prev] === TokenKind.Word && YEAR_CONTEXT.has(tokens.kw[prev]);
  if (!range && !introduced) return null;
  let tail = 0;
  for (let p = s + 4; p < tokens.end[i]; p++) tail = tail * 10 + (tokens.source.charCodeAt(p) - 48);
  return { span: { start: s + 4, end: tokens.end[i] }, number: tail, certain: false, token: -1 };
}

/** `[1 ]`, `[1, 2 ]`, `[4 5 ]`: Markdown conversions of superscripts. */
function bracketMarkers(tokens: Tokens, i: number): MarkerCandidate[] | null {
  const found: MarkerCandidate[] = [];
  let k = i;
  const n = tokens.length;
  for (let guard = 0; guard < 10; guard++) {
    if (!isMarkerNumber(tokens, k)) return null;
    found.push({ span: { start: tokens.start[k], end: tokens.end[k] }, number: tokens.num(k), certain: true, token: k });
    const sep = k + 1;
    if (sep < n && tokens.kind[sep] === TokenKind.Punct && tokens.ch(sep) === CLOSE_BRACKET) return found;
    if (sep < n && tokens.kind[sep] === TokenKind.Punct && tokens.ch(sep) === COMMA) k += 2;
    else if (isMarkerNumber(tokens, sep) && tokens.gap[sep] === Gap.Space) k += 1; // `[4 5 ]`
    else return null;
  }
  return null;
}

/**
 * Numbers at the start of a line of PDF text: a line holding only `1` or `2 3`,
 * `5.`, or a marker that the extraction moved to the start of the next line
 * (`1, is onder meer …`, `2 Voor drie …`). Not a numbered list item (`1. Tekst`,
 * `1) tekst`), and not the exponent of a unit (`m` at the end of the line before: m³).
 */
function lineStartMarkers(tokens: Tokens, lineKinds: Uint8Array, i: number, noteNumbers: ReadonlySet<number>): MarkerCandidate[] | null {
  const n = tokens.length;
  const prev = i - 1;
  if (prev >= 0 && tokens.kind[prev] === TokenKind.Word && UNITS.has(tokens.kw[prev])) return null;
  // The page holds a footnote text with this number, and the line before ends in the middle of a sentence.
  const noted = noteNumbers.has(tokens.num(i));
  const midSentence = noted && prev >= 0 && tokens.kind[prev] !== TokenKind.Punct;
  const found: MarkerCandidate[] = [{ span: { start: tokens.start[i], end: tokens.end[i] }, number: tokens.num(i), certain: false, token: i }];
  let k = i + 1;
  const line = tokens.line[i];
  // Further numbers on the same line: `2 3`, `1, 2`.
  for (let guard = 0; guard < 10; guard++) {
    if (k < n && tokens.gap[k] !== Gap.Line && tokens.kind[k] === TokenKind.Punct && tokens.ch(k) === COMMA && isMarkerNumber(tokens, k + 1) && tokens.gap[k + 1] !== Gap.Line) {
      k++;
    }
    if (k < n && tokens.gap[k] === Gap.Space && isMarkerNumber(tokens, k) && tokens.line[k] === line) {
      found.push({ span: { start: tokens.start[k], end: tokens.end[k] }, number: tokens.num(k), certain: false, token: k });
      k++;
      continue;
    }
    break;
  }
  const next = k;
  if (next >= n || tokens.gap[next] === Gap.Line) return found;
  const nextKind = tokens.kind[next];
  if (nextKind === TokenKind.Punct) {
    const c = tokens.ch(next);
    if (c === DOT && (next + 1 >= n || tokens.gap[next + 1] === Gap.Line)) return found;
    if (c === COMMA || c === SEMICOLON || CLOSERS.has(c)) return found;
    // `6). Daarin …`: the closing parenthesis and full stop of the sentence the marker ends.
    const after = next + 1;
    if (c === CLOSE_PAREN && (after >= n || tokens.gap[after] === Gap.Line || (tokens.gap[after] === Gap.None && tokens.kind[after] === TokenKind.Punct))) return found;
    // `3. Hiermee …`: the full stop of the sentence the marker ends, not a numbered list item.
    if (c === DOT && midSentence && found.length === 1) return found;
    return null;
  }
  if (tokens.gap[next] === Gap.None) return null;
  if (nextKind === TokenKind.Word && tokens.startsUpper(next) && found.length === 1) {
    // `2 Voor drie …` is a marker; a line of text that starts with a number and a capital is rare.
    return lineKinds[line] === LineKind.Text ? found : null;
  }
  // `2 ten behoeve van …`, `… jl.` + `2 waarin …`: the sentence goes on after the marker.
  if (nextKind === TokenKind.Word && noted && found.length === 1 && !tokens.startsUpper(next)) return found;
  return null;
}

/**
 * Keeps the candidates that continue the sequence 1, 2, 3, …; certain ones out of sequence are disorder.
 * `restarts`: how many more runs of note texts numbered from 1 the document holds after the first (a Word
 * document with typed notes `[1] … [3]` and then its own footnotes `[1] [2]`). A certain `[1]` after the
 * first sequence starts the next sequence, once per extra run; with no extra run it is disorder.
 */
export function acceptMarkers(candidates: readonly MarkerCandidate[], restarts = 0): MarkerResult {
  const markers: AcceptedMarker[] = [];
  const disorder: { span: Span; number: number; expected: number }[] = [];
  let expected = 1;
  let sequence = 0;
  for (const c of candidates) {
    if (c.certain && c.number === 1 && expected > 1 && sequence < restarts) {
      sequence++;
      markers.push({ span: c.span, number: 1, sequence });
      expected = 2;
    } else if (c.number === expected) {
      markers.push({ span: c.span, number: c.number, sequence });
      expected++;
    } else if (c.certain && c.number !== expected) {
      disorder.push({ span: c.span, number: c.number, expected });
      if (c.number > expected) {
        markers.push({ span: c.span, number: c.number, sequence });
        expected = c.number + 1;
      }
    }
  }
  return { markers, disorder };
}

/**
 * The note texts (in document order) split into runs: a text numbered 1 after a run that has its own 1
 * starts a new run. Each run maps its numbers to the first text with that number.
 */
export function noteRuns<T extends { readonly number: number }>(texts: readonly T[]): Map<number, T>[] {
  const runs: Map<number, T>[] = [];
  for (const t of texts) {
    if (runs.length === 0 || (t.number === 1 && runs[runs.length - 1].has(1))) runs.push(new Map());
    const run = runs[runs.length - 1];
    if (!run.has(t.number)) run.set(t.number, t);
  }
  return runs;
}
