// The machine-readable form of an analysis (`kamervraag analyze --json`),
// schema version 1. Positions are 0-based line and character (UTF-16 code
// units), as in the Language Server Protocol. Text fields hold the source
// text with every run of white space (no-break spaces included) collapsed to
// one space. Messages are in the requested language. Where an object of the
// schema holds fields of the model as they are, its type picks them from the
// model's type (with their doc comments); the order of the fields in the
// output is the order in which `toJson` writes them.

import type { Locale } from '../i18n/words';
import type { Analysis, CitationKind, Deadlines, Findings, Layout, Located, Metadata, People, Person, Publication, ReferenceScope, Severity } from './types';
import type { Range } from './text';
import { normalizeSpace } from './text';

export const SCHEMA_VERSION = 2;

/** Line and character of start and end, as the model's ranges (and LSP's). */
export type JsonRange = Range;

/** A person without its place; name and role with white space collapsed. */
export type JsonPerson = Pick<Person, 'name' | 'party' | 'role'>;

export type JsonPublication = Pick<Publication, 'kind' | 'id' | 'url'>;

/** The terms and how the answer kept them; the dates of submission and answer stand at the top of the object, the term lengths are left out. */
export type JsonDeadlines = Pick<Deadlines, 'regular' | 'extended' | 'applicable' | 'noticeGiven' | 'daysTaken' | 'daysLate' | 'late'>;

export interface JsonQuestion {
  readonly number: number;
  readonly numbers: readonly number[];
  readonly range: JsonRange;
  readonly heading: JsonRange | null;
  readonly question: { readonly range: JsonRange };
  readonly answer: { readonly range: JsonRange; readonly heading: JsonRange | null; readonly numbers: readonly number[] } | null;
  readonly answeredBy: number | null;
}

export interface JsonNotice {
  readonly date: string | null;
  readonly range: JsonRange;
}

export interface JsonReference {
  readonly range: JsonRange;
  readonly text: string;
  readonly from: number | null;
  readonly target: number | null;
  readonly number: number;
  readonly scope: ReferenceScope;
  readonly cites: string | null;
}

export interface JsonDate {
  readonly range: JsonRange;
  readonly text: string;
  readonly date: string;
  readonly inferredYear: boolean;
}

export interface JsonLetter {
  readonly date: string;
  readonly sender: string | null;
  readonly mentions: readonly JsonRange[];
  readonly footnotes: readonly number[];
  readonly notice: boolean;
}

export interface JsonFootnote {
  readonly range: JsonRange;
  readonly number: number;
  readonly note: string | null;
}

export interface JsonCitation {
  readonly kind: CitationKind;
  readonly range: JsonRange;
  readonly text: string;
  readonly id: string;
  readonly url: string | null;
}

export interface JsonDiagnostic {
  readonly range: JsonRange;
  readonly severity: Severity;
  readonly code: string;
  readonly message: string;
  readonly fix: { readonly title: string; readonly edits: readonly { readonly range: JsonRange; readonly newText: string }[] } | null;
}

/** One file's analysis; its metadata (the title with white space collapsed) as the model has it. */
export interface AnalysisJson
  extends Pick<Metadata, 'zaak' | 'title' | 'submitted' | 'answered' | 'statedDays' | 'topics'>, People<JsonPerson>,
    Findings<JsonDate, JsonFootnote, JsonReference, JsonLetter, JsonCitation, JsonDiagnostic> {
  readonly schemaVersion: 2;
  readonly file: string;
  readonly layout: Layout;
  /** `archive`: an OCR text of the historical Aanhangsel (the archive layout); `pdf`: text with page furniture. */
  readonly source: Analysis['source'];
  readonly publications: readonly JsonPublication[];
  readonly deadlines: JsonDeadlines | null;
  readonly questions: readonly JsonQuestion[];
  readonly notices: readonly JsonNotice[];
}

function range(r: Range): JsonRange {
  return { start: { line: r.start.line, character: r.start.character }, end: { line: r.end.line, character: r.end.character } };
}

function rangeOf(e: Located | null): JsonRange | null {
  return e === null ? null : range(e.range);
}

function person(p: Person): JsonPerson {
  return { name: normalizeSpace(p.name), party: p.party, role: p.role === null ? null : normalizeSpace(p.role) };
}

export function toJson(a: Analysis, file: string, locale: Locale): AnalysisJson {
  const m = a.metadata;
  const d = a.deadlines;
  return {
    schemaVersion: SCHEMA_VERSION,
    file,
    layout: a.layout,
    source: a.source,
    zaak: m.zaak,
    title: m.title === null ? null : normalizeSpace(m.title),
    submitted: m.submitted,
    answered: m.answered,
    statedDays: m.statedDays,
    submitters: m.submitters.map(person),
    addressees: m.addressees.map(person),
    answeredBy: m.answeredBy.map(person),
    topics: [...m.topics],
    publications: m.publications.map((p) => ({ kind: p.kind, id: p.id, url: p.url })),
    deadlines:
      d === null
        ? null
        : {
            regular: d.regular,
            extended: d.extended,
            applicable: d.applicable,
            noticeGiven: d.noticeGiven,
            daysTaken: d.daysTaken,
            daysLate: d.daysLate,
            late: d.late,
          },
    questions: a.questions.map((q) => ({
      number: q.number,
      numbers: [...q.numbers],
      range: range(q.range),
      heading: rangeOf(q.heading),
      question: { range: range(q.question.range) },
      answer:
        q.answer === null
          ? null
          : { range: range(q.answer.range), heading: rangeOf(q.answer.heading), numbers: [...q.answer.numbers] },
      answeredBy: q.answeredBy,
    })),
    notices: a.notices.map((n) => ({ date: n.date, range: range(n.range) })),
    references: a.references.map((r) => ({
      range: range(r.range),
      text: normalizeSpace(r.text),
      from: r.from,
      target: r.target,
      number: r.number,
      scope: r.scope,
      cites: r.cites === null ? null : normalizeSpace(r.cites.text),
    })),
    dates: a.dates.map((t) => ({ range: range(t.range), text: normalizeSpace(t.text), date: t.date, inferredYear: t.inferredYear })),
    letters: a.letters.map((l) => ({
      date: l.date,
      sender: l.sender === null ? null : normalizeSpace(l.sender),
      mentions: l.mentions.map((x) => range(x.range)),
      footnotes: [...l.footnotes],
      notice: l.notice !== null,
    })),
    footnotes: a.footnotes.map((f) => ({
      range: range(f.range),
      number: f.number,
      note: f.note === null ? null : normalizeSpace(f.note.text),
    })),
    citations: a.citations.map((c) => ({ kind: c.kind, range: range(c.range), text: normalizeSpace(c.text), id: c.id, url: c.url })),
    diagnostics: a.diagnostics.map((g) => ({
      range: range(g.range),
      severity: g.severity,
      code: g.code,
      message: g.message[locale],
      fix: g.fix === null ? null : { title: g.fix.title[locale], edits: g.fix.edits.map((e) => ({ range: range(e.range), newText: e.newText })) },
    })),
  };
}
