// Citations of official documents: zaak and document numbers, publication
// ids, Kamerstukken, (Aanhangsel) Handelingen, ECLI numbers, Staatsblad and
// Staatscourant, laws by name, and web addresses.
//
// A hand-written scanner, linear in the length of the text: one pass finds
// anchors (a word such as `Kamerstuk` or `ECLI`, or a digit run followed by
// `Z`/`D`) and parses forward from each with a bounded look-ahead. Only web
// addresses are read to their end, and the scan resumes after them, so no
// character is read more than a bounded number of times.
//
// Runs of lines that `skipLine` keeps are scanned as one region: a citation
// may run over one line break (PDF text wraps anywhere), never over a blank
// line or a skipped line.

import { CLOSE_PAREN, COLON, COMMA, CR, DOT, EN_DASH, firstAtOrAfter, HYPHEN, isDigit, isLetter, isSpace, LF, normalizeSpace, OPEN_PAREN, ownSlice, ownString, movedRangeOf, movedSpan, partitionPoint, RANGE_UNSET, setRange, SLASH, type LineIndex } from './text';
import { hasCitationShape, MemoSlot, registerCitationWords, spreadBits, type TokenEdit, Tokens, TokenKind, unchangedFrom } from './tokens';
import type { Citation, CitationKind } from './types';

const OFFICIAL = 'https://zoek.officielebekendmakingen.nl/';
const TWEEDE_KAMER_DOCUMENT = 'https://www.tweedekamer.nl/kamerstukken/detail?id=';
const RECHTSPRAAK = 'https://uitspraken.rechtspraak.nl/details?id=';
const WETTEN = 'https://wetten.overheid.nl/';

/** How far past its anchor a citation (other than a web address) may reach. */
const MAX_LOOKAHEAD = 160;
/** Anchor words are short; longer words are never looked up. */
const MAX_ANCHOR_LENGTH = 24;
/** A DNS label has at most 63 characters. */
const MAX_HOST_LABEL = 63;

/** A citation before it gets its range. */
interface Found {
  readonly kind: CitationKind;
  readonly start: number;
  readonly end: number;
  readonly id: string;
  readonly label: string;
  readonly url: string | null;
}

// ---------------------------------------------------------------------------
// Characters

function isUpper(c: number): boolean {
  return c >= 65 && c <= 90;
}

function isLower(c: number): boolean {
  return c >= 97 && c <= 122;
}

function isLineBreak(c: number): boolean {
  return c === LF || c === CR;
}

function isInlineSpace(c: number): boolean {
  return c >= 0 && isSpace(c) && !isLineBreak(c);
}

/** Hyphen, en dash, em dash and non-breaking hyphen, as written between the years of a vergaderjaar. */
function isDash(c: number): boolean {
  return c === HYPHEN || c === EN_DASH || c === 0x2014 || c === 0x2011;
}

function isAsciiAlnum(c: number): boolean {
  return isDigit(c) || isUpper(c) || isLower(c);
}

/** Characters a web address may hold; quotes, guillemets and white space end it. */
function isUrlChar(c: number): boolean {
  if (c <= 32 || c === 127 || isSpace(c)) return false;
  switch (c) {
    case 34: // "
    case 60: // <
    case 62: // >
    case 92: // \
    case 94: // ^
    case 96: // `
    case 123: // {
    case 124: // |
    case 125: // }
    case 0xab: // «
    case 0xbb: // »
    case 0x2018: // ‘
    case 0x2019: // ’
    case 0x201c: // “
    case 0x201d: // ”
      return false;
    default:
      return true;
  }
}

/** Sentence punctuation that may follow a web address without being part of it. */
function isUrlTrailer(c: number): boolean {
  return c === DOT || c === COMMA || c === 59 /* ; */ || c === COLON || c === 33 /* ! */ || c === 63 /* ? */ || c === 39 /* ' */;
}

// ---------------------------------------------------------------------------
// Reader: bounded look-ahead over one region

class Reader {
  /** Parsing sees nothing at or past this offset. */
  private limit = 0;

  constructor(
    readonly text: string,
    readonly regionStart: number,
    readonly regionEnd: number,
  ) {}

  /** Starts an attempt at `p`: the look-ahead reaches MAX_LOOKAHEAD characters. */
  begin(p: number): void {
    this.limit = Math.min(this.regionEnd, p + MAX_LOOKAHEAD);
  }

  /** Lifts the look-ahead to the region end, for input that is consumed as it is read. */
  unbounded(): void {
    this.limit = this.regionEnd;
  }

  /** The character at `p`, or -1 outside the look-ahead. */
  at(p: number): number {
    return p >= this.regionStart && p < this.limit ? this.text.charCodeAt(p) : -1;
  }

  /** The character at `p`, or -1 outside the region: for checking what follows a match. */
  peek(p: number): number {
    return p >= this.regionStart && p < this.regionEnd ? this.text.charCodeAt(p) : -1;
  }

  slice(start: number, end: number): string {
    return this.text.slice(start, end);
  }

  /** Skips spaces and tabs (no-break spaces too), no line break. */
  inlineSpace(p: number): number {
    while (isInlineSpace(this.at(p))) p++;
    return p;
  }

  /** Skips white space holding at most one line break: a blank line ends every citation. */
  space(p: number): number {
    p = this.inlineSpace(p);
    const next = this.lineBreak(p);
    return next < 0 ? p : this.inlineSpace(next);
  }

  /** Past the line break at `p` (CRLF counts as one), or -1 when there is none. */
  lineBreak(p: number): number {
    const c = this.at(p);
    if (c === CR) return this.at(p + 1) === LF ? p + 2 : p + 1;
    return c === LF ? p + 1 : -1;
  }

  /** White space, an optional comma and white space: the loose separator between the parts of a citation. */
  comma(p: number): number {
    const q = this.space(p);
    return this.at(q) === COMMA ? this.space(q + 1) : q;
  }

  /** Optionally the character `c`. */
  optional(p: number, c: number): number {
    return this.at(p) === c ? p + 1 : p;
  }

  /** The end of the digit run at `p` (`p` itself when there is none). */
  digits(p: number): number {
    while (isDigit(this.at(p))) p++;
    return p;
  }

  /** The end of a run of `min` to `max` digits at `p` that no digit follows, or -1. */
  number(p: number, min: number, max: number): number {
    const end = this.digits(p);
    const n = end - p;
    return n >= min && n <= max && !isDigit(this.peek(end)) ? end : -1;
  }

  /**
   * Whether a word ends at `p`: no letter follows, or a capital follows a
   * lower-case letter (PDF text glues words: `AanhangselHandelingen`).
   */
  wordEnd(p: number): boolean {
    const c = this.peek(p);
    return !isLetter(c) || (isUpper(c) && isLower(this.peek(p - 1)));
  }

  /** The end of `s` written exactly at `p`, or -1. */
  literal(p: number, s: string): number {
    for (let i = 0; i < s.length; i++) {
      if (this.at(p + i) !== s.charCodeAt(i)) return -1;
    }
    return p + s.length;
  }

  /**
   * The end of the whole word `word` at `p`, or -1. The first letter may be
   * either case. A hyphen may split the word, at the end of a line or not:
   * PDF text keeps hyphenation (`Kamer-stuk`, `Kamerstuk-ken`, `verga-⏎derjaar`).
   */
  keyword(p: number, word: string): number {
    for (let i = 0; i < word.length; i++) {
      let c = this.at(p);
      if (i > 0 && c === HYPHEN) {
        p = this.afterHyphenation(p);
        if (p < 0) return -1;
        c = this.at(p);
      }
      const w = word.charCodeAt(i);
      if (c !== w && !(i === 0 && c === (w ^ 32))) return -1;
      p++;
    }
    return this.wordEnd(p) ? p : -1;
  }

  /** Past a hyphen that splits a word (`-` then a letter, or `-` at the end of a line), or -1. */
  private afterHyphenation(p: number): number {
    if (isLetter(this.at(p + 1))) return p + 1;
    const next = this.lineBreak(this.inlineSpace(p + 1));
    if (next < 0) return -1;
    const q = this.inlineSpace(next);
    return isLetter(this.at(q)) ? q : -1;
  }
}

// ---------------------------------------------------------------------------
// Parts shared by several citation forms

type Chamber = 'tk' | 'ek';

/** `II` (Tweede Kamer) or `I` (Eerste Kamer) after `Kamerstukken` or `Handelingen`. */
function chamber(r: Reader, p: number): { readonly chamber: Chamber | null; readonly end: number } {
  for (const [roman, code] of [['II', 'tk'], ['I', 'ek']] as const) {
    const end = r.literal(p, roman);
    if (end >= 0 && r.wordEnd(end)) return { chamber: code, end };
  }
  return { chamber: null, end: p };
}

/**
 * A vergaderjaar (parliamentary year): `2023–2024`, `2023-2024`, `2023/2024`,
 * `2023/24`. The second year must follow the first.
 */
function yearSpan(r: Reader, p: number): { readonly first: number; readonly end: number } | null {
  const a = r.number(p, 4, 4);
  if (a < 0) return null;
  const first = Number(r.slice(p, a));
  if (first < 1800 || first > 2099) return null;
  const sep = r.inlineSpace(a);
  const c = r.at(sep);
  if (!isDash(c) && c !== SLASH) return null;
  const q = r.space(sep + 1);
  const b = r.number(q, 2, 4);
  if (b < 0 || b - q === 3) return null;
  const second = Number(r.slice(q, b));
  const follows = b - q === 4 ? second === first + 1 : second === (first + 1) % 100;
  return follows ? { first, end: b } : null;
}

/** `vergaderjaar 2023–2024` or just `2023/24`. */
function sessionYears(r: Reader, p: number): { readonly first: number; readonly end: number } | null {
  const word = r.keyword(p, 'vergaderjaar');
  return yearSpan(r, word < 0 ? p : r.space(word));
}

/** `nr. 899`, `nr 899`, `nrs. 811` (the first number of a list counts). */
function numberRef(r: Reader, p: number): { readonly value: number; readonly end: number } | null {
  let q = r.keyword(p, 'nr');
  if (q < 0) q = r.keyword(p, 'nrs');
  if (q < 0) return null;
  q = r.space(r.optional(q, DOT));
  return bareNumber(r, q);
}

function bareNumber(r: Reader, p: number): { readonly value: number; readonly end: number } | null {
  const end = r.number(p, 1, 7);
  return end < 0 ? null : { value: Number(r.slice(p, end)), end };
}

/** The years of a session as publication ids write them: `20232024`. */
function sessionId(first: number): string {
  return `${first}${first + 1}`;
}

function sessionLabel(first: number): string {
  return `${first}–${first + 1}`;
}

function chamberRoman(c: Chamber): string {
  return c === 'tk' ? 'II' : 'I';
}

function officialUrl(id: string): string {
  return `${OFFICIAL}${id}.html`;
}

// ---------------------------------------------------------------------------
// Kamerstukken: `Kamerstuk 36 410 VIII, nr. 112`, `Kamerstukken II 2019/20, 29 984, nr. 899`

interface Dossier {
  /** The dossier number without its thousands space: `29984`. */
  readonly main: string;
  /** A sub-dossier: `20` in `21 501-20`. */
  readonly sub: string | null;
  /** A roman numeral or letter after the number: `VIII`, `A` (budget chapters, Eerste Kamer letters). */
  readonly suffix: string | null;
  readonly end: number;
}

/**
 * A dossier number. The Kamer writes it with a space as thousands separator
 * (`29 984`); `29984` occurs too.
 */
function dossier(r: Reader, p: number): Dossier | null {
  let end = r.number(p, 1, 6);
  if (end < 0) return null;
  let main = r.slice(p, end);
  if (main.length <= 3 && isInlineSpace(r.at(end))) {
    const group = r.number(end + 1, 3, 3);
    if (group >= 0) {
      main += r.slice(end + 1, group);
      end = group;
    }
  }
  if (main.length < 3 || isLetter(r.peek(end))) return null;
  let sub: string | null = null;
  if (r.at(end) === HYPHEN) {
    const subEnd = r.number(end + 1, 1, 3);
    if (subEnd >= 0 && !isLetter(r.peek(subEnd))) {
      sub = r.slice(end + 1, subEnd);
      end = subEnd;
    }
  }
  const suffix = dossierSuffix(r, end);
  return { main, sub, suffix: suffix ? r.slice(suffix.start, suffix.end) : null, end: suffix ? suffix.end : end };
}

/** ` VIII` or ` A` after a dossier number. */
function dossierSuffix(r: Reader, p: number): { readonly start: number; readonly end: number } | null {
  const start = r.inlineSpace(p);
  if (start === p) return null;
  let end = start;
  while (isUpper(r.at(end)) && end - start < 8) end++;
  if (end === start || !r.wordEnd(end)) return null;
  const letters = r.slice(start, end);
  return letters.length === 1 || /^[IVXLCDM]+$/.test(letters) ? { start, end } : null;
}

/** `29 984`: the dossier number as the Kamer prints it. */
function dossierLabel(d: Dossier): string {
  const main = d.main.length > 3 ? `${d.main.slice(0, -3)} ${d.main.slice(-3)}` : d.main;
  return `${main}${d.sub ? `-${d.sub}` : ''}${d.suffix ? ` ${d.suffix}` : ''}`;
}

function parseKamerstuk(r: Reader, start: number): Found | null {
  let q = r.keyword(start, 'Kamerstukken');
  if (q < 0) q = r.keyword(start, 'Kamerstuk');
  if (q < 0) return null;
  q = r.comma(chamber(r, r.space(q)).end);
  // The year is redundant (a dossier number is unique) but often written.
  const years = sessionYears(r, q);
  if (years) q = r.comma(years.end);
  const d = dossier(r, q);
  if (!d) return null;
  const nr = numberRef(r, r.comma(d.end));
  if (!nr) return null;
  const id = ['kst', d.main, d.sub, d.suffix, String(nr.value)].filter((part) => part !== null).join('-');
  return {
    kind: 'kamerstuk',
    start,
    end: nr.end,
    id,
    label: `Kamerstuk ${dossierLabel(d)}, nr. ${nr.value}`,
    url: officialUrl(id),
  };
}

// ---------------------------------------------------------------------------
// Handelingen and Aanhangsel van de Handelingen

interface Session {
  readonly chamber: Chamber;
  readonly first: number;
  readonly nr: number;
  readonly end: number;
}

/** What follows `Handelingen`: `II, vergaderjaar 2023–2024, nr. 8` or `II 2023/24, nr. 8`. */
function sessionTail(r: Reader, p: number): Session | null {
  const ch = chamber(r, r.space(p));
  const years = sessionYears(r, r.comma(ch.end));
  if (!years) return null;
  const nr = numberRef(r, r.comma(years.end));
  if (!nr) return null;
  return { chamber: ch.chamber ?? 'tk', first: years.first, nr: nr.value, end: nr.end };
}

/** `Handelingen` or `van de Handelingen` after `Aanhangsel` (glued or not): its end, or -1. */
function handelingenAfterAanhangsel(r: Reader, p: number): number {
  let q = r.space(p);
  const van = r.keyword(q, 'van');
  if (van >= 0) {
    const de = r.keyword(r.space(van), 'de');
    if (de < 0) return -1;
    q = r.space(de);
  }
  return r.keyword(q, 'Handelingen');
}

function aanhangsel(start: number, end: number, chamberCode: Chamber, first: number, nr: number): Found {
  const id = `ah-${chamberCode}-${sessionId(first)}-${nr}`;
  return {
    kind: 'aanhangsel',
    start,
    end,
    id,
    label: `Aanhangsel Handelingen ${chamberRoman(chamberCode)}, vergaderjaar ${sessionLabel(first)}, nr. ${nr}`,
    url: officialUrl(id),
  };
}

/** `Aanhangsel Handelingen II, vergaderjaar 2023–2024, nr. 2267`: written questions and answers. */
function parseAanhangsel(r: Reader, start: number): Found | null {
  const a = r.keyword(start, 'Aanhangsel');
  if (a < 0) return null;
  const h = handelingenAfterAanhangsel(r, a);
  if (h < 0) return null;
  const s = sessionTail(r, h);
  return s ? aanhangsel(start, s.end, s.chamber, s.first, s.nr) : null;
}

/**
 * The year first, as in a page footer: `Tweede Kamer, vergaderjaar 2023–2024,
 * Aanhangsel van de Handelingen, nr. 2386` (also without `nr.`). The span
 * takes in `Tweede Kamer,` when it stands right before.
 */
function parseYearFirstAanhangsel(r: Reader, start: number, _wordEnd: number, minStart: number): Found | null {
  const years = sessionYears(r, start);
  if (!years) return null;
  const a = r.keyword(r.comma(years.end), 'Aanhangsel');
  if (a < 0) return null;
  const h = handelingenAfterAanhangsel(r, a);
  if (h < 0) return null;
  const q = r.comma(h);
  const nr = numberRef(r, q) ?? bareNumber(r, q);
  if (!nr) return null;
  const house = houseBefore(r, start, minStart);
  return aanhangsel(house?.start ?? start, nr.end, house?.chamber ?? 'tk', years.first, nr.value);
}

/** `Tweede Kamer, ` or `Eerste Kamer ` right before `p`. */
function houseBefore(r: Reader, p: number, minStart: number): { readonly start: number; readonly chamber: Chamber } | null {
  const from = Math.max(r.regionStart, minStart, p - 24);
  const m = /(Tweede|Eerste)\s{1,3}Kamer,?\s{0,3}$/.exec(r.slice(from, p));
  return m ? { start: from + m.index, chamber: m[1] === 'Tweede' ? 'tk' : 'ek' } : null;
}

/** Whether `Aanhangsel` or `Aanhangsel van de` stands right before `p`. */
function afterAanhangsel(r: Reader, p: number): boolean {
  const before = normalizeSpace(r.slice(Math.max(r.regionStart, p - 24), p));
  return before.endsWith('anhangsel') || before.endsWith('anhangsel van de');
}

/** `Handelingen II 2023/24, nr. 8` (a plenary sitting), optionally `, item 3`. */
function parseHandelingen(r: Reader, start: number): Found | null {
  if (afterAanhangsel(r, start)) return null;
  const h = r.keyword(start, 'Handelingen');
  if (h < 0) return null;
  const s = sessionTail(r, h);
  if (!s) return null;
  let end = s.end;
  let item = '';
  const itemWord = r.keyword(r.comma(end), 'item');
  const itemNr = itemWord < 0 ? null : bareNumber(r, r.space(itemWord));
  if (itemNr) {
    item = `-${itemNr.value}`;
    end = itemNr.end;
  }
  const id = `h-${s.chamber}-${sessionId(s.first)}-${s.nr}${item}`;
  return {
    kind: 'handelingen',
    start,
    end,
    id,
    label: `Handelingen ${chamberRoman(s.chamber)}, vergaderjaar ${sessionLabel(s.first)}, nr. ${s.nr}${itemNr ? `, item ${itemNr.value}` : ''}`,
    url: officialUrl(id),
  };
}

// ---------------------------------------------------------------------------
// Staatsblad and Staatscourant: `Stb. 2024, 153`, `Staatscourant 2024, nr. 1234`

function gazetteParser(kind: 'staatsblad' | 'staatscourant', prefix: string, abbreviation: string): Parser {
  return (r, start, wordEnd) => {
    const q = r.space(r.optional(wordEnd, DOT));
    const yearEnd = r.number(q, 4, 4);
    if (yearEnd < 0) return null;
    const year = Number(r.slice(q, yearEnd));
    if (year < 1814 || year > 2099) return null;
    let p = r.comma(yearEnd);
    const nrWord = r.keyword(p, 'nr');
    if (nrWord >= 0) p = r.space(r.optional(nrWord, DOT));
    const nr = bareNumber(r, p);
    if (!nr) return null;
    const id = `${prefix}-${year}-${nr.value}`;
    return { kind, start, end: nr.end, id, label: `${abbreviation} ${year}, ${nr.value}`, url: officialUrl(id) };
  };
}

// ---------------------------------------------------------------------------
// ECLI: `ECLI:NL:RVS:2019:1234`

/** The four parts after `ECLI`: country, court, year, ordinal number. */
const ECLI_PARTS: readonly { readonly allowed: (c: number) => boolean; readonly min: number; readonly max: number }[] = [
  { allowed: isUpper, min: 2, max: 2 },
  { allowed: (c) => isUpper(c) || isDigit(c), min: 1, max: 7 },
  { allowed: isDigit, min: 4, max: 4 },
  { allowed: (c) => isAsciiAlnum(c) || c === DOT, min: 1, max: 25 },
];

/** A colon between ECLI parts; PDF text may break the line around it, even after a hyphen (`ECLI:NL-⏎:RBDHA`). */
function ecliColon(r: Reader, p: number): number {
  const hyphen = r.at(p) === HYPHEN ? p + 1 : p;
  const broken = r.lineBreak(r.inlineSpace(hyphen));
  const q = broken < 0 ? p : r.inlineSpace(broken);
  if (r.at(q) !== COLON) return -1;
  const after = r.lineBreak(r.inlineSpace(q + 1));
  return after < 0 ? q + 1 : r.inlineSpace(after);
}

function parseEcli(r: Reader, start: number, wordEnd: number): Found | null {
  const parts: string[] = ['ECLI'];
  let p = wordEnd;
  for (const part of ECLI_PARTS) {
    const q = ecliColon(r, p);
    if (q < 0) return null;
    let end = q;
    while (part.allowed(r.at(end)) && end - q <= part.max) end++;
    while (end > q && r.at(end - 1) === DOT) end--; // a full stop after the number ends the sentence
    if (end - q < part.min || end - q > part.max) return null;
    parts.push(r.slice(q, end));
    p = end;
  }
  const id = parts.join(':');
  return { kind: 'ecli', start, end: p, id, label: id, url: parts[1] === 'NL' ? RECHTSPRAAK + id : null };
}

// ---------------------------------------------------------------------------
// Publication ids: `kv-tk-2022Z09875`, `ah-tk-20212022-3618`, `kst-36410-VIII-112`, …

/** Given the parts after the prefix, how many belong to a valid id (0: none). */
type PublicationShape = (parts: readonly string[]) => number;

const isDigits = (s: string | undefined): boolean => s !== undefined && /^\d{1,7}$/.test(s);
const isHouse = (s: string | undefined): boolean => s === 'tk' || s === 'ek';
const isSessionId = (s: string | undefined): boolean =>
  s !== undefined && /^\d{8}$/.test(s) && Number(s.slice(4)) === Number(s.slice(0, 4)) + 1;
const isYear = (s: string | undefined): boolean => s !== undefined && /^(18|19|20)\d\d$/.test(s);
const isZaakNumber = (s: string | undefined): boolean => s !== undefined && /^20\d\dZ\d{5}$/.test(s);

const PUBLICATION_SHAPES: ReadonlyMap<string, PublicationShape> = new Map<string, PublicationShape>([
  // Kamervragen (questions as submitted), by zaak number.
  ['kv', (p) => (p[0] === 'tk' && isZaakNumber(p[1]) ? 2 : 0)],
  // Aanhangsel van de Handelingen: vergaderjaar and number.
  ['ah', (p) => (isHouse(p[0]) && isSessionId(p[1]) && isDigits(p[2]) ? 3 : 0)],
  // Handelingen: vergaderjaar, sitting and optionally the item.
  ['h', (p) => (isHouse(p[0]) && isSessionId(p[1]) && isDigits(p[2]) ? (isDigits(p[3]) ? 4 : 3) : 0)],
  // Kamerstukken: dossier, optional sub-dossier or chapter (`20`, `VIII`), number.
  ['kst', (p) => {
    if (!isDigits(p[0])) return 0;
    let n = 1;
    while (n < p.length && n < 4 && /^(\d{1,7}|[A-Z]{1,8})$/.test(p[n])) n++;
    return n >= 2 ? n : 0;
  }],
  ['stb', (p) => (isYear(p[0]) && isDigits(p[1]) ? 2 : 0)],
  ['stcrt', (p) => (isYear(p[0]) && isDigits(p[1]) ? 2 : 0)],
  ['trb', (p) => (isYear(p[0]) && isDigits(p[1]) ? 2 : 0)],
  // Bijlagen (attachments) have a plain serial number.
  ['blg', (p) => (isDigits(p[0]) ? 1 : 0)],
]);

function parsePublicationId(r: Reader, start: number, wordEnd: number): Found | null {
  const prefix = r.slice(start, wordEnd);
  const shape = PUBLICATION_SHAPES.get(prefix);
  if (!shape) return null;
  const parts: string[] = [];
  const ends: number[] = [];
  let p = wordEnd;
  while (parts.length < 5 && r.at(p) === HYPHEN && isAsciiAlnum(r.at(p + 1))) {
    let end = p + 1;
    while (isAsciiAlnum(r.at(end))) end++;
    parts.push(r.slice(p + 1, end));
    ends.push(end);
    p = end;
  }
  const used = shape(parts);
  if (used === 0) return null;
  const end = ends[used - 1];
  if (isAsciiAlnum(r.peek(end))) return null;
  const id = [prefix, ...parts.slice(0, used)].join('-');
  return { kind: 'publication', start, end, id, label: id, url: officialUrl(id) };
}

// ---------------------------------------------------------------------------
// Zaak and document numbers: `2022Z09875`, `2024D42030`

/**
 * A digit run [runStart, runEnd) followed by `Z` or `D` and five digits. The
 * last four digits of the run are the year; digits before them are a
 * footnote number glued on in PDF text (`32024Z15585`).
 */
function parseCaseNumber(r: Reader, runStart: number, runEnd: number): Found | null {
  if (runEnd - runStart < 4) return null;
  const letter = r.at(runEnd);
  const kind = letter === 90 /* Z */ ? 'zaak' : letter === 68 /* D */ ? 'document' : null;
  if (!kind) return null;
  const start = runEnd - 4;
  if (r.at(start) !== 50 /* 2 */ || r.at(start + 1) !== 48 /* 0 */) return null;
  const end = r.number(runEnd + 1, 5, 5);
  if (end < 0) return null;
  const id = r.slice(start, end);
  return kind === 'zaak'
    ? { kind, start, end, id, label: `Zaak ${id}`, url: officialUrl(`kv-tk-${id}`) }
    : { kind, start, end, id, label: `Document ${id}`, url: TWEEDE_KAMER_DOCUMENT + id };
}

// ---------------------------------------------------------------------------
// Web addresses: `https://…`, `http://…`, `www.…`

/**
 * Whether a host name starts at `p`: a label, a dot and another letter or
 * digit. Only this bounded check can fail; after it the address is read to
 * its end, so a failed attempt costs at most a label's length.
 */
function hostAt(r: Reader, p: number): boolean {
  let end = p;
  while ((isAsciiAlnum(r.at(end)) || r.at(end) === HYPHEN) && end - p <= MAX_HOST_LABEL) end++;
  return end > p && end - p <= MAX_HOST_LABEL && r.at(end) === DOT && isAsciiAlnum(r.at(end + 1));
}

/**
 * Where a web address broken at the end of a line continues on the next one,
 * or -1. PDF text breaks long addresses after `/`, `-`, `.`, …; the next line
 * must start with a piece that looks like part of an address.
 */
function urlContinuation(r: Reader, lastChar: number, p: number): number {
  if (!(lastChar === SLASH || lastChar === HYPHEN || lastChar === DOT || lastChar === 95 /* _ */ ||
        lastChar === 61 /* = */ || lastChar === 38 /* & */ || lastChar === 63 /* ? */)) return -1;
  const next = r.lineBreak(r.inlineSpace(p));
  if (next < 0) return -1;
  const start = r.inlineSpace(next);
  let end = start;
  while (isUrlChar(r.at(end)) && end - start < MAX_LOOKAHEAD) end++;
  while (end > start && (isUrlTrailer(r.at(end - 1)) || r.at(end - 1) === CLOSE_PAREN)) end--;
  const piece = r.slice(start, end);
  if (piece.length < 2 || piece.includes('://')) return -1;
  // Address punctuation inside, or a lower-case hash such as `9aba86f3e38a`: not the start of a sentence.
  return /[/\-_.=&%~#]/.test(piece) || (/^[a-z0-9]+$/.test(piece) && /\d/.test(piece) && /[a-z]/.test(piece)) ? start : -1;
}

/** Drops sentence punctuation after an address; a `)` only when it closes nothing in the address. */
function trimUrl(s: string): string {
  let opens = 0;
  let closes = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === OPEN_PAREN) opens++;
    else if (c === CLOSE_PAREN) closes++;
  }
  let end = s.length;
  for (;;) {
    const c = s.charCodeAt(end - 1);
    if (isUrlTrailer(c)) end--;
    else if (c === CLOSE_PAREN && closes > opens) {
      end--;
      closes--;
    } else break;
  }
  return s.slice(0, end);
}

function parseUrl(r: Reader, start: number, wordEnd: number): Found | null {
  const scheme = r.slice(start, wordEnd);
  if (scheme === 'www') {
    if (!hostAt(r, start)) return null;
  } else {
    const slashes = r.literal(wordEnd, '://');
    if (slashes < 0) return null;
    const broken = r.lineBreak(r.inlineSpace(slashes));
    if (!hostAt(r, slashes) && !(broken >= 0 && hostAt(r, r.inlineSpace(broken)))) return null;
  }
  r.unbounded();
  // Read the address, joining the pieces of an address broken over lines.
  let written = '';
  let p = start;
  for (;;) {
    const pieceStart = p;
    while (isUrlChar(r.at(p))) p++;
    written += r.slice(pieceStart, p);
    const next = p > pieceStart ? urlContinuation(r, r.at(p - 1), p) : -1;
    if (next < 0) break;
    p = next;
  }
  const address = trimUrl(written);
  const end = p - (written.length - address.length);
  const url = scheme === 'www' ? `https://${address}` : address;
  return { kind: 'url', start, end, id: url, label: address, url };
}

// ---------------------------------------------------------------------------
// Laws by name

interface Law {
  /** BWB id (`BWBR0007376`), or CELEX for EU law. */
  readonly id: string;
  readonly url: string;
  readonly name: string;
  /** Names and their variants; the first letter may be written in either case (`archiefwet`). */
  readonly names: readonly string[];
  /** Abbreviations, matched exactly as written. */
  readonly abbreviations: readonly string[];
}

function lowerInitial(word: string): string {
  return word[0].toLowerCase() + word.slice(1);
}

function bwb(id: string, names: readonly string[], abbreviations: readonly string[] = []): Law {
  return { id, url: WETTEN + id, name: names[0], names, abbreviations };
}

/**
 * Well-known laws with their BWB ids (as on wetten.overheid.nl). A bare name stands
 * for the law in force: `Archiefwet` for the Archiefwet 1995, `Vreemdelingenwet`
 * for the Vreemdelingenwet 2000, `Wmo` for the Wmo 2015 (it replaced the Wmo
 * of 2007 on 1 January 2015).
 */
const LAWS: readonly Law[] = [
  bwb('BWBR0007376', ['Archiefwet 1995', 'Archiefwet']),
  bwb('BWBR0045754', ['Wet open overheid'], ['Woo']),
  bwb('BWBR0005252', ['Wet openbaarheid van bestuur', 'Wet openbaarheid bestuur'], ['Wob']),
  bwb('BWBR0005537', ['Algemene wet bestuursrecht'], ['Awb']),
  bwb('BWBR0001840', ['Grondwet']),
  bwb('BWBR0020809', ['Pensioenwet']),
  bwb('BWBR0020368', ['Wet op het financieel toezicht', 'Wet financieel toezicht'], ['Wft']),
  bwb('BWBR0015703', ['Participatiewet']),
  bwb('BWBR0011823', ['Vreemdelingenwet 2000', 'Vreemdelingenwet']),
  bwb('BWBR0035362', ['Wet maatschappelijke ondersteuning 2015', 'Wet maatschappelijke ondersteuning'], ['Wmo 2015', 'Wmo']),
  bwb('BWBR0034925', ['Jeugdwet']),
  bwb('BWBR0018450', ['Zorgverzekeringswet'], ['Zvw']),
  bwb('BWBR0037885', ['Omgevingswet']),
  bwb('BWBR0035917', ['Wet langdurige zorg'], ['Wlz']),
  bwb('BWBR0001886', ['Auteurswet']),
  bwb('BWBR0014168', ['Mijnbouwwet']),
  bwb('BWBR0022463', ['Wet politiegegevens']),
  // Matched as a whole, so the `AVG` in `Uitvoeringswet AVG` is not the regulation itself.
  bwb('BWBR0040940', ['Uitvoeringswet Algemene verordening gegevensbescherming', 'Uitvoeringswet AVG'], ['UAVG']),
  {
    id: 'CELEX:32016R0679',
    url: 'https://eur-lex.europa.eu/eli/reg/2016/679/oj',
    name: 'Algemene verordening gegevensbescherming',
    names: ['Algemene verordening gegevensbescherming'],
    abbreviations: ['AVG'],
  },
];

/** One way to write a law, keyed by its first word. */
interface LawVariant {
  readonly law: Law;
  /** The words after the first. */
  readonly rest: readonly string[];
}

function buildLawIndex(laws: readonly Law[]): ReadonlyMap<string, readonly LawVariant[]> {
  const index = new Map<string, LawVariant[]>();
  const add = (key: string, variant: LawVariant): void => {
    const list = index.get(key) ?? [];
    list.push(variant);
    index.set(key, list);
  };
  for (const law of laws) {
    for (const name of law.names) {
      const [first, ...rest] = name.split(' ');
      add(first, { law, rest });
      add(lowerInitial(first), { law, rest });
    }
    for (const abbreviation of law.abbreviations) {
      const [first, ...rest] = abbreviation.split(' ');
      add(first, { law, rest });
    }
  }
  // The longest name first: `Archiefwet 1995` before `Archiefwet`.
  for (const list of index.values()) list.sort((a, b) => b.rest.length - a.rest.length);
  return index;
}

const LAW_INDEX = buildLawIndex(LAWS);

/** The end of `words` after `p`, each a whole word after white space, or -1. */
function matchWords(r: Reader, p: number, words: readonly string[]): number {
  for (let w = 0; w < words.length; w++) {
    const word = words[w];
    const s = r.space(p);
    if (s === p) return -1;
    const e = r.literal(s, word);
    if (e < 0) return -1;
    const endsInDigit = isDigit(word.charCodeAt(word.length - 1));
    if (endsInDigit ? isDigit(r.peek(e)) || isLetter(r.peek(e)) : !r.wordEnd(e)) return -1;
    p = e;
  }
  return p;
}

/**
 * A law named at the word [start, wordEnd). A compound with a hyphen counts
 * as a mention of the law: `Wob-rechtspraak` (case law on the Wob) and
 * `Woo-stukken` cite the Wob and the Woo, with the span on the name only.
 * `Wet openbaarheid van bestuur (Wob)` gives two citations of the same law.
 */
function parseLaw(r: Reader, start: number, wordEnd: number, variants: readonly LawVariant[]): Found | null {
  // Indexed: a first word of many law names (`Wet`) tries them all, in code that may still run unoptimised (an iterator each).
  for (let v = 0; v < variants.length; v++) {
    const { law, rest } = variants[v];
    const end = matchWords(r, wordEnd, rest);
    if (end >= 0) return { kind: 'law', start, end, id: law.id, label: law.name, url: law.url };
  }
  return null;
}

// ---------------------------------------------------------------------------
// Anchors and the scan

type Parser = (r: Reader, start: number, wordEnd: number, minStart: number) => Found | null;

/** Each word with a capital and with a small first letter. */
function eitherInitial(words: readonly string[]): string[] {
  return words.flatMap((w) => [w[0].toUpperCase() + w.slice(1), lowerInitial(w)]);
}

const WORD_ANCHORS: ReadonlyMap<string, Parser> = new Map<string, Parser>([
  // `Kamer` for the hyphenated `Kamer-stuk`.
  ...eitherInitial(['Kamerstuk', 'Kamerstukken', 'Kamer']).map((w) => [w, parseKamerstuk] as const),
  ...eitherInitial(['Aanhangsel']).map((w) => [w, parseAanhangsel] as const),
  ...eitherInitial(['Handelingen']).map((w) => [w, parseHandelingen] as const),
  ...eitherInitial(['vergaderjaar']).map((w) => [w, parseYearFirstAanhangsel] as const),
  ['ECLI', parseEcli],
  ...['Stb', ...eitherInitial(['Staatsblad'])].map((w) => [w, gazetteParser('staatsblad', 'stb', 'Stb.')] as const),
  ...['Stcrt', ...eitherInitial(['Staatscourant'])].map((w) => [w, gazetteParser('staatscourant', 'stcrt', 'Stcrt.')] as const),
  ...[...PUBLICATION_SHAPES.keys()].map((w) => [w, parsePublicationId] as const),
  ...['http', 'https', 'www'].map((w) => [w, parseUrl] as const),
]);

/** An anchor word or law name, with what a word written exactly so starts. */
interface Anchor {
  readonly word: string;
  readonly hash: number;
  readonly parser: Parser | null;
  readonly laws: readonly LawVariant[] | null;
}

/** A 32-bit hash of text[start, end), case-sensitive. */
function hashRange(text: string, start: number, end: number): number {
  let h = 0;
  for (let p = start; p < end; p++) h = (Math.imul(h, 31) + text.charCodeAt(p)) | 0;
  return h;
}

const ANCHORS: readonly Anchor[] = [...new Set([...WORD_ANCHORS.keys(), ...LAW_INDEX.keys()])].map((word) => ({
  word,
  hash: hashRange(word, 0, word.length),
  parser: WORD_ANCHORS.get(word) ?? null,
  laws: LAW_INDEX.get(word) ?? null,
}));

// Anchor words are short (registration checks the rest: an ASCII first letter, fewer than 32 letters).
for (const { word } of ANCHORS) if (word.length > MAX_ANCHOR_LENGTH) throw new Error(`bad anchor ${word}`);
// The tokenizer lists the word tokens of the anchors' shapes (see `scanRegionTokens`), and `anchorAt` passes
// over a word of another shape without reading more than its first letter.
registerCitationWords(ANCHORS.map((a) => a.word));

const ANCHOR_TABLE_MASK = 1023;

function anchorSlot(h: number): number {
  return spreadBits(h) & ANCHOR_TABLE_MASK;
}

/** Open addressing on the word hash: slot → index in ANCHORS plus one (0 = empty). */
const ANCHOR_TABLE: Uint16Array = (() => {
  const table = new Uint16Array(ANCHOR_TABLE_MASK + 1);
  ANCHORS.forEach((a, i) => {
    let slot = anchorSlot(a.hash);
    while (table[slot] !== 0) slot = (slot + 1) & ANCHOR_TABLE_MASK;
    table[slot] = i + 1;
  });
  return table;
})();

/** The anchor written exactly as the word text[start, end), or null. */
function anchorAt(text: string, start: number, end: number): Anchor | null {
  if (!hasCitationShape(text.charCodeAt(start), end - start)) return null;
  const h = hashRange(text, start, end);
  for (let slot = anchorSlot(h); ; slot = (slot + 1) & ANCHOR_TABLE_MASK) {
    const i = ANCHOR_TABLE[slot];
    if (i === 0) return null;
    const a = ANCHORS[i - 1];
    if (a.hash !== h || a.word.length !== end - start) continue;
    let k = 0;
    while (k < a.word.length && text.charCodeAt(start + k) === a.word.charCodeAt(k)) k++;
    if (k === a.word.length) return a;
  }
}

/** A citation anchored at the word [start, wordEnd) that is written as `anchor`, or null. */
function citationAtWord(r: Reader, anchor: Anchor, start: number, wordEnd: number, minStart: number): Found | null {
  if (anchor.parser) {
    r.begin(start);
    const found = anchor.parser(r, start, wordEnd, minStart);
    if (found) return found;
  }
  if (!anchor.laws) return null;
  r.begin(start);
  return parseLaw(r, start, wordEnd, anchor.laws);
}

/**
 * The first offset in (start, end) of a capital right after a small letter (glued PDF text:
 * `AanhangselHandelingen`, where a word token holds two words), or `end`.
 */
function gluedSplit(text: string, start: number, end: number): number {
  let prev = text.charCodeAt(start);
  for (let x = start + 1; x < end; x++) {
    const c = text.charCodeAt(x);
    if (c - 65 >>> 0 < 26 && prev - 97 >>> 0 < 26) return x;
    prev = c;
  }
  return end;
}

/** Where a scan of one region stands before a token: citations end at or before `p`, the last one at `minStart`. */
interface ScanState {
  p: number;
  minStart: number;
}

/**
 * Scans one region by its tokens: a citation is tried at the start of every
 * number token and of every word in a word token (split where a capital
 * follows a small letter: glued PDF text); after a match the scan goes on
 * from its end. Only the tokens the tokenizer lists as possible starts
 * (`Tokens.citeStarts`) are read, and a token a citation ended inside (from
 * that end): at any other token no attempt can succeed. `k` is the first
 * token not before the region (or the token to resume at, with `state` as the
 * scan left it); returns the first token past the region, or the token at
 * which `stop(k, state)` said the rest is known (asked only at the tokens read,
 * from token `askFrom` on).
 */
function scanRegionTokens(
  text: string, regionStart: number, regionEnd: number, tokens: Tokens, k: number, out: Found[],
  state: ScanState = { p: regionStart, minStart: regionStart }, askFrom = -1, stop: ((k: number, state: ScanState) => boolean) | null = null,
): number {
  const r = new Reader(text, regionStart, regionEnd);
  let minStart = state.minStart;
  let p = state.p;
  const n = tokens.length;
  const kinds = tokens.kind;
  const starts = tokens.start;
  const ends = tokens.end;
  const listed = tokens.citeStarts.list;
  const count = tokens.citeStarts.count;
  if (askFrom < 0) askFrom = n;
  // The next listed token to read, and a token to read before it (-1: none): one a citation ended inside.
  let next = firstAtOrAfter(listed, count, k);
  let inside = -1;
  for (;;) {
    let t: number;
    if (inside >= 0) {
      t = inside;
      inside = -1;
    } else if (next < count) {
      t = listed[next++];
    } else break;
    if (starts[t] >= regionEnd) break;
    if (t >= askFrom && stop !== null) {
      state.p = p;
      state.minStart = minStart;
      if (stop(t, state)) return t;
    }
    const tokenEnd = ends[t];
    if (tokenEnd <= p) continue;
    const kind = kinds[t];
    let q = starts[t] > p ? starts[t] : p;
    let found: Found | null = null;
    if (kind === TokenKind.Number) {
      // A zaak or document number needs four digits and a `Z` or `D` right after them.
      const letter = tokenEnd < regionEnd ? text.charCodeAt(tokenEnd) : -1;
      if (tokenEnd - q >= 4 && (letter === 90 || letter === 68)) {
        r.begin(Math.max(q, tokenEnd - 4));
        found = parseCaseNumber(r, q, tokenEnd);
      }
    } else if (kind === TokenKind.Word) {
      // A listed word read from its start whose letters after the first are all small holds one word (see `Tokens.value`).
      const oneWord = q === starts[t] && tokens.value[t] === 0;
      while (q < tokenEnd) {
        const wordEnd = oneWord ? tokenEnd : gluedSplit(text, q, tokenEnd);
        const anchor = anchorAt(text, q, wordEnd);
        found = anchor ? citationAtWord(r, anchor, q, wordEnd, minStart) : null;
        if (found && found.end > q) break;
        found = null;
        q = wordEnd;
      }
    }
    if (found && found.end > q) {
      out.push(found);
      minStart = found.end;
      p = found.end;
      if (p < tokenEnd) {
        // A citation that ends inside this token: the scan goes on from its end in the same token.
        inside = t;
      } else {
        // The tokens it covers are passed; one it ends inside is read from its end.
        let m = t + 1;
        while (m < n && ends[m] <= p) m++;
        if (m < n && starts[m] < p) inside = m;
        while (next < count && listed[next] < (inside >= 0 ? m + 1 : m)) next++;
      }
    }
  }
  state.p = p;
  state.minStart = minStart;
  return firstAtOrAfter(starts, n, regionEnd);
}

/** Runs of consecutive kept lines, as [start, end) offsets. */
function regions(lines: LineIndex, skipLine: (line: number) => boolean): [number, number][] {
  const out: [number, number][] = [];
  let first = -1;
  for (let line = 0; line <= lines.lineCount; line++) {
    const kept = line < lines.lineCount && !skipLine(line);
    if (kept && first < 0) first = line;
    if (!kept && first >= 0) {
      out.push([lines.lineStart(first), lines.lineEnd(line - 1)]);
      first = -1;
    }
  }
  return out;
}

/** The citations of a text, kept with its token stream for the next version of the text (see `TokenEdit`). */
interface CitationMemo {
  readonly serial: number;
  readonly regions: readonly (readonly [number, number])[];
  readonly citations: readonly Citation[];
}

/** How often the citations were found by reusing those of the text before, and wholly. For tests and the benchmark. */
export const citationStats = { full: 0, incremental: 0 };

/**
 * Finds the citations of official documents in `lines.text`, leaving out the
 * lines for which `skipLine` is true. Sorted by start offset; spans do not
 * overlap. A web address is one `url` citation: ids inside it (the
 * `kv-tk-2022Z09875` of a zoek.officielebekendmakingen.nl address) are not
 * reported separately. `tokens` holds the tokens of exactly the kept lines,
 * `tokenizeLines(lines, (l) => !skipLine(l))`, as the analysis makes them.
 *
 * When `tokens` was made by editing the stream of the text scanned last, only
 * the stretch around the edit is scanned again (see `rescan`); the result is
 * the same.
 */
export function findCitations(lines: LineIndex, skipLine: (line: number) => boolean, tokens: Tokens): Citation[] {
  const citations = scanCitations(lines, skipLine, tokens);
  for (const c of citations) setRange(c, lines);
  return citations;
}

/**
 * `findCitations` as the analysis runs it: the citations made since the text
 * before have their ranges unset (the analysis sets them when its list of
 * citations is first read; see `RANGE_UNSET`).
 */
export function scanCitations(lines: LineIndex, skipLine: (line: number) => boolean, tokens: Tokens): Citation[] {
  const regs = regions(lines, skipLine);
  const before = tokens.memoBefore<CitationMemo>(MemoSlot.Citations);
  let citations = before !== null ? rescan(lines, tokens, regs, before.memo.regions, before.memo.citations, before.edit) : null;
  if (citations === null) {
    citationStats.full++;
    citations = scanAll(lines, tokens, regs);
  } else citationStats.incremental++;
  const next: CitationMemo = { serial: tokens.serial, regions: regs, citations };
  tokens.memos[MemoSlot.Citations] = next;
  return citations;
}

function scanAll(lines: LineIndex, tokens: Tokens, regs: readonly (readonly [number, number])[]): Citation[] {
  const found: Found[] = [];
  // Each citation starts at or after the end of the one before (the scan
  // resumes after a match, and `Tweede Kamer,` is only taken in when free),
  // so the list comes out sorted.
  let k = 0;
  for (const [start, end] of regs) {
    while (k < tokens.length && tokens.start[k] < start) k++;
    k = scanRegionTokens(lines.text, start, end, tokens, k, found);
  }
  return found.map((f) => toCitation(lines, f));
}

function toCitation(lines: LineIndex, f: Found): Citation {
  const span = { start: f.start, end: f.end };
  // Its range is set when the analysis's citations are first read (see `RANGE_UNSET`). A law's id, name
  // and address are the table's own strings: copies of them would hold nothing less.
  const text = ownSlice(lines.text, f.start, f.end);
  if (f.kind === 'law') return { span, range: RANGE_UNSET, text, kind: f.kind, id: f.id, label: f.label, url: f.url };
  return { span, range: RANGE_UNSET, text, kind: f.kind, id: ownString(f.id), label: ownString(f.label), url: f.url === null ? null : ownString(f.url) };
}

/** How far before an edit the scan starts again: an attempt reads at most MAX_LOOKAHEAD characters past its start. */
const RESCAN_BEFORE = 2 * MAX_LOOKAHEAD + 64;
/** How far an attempt looks back (`Tweede Kamer,` before `Aanhangsel`), with room to spare. */
const LOOK_BACK = 32;

/**
 * The citations of the new text from those of the text before and the edit
 * between them: the citations well before the edit stay, the stretch from
 * there is scanned until the scan stands where the old scan stood (past the
 * edit, between citations, beyond the look-back), and the old citations
 * after that point move. Null when the regions changed beyond the edit.
 *
 * Why the kept part is right: a failed attempt reads at most MAX_LOOKAHEAD
 * characters past its start and LOOK_BACK before it, and a found citation no
 * further than its end, the white space after it and MAX_LOOKAHEAD characters
 * of the next line (`reach`); the scan restarts before any attempt that may
 * have read the changed text. Why the moved part is right: from a token past
 * the edit where both scans stand between citations at least LOOK_BACK
 * characters back, the scan depends only on the text from LOOK_BACK before
 * that token, which is the same.
 */
function rescan(
  lines: LineIndex, tokens: Tokens, regs: readonly (readonly [number, number])[],
  oldRegs: readonly (readonly [number, number])[], old: readonly Citation[], edit: TokenEdit,
): Citation[] | null {
  const text = lines.text;
  const d = edit.charDelta;
  const a = edit.start;
  if (regs.length !== oldRegs.length) return null;
  for (let i = 0; i < regs.length; i++) {
    const [os, oe] = oldRegs[i];
    const ns = os <= a ? os : os >= edit.oldEnd ? os + d : -1;
    const ne = oe < a ? oe : oe >= edit.oldEnd ? oe + d : -1;
    if (regs[i][0] !== ns || regs[i][1] !== ne) return null;
  }
  // The first region that the edit may touch.
  let ri = 0;
  while (ri < regs.length && regs[ri][1] < a) ri++;
  if (ri === regs.length) return old.slice();
  const starts = tokens.start;
  const ends = tokens.end;
  const n = tokens.length;
  const firstStartAtOrAfter = (x: number) => partitionPoint(old.length, (i) => old[i].span.start < x);
  // The restart: a token start at least RESCAN_BEFORE before the edit, before every kept citation that may read the edit.
  // The region's start in the new text and in the old (they differ when the edit is before the region, in skipped lines).
  const regionStart = regs[ri][0];
  const oldRegionStart = oldRegs[ri][0];
  let restart = a - RESCAN_BEFORE;
  let keep = 0;
  // Past the restart the offsets of both texts are the same: it lies before the edit.
  for (;;) {
    if (restart <= regionStart) {
      restart = regionStart;
      keep = firstStartAtOrAfter(oldRegionStart);
      break;
    }
    // No token runs over the restart: back to the start of the one it falls in.
    const t = tokens.at(restart);
    if (t > 0 && ends[t - 1] > restart) restart = starts[t - 1];
    keep = firstStartAtOrAfter(restart);
    if (keep === 0 || old[keep - 1].span.end < oldRegionStart || reach(text, old[keep - 1].span.end, a) < a) break;
    restart = old[keep - 1].span.start;
  }
  const out: Found[] = [];
  const last = restart > regionStart && keep > 0 && old[keep - 1].span.end >= oldRegionStart ? old[keep - 1].span.end : regionStart;
  const state: ScanState = { p: last, minStart: last };
  let k = tokens.at(restart);
  // The old citation list from which the rest is moved (-1: not yet there).
  let rest = -1;
  const stop = (t: number, s: ScanState): boolean => {
    const at = starts[t];
    if (at < edit.newEnd + LOOK_BACK || s.p > at - LOOK_BACK) return false;
    // The old scan before the same token (asked only past the changed lines: the token moved unchanged): the last citation it had found ended LOOK_BACK back too.
    const oldAt = at - d;
    const next = firstStartAtOrAfter(oldAt);
    if (next > 0 && old[next - 1].span.end > oldAt - LOOK_BACK) return false;
    rest = next;
    return true;
  };
  for (let j = ri; j < regs.length && rest < 0; j++) {
    const [start, end] = regs[j];
    if (j > ri) {
      while (k < n && starts[k] < start) k++;
      state.p = start;
      state.minStart = start;
    }
    k = scanRegionTokens(text, start, end, tokens, k, out, state, edit.newEndToken, stop);
  }
  const result: Citation[] = old.slice(0, keep);
  for (const f of out) result.push(toCitation(lines, f));
  if (rest >= 0) {
    // Where the lines after the changed ones start (none: the edit ran to the end).
    const unchanged = unchangedFrom(edit, lines);
    for (let i = rest; i < old.length; i++) result.push(moved(old[i], d, edit.lineDelta, unchanged));
  }
  return result;
}

/** A citation of the old text after the edit, in the new text: lines after the changed ones only move down or up (see `movedRangeOf`). */
function moved(c: Citation, d: number, lineDelta: number, unchanged: number): Citation {
  const span = movedSpan(c.span, d);
  return { span, range: movedRangeOf(c, span, unchanged, lineDelta), text: c.text, kind: c.kind, id: c.id, label: c.label, url: c.url };
}

/**
 * Past the last character that the scan may have read for a citation ending at
 * `end` (a web address goes on over a line break): the non-space characters
 * after it, the white space up to and over one line break, and MAX_LOOKAHEAD
 * more. Reads no further than `limit`, which it returns when it gets there.
 */
function reach(text: string, end: number, limit: number): number {
  let p = end;
  while (p < limit && !isSpace(text.charCodeAt(p))) p++;
  while (p < limit && isInlineSpace(text.charCodeAt(p))) p++;
  if (p < limit && text.charCodeAt(p) === CR) p++;
  if (p < limit && text.charCodeAt(p) === LF) p++;
  while (p < limit && isInlineSpace(text.charCodeAt(p))) p++;
  return p >= limit ? limit : Math.min(limit, p + MAX_LOOKAHEAD + 2);
}
