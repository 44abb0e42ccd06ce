// What stands at a position: the element of the analysis under the cursor.
// Shared by hover, definition, references and highlights, so that they agree
// on what the user points at. The smallest element that holds the position
// wins: `brief8` inside an external reference is the letter, `25 februari
// 2022` inside `brief van 25 februari 2022` is the date.

import type { Analysis, Block, Citation, DateMention, FootnoteMarker, HeaderField, Letter, LetterMention, Notice, Question, Reference } from '../model/types';
import { firstAfter, normalizeSpace, partitionPoint, type Position, type Span } from '../model/text';

/** The offset of a position inside the text, or null for a malformed position or one past the end of its line or of the text. */
export function offsetOf(a: Analysis, position: Position): number | null {
  if (!position || !Number.isInteger(position.line) || !Number.isInteger(position.character)) return null;
  if (position.line < 0 || position.character < 0 || position.line >= a.lines.lineCount) return null;
  if (position.character > a.lines.lineEnd(position.line) - a.lines.lineStart(position.line)) return null;
  return a.lines.offsetAt(position);
}

/** The footnote text without its leading number (`1Kamerstuk …`, `1) …`), white space collapsed. */
export function noteText(f: FootnoteMarker | null): string | null {
  if (!f || !f.note) return null;
  let s = normalizeSpace(f.note.text);
  const n = String(f.number);
  if (s.startsWith(n)) s = s.slice(n.length).replace(/^[).:]?\s*/, '');
  return s.length > 0 ? s : null;
}

export type Target =
  | { readonly kind: 'reference'; readonly span: Span; readonly reference: Reference }
  | { readonly kind: 'date'; readonly span: Span; readonly date: DateMention }
  | { readonly kind: 'letter'; readonly span: Span; readonly letter: Letter; readonly mention: LetterMention }
  | { readonly kind: 'footnote'; readonly span: Span; readonly footnote: FootnoteMarker }
  | { readonly kind: 'citation'; readonly span: Span; readonly citation: Citation }
  | { readonly kind: 'question'; readonly span: Span; readonly question: Question }
  | { readonly kind: 'answer'; readonly span: Span; readonly answer: Block; readonly questions: readonly Question[] }
  | { readonly kind: 'notice'; readonly span: Span; readonly notice: Notice }
  | { readonly kind: 'header'; readonly span: Span; readonly field: HeaderField };

function holds(span: Span, offset: number): boolean {
  return span.start <= offset && offset <= span.end && span.end > span.start;
}

/** Elements of a list sorted by start whose span holds `offset` (spans may nest or overlap a little). */
function* around<T extends { readonly span: Span }>(list: readonly T[], offset: number): Generator<T> {
  const lo = partitionPoint(list.length, (i) => list[i].span.start <= offset);
  // Walk back over the few elements that start before the offset and may still hold it; yield them in document order, so that ties resolve as a scan would.
  let first = lo;
  for (let i = lo - 1, seen = 0; i >= 0 && seen < 8; i--, seen++) if (holds(list[i].span, offset)) first = i;
  for (let i = first; i < lo; i++) if (holds(list[i].span, offset)) yield list[i];
}

/**
 * Spans of one kind, sorted by start, with the largest end so far: every span
 * that holds an offset lies before the last start ≤ offset and after the last
 * place where the running end falls below it. `order` keeps the document
 * order of the source lists, so that ties resolve as a linear scan would.
 */
interface SpanList<T> {
  readonly items: T[];
  readonly starts: number[];
  readonly spans: Span[];
  readonly maxEnd: number[];
  readonly order: number[];
}

function spanList<T>(entries: readonly { item: T; span: Span }[]): SpanList<T> {
  const n = entries.length;
  const order: number[] = new Array<number>(n);
  let inOrder = true;
  for (let i = 0; i < n; i++) {
    order[i] = i;
    if (i > 0 && entries[i].span.start < entries[i - 1].span.start) inOrder = false;
  }
  // Most lists come in document order already; otherwise a stable sort by start keeps the document order among equal starts.
  if (!inOrder) order.sort((x, y) => entries[x].span.start - entries[y].span.start || x - y);
  const items: T[] = new Array<T>(n);
  const starts: number[] = new Array<number>(n);
  const spans: Span[] = new Array<Span>(n);
  const maxEnd: number[] = new Array<number>(n);
  let m = -1;
  for (let k = 0; k < n; k++) {
    const e = entries[order[k]];
    items[k] = e.item;
    starts[k] = e.span.start;
    spans[k] = e.span;
    m = Math.max(m, e.span.end);
    maxEnd[k] = m;
  }
  return { items, starts, spans, maxEnd, order };
}

/** The elements of `list` whose span holds `offset`, in document (source) order. */
function holding<T>(list: SpanList<T>, offset: number): T[] {
  const lo = partitionPoint(list.starts.length, (i) => list.starts[i] <= offset);
  const hits: number[] = [];
  for (let i = lo - 1; i >= 0 && list.maxEnd[i] >= offset; i--) if (holds(list.spans[i], offset)) hits.push(i);
  if (hits.length > 1) hits.sort((x, y) => list.order[x] - list.order[y]);
  return hits.map((i) => list.items[i]);
}

interface Lookup {
  readonly letters: SpanList<{ letter: Letter; mention: LetterMention }>;
  readonly questions: SpanList<Question>;
  readonly answers: SpanList<Block>;
  readonly notices: SpanList<Notice>;
  readonly headers: SpanList<HeaderField>;
  /** The questions answered by each answer block, in order. */
  readonly answered: Map<Block, Question[]>;
  /** The first question that carries each number. */
  readonly byNumber: Map<number, Question>;
  /** Internal references by target, in document order, with their index in `a.references`. */
  readonly byTarget: Map<number, number[]>;
}

const lookups = new WeakMap<Analysis, Lookup>();

/** Sorted lists for the lookups by position and number; built once per analysis. */
function lookup(a: Analysis): Lookup {
  let l = lookups.get(a);
  if (l) return l;
  const answered = new Map<Block, Question[]>();
  const byNumber = new Map<number, Question>();
  for (const q of a.questions) {
    if (q.answer) {
      const list = answered.get(q.answer);
      if (list) list.push(q);
      else answered.set(q.answer, [q]);
    }
    for (const n of q.numbers) if (!byNumber.has(n)) byNumber.set(n, q);
  }
  const byTarget = new Map<number, number[]>();
  a.references.forEach((r, i) => {
    if (r.scope !== 'internal' || r.target === null) return;
    const list = byTarget.get(r.target);
    if (list) list.push(i);
    else byTarget.set(r.target, [i]);
  });
  const headed = <T extends { readonly heading: { readonly span: Span } | null }>(list: readonly T[]) =>
    spanList(list.flatMap((item) => (item.heading ? [{ item, span: item.heading.span }] : [])));
  l = {
    letters: spanList(a.letters.flatMap((letter) => letter.mentions.map((mention) => ({ item: { letter, mention }, span: mention.span })))),
    questions: headed(a.questions),
    answers: headed(a.answers),
    notices: headed(a.notices),
    headers: spanList(a.headerFields.map((f) => ({ item: f, span: f.span }))),
    answered,
    byNumber,
    byTarget,
  };
  lookups.set(a, l);
  return l;
}

export function elementAt(a: Analysis, offset: number): Target | null {
  const l = lookup(a);
  const found: Target[] = [];
  for (const f of around(a.footnotes, offset)) found.push({ kind: 'footnote', span: f.span, footnote: f });
  for (const d of around(a.dates, offset)) found.push({ kind: 'date', span: d.span, date: d });
  for (const r of around(a.references, offset)) found.push({ kind: 'reference', span: r.span, reference: r });
  for (const c of around(a.citations, offset)) found.push({ kind: 'citation', span: c.span, citation: c });
  for (const { letter, mention: m } of holding(l.letters, offset)) found.push({ kind: 'letter', span: m.span, letter, mention: m });
  for (const q of holding(l.questions, offset)) found.push({ kind: 'question', span: q.heading!.span, question: q });
  for (const b of holding(l.answers, offset)) found.push({ kind: 'answer', span: b.heading!.span, answer: b, questions: l.answered.get(b) ?? [] });
  for (const n of holding(l.notices, offset)) found.push({ kind: 'notice', span: n.heading!.span, notice: n });
  for (const f of holding(l.headers, offset)) found.push({ kind: 'header', span: f.span, field: f });
  let best: Target | null = null;
  for (const t of found) {
    if (!best || t.span.end - t.span.start < best.span.end - best.span.start) best = t;
  }
  return best;
}

/** The question whose number is `n`, or null. */
export function questionByNumber(a: Analysis, n: number): Question | null {
  return lookup(a).byNumber.get(n) ?? null;
}

/** Internal references that point at any of `numbers`. */
export function referencesTo(a: Analysis, numbers: readonly number[]): Reference[] {
  const byTarget = lookup(a).byTarget;
  const at = [...new Set(numbers)].flatMap((n) => byTarget.get(n) ?? []);
  if (numbers.length > 1) at.sort((x, y) => x - y);
  return at.map((i) => a.references[i]);
}

const ABBREVIATIONS = new Set(['nr', 'nrs', 'art', 'jl', 'bijv', 'resp', 'o.a', 'd.d', 'a.s', 'blz', 'p', 'mr', 'dhr', 'mw', 'drs', 'dr', 'ir', 'prof', 'min', 'ca', 'e.d', 'e.a', 'm.b.t', 't.a.v', 'i.v.m', 'z.s.m', 'vgl', 'zgn', 'etc']);

/**
 * The first sentence of a text, for hovers: up to the first `.`, `?` or `!`
 * followed by a space and a capital, not after an abbreviation (`nr.`, `jl.`),
 * at most `max` characters.
 */
export function firstSentence(text: string, max = 240): string {
  // Only the start of the text can hold the sentence: flatten no more than that.
  const flat = normalizeSpace(text.slice(0, max * 2 + 2));
  let end = flat.length;
  for (let i = 0; i < flat.length - 2 && i < max; i++) {
    // Read by code: only a `.`, `?` or `!` before a space is looked at further.
    const c = flat.charCodeAt(i);
    if ((c !== 46 /* . */ && c !== 63 /* ? */ && c !== 33 /* ! */) || flat.charCodeAt(i + 1) !== 32) continue;
    const next = flat[i + 2];
    if (next === next.toLowerCase() && next !== '«' && next !== '‘') continue;
    if (c === 46) {
      const wordStart = flat.lastIndexOf(' ', i - 1) + 1;
      const word = flat.slice(wordStart, i).toLowerCase();
      if (ABBREVIATIONS.has(word) || word.length === 1) continue;
    }
    end = i + 1;
    break;
  }
  const s = flat.slice(0, Math.min(end, max));
  return s.length < flat.length && end > max ? `${s}…` : s;
}

/**
 * The whole block of a question: its heading and text, and its answer when the
 * answer follows it directly (no other question in between, and the answer is
 * this heading's own). Outline, folding and selection agree on it.
 */
export function questionBlock(a: Analysis, q: Question): Span {
  const ans = q.answer;
  if (!ans || ans.numbers[0] !== q.numbers[0] || ans.span.start < q.question.span.end) return q.span;
  // Is there a question heading between this question and its answer? A binary search over the sorted starts.
  const starts = questionStarts(a);
  const lo = firstAfter(starts, starts.length, q.span.start);
  if (lo < starts.length && starts[lo] < ans.span.start) return q.span;
  return { start: q.span.start, end: Math.max(q.span.end, ans.span.end) };
}

const startsCache = new WeakMap<Analysis, Int32Array>();

/** The start offsets of all questions, sorted; computed once per analysis. */
function questionStarts(a: Analysis): Int32Array {
  let starts = startsCache.get(a);
  if (!starts) {
    // A typed array sorts by value; searched without a callback (the outline asks once per question).
    starts = Int32Array.from(a.questions, (q) => q.span.start).sort();
    startsCache.set(a, starts);
  }
  return starts;
}
