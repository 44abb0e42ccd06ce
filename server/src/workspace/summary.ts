// What the workspace index keeps of one file: a compact summary of its
// analysis (identity, dates, people, the places other files may point at, and
// the places where it points at other files). The full analysis is dropped
// after summarising, so that thousands of files fit in memory.

import { isAscii, normalizeSpace, ownString, SLICE_MIN } from '../model/text';
import type { Range } from '../model/text';
import type { Analysis, IsoDate, Letter, LetterMention, Metadata, Person, Reference } from '../model/types';
import { fold, ministriesOfRoles } from './ministries';
import type { OriginalKind } from '../originals/types';
import { originalKindOfName } from '../originals/uri';
import type { DocumentKind, SetFacts } from './sets';

/** A place in this file that may point at another set. */
export interface CitationSite {
  /** `zaak`, `publication` or `aanhangsel`, with the normalised id: `2022Z09875`, `ah-tk-20242025-337`. */
  readonly kind: 'zaak' | 'publication' | 'aanhangsel';
  readonly id: string;
  readonly range: Range;
}

/** An external answer reference, or a dated letter: resolved against other sets by date, submitter and title. */
export interface ExternalSite {
  readonly kind: 'reference' | 'letter';
  /** The answer number referred to (references only). */
  readonly number: number | null;
  /** The date of the letter the text names, if any. */
  readonly date: IsoDate | null;
  /** Folded words around the site: what it says about the other set (`van het lid van der plas over signal`). */
  readonly words: string;
  readonly range: Range;
}

/** Where a question number of this file leads: its answer (heading, or text), else the question. */
export interface AnswerTarget {
  readonly numbers: readonly number[];
  readonly range: Range;
  readonly selection: Range;
  readonly answered: boolean;
}

/** What the index keeps of a file: what it says of its set (`publicationIds` are its own and, on an openkamer page, the answer's), and what the cross-file features need. */
export interface FileSummary extends SetFacts, Pick<Metadata, 'noticeDate' | 'topics'> {
  readonly uri: string;
  readonly kind: DocumentKind;
  /** Set when the file is an original (a PDF, a Word document) whose converted text was analysed. */
  readonly original?: OriginalKind;
  /** The zaak number the set is known by: the document's own, or the one a delay notice without its own names. */
  readonly setZaak: string | null;
  /** The publications this file is (`ah-tk-20242025-584` for an official answer). */
  readonly ownPublicationIds: readonly string[];
  readonly noticeGiven: boolean;
  /** Folded last words of the submitters' names, for matching (`plas`, `hil`). */
  readonly surnames: readonly string[];
  readonly answeredBy: readonly string[];
  /** Folded words of the title of five letters or more, for matching. */
  readonly titleWords: readonly string[];
  /** The header: the zaak number, else the title, else the first line. */
  readonly headerRange: Range;
  /** Where each question number leads, packed (see `findTarget`): a few hundred bytes instead of a dozen objects per question. */
  readonly targets: Int32Array;
  readonly citations: readonly CitationSite[];
  readonly external: readonly ExternalSite[];
  /** Text length in UTF-16 code units. */
  readonly size: number;
}

const STOP = new Set(['tijdens', 'tussen', 'onder', 'over', 'naar', 'zijn', 'haar', 'deze', 'welke', 'bericht', 'artikel', 'vragen', 'antwoord', 'antwoorden', 'omtrent', 'inzake', 'alsmede', 'waarin', 'zoals', 'worden', 'wordt', 'door', 'bij', 'het', 'van', 'voor', 'met', 'een', 'de']);

export function titleWordsOf(title: string | null): string[] {
  if (!title) return [];
  const out: string[] = [];
  for (const w of fold(title).split(' ')) if (w.length >= 5 && !STOP.has(w) && !out.includes(w)) out.push(w);
  return out;
}

export function surnameOf(name: string): string | null {
  const words = fold(name).split(' ').filter((w) => w.length > 1);
  return words.length > 0 ? words[words.length - 1] : null;
}

function personLabel(p: Person): string {
  return p.party ? `${p.name} (${p.party})` : p.name;
}

/** `2024–2025` → `20242025`. */
function sessionDigits(vergaderjaar: string | null): string | null {
  const d = vergaderjaar?.replace(/\D/g, '') ?? '';
  return d.length === 8 ? d : null;
}

/** The document kind: the openkamer page; official text with answers; a delay notice; the questions alone. */
export function kindOf(a: Analysis): DocumentKind {
  if (a.layout === 'openkamer') return 'openkamer';
  if (a.answers.length > 0 || a.metadata.answered !== null) return 'answer';
  if (a.notices.length > 0 || a.metadata.noticeDate !== null) return 'notice';
  return 'questions';
}

/** How far around a letter mention its words are read. */
const CONTEXT_BEFORE = 120;
const CONTEXT_AFTER = 240;

/** How many of a letter's dated mentions lend it their words: the first ones describe it; a document citing it 500 times adds no more. */
const LETTER_MENTIONS_READ = 12;

/** An external answer reference as a site: the words around what it cites. */
export function referenceSite(a: Analysis, r: Reference): ExternalSite | null {
  if (r.scope !== 'external' || !r.cites) return null;
  const around = a.text.slice(Math.max(0, r.cites.span.start - 40), r.cites.span.end + 40);
  // `het antwoord op vraag 3 in de brief van 25 februari 2022`: what the document says elsewhere about that letter counts too.
  const date = r.cites.letterDate;
  const letter = date ? a.letters.find((l) => l.date === date && l.notice === null) : undefined;
  const words = letter ? mergeWords(uniqueWords(around), letterWords(a, letter)) : uniqueWords(around);
  return { kind: 'reference', number: r.number, date, words, range: r.range };
}

/** The words of a letter, once per letter (letters are immutable, like the analysis that holds them). */
const wordsOfLetter = new WeakMap<Letter, string>();

/** The folded words around the letter's first dated mentions, each once. */
function letterWords(a: Analysis, letter: Letter): string {
  let words = wordsOfLetter.get(letter);
  if (words === undefined) {
    const parts: string[] = [];
    for (const m of letter.mentions) {
      if (m.date === null) continue;
      parts.push(a.text.slice(Math.max(0, m.span.start - CONTEXT_BEFORE), m.span.end + CONTEXT_AFTER));
      if (parts.length === LETTER_MENTIONS_READ) break;
    }
    words = uniqueWords(parts.join(' '));
    wordsOfLetter.set(letter, words);
  }
  return words;
}

/** The folded words of a text, each once, in order. */
function uniqueWords(text: string): string {
  return [...new Set(fold(text).split(' '))].join(' ');
}

/** Two lists of unique folded words as one, in order: no folding again. */
function mergeWords(first: string, second: string): string {
  const seen = new Set(first.split(' '));
  const out = [first];
  for (const w of second.split(' ')) {
    if (!seen.has(w)) {
      seen.add(w);
      out.push(w);
    }
  }
  return out.join(' ');
}

/** A dated letter mention as a site: the words around the letter's first dated mentions (`mijn brief van … in antwoord op vragen van het lid …`). */
export function letterSite(a: Analysis, mention: LetterMention, letter: Letter): ExternalSite {
  return { kind: 'letter', number: null, date: mention.date ?? letter.date, words: letterWords(a, letter), range: mention.range };
}

/** `ah-tk-20242025-605` for a file named `ah-tk-20242025-605.txt`, `kv-tk-2024Z18792` for `kv-tk-2024Z18792.txt`; null for other names. */
export function publicationIdOfName(name: string): string | null {
  let plain = name;
  try {
    plain = decodeURIComponent(name);
  } catch {
    // A malformed escape: read the name as it is.
  }
  const m = /^(ah-tk-\d{8}-\d{1,5}|kv-tk-\d{4}Z\d{5})(?:\.[a-z]{1,10}){0,2}$/.exec(plain);
  return m ? m[1] : null;
}

export function summarize(uri: string, a: Analysis): FileSummary {
  const m = a.metadata;
  const kind = kindOf(a);
  const own: string[] = [];
  const session = sessionDigits(m.vergaderjaar);
  if (m.aanhangselNumber !== null && session) own.push(`ah-tk-${session}-${m.aanhangselNumber}`);
  if (kind === 'questions' && m.zaak) own.push(`kv-tk-${m.zaak}`);
  const listed = [...own];
  for (const p of m.publications) {
    if (!p.id) continue;
    if (!listed.includes(p.id)) listed.push(p.id);
    // An official answer names its own publication; an openkamer page lists the question's and the answer's.
    if (kind !== 'openkamer' && !own.includes(p.id) && p.id.startsWith(kind === 'questions' ? 'kv-' : 'ah-')) own.push(p.id);
  }
  // A Word conversion may print neither its session nor its number (`AH 605` alone): the official file name says which publication it is.
  const name = uri.slice(uri.lastIndexOf('/') + 1);
  const named = publicationIdOfName(name);
  const ownPrefix = kind === 'questions' ? 'kv-' : kind === 'openkamer' ? null : 'ah-';
  if (named && ownPrefix && named.startsWith(ownPrefix) && !own.some((id) => id.startsWith(ownPrefix)) && !listed.includes(named)) {
    own.push(named);
    listed.push(named);
  }
  // A delay notice without its own zaak number names it in the notice (`… (2024Z16988) kunnen … niet … worden beantwoord`).
  let setZaak = m.zaak;
  if (!setZaak) {
    const inNotices = new Set<string>();
    for (const c of a.citations) {
      if (c.kind === 'zaak' && a.notices.some((n) => c.span.start >= n.span.start && c.span.end <= n.span.end)) inNotices.add(c.id);
    }
    if (inNotices.size === 1) setZaak = [...inNotices][0];
  }
  const selfIds = new Set<string>([...listed, ...(setZaak ? [setZaak] : [])]);
  const citations: CitationSite[] = [];
  for (const c of a.citations) {
    if (c.kind !== 'zaak' && c.kind !== 'publication' && c.kind !== 'aanhangsel') continue;
    if (selfIds.has(c.id)) continue;
    citations.push({ kind: c.kind, id: c.id, range: c.range });
  }
  const external: ExternalSite[] = [];
  for (const r of a.references) {
    const site = referenceSite(a, r);
    if (site) external.push(site);
  }
  for (const l of a.letters) {
    if (l.notice !== null) continue;
    for (const mention of l.mentions) {
      if (mention.date !== null) external.push(letterSite(a, mention, l));
    }
  }
  const targets = packTargets(a.questions.map((q) => {
    if (q.answer) {
      const sel = q.answer.heading ?? q.answer.body;
      return { numbers: q.numbers, range: q.answer.range, selection: sel.range, answered: true };
    }
    return { numbers: q.numbers, range: q.range, selection: (q.heading ?? q.question).range, answered: false };
  }));
  const headerSpan = m.zaakSpan ?? m.titleSpan ?? { start: 0, end: a.lines.lineEnd(0) };
  const ownId = own[0] ?? listed[0] ?? null;
  const surnames: string[] = [];
  for (const p of m.submitters) {
    const s = surnameOf(p.name);
    if (s && !surnames.includes(s)) surnames.push(s);
  }
  const original = originalKindOfName(uri);
  const summary = detach({
    uri,
    kind,
    ...(original ? { original } : {}),
    label: setZaak ? `Kamervraag ${setZaak}` : ownId ?? m.title ?? name,
    zaak: m.zaak,
    setZaak,
    title: m.title ? normalizeSpace(m.title) : null,
    ownPublicationIds: own,
    publicationIds: listed,
    aanhangselNumber: m.aanhangselNumber,
    vergaderjaar: m.vergaderjaar,
    submitted: m.submitted,
    answered: m.answered,
    noticeDate: m.noticeDate,
    noticeGiven: a.notices.length > 0 || m.noticeDate !== null,
    submitters: m.submitters.map(personLabel),
    surnames,
    addressees: m.addressees.map((p) => normalizeSpace(p.role ?? p.name)),
    answeredBy: m.answeredBy.map((p) => (p.role ? `${p.name} (${normalizeSpace(p.role)})` : p.name)),
    ministries: ministriesOfRoles([...m.addressees.map((p) => p.role ?? p.name), ...m.answeredBy.map((p) => p.role)]),
    topics: m.topics,
    titleWords: titleWordsOf(m.title),
    questions: a.questions.length,
    headerRange: a.lines.rangeOf(headerSpan),
    targets: null,
    citations,
    external,
    size: a.text.length,
  });
  return { ...summary, targets };
}

/** Per target: the count of numbers, the numbers, answered (1/0), then range and selection as line, character × 4. */
function packTargets(list: readonly AnswerTarget[]): Int32Array {
  const out: number[] = [];
  for (const t of list) {
    out.push(t.numbers.length, ...t.numbers, t.answered ? 1 : 0);
    for (const r of [t.range, t.selection]) out.push(r.start.line, r.start.character, r.end.line, r.end.character);
  }
  return Int32Array.from(out);
}

/** The range packed at `k` as start line, character, end line, character. */
function rangeAt(p: Int32Array, k: number): Range {
  return { start: { line: p[k], character: p[k + 1] }, end: { line: p[k + 2], character: p[k + 3] } };
}

/** The target of question number `n` in a file, or null. */
export function findTarget(f: Pick<FileSummary, 'targets'>, n: number): AnswerTarget | null {
  const p = f.targets;
  for (let i = 0; i < p.length; ) {
    const count = p[i];
    const numbers = Array.from(p.subarray(i + 1, i + 1 + count));
    const at = i + 1 + count;
    if (numbers.includes(n)) return { numbers, answered: p[at] === 1, range: rangeAt(p, at + 1), selection: rangeAt(p, at + 5) };
    i = at + 9;
  }
  return null;
}

/**
 * A summary as it crosses to another thread or process. A long document
 * mentions its letters hundreds of times, and each mention's site carries the
 * letter's words: one string shared here, but cloned once per site (the sample
 * ×1000: 15 MB to send, 19 MB received, for a summary of 6 MB). Packed, each
 * word list crosses once and the sites cross as numbers.
 */
export interface PackedSummary {
  /** The summary without its external sites. */
  readonly summary: FileSummary;
  /** The distinct word lists of the sites, and their distinct dates. */
  readonly words: readonly string[];
  readonly dates: readonly string[];
  /** Per site, SITE_INTS numbers: kind (0 reference, 1 letter), number (-1: none), date (in `dates`, -1: none), words (in `words`), range (start line, character, end line, character). */
  readonly sites: Int32Array;
}

const SITE_INTS = 8;

export function packSummary(s: FileSummary): PackedSummary {
  const words: string[] = [];
  const dates: string[] = [];
  const wordIndex = new Map<string, number>();
  const dateIndex = new Map<string, number>();
  const indexOf = (v: string, list: string[], index: Map<string, number>) => {
    let i = index.get(v);
    if (i === undefined) {
      i = list.length;
      list.push(v);
      index.set(v, i);
    }
    return i;
  };
  const sites = new Int32Array(s.external.length * SITE_INTS);
  let k = 0;
  for (const e of s.external) {
    sites[k] = e.kind === 'reference' ? 0 : 1;
    sites[k + 1] = e.number ?? -1;
    sites[k + 2] = e.date === null ? -1 : indexOf(e.date, dates, dateIndex);
    sites[k + 3] = indexOf(e.words, words, wordIndex);
    sites[k + 4] = e.range.start.line;
    sites[k + 5] = e.range.start.character;
    sites[k + 6] = e.range.end.line;
    sites[k + 7] = e.range.end.character;
    k += SITE_INTS;
  }
  return { summary: { ...s, external: [] }, words, dates, sites };
}

export function unpackSummary(p: PackedSummary): FileSummary {
  const external: ExternalSite[] = [];
  const sites = p.sites;
  for (let k = 0; k + SITE_INTS <= sites.length; k += SITE_INTS) {
    external.push({
      kind: sites[k] === 0 ? 'reference' : 'letter',
      number: sites[k + 1] < 0 ? null : sites[k + 1],
      date: sites[k + 2] < 0 ? null : p.dates[sites[k + 2]],
      words: p.words[sites[k + 3]],
      range: rangeAt(sites, k + 4),
    });
  }
  return { ...p.summary, external };
}

/**
 * A deep copy with fresh strings. Strings cut from the document (names, ids,
 * titles) may share the memory of the whole text in the JavaScript engine; a
 * summary that kept one would keep the text alive, and thousands of them
 * would keep the workspace in memory. Walks the summary once; a JSON round
 * trip did the same at three times the cost of the summary itself.
 *
 * Equal strings share one copy: the mentions of one letter carry the same
 * words, and a long document mentions its letters hundreds of times (the
 * sample ×1000 has 18,000 sites with 4,000 distinct word lists). An ASCII
 * string is copied through UTF-8, which gives the engine's one-byte form:
 * words folded from a text that holds one character beyond Latin-1 (a `’`)
 * come in its two-byte form, twice their size.
 */
function detach<T>(value: T): T {
  return copyOf(value, new Map()) as T;
}

function copyOf(value: unknown, copies: Map<string, string>): unknown {
  if (typeof value === 'string') {
    if (value.length < SLICE_MIN) return value;
    let copy = copies.get(value);
    if (copy === undefined) {
      copy = freshString(value);
      copies.set(copy, copy);
    }
    return copy;
  }
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    const out = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) out[i] = copyOf(value[i], copies);
    return out;
  }
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const v = (value as Record<string, unknown>)[key];
    if (v !== undefined) out[key] = copyOf(v, copies);
  }
  return out;
}

const utf8Encoder = new TextEncoder();
const utf8Decoder = new TextDecoder();

/** From this length an ASCII string is copied through UTF-8 (the word lists, hundreds of characters); shorter ones (ids, names) cost more to copy so than they save. */
const ONE_BYTE_MIN = 64;

/** A string that owns its characters (a copy, never a slice of another string); one byte a character when it is long and ASCII. */
function freshString(s: string): string {
  // UTF-8 is lossless for ASCII (a lone surrogate elsewhere would not survive it).
  return s.length >= ONE_BYTE_MIN && isAscii(s) ? utf8Decoder.decode(utf8Encoder.encode(s)) : ownString(s);
}
