// question-text-differs: an answer reproduces the questions verbatim (the
// official rule). Where the workspace holds the set's questions as submitted
// (a `questions` file of the same set), each question of an answer document
// is compared with the submitted question of the same number, for its words
// only: what differs between a PDF text, a Word text and an openkamer page of
// the same questions is layout, and is left out of the comparison —
//   white space and line breaks (PDF text glues words at line ends),
//   soft hyphens and zero-width characters,
//   hyphens between letters (PDF hyphenation `ontwikkelings-⏎hulp`,
//     `administra-tieve` cannot be told from a compound's hyphen),
//   the kind of dash (` – ` typeset for a typed ` - `) and of quotation mark
//     (`«…»` typeset for `“…”`, `’` for `'`), `…` for `...`, ligatures,
//   footnote markers (`geweest?1`, a `1` alone on a line, none in Word),
//   page furniture and page-bottom footnote texts within a question,
//   Markdown emphasis marks (`*`, `_`) of converted texts.
// What is left is the words: the diagnostic shows the smallest stretch of
// whole words that differs (a common prefix and suffix trimmed, linear), and
// the fix writes the submitted words over that stretch.

import { CodeAction, CodeActionKind, Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity, Location, Range, TextEdit } from 'vscode-languageserver-types';
import { clip, questionLabel } from '../i18n/words';
import { DiagnosticCode } from '../model/diagnostics';
import { isLetter, isSpace, type Span } from '../model/text';
import type { Analysis, Question } from '../model/types';
import type { DiagnosticCodeName } from '../settings';
import { t, type FeatureContext } from './context';
import { SOURCE } from './diagnostics';
import type { Cancellation, LanguageService } from '../service/languageService';

const CODE: DiagnosticCodeName = DiagnosticCode.questionTextDiffers;
/** How many characters of each side the message shows. */
const SHOWN = 60;

/** One question whose words differ from the submitted question's. */
export interface Difference {
  /** The question's numbers in this document. */
  readonly numbers: readonly number[];
  /** The differing words here, and what the fix writes over them. */
  readonly span: Span;
  readonly range: Range;
  readonly here: string;
  readonly submitted: string;
  /** Where the submitted words stand in the questions file. */
  readonly otherUri: string;
  readonly otherRange: Range;
}

// ── Words without layout ──────────────────────────────────────────────────

/**
 * The words of a text as a string of compared characters (`key`), each with
 * the offset it comes from, whether a space went before it, and what to show
 * for it; what is layout is left out.
 */
interface Skeleton {
  key: string[];
  offset: number[];
  /** 1 where white space (or the start) went before the character: a word starts there. */
  wordStart: number[];
  /** The character as written, with a hyphen before it that joins it to the letter before. */
  shown: string[];
}

function emptySkeleton(): Skeleton {
  return { key: [], offset: [], wordStart: [], shown: [] };
}

const QUOTES = new Set(['"', "'", '«', '»', '“', '”', '„', '‟', '‘', '’', '‚', '‛', '‹', '›', '`', '´']);
const DASHES = new Set(['-', '‐', '‑', '‒', '–', '—', '−']);
const LIGATURES: Record<string, string> = { 'ﬀ': 'ff', 'ﬁ': 'fi', 'ﬂ': 'fl', 'ﬃ': 'ffi', 'ﬄ': 'ffl', 'ﬅ': 'st', 'ﬆ': 'st' };

function isInvisible(c: number): boolean {
  return c === 0xad || (c >= 0x200b && c <= 0x200d) || c === 0x2060 || c === 0xfeff;
}

/** Spans of a text that are not its words: footnote markers, furniture, footnote texts. */
function layoutSpans(a: Analysis, within: Span): Span[] {
  const out: Span[] = [];
  for (const m of a.footnotes) if (m.span.start >= within.start && m.span.end <= within.end) out.push(m.span);
  for (const s of a.sections) {
    if ((s.kind === 'furniture' || s.kind === 'footnotes') && s.span.end > within.start && s.span.start < within.end) out.push(s.span);
  }
  return out.sort((x, y) => x.start - y.start);
}

/** Appends the words of `span` of `a` to `sk`; `boundary`: a word starts at the first character. */
function addWords(sk: Skeleton, a: Analysis, span: Span): void {
  const text = a.text;
  const skip = layoutSpans(a, span);
  let k = 0;
  let space = true;
  let lead = '';
  const push = (key: string, offset: number, shown: string) => {
    sk.key.push(key);
    sk.offset.push(offset);
    sk.wordStart.push(space || sk.key.length === 1 ? 1 : 0);
    sk.shown.push(lead + shown);
    space = false;
    lead = '';
  };
  for (let i = span.start; i < span.end; i++) {
    while (k < skip.length && skip[k].end <= i) k++;
    if (k < skip.length && skip[k].start <= i) {
      // A marker or a furniture line stands where a space may have been: keep the words apart.
      i = skip[k].end - 1;
      if (skip[k].end - skip[k].start > 3) space = true;
      continue;
    }
    const c = text.charCodeAt(i);
    const ch = text[i];
    if (isSpace(c) || c === 0xa0) {
      space = true;
      continue;
    }
    if (isInvisible(c) || ch === '*' || ch === '_') continue;
    if (DASHES.has(ch)) {
      // Between letters (a hyphenated line end or a compound): not compared; shown unless a line break follows it.
      const before = i > span.start ? text.charCodeAt(i - 1) : 0;
      let j = i + 1;
      let broken = false;
      while (j < span.end && (isSpace(text.charCodeAt(j)) || isInvisible(text.charCodeAt(j)))) {
        if (text[j] === '\n' || text[j] === '\r') broken = true;
        j++;
      }
      if (isLetter(before) && j < span.end && isLetter(text.charCodeAt(j)) && (j === i + 1 || broken)) {
        if (!broken) lead += ch;
        i = j - 1;
        continue;
      }
      push('-', i, ch);
      continue;
    }
    if (QUOTES.has(ch)) {
      push('"', i, ch);
      continue;
    }
    if (ch === '…') {
      for (let d = 0; d < 3; d++) push('.', i, '.');
      continue;
    }
    const lig = LIGATURES[ch];
    if (lig) {
      for (const l of lig) push(l, i, l);
      continue;
    }
    push(ch, i, ch);
  }
}

/** The words of [lo, hi), one space where `ws` starts a word; `char(i)` is what shows for character i. */
function render(ws: readonly number[], lo: number, hi: number, char: (i: number) => string): string {
  let out = '';
  for (let i = lo; i < hi; i++) out += (i > lo && ws[i] ? ' ' : '') + char(i);
  return out;
}

/** The stretch [lo, hi) widened to whole words; an empty stretch between words takes the word after it (or before, at the end). */
function toWords(ws: readonly number[], n: number, lo: number, hi: number): [number, number] {
  while (lo > 0 && !ws[lo]) lo--;
  while (hi < n && !ws[hi]) hi++;
  if (lo === hi) {
    if (hi < n) {
      hi++;
      while (hi < n && !ws[hi]) hi++;
    } else if (lo > 0) {
      lo--;
      while (lo > 0 && !ws[lo]) lo--;
    }
  }
  return [lo, hi];
}

/**
 * The smallest stretch of whole words in which `a` and `b` differ, as
 * [lo, hiA) of `a` and [lo, hiB) of `b` (the same prefix before, the same
 * suffix after), or null when they are the same. Linear in the lengths.
 */
export function differingWords(a: Skeleton, b: Skeleton): { lo: number; hiA: number; hiB: number; here: string; submitted: string } | null {
  const nA = a.key.length;
  const nB = b.key.length;
  let p = 0;
  while (p < nA && p < nB && a.key[p] === b.key[p]) p++;
  if (p === nA && p === nB) return null;
  let s = 0;
  while (s < nA - p && s < nB - p && a.key[nA - 1 - s] === b.key[nB - 1 - s]) s++;
  // Where both texts have the same words, a word starts where either text starts one (a PDF text glues words at line ends).
  const wsA = a.wordStart.slice();
  const wsB = b.wordStart.slice();
  for (let i = 0; i < p; i++) wsA[i] = wsB[i] = a.wordStart[i] | b.wordStart[i];
  for (let k = 1; k <= s; k++) wsA[nA - k] = wsB[nB - k] = a.wordStart[nA - k] | b.wordStart[nB - k];
  let lo = p;
  let hiA = nA - s;
  let hiB = nB - s;
  // Widen both sides to whole words, each side's words widening the other's, until neither moves.
  for (let round = 0; round < 32; round++) {
    const [loA, wA] = toWords(wsA, nA, lo, hiA);
    const [loB, wB] = toWords(wsB, nB, lo, hiB);
    const nlo = Math.min(loA, loB);
    const suffix = Math.min(nA - wA, nB - wB);
    if (nlo === lo && nA - suffix === hiA && nB - suffix === hiB) break;
    lo = nlo;
    hiA = nA - suffix;
    hiB = nB - suffix;
  }
  // The words the two have in common are shown as written here: the fix leaves them as they are.
  const here = render(wsA, lo, hiA, (i) => a.shown[i]);
  const submitted = render(wsB, lo, hiB, (i) => (i < p ? a.shown[i] : i >= nB - s ? a.shown[i - nB + nA] : b.shown[i]));
  return { lo, hiA, hiB, here, submitted };
}

// ── The comparison of two documents ───────────────────────────────────────

/** The submitted questions for the numbers of `q`: each number's question, together exactly `q`'s numbers; else null. */
function submittedFor(q: Question, byNumber: Map<number, Question>): Question[] | null {
  const out: Question[] = [];
  for (const n of q.numbers) {
    const s = byNumber.get(n);
    if (!s) return null;
    if (!out.includes(s)) out.push(s);
  }
  const covered = new Set(out.flatMap((s) => s.numbers));
  return covered.size === q.numbers.length ? out : null;
}

/** Each question of `here` whose words differ from the submitted question(s) of the same numbers in `submitted`. */
export function compareQuestions(here: Analysis, submitted: Analysis, submittedUri: string): Difference[] {
  const byNumber = new Map<number, Question>();
  for (const q of submitted.questions) for (const n of q.numbers) if (!byNumber.has(n)) byNumber.set(n, q);
  const seen = new Set<number>();
  const out: Difference[] = [];
  for (const q of here.questions) {
    if (q.numbers.some((n) => seen.has(n))) continue;
    for (const n of q.numbers) seen.add(n);
    const theirs = submittedFor(q, byNumber);
    if (!theirs) continue;
    const mine = emptySkeleton();
    addWords(mine, here, q.question.span);
    const sub = emptySkeleton();
    for (const s of theirs) addWords(sub, submitted, s.question.span);
    if (mine.key.length === 0 || sub.key.length === 0) continue;
    const d = differingWords(mine, sub);
    if (!d) continue;
    const span = { start: mine.offset[d.lo], end: mine.offset[d.hiA - 1] + 1 };
    const otherSpan = { start: sub.offset[d.lo], end: sub.offset[d.hiB - 1] + 1 };
    out.push({
      numbers: q.numbers,
      span,
      range: here.lines.rangeOf(span),
      here: d.here,
      submitted: d.submitted,
      otherUri: submittedUri,
      otherRange: submitted.lines.rangeOf(otherSpan),
    });
  }
  return out;
}

// ── In the workspace ──────────────────────────────────────────────────────

/** The questions file of `uri`'s set to compare it with, or null when there is none or `uri` is not an answer. */
export function submittedQuestionsOf(service: LanguageService, uri: string, a: Analysis): string | null {
  if (a.questions.length === 0) return null;
  const own = service.index.get(uri);
  if (!own || own.kind === 'questions' || own.kind === 'notice') return null;
  if (own.kind !== 'answer' && a.answers.length === 0) return null;
  const set = service.index.setOf(uri);
  return set?.summary.documents.find((d) => d.kind === 'questions' && d.uri !== uri)?.uri ?? null;
}

interface Compared {
  readonly other: Analysis;
  readonly differences: readonly Difference[];
}

// Per analysis of this document (one version) and of the questions file: the comparison once, for the push and the code actions.
const compared = new WeakMap<Analysis, Compared>();

function differencesWith(a: Analysis, other: Analysis, otherUri: string): readonly Difference[] {
  const known = compared.get(a);
  if (known && known.other === other) return known.differences;
  const differences = compareQuestions(a, other, otherUri);
  compared.set(a, { other, differences });
  return differences;
}

/** The differences of an open document, with the questions file read if need be. */
export async function findDifferences(service: LanguageService, uri: string, token?: Cancellation): Promise<readonly Difference[]> {
  const a = service.analysis(uri);
  const otherUri = a ? submittedQuestionsOf(service, uri, a) : null;
  if (!a || !otherUri) return [];
  const other = await service.fileAnalysis(otherUri);
  if (!other || token?.isCancellationRequested || service.analysis(uri) !== a) return [];
  return differencesWith(a, other, otherUri);
}

/** The differences as far as the analyses at hand tell (no file read): what a code action request uses. */
export function differencesNow(service: LanguageService, uri: string): readonly Difference[] {
  const a = service.analysis(uri);
  const otherUri = a ? submittedQuestionsOf(service, uri, a) : null;
  const other = otherUri ? service.knownAnalysis(otherUri) : null;
  return a && otherUri && other ? differencesWith(a, other, otherUri) : [];
}

// ── As LSP ────────────────────────────────────────────────────────────────

function enabled(ctx: FeatureContext): boolean {
  return ctx.settings.diagnostics[CODE] !== false;
}

export function toDiagnostic(d: Difference, ctx: FeatureContext): Diagnostic {
  const label = questionLabel(ctx, d.numbers);
  const here = clip(d.here, SHOWN);
  const submitted = clip(d.submitted, SHOWN);
  const message = t(ctx,
    `${label} wijkt af van de ingediende tekst: "${submitted}" staat hier als "${here}". Vragen worden letterlijk overgenomen.`,
    `${label} differs from the submitted text: "${submitted}" reads here as "${here}". Questions are reproduced verbatim.`);
  const out = Diagnostic.create(d.range, message, DiagnosticSeverity.Warning, CODE, SOURCE);
  out.relatedInformation = [DiagnosticRelatedInformation.create(Location.create(d.otherUri, d.otherRange), t(ctx, `ingediende tekst (${questionLabel('nl', d.numbers).toLowerCase()})`, `submitted text (${questionLabel('en', d.numbers).toLowerCase()})`))];
  return out;
}

/** The diagnostics of an open document against its set's submitted questions. */
export async function provideVerbatimDiagnostics(service: LanguageService, uri: string, token?: Cancellation): Promise<Diagnostic[]> {
  const ctx = service.context(uri);
  if (!enabled(ctx)) return [];
  return (await findDifferences(service, uri, token)).map((d) => toDiagnostic(d, ctx));
}

function overlaps(a: Range, b: Range): boolean {
  const before = (p: Range['start'], q: Range['start']) => p.line < q.line || (p.line === q.line && p.character < q.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}

/** The quick fixes at `range`: the submitted words written over the differing ones. */
export function verbatimCodeActions(service: LanguageService, uri: string, range: Range): CodeAction[] {
  const ctx = service.context(uri);
  if (!enabled(ctx)) return [];
  const out: CodeAction[] = [];
  for (const d of differencesNow(service, uri)) {
    if (!overlaps(d.range, range)) continue;
    const action = CodeAction.create(t(ctx, 'Ingediende tekst herstellen', 'Restore the submitted text'), { changes: { [uri]: [TextEdit.replace(d.range, d.submitted)] } }, CodeActionKind.QuickFix);
    action.diagnostics = [toDiagnostic(d, ctx)];
    action.isPreferred = true;
    out.push(action);
  }
  return out;
}
