// Footnote markers in running text: glued to a word (`brief2`), to
// punctuation (`organisatie?1`, `Hil.2 3`), to a year (`20195`), in
// brackets (`[1 ]`, `[1, 2 ]`), alone on a line, or at the start of the next
// line in PDF text (`2 Voor drie …`). Superscripts look like ordinary digits,
// so a candidate counts only when it continues the sequence 1, 2, 3, …:
// that is what tells `brief2` (marker) from `CO2` or `m3` (not).

import type { DateCandidate } from './dates';
import { LineKind } from './lines';
import { Gap, Token, TokenKind } from './tokens';
import type { Span } from './text';

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
}

export interface MarkerResult {
  readonly markers: readonly AcceptedMarker[];
  /** Certain markers out of sequence: `[3 ]` where 2 was expected. */
  readonly disorder: readonly { readonly span: Span; readonly number: number; readonly expected: number }[];
}

const UNITS = new Set(['m', 'km', 'cm', 'mm', 'dm', 'ha', 'co', 'no', 'nox', 'so', 'ch', 'h', 'pm', 'kwh', 'mwh', 'gwh']);
const ABBREVIATIONS = new Set(['nr', 'nrs', 'art', 'artikel', 'blz', 'p', 'pag', 'lid', 'no', 'vgl', 'jo', 'fig', 'tabel', 'bijlage', 'hfst', 'par', 'r', 'vraag', 'vragen', 'antwoord']);
/** Punctuation that may follow a marker moved to the start of a line: `1» en «Alle …`. */
const CLOSERS = new Set(['»', '”', '?', '!']);
const GLUE_PUNCT = new Set(['?', '!', '.', ',', ';', ':', ')', '»', '”', '"', '’', "'", '“']);

function isMarkerNumber(t: Token | undefined): t is Token {
  return t !== undefined && t.kind === TokenKind.Number && t.text.length <= 3 && t.text[0] !== '0';
}

/** The token after a marker must not continue a word or a number (`A2b`, `3,5`, `CO2-uitstoot`). */
function endsCleanly(tokens: readonly Token[], i: number): boolean {
  const next = tokens[i + 1];
  if (!next || next.gap !== Gap.None) return true;
  if (next.kind !== TokenKind.Punct) return false;
  if (next.text === '-' || next.text === '/' || next.text === '%' || next.text === '°') return false;
  const after = tokens[i + 2];
  if ((next.text === '.' || next.text === ',') && after && after.gap === Gap.None && after.kind === TokenKind.Number) return false;
  return true;
}

function isUpper(s: string): boolean {
  return s !== s.toLowerCase() && s === s.toUpperCase();
}

export function findMarkerCandidates(
  tokens: readonly Token[],
  lineKinds: Uint8Array,
  skip: (i: number) => boolean,
  dates: readonly DateCandidate[],
  noteNumbers: ReadonlySet<number>,
  parenNotes: boolean,
): MarkerCandidate[] {
  const out: MarkerCandidate[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (skip(i) || !isMarkerNumber(t)) continue;
    const prev = tokens[i - 1];
    const n = +t.text;
    if (t.gap === Gap.None && prev) {
      if (!endsCleanly(tokens, i)) continue;
      if (prev.kind === TokenKind.Word) {
        // `brief2`, `chatberichten6`; not `CO2`, `m3`, `A2`.
        if (prev.text.length < 2 || UNITS.has(prev.lower) || (isUpper(prev.text) && prev.text.length <= 3)) continue;
        if (tokens[i - 2] && tokens[i - 2].gap === Gap.None && tokens[i - 2].kind === TokenKind.Number) continue;
        out.push({ span: { start: t.start, end: t.end }, number: n, certain: false, token: i }, ...trailingMarkers(tokens, i));
      } else if (prev.kind === TokenKind.Punct && GLUE_PUNCT.has(prev.text)) {
        const before = tokens[i - 2];
        if (!before || (before.kind === TokenKind.Number && (prev.text === '.' || prev.text === ',' || prev.text === ':'))) continue;
        if ((prev.text === '.' || prev.text === ',' || prev.text === ':') && (before.kind !== TokenKind.Word || before.text.length < 2 || ABBREVIATIONS.has(before.lower))) continue;
        out.push({ span: { start: t.start, end: t.end }, number: n, certain: false, token: i }, ...trailingMarkers(tokens, i));
      } else if (prev.kind === TokenKind.Punct && prev.text === '[') {
        const bracket = bracketMarkers(tokens, i);
        if (bracket) out.push(...bracket);
      }
      continue;
    }
    if (t.gap === Gap.Space && prev && parenNotes && noteNumbers.has(n) && tokens[i + 1]?.text === ')' && tokens[i + 1].gap === Gap.None) {
      // Word documents write `het UWV 1) ook …` and list the texts as `1) AD, 18 november …` at the end.
      out.push({ span: { start: t.start, end: tokens[i + 1].end }, number: n, certain: false, token: i });
      continue;
    }
    if (t.gap === Gap.Line && lineKinds[t.line] === LineKind.Text) {
      const c = lineStartMarkers(tokens, lineKinds, i, noteNumbers);
      if (c) out.push(...c);
    }
  }
  for (let i = 0; i < tokens.length; i++) {
    const split = yearWithMarker(tokens, i);
    if (split && !skip(i)) out.push(split);
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
function trailingMarkers(tokens: readonly Token[], i: number): MarkerCandidate[] {
  const found: MarkerCandidate[] = [];
  let k = i + 1;
  for (let guard = 0; guard < 10; guard++) {
    let m = k;
    if (tokens[m] && tokens[m].kind === TokenKind.Punct && tokens[m].text === ',' && tokens[m].gap === Gap.None) m++;
    const t = tokens[m];
    if (!isMarkerNumber(t) || t.gap !== Gap.Space || !endsCleanly(tokens, m)) break;
    const next = tokens[m + 1];
    const closes = !next || next.gap === Gap.Line || next.kind === TokenKind.Punct || (next.kind === TokenKind.Word && next.text[0] !== next.text[0].toLowerCase()) ||
      (next.gap === Gap.Space && isMarkerNumber(next) && +next.text === +t.text + 1);
    if (!closes) break;
    found.push({ span: { start: t.start, end: t.end }, number: +t.text, certain: false, token: m });
    k = m + 1;
  }
  return found;
}

const YEAR_CONTEXT = new Set(['in', 'sinds', 'vanaf', 'tot', 'jaar', 'eind', 'begin', 'medio', 'per', 'van', 'uit', 'voor', 'na', 'najaar', 'voorjaar', 'zomer', 'winter', 'het']);

/**
 * `Capaciteitsplan 2024–20272 staat`, `sinds 20193`: a year outside a date with a marker
 * glued to it. Only where a year is expected: after a year and a dash, or after a word
 * that introduces a year.
 */
function yearWithMarker(tokens: readonly Token[], i: number): MarkerCandidate | null {
  const t = tokens[i];
  if (t.kind !== TokenKind.Number || t.text.length < 5 || t.text.length > 7) return null;
  const year = +t.text.slice(0, 4);
  const tail = t.text.slice(4);
  if (year < 1900 || year > 2099 || tail[0] === '0' || !endsCleanly(tokens, i)) return null;
  const prev = tokens[i - 1];
  if (!prev) return null;
  const range = t.gap === Gap.None && prev.kind === TokenKind.Punct && (prev.text === '–' || prev.text === '-' || prev.text === '/') &&
    tokens[i - 2]?.kind === TokenKind.Number && tokens[i - 2].text.length === 4;
  const introduced = t.gap !== Gap.None && prev.kind === TokenKind.Word && YEAR_CONTEXT.has(prev.lower);
  if (!range && !introduced) return null;
  return { span: { start: t.start + 4, end: t.end }, number: +tail, certain: false, token: -1 };
}

/** `[1 ]`, `[1, 2 ]`, `[4 5 ]`: Markdown conversions of superscripts. */
function bracketMarkers(tokens: readonly Token[], i: number): MarkerCandidate[] | null {
  const found: MarkerCandidate[] = [];
  let k = i;
  for (let guard = 0; guard < 10; guard++) {
    const t = tokens[k];
    if (!isMarkerNumber(t)) return null;
    found.push({ span: { start: t.start, end: t.end }, number: +t.text, certain: true, token: k });
    const sep = tokens[k + 1];
    if (sep && sep.kind === TokenKind.Punct && sep.text === ']') return found;
    if (sep && sep.kind === TokenKind.Punct && sep.text === ',') k += 2;
    else if (sep && isMarkerNumber(sep) && sep.gap === Gap.Space) k += 1; // `[4 5 ]`
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
function lineStartMarkers(tokens: readonly Token[], lineKinds: Uint8Array, i: number, noteNumbers: ReadonlySet<number>): MarkerCandidate[] | null {
  const t = tokens[i];
  const prev = tokens[i - 1];
  if (prev && prev.kind === TokenKind.Word && UNITS.has(prev.lower)) return null;
  // The page holds a footnote text with this number, and the line before ends in the middle of a sentence.
  const noted = noteNumbers.has(+t.text);
  const midSentence = noted && prev !== undefined && prev.kind !== TokenKind.Punct;
  const found: MarkerCandidate[] = [{ span: { start: t.start, end: t.end }, number: +t.text, certain: false, token: i }];
  let k = i + 1;
  // Further numbers on the same line: `2 3`, `1, 2`.
  for (let guard = 0; guard < 10; guard++) {
    const s = tokens[k];
    if (s && s.gap !== Gap.Line && s.kind === TokenKind.Punct && s.text === ',' && isMarkerNumber(tokens[k + 1]) && tokens[k + 1].gap !== Gap.Line) {
      k++;
    }
    const u = tokens[k];
    if (u && u.gap === Gap.Space && isMarkerNumber(u) && u.line === t.line) {
      found.push({ span: { start: u.start, end: u.end }, number: +u.text, certain: false, token: k });
      k++;
      continue;
    }
    break;
  }
  const next = tokens[k];
  if (!next || next.gap === Gap.Line) return found;
  if (next.kind === TokenKind.Punct) {
    if (next.text === '.' && (!tokens[k + 1] || tokens[k + 1].gap === Gap.Line)) return found;
    if (next.text === ',' || next.text === ';' || CLOSERS.has(next.text)) return found;
    // `6). Daarin …`: the closing parenthesis and full stop of the sentence the marker ends.
    const after = tokens[k + 1];
    if (next.text === ')' && (!after || after.gap === Gap.Line || (after.gap === Gap.None && after.kind === TokenKind.Punct))) return found;
    // `3. Hiermee …`: the full stop of the sentence the marker ends, not a numbered list item.
    if (next.text === '.' && midSentence && found.length === 1) return found;
    return null;
  }
  if (next.gap === Gap.None) return null;
  if (next.kind === TokenKind.Word && next.text[0] !== next.text[0].toLowerCase() && found.length === 1) {
    // `2 Voor drie …` is a marker; a line of text that starts with a number and a capital is rare.
    return lineKinds[t.line] === LineKind.Text ? found : null;
  }
  // `2 ten behoeve van …`, `… jl.` + `2 waarin …`: the sentence goes on after the marker.
  if (next.kind === TokenKind.Word && noted && found.length === 1 && next.text[0] === next.text[0].toLowerCase()) return found;
  return null;
}

/** Keeps the candidates that continue the sequence 1, 2, 3, …; certain ones out of sequence are disorder. */
export function acceptMarkers(candidates: readonly MarkerCandidate[]): MarkerResult {
  const markers: AcceptedMarker[] = [];
  const disorder: { span: Span; number: number; expected: number }[] = [];
  let expected = 1;
  for (const c of candidates) {
    if (c.number === expected) {
      markers.push({ span: c.span, number: c.number });
      expected++;
    } else if (c.certain && c.number !== expected) {
      disorder.push({ span: c.span, number: c.number, expected });
      if (c.number > expected) {
        markers.push({ span: c.span, number: c.number });
        expected = c.number + 1;
      }
    }
  }
  return { markers, disorder };
}
