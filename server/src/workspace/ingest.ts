// The one path from a file's bytes to what the project knows of it:
// bytes → decode → identify → analyse (→ summarise, for the index). The
// language service, the indexer, the index worker thread, the timeline and the
// command line all come through here, so that a file reads the same wherever
// it is read. Pure: no Node built-ins, no clock (the caller gives the year).
//
// Originals (a `.pdf`, a `.docx`) take the same path with one step more:
// bytes → convert (async, by the converter the caller gives) → the text in the
// official layout → identify → analyse. `ingestFile` branches on the kind;
// text files stay synchronous (`ingestBytes`).

import { analyze } from '../model/analysis';
import type { Terms } from '../model/deadlines';
import { decodeBytes, type DecodeProblem } from '../model/decode';
import { forgetKeptElements } from '../model/tokens';
import type { Analysis } from '../model/types';
import { type Conversion, type ConversionLimits, type ConversionProblem, type Converted, DEFAULT_LIMITS, isProblem, type OriginalKind } from '../originals/types';
import { originalKindOfName } from '../originals/uri';
import { firstLineIdentifies, isKamervraagByName } from './fileSystem';
import { packSummary, summarize, unpackSummary, type FileSummary, type PackedSummary } from './summary';

/** Why a file is not in the index. */
export type SkipReason = 'not-kamervraag' | 'binary' | 'empty' | 'too-large' | 'unreadable' | 'failed' | 'conversion';

/** Turns an original's bytes into text (`convertOriginal` of `originals/index.ts`, or a fake in tests). Never rejects, as a rule; a rejection counts as a corrupt file. */
export type Converter = (kind: OriginalKind, bytes: Uint8Array, limits: ConversionLimits) => Promise<Conversion>;

/** The converter of a service given none (a build that reads texts only): every original is a problem that says so. */
export const noConverter: Converter = () => Promise.reject(new Error('no converter'));

export interface IngestOptions {
  /** The answer terms in days (default 21 and 42). */
  readonly terms?: Terms;
  /** The year to read an undated document by (the caller's current year). */
  readonly year?: number;
  /** The document version, kept in the analysis. */
  readonly version?: number;
  /** Larger inputs (bytes, or characters for a text) are not analysed. */
  readonly maxBytes?: number;
  /**
   * Whether a file must show that it is a question set (by its name, or by
   * its first line for a `.txt`) to be analysed. The index asks it; a file the
   * user opens or names on the command line is analysed whatever its name.
   */
  readonly identify?: boolean;
  /** The bounds of an original's conversion (DEFAULT_LIMITS for what is not given). */
  readonly limits?: Partial<ConversionLimits>;
  /** Checks an analysis that reused the version before against a whole one (`AnalyzeOptions.verify`). */
  readonly verify?: boolean;
  /**
   * Whether the analysis's findings (dates, references, letters, citations, diagnostics) may wait until
   * they are first read: an open document's, whose outline is asked for first and reads none of them.
   * Else they are made here, and a failure in them is the skip `failed` like any other.
   */
  readonly deferFindings?: boolean;
}

/** A file read and analysed, or why not. */
export type Ingested =
  | {
      readonly ok: true;
      readonly text: string;
      /** A decoding problem that still left a text (`not-utf8`: read as Windows-1252). */
      readonly problem: DecodeProblem | null;
      readonly analysis: Analysis;
      /** Whether the name or the first line says it is a question set. */
      readonly identified: boolean;
      /** An original's conversion (its text is `text`): the map back to pages or paragraphs, its units and warnings. */
      readonly converted?: Converted;
    }
  | {
      readonly ok: false;
      readonly skip: SkipReason;
      readonly problem?: DecodeProblem;
      readonly error?: string;
      /** Why an original could not be converted (skip `conversion`). */
      readonly conversion?: ConversionProblem;
    };

/** Whether the name or the first line of a file says it is a question set. */
export function identifies(uri: string, text: string): boolean {
  return isKamervraagByName(uri) || firstLineIdentifies(text);
}

/**
 * Whether an original's converted text is a question set's: by its name
 * (`ah-tk-….pdf`, `kv-tk-….docx`), its first line, or the signs of a set near
 * its start (a zaak number, `Vragen van het lid`, the Aanhangsel's heading, the
 * answer's `Antwoord van`), as a ministry's letter opens with its letterhead.
 */
export function originalIdentifies(uri: string, text: string): boolean {
  const name = uri.slice(uri.lastIndexOf('/') + 1).toLowerCase();
  if (/^(?:ah|kv)-tk-/.test(name) || firstLineIdentifies(text)) return true;
  const head = text.slice(0, 4000);
  return /\b\d{4}Z\d{5,6}\b/.test(head) || /Vragen van (?:het lid|de leden)\s/.test(head) || /Aanhangsel van de Handelingen/.test(head) ||
    /(?:Antwoord|Antwoorden) (?:van|op vragen van|op de vragen van) (?:de )?(?:[Mm]inister|[Ss]taatssecretaris|het lid|de leden)/.test(head) ||
    /(?:Beantwoording|Antwoorden) (?:van )?(?:de )?[Kk]amervragen/.test(head);
}

/** The problem of a converter that threw: a corrupt file, with what it said. */
function thrownProblem(kind: OriginalKind, e: unknown): ConversionProblem {
  const what = e instanceof Error ? e.message : String(e);
  return kind === 'pdf'
    ? { problem: 'corrupt', message: { nl: `De PDF kon niet gelezen worden (${what}).`, en: `The PDF could not be read (${what}).` } }
    : { problem: 'corrupt', message: { nl: `Het Word-document kon niet gelezen worden (${what}).`, en: `The Word document could not be read (${what}).` } };
}

/** Converts an original with the given bounds; whatever the converter does, a conversion or a problem. */
export async function convertSafely(kind: OriginalKind, bytes: Uint8Array, convert: Converter, limits?: Partial<ConversionLimits>): Promise<Conversion> {
  try {
    const c = await convert(kind, bytes, { ...DEFAULT_LIMITS, ...limits });
    if (!c || typeof c !== 'object') return thrownProblem(kind, 'no result');
    if (!isProblem(c) && typeof c.text !== 'string') return thrownProblem(kind, 'no text');
    return c;
  } catch (e) {
    return thrownProblem(kind, e);
  }
}

/**
 * The one path from any file's bytes to its analysis: an original (`.pdf`,
 * `.docx`) is converted with `convert`, then its text is analysed as a text's;
 * any other file is decoded (`ingestBytes`). A conversion problem is a skip
 * `conversion` with the problem.
 */
export async function ingestFile(uri: string, bytes: Uint8Array, options: IngestOptions = {}, convert: Converter = noConverter): Promise<Ingested> {
  const kind = originalKindOfName(uri);
  if (kind === null) return ingestBytes(uri, bytes, options);
  if (options.maxBytes !== undefined && bytes.length > options.maxBytes) return { ok: false, skip: 'too-large' };
  const c = await convertSafely(kind, bytes, convert, options.limits);
  return ingestConverted(uri, c, options);
}

/** Analyses an original's conversion (done before, or cached), as `ingestFile` does. */
export function ingestConverted(uri: string, c: Conversion, options: IngestOptions = {}): Ingested {
  // The first page showed no set (the index's early stop): no set, like a text that is none.
  if (isProblem(c)) return c.problem === 'not-question-set' ? { ok: false, skip: 'not-kamervraag' } : { ok: false, skip: 'conversion', conversion: c };
  const identified = originalIdentifies(uri, c.text);
  if (options.identify && !identified) return { ok: false, skip: 'not-kamervraag' };
  const r = ingestText(uri, c.text, { ...options, identify: false, maxBytes: undefined });
  return r.ok ? { ...r, identified, converted: c } : r;
}

/** Decodes and analyses a file's bytes. */
export function ingestBytes(uri: string, bytes: Uint8Array, options: IngestOptions = {}): Ingested {
  if (options.maxBytes !== undefined && bytes.length > options.maxBytes) return { ok: false, skip: 'too-large' };
  const decoded = decodeBytes(bytes);
  if (decoded.problem?.code === 'binary' || decoded.problem?.code === 'empty') return { ok: false, skip: decoded.problem.code, problem: decoded.problem };
  return ingestText(uri, decoded.text, options, decoded.problem ?? null);
}

/** Analyses a text (an open document's, or a decoded file's). */
export function ingestText(uri: string, text: string, options: IngestOptions = {}, problem: DecodeProblem | null = null): Ingested {
  if (options.maxBytes !== undefined && text.length > options.maxBytes) return { ok: false, skip: 'too-large' };
  const identified = identifies(uri, text);
  if (options.identify && !identified) return { ok: false, skip: 'not-kamervraag' };
  try {
    const analysis = analyze(text, { terms: options.terms, year: options.year, version: options.version, verify: options.verify });
    if (options.deferFindings !== true) void analysis.diagnostics;
    return { ok: true, text, problem, analysis, identified };
  } catch (e) {
    return { ok: false, skip: 'failed', error: e instanceof Error ? e.stack ?? e.message : String(e) };
  }
}

/**
 * Whether an analysis found a question set at all: questions, answers, a
 * delay notice, or a header that names the set. A text with none of these
 * (`Hallo wereld`) is no question set, whatever its file is called.
 */
export function isQuestionSet(a: Analysis): boolean {
  const m = a.metadata;
  return a.questions.length > 0 || a.answers.length > 0 || a.notices.length > 0 || m.zaak !== null || m.noticeDate !== null ||
    m.submitted !== null || m.answered !== null;
}

/** What became of a file in the index: its summary (and the ms it took), or why it is not in the index. */
export type FileOutcome =
  | { readonly summary: FileSummary; readonly ms: number }
  | { readonly skip: SkipReason; readonly error?: string; readonly conversion?: ConversionProblem };

/** A file's share of the indexing: ingest as the index does (identified files only), then summarise. */
export function summarizeFile(uri: string, bytes: Uint8Array, options: IngestOptions = {}, now: () => number = () => 0): FileOutcome {
  const start = now();
  const out = outcomeOf(uri, ingestBytes(uri, bytes, { ...options, identify: true }), start, now);
  // The index keeps the summary alone: the analysis's elements go with it.
  forgetKeptElements();
  return out;
}

/** `summarizeFile` for any file, an original too (converted with `convert`). */
export async function summarizeAnyFile(uri: string, bytes: Uint8Array, options: IngestOptions = {}, convert?: Converter, now: () => number = () => 0): Promise<FileOutcome> {
  const start = now();
  const out = outcomeOf(uri, await ingestFile(uri, bytes, { ...options, identify: true }, convert), start, now);
  forgetKeptElements();
  return out;
}

/** As `summarizeFile`, for a text (an open document's), with its analysis when there is one already. */
export function summarizeDocument(uri: string, text: string, options: IngestOptions = {}, analysis?: Analysis, now: () => number = () => 0): FileOutcome {
  const start = now();
  if (analysis) {
    if (options.maxBytes !== undefined && text.length > options.maxBytes) return { skip: 'too-large' };
    if (!identifies(uri, text)) return { skip: 'not-kamervraag' };
    return outcomeOf(uri, { ok: true, text, problem: null, analysis, identified: true }, start, now);
  }
  return outcomeOf(uri, ingestText(uri, text, { ...options, identify: true }), start, now);
}

function outcomeOf(uri: string, r: Ingested, start: number, now: () => number): FileOutcome {
  if (!r.ok) return r.conversion ? { skip: r.skip, conversion: r.conversion } : r.error !== undefined ? { skip: r.skip, error: r.error } : { skip: r.skip };
  try {
    const summary = summarize(uri, r.analysis);
    return { summary, ms: now() - start };
  } catch (e) {
    return { skip: 'failed', error: e instanceof Error ? e.stack ?? e.message : String(e) };
  }
}

/** A file's outcome as it crosses to another thread or process: its summary packed (`packSummary`). */
export type PackedOutcome =
  | { readonly packed: PackedSummary; readonly ms: number }
  | { readonly skip: SkipReason; readonly error?: string; readonly conversion?: ConversionProblem };

export function packOutcome(out: FileOutcome): PackedOutcome {
  return 'summary' in out ? { packed: packSummary(out.summary), ms: out.ms } : out;
}

export function unpackOutcome(out: PackedOutcome): FileOutcome {
  return 'packed' in out ? { summary: unpackSummary(out.packed), ms: out.ms } : out;
}

/** The buffers of a packed outcome that can be handed over rather than copied. */
export function transferablesOf(out: PackedOutcome): ArrayBuffer[] {
  return 'packed' in out ? [out.packed.summary.targets.buffer as ArrayBuffer, out.packed.sites.buffer as ArrayBuffer] : [];
}

/**
 * Runs `summarizeFile` elsewhere (another thread). The indexer uses it for a
 * crawl of `minFiles` files or more; below that the hand-over costs more than
 * it saves. While it has enough in hand, the indexer analyses the next file
 * itself, so that both threads work. The promise resolves in the order the
 * files were given and never rejects: whatever goes wrong there, the analyser
 * answers in its own thread.
 */
export interface FileAnalyzer {
  readonly minFiles: number;
  /** Files handed over and not yet answered. */
  readonly backlog: number;
  /** While the backlog is this or more, the indexer analyses the next file itself. */
  readonly depth: number;
  summarizeFile(uri: string, bytes: Uint8Array, options: IngestOptions): Promise<FileOutcome>;
}

/**
 * Runs `summarizeFile` for a large file in a process of its own, which ends
 * when it has no more work. The analysis of a text holds some twenty times the
 * text while it runs (its token stream, its elements, the text twice over);
 * the index keeps the summary alone, a few per cent of it. Run in the server,
 * that transient cost stays as the server's memory long after (the engine and
 * the allocator keep what they grew to); run in a process that ends, it goes
 * back to the system. The promise never rejects: a process that cannot start
 * gives the file back to the caller's own thread; one that dies on a file
 * fails that file alone.
 */
export interface LargeFileAnalyzer {
  /** Files of this many bytes or more go to the other process. */
  readonly minBytes: number;
  summarizeFile(uri: string, bytes: Uint8Array, options: IngestOptions): Promise<FileOutcome>;
}
