// Footnote markers in running text: glued to a word (`brief2`), to
// punctuation (`organisatie?1`, `Hil.2 3`), to a year (`20195`), in
// brackets (`[1 ]`, `[1, 2 ]`), alone on a line, or at the start of the next
// line in PDF text (`2 Voor drie …`, `4 is het beleid …`), several on a line
// of their own (`5, 6 en 7`), or Word's `beleid? 1)`. Superscripts look like
// ordinary digits, so a candidate counts only when it continues the sequence
// 1, 2, 3, …: that is what tells `brief2` (marker) from `CO2` or `m3` (not).
// The note texts are the second piece of evidence: where the form of a
// candidate alone is doubtful (a number starting a line before lower-case
// text), a note text with its number is needed, or else a context that a
// numeral cannot have (a word that ends a phrase before it, a verb or a
// function word after it). Such candidates are weak: they give way to a
// sure candidate with the same number that follows.

import type { DateCandidate } from './dates';
import { LineKind } from './lines';
import { Gap, keywordsOf, KeywordSet, MemoSlot, type TokenEdit, Tokens, TokenKind } from './tokens';
import { CLOSE_BRACKET, CLOSE_PAREN, COLON, COMMA, DEGREE, DOT, EN_DASH, HYPHEN, OPEN_BRACKET, OPEN_PAREN, PERCENT, SEMICOLON, SLASH, firstAtOrAfter, movedSpan, partitionPoint, type Span } from './text';

export interface MarkerCandidate {
  readonly span: Span;
  readonly number: number;
  /** Certain markers (`[1 ]`) may report disorder; glued digits may not. */
  readonly certain: boolean;
  /** Index of the token the marker is, or -1 for one split off a year. */
  readonly token: number;
  /** A doubtful form (`4 is …` at a line start with no note text 4): gives way to a sure candidate with the same number. */
  readonly weak?: boolean;
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

/** What the candidates need to know of the document's note texts. */
export interface NoteEvidence {
  readonly number: number;
  /** `page`: at a page bottom; `bracket`: `[1] …`; `paren`: `1) …` closing a Word document. */
  readonly style: 'page' | 'bracket' | 'paren';
}

const UNITS = new KeywordSet(['m', 'km', 'cm', 'mm', 'dm', 'ha', 'co', 'no', 'nox', 'so', 'ch', 'h', 'pm', 'kwh', 'mwh', 'gwh']);
const ABBREVIATIONS = new KeywordSet(['nr', 'nrs', 'art', 'artikel', 'blz', 'p', 'pag', 'lid', 'no', 'vgl', 'jo', 'fig', 'tabel', 'bijlage', 'hfst', 'par', 'r', 'vraag', 'vragen', 'antwoord']);
/**
 * Short capitals glued to digits that name a substance, a norm, a channel or a flight (`NH3`, `ISO9001`,
 * `MH17`, `RTL4`, `COP28`), not an organisation with a marker (`het CBS2,`, `de NOS4:`, `het OM3.`).
 */
const CODES = new KeywordSet(['nh', 'ch', 'co', 'no', 'so', 'pm', 'mh', 'cop', 'iso', 'nen', 'hs', 'ww', 'wo', 'ef', 'gs', 'kb', 'mb', 'gb', 'tb', 'mw', 'gw', 'kw', 'ghz', 'mhz', 'cfk', 'hfk', 'sbs', 'rtl', 'npo', 'bnr', 'top', 'hd', 'fm', 'am', 'tv', 'pc', 'ps', 'nr', 'nrs', 'art', 'blz', 'pag', 'par', 'hfst', 'jo', 'vgl', 'fig', 'bn']);
/**
 * Words after which a number counts or measures something (`in 2 gevallen`, `de 3 gemeenten`, `ruim 4`,
 * `er zijn 5`, `74 en 76`): a marker ends a phrase, so it does not stand after these.
 */
const NUMERAL_BEFORE = new KeywordSet([
  'de', 'het', 'een', 'die', 'deze', 'dit', 'dat', 'onze', 'mijn', 'uw', 'haar', 'hun', 'alle', 'beide', 'elke', 'ieder', 'iedere', 'welke', 'geen',
  'in', 'op', 'van', 'met', 'voor', 'na', 'tot', 'tussen', 'over', 'per', 'om', 'uit', 'aan', 'bij', 'door', 'onder', 'tegen', 'vanaf', 'sinds',
  'rond', 'rondom', 'binnen', 'buiten', 'zonder', 'naar', 'tijdens', 'via', 'ca', 'circa', 'ongeveer', 'ruim', 'bijna', 'zo', 'slechts', 'maar',
  'nog', 'al', 'ook', 'er', 'even', 'pas', 'tenminste', 'minstens', 'maximaal', 'minimaal', 'hooguit', 'totaal', 'gemiddeld', 'zeker', 'dan', 'en', 'of',
  't', 'm', 'plus', 'min', 'keer', 'maal', 'nummer', 'is', 'was', 'zijn', 'waren', 'wordt', 'werd', 'worden', 'werden', 'heeft', 'hebben', 'had',
  'hadden', 'bedraagt', 'bedroeg', 'bedragen', 'telt', 'tellen', 'duurt', 'duurde', 'kost', 'kostte',
]);
/** Parts of a document that a number names (`artikel 5`, `bijlage 3`, `nr. 12`): the number that follows is theirs, also glued (`artikel5`). */
const DOCUMENT_PARTS = new KeywordSet([
  'nr', 'nrs', 'art', 'artikel', 'artikelen', 'blz', 'p', 'pag', 'pagina', 'bladzijde', 'lid', 'leden', 'no', 'vgl', 'jo', 'fig', 'figuur', 'tabel',
  'bijlage', 'bijlagen', 'hfst', 'hoofdstuk', 'paragraaf', 'par', 'r', 'alinea', 'sub', 'kamerstuk', 'kamerstukken', 'aanhangsel', 'nummer',
]);
/** Nouns that a number names (`artikel 5`, `fase 2`, `scenario 3`): the number that follows is theirs. */
const NUMBERED = new KeywordSet([
  'nr', 'nrs', 'art', 'artikel', 'artikelen', 'blz', 'p', 'pag', 'pagina', 'bladzijde', 'lid', 'leden', 'no', 'vgl', 'jo', 'fig', 'figuur', 'tabel',
  'bijlage', 'bijlagen', 'hfst', 'hoofdstuk', 'paragraaf', 'par', 'r', 'alinea', 'sub', 'kamerstuk', 'kamerstukken', 'aanhangsel', 'nummer',
  'vergaderjaar', 'fase', 'stap', 'scenario', 'optie', 'variant', 'categorie', 'klasse', 'ronde', 'versie', 'onderdeel', 'box', 'graad', 'zone',
  'sectie', 'editie',
]);
/** The words of a question number: after `vraag`/`antwoord` a number is the question's unless a note text says otherwise. */
const QUESTION_WORDS = new KeywordSet(['vraag', 'antwoord', 'antwoorden']);
/**
 * Words that go on with the sentence after a marker moved to the start of a line (`4 is het beleid …`,
 * `2 waarin …`, `3 van het Mulier Instituut`): verbs and function words, not the noun a numeral counts.
 */
const MARKER_FOLLOWERS = new KeywordSet([
  'is', 'zijn', 'was', 'waren', 'wordt', 'worden', 'werd', 'werden', 'heeft', 'hebben', 'had', 'hadden', 'kan', 'kunnen', 'kon', 'konden',
  'zal', 'zullen', 'zou', 'zouden', 'moet', 'moeten', 'moest', 'mag', 'mogen', 'wil', 'willen', 'blijkt', 'bleek', 'staat', 'staan', 'stond',
  'geeft', 'geven', 'gaf', 'gaat', 'ging', 'komt', 'kwam', 'geldt', 'bevat', 'noemt', 'meldt', 'stelt', 'beschrijft', 'laat', 'lijkt',
  'en', 'of', 'maar', 'want', 'dat', 'die', 'waarin', 'waarbij', 'waarmee', 'waarop', 'waaruit', 'waarvan', 'waardoor', 'waarover', 'waarnaar',
  'waarvoor', 'welke', 'omdat', 'zodat', 'als', 'zoals', 'terwijl', 'toen', 'indien', 'wanneer', 'nadat', 'voordat', 'doordat', 'hetgeen',
  'van', 'ten', 'te', 'in', 'op', 'aan', 'met', 'voor', 'over', 'bij', 'door', 'naar', 'uit', 'onder', 'tegen', 'om', 'sinds', 'volgens', 'tijdens',
  'ook', 'al', 'nog', 'niet', 'wel', 'reeds', 'nu', 'inmiddels', 'eerder', 'daarin', 'hierin', 'daarbij', 'hierbij', 'daarnaast', 'verder',
  'bovendien', 'echter', 'immers', 'dus', 'namelijk', 'toch', 'eveneens', 'tevens', 'vervolgens', 'daarom', 'hiervan', 'daarvan', 'daarop',
  'hierop', 'hieruit', 'daaruit', 'ik', 'u', 'we', 'wij', 'zij', 'ze', 'hij', 'er',
]);
/** Words of a number list or range: `74 en 76`, `2 of 3`, `4 t/m 6`, `2 tot 5`. */
const LIST_WORDS = new KeywordSet(['en', 'of', 'tot', 't']);
const codes = (chars: string[]) => new Set(chars.map((c) => c.charCodeAt(0)));
/** Punctuation that may follow a marker moved to the start of a line: `1» en «Alle …`. */
const CLOSERS = codes(['»', '”', '?', '!']);
const GLUE_PUNCT = codes(['?', '!', '.', ',', ';', ':', ')', '»', '”', '"', '’', "'", '“']);
/** Punctuation that ends a phrase, after which a marker may stand: `beleid? 1)`, `(2024) 2)`. */
const PHRASE_END = codes(['?', '!', '.', ')', '»', '”', '"', '’']);
/** Marks that end a sentence, after which a marker may stand before the next one: `organisatie? 1) Kunt u …`. */
const SENTENCE_END = codes(['?', '!', '.', '»', '”']);
const ARTICLES = new KeywordSet(['de', 'het', 'een']);
/** Closing marks at the end of a line that a marker may follow within a sentence: `(2024)` + `4 is …`. */
const PHRASE_CLOSE = codes([')', '»', '”', '"', '’']);
const KW = keywordsOf(['en', 'of', 'vragen'] as const);

function isMarkerNumber(tokens: Tokens, i: number): boolean {
  if (i < 0 || i >= tokens.length || tokens.kind[i] !== TokenKind.Number) return false;
  // At most three digits, the first not a 0: the value kept with the token has as many digits as it is long.
  const length = tokens.end[i] - tokens.start[i];
  return length <= 3 && tokens.value[i] >= LEAST_OF_LENGTH[length];
}

/** The least value of a number of 1, 2 and 3 digits that does not start with 0. */
const LEAST_OF_LENGTH = [0, 1, 10, 100];

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

/** A word token whose keyword is in `set`; not the last part of a compound (`Energeia-artikel` is no `artikel`). */
function wordIn(tokens: Tokens, i: number, set: KeywordSet): boolean {
  if (i < 0 || i >= tokens.length || tokens.kind[i] !== TokenKind.Word || !set.has(tokens.kw[i])) return false;
  return !(i > 0 && tokens.gap[i] === Gap.None && tokens.ch(i - 1) === HYPHEN);
}

/**
 * `brief2,3`: two markers glued with a comma, the second one more than the first (not a decimal:
 * a decimal follows a space, and `2,3` would not continue the count). The second number's token, or -1.
 */
function gluedPair(tokens: Tokens, i: number): number {
  const comma = i + 1;
  const second = i + 2;
  if (comma >= tokens.length || tokens.gap[comma] !== Gap.None || tokens.ch(comma) !== COMMA) return -1;
  if (!isMarkerNumber(tokens, second) || tokens.gap[second] !== Gap.None || tokens.num(second) !== tokens.num(i) + 1) return -1;
  return endsCleanly(tokens, second) ? second : -1;
}

/** The marker's context, shared by the scanners of one document. */
interface Context {
  readonly tokens: Tokens;
  readonly lineKinds: Uint8Array;
  readonly dates: readonly DateCandidate[];
  /** Numbers that have a note text. */
  readonly noted: ReadonlySet<number>;
  /** Whether the document's note texts are Word's `1) …`; whether it has note texts of another style. */
  readonly parenNotes: boolean;
  readonly otherNotes: boolean;
}

/** How often the candidates were found by reusing those of the text before, and wholly. For tests and the benchmark. */
export const markerStats = { full: 0, incremental: 0 };

/**
 * What the candidates of a text were found from and what its numbers gave,
 * kept with its token stream for the next version of the text (see `TokenEdit`).
 */
interface MarkerMemo {
  readonly serial: number;
  /** The candidates of the number tokens in the order they were found (before the sort), and the number token each came from. */
  readonly found: readonly MarkerCandidate[];
  readonly origins: Int32Array;
  /** The inputs besides the tokens: the kind of every line, `skip` at every number token, the spans of the dates, the note numbers and styles. */
  readonly lineKinds: Uint8Array;
  readonly numberSkip: Uint8Array;
  readonly dateStarts: Int32Array;
  readonly dateEnds: Int32Array;
  readonly noted: ReadonlySet<number>;
  readonly parenNotes: boolean;
  readonly otherNotes: boolean;
}

/**
 * `skip[i] === 1` excludes token i. Sorted by start (candidates with the same
 * start in the order they were found).
 *
 * When `tokens` was made by editing the stream of the text looked at last,
 * only the number tokens around the edit are looked at again (see `revisit`);
 * the result is the same.
 */
export function findMarkerCandidates(
  tokens: Tokens,
  lineKinds: Uint8Array,
  skip: Uint8Array,
  dates: readonly DateCandidate[],
  notes: readonly NoteEvidence[],
): MarkerCandidate[] {
  const ctx: Context = {
    tokens, lineKinds, dates, noted: new Set(notes.map((f) => f.number)),
    parenNotes: notes.some((f) => f.style === 'paren'), otherNotes: notes.some((f) => f.style !== 'paren'),
  };
  const before = tokens.memoBefore<MarkerMemo>(MemoSlot.Markers);
  let found: { found: MarkerCandidate[]; origins: Int32Array } | null = null;
  if (before !== null) found = revisit(ctx, skip, before.memo, before.edit);
  if (found === null) {
    markerStats.full++;
    const all: MarkerCandidate[] = [];
    const origins: number[] = [];
    // Every candidate is a number token: only those are visited (by index: an iterator over a typed array allocates).
    const numbers = tokens.numbers.tokens();
    for (let k = 0; k < numbers.length; k++) {
      const i = numbers[k];
      if (skip[i] === 1) continue;
      const before = all.length;
      visit(ctx, i, all);
      for (let k = before; k < all.length; k++) origins.push(i);
    }
    found = { found: all, origins: Int32Array.from(origins) };
  } else markerStats.incremental++;
  const numbers = tokens.numbers.tokens();
  const numberSkip = new Uint8Array(numbers.length);
  for (let k = 0; k < numbers.length; k++) numberSkip[k] = skip[numbers[k]];
  // One pass over the dates (tens of thousands of objects in a large set): their offsets for the next version, and
  // the years glued to a marker (`20195`: 2019 and note 5).
  const dateStarts = new Int32Array(dates.length);
  const dateEnds = new Int32Array(dates.length);
  const out = found.found.slice();
  for (let k = 0; k < dates.length; k++) {
    const d = dates[k];
    dateStarts[k] = d.span.start;
    dateEnds[k] = d.span.end;
    if (!d.longYear || d.year === null || d.year < 1800 || d.year > 2200) continue;
    const tail = d.longYear.text.slice(4);
    if (tail[0] === '0' || tail.length > 3) continue;
    out.push({ span: { start: d.longYear.span.start + 4, end: d.longYear.span.end }, number: +tail, certain: false, token: -1 });
  }
  const next: MarkerMemo = {
    serial: tokens.serial, found: found.found, origins: found.origins, lineKinds: lineKinds.slice(0, tokens.lineCount), numberSkip, dateStarts, dateEnds,
    noted: ctx.noted, parenNotes: ctx.parenNotes, otherNotes: ctx.otherNotes,
  };
  tokens.memos[MemoSlot.Markers] = next;
  out.sort((a, b) => a.span.start - b.span.start);
  return out;
}

/** The candidates that number token i (not skipped) gives, pushed to `out`. */
function visit(ctx: Context, i: number, out: MarkerCandidate[]): void {
  const { tokens, lineKinds } = ctx;
  const kind = tokens.kind;
  const len = tokens.len(i);
  if (len >= 5 && len <= 7) {
    const split = yearWithMarker(tokens, i);
    if (split) out.push(split);
  }
  if (!isMarkerNumber(tokens, i)) return;
  const prev = i - 1;
  const hasPrev = i > 0;
  const num = tokens.num(i);
  const gap = tokens.gap[i];
  if (gap === Gap.None && hasPrev) {
    // Made only for a candidate: most numbers visited are none.
    const span = { start: tokens.start[i], end: tokens.end[i] };
    const pair = kind[prev] === TokenKind.Word ? gluedPair(tokens, i) : -1;
    if (pair < 0 && !endsCleanly(tokens, i)) return;
    const prevKind = kind[prev];
    if (prevKind === TokenKind.Word) {
      // `brief2`, `chatberichten6`; not `CO2`, `m3`, `A2`.
      const prevLen = tokens.len(prev);
      if (prevLen < 2 || UNITS.has(tokens.kw[prev])) return;
      if (i >= 2 && tokens.gap[i - 2] === Gap.None && kind[i - 2] === TokenKind.Number) return;
      // `op vraag4`, `artikel5` (PDF text loses spaces): the number is the word's, unless a note text says otherwise.
      let weak = false;
      if (wordIn(tokens, prev, QUESTION_WORDS) || wordIn(tokens, prev, DOCUMENT_PARTS)) {
        if (!ctx.noted.has(num)) return;
        weak = true;
      }
      // `het CBS2,`, `de NOS4:`: an organisation's initials with a marker before punctuation; `A2`, `NH3`, `MH17` are names.
      if (prevLen <= 3 && isUpper(tokens, prev)) {
        const after = pair >= 0 ? pair + 1 : i + 1;
        const punctAfter = after < tokens.length && tokens.gap[after] === Gap.None && tokens.kind[after] === TokenKind.Punct && GLUE_PUNCT.has(tokens.ch(after));
        if (CODES.has(tokens.kw[prev]) || !punctAfter) return;
        weak = true;
      }
      out.push({ span, number: num, certain: false, token: i, weak });
      if (pair >= 0) {
        out.push({ span: { start: tokens.start[pair], end: tokens.end[pair] }, number: num + 1, certain: false, token: pair, weak });
        trailingMarkers(tokens, pair, out);
      } else trailingMarkers(tokens, i, out);
    } else if (pair < 0 && prevKind === TokenKind.Punct && GLUE_PUNCT.has(tokens.ch(prev))) {
      const pc = tokens.ch(prev);
      const before = i - 2;
      const stop = pc === DOT || pc === COMMA || pc === COLON;
      if (before < 0 || (kind[before] === TokenKind.Number && stop)) return;
      if (stop && (kind[before] !== TokenKind.Word || tokens.len(before) < 2 || ABBREVIATIONS.has(tokens.kw[before]))) return;
      out.push({ span, number: num, certain: false, token: i });
      trailingMarkers(tokens, i, out);
    } else if (pair < 0 && prevKind === TokenKind.Punct && tokens.ch(prev) === OPEN_BRACKET) {
      const bracket = bracketMarkers(tokens, i);
      if (bracket) for (const b of bracket) out.push(b);
    }
    return;
  }
  if (gap === Gap.Space && hasPrev && tokens.ch(i + 1) === CLOSE_PAREN && tokens.gap[i + 1] === Gap.None) {
    const m = parenMarker(ctx, i);
    if (m) out.push(m);
    return;
  }
  if (gap === Gap.Line && lineKinds[tokens.line[i]] === LineKind.Text) {
    const c = lineStartMarkers(ctx, i);
    if (c) for (const m of c) out.push(m);
  }
}

/** How far a visit reads past its number token, at most, on the lines it reads (see `visit`): `trailingMarkers` ends within 25. */
const READ_AHEAD = 32;
/** How far a visit reads before its number token outside its line and the line before, at most (`yearWithMarker`, glued words). */
const READ_BEHIND = 3;

/**
 * The candidates of the new text found (in the order of the full scan) from
 * those of the text before and the edit between them: the visits of number
 * tokens well before the edit give what they gave, those around it are made
 * again, and those after a sync point past the edit give what they gave,
 * moved. Null when an input besides the tokens changed away from the edit:
 * a line's kind, `skip` at a number token, the notes; then everything is
 * visited again.
 *
 * What a visit of number token i reads (the functions it calls): tokens
 * i - 2 to i + 25 or so (glued words, pairs, `trailingMarkers`,
 * `bracketMarkers`, `lineStartMarkers`' list); the tokens of its own line
 * before it and one more (`listBefore`, `closesParenthesis`); the line before
 * from its start and the line after up to its third token (`numberedItem`);
 * the tokens of the note text lines right before its line and the token
 * before those and one more (`prevTextToken`); the kind of the lines of those
 * tokens; `skip` at i only; the date spans at the offset of i (`inDate`); and
 * the note numbers and styles.
 *
 * Why the kept visits are right: a visit before `restart` reads no token at or
 * after `firstToken` (READ_AHEAD tokens before it, and a line start at least
 * three tokens before it), the line kinds before the edit are the same, and
 * its offset lies before every date that differs. Why the moved ones are
 * right: from `sync` on, a visit reads no token before `newEndToken` but the
 * line of the one right before it (which differs from its own line in both
 * texts): it stands two tokens or more past `newEndToken`, a line start where
 * the walks back to a line start stop, and past a token outside a note text
 * where `prevTextToken` stops; the line kinds after the edit are those before
 * shifted; and its offset lies where the dates are those before shifted or
 * past the end of every date that differs. READ_BEHIND and the line after
 * `newEndToken` are a margin beyond that.
 */
function revisit(ctx: Context, skip: Uint8Array, memo: MarkerMemo, edit: TokenEdit): { found: MarkerCandidate[]; origins: Int32Array } | null {
  const { tokens, lineKinds, dates } = ctx;
  // The notes: the same numbers and styles, or all is read again.
  if (ctx.parenNotes !== memo.parenNotes || ctx.otherNotes !== memo.otherNotes || ctx.noted.size !== memo.noted.size) return null;
  for (const v of ctx.noted) if (!memo.noted.has(v)) return null;
  // The line kinds outside the changed lines: the same, shifted.
  const oldKinds = memo.lineKinds;
  const lineDelta = edit.lineDelta;
  const lineCount = tokens.lineCount;
  if (oldKinds.length !== lineCount - lineDelta) return null;
  for (let l = 0; l < edit.firstLine; l++) if (lineKinds[l] !== oldKinds[l]) return null;
  for (let l = edit.newEndLine; l < lineCount; l++) if (lineKinds[l] !== oldKinds[l - lineDelta]) return null;
  // `skip` at the number tokens outside the changed lines.
  const numbers = tokens.numbers.tokens();
  const count = numbers.length;
  const oldSkip = memo.numberSkip;
  const numbersBefore = firstAtOrAfter(numbers, count, edit.firstToken);
  const numbersAfter = firstAtOrAfter(numbers, count, edit.newEndToken);
  const numberShift = oldSkip.length - count;
  if (numbersAfter + numberShift < numbersBefore) return null;
  for (let k = 0; k < numbersBefore; k++) if (skip[numbers[k]] !== oldSkip[k]) return null;
  for (let k = numbersAfter; k < count; k++) if (skip[numbers[k]] !== oldSkip[k + numberShift]) return null;

  // The dates: those starting before the edit that are the same, and those starting after it that are the same, shifted.
  const d = edit.charDelta;
  const oldStarts = memo.dateStarts;
  const oldEnds = memo.dateEnds;
  const oldCount = oldStarts.length;
  const newCount = dates.length;
  let same = 0;
  while (same < oldCount && same < newCount && dates[same].span.start < edit.start &&
    dates[same].span.start === oldStarts[same] && dates[same].span.end === oldEnds[same]) same++;
  let sameAfter = 0;
  while (same + sameAfter < oldCount && same + sameAfter < newCount) {
    const o = oldCount - 1 - sameAfter;
    const span = dates[newCount - 1 - sameAfter].span;
    if (oldStarts[o] < edit.oldEnd || span.start !== oldStarts[o] + d || span.end !== oldEnds[o] + d) break;
    sameAfter++;
  }
  // A kept visit's offset lies before the first date that differs; a moved one's in the dates after or past every date before those.
  const firstDiffering = Math.min(same < newCount ? dates[same].span.start : Infinity, same < oldCount ? oldStarts[same] : Infinity);
  let endBefore = -Infinity;
  for (let k = 0; k < newCount - sameAfter; k++) endBefore = Math.max(endBefore, dates[k].span.end);
  for (let k = 0; k < oldCount - sameAfter; k++) endBefore = Math.max(endBefore, oldEnds[k] + d);
  const datesAfter = Math.min(sameAfter > 0 ? dates[newCount - sameAfter].span.start : Infinity, endBefore);

  // The restart: READ_AHEAD tokens before the edit, and before the line of the third token before it.
  const n = tokens.length;
  const gap = tokens.gap;
  let restart = edit.firstToken - READ_AHEAD - 1;
  let lineStart = edit.firstToken - 3;
  while (lineStart > 0 && gap[lineStart] !== Gap.Line) lineStart--;
  restart = Math.max(0, Math.min(restart, lineStart, firstDiffering === Infinity ? n : tokens.at(firstDiffering)));
  // The sync point: past the line that starts at `newEndToken`, READ_BEHIND tokens past it, past a token outside a note text, past the dates that differ.
  let sync = edit.newEndToken + READ_BEHIND + 1;
  let nextLine = edit.newEndToken + 1;
  while (nextLine < n && gap[nextLine] !== Gap.Line) nextLine++;
  let text = edit.newEndToken + 1;
  while (text < n && lineKinds[tokens.line[text]] === LineKind.FootnoteText) text++;
  sync = Math.min(n, Math.max(sync, nextLine, text + 1, datesAfter === -Infinity ? 0 : tokens.at(datesAfter)));

  const tokenShift = edit.newEndToken - edit.oldEndToken;
  const old = memo.found;
  const oldOrigins = memo.origins;
  const kept = firstAtOrAfter(oldOrigins, oldOrigins.length, restart);
  const movedFrom = sync >= n ? old.length : firstAtOrAfter(oldOrigins, oldOrigins.length, sync - tokenShift);
  const found = old.slice(0, kept);
  const origins: number[] = [];
  for (let k = firstAtOrAfter(numbers, count, restart); k < count && numbers[k] < sync; k++) {
    const i = numbers[k];
    if (skip[i] === 1) continue;
    const before = found.length;
    visit(ctx, i, found);
    for (let j = before; j < found.length; j++) origins.push(i);
  }
  const middle = found.length;
  for (let k = movedFrom; k < old.length; k++) {
    const c = old[k];
    const span = movedSpan(c.span, d);
    const token = c.token < 0 ? c.token : c.token + tokenShift;
    found.push(c.weak === undefined ? { span, number: c.number, certain: c.certain, token } : { span, number: c.number, certain: c.certain, token, weak: c.weak });
  }
  const all = new Int32Array(found.length);
  all.set(oldOrigins.subarray(0, kept), 0);
  all.set(origins, kept);
  for (let k = movedFrom, j = middle; k < old.length; k++, j++) all[j] = oldOrigins[k] + tokenShift;
  return { found, origins: all };
}

/** The last token before i that is not in a note text: the running text before a page's notes and furniture. */
function prevTextToken(ctx: Context, i: number): number {
  const { tokens, lineKinds } = ctx;
  let j = i - 1;
  // Each note block is walked over only by the line right after it: linear over the document.
  while (j >= 0 && lineKinds[tokens.line[j]] === LineKind.FootnoteText) j--;
  return j;
}

/** Whether a date candidate (`1 oktober 2024`) covers the offset: dates are sorted by start. */
function inDate(ctx: Context, offset: number): boolean {
  const { dates } = ctx;
  const k = partitionPoint(dates.length, (d) => dates[d].span.start <= offset) - 1;
  return k >= 0 && offset < dates[k].span.end;
}

/** Whether the token after i goes on with a number list: `4 en 5`, `4, 5`, `4 t/m 6`, `4-6`. */
function listGoesOn(tokens: Tokens, i: number): boolean {
  const next = i + 1;
  if (next >= tokens.length) return false;
  if (tokens.kind[next] === TokenKind.Punct) {
    const c = tokens.ch(next);
    return (c === COMMA || c === HYPHEN || c === EN_DASH) && next + 1 < tokens.length && tokens.kind[next + 1] === TokenKind.Number;
  }
  if (!wordIn(tokens, next, LIST_WORDS)) return false;
  for (let k = next + 1; k <= next + 3 && k < tokens.length; k++) if (tokens.kind[k] === TokenKind.Number) return true;
  return false;
}

/** Particles of separable verbs, before the `ge` of their participle: `uitgevoerd`, `toegezegd`, `aangeboden`. */
const PARTICLES = ['aan', 'af', 'bij', 'door', 'in', 'mee', 'na', 'om', 'op', 'over', 'terug', 'toe', 'uit', 'vast', 'voor'];

/**
 * A verb by its form, where a numeral would have a noun: a finite verb in `-eert` (`concludeert`), or a
 * participle in `ge-…-d`/`-t` (`gestuurd`, `gepubliceerd`, `uitgevoerd`). After a numeral of two or more
 * a noun is plural (`gemeenten`, `gevallen`), so these endings do not meet it.
 */
function isVerbForm(tokens: Tokens, i: number): boolean {
  const len = tokens.len(i);
  if (len < 6 || len > 24) return false;
  if (tokens.endsWith(i, 'eert')) return true;
  if (!tokens.endsWith(i, 'd') && !tokens.endsWith(i, 't')) return false;
  const w = tokens.lower(i);
  if (w.startsWith('ge')) return true;
  for (const p of PARTICLES) if (w.startsWith(p) && w.startsWith('ge', p.length)) return true;
  return false;
}

/**
 * Whether the line of the number at token i (whose text starts at token `next`) is an item of a numbered
 * list: the line before or the line after starts with the number one less or one more, and text.
 */
function numberedItem(ctx: Context, i: number, next: number): boolean {
  const { tokens } = ctx;
  const num = tokens.num(i);
  let after = next;
  while (after < tokens.length && tokens.gap[after] !== Gap.Line) after++;
  if (startsItem(tokens, after, num + 1)) return true;
  const prevLine = i - 1;
  if (prevLine < 0) return false;
  let before = prevLine;
  while (before > 0 && tokens.gap[before] !== Gap.Line) before--;
  return startsItem(tokens, before, num - 1);
}

/** Token j starts a line with the number `num` and a word: `2 De kosten …`, `2. Baten`, `2) baten`. */
function startsItem(tokens: Tokens, j: number, num: number): boolean {
  if (num < 1 || !isMarkerNumber(tokens, j) || (j > 0 && tokens.gap[j] !== Gap.Line) || tokens.num(j) !== num) return false;
  let w = j + 1;
  if (w < tokens.length && tokens.gap[w] === Gap.None && (tokens.ch(w) === DOT || tokens.ch(w) === CLOSE_PAREN)) w++;
  return w < tokens.length && tokens.gap[w] === Gap.Space && tokens.kind[w] === TokenKind.Word;
}

/**
 * Word's `beleid? 1)`, `gepubliceerd 2) en …`, `het UWV 1) ook …`: with the note texts `1) …` at the end
 * of the document, or, when the notes are missing, on the form alone: after a phrase (a word, a year or
 * a closing mark, not `:` `,` or a list word), not closing a parenthesis (`(zie bijlage 1)`), and
 * followed by the end of the line, punctuation, a new sentence, or the rest of the sentence, not by
 * the article that opens a list item (`1) de kosten, 2) de baten`).
 */
function parenMarker(ctx: Context, i: number): MarkerCandidate | null {
  const { tokens } = ctx;
  const num = tokens.num(i);
  const span = { start: tokens.start[i], end: tokens.end[i + 1] };
  if (closesParenthesis(tokens, i)) return null;
  const prev = i - 1;
  if (ctx.parenNotes && ctx.noted.has(num)) return { span, number: num, certain: false, token: i };
  if (ctx.otherNotes) return null;
  const prevKind = tokens.kind[prev];
  const pc = prevKind === TokenKind.Punct ? tokens.ch(prev) : -1;
  if (prevKind === TokenKind.Word) {
    if (tokens.len(prev) < 2 || wordIn(tokens, prev, NUMERAL_BEFORE) || wordIn(tokens, prev, NUMBERED) || wordIn(tokens, prev, QUESTION_WORDS) || wordIn(tokens, prev, UNITS)) return null;
  } else if (prevKind === TokenKind.Number) {
    // `20 maart 2019 5) rijksbreed …`: after a year.
    if (tokens.len(prev) !== 4 || tokens.numPrefix(prev, 2) < 19 || tokens.numPrefix(prev, 2) > 20) return null;
  } else if (!PHRASE_END.has(pc)) return null;
  const next = i + 2;
  if (next < tokens.length && tokens.gap[next] !== Gap.Line) {
    const nk = tokens.kind[next];
    if (nk === TokenKind.Punct) {
      const c = tokens.ch(next);
      if (c !== DOT && c !== COMMA && c !== SEMICOLON) return null;
    } else if (nk !== TokenKind.Word) {
      return null;
    } else if (tokens.startsUpper(next)) {
      // `organisatie? 1) Kunt u …`: a new sentence after the marker, unless `1)` opened a list of questions at the line start.
      if (!SENTENCE_END.has(pc) || listBefore(tokens, i, num)) return null;
    } else if (ARTICLES.has(tokens.kw[next]) || listGoesOn(tokens, i + 1)) return null;
  }
  return { span, number: num, certain: false, token: i, weak: true };
}

/** Whether `(num − 1))` opens a list earlier on the line of token i: at the line start or after a colon. */
function listBefore(tokens: Tokens, i: number, num: number): boolean {
  if (num < 2) return false;
  const line = tokens.line[i];
  // A list's items stand close together; a bound keeps the scan linear.
  for (let j = i - 2; j >= 0 && j >= i - 400 && tokens.line[j] === line; j--) {
    if (tokens.kind[j] !== TokenKind.Number || tokens.num(j) !== num - 1 || tokens.ch(j + 1) !== CLOSE_PAREN) continue;
    return j === 0 || tokens.gap[j] === Gap.Line || tokens.line[j - 1] !== line || tokens.ch(j - 1) === COLON;
  }
  return false;
}

/** `(zie bijlage 1)`: an open parenthesis before the number on its line, not closed before it. */
function closesParenthesis(tokens: Tokens, i: number): boolean {
  const line = tokens.line[i];
  // A parenthesis holds a few words; looking further back would cost more than it tells.
  for (let j = i - 1; j >= 0 && j >= i - 40 && tokens.line[j] === line; j--) {
    if (tokens.kind[j] !== TokenKind.Punct) continue;
    const c = tokens.ch(j);
    if (c === CLOSE_PAREN) return false;
    if (c === OPEN_PAREN) return true;
  }
  return false;
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
 * Numbers at the start of a line of PDF text: a line holding only `1`, `2 3`, `4,5`, `5, 6 en 7` or
 * `5.`, or a marker that the extraction moved to the start of the next line (`1, is onder meer …`,
 * `2 Voor drie …`, `4 is het beleid …`). Not a numbered list item (`1. Tekst`, `1) tekst`), not a
 * date (`ingezonden` + `1 oktober 2024`), not the exponent of a unit (`m` at the end of the line
 * before: m³), not a number that goes on with numbers before it (`74 en` + `76 van`), and not a number
 * after a word that counts or names (`in` + `2 gevallen`, `artikel` + `5 van`, `vraag` + `4`) unless a
 * note text with the number is there.
 */
function lineStartMarkers(ctx: Context, i: number): MarkerCandidate[] | null {
  const { tokens, lineKinds } = ctx;
  const n = tokens.length;
  const prev = prevTextToken(ctx, i);
  const prevKind = prev >= 0 ? tokens.kind[prev] : -1;
  if (prevKind === TokenKind.Word && UNITS.has(tokens.kw[prev])) return null;
  if (inDate(ctx, tokens.start[i])) return null;
  const num = tokens.num(i);
  // The page holds a footnote text with this number.
  const noted = ctx.noted.has(num);
  // A short number before it goes on with it (`10,4` + `3`), unless it stands alone on its line as a marker does (`2` + `3`).
  const prevAlone = prevKind === TokenKind.Number && (prev === 0 || tokens.gap[prev] === Gap.Line);
  const numeral = (prevKind === TokenKind.Number && tokens.len(prev) <= 3 && !prevAlone) || wordIn(tokens, prev, NUMERAL_BEFORE) || wordIn(tokens, prev, NUMBERED) ||
    (wordIn(tokens, prev, LIST_WORDS) && prev >= 1 && tokens.kind[prev - 1] === TokenKind.Number);
  // `op vraag` + `4`: a question number. `de vragen` + `4 en 5` too, but `de eerder gestelde vragen` + `4 is …` is a marker.
  const questionNumber = wordIn(tokens, prev, QUESTION_WORDS);
  const questions = questionNumber || tokens.kwAt(prev) === KW.vragen;
  const pc = prevKind === TokenKind.Punct ? tokens.ch(prev) : -1;
  // The line before ends in the middle of a sentence.
  const midSentence = noted && prev >= 0 && prevKind !== TokenKind.Punct;
  const found: MarkerCandidate[] = [{ span: { start: tokens.start[i], end: tokens.end[i] }, number: num, certain: false, token: i }];
  let k = i + 1;
  const line = tokens.line[i];
  // Further numbers on the same line: `2 3`, `1, 2`, `4,5`, `5, 6 en 7`. A list with `en` or a glued comma must count on by one.
  let counted = false;
  for (let guard = 0; guard < 10; guard++) {
    let m = k;
    let counts = false;
    if (m < n && tokens.gap[m] !== Gap.Line && tokens.kind[m] === TokenKind.Punct && tokens.ch(m) === COMMA && isMarkerNumber(tokens, m + 1) && tokens.gap[m + 1] !== Gap.Line) {
      counts = tokens.gap[m + 1] === Gap.None;
      m++;
    } else if (m < n && tokens.gap[m] === Gap.Space && (tokens.kw[m] === KW.en || tokens.kw[m] === KW.of) && tokens.kind[m] === TokenKind.Word &&
      isMarkerNumber(tokens, m + 1) && tokens.gap[m + 1] === Gap.Space) {
      counts = true;
      m++;
    } else if (m >= n || tokens.gap[m] !== Gap.Space) break;
    if (!isMarkerNumber(tokens, m) || tokens.line[m] !== line) break;
    counted ||= counts;
    found.push({ span: { start: tokens.start[m], end: tokens.end[m] }, number: tokens.num(m), certain: false, token: m });
    k = m + 1;
  }
  const allNoted = found.every((f) => ctx.noted.has(f.number));
  // After a word that counts, names or asks (`in`, `artikel`, `vraag`), only a number with its note text.
  const doubtful = (numeral || questions) && !allNoted;
  // Alone on its line (`5` or `5.`) after `vraag` the number continues the count of markers: the sequence decides.
  const aloneDoubtful = (numeral || (questions && found.length > 1)) && !allNoted;
  const next = k;
  if (next >= n || tokens.gap[next] === Gap.Line) {
    if (aloneDoubtful) return null;
    if (counted && !found.every((f, idx) => f.number === num + idx)) return null;
    return found;
  }
  if (counted) return null;
  const nextKind = tokens.kind[next];
  if (nextKind === TokenKind.Punct) {
    const c = tokens.ch(next);
    if (c === DOT && (next + 1 >= n || tokens.gap[next + 1] === Gap.Line)) return aloneDoubtful ? null : found;
    if (doubtful) return null;
    if (c === COMMA || c === SEMICOLON || CLOSERS.has(c)) return found;
    // `6). Daarin …`: the closing parenthesis and full stop of the sentence the marker ends.
    const after = next + 1;
    if (c === CLOSE_PAREN && (after >= n || tokens.gap[after] === Gap.Line || (tokens.gap[after] === Gap.None && tokens.kind[after] === TokenKind.Punct))) return found;
    // `3. Hiermee …`: the full stop of the sentence the marker ends, not a numbered list item (`1. Kosten` + `2. Baten`).
    if (c === DOT && midSentence && found.length === 1) return found;
    if (c === DOT && found.length === 1 && prevKind === TokenKind.Word && !doubtful && !numberedItem(ctx, i, next)) return [{ ...found[0], weak: true }];
    return null;
  }
  if (tokens.gap[next] === Gap.None || found.length !== 1 || nextKind !== TokenKind.Word) return null;
  if (tokens.startsUpper(next)) {
    // `2 Voor drie …` is a marker; a line of text that starts with a number and a capital is rare,
    // unless it is an item of a list numbered without full stops (`1 Het beleid …` + `2 De kosten …`).
    if (lineKinds[line] !== LineKind.Text || doubtful) return null;
    if (noted) return found;
    if (pc === COLON || numberedItem(ctx, i, next)) return null;
    return [{ ...found[0], weak: true }];
  }
  // `2 ten behoeve van …`, `… jl.` + `2 waarin …`: the sentence goes on after the marker.
  if (noted && !numeral) return found;
  // No note text: `het beleid` + `4 is het beleid aangepast`, after a word, a closing mark or a comma
  // after a word, and before a verb or function word (`concludeert`, `gestuurd`: verbs by their form).
  if (noted || numeral || questionNumber) return null;
  const afterPhrase = prevKind === TokenKind.Word || PHRASE_CLOSE.has(pc) ||
    ((pc === COMMA || pc === SEMICOLON) && prev >= 1 && tokens.kind[prev - 1] === TokenKind.Word && !wordIn(tokens, prev - 1, NUMERAL_BEFORE) && !wordIn(tokens, prev - 1, NUMBERED));
  const goesOn = MARKER_FOLLOWERS.has(tokens.kw[next]) || isVerbForm(tokens, next);
  if (!afterPhrase || !goesOn || listGoesOn(tokens, i)) return null;
  return [{ ...found[0], weak: true }];
}

/**
 * Keeps the candidates that continue the sequence 1, 2, 3, …; certain ones out of sequence are disorder.
 * `restarts`: how many more runs of note texts numbered from 1 the document holds after the first (a Word
 * document with typed notes `[1] … [3]` and then its own footnotes `[1] [2]`). A certain `[1]` after the
 * first sequence starts the next sequence, once per extra run; with no extra run it is disorder.
 * `noted`: the numbers that have a note text. A marker lost in extraction does not lose the ones after
 * it: the sequence goes on past one or two missing numbers when their note texts are there and the
 * candidates resume the count (`4`, then `5`, with no `3` in between).
 */
export function acceptMarkers(candidates: readonly MarkerCandidate[], restarts = 0, noted: ReadonlySet<number> = new Set()): MarkerResult {
  const markers: AcceptedMarker[] = [];
  const disorder: { span: Span; number: number; expected: number }[] = [];
  let expected = 1;
  let sequence = 0;
  for (let idx = 0; idx < candidates.length; idx++) {
    const c = candidates[idx];
    if (c.weak && c.number === expected && sureFollows(candidates, idx)) continue;
    if (c.certain && c.number === 1 && expected > 1 && sequence < restarts) {
      sequence++;
      markers.push({ span: c.span, number: 1, sequence });
      expected = 2;
    } else if (c.number === expected) {
      markers.push({ span: c.span, number: c.number, sequence });
      expected++;
    } else if (!c.certain && !c.weak && c.number > expected && c.number <= expected + MAX_LOST && notedFrom(noted, expected, c.number) && resumes(candidates, idx, expected)) {
      markers.push({ span: c.span, number: c.number, sequence });
      expected = c.number + 1;
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

/** How far a weak candidate looks ahead for a sure one: a bound that keeps acceptance linear. */
const LOOKAHEAD = 64;

/** Whether a sure candidate with the number of weak candidate `idx` follows before any candidate with the next number. */
function sureFollows(candidates: readonly MarkerCandidate[], idx: number): boolean {
  const number = candidates[idx].number;
  for (let j = idx + 1; j < candidates.length && j <= idx + LOOKAHEAD; j++) {
    const d = candidates[j];
    if (d.number === number + 1) return false;
    if (d.number === number && !d.weak) return true;
  }
  return false;
}

/** How many markers in a row the extraction may have lost. */
const MAX_LOST = 2;

function notedFrom(noted: ReadonlySet<number>, from: number, to: number): boolean {
  for (let v = from; v <= to; v++) if (!noted.has(v)) return false;
  return true;
}

/** Whether candidate `idx` is followed by one with the next number before any with the number `expected`. */
function resumes(candidates: readonly MarkerCandidate[], idx: number, expected: number): boolean {
  const number = candidates[idx].number;
  for (let j = idx + 1; j < candidates.length && j <= idx + LOOKAHEAD; j++) {
    const d = candidates[j].number;
    if (d === expected) return false;
    if (d === number + 1) return true;
  }
  return false;
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
