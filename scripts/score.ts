// Scores analyses against the hand-made gold annotations of the corpus
// (`test/fixtures/corpus/GOLD.md`). Used by `npm run accuracy` and by the
// accuracy test, so both report the same figures.
//
// Per file:
// * structure: exact match of the question numbers in document order, of the
//   set of answered numbers and of the notice dates;
// * internal references: the multiset of (from, target) pairs → tp/fp/fn;
// * external references: how many gold externals the analysis linked inside
//   the file (must be 0) and how many it found as external;
// * dates (multiset of ISO dates), letters (set of dates), footnotes (multiset
//   of marker numbers) → tp/fp/fn.
// Across files the counts are summed (micro-average) before precision and
// recall are computed.

import * as fs from 'fs';
import * as path from 'path';
import { analyze } from '../server/src/model/analysis';
import type { Analysis, Layout, Reference } from '../server/src/model/types';
import type { Span } from '../server/src/model/text';
import { normalizeSpace } from '../server/src/model/text';
import { convertOriginal, originalKind } from '../server/src/originals/index';
import type { Conversion } from '../server/src/originals/types';

export interface Gold {
  readonly file: string;
  readonly layout: Layout;
  readonly questions: readonly number[];
  readonly answered: readonly number[];
  readonly references: readonly { readonly from: number; readonly to: number }[];
  readonly externalReferences: readonly { readonly from: number; readonly text: string }[];
  readonly dates: readonly string[];
  readonly letters: readonly string[];
  readonly footnotes: readonly number[];
  readonly notices: readonly string[];
}

/** True positives, false positives, false negatives, with the items behind the errors. */
export interface Counts<T> {
  readonly tp: number;
  readonly fp: number;
  readonly fn: number;
  /** Found by the analysis, not in the gold. */
  readonly spurious: readonly T[];
  /** In the gold, not found by the analysis. */
  readonly missed: readonly T[];
}

export interface Check<T> {
  readonly ok: boolean;
  readonly found: readonly T[];
  readonly gold: readonly T[];
}

export interface ExternalScore {
  readonly gold: number;
  /** Gold external references that the analysis linked to a question of this file. */
  readonly wronglyLinked: number;
  /** Gold external references that the analysis found with scope `external`. */
  readonly found: number;
  readonly linked: readonly { readonly from: number; readonly text: string; readonly target: number }[];
  readonly notFound: readonly { readonly from: number; readonly text: string }[];
}

export interface FileScore {
  /** `openkamer/kv-2022Z09875.txt`: folder and name. */
  readonly file: string;
  /** The gold layout; the split of the structure rate follows it. */
  readonly layout: Layout;
  readonly layoutFound: Layout;
  readonly structure: {
    readonly ok: boolean;
    readonly questions: Check<number>;
    /** Sorted numbers (compared as a set). */
    readonly answered: Check<number>;
    /** Sorted dates. */
    readonly notices: Check<string>;
  };
  readonly references: Counts<string>;
  readonly external: ExternalScore;
  readonly dates: Counts<string>;
  readonly letters: Counts<string>;
  readonly footnotes: Counts<number>;
}

export interface Rate {
  readonly ok: number;
  readonly total: number;
  /** ok / total; 1 when there are no files. */
  readonly rate: number;
}

export interface PR {
  readonly tp: number;
  readonly fp: number;
  readonly fn: number;
  /** tp / (tp + fp); 1 when nothing was found. */
  readonly precision: number;
  /** tp / (tp + fn); 1 when there was nothing to find. */
  readonly recall: number;
}

export interface Table {
  readonly files: readonly FileScore[];
  readonly structure: { readonly openkamer: Rate; readonly official: Rate; readonly all: Rate };
  readonly layout: Rate;
  readonly references: PR;
  readonly external: { readonly gold: number; readonly wronglyLinked: number; readonly found: number; readonly recall: number };
  readonly dates: PR;
  readonly letters: PR;
  readonly footnotes: PR;
}

// ---------------------------------------------------------------------------
// Helpers

function multisetCounts<T>(found: readonly T[], gold: readonly T[], key: (t: T) => string = String): Counts<T> {
  const remaining = new Map<string, number>();
  for (const g of gold) remaining.set(key(g), (remaining.get(key(g)) ?? 0) + 1);
  const matched = new Map<string, number>();
  const spurious: T[] = [];
  for (const f of found) {
    const k = key(f);
    const n = remaining.get(k) ?? 0;
    if (n > 0) {
      remaining.set(k, n - 1);
      matched.set(k, (matched.get(k) ?? 0) + 1);
    } else {
      spurious.push(f);
    }
  }
  const missed: T[] = [];
  for (const g of gold) {
    const k = key(g);
    const m = matched.get(k) ?? 0;
    if (m > 0) matched.set(k, m - 1);
    else missed.push(g);
  }
  return { tp: found.length - spurious.length, fp: spurious.length, fn: missed.length, spurious, missed };
}

function sameSequence<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function sortedUnique<T extends number | string>(xs: readonly T[]): T[] {
  const out = [...new Set(xs)];
  return out.sort((x, y) => (typeof x === 'number' && typeof y === 'number' ? x - y : String(x) < String(y) ? -1 : String(x) > String(y) ? 1 : 0));
}

function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

function norm(s: string): string {
  return normalizeSpace(s).toLowerCase();
}

/** `needle` occurs in `hay` with no letter or digit glued to either end. */
function containsWord(hay: string, needle: string): boolean {
  if (needle.length === 0) return false;
  let i = hay.indexOf(needle);
  while (i >= 0) {
    const before = i === 0 ? '' : hay[i - 1];
    const after = hay.slice(i + needle.length, i + needle.length + 1);
    const glued = (c: string) => c !== '' && /[\p{L}\p{N}]/u.test(c);
    if (!(glued(before) && /[\p{L}\p{N}]/u.test(needle[0])) && !(glued(after) && /[\p{L}\p{N}]/u.test(needle[needle.length - 1]))) {
      return true;
    }
    i = hay.indexOf(needle, i + 1);
  }
  return false;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Spans where `phrase` occurs in `text` within `within`, any run of white space matching any other, case-insensitive. */
function occurrences(text: string, phrase: string, within: readonly Span[]): Span[] {
  const words = normalizeSpace(phrase).split(' ').filter((w) => w.length > 0);
  if (words.length === 0) return [];
  const re = new RegExp(`(?<![\\p{L}\\p{N}])${words.map(escapeRegExp).join('[\\s\\u00a0\\u202f\\u2007]+')}(?![\\p{L}\\p{N}])`, 'giu');
  const out: Span[] = [];
  for (const w of within) {
    const slice = text.slice(w.start, w.end);
    for (const m of slice.matchAll(re)) {
      const start = w.start + (m.index ?? 0);
      out.push({ start, end: start + m[0].length });
    }
  }
  return out;
}

/** The spans of the block (question text and answer) whose first question number is `from`. */
function blockSpans(a: Analysis, from: number): Span[] {
  const spans: Span[] = [];
  for (const q of a.questions) {
    if (q.number !== from && !q.numbers.includes(from)) continue;
    spans.push(q.span, q.question.span);
    if (q.answer !== null) spans.push(q.answer.span);
  }
  return spans;
}

function phraseText(a: Analysis, r: Reference): string {
  return a.text.slice(r.phraseSpan.start, r.phraseSpan.end);
}

/**
 * Whether reference `r` is the gold phrase `g`: it overlaps an occurrence of
 * the gold text in the block; or, when the gold text cannot be located, it
 * stands in the same block and one phrase contains the other.
 */
function matchesPhrase(a: Analysis, r: Reference, g: { from: number; text: string }, located: readonly Span[]): boolean {
  if (located.length > 0) return located.some((s) => overlaps(s, r.span) || overlaps(s, r.phraseSpan));
  if (r.from !== g.from) return false;
  const gt = norm(g.text);
  const rt = norm(phraseText(a, r));
  const own = norm(r.text);
  return containsWord(gt, rt) || containsWord(rt, gt) || containsWord(gt, own);
}

/** Question numbers in document order, each once. */
export function questionOrder(a: Analysis): number[] {
  const qs = a.questions.map((q, i) => ({ q, i }));
  qs.sort((x, y) => x.q.span.start - y.q.span.start || x.i - y.i);
  const seen = new Set<number>();
  const out: number[] = [];
  for (const { q } of qs) {
    const numbers = q.numbers.length > 0 ? q.numbers : [q.number];
    for (const n of numbers) {
      if (!seen.has(n)) {
        seen.add(n);
        out.push(n);
      }
    }
  }
  return out;
}

/** Numbers of the questions that have an answer, sorted. */
export function answeredNumbers(a: Analysis): number[] {
  const out: number[] = [];
  for (const q of a.questions) if (q.answer !== null) out.push(...(q.numbers.length > 0 ? q.numbers : [q.number]));
  return sortedUnique(out);
}

/** Dates of the delay notices: the notice blocks, and a Mededeling document's own date. */
export function noticeDates(a: Analysis): string[] {
  const out: string[] = [];
  for (const n of a.notices) if (n.date !== null) out.push(n.date);
  if (a.metadata.noticeDate !== null && !out.includes(a.metadata.noticeDate)) out.push(a.metadata.noticeDate);
  return out.sort();
}

// ---------------------------------------------------------------------------
// Scoring

export function scoreFile(a: Analysis, gold: Gold, file: string = gold.file): FileScore {
  const questions = questionOrder(a);
  const answered = answeredNumbers(a);
  const goldAnswered = sortedUnique(gold.answered);
  const notices = noticeDates(a);
  const goldNotices = [...gold.notices].sort();
  const structure = {
    questions: { ok: sameSequence(questions, gold.questions), found: questions, gold: [...gold.questions] },
    answered: { ok: sameSequence(answered, goldAnswered), found: answered, gold: goldAnswered },
    notices: { ok: sameSequence(notices, goldNotices), found: notices, gold: goldNotices },
  };

  const internal = a.references.filter((r) => r.scope === 'internal' && r.target !== null);
  const pair = (from: number | null, to: number | null) => `${from ?? '?'}→${to ?? '?'}`;
  const references = multisetCounts(
    internal.map((r) => pair(r.from, r.target)),
    gold.references.map((g) => pair(g.from, g.to)),
  );

  const linked: { from: number; text: string; target: number }[] = [];
  const notFound: { from: number; text: string }[] = [];
  let found = 0;
  for (const g of gold.externalReferences) {
    let located = occurrences(a.text, g.text, blockSpans(a, g.from));
    if (located.length === 0) located = occurrences(a.text, g.text, [{ start: 0, end: a.text.length }]);
    const wrong = internal.find((r) => matchesPhrase(a, r, g, located));
    if (wrong !== undefined) linked.push({ from: g.from, text: g.text, target: wrong.target ?? 0 });
    if (a.references.some((r) => r.scope === 'external' && matchesPhrase(a, r, g, located))) found++;
    else notFound.push({ from: g.from, text: g.text });
  }
  const external: ExternalScore = {
    gold: gold.externalReferences.length,
    wronglyLinked: linked.length,
    found,
    linked,
    notFound,
  };

  return {
    file,
    layout: gold.layout,
    layoutFound: a.layout,
    structure: { ok: structure.questions.ok && structure.answered.ok && structure.notices.ok, ...structure },
    references,
    external,
    dates: multisetCounts(
      a.dates.map((d) => d.date),
      gold.dates,
    ),
    letters: multisetCounts(sortedUnique(a.letters.map((l) => l.date)), sortedUnique(gold.letters)),
    footnotes: multisetCounts(
      a.footnotes.map((f) => f.number),
      gold.footnotes,
    ),
  };
}

function pr(tp: number, fp: number, fn: number): PR {
  return { tp, fp, fn, precision: tp + fp === 0 ? 1 : tp / (tp + fp), recall: tp + fn === 0 ? 1 : tp / (tp + fn) };
}

function sum(scores: readonly FileScore[], pick: (s: FileScore) => Counts<unknown>): PR {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const s of scores) {
    const c = pick(s);
    tp += c.tp;
    fp += c.fp;
    fn += c.fn;
  }
  return pr(tp, fp, fn);
}

function rate(xs: readonly boolean[]): Rate {
  const ok = xs.filter((x) => x).length;
  return { ok, total: xs.length, rate: xs.length === 0 ? 1 : ok / xs.length };
}

export function aggregate(scores: FileScore[]): Table {
  const gold = scores.reduce((n, s) => n + s.external.gold, 0);
  const found = scores.reduce((n, s) => n + s.external.found, 0);
  return {
    files: scores,
    structure: {
      openkamer: rate(scores.filter((s) => s.layout === 'openkamer').map((s) => s.structure.ok)),
      official: rate(scores.filter((s) => s.layout === 'official').map((s) => s.structure.ok)),
      all: rate(scores.map((s) => s.structure.ok)),
    },
    layout: rate(scores.map((s) => s.layout === s.layoutFound)),
    references: sum(scores, (s) => s.references),
    external: {
      gold,
      wronglyLinked: scores.reduce((n, s) => n + s.external.wronglyLinked, 0),
      found,
      recall: gold === 0 ? 1 : found / gold,
    },
    dates: sum(scores, (s) => s.dates),
    letters: sum(scores, (s) => s.letters),
    footnotes: sum(scores, (s) => s.footnotes),
  };
}

// ---------------------------------------------------------------------------
// The corpus

export interface CorpusFile {
  /** `openkamer/kv-2022Z09875.txt`. */
  readonly name: string;
  readonly textPath: string;
  readonly text: string;
  readonly gold: Gold;
}

/** The modern texts. */
export const CORPUS_FOLDERS = ['openkamer', 'official'] as const;
/** The historical archive (OCR of the Aanhangsel, 1970s–1990s): scored as a group of its own. */
export const ARCHIVE_FOLDERS = ['archive'] as const;

/** The repository root: the nearest folder above `start` holding this project's `package.json`. */
export function findRepoRoot(start: string): string {
  let dir = path.resolve(start);
  for (;;) {
    const pkg = path.join(dir, 'package.json');
    if (fs.existsSync(pkg)) {
      try {
        if ((JSON.parse(fs.readFileSync(pkg, 'utf8')) as { name?: string }).name === 'kamervraag') return dir;
      } catch {
        // not ours; keep looking
      }
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`No kamervraag package.json above ${start}`);
    dir = parent;
  }
}

/** Every `*.gold.json` of `test/fixtures/corpus/{openkamer,official}` (or the folders given) with its text, sorted by name. */
export function loadCorpus(root: string, folders: readonly string[] = CORPUS_FOLDERS): CorpusFile[] {
  const out: CorpusFile[] = [];
  for (const folder of folders) {
    const dir = path.join(root, 'test', 'fixtures', 'corpus', folder);
    for (const entry of fs.readdirSync(dir).sort()) {
      if (!entry.endsWith('.gold.json')) continue;
      const gold = JSON.parse(fs.readFileSync(path.join(dir, entry), 'utf8')) as Gold;
      const textName = gold.file ?? entry.replace(/\.gold\.json$/, '.txt');
      const textPath = path.join(dir, textName);
      out.push({ name: `${folder}/${textName}`, textPath, text: fs.readFileSync(textPath, 'utf8'), gold });
    }
  }
  return out;
}

export interface ScoredFile {
  readonly corpus: CorpusFile;
  readonly analysis: Analysis;
  readonly score: FileScore;
}

export function scoreCorpus(
  root: string,
  run: (text: string) => Analysis = (t) => analyze(t),
  folders: readonly string[] = CORPUS_FOLDERS,
): { files: ScoredFile[]; table: Table } {
  const files = loadCorpus(root, folders).map((corpus) => {
    const analysis = run(corpus.text);
    return { corpus, analysis, score: scoreFile(analysis, corpus.gold, corpus.name) };
  });
  return { files, table: aggregate(files.map((f) => f.score)) };
}

/** The archive texts, scored like the modern ones but reported apart. */
export function scoreArchive(root: string, run: (text: string) => Analysis = (t) => analyze(t)): { files: ScoredFile[]; table: Table } {
  return scoreCorpus(root, run, ARCHIVE_FOLDERS);
}

// ---------------------------------------------------------------------------
// The originals: PDFs and Word files, converted, then scored like the texts

/** An original of `test/fixtures/corpus/originals` with its gold. */
export interface OriginalFile {
  /** `originals/ah-tk-20142015-698.pdf`. */
  readonly name: string;
  readonly path: string;
  readonly gold: Gold;
}

/** Every `*.gold.json` of `test/fixtures/corpus/originals` with its PDF or Word file, sorted by name. */
export function loadOriginals(root: string): OriginalFile[] {
  const dir = path.join(root, 'test', 'fixtures', 'corpus', 'originals');
  if (!fs.existsSync(dir)) return [];
  const out: OriginalFile[] = [];
  for (const entry of fs.readdirSync(dir).sort()) {
    if (!entry.endsWith('.gold.json')) continue;
    const gold = JSON.parse(fs.readFileSync(path.join(dir, entry), 'utf8')) as Gold;
    out.push({ name: `originals/${gold.file}`, path: path.join(dir, gold.file), gold });
  }
  return out;
}

export interface ScoredOriginal {
  readonly file: OriginalFile;
  /** The conversion's problem code, or null when it gave a text. */
  readonly problem: string | null;
  readonly ms: number;
  readonly score: FileScore;
}

/**
 * Converts each original (the real converters by default) and scores the
 * analysis of its text against its gold. An original that cannot be converted
 * is scored as an empty text: everything in its gold counts as missed.
 */
export async function scoreOriginals(
  root: string,
  convert: (kind: 'pdf' | 'docx', bytes: Uint8Array) => Promise<Conversion> = (kind, bytes) => convertOriginal(kind, bytes),
): Promise<{ files: ScoredOriginal[]; table: Table }> {
  const files: ScoredOriginal[] = [];
  for (const file of loadOriginals(root)) {
    const kind = originalKind(file.path);
    const start = Date.now();
    let c: Conversion;
    try {
      c = kind ? await convert(kind, new Uint8Array(fs.readFileSync(file.path))) : { problem: 'corrupt', message: { nl: '', en: 'no original' } };
    } catch (e) {
      c = { problem: 'corrupt', message: { nl: String(e), en: String(e) } };
    }
    const ms = Date.now() - start;
    const problem = 'problem' in c ? c.problem : null;
    const analysis = analyze('problem' in c ? '' : c.text);
    files.push({ file, problem, ms, score: scoreFile(analysis, file.gold, file.name) });
  }
  return { files, table: aggregate(files.map((f) => f.score)) };
}

/** The conversions of the originals: which converted, in how many ms, and which failed with what. */
export function formatConversions(files: readonly ScoredOriginal[]): string {
  const rows = ['| file | converted | ms |', '|---|---|---|'];
  for (const f of files) rows.push(`| ${f.file.name} | ${f.problem === null ? '✓' : `✗ ${f.problem}`} | ${f.ms} |`);
  return rows.join('\n');
}

// ---------------------------------------------------------------------------
// Markdown tables

function pct(x: number): string {
  return `${(100 * x).toFixed(1)}%`;
}

function cell<T>(c: Counts<T>): string {
  const p = c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp);
  const r = c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn);
  if (c.fp === 0 && c.fn === 0) return `${c.tp} ✓`;
  return `${c.tp}/${c.fp}/${c.fn} (P ${pct(p)}, R ${pct(r)})`;
}

export function formatFileTable(scores: readonly FileScore[]): string {
  const rows = [
    '| file | layout | questions | answered | notices | structure | internal refs | ext. linked / found / gold | dates | letters | footnotes |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const s of scores) {
    const layout = s.layout === s.layoutFound ? s.layout : `${s.layoutFound} ✗ (gold ${s.layout})`;
    const q = s.structure;
    const mark = (ok: boolean) => (ok ? '✓' : '✗');
    rows.push(
      `| ${s.file} | ${layout} | ${q.questions.found.length}/${q.questions.gold.length} ${mark(q.questions.ok)} | ` +
        `${q.answered.found.length}/${q.answered.gold.length} ${mark(q.answered.ok)} | ` +
        `${q.notices.found.length}/${q.notices.gold.length} ${mark(q.notices.ok)} | ${mark(q.ok)} | ` +
        `${cell(s.references)} | ${s.external.wronglyLinked} / ${s.external.found} / ${s.external.gold} | ` +
        `${cell(s.dates)} | ${cell(s.letters)} | ${cell(s.footnotes)} |`,
    );
  }
  rows.push('', 'Cells: `tp/fp/fn (precision, recall)`, or `tp ✓` when exact.');
  return rows.join('\n');
}

export function formatSummary(t: Table): string {
  const rate = (r: Rate) => `${pct(r.rate)} (${r.ok}/${r.total})`;
  const prRow = (name: string, p: PR) => `| ${name} | ${pct(p.precision)} | ${pct(p.recall)} | ${p.tp} | ${p.fp} | ${p.fn} |`;
  return [
    '| measure | value |',
    '|---|---|',
    `| structure exact, openkamer | ${rate(t.structure.openkamer)} |`,
    `| structure exact, official | ${rate(t.structure.official)} |`,
    `| structure exact, all | ${rate(t.structure.all)} |`,
    `| layout recognised | ${rate(t.layout)} |`,
    `| external references wrongly linked | ${t.external.wronglyLinked} of ${t.external.gold} |`,
    `| external references found as external | ${pct(t.external.recall)} (${t.external.found}/${t.external.gold}) |`,
    '',
    '| field | precision | recall | tp | fp | fn |',
    '|---|---|---|---|---|---|',
    prRow('internal references', t.references),
    prRow('dates', t.dates),
    prRow('letters', t.letters),
    prRow('footnotes', t.footnotes),
  ].join('\n');
}

/** The errors behind the figures, file by file, for finding what to fix. */
export function formatDetails(scores: readonly FileScore[]): string {
  const out: string[] = [];
  for (const s of scores) {
    const lines: string[] = [];
    const q = s.structure;
    if (!q.questions.ok) lines.push(`questions: found ${q.questions.found.join(',')}; gold ${q.questions.gold.join(',')}`);
    if (!q.answered.ok) lines.push(`answered: found ${q.answered.found.join(',')}; gold ${q.answered.gold.join(',')}`);
    if (!q.notices.ok) lines.push(`notices: found ${q.notices.found.join(',')}; gold ${q.notices.gold.join(',')}`);
    const diff = <T>(name: string, c: Counts<T>) => {
      if (c.spurious.length > 0) lines.push(`${name} spurious: ${c.spurious.join(', ')}`);
      if (c.missed.length > 0) lines.push(`${name} missed: ${c.missed.join(', ')}`);
    };
    diff('references', s.references);
    for (const l of s.external.linked) lines.push(`external linked: from ${l.from} “${l.text}” → ${l.target}`);
    for (const l of s.external.notFound) lines.push(`external not found: from ${l.from} “${l.text}”`);
    diff('dates', s.dates);
    diff('letters', s.letters);
    diff('footnotes', s.footnotes);
    if (lines.length > 0) out.push(`${s.file}\n${lines.map((l) => `  ${l}`).join('\n')}`);
  }
  return out.join('\n');
}
