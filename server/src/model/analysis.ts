// The analysis pipeline, in the manner of clean → tokenize → find → resolve:
// lines and structure first, then tokens, then the candidates of each kind
// (dates, footnote markers, references, letters, citations), then their
// resolution against each other and against the structure. One analysis per
// document version; nothing in it changes after it is built.

import { compactNumbers, WEEKDAYS_NL } from '../i18n/words';
import { isValidDate, parseIso, toIso, weekday as weekdayOf } from './calendar';
import { scanCitations } from './citations';
import { correctYear, DateCandidate, findDateCandidates, inferYear, weekdayMatches } from './dates';
import { computeDeadlines, Terms } from './deadlines';
import { looksBinaryText } from './decode';
import { DiagnosticCode, DiagnosticSink, messages } from './diagnostics';
import { answerStub, inCaseOf } from './fixes';
import { acceptMarkers, findMarkerCandidates, noteRuns } from './footnotes';
import { readOfficialHeader, readOpenkamerHeader, HeaderInfo } from './header';
import { findLetterMentions, findSentences, RawLetterMention, sentenceAt, type Sentences, sentenceTokens } from './letters';
import { type Heading, LineKind } from './lines';
import { findReferences, type RawReference } from './references';
import { questionNumbering, renumberFootnotes, type QuestionNumbering } from './renumber';
import type { ArchiveFacts } from './archive';
import { readStructure, RawBlock, type RawQuestion, Structure } from './structure';
import { firstAfter, firstAtOrAfter, firstAtOrAfterFrom, LineIndex, movedRangeOf, normalizeSpace, ownSlice, ownString, partitionPoint, RANGE_UNSET, type Range, setRange, Span } from './text';
import { forgetTokens, Gap, holdTokens, keywordsOf, KeywordSet, letGoOfTokens, MemoSlot, pooledLines, releaseTokens, type TokenEdit, tokenizeLines, type TokenReader, tokenizeStats, Tokens, TokenKind, unchangedFrom, withFreshTokens } from './tokens';
import type {
  Analysis,
  Block,
  Citation,
  DateMention,
  Diagnostic,
  FootnoteMarker,
  HeaderField,
  IsoDate,
  Letter,
  LetterMention,
  Located,
  Metadata,
  Notice,
  Question,
  Reference,
  Section,
} from './types';

/** Slots of the per-token scratch arrays kept with the token stream (`Tokens.bytes`, `Tokens.ints`). */
const enum Scratch {
  InUrl,
  InlineHeading,
  MarkerSkip,
  ReferenceSkip,
  DateTokens,
  Boundary,
}

export interface AnalyzeOptions {
  /** The document version, kept in the analysis for caches. */
  readonly version?: number;
  /** The answer terms in days (default 21 and 42). */
  readonly terms?: Terms;
  /**
   * The year to read a document by when it dates nothing itself (the caller's
   * current year: the model reads no clock). Without it, a year typo in such a
   * document is corrected only where one reading is possible.
   */
  readonly year?: number;
  /**
   * Checks an analysis that reused the version before (a debug aid: it doubles
   * the work of an edit): a whole analysis of the same text is made too and
   * compared with it field by field. Where they differ, the whole one is
   * returned, the kept token stream is let go (the next version is read anew)
   * and `verifyStats.mismatches` counts it.
   */
  readonly verify?: boolean;
}

/** The analyses checked against a whole one (`AnalyzeOptions.verify`), and those that differed from it. */
export const verifyStats = { checked: 0, mismatches: 0 };

/**
 * How many analyses made their findings (see `FrozenAnalysis`), and how many of those were made
 * because the token stream was wanted for another text before they were read. For tests.
 */
export const findingsStats = { made: 0, settled: 0 };

/** A date with `jl.`/`a.s.` written: as full as one with its year. Anchored at the end of a short text. */
const RELATIVE_END = /(?:jl\.?|j\.l\.?|a\.s\.?|jongstleden|aanstaande)$/i;

export function analyze(text: string, options: AnalyzeOptions = {}): Analysis {
  const edited = tokenizeStats.incremental;
  const a = analyzeText(text, options);
  // Only an analysis that reused the version before can differ from a whole one.
  if (!options.verify || tokenizeStats.incremental === edited) return a;
  verifyStats.checked++;
  const whole = withFreshTokens(() => analyzeText(text, options));
  if (fieldsOf(a) === fieldsOf(whole)) return a;
  verifyStats.mismatches++;
  forgetTokens();
  return whole;
}

/** Every field of an analysis, every span and range, as one string (the text and its line index are the input). */
function fieldsOf(a: Analysis): string {
  return JSON.stringify({ ...analysisFields(a), text: a.text.length, lines: a.lines.lineCount });
}

/**
 * The analysis of `text` in its two parts (see `FrozenAnalysis`): what the outline reads, yielded, and then
 * the findings, returned when the generator is resumed. One function, so that the second part reads the
 * first part's values as its own variables.
 */
function* analysisParts(text: string, options: AnalyzeOptions): Generator<Outline, Findings, void> {
  // The lines of the text analysed last, when its token stream is kept: an edit of it searches only the changed stretch for line breaks.
  const lines = new LineIndex(text, pooledLines() ?? undefined);
  // A located part with its range made now: the few that are no element of a list whose ranges are set when it is first
  // read (see `RANGE_UNSET`), or are spread into other objects (the header's people, notices, sections).
  const located = (span: Span): Located => ({ span, range: lines.rangeOf(span) });
  const sink = new DiagnosticSink(lines);
  const structure = readStructure(lines);
  const kinds = structure.lineKinds;
  const tokens = tokenizeLines(lines, (line) => kinds[line] !== LineKind.Furniture);
  // The tokenizer has read every character but those of the furniture lines and the line breaks: whether one was a NUL.
  const binary = encodingDiagnostics(text, sink, tokens.nul || furnitureHoldsNul(lines, kinds));
  const tokenCount = tokens.length;
  const { inUrl, markerSkip, referenceSkip, boundary } = markTokens(text, tokens, structure, lines.lineCount);

  // Dates, phase 1: candidates, before the document's own dates are known.
  const candidates = findDateCandidates(tokens, inUrl);

  // Header and the dates it states.
  const header = readHeader(lines, structure);
  const firstIn = (span: Span | null) => (span ? firstCandidateIn(candidates, span) : null);
  const explicit = (c: DateCandidate | null): IsoDate | null => (c && c.year !== null && isValidDate(c.year, c.month, c.day) ? toIso(c.year, c.month, c.day) : null);
  const submitted = explicit(firstIn(header.submittedAt));
  const answered = explicit(firstIn(header.answeredAt));
  const noticeDate = explicit(firstIn(header.noticeAt));
  const headerDate = answered ?? noticeDate ?? submitted;
  const fallbackYear = fallbackYearOf(headerDate, candidates);
  const documentDate = headerDate ?? (fallbackYear ? `${fallbackYear}-07-01` : null);
  const documentYear = documentDate ? parseIso(documentDate).y : options.year ?? null;

  // Blocks: questions and answers.
  const { questions, answers, blockAt: blockHolding, blockBefore, lastBlockStart, questionTextAt } = buildBlocks(structure, lines, tokens);
  const notices = buildNotices(structure, candidates, noticeDate, header, located, text);

  // What the outline reads is made now: the structure, the header, the blocks and the notices. The rest (the
  // markers, dates, references, letters and citations, the diagnostics) is made when an analysis's reader first
  // asks for any of it (see `FrozenAnalysis`): an outline of a large set is answered before that work, and the
  // diagnostics asked for next make it. The metadata is made now when the header says when the questions were
  // sent; else it waits for the dates of the text (`submissionFromText`).
  const early = submitted !== null ? Object.freeze(buildMetadata(header, submitted, answered, noticeDate, located)) : null;
  yield {
    fields: {
      version: options.version ?? null,
      text,
      lines,
      layout: structure.layout,
      source: structure.archive ? 'archive' : structure.hasFurniture ? 'pdf' : 'plain',
      binary,
      headerFields: header.fields.map((f) => ({ ...f, range: lines.rangeOf(f.span) })),
      notices,
      sections: structure.sections.map((s) => ({ kind: s.kind, ...located(s.span) })),
    },
    blocks: { questions, answers },
    early,
  };

  // Footnote markers: a candidate counts only when it continues the sequence.
  const markerCandidates = findMarkerCandidates(tokens, kinds, markerSkip, candidates, structure.footnoteTexts);
  // A second run of note texts numbered from 1 (typed notes, then Word's own) lets a second marker sequence restart at 1.
  const runs = noteRuns(structure.footnoteTexts);
  const accepted = acceptMarkers(markerCandidates, Math.max(0, runs.length - 1), new Set(structure.footnoteTexts.map((f) => f.number)));
  const markerStarts = new Map<number, number>();
  for (const m of accepted.markers) markerStarts.set(m.span.start, m.number);

  // Dates, phase 2: years glued to markers, typos, missing years, weekdays.
  // Without a date in the header, `29 september jl.` is read back from the latest date the text
  // writes out in its most common year, not from the middle of that year: a text is written after
  // the dates it reports (`(Ingezonden 2 oktober 1990)` … `De Volkskrant van 29 september jl.`).
  const pastReference = headerDate ?? latestDateIn(candidates, fallbackYear) ?? documentDate;
  const dates = resolveDates(candidates, markerStarts, documentYear, (offset, past) => (questionTextAt(offset) ? submitted : null) ?? (past ? pastReference : documentDate), text, lines, sink, tokens);
  // The first token of each date (increasing: the dates are in text order and do not overlap), and the tokens inside dates.
  // The date that starts at a token is found among the first tokens by binary search, asked only for a token inside a
  // date: a per-token array of date indices held 4 bytes a token (9 MB at 11 MB of text) for a few dates in a hundred tokens.
  const dateTokens = tokens.bytes(Scratch.DateTokens);
  const dateStarts = new Int32Array(dates.length);
  for (let idx = 0, first = 0; idx < dates.length; idx++) {
    const d = dates[idx];
    // After the first token of the date before: a short gallop, not a search of the whole stream.
    first = firstAtOrAfterFrom(tokens.start, tokenCount, d.span.start, first);
    dateStarts[idx] = first;
    for (let i = first; i < tokenCount && tokens.start[i] < d.span.end; i++) dateTokens[i] = 1;
  }
  const dateAtToken = (i: number): number | null => {
    if (i < 0 || i >= tokenCount || dateTokens[i] !== 1) return null;
    // The last date that starts there, as an array indexed by token kept it.
    const idx = firstAfter(dateStarts, dateStarts.length, i) - 1;
    return idx >= 0 && dateStarts[idx] === i ? idx : null;
  };

  // Footnote markers with their texts.
  // The k-th marker sequence pairs with the k-th run of note texts.
  const footnotes: FootnoteMarker[] = accepted.markers.map((m) => {
    const note = runs[m.sequence]?.get(m.number)?.span;
    return { span: m.span, range: RANGE_UNSET, text: String(m.number), number: m.number, note: note ? { span: note, range: RANGE_UNSET, text: ownSlice(text, note.start, note.end) } : null };
  });
  // Markers out of sequence: each offers the renumbering of all markers and texts in order of appearance.
  // Renumbering in order of appearance would merge restarted sequences: offered only for a single sequence.
  const footnoteFix = accepted.disorder.length === 0 || accepted.markers.some((m) => m.sequence > 0) ? null
    : renumberFootnotes(text, [...accepted.markers, ...accepted.disorder], structure.footnoteTexts.map((f) => f.span));
  for (const d of accepted.disorder) {
    sink.add(d.span, 'warning', DiagnosticCode.footnoteDisorder, messages.footnoteDisorder(d.number, d.expected),
      footnoteFix ? { fix: { title: messages.renumberFootnotes(), edits: footnoteFix.edits } } : {});
  }

  // A phrase in a note text belongs to the block the note stands in (see noteBlocks).
  const blockAt = noteBlocks(structure.footnoteTexts, footnotes, blockHolding, blockBefore, lastBlockStart);

  // References.
  const numbers = new Set<number>();
  // Indexed loops here and below: this function runs once per analysis, its loops often before the engine optimises them (an iterator each).
  for (let qi = 0; qi < questions.length; qi++) {
    const qn = questions[qi].numbers;
    for (let k = 0; k < qn.length; k++) numbers.add(qn[k]);
  }
  const hasAnswers = answers.length > 0;
  const references: Reference[] = [];
  /** The document's question numbers for the message, written once (the set does not change). */
  let knownNumbers: string | null = null;
  const rawReferences = findReferences(tokens, referenceSkip, dateTokens, markerStarts.keys());
  const referencesBefore = tokens.memoBefore<MadeReferences>(MemoSlot.MadeReferences);
  const madeFrom = madeLookup(referencesBefore?.memo ?? null, (r) => r.phrase.start);
  const madeNow: MadeReferences = { serial: tokens.serial, order: [], made: [] };
  // The raw references after the edit are copies of the old ones at new offsets: found by where the old ones stood.
  const referenceMove = moveOf(referencesBefore?.edit ?? null, lines);
  for (let ri = 0; ri < rawReferences.length; ri++) {
    const raw = rawReferences[ri];
    const block = blockAt(raw.phrase.start);
    const inQuestion = questionTextAt(raw.phrase.start);
    const letterDate = raw.elsewhere !== null && raw.elsewhere.letterDateToken !== null ? dates[dateAtToken(raw.elsewhere.letterDateToken) ?? -1]?.date ?? null : null;
    // A raw reference kept from the text before (the same object: its text, offsets and positions are the same) gives the same references when what it is resolved by is the same.
    const prior = madeFrom.kept(raw);
    if (prior !== null && resolvedAlike(prior, block, inQuestion, hasAnswers, letterDate, raw, numbers)) {
      resolvedReferenceStats.kept++;
      for (const r of prior.made) references.push(r);
      madeNow.order.push(raw);
      madeNow.made.push(prior);
      continue;
    }
    // One after the edit, the same at its new offsets and resolved by the same, gives the old references moved.
    const m = referenceMove !== null && raw.phrase.start >= referenceMove.edit.newEnd ? madeFrom.movedAt(raw.phrase.start - referenceMove.edit.charDelta) : -1;
    const was = m >= 0 ? madeFrom.made(m) : null;
    if (was !== null && referenceMove !== null && sameRawReference(madeFrom.raw(m), raw, referenceMove.edit) &&
      resolvedAlike(was, block, inQuestion, hasAnswers, letterDate, raw, numbers)) {
      resolvedReferenceStats.moved++;
      const moved = moveReferences(raw, was.made, numbers, block, letterDate, referenceMove);
      for (const r of moved) references.push(r);
      madeNow.order.push(raw);
      madeNow.made.push({ block, inQuestion, hasAnswers, letterDate, known: was.known, made: moved });
      continue;
    }
    // Most raw references have one target: a list made by its first element is no longer than it
    // (an empty list grows to seventeen places at its first push, kept as long as the memo is).
    let made: Reference[] | null = null;
    let plain = true;
    for (let ti = 0; ti < raw.targets.length; ti++) {
      const t = raw.targets[ti];
      if (notAQuestion(t.number, numbers)) continue;
      let scope: 'internal' | 'external' = raw.elsewhere ? 'external' : 'internal';
      if (scope === 'internal' && !numbers.has(t.number) && (inQuestion || !hasAnswers)) scope = 'external';
      const cites = raw.elsewhere ? { text: ownSlice(text, raw.elsewhere.span.start, raw.elsewhere.span.end), span: raw.elsewhere.span, letterDate } : null;
      const target = scope === 'internal' && numbers.has(t.number) ? t.number : null;
      const reference: Reference = {
        span: t.span, range: RANGE_UNSET, text: ownSlice(text, t.span.start, t.span.end), phraseSpan: raw.phrase, from: block,
        number: t.number, target, scope, kind: raw.kind, cites,
      };
      references.push(reference);
      if (made === null) made = [reference];
      else made.push(reference);
      if (scope === 'internal' && target === null) {
        // The message names every number of the document: such a reference is made again each time.
        plain = false;
        knownNumbers ??= compactNumbers([...numbers]).join(', ') || '—';
        sink.add(t.span, 'warning', DiagnosticCode.unknownReference, messages.unknownReference(t.number, knownNumbers));
      }
    }
    resolvedReferenceStats.made++;
    if (plain) {
      madeNow.order.push(raw);
      madeNow.made.push({ block, inQuestion, hasAnswers, letterDate, known: raw.targets.map((t) => numbers.has(t.number)), made: made ?? NO_REFERENCES });
    }
  }
  tokens.memos[MemoSlot.MadeReferences] = madeNow;

  // Sentences end at headings and at blank lines too (`boundary`, from markTokens).
  const sentence = findSentences(tokens, boundary);
  // A delay notice without the questions says when they were sent: `Op 6 november jl. hebben de leden … vragen gesteld`.
  const submittedDate = submitted ?? submissionFromText(tokens, sentence, dates);

  // Letters.
  const letterMentions = findLetterMentions(
    tokens,
    inUrl,
    {
      dateAt: dateAtToken,
      dateEnd: (d) => dates[d].span.end,
      fullDate: (d) => !dates[d].inferredYear || RELATIVE_END.test(dates[d].text),
      dateStarts,
    },
    markerStarts,
  );
  const letters = buildLetters(letterMentions, tokens, sentence, dates, references, notices, blockAt, lines);

  const citations = scanCitations(lines, (line) => kinds[line] === LineKind.Furniture, tokens);

  const metadata = early ?? buildMetadata(header, submittedDate, answered, noticeDate, located);
  const deadlines = computeDeadlines(submittedDate, answered, notices.length > 0, options.terms);
  const numbering = questionNumbering({ text, questions, answers, references });
  // In the archive a gap in the numbering is the OCR's loss, not the author's slip: the hints below say so, and no renumbering is offered.
  const archive = structure.archive ?? null;
  const lost = (kind: 'question' | 'answer') => new Set(archive ? archive.missing.filter((m) => m.kind === kind).map((m) => m.number) : []);
  // Binary text has its one warning ("nothing to analyse"); "no questions" would repeat it.
  if (!binary) structuralDiagnostics(sink, questions, answers, metadata, deadlines, header, hasAnswers || answered !== null, notices.length > 0, lines, archive ? null : numbering, lost('answer'), lost('question'));
  if (archive) archiveDiagnostics(sink, archive, text);
  releaseTokens(tokens);
  Object.freeze(metadata);
  return { metadata, deadlines, diagnostics: sink.sorted(), dates, footnotes, references, letters, citations };
}

function analyzeText(text: string, options: AnalyzeOptions): Analysis {
  const parts = analysisParts(text, options);
  return new FrozenAnalysis(parts.next().value as Outline, () => parts.next().value as Findings);
}

/** What the first part of an analysis yields (see `analysisParts`). */
interface Outline {
  readonly fields: AnalysisFields;
  readonly blocks: UnsetBlocks;
  readonly early: Metadata | null;
}

/** The blocks of an analysis, made with their ranges unset (see `RANGE_UNSET`). */
interface UnsetBlocks {
  readonly questions: Question[];
  readonly answers: Block[];
}

/** What an analysis makes when it is first asked for (see `FrozenAnalysis`): its lists with their ranges unset, as `UnsetBlocks`. */
interface Findings {
  readonly metadata: Metadata;
  readonly deadlines: Analysis['deadlines'];
  readonly diagnostics: Diagnostic[];
  readonly dates: DateMention[];
  readonly footnotes: FootnoteMarker[];
  readonly references: Reference[];
  readonly letters: Letter[];
  readonly citations: Citation[];
}

/** The fields an analysis has from the start. */
type AnalysisFields = Omit<Analysis, keyof UnsetBlocks | keyof Findings> & {
  readonly headerFields: HeaderField[];
  readonly notices: Notice[];
  readonly sections: Section[];
};

/**
 * The analysis of an outline (its fields, blocks and early metadata), frozen: an analysis never changes
 * once built. Its findings (`Findings`: the dates, markers, references, letters, citations and
 * diagnostics, and the metadata when the outline has none) are made by `finish` when any of them is first read, on the token stream the
 * structure was read from: the stream is the analysis's until then (`holdTokens`), and an analysis
 * begun meanwhile finishes this one first, so the findings are the same whenever they are made. The
 * outline reads none of them: the first outline of a large set is answered before that work.
 *
 * Each list is a getter that sets the ranges of its elements when it is first read, so that no reader
 * sees an unset one. (A class, the getters on its prototype: getters in an object literal are a hidden
 * class of their own for each analysis, which the engine keeps with the old generation; indexing 4,000
 * files then peaked at 210 MB against 140.) Spread, it gives its other fields alone: `analysisFields` gives all.
 */
class FrozenAnalysis implements Analysis, TokenReader {
  declare readonly version: number | null;
  declare readonly text: string;
  declare readonly lines: LineIndex;
  declare readonly layout: Analysis['layout'];
  declare readonly source: Analysis['source'];
  declare readonly binary: boolean;
  declare readonly headerFields: readonly HeaderField[];
  declare readonly notices: readonly Notice[];
  declare readonly sections: readonly Section[];
  readonly #blocks: UnsetBlocks;
  readonly #early: Metadata | null;
  /** Makes the findings; null once it has run (or thrown). */
  #finish: (() => Findings) | null;
  #findings: Findings | null = null;
  /** What `#finish` threw: thrown again to every reader of the findings. */
  #failure: unknown = null;
  /** The lists whose elements' ranges are set, one bit each. */
  #set = 0;

  constructor({ fields, blocks, early }: Outline, finish: () => Findings) {
    Object.assign(this, fields);
    for (const list of [fields.headerFields, fields.notices, fields.sections, blocks.questions, blocks.answers]) Object.freeze(list);
    this.#blocks = blocks;
    this.#early = early;
    this.#finish = finish;
    // The analysis itself, not a closure made for it: a closure per analysis that holds it made the
    // engine's young generation keep every analysis's objects (at the sample ×1: 6 times the bytes promoted).
    holdTokens(this);
    Object.freeze(this);
  }

  /** Makes the findings now, for the keeper of the token stream (see `holdTokens`); a fault is kept for their readers. */
  finishReading(): void {
    findingsStats.settled++;
    try {
      void this.#made();
    } catch {
      // Kept, and thrown again to this analysis's readers: the analysis that wants the stream goes on.
    }
  }

  /** The findings, made now if they are not yet. */
  #made(): Findings {
    if (this.#findings !== null) return this.#findings;
    const finish = this.#finish;
    if (finish === null) throw this.#failure;
    this.#finish = null;
    letGoOfTokens(this);
    findingsStats.made++;
    try {
      const findings = finish();
      for (const list of [findings.diagnostics, findings.dates, findings.footnotes, findings.references, findings.letters, findings.citations]) Object.freeze(list);
      this.#findings = findings;
      return findings;
    } catch (e) {
      this.#failure = e;
      throw e;
    }
  }

  /** Whether the list of bit `bit` is read for the first time (its ranges then to be set). */
  #first(bit: number): boolean {
    if ((this.#set & bit) !== 0) return false;
    this.#set |= bit;
    return true;
  }

  /** Sets the ranges of an element and of its located parts. */
  #setParts(a: Located, b: Located | null = null, c: Located | null = null): void {
    setRange(a, this.lines);
    if (b !== null) setRange(b, this.lines);
    if (c !== null) setRange(c, this.lines);
  }

  #setBlock(b: Block | null): void {
    if (b !== null) this.#setParts(b, b.heading, b.body);
  }

  /** `list`, its elements' ranges set by `set` the first time (the list of bit `bit`). */
  #once<T>(bit: number, list: readonly T[], set: (element: T) => void): readonly T[] {
    if (this.#first(bit)) for (const e of list) set(e);
    return list;
  }

  get metadata(): Metadata {
    return this.#early ?? this.#made().metadata;
  }

  get deadlines(): Analysis['deadlines'] {
    return this.#made().deadlines;
  }

  get diagnostics(): readonly Diagnostic[] {
    return this.#made().diagnostics;
  }

  get questions(): readonly Question[] {
    return this.#once(1, this.#blocks.questions, (q) => {
      this.#setParts(q, q.heading, q.question);
      this.#setBlock(q.answer);
    });
  }

  get answers(): readonly Block[] {
    return this.#once(2, this.#blocks.answers, (b) => this.#setBlock(b));
  }

  get dates(): readonly DateMention[] {
    return this.#once(4, this.#made().dates, (d) => this.#setParts(d));
  }

  get footnotes(): readonly FootnoteMarker[] {
    return this.#once(8, this.#made().footnotes, (m) => this.#setParts(m, m.note));
  }

  get references(): readonly Reference[] {
    return this.#once(16, this.#made().references, (r) => this.#setParts(r));
  }

  get letters(): readonly Letter[] {
    return this.#once(32, this.#made().letters, (l) => {
      for (const m of l.mentions) this.#setParts(m);
    });
  }

  get citations(): readonly Citation[] {
    return this.#once(64, this.#made().citations, (c) => this.#setParts(c));
  }

  toJSON(): object {
    return analysisFields(this);
  }
}

/** Every field of an analysis, in the order of its JSON (its lists read, and so their ranges set). */
export function analysisFields(a: Analysis): { -readonly [K in keyof Analysis]: Analysis[K] } {
  return {
    version: a.version,
    text: a.text,
    lines: a.lines,
    layout: a.layout,
    source: a.source,
    binary: a.binary,
    metadata: a.metadata,
    headerFields: a.headerFields,
    questions: a.questions,
    answers: a.answers,
    notices: a.notices,
    sections: a.sections,
    dates: a.dates,
    footnotes: a.footnotes,
    references: a.references,
    letters: a.letters,
    citations: a.citations,
    deadlines: a.deadlines,
    diagnostics: a.diagnostics,
  };
}

/**
 * A file that is not UTF-8 shows U+FFFD where its bytes did not decode; a binary
 * file shows NUL and other control characters (by the rule that decoding files
 * uses, `looksBinaryText`). Both get one clear diagnostic. Returns whether the
 * text is binary.
 */
function encodingDiagnostics(text: string, sink: DiagnosticSink, hasNul: boolean): boolean {
  if (looksBinaryText(text, hasNul)) {
    sink.add({ start: 0, end: 0 }, 'warning', DiagnosticCode.encoding, messages.binary());
    return true;
  }
  let replacement = 0;
  const firstReplacement = text.indexOf('\ufffd');
  for (let i = firstReplacement; i >= 0; i = text.indexOf('\ufffd', i + 1)) replacement++;
  if (replacement > 0) sink.add({ start: firstReplacement, end: firstReplacement + 1 }, 'warning', DiagnosticCode.encoding, messages.notUtf8(replacement));
  return false;
}

/** Whether a furniture line (which the tokenizer skips) holds a NUL character. */
function furnitureHoldsNul(lines: LineIndex, kinds: Uint8Array): boolean {
  const text = lines.text;
  for (let line = 0; line < kinds.length; line++) {
    if (kinds[line] !== LineKind.Furniture) continue;
    for (let i = lines.lineStart(line), end = lines.lineEnd(line); i < end; i++) if (text.charCodeAt(i) === 0) return true;
  }
  return false;
}

/** The first date candidate with a written year that starts inside `span` (candidates are sorted). */
function firstCandidateIn(candidates: readonly DateCandidate[], span: Span): DateCandidate | null {
  const first = partitionPoint(candidates.length, (i) => candidates[i].span.start < span.start);
  for (let i = first; i < candidates.length && candidates[i].span.start < span.end; i++) if (candidates[i].year !== null) return candidates[i];
  return null;
}

// Two steps of the analysis in functions of their own: each takes a way that depends on the text (its layout; whether
// its header dates it), and the engine, meeting the other way first in a later text, compiles again only the function
// that has it, not the whole first part of the analysis.

/** The header, read by the layout's rules. */
function readHeader(lines: LineIndex, structure: Structure): HeaderInfo {
  return structure.layout === 'openkamer'
    ? readOpenkamerHeader(lines, structure.headerLines, structure.footerLines)
    : readOfficialHeader(lines, structure.headerLines, furnitureLines(structure), structure.headerEnd, structure.archive ?? null);
}

/** Without a date in the header, the year most dates have (counted only then: a pass over every candidate). */
function fallbackYearOf(headerDate: IsoDate | null, candidates: readonly DateCandidate[]): number | null {
  return headerDate === null ? mostCommonYear(candidates) : null;
}

function furnitureLines(structure: Structure): number[] {
  const out: number[] = [];
  structure.lineKinds.forEach((k, line) => {
    if (k === LineKind.Furniture) out.push(line);
  });
  return out;
}

/** The keyword ids this grammar compares tokens with. */
const KW = keywordsOf(['http', 'https', 'www', 'op', 'per', 'genoemde'] as const);

const enum LineMark {
  /** A line of the header. */
  Header = 1,
  /** A heading line that ends the sentences around it. */
  Heading = 2,
}

export interface TokenMarks {
  /** Tokens inside URLs (`http…`, `www.…`), up to the next white space. */
  readonly inUrl: Uint8Array;
  /** Skipped by the footnote markers: URLs, headings and footnote texts. */
  readonly markerSkip: Uint8Array;
  /** Skipped by the references: URLs, headings and the header. */
  readonly referenceSkip: Uint8Array;
  /** A sentence ends before the token: a heading or a blank line stands between it and the token before. */
  readonly boundary: Uint8Array;
}

/** The marks of a text and what they were made from, kept with its token stream for the next version of the text. */
interface MarksMemo {
  serial: number;
  /** The marks of the first `length` tokens (the references' skip before the note-text numbers); arrays reused from version to version. */
  length: number;
  inUrl: Uint8Array;
  markerSkip: Uint8Array;
  referenceSkip: Uint8Array;
  boundary: Uint8Array;
  /** The per-line inputs: the structure's line kinds, and the marks and heading bodies of the lines. */
  kinds: Uint8Array;
  lineMarks: Uint8Array;
  inlineBodyStart: Int32Array;
  headerEnd: number;
  /** Whether a heading stood inside a line (its tokens marked apart): then the next version is marked whole. */
  inlineHeadings: boolean;
}

/** How often the marks were made by reusing those of the text before, and wholly. For tests and the benchmark. */
export const markStats = { full: 0, incremental: 0 };

/**
 * The per-token marks that the grammars read, in one walk over the stream.
 *
 * A token's marks depend on its own line (its kind, whether it is a header or
 * heading line, where a heading's body starts, the URL it is in: a URL never
 * runs over a line break) and, for `boundary`, on the line before. So after an
 * edit, when every line outside the changed ones has the same inputs as before
 * (and no heading stands inside a line), the marks before the changed lines
 * stay, the walk runs over the changed lines and the line after them, and the
 * marks after move.
 */
export function markTokens(text: string, tokens: Tokens, structure: Structure, lineCount: number): TokenMarks {
  const n = tokens.length;
  const kinds = structure.lineKinds;
  // Per line: where the body of a heading line starts (-1: the whole line is heading).
  const inlineBodyStart = new Int32Array(lineCount).fill(-1);
  const lineMarks = new Uint8Array(lineCount);
  for (const h of structure.headings) {
    if (h.inlineBodyStart !== null) inlineBodyStart[h.line] = h.inlineBodyStart;
    // A heading inside a line (the archive's `3 In het kader …`, collapsed PDF text) does not end the sentences around its line.
    if (!h.inline) lineMarks[h.line] |= LineMark.Heading;
  }
  for (const line of structure.headerLines) lineMarks[line] |= LineMark.Header;
  // Headings inside a line (collapsed white space) cover only their own span (null: there are none).
  let inlineHeading: Uint8Array | null = null;
  for (const h of structure.headings) {
    if (!h.inline) continue;
    inlineHeading ??= tokens.bytes(Scratch.InlineHeading);
    for (let i = tokens.at(h.span.start); i < n && tokens.start[i] < h.span.end; i++) inlineHeading[i] = 1;
  }
  const marks: TokenMarks = {
    inUrl: tokens.bytes(Scratch.InUrl),
    markerSkip: tokens.bytes(Scratch.MarkerSkip),
    referenceSkip: tokens.bytes(Scratch.ReferenceSkip),
    boundary: tokens.bytes(Scratch.Boundary),
  };
  const input = { text, tokens, kinds, lineMarks, inlineBodyStart, inlineHeading, headerEnd: structure.headerEnd };
  const memo = tokens.memos[MemoSlot.Marks] as MarksMemo | undefined;
  const before = tokens.memoBefore<MarksMemo>(MemoSlot.Marks);
  if (before !== null && inlineHeading === null && !before.memo.inlineHeadings && remark(input, marks, before.memo, before.edit)) markStats.incremental++;
  else {
    markStats.full++;
    walkMarks(input, marks, 0, n);
  }
  // Kept for the next version, in the arrays of the memo before (read by now) when they are large enough.
  const next: MarksMemo = memo !== undefined && memo.inUrl.length >= n ? memo : {
    serial: 0, length: 0, inUrl: new Uint8Array(n + (n >> 3)), markerSkip: new Uint8Array(n + (n >> 3)), referenceSkip: new Uint8Array(n + (n >> 3)),
    boundary: new Uint8Array(n + (n >> 3)), kinds, lineMarks, inlineBodyStart, headerEnd: 0, inlineHeadings: false,
  };
  next.serial = tokens.serial;
  next.length = n;
  next.inUrl.set(marks.inUrl);
  next.markerSkip.set(marks.markerSkip);
  next.referenceSkip.set(marks.referenceSkip);
  next.boundary.set(marks.boundary);
  next.kinds = kinds;
  next.lineMarks = lineMarks;
  next.inlineBodyStart = inlineBodyStart;
  next.headerEnd = structure.headerEnd;
  next.inlineHeadings = inlineHeading !== null;
  tokens.memos[MemoSlot.Marks] = next;
  // The number that opens a note text (`4Kamerstuk …`, `[4] …`) is the note's, not a question number after `vraag` at the end of the text above.
  for (const f of structure.footnoteTexts) {
    let i = tokens.at(f.span.start);
    if (i < n && tokens.kind[i] === TokenKind.Punct) i++;
    if (i < n && tokens.kind[i] === TokenKind.Number) marks.referenceSkip[i] = 1;
  }
  return marks;
}

interface MarkInputs {
  readonly text: string;
  readonly tokens: Tokens;
  readonly kinds: Uint8Array;
  readonly lineMarks: Uint8Array;
  readonly inlineBodyStart: Int32Array;
  readonly inlineHeading: Uint8Array | null;
  readonly headerEnd: number;
}

/**
 * The marks of the new stream from those of the stream before (see `markTokens`); false, with
 * nothing written, when a line outside the changed ones has other inputs than before.
 */
function remark(input: MarkInputs, marks: TokenMarks, memo: MarksMemo, edit: TokenEdit): boolean {
  const { tokens, kinds, lineMarks, inlineBodyStart } = input;
  const n = tokens.length;
  const shift = edit.newEndToken - edit.oldEndToken;
  if (memo.length !== n - shift) return false;
  // The header's end, where a header line's tokens stop being header: the same offset, or moved with the text after the edit.
  const headerEnd = memo.headerEnd <= edit.start ? memo.headerEnd : memo.headerEnd >= edit.oldEnd ? memo.headerEnd + edit.charDelta : -1;
  if (headerEnd !== input.headerEnd) return false;
  const lines = kinds.length;
  const lineDelta = edit.lineDelta;
  if (memo.kinds.length !== lines - lineDelta) return false;
  for (let line = 0; line < edit.firstLine; line++) {
    if (kinds[line] !== memo.kinds[line] || lineMarks[line] !== memo.lineMarks[line] || inlineBodyStart[line] !== memo.inlineBodyStart[line]) return false;
  }
  for (let line = edit.newEndLine; line < lines; line++) {
    const old = line - lineDelta;
    const body = inlineBodyStart[line];
    const oldBody = memo.inlineBodyStart[old];
    if (kinds[line] !== memo.kinds[old] || lineMarks[line] !== memo.lineMarks[old] || body !== (oldBody < 0 ? oldBody : oldBody + edit.charDelta)) return false;
  }
  // Walked again: the changed lines' tokens and those of the line after them (its first token's boundary reads the line before).
  const from = edit.firstToken;
  const to = edit.newEndToken < n ? firstAtOrAfter(tokens.line, n, tokens.line[edit.newEndToken] + 1) : n;
  for (const [now, old] of [[marks.inUrl, memo.inUrl], [marks.markerSkip, memo.markerSkip], [marks.referenceSkip, memo.referenceSkip], [marks.boundary, memo.boundary]]) {
    now.set(old.subarray(0, from), 0);
    if (to < n) now.set(old.subarray(to - shift, n - shift), to);
  }
  walkMarks(input, marks, from, to);
  return true;
}

/** Marks the tokens [from, to); `from` and `to` are the first tokens of their lines (or the end). */
function walkMarks(input: MarkInputs, marks: TokenMarks, from: number, to: number): void {
  const { text, tokens, kinds, lineMarks, inlineBodyStart, inlineHeading, headerEnd } = input;
  const { inUrl, markerSkip, referenceSkip, boundary } = marks;
  const n = tokens.length;
  const tokLine = tokens.line;
  const tokStart = tokens.start;
  const tokEnd = tokens.end;
  const kw = tokens.kw;
  const gap = tokens.gap;
  const NONE = -1;
  const ALL = 0x7fffffff;
  // The last token of the URL the walk is in (-1: none yet): a URL runs over the tokens glued to its start.
  let urlEnd = -1;
  let prevLine = from > 0 ? tokLine[from - 1] : -1;
  // Line by line: what holds for a whole line is read once.
  for (let i = from; i < to;) {
    const line = tokLine[i];
    const lineKind = kinds[line];
    const lineMark = lineMarks[line];
    if (i > 0 &&
      (((lineMark | lineMarks[prevLine]) & LineMark.Heading) !== 0 || (line - prevLine > 1 && kinds[prevLine + 1] === LineKind.Blank))) boundary[i] = 1;
    // Tokens that start before these offsets are heading, and header.
    const headingBefore = lineKind !== LineKind.Heading ? NONE : inlineBodyStart[line] < 0 ? ALL : inlineBodyStart[line];
    const headerBefore = (lineMark & LineMark.Header) !== 0 ? headerEnd : NONE;
    const footnoteText = lineKind === LineKind.FootnoteText;
    for (; i < n && tokLine[i] === line; i++) {
      if (i > urlEnd) {
        const w = kw[i];
        if (w !== 0) {
          const end = tokEnd[i];
          const isUrlStart = w === KW.http || w === KW.https
            ? text.charCodeAt(end) === 58 /* : */ && text.charCodeAt(end + 1) === 47 /* / */ && text.charCodeAt(end + 2) === 47
            : w === KW.www && text.charCodeAt(end) === 46 /* . */;
          if (isUrlStart) {
            urlEnd = i;
            while (urlEnd + 1 < n && gap[urlEnd + 1] === Gap.None) urlEnd++;
          }
        }
      }
      const start = tokStart[i];
      const url = i <= urlEnd;
      if (url) inUrl[i] = 1;
      if (url || start < headingBefore || (inlineHeading !== null && inlineHeading[i] === 1)) {
        markerSkip[i] = 1;
        referenceSkip[i] = 1;
      } else {
        if (footnoteText) markerSkip[i] = 1;
        if (start < headerBefore) referenceSkip[i] = 1;
      }
    }
    prevLine = line;
  }
}

/** The years a document's year may be (`mostCommonYear`). */
const FIRST_YEAR = 1900;
const LAST_YEAR = 2200;

/** The year most candidates write, the latest of those that tie; null when none writes one. */
function mostCommonYear(candidates: readonly DateCandidate[]): number | null {
  // Counted in an array by year: no map, no iterator.
  const counts = new Int32Array(LAST_YEAR - FIRST_YEAR + 1);
  for (let i = 0; i < candidates.length; i++) {
    const c = candidates[i];
    // A year the OCR split (`1 990`) is checked against the document's year: it cannot set it.
    if (c.year !== null && c.splitYear === null && c.year >= FIRST_YEAR && c.year <= LAST_YEAR) counts[c.year - FIRST_YEAR]++;
  }
  let best: number | null = null;
  let bestCount = 0;
  for (let k = 0; k < counts.length; k++) {
    if (counts[k] > 0 && counts[k] >= bestCount) {
      best = FIRST_YEAR + k;
      bestCount = counts[k];
    }
  }
  return best;
}

/** The latest date written out with its year `year` (not a year split by OCR or with digits too many), or null. */
function latestDateIn(candidates: readonly DateCandidate[], year: number | null): IsoDate | null {
  if (year === null) return null;
  let best: IsoDate | null = null;
  for (const c of candidates) {
    if (c.year !== year || c.splitYear !== null || c.longYear !== null || !isValidDate(year, c.month, c.day)) continue;
    const iso = toIso(year, c.month, c.day);
    if (best === null || iso > best) best = iso;
  }
  return best;
}

function resolveDates(
  candidates: readonly DateCandidate[],
  markerStarts: ReadonlyMap<number, number>,
  documentYear: number | null,
  /** The date that a date without a year at `offset` is read by; `past` for one with `jl.`. */
  referenceAt: (offset: number, past: boolean) => IsoDate | null,
  text: string,
  lines: LineIndex,
  sink: DiagnosticSink,
  tokens: Tokens,
): DateMention[] {
  // The plain dates before an edit, read by the same date as before, are those of the version before.
  const before = tokens.memoBefore<ResolvedMemo>(MemoSlot.Resolved);
  const keptBy = before !== null ? before.edit.start : -1;
  // Those after it are theirs moved: the same text and date at new offsets (see `moveDate`). One walk finds both:
  // every date kept ends before the edit, and every one moved stood after it.
  const old = before?.memo ?? null;
  const oldDate = indexWalker(old?.candidates, (c) => c.span.start);
  const move = moveOf(before?.edit ?? null, lines);
  const kept: ResolvedMemo = { serial: tokens.serial, candidates: [], contextYears: [], readBy: [], mentions: [] };
  const out: DateMention[] = [];
  // By index, as the long loops of the pipeline: an iterator's results cost while the loop runs unoptimised.
  for (let ci = 0; ci < candidates.length; ci++) {
    const c = candidates[ci];
    const plain = c.longYear === null && c.splitYear === null && !c.splitDay;
    if (old !== null && plain && c.span.end <= keptBy) {
      const e = oldDate(c.span.start);
      if (e >= 0 && sameCandidate(old, e, c, 0) && old.readBy[e] === readByOf(c, referenceAt)) {
        resolvedStats.kept++;
        out.push(old.mentions[e]);
        keepResolved(kept, c, old.readBy[e], old.mentions[e]);
        continue;
      }
    } else if (old !== null && plain && move !== null && c.span.start >= move.edit.newEnd) {
      const e = oldDate(c.span.start - move.edit.charDelta);
      if (e >= 0 && sameCandidate(old, e, c, move.edit.charDelta) && old.readBy[e] === readByOf(c, referenceAt)) {
        resolvedStats.moved++;
        const moved = moveDate(old.mentions[e], c, move);
        out.push(moved);
        keepResolved(kept, c, old.readBy[e], moved);
        continue;
      }
    }
    const diagnosticsBefore = sink.items.length;
    let year = c.year;
    let end = c.span.end;
    let typo: DateMention['typo'] = null;
    if (c.splitYear && year !== null && (documentYear === null || Math.abs(year - documentYear) > 1)) {
      // `per 1 januari 1 950 euro` in a 2022 text: the digits are an amount, the date has no year written.
      year = null;
      end = c.splitYear.yearlessEnd;
    }
    if (c.longYear) {
      if (markerStarts.has(c.longYear.span.start + 4) && year !== null && year >= 1800 && year <= 2200) {
        end = c.longYear.span.start + 4;
      } else {
        const fixed = correctYear(c.longYear.text, documentYear);
        end = c.longYear.span.end;
        if (fixed === null) {
          sink.add(c.longYear.span, 'warning', DiagnosticCode.implausibleYear, messages.implausibleYear(c.longYear.text));
          continue;
        }
        year = fixed;
        typo = { written: c.longYear.text, year: fixed, span: c.longYear.span };
        sink.add(c.longYear.span, 'error', DiagnosticCode.yearTypo, messages.yearTypo(c.longYear.text, fixed), {
          fix: { span: c.longYear.span, newText: String(fixed), title: messages.yearTypoFix(fixed) },
        });
      }
    } else if (year !== null && (year < 1800 || year > 2200)) {
      if (c.yearStart >= 0) sink.add({ start: c.yearStart, end: c.yearEnd }, 'warning', DiagnosticCode.implausibleYear, messages.implausibleYear(String(year)));
      continue;
    }
    let inferredYear = false;
    if (year === null && c.contextYear !== null) {
      // `In 2021 is op 2 maart …`, a table column under `2023`: the year the text gives.
      year = c.contextYear;
      inferredYear = true;
    } else if (year === null) {
      const ref = referenceAt(c.span.start, c.relative === 'past');
      if (!ref) continue;
      year = inferYear(c.day, c.month, c.relative, ref);
      inferredYear = true;
      if (year === null) continue;
    }
    // The candidate's span where the date ends where it does (as a rule): spans never change.
    const span = end === c.span.end ? c.span : { start: c.span.start, end };
    const dateText = text.slice(span.start, span.end);
    if (!isValidDate(year, c.month, c.day)) {
      if (!inferredYear) sink.add(span, 'warning', DiagnosticCode.invalidDate, messages.invalidDate(normalizeSpace(dateText)));
      continue;
    }
    const iso = toIso(year, c.month, c.day);
    // Digits the OCR split (`2 8 april`, `4 juli 1 990`) are read where the reading is safe; the hint says how.
    if (c.splitDay || (c.splitYear && year === c.year)) sink.add(span, 'hint', DiagnosticCode.ocrDateRead, messages.ocrDateRead(normalizeSpace(dateText), iso));
    let weekday: DateMention['weekday'] = null;
    if (c.weekday) {
      const matches = weekdayMatches(iso, c.weekday.index);
      weekday = { name: c.weekday.name, span: c.weekday.span, matches };
      if (!matches) {
        // The right weekday is certain only when the year is: written, and not a typo's guess.
        const right = !inferredYear && typo === null ? inCaseOf(c.weekday.name, WEEKDAYS_NL[weekdayOf(iso)]) : null;
        sink.add(c.weekday.span, 'warning', DiagnosticCode.weekdayMismatch, messages.weekdayMismatch(c.weekday.name, iso), {
          fix: right === null ? undefined : { span: c.weekday.span, newText: right, title: messages.weekdayFix(right) },
        });
      }
    }
    const mention: DateMention = { span, range: RANGE_UNSET, text: ownString(dateText), date: iso, inferredYear, weekday, typo };
    out.push(mention);
    resolvedStats.made++;
    // A date that gave no diagnostic can be kept by the next version as it is.
    if (plain && sink.items.length === diagnosticsBefore) keepResolved(kept, c, readByOf(c, referenceAt), mention);
  }
  tokens.memos[MemoSlot.Resolved] = kept;
  return out;
}

/**
 * The references made from each raw reference with what they were resolved by
 * (its block, whether it stands in a question's text, whether the document has
 * answers, its letter's date, which of its numbers are the document's), kept
 * with the token stream for the next version (see `TokenEdit`). The
 * references grammar keeps the raw references before an edit as the same
 * objects, at the same offsets: one is found where it stood in the list before,
 * and gives the same references while all of that stays. (Lists of this
 * version's alone, not a map by raw reference: a large set has ten thousand,
 * each an entry to hash; nor a weak map of all: the engine clears a weak map's
 * entries only in a full collection, and each version's references would
 * outlive the young generation.)
 */
type MadeReferences = MadeLists<RawReference, MadeReference>;

/**
 * What a version made of each raw element it keeps for the next one (the raw references resolved alike each time,
 * see `plain`; the raw letter mentions), as two lists in text order: `made[i]` of `order[i]`.
 */
interface MadeLists<R, M> {
  readonly serial: number;
  readonly order: R[];
  readonly made: M[];
}

/** The next version's look-ups in the lists of the version before (none: null), each walked in text order by `startOf`. */
function madeLookup<R, M>(before: MadeLists<R, M> | null, startOf: (raw: R) => number) {
  const order = before?.order ?? [];
  const made = before?.made ?? [];
  const keptAt = indexWalker(order, startOf);
  return {
    /** What `raw` made before, when it is the same object there (kept before the edit: it stands where it stood); else null. */
    kept: (raw: R): M | null => {
      const k = keptAt(startOf(raw));
      return k >= 0 && order[k] === raw ? made[k] : null;
    },
    /** The index of the old raw element that starts at `start` (-1: none), for one moved after the edit. */
    movedAt: indexWalker(order, startOf),
    raw: (i: number): R => order[i],
    made: (i: number): M => made[i],
  };
}

/** The references of a raw reference none of whose targets is a question number. */
const NO_REFERENCES: readonly Reference[] = [];

/** The references made of one raw reference, with what they were resolved by. */
interface MadeReference {
  readonly block: number | null;
  readonly inQuestion: boolean;
  readonly hasAnswers: boolean;
  readonly letterDate: IsoDate | null;
  /** Per target of the raw reference, whether the document had its number. */
  readonly known: readonly boolean[];
  readonly made: readonly Reference[];
}

/** Four- and five-digit numbers are question numbers only where the document has them (`vraag 1400`), not years: no reference is made of them. */
function notAQuestion(n: number, numbers: ReadonlySet<number>): boolean {
  return n > 999 && !numbers.has(n);
}

/** Whether references made before were resolved by what resolves the raw reference `raw` now (its targets' numbers known alike). */
function resolvedAlike(
  p: MadeReference, block: number | null, inQuestion: boolean, hasAnswers: boolean, letterDate: IsoDate | null, raw: RawReference, numbers: ReadonlySet<number>,
): boolean {
  return p.block === block && p.inQuestion === inQuestion && p.hasAnswers === hasAnswers && p.letterDate === letterDate &&
    raw.targets.every((t, k) => numbers.has(t.number) === p.known[k]);
}

/** How often the references of a raw reference were kept from the version before, moved from it, and made. For tests and the benchmark. */
export const resolvedReferenceStats = { kept: 0, moved: 0, made: 0 };

/**
 * Whether a raw reference of the text before is `raw` at offsets the edit's
 * shift on, all of it after the changed characters (its words, numbers and
 * what it says about another set: the same text).
 */
function sameRawReference(old: RawReference, raw: RawReference, edit: TokenEdit): boolean {
  const delta = edit.charDelta;
  if (old.kind !== raw.kind || !sameSpan(old.phrase, raw.phrase, delta) || old.targets.length !== raw.targets.length) return false;
  for (let k = 0; k < raw.targets.length; k++) {
    if (old.targets[k].number !== raw.targets[k].number || !sameSpan(old.targets[k].span, raw.targets[k].span, delta)) return false;
  }
  if (old.elsewhere === null || raw.elsewhere === null) return old.elsewhere === raw.elsewhere;
  return raw.elsewhere.span.start >= edit.newEnd && sameSpan(old.elsewhere.span, raw.elsewhere.span, delta);
}

/**
 * The references of a raw reference after the edit, from those of the one it
 * moved from (resolved by the same block, numbers and letter date): their
 * texts, targets and scopes, at the new offsets (see `Move` for their ranges).
 */
function moveReferences(raw: RawReference, old: readonly Reference[], numbers: ReadonlySet<number>, block: number | null, letterDate: IsoDate | null, move: Move): Reference[] {
  const out: Reference[] = [];
  // The targets the references were made of: those not skipped, by the rule they were made by (the numbers known are the same).
  let j = 0;
  for (const t of raw.targets) {
    if (notAQuestion(t.number, numbers)) continue;
    const was = old[j++];
    const cites = was.cites === null || raw.elsewhere === null ? null : { text: was.cites.text, span: raw.elsewhere.span, letterDate };
    const range = rangeMoved(was, t.span, move);
    out.push({ span: t.span, range, text: was.text, phraseSpan: raw.phrase, from: block, number: t.number, target: was.target, scope: was.scope, kind: raw.kind, cites });
  }
  return out;
}

/** How often a resolved date was kept from the version before, moved from it, and made. For tests and the benchmark. */
export const resolvedStats = { kept: 0, moved: 0, made: 0 };

/**
 * The plain dates of the text before, kept with its token stream (see
 * `TokenEdit`). The document's year decides only dates with a split or long
 * year, which are never plain; the date a plain one is read by is compared.
 */
interface ResolvedMemo {
  readonly serial: number;
  /**
   * The plain dates (those that gave no diagnostic) in text order, one list a field: the candidate each
   * was read from (whose fields never change but for its context year), that context year as it was
   * then (a candidate kept by the next version gets its context year again), the date it was read by,
   * and the mention. Lists, not an object a date: a large set has tens of thousands of dates.
   */
  readonly candidates: DateCandidate[];
  readonly contextYears: (number | null)[];
  readonly readBy: (IsoDate | null)[];
  readonly mentions: DateMention[];
}

/** Adds a plain date to the lists of the next version. */
function keepResolved(memo: ResolvedMemo, c: DateCandidate, readBy: IsoDate | null, mention: DateMention): void {
  memo.candidates.push(c);
  memo.contextYears.push(c.contextYear);
  memo.readBy.push(readBy);
  memo.mentions.push(mention);
}

/** Whether the `e`th plain date of the text before is the candidate, its offsets `delta` on. */
function sameCandidate(memo: ResolvedMemo, e: number, c: DateCandidate, delta: number): boolean {
  const o = memo.candidates[e];
  if (memo.contextYears[e] !== c.contextYear) return false;
  // A candidate kept from the text before is the same object.
  if (o === c) return delta === 0;
  if (o.span.end + delta !== c.span.end || o.day !== c.day || o.month !== c.month || o.year !== c.year || o.relative !== c.relative) return false;
  const v = o.weekday;
  const w = c.weekday;
  if (v === null || w === null) return v === w;
  return v.span.start + delta === w.span.start && v.span.end + delta === w.span.end && v.index === w.index && v.name === w.name;
}

/** What a date without a year is read by (null for one with its year, written or given by the text around). */
function readByOf(c: DateCandidate, referenceAt: (offset: number, past: boolean) => IsoDate | null): IsoDate | null {
  return c.year === null && c.contextYear === null ? referenceAt(c.span.start, c.relative === 'past') : null;
}

/**
 * A plain date after the edit, resolved as before (`sameCandidate` with the
 * edit's shift, read by the same date): the old one's text, date and weekday
 * at the candidate's offsets.
 */
function moveDate(old: DateMention, c: DateCandidate, move: Move): DateMention {
  const span = c.span;
  const weekday = old.weekday === null || c.weekday === null ? null : { name: old.weekday.name, span: c.weekday.span, matches: old.weekday.matches };
  const range = rangeMoved(old, span, move);
  return { span, range, text: old.text, date: old.date, inferredYear: old.inferredYear, weekday, typo: null };
}

interface BlockIndex {
  readonly questions: Question[];
  readonly answers: Block[];
  /** First question number of the block (question text and its answer) that holds `offset`. */
  readonly blockAt: (offset: number) => number | null;
  /** First question number of the last block that starts at or before `offset`, whether or not it reaches it. */
  readonly blockBefore: (offset: number) => number | null;
  /** Where the last block starts (-1: no blocks). */
  readonly lastBlockStart: number;
  readonly questionTextAt: (offset: number) => boolean;
}

/**
 * The blocks of the text analysed before, kept with its token stream (see
 * `TokenEdit`): those that end before an edit are the same objects in the next
 * version (their text, offsets and positions are the same); those after it are
 * moved (see `Move`).
 */
interface BlockMemo {
  readonly serial: number;
  /** The blocks of `structure.answers`, of the inline answers, and the questions, each in text order. */
  readonly answers: readonly Block[];
  readonly inline: readonly Block[];
  readonly questions: readonly Question[];
}

/** How often blocks were kept from the text before (objects reused), moved from it, and made. For tests and the benchmark. */
export const blockStats = { kept: 0, moved: 0, made: 0 };

/** Whether a span of the text before is `b`, its offsets `delta` on. */
function sameSpan(a: Span, b: Span, delta = 0): boolean {
  return a.start + delta === b.start && a.end + delta === b.end;
}

function sameNumbers(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Whether the heading of a block of the text before is the raw heading `h` (both none, or at the same place). */
function sameHeading(old: Located | null, h: Heading | null, delta = 0): boolean {
  return old === null ? h === null : h !== null && sameSpan(old.span, h.span, delta);
}

/** Whether a block of the text before is the raw block `b`: the same spans (`delta` on) and numbers. */
function sameBlock(old: Block, b: RawBlock, delta = 0): boolean {
  return sameSpan(old.span, b.span, delta) && sameSpan(old.body.span, b.body, delta) && sameNumbers(old.numbers, b.numbers) && sameHeading(old.heading, b.heading, delta);
}

/** Whether a question of the text before is the raw question `q`: the same spans (`delta` on), numbers and heading. */
function sameQuestion(old: Question, q: RawQuestion, delta = 0): boolean {
  return sameSpan(old.span, q.span, delta) && sameSpan(old.question.span, q.question, delta) && sameNumbers(old.numbers, q.numbers) && sameHeading(old.heading, q.heading, delta);
}

/** The question of the raw question `raw`, with its parts as located and its answer. */
function questionOf(raw: RawQuestion, range: Range, heading: Located | null, question: Located, answer: Block | null): Question {
  return { span: raw.span, range, number: raw.numbers[0], numbers: raw.numbers, heading, question, answer, answeredBy: answer ? answer.numbers[0] : null };
}

/**
 * How an edit moves the elements of the text before that stand after its
 * changed characters: the same characters at offsets `edit.charDelta` on. On
 * the lines after its changed lines (from `unchanged` in the new text) they keep
 * their characters and move `edit.lineDelta` lines: there a moved element has
 * the old one's range moved, once that was set (see `movedRangeOf`); elsewhere
 * its range is set when its list is first read.
 */
interface Move {
  readonly edit: TokenEdit;
  /** Where the lines after the changed ones start in the new text (none: the edit ran to the end). */
  readonly unchanged: number;
}

/** The move of an edit to the text of `lines`; null when the text was read anew. */
function moveOf(edit: TokenEdit | null, lines: LineIndex): Move | null {
  return edit === null ? null : { edit, unchanged: unchangedFrom(edit, lines) };
}

/** The range of an element at `span` moved by `move` from `old` (see `Move`). */
function rangeMoved(old: Located, span: Span, move: Move): Range {
  return movedRangeOf(old, span, move.unchanged, move.edit.lineDelta);
}

/** A located part at `span`, moved by `move` from `old` when there is one (see `Move`). */
function partAt(span: Span, old: Located | null, move: Move | null): Located {
  return { span, range: old !== null && move !== null ? rangeMoved(old, span, move) : RANGE_UNSET };
}

/**
 * Walks a list of the text before in step with the new elements (both in text
 * order, `startOf` giving where each starts): the function it returns gives the
 * old element that starts at an offset, if any, once the walk has reached it.
 */
function walker<T>(list: readonly T[] | undefined, startOf: (element: T) => number): (start: number) => T | null {
  const at = indexWalker(list, startOf);
  return (start) => {
    const p = at(start);
    return p >= 0 && list ? list[p] : null;
  };
}

/** `walker`, giving the index of the element found (-1: none). */
function indexWalker<T>(list: readonly T[] | undefined, startOf: (element: T) => number): (start: number) => number {
  let p = 0;
  return (start) => {
    if (!list) return -1;
    while (p < list.length && startOf(list[p]) < start) p++;
    return p < list.length && startOf(list[p]) === start ? p : -1;
  };
}

const locatedStart = (element: Located): number => element.span.start;

function buildBlocks(structure: Structure, lines: LineIndex, tokens: Tokens): BlockIndex {
  // The blocks of the text before that end before the edit are kept as they are.
  const before = tokens.memoBefore<BlockMemo>(MemoSlot.Blocks);
  const keptBy = before !== null ? before.edit.start : -1;
  const memo = before?.memo;
  // The blocks after the edit are the old ones moved, when they are the same at their new offsets.
  const move = moveOf(before?.edit ?? null, lines);
  const delta = move?.edit.charDelta ?? 0;
  const movedAnswer = walker(memo?.answers, locatedStart);
  const movedInline = walker(memo?.inline, locatedStart);
  const movedQuestion = walker(memo?.questions, locatedStart);
  /** The old block the raw block `b` after the edit moved from, or null. */
  const movedFrom = (b: RawBlock, find: (start: number) => Block | null): Block | null => {
    if (move === null || b.span.start < move.edit.newEnd) return null;
    const old = find(b.span.start - delta);
    return old !== null && sameBlock(old, b, delta) ? old : null;
  };
  // Made with their ranges unset (see `RANGE_UNSET`), or moved (see `Move`).
  const toBlock = (b: RawBlock, old: Block | null, moved: Block | null): Block => {
    if (old !== null && b.span.end <= keptBy && sameBlock(old, b)) {
      blockStats.kept++;
      return old;
    }
    if (moved !== null) blockStats.moved++;
    else blockStats.made++;
    const heading = b.heading ? partAt(b.heading.span, moved?.heading ?? null, move) : null;
    const range = moved !== null && move !== null ? rangeMoved(moved, b.span, move) : RANGE_UNSET;
    return { span: b.span, range, heading, body: partAt(b.body, moved?.body ?? null, move), numbers: b.numbers };
  };
  const oldAnswer = walker(memo?.answers, locatedStart);
  const oldInline = walker(memo?.inline, locatedStart);
  const oldQuestion = walker(memo?.questions, locatedStart);
  const answers: Block[] = [];
  const listed: Block[] = [];
  const inline: Block[] = [];
  const answerOf = new Map<number, Block>();
  const regions: { span: Span; first: number; question: boolean }[] = [];
  for (let i = 0; i < structure.answers.length; i++) {
    const raw = structure.answers[i];
    const block = toBlock(raw, oldAnswer(raw.span.start), movedFrom(raw, movedAnswer));
    answers.push(block);
    listed.push(block);
    for (const n of raw.numbers) if (!answerOf.has(n)) answerOf.set(n, block);
    regions.push({ span: raw.span, first: raw.numbers[0], question: false });
  }
  const questions: Question[] = [];
  for (let i = 0; i < structure.questions.length; i++) {
    const raw = structure.questions[i];
    const old = oldQuestion(raw.span.start);
    const span = raw.span;
    // The question's text before its inline answer: the regions come in text order, and the sort below finds them so.
    regions.push({ span: { start: span.start, end: raw.question.end }, first: raw.numbers[0], question: true });
    let answer: Block | null = null;
    if (raw.inlineAnswer) {
      answer = toBlock(raw.inlineAnswer, oldInline(raw.inlineAnswer.span.start), movedFrom(raw.inlineAnswer, movedInline));
      answers.push(answer);
      inline.push(answer);
      regions.push({ span: raw.inlineAnswer.span, first: raw.numbers[0], question: false });
    } else {
      answer = answerOf.get(raw.numbers[0]) ?? null;
      for (const n of raw.numbers) if (!answer) answer = answerOf.get(n) ?? null;
    }
    // A question of the text before with the same spans, numbers and answer is the same; with another answer, only its parts are.
    const same = old !== null && span.end <= keptBy && sameQuestion(old, raw);
    if (same && old.answer === answer) {
      blockStats.kept++;
      questions.push(old);
      continue;
    }
    // A question after the edit with the same spans and numbers at its new offsets is the old one moved, with its (moved or made) answer.
    const from = move !== null && span.start >= move.edit.newEnd ? movedQuestion(span.start - delta) : null;
    if (from !== null && move !== null && sameQuestion(from, raw, delta)) {
      blockStats.moved++;
      const heading = raw.heading ? partAt(raw.heading.span, from.heading, move) : null;
      questions.push(questionOf(raw, rangeMoved(from, span, move), heading, partAt(raw.question, from.question, move), answer));
      continue;
    }
    blockStats.made++;
    const heading = same ? old.heading : raw.heading ? partAt(raw.heading.span, null, null) : null;
    const question = same ? old.question : partAt(raw.question, null, null);
    questions.push(questionOf(raw, same ? old.range : RANGE_UNSET, heading, question, answer));
  }
  tokens.memos[MemoSlot.Blocks] = { serial: tokens.serial, answers: listed, inline, questions } satisfies BlockMemo;
  answers.sort((a, b) => a.span.start - b.span.start);
  regions.sort((a, b) => a.span.start - b.span.start);
  // The regions in typed arrays: the look-ups below search them without a callback, and read no region object
  // (in a large set each is a cache miss, and they are asked for every reference, date and letter mention).
  const starts = new Int32Array(regions.length);
  const ends = new Int32Array(regions.length);
  // The first number of the block (NaN: the block has none), and whether the region is a question's text.
  const firsts = new Float64Array(regions.length);
  const inQuestion = new Uint8Array(regions.length);
  for (let i = 0; i < regions.length; i++) {
    const r = regions[i];
    starts[i] = r.span.start;
    ends[i] = r.span.end;
    firsts[i] = r.first ?? NaN;
    inQuestion[i] = r.question ? 1 : 0;
  }
  const firstOf = (i: number): number | undefined => (Number.isNaN(firsts[i]) ? undefined : firsts[i]);
  // The region found last: asked mostly in text order (references, dates, letter mentions), the search gallops
  // on from it, and searches the whole list only for an offset before it (in a large set a step is a cache miss).
  let hint = 0;
  /** The last region that starts at or before the offset, or -1. */
  const lastStartingBy = (offset: number): number => {
    const n = starts.length;
    const found = (hint < n && starts[hint] <= offset ? firstAtOrAfterFrom(starts, n, offset + 1, hint) : firstAfter(starts, n, offset)) - 1;
    hint = found < 0 ? 0 : found;
    return found;
  };
  /** The region that holds the offset, or -1. */
  const find = (offset: number): number => {
    const best = lastStartingBy(offset);
    return best >= 0 && offset <= ends[best] ? best : -1;
  };
  return {
    questions,
    answers,
    blockAt: (offset) => {
      const r = find(offset);
      return r >= 0 ? firstOf(r) ?? null : null;
    },
    blockBefore: (offset) => {
      const best = lastStartingBy(offset);
      return best >= 0 ? firstOf(best) as number : null;
    },
    lastBlockStart: regions.length > 0 ? regions[regions.length - 1].span.start : -1,
    questionTextAt: (offset) => {
      const r = find(offset);
      return r >= 0 && inQuestion[r] === 1;
    },
  };
}

/**
 * Where a phrase in a note text belongs (`Voor de antwoorden op de vragen 2, 4 en 7 is de bron …`): to
 * the block whose span holds the note; between two blocks (a page bottom after the last line of an
 * answer) to the block before it, as a block runs to the next heading; after the last block (the
 * notes that close a Word document) to the block that holds the note's marker.
 */
function noteBlocks(
  notes: readonly { readonly span: Span }[],
  footnotes: readonly FootnoteMarker[],
  blockAt: (offset: number) => number | null,
  blockBefore: (offset: number) => number | null,
  lastBlockStart: number,
): (offset: number) => number | null {
  if (notes.length === 0) return blockAt;
  const markerOf = new Map<number, number>();
  for (const f of footnotes) if (f.note && !markerOf.has(f.note.span.start)) markerOf.set(f.note.span.start, f.span.start);
  return (offset) => {
    const held = blockAt(offset);
    if (held !== null) return held;
    const k = partitionPoint(notes.length, (i) => notes[i].span.start <= offset) - 1;
    if (k < 0 || offset > notes[k].span.end) return null;
    const note = notes[k].span;
    const before = blockBefore(note.start);
    // A block starts after the note: the note stands between blocks.
    if (note.start < lastBlockStart || before === null) return before;
    const marker = markerOf.get(note.start);
    return (marker !== undefined ? blockAt(marker) : null) ?? before;
  };
}

function buildNotices(
  structure: Structure,
  candidates: readonly DateCandidate[],
  noticeDate: IsoDate | null,
  header: HeaderInfo,
  /** A span with its range made now (a notice is no element of a list whose ranges are set when it is read). */
  at: (span: Span) => Located,
  text: string,
): Notice[] {
  const field = header.fields.find((f) => f.key === 'Mededeling van');
  if (structure.notices.length === 0 && field && noticeDate) {
    // A Word delay notice is only the `Mededeling van … (ontvangen …)` line and its text.
    let end = text.length;
    while (end > field.span.end && /\s/.test(text[end - 1])) end--;
    let bodyStart = header.noticeAt ? header.noticeAt.end : field.span.end;
    while (bodyStart < end && /[\s).]/.test(text[bodyStart])) bodyStart++;
    return [{
      ...at({ start: field.span.start, end }),
      date: noticeDate,
      heading: at(field.keySpan),
      body: bodyStart < end ? at({ start: bodyStart, end }) : null,
    }];
  }
  return structure.notices.map((raw) => {
    let date: IsoDate | null = null;
    if (raw.heading?.dateSpan) {
      const ds = raw.heading.dateSpan;
      const c = firstCandidateIn(candidates, ds);
      if (c && c.year !== null && isValidDate(c.year, c.month, c.day)) date = toIso(c.year, c.month, c.day);
    }
    return {
      ...at(raw.span),
      date: date ?? noticeDate,
      heading: raw.heading ? at(raw.heading.span) : null,
      body: raw.body.end > raw.body.start ? at(raw.body) : null,
    };
  });
}

function buildLetters(
  raw: readonly RawLetterMention[],
  tokens: Tokens,
  sentence: Sentences,
  dates: readonly DateMention[],
  references: readonly Reference[],
  notices: readonly Notice[],
  blockAt: (offset: number) => number | null,
  lines: LineIndex,
): Letter[] {
  const text = lines.text;
  const mentionDate: (IsoDate | null)[] = raw.map((m) => (m.dateIndex !== null ? dates[m.dateIndex].date : null));
  // Only undated mentions ask for the dates of their sentence. The dates are in text order (as their
  // candidates are): those of a sentence are the run whose first tokens lie in the sentence's tokens,
  // found by binary search.
  const datesOfSentence = (s: number): number[] => {
    const { first: t0, end: t1 } = sentenceTokens(sentence, s);
    // A date is in the sentence when its first token (`tokens.at` of its start) is in [t0, t1).
    const after = t0 > 0 ? tokens.start[t0 - 1] : -1;
    const upTo = tokens.start[t1 - 1];
    const out: number[] = [];
    for (let idx = partitionPoint(dates.length, (i) => dates[i].span.start <= after); idx < dates.length && dates[idx].span.start <= upTo; idx++) out.push(idx);
    return out;
  };
  const lettersPerSentence = new Map<number, number>();
  const sentenceOf = raw.map((m) => sentenceAt(sentence, m.wordToken));
  for (const s of sentenceOf) lettersPerSentence.set(s, (lettersPerSentence.get(s) ?? 0) + 1);
  raw.forEach((m, idx) => {
    if (mentionDate[idx] !== null) return;
    // `Op 29 oktober is de Kamer … geïnformeerd … middels een Kamerbrief`: the one date of the sentence, said with `op`.
    const s = sentenceOf[idx];
    const inSentence = datesOfSentence(s);
    const lettersInSentence = lettersPerSentence.get(s) ?? 0;
    const anaphoric = ANAPHORIC.has(tokens.kwAt(m.wordToken - 1));
    if (inSentence.length === 1 && lettersInSentence === 1 && !anaphoric) {
      const d = dates[inSentence[0]];
      const before = tokens.kwAt(tokens.at(d.span.start) - 1);
      if (before === KW.op || before === KW.per) mentionDate[idx] = d.date;
    }
  });
  // `de in het antwoord op vraag 1 genoemde brief van 18 mei 2022` dates the undated letter of answer 1.
  // The mentions of each block that are undated still, in order, with how many at its front are dated
  // since (a date, once set, stays): the first undated mention of a block without a scan of all mentions.
  const mentionsOfBlock = new Map<number | null, { list: number[]; dated: number }>();
  let grouped = false;
  const firstUndatedIn = (block: number | null): number => {
    if (!grouped) {
      grouped = true;
      raw.forEach((o, k) => {
        if (mentionDate[k] !== null) return;
        const b = blockAt(o.span.start);
        const entry = mentionsOfBlock.get(b);
        if (entry) entry.list.push(k);
        else mentionsOfBlock.set(b, { list: [k], dated: 0 });
      });
    }
    const entry = mentionsOfBlock.get(block);
    if (!entry) return -1;
    while (entry.dated < entry.list.length && mentionDate[entry.list[entry.dated]] !== null) entry.dated++;
    return entry.dated < entry.list.length ? entry.list[entry.dated] : -1;
  };
  const referenceEndingAt = new Map<number, Reference>();
  for (const r of references) if (r.scope === 'internal' && r.target !== null) referenceEndingAt.set(r.span.end, r);
  raw.forEach((m, idx) => {
    const date = mentionDate[idx];
    if (date === null || m.dateIndex === null) return;
    if (tokens.kwAt(m.wordToken - 1) !== KW.genoemde || m.wordToken < 2) return;
    const ref = referenceEndingAt.get(tokens.end[m.wordToken - 2]);
    if (!ref) return;
    const target = firstUndatedIn(ref.target);
    if (target >= 0) mentionDate[target] = date;
  });

  const mentionsBefore = tokens.memoBefore<MadeMentions>(MemoSlot.MadeMentions);
  const madeBefore = madeLookup(mentionsBefore?.memo ?? null, (m) => m.span.start);
  const mentionsNow: MadeMentions = { serial: tokens.serial, order: [], made: [] };
  tokens.memos[MemoSlot.MadeMentions] = mentionsNow;
  // The raw mentions after the edit are copies of the old ones at new offsets: found by where the old ones stood.
  const mentionMove = moveOf(mentionsBefore?.edit ?? null, lines);
  const byDate = new Map<IsoDate, { mentions: LetterMention[]; footnotes: number[]; sender: string | null; first: number }>();
  raw.forEach((m, idx) => {
    const date = mentionDate[idx];
    if (date === null) return;
    let entry = byDate.get(date);
    if (!entry) {
      entry = { mentions: [], footnotes: [], sender: null, first: m.span.start };
      byDate.set(date, entry);
    }
    // A raw mention kept from the text before (the same object, before the edit) gives the same mention while its date is the same.
    const own = m.dateIndex !== null ? date : null;
    let mention = madeBefore.kept(m);
    if (mention === null || mention.date !== own) {
      // One after the edit with the span of an old one (shifted: the same words, as the text after the edit is the text before) keeps
      // its text; its date and note are its own.
      const mi = mentionMove !== null && m.span.start >= mentionMove.edit.newEnd ? madeBefore.movedAt(m.span.start - mentionMove.edit.charDelta) : -1;
      const was = mi >= 0 ? madeBefore.made(mi) : null;
      if (was !== null && mentionMove !== null && sameSpan(madeBefore.raw(mi).span, m.span, mentionMove.edit.charDelta)) {
        mention = { span: m.span, range: rangeMoved(was, m.span, mentionMove), text: was.text, date: own, footnote: m.footnote };
        letterMentionStats.moved++;
      } else {
        mention = { span: m.span, range: RANGE_UNSET, text: ownSlice(text, m.span.start, m.span.end), date: own, footnote: m.footnote };
      }
    }
    mentionsNow.order.push(m);
    mentionsNow.made.push(mention);
    entry.mentions.push(mention);
    if (m.footnote !== null && !entry.footnotes.includes(m.footnote)) entry.footnotes.push(m.footnote);
    if (entry.sender === null && m.sender) entry.sender = m.sender;
  });
  return [...byDate.entries()]
    .sort((a, b) => a[1].first - b[1].first)
    .map(([date, e]) => {
      const notice = notices.findIndex((n) => n.date === date);
      return { date, sender: e.sender, mentions: e.mentions, footnotes: e.footnotes, notice: notice >= 0 ? notice : null };
    });
}

/** The letter mention made of each raw mention, kept with the token stream for the next version (see `buildLetters`, and `MadeReferences` on why lists). */
type MadeMentions = MadeLists<RawLetterMention, LetterMention>;

/** How often a letter mention after an edit was moved from the version before. For tests. */
export const letterMentionStats = { moved: 0 };

const ANAPHORIC = new KeywordSet(['deze', 'die', 'dezelfde', 'genoemde']);
const SUBMISSION_VERBS = new KeywordSet(['gesteld', 'ingezonden', 'ingediend']);

/** The first date of a sentence that speaks of questions sent: `vragen … gesteld`, `vragen die op … zijn ingezonden`. */
function submissionFromText(tokens: Tokens, sentence: Sentences, dates: readonly DateMention[]): IsoDate | null {
  for (const d of dates) {
    const i = tokens.at(d.span.start);
    const { first, end } = sentenceTokens(sentence, sentenceAt(sentence, i));
    let questions = false;
    let verb = false;
    for (let j = i; j >= first && i - j < 60; j--) questions ||= tokens.kind[j] === TokenKind.Word && tokens.endsWith(j, 'vragen');
    for (let j = i; j < end && j - i < 60; j++) {
      questions ||= tokens.kind[j] === TokenKind.Word && tokens.endsWith(j, 'vragen');
      verb ||= tokens.kind[j] === TokenKind.Word && SUBMISSION_VERBS.has(tokens.kw[j]);
    }
    if (questions && verb) return d.date;
  }
  return null;
}

function buildMetadata(header: HeaderInfo, submitted: IsoDate | null, answered: IsoDate | null, noticeDate: IsoDate | null, at: (span: Span) => Located): Metadata {
  return {
    zaak: header.zaak?.value ?? null,
    zaakSpan: header.zaak?.span ?? null,
    title: header.title?.value ?? null,
    titleSpan: header.title?.span ?? null,
    submitters: header.submitters.map((p) => ({ ...p, ...at(p.span) })),
    addressees: header.addressees.map((p) => ({ ...p, ...at(p.span) })),
    answeredBy: header.answeredBy.map((p) => ({ ...p, ...at(p.span) })),
    onBehalfOf: header.onBehalfOf,
    submitted,
    submittedSpan: header.submittedAt,
    answered,
    answeredSpan: header.answeredAt,
    noticeDate,
    statedDays: header.statedDays?.value ?? null,
    statedDaysSpan: header.statedDays?.span ?? null,
    topics: header.topics,
    publications: header.publications.map((p) => ({ ...p, ...at(p.span) })),
    aanhangselNumber: header.aanhangselNumber,
    vergaderjaar: header.vergaderjaar,
  };
}


function structuralDiagnostics(
  sink: DiagnosticSink,
  questions: readonly Question[],
  answers: readonly Block[],
  metadata: Metadata,
  deadlines: ReturnType<typeof computeDeadlines>,
  header: HeaderInfo,
  answeredSet: boolean,
  noticeDocument: boolean,
  lines: LineIndex,
  numbering: QuestionNumbering | null,
  lostAnswers: ReadonlySet<number> = new Set(),
  lostQuestions: ReadonlySet<number> = new Set(),
): void {
  if (questions.length === 0 && answers.length === 0 && !noticeDocument) {
    sink.add({ start: 0, end: 0 }, 'information', DiagnosticCode.noQuestions, messages.noQuestions());
  }
  if (numbering) numberingDiagnostic(sink, numbering);
  const seen = new Set<number>();
  // Indexed loops: these run over every question and answer of the set.
  for (let i = 0; i < questions.length; i++) {
    const q = questions[i];
    for (let k = 0; k < q.numbers.length; k++) {
      const n = q.numbers[k];
      // The first duplicate is the numbering diagnostic's own; a duplicate-question diagnostic marks each further one.
      const reported = numbering?.problem === 'duplicate' && numbering.question === q && numbering.found === n;
      if (seen.has(n) && q.heading && !reported) sink.add(q.heading.span, 'warning', DiagnosticCode.duplicateQuestion, messages.duplicateQuestion(n));
      seen.add(n);
    }
    if (answeredSet && q.answer === null && q.heading && !q.numbers.some((n) => lostAnswers.has(n))) {
      const label = q.numbers.length > 1 ? `Vraag ${q.numbers.join(', ')}` : `Vraag ${q.number}`;
      const stub = answerStub(lines, q, answers);
      sink.add(q.heading.span, 'warning', DiagnosticCode.unansweredQuestion, messages.unansweredQuestion(label), {
        fix: stub ? { ...stub, title: messages.answerStubFix(q.numbers) } : undefined,
      });
    }
  }
  if (questions.length > 0) {
    /** A number some question has, or one the OCR lost. */
    const asked = (n: number): boolean => seen.has(n) || lostQuestions.has(n);
    for (let i = 0; i < answers.length; i++) {
      const a = answers[i];
      // A list of the missing numbers only for an answer that has one.
      if (a.heading === null || a.numbers.every(asked)) continue;
      const missing = a.numbers.filter((n) => !asked(n));
      sink.add(a.heading.span, 'warning', DiagnosticCode.answerWithoutQuestion, messages.answerWithoutQuestion(missing.join(', ')));
    }
  }
  if (deadlines && deadlines.daysTaken !== null && metadata.statedDays !== null && header.statedDays && deadlines.daysTaken !== metadata.statedDays) {
    const actual = deadlines.daysTaken;
    sink.add(header.statedDays.span, 'warning', DiagnosticCode.dayCountMismatch, messages.dayCountMismatch(metadata.statedDays, actual, deadlines), {
      fix: { span: header.statedDays.span, newText: `(na ${actual} dagen)`, title: messages.dayCountFix(actual) },
      related: metadata.submittedSpan ? [{ span: metadata.submittedSpan, message: messages.relatedSubmitted() }] : [],
    });
  }
  if (deadlines && deadlines.late && metadata.answeredSpan) {
    sink.add(metadata.answeredSpan, 'information', DiagnosticCode.lateAnswer, messages.lateAnswer(deadlines));
  }
}

/** Hints where the OCR lost a question or answer number: restored from the order, or left out as uncertain. */
function archiveDiagnostics(sink: DiagnosticSink, archive: ArchiveFacts, text: string): void {
  for (const r of archive.restored) sink.add(firstWord(text, r.span.start), 'hint', DiagnosticCode.ocrNumberRestored, messages.ocrNumberRestored(r.kind, r.number));
  for (const m of archive.missing) sink.add(firstWord(text, m.span.start), 'hint', DiagnosticCode.ocrNumberMissing, messages.ocrNumberMissing(m.kind, m.number));
}

/** The word at `at` (at most 40 characters): where a hint about a paragraph stands. */
function firstWord(text: string, at: number): Span {
  let end = at;
  while (end < text.length && end - at < 40 && !/\s/.test(text[end])) end++;
  return { start: at, end: Math.max(end, Math.min(text.length, at + 1)) };
}

/** `question-numbering` on the first question out of line, with the renumbering of the whole set as its fix. */
function numberingDiagnostic(sink: DiagnosticSink, n: QuestionNumbering): void {
  const at = n.question.heading ?? n.question;
  const message = n.problem === 'gap'
    ? messages.questionGap(n.expected, n.expected > 1 ? n.expected - 1 : null, n.found)
    : n.problem === 'duplicate' ? messages.questionDuplicate(n.found, n.expected) : messages.questionOrder(n.found, n.expected);
  const other = n.other && n.other !== n.question ? n.other.heading ?? n.other : null;
  const related = other ? [{ span: other.span, message: messages.relatedQuestion(n.problem === 'duplicate' ? n.found : n.expected, n.problem === 'duplicate') }] : [];
  sink.add(at.span, 'warning', DiagnosticCode.questionNumbering, message, { related, fix: { title: messages.renumberQuestions(), edits: n.edits } });
}
