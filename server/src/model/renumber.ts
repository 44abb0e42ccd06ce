// Where this set writes its question numbers, and the renumbering of the set
// 1…N in document order after a question was inserted, deleted or moved: the
// question headings, the answer headings and every internal reference, as one
// list of edits. The same for footnote markers and their texts. Rename (F2)
// and the renumber actions share `numberSites`: one definition of where a
// question number is written. Pure and linear.

import { isDigit, type Span } from './text';
import type { Analysis, Block, Question, Reference } from './types';

/** Where a question number is written: its digits and the number (`3` in `2 t/m 4` is not written, so it has none). */
export interface NumberSite {
  readonly span: Span;
  readonly number: number;
}

/** One replacement in the current text. */
export interface SpanEdit {
  readonly span: Span;
  readonly newText: string;
}

/** What the numbering of the questions reads: an Analysis, or the parts of one under construction. */
export type NumberingInput = Pick<Analysis, 'text' | 'questions' | 'answers' | 'references'>;

/** The digit runs of `span` (at most six digits), with their values. Linear. */
export function digitRuns(text: string, span: Span): NumberSite[] {
  const out: NumberSite[] = [];
  for (let i = span.start; i < span.end; ) {
    if (!isDigit(text.charCodeAt(i))) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < span.end && isDigit(text.charCodeAt(j))) j++;
    if (j - i <= 6) out.push({ span: { start: i, end: j }, number: Number(text.slice(i, j)) });
    i = j;
  }
  return out;
}

/** The numbers a heading writes (`Vraag 2 en 3`: both; `Vraag 2 t/m 4`: the ends), in the order written. */
export function headingSites(text: string, heading: { readonly span: Span } | null, numbers: readonly number[]): NumberSite[] {
  if (!heading || numbers.length === 0) return [];
  return digitRuns(text, heading.span).filter((run) => numbers.includes(run.number));
}

/** Where an internal reference writes its target: the last run of its digits with that value (`Zie antwoord vraag 12`). */
export function referenceSite(text: string, r: Reference): NumberSite | null {
  if (r.scope !== 'internal' || r.target === null) return null;
  const runs = digitRuns(text, r.span).filter((x) => x.number === r.target);
  return runs.length > 0 ? runs[runs.length - 1] : null;
}

/** Every place this document writes a number of one of its own questions: headings, answer headings, internal references; in document order. */
export function numberSites(a: NumberingInput): NumberSite[] {
  const out: NumberSite[] = [];
  const seen = new Set<number>();
  const add = (s: NumberSite | null) => {
    if (!s || seen.has(s.span.start)) return;
    seen.add(s.span.start);
    out.push(s);
  };
  for (const q of a.questions) for (const s of headingSites(a.text, q.heading, q.numbers)) add(s);
  for (const b of a.answers) for (const s of headingSites(a.text, b.heading, b.numbers)) add(s);
  for (const r of a.references) add(referenceSite(a.text, r));
  return out.sort((x, y) => x.span.start - y.span.start);
}

// ── Questions ─────────────────────────────────────────────────────────────

export type NumberingProblem = 'gap' | 'duplicate' | 'order';

export interface QuestionNumbering {
  /** What is wrong at the first question out of line. */
  readonly problem: NumberingProblem;
  /** The first question out of line, in document order: where the diagnostic stands. */
  readonly question: Question;
  /** The number out of line there: the duplicate, the one too early, or the one after the gap. */
  readonly found: number;
  /** The missing number (gap), the number the duplicate becomes (duplicate), or the number that comes too late (order). */
  readonly expected: number;
  /** For a duplicate the earlier question with the number; for a wrong order the question that comes too late. */
  readonly other: Question | null;
  /** Each question in document order with its numbers before and after. */
  readonly mapping: readonly { readonly question: Question; readonly from: readonly number[]; readonly to: readonly number[] }[];
  /** The edits, in document order, not overlapping, relative to the current text. */
  readonly edits: readonly SpanEdit[];
}

/** One number of a question heading. */
interface Entry {
  readonly number: number;
  /** Where its question starts. */
  readonly at: number;
  readonly question: Question;
  /** Its place in the question's numbers. */
  readonly index: number;
}

/**
 * Null when the numbers of the questions are 1…N, each once, and the
 * headings follow each other in order of their first numbers; otherwise what
 * is wrong and the edits that number the set 1…N.
 *
 * An answer document may group questions out of order (`Vraag 1 en 4`, then
 * `Vraag 2`; `Vraag 4, 5, 7 en 8`, then `Vraag 6`): only the first number of
 * each heading has to come in order, so that is no problem; nor are questions
 * printed ahead of their turn beside the group that answers them (`Vraag 9`
 * and `Vraag 10` after `Vraag 5`, answered with 3, 4 and 5). A gap or a
 * duplicate is then closed by rank (each number keeps its place among the
 * others, a duplicate after the earlier one), which keeps such groups; a
 * question moved out of order (a heading's first number after a larger one)
 * is numbered in document order, each number of a heading in turn. A number
 * whose question heading is lost but whose answer heading stands
 * (`Antwoord 2`) is no gap, and an answer with a number no question has keeps
 * it. Only a document with question headings is
 * renumbered: an answer-only layout has nothing to number by.
 */
export function questionNumbering(a: NumberingInput): QuestionNumbering | null {
  // Whether there is a problem depends on the numbers alone: while they stay those of a set found in
  // order, as after most keystrokes, the answer is null again without the maps below.
  const shape = numberShape(a);
  if (inOrderShape !== null && sameShape(shape, inOrderShape)) return null;
  const result = findNumbering(a);
  inOrderShape = result === null ? shape : null;
  return result;
}

/** The numbers of the last set found in order (see `numberShape`), or null. */
let inOrderShape: Int32Array | null = null;

/**
 * What decides whether the numbering has a problem, as one list: whether a
 * question has a heading; per question in text order its count of numbers and
 * the numbers; a separator; per answer block the same.
 */
function numberShape(a: NumberingInput): Int32Array {
  // Indexed loops: run once per analysis over thousands of blocks, a loop of `for…of` made an iterator per list.
  const { questions, answers } = a;
  let size = 2;
  for (let i = 0; i < questions.length; i++) size += 1 + questions[i].numbers.length;
  for (let i = 0; i < answers.length; i++) size += 1 + answers[i].numbers.length;
  const out = new Int32Array(size);
  let k = 1;
  let headed = 0;
  let ordered = true;
  for (let i = 0; i < questions.length; i++) {
    const q = questions[i];
    if (q.heading !== null) headed = 1;
    if (i > 0 && q.span.start < questions[i - 1].span.start) ordered = false;
    const numbers = q.numbers;
    out[k++] = numbers.length;
    for (let j = 0; j < numbers.length; j++) out[k++] = numbers[j];
  }
  // Questions out of text order (not as the analysis gives them) never take the short way.
  out[0] = ordered ? headed : -2;
  out[k++] = -1;
  for (let i = 0; i < answers.length; i++) {
    const numbers = answers[i].numbers;
    out[k++] = numbers.length;
    for (let j = 0; j < numbers.length; j++) out[k++] = numbers[j];
  }
  return out;
}

function sameShape(a: Int32Array, b: Int32Array): boolean {
  if (a.length !== b.length || a[0] === -2) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function findNumbering(a: NumberingInput): QuestionNumbering | null {
  const questions = [...a.questions].sort((x, y) => x.span.start - y.span.start);
  if (!questions.some((q) => q.heading !== null)) return null;
  const entries: Entry[] = [];
  const byNumber = new Map<number, Question[]>();
  for (const q of questions) {
    q.numbers.forEach((n, index) => {
      entries.push({ number: n, at: q.span.start, question: q, index });
      const list = byNumber.get(n);
      if (!list) byNumber.set(n, [q]);
      else if (list[list.length - 1] !== q) list.push(q);
    });
  }
  const answersWith = new Map<number, Block[]>();
  for (const b of a.answers) {
    for (const n of b.numbers) {
      const list = answersWith.get(n);
      if (!list) answersWith.set(n, [b]);
      else if (list[list.length - 1] !== b) list.push(b);
    }
  }
  const max = entries.reduce((m, e) => Math.max(m, e.number), 0);

  // Questions printed ahead of their turn to stand with the group that answers them
  // (`Vraag 9`, `Vraag 10` after `Vraag 5`, answered by `Antwoorden op vraag 3, 4, 5, 9 en 10`) are
  // placed there on purpose: their answer groups them with a question before the one that follows.
  const answeredWithEarlier = (q: Question, next: number): boolean =>
    q.numbers.some((n) => (answersWith.get(n) ?? []).some((b) => b.numbers.length > 1 && b.numbers.some((m) => m < next)));
  // The problems, each at the question it is seen at; the first in document order is reported.
  const found: { problem: NumberingProblem; question: Question; found: number; expected: number; other: Question | null }[] = [];
  const seen = new Map<number, Question>();
  let order = false;
  let previousFirst = 0;
  let previousQuestion: Question | null = null;
  for (const q of questions) {
    for (const n of q.numbers) {
      const earlier = seen.get(n);
      if (earlier) found.push({ problem: 'duplicate', question: q, found: n, expected: 0, other: earlier });
      else seen.set(n, q);
    }
    if (q.numbers.length > 0) {
      if (previousQuestion && q.numbers[0] < previousFirst && !answeredWithEarlier(previousQuestion, q.numbers[0])) {
        order = true;
        found.push({ problem: 'order', question: previousQuestion, found: previousFirst, expected: q.numbers[0], other: q });
      }
      previousFirst = q.numbers[0];
      previousQuestion = q;
    }
  }
  // A number whose question heading is lost but whose answer heading stands (`Antwoord 2` without `Vraag 2`) is there.
  const present = new Set([...entries.map((e) => e.number), ...answersWith.keys()]);
  for (let m = 1; m < max; m++) {
    if (present.has(m)) continue;
    let next = m + 1;
    while (!byNumber.has(next)) next++;
    found.push({ problem: 'gap', question: byNumber.get(next)![0], found: next, expected: m, other: null });
    break;
  }
  if (found.length === 0) return null;

  // The new numbers: by document order when a question was moved, by rank otherwise.
  const sorted = [...entries].sort(order
    ? (x, y) => x.at - y.at || x.index - y.index
    : (x, y) => x.number - y.number || x.at - y.at || x.index - y.index);
  const renumbered = new Map<Question, number[]>();
  for (const q of questions) renumbered.set(q, [...q.numbers]);
  sorted.forEach((e, i) => {
    renumbered.get(e.question)![e.index] = i + 1;
  });
  const newNumber = (q: Question, n: number): number | null => {
    const i = q.numbers.indexOf(n);
    return i >= 0 ? renumbered.get(q)![i] : null;
  };

  const edits: SpanEdit[] = [];
  const done = new Set<number>();
  const edit = (site: NumberSite, to: number | null) => {
    if (done.has(site.span.start)) return;
    done.add(site.span.start);
    if (to !== null && to !== site.number) edits.push({ span: site.span, newText: String(to) });
  };
  /** Writes new numbers into a heading: a list by place (ascending), a range by its ends. */
  const rewrite = (sites: readonly NumberSite[], numbers: readonly number[], mapped: readonly number[]) => {
    if (sites.length === 0) return;
    if (sites.length === numbers.length) {
      const ascending = [...mapped].sort((x, y) => x - y);
      const inOrder = mapped.every((v, i) => i === 0 || mapped[i - 1] < v);
      sites.forEach((s, i) => edit(s, inOrder ? mapped[i] : ascending[i]));
      return;
    }
    const lo = Math.min(...mapped);
    const hi = Math.max(...mapped);
    if (sites.length === 2 && hi - lo === mapped.length - 1 && new Set(mapped).size === mapped.length) {
      edit(sites[0], lo);
      edit(sites[1], hi);
    } else {
      for (const s of sites) edit(s, mapped[numbers.indexOf(s.number)]);
    }
  };

  for (const q of questions) rewrite(headingSites(a.text, q.heading, q.numbers), q.numbers, renumbered.get(q)!);

  // Answer headings follow their own question, not a number alone: where two questions share a
  // number, the k-th answer with it goes with the k-th question with it when they pair up one to
  // one, otherwise with the last question with it before the answer (an inserted question without
  // an answer yet).
  const ownerOf = (b: Block, n: number): Question | null => {
    const qs = byNumber.get(n);
    if (!qs) return null;
    if (qs.length === 1) return qs[0];
    const bs = answersWith.get(n) ?? [];
    if (bs.length === qs.length) return qs[bs.indexOf(b)] ?? null;
    let owner = qs[0];
    for (const q of qs) if (q.span.start < b.span.start) owner = q;
    return owner;
  };
  for (const b of a.answers) {
    if (!b.heading || b.numbers.length === 0) continue;
    const mapped = b.numbers.map((n) => {
      const q = ownerOf(b, n);
      return (q ? newNumber(q, n) : null) ?? n;
    });
    rewrite(headingSites(a.text, b.heading, b.numbers), b.numbers, mapped);
  }

  // Internal references go to the question the analysis links them to — the first question with
  // the number, the definition target — also where a number is duplicated: they were written
  // before the duplicate was inserted, and the first is the one the reader is sent to now.
  for (const r of a.references) {
    const site = referenceSite(a.text, r);
    if (!site) continue;
    const q = byNumber.get(site.number)?.[0];
    if (q) edit(site, newNumber(q, site.number));
  }

  edits.sort((x, y) => x.span.start - y.span.start);
  const disjoint = edits.filter((e, i) => i === 0 || e.span.start >= edits[i - 1].span.end);
  found.sort((x, y) => x.question.span.start - y.question.span.start);
  const first = found[0];
  const expected = first.problem === 'duplicate' ? newNumber(first.question, first.found) ?? first.found : first.expected;
  const mapping = questions.map((q) => ({ question: q, from: q.numbers, to: renumbered.get(q)! }));
  return { problem: first.problem, question: first.question, found: first.found, expected, other: first.other, mapping, edits: disjoint };
}

// ── Footnotes ─────────────────────────────────────────────────────────────

export interface FootnoteNumbering {
  /** Old number → new number, for every number that changes. */
  readonly mapping: ReadonlyMap<number, number>;
  readonly edits: readonly SpanEdit[];
}

/** The number a footnote text starts with: `1Kamerstuk …`, `[2] NOS …`, `3) AD …`. */
export function noteNumberSite(text: string, note: Span): NumberSite | null {
  let i = note.start;
  if (text.charCodeAt(i) === 91 /* [ */) i++;
  let j = i;
  while (j < note.end && j - i < 3 && isDigit(text.charCodeAt(j))) j++;
  return j > i ? { span: { start: i, end: j }, number: Number(text.slice(i, j)) } : null;
}

/**
 * Null when the markers read 1…N in order of first appearance (a marker may
 * repeat an earlier number: it points at the same text). Otherwise the edits
 * that number the markers in order of appearance and the footnote texts to
 * match. A text no marker points at (its marker was deleted) gets the numbers
 * after the markers', in the order of the texts, so that no two texts end up
 * with one number.
 */
export function renumberFootnotes(text: string, markers: readonly NumberSite[], notes: readonly Span[]): FootnoteNumbering | null {
  const sorted = [...markers].sort((x, y) => x.span.start - y.span.start);
  const map = new Map<number, number>();
  let next = 1;
  for (const m of sorted) if (!map.has(m.number)) map.set(m.number, next++);
  let identity = true;
  for (const [from, to] of map) if (from !== to) identity = false;
  if (identity) return null;
  const noteSites = notes.map((n) => noteNumberSite(text, n)).filter((s): s is NumberSite => s !== null);
  for (const s of noteSites) if (!map.has(s.number)) map.set(s.number, next++);
  const edits: SpanEdit[] = [];
  const put = (site: NumberSite | undefined) => {
    if (!site) return;
    const to = map.get(site.number);
    if (to !== undefined && to !== site.number) edits.push({ span: site.span, newText: String(to) });
  };
  for (const m of sorted) put(digitRuns(text, m.span)[0]);
  for (const s of noteSites) put(s);
  edits.sort((x, y) => x.span.start - y.span.start);
  const changed = new Map<number, number>();
  for (const [from, to] of map) if (from !== to) changed.set(from, to);
  return { mapping: changed, edits: edits.filter((e, i) => i === 0 || e.span.start >= edits[i - 1].span.end) };
}

/**
 * The footnote renumbering of an analysis. Its markers are `footnotes` and the
 * markers out of sequence, which the analysis reports as `footnote-disorder`
 * diagnostics on the marker itself (they are no footnotes of the document:
 * `[2 ]` after `[3 ]` does not continue the sequence); its texts are the
 * `footnotes` sections.
 */
export function footnoteNumbering(a: Pick<Analysis, 'text' | 'footnotes' | 'diagnostics' | 'sections'>): FootnoteNumbering | null {
  const markers: NumberSite[] = a.footnotes.map((f) => ({ span: f.span, number: f.number }));
  for (const d of a.diagnostics) {
    if (d.code !== 'footnote-disorder') continue;
    const run = digitRuns(a.text, d.span)[0];
    if (run) markers.push({ span: d.span, number: run.number });
  }
  return renumberFootnotes(a.text, markers, a.sections.filter((s) => s.kind === 'footnotes').map((s) => s.span));
}
