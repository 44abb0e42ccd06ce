// What stands at a position: the element of the analysis under the cursor.
// Shared by hover, definition, references and highlights, so that they agree
// on what the user points at. The smallest element that holds the position
// wins: `brief8` inside an external reference is the letter, `25 februari
// 2022` inside `brief van 25 februari 2022` is the date.

import type {
  Analysis,
  Block,
  Citation,
  DateMention,
  FootnoteMarker,
  HeaderField,
  Letter,
  LetterMention,
  Notice,
  Question,
  Reference,
} from '../model/types';
import { normalizeSpace, type Span } from '../model/text';

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
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].span.start <= offset) lo = mid + 1;
    else hi = mid;
  }
  // Walk back over the few elements that start before the offset and may still hold it.
  for (let i = lo - 1, seen = 0; i >= 0 && seen < 8; i--, seen++) {
    if (holds(list[i].span, offset)) yield list[i];
  }
}

export function elementAt(a: Analysis, offset: number): Target | null {
  const found: Target[] = [];
  for (const f of around(a.footnotes, offset)) found.push({ kind: 'footnote', span: f.span, footnote: f });
  for (const d of around(a.dates, offset)) found.push({ kind: 'date', span: d.span, date: d });
  for (const r of around(a.references, offset)) found.push({ kind: 'reference', span: r.span, reference: r });
  for (const c of around(a.citations, offset)) found.push({ kind: 'citation', span: c.span, citation: c });
  for (const letter of a.letters) {
    for (const m of letter.mentions) if (holds(m.span, offset)) found.push({ kind: 'letter', span: m.span, letter, mention: m });
  }
  for (const q of a.questions) {
    if (q.heading && holds(q.heading.span, offset)) found.push({ kind: 'question', span: q.heading.span, question: q });
  }
  for (const b of a.answers) {
    if (b.heading && holds(b.heading.span, offset)) {
      found.push({ kind: 'answer', span: b.heading.span, answer: b, questions: a.questions.filter((q) => q.answer === b) });
    }
  }
  for (const n of a.notices) if (n.heading && holds(n.heading.span, offset)) found.push({ kind: 'notice', span: n.heading.span, notice: n });
  for (const f of a.headerFields) if (holds(f.span, offset)) found.push({ kind: 'header', span: f.span, field: f });
  let best: Target | null = null;
  for (const t of found) {
    if (!best || t.span.end - t.span.start < best.span.end - best.span.start) best = t;
  }
  return best;
}

/** The question whose number is `n`, or null. */
export function questionByNumber(a: Analysis, n: number): Question | null {
  return a.questions.find((q) => q.numbers.includes(n)) ?? null;
}

/** Internal references that point at any of `numbers`. */
export function referencesTo(a: Analysis, numbers: readonly number[]): Reference[] {
  return a.references.filter((r) => r.scope === 'internal' && r.target !== null && numbers.includes(r.target));
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
    const c = flat[i];
    if ((c !== '.' && c !== '?' && c !== '!') || flat[i + 1] !== ' ') continue;
    const next = flat[i + 2];
    if (next === next.toLowerCase() && next !== '«' && next !== '‘') continue;
    if (c === '.') {
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
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid] <= q.span.start) lo = mid + 1;
    else hi = mid;
  }
  if (lo < starts.length && starts[lo] < ans.span.start) return q.span;
  return { start: q.span.start, end: Math.max(q.span.end, ans.span.end) };
}

const startsCache = new WeakMap<Analysis, number[]>();

/** The start offsets of all questions, sorted; computed once per analysis. */
function questionStarts(a: Analysis): number[] {
  let starts = startsCache.get(a);
  if (!starts) {
    starts = a.questions.map((q) => q.span.start).sort((x, y) => x - y);
    startsCache.set(a, starts);
  }
  return starts;
}
