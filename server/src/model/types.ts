// The analysis of one document version. Everything here is immutable once
// built, and every element carries its span (UTF-16 offsets) and its range
// (0-based line and character, as in LSP).

import type { Message } from '../i18n/words';
import type { LineIndex, Located, Range, Span } from './text';

export type Layout = 'openkamer' | 'official';
/** An ISO calendar date, `YYYY-MM-DD`. */
export type IsoDate = string;

export type { Located };

export interface TextElement extends Located {
  readonly text: string;
}

export interface Person extends Located {
  readonly name: string;
  readonly party: string | null;
  /** Function as printed, e.g. `minister binnenlandse zaken en koninkrijksrelaties` or `Minister van Onderwijs, Cultuur en Wetenschap`. */
  readonly role: string | null;
}

export interface Publication extends Located {
  readonly kind: 'question' | 'answer';
  readonly id: string | null;
  readonly url: string | null;
}

export interface HeaderField extends Located {
  /** The key as printed (`Ingediend`, `Beantwoord door`, …) or a synthetic name for official headers. */
  readonly key: string;
  readonly keySpan: Span;
  readonly value: string;
  readonly valueSpan: Span;
}

/** The people a header names: who asked, whom they asked, and who answered. */
export interface People<P> {
  readonly submitters: readonly P[];
  readonly addressees: readonly P[];
  readonly answeredBy: readonly P[];
}

/** Where the header states each of its facts, for hovers and for links back into the text. */
export interface HeaderSpans {
  readonly zaakSpan: Span | null;
  readonly titleSpan: Span | null;
  readonly submittedSpan: Span | null;
  readonly answeredSpan: Span | null;
  readonly statedDaysSpan: Span | null;
}

export interface Metadata extends People<Person>, HeaderSpans {
  readonly zaak: string | null;
  readonly title: string | null;
  /** `mede namens …` in the official answer heading. */
  readonly onBehalfOf: string | null;
  readonly submitted: IsoDate | null;
  readonly answered: IsoDate | null;
  /** Date of a delay-notice document's own `(ontvangen …)`. */
  readonly noticeDate: IsoDate | null;
  /** `(na 60 dagen)`: the day count the header states. */
  readonly statedDays: number | null;
  readonly topics: readonly string[];
  readonly publications: readonly Publication[];
  /** Official publication number (`584` in `Aanhangsel … 584`, `AH 604`). */
  readonly aanhangselNumber: number | null;
  readonly vergaderjaar: string | null;
}

export interface Block extends Located {
  /** The heading line (`Vraag 2 en 3`, `Antwoord op vraag 1`), or null where the layout has none. */
  readonly heading: Located | null;
  /** The body, without the heading. */
  readonly body: Located;
  readonly numbers: readonly number[];
}

export interface Question extends Located {
  /** The first number of the heading. */
  readonly number: number;
  /** Every number of a grouped heading (`Vraag 4, 5, 7 en 8`). */
  readonly numbers: readonly number[];
  readonly heading: Located | null;
  readonly question: Located;
  /** The answer block that answers this question, or null. Shared between the questions of a grouped answer. */
  readonly answer: Block | null;
  /** The first number of the question whose answer covers this one, or null when unanswered. */
  readonly answeredBy: number | null;
}

export interface Notice extends Located {
  readonly date: IsoDate | null;
  readonly heading: Located | null;
  readonly body: Located | null;
}

export interface Section extends Located {
  readonly kind: 'header' | 'footer' | 'toelichting' | 'furniture' | 'footnotes';
}

export interface DateMention extends TextElement {
  readonly date: IsoDate;
  /** The year was not written and follows from the document (`19 mei`, `5 juni jl.`). */
  readonly inferredYear: boolean;
  /** A weekday written before the date, with whether it matches. */
  readonly weekday: { readonly name: string; readonly span: Span; readonly matches: boolean } | null;
  /** A year written with an impossible digit count (`20022`), with the year meant. */
  readonly typo: { readonly written: string; readonly year: number; readonly span: Span } | null;
}

export interface FootnoteMarker extends TextElement {
  readonly number: number;
  /** The footnote text at the bottom of the page, where the document holds it. */
  readonly note: TextElement | null;
}

export type ReferenceScope = 'internal' | 'external';

export interface Reference extends TextElement {
  /** The whole phrase (`de antwoorden op vraag 8 en 9`), shared by the references it yields. */
  readonly phraseSpan: Span;
  /** First question number of the block the phrase stands in, or null outside question blocks. */
  readonly from: number | null;
  /** The number referred to. */
  readonly number: number;
  /** The question of this document referred to: `number` when it exists here and the scope is internal. */
  readonly target: number | null;
  readonly scope: ReferenceScope;
  /** `answer` for `antwoord 3`, `question` for `vraag 3` alone. */
  readonly kind: 'answer' | 'question';
  /** For external references: what the text names as the other set or letter. */
  readonly cites: { readonly text: string; readonly span: Span; readonly letterDate: IsoDate | null } | null;
}

export interface LetterMention extends TextElement {
  /** The date as written in this mention, or null where it follows from elsewhere. */
  readonly date: IsoDate | null;
  readonly footnote: number | null;
}

export interface Letter {
  /** Identity: the date, and the sender where stated. */
  readonly date: IsoDate;
  readonly sender: string | null;
  readonly mentions: readonly LetterMention[];
  readonly footnotes: readonly number[];
  /** Index into `notices` when the letter is a delay notice of this document. */
  readonly notice: number | null;
}

export type CitationKind =
  | 'zaak'
  | 'document'
  | 'publication'
  | 'kamerstuk'
  | 'aanhangsel'
  | 'handelingen'
  | 'ecli'
  | 'staatsblad'
  | 'staatscourant'
  | 'law'
  | 'url';

export interface Citation extends TextElement {
  readonly kind: CitationKind;
  /** A normalised identifier: `2022Z09875`, `kst-29984-899`, `ECLI:NL:RVS:2019:1234`, `BWBR0007376`. */
  readonly id: string;
  readonly url: string | null;
  /** A human label, e.g. `Kamerstuk 29 984, nr. 899` or `Archiefwet 1995`. */
  readonly label: string;
}

export interface Deadlines {
  readonly submitted: IsoDate;
  /** The term lengths in days (21 and 42 unless configured otherwise). */
  readonly regularDays: number;
  readonly extendedDays: number;
  /** Three weeks after submission. */
  readonly regular: IsoDate;
  /** Six weeks after submission, the term after a delay notice. */
  readonly extended: IsoDate;
  /** The term that applies: extended when a delay notice came, regular otherwise. */
  readonly applicable: IsoDate;
  readonly noticeGiven: boolean;
  readonly answered: IsoDate | null;
  readonly daysTaken: number | null;
  /** Days past the applicable term, 0 when on time, null while unanswered. */
  readonly daysLate: number | null;
  readonly late: boolean | null;
}

export type Severity = 'error' | 'warning' | 'information' | 'hint';


/** One replacement in the document's text. */
export interface Edit {
  readonly span: Span;
  readonly range: Range;
  readonly newText: string;
}

/** A certain fix: one or more edits (a renumbering touches many places), applied together. */
export interface Fix {
  readonly title: Message;
  readonly edits: readonly Edit[];
}

export interface Diagnostic extends Located {
  readonly severity: Severity;
  readonly code: string;
  readonly message: Message;
  readonly related: readonly { readonly span: Span; readonly range: Range; readonly message: Message }[];
  readonly fix: Fix | null;
}

/** The blocks of a document: raw in the structure, located in the analysis. */
export interface Blocks<Q, B, N, S> {
  readonly questions: readonly Q[];
  /** Answer blocks in document order (a grouped answer is one block). */
  readonly answers: readonly B[];
  readonly notices: readonly N[];
  readonly sections: readonly S[];
}

/** What the analysis finds in the text besides its blocks: located in the analysis, written out in its JSON. */
export interface Findings<D, F, R, L, C, G> {
  readonly dates: readonly D[];
  readonly footnotes: readonly F[];
  readonly references: readonly R[];
  readonly letters: readonly L[];
  readonly citations: readonly C[];
  readonly diagnostics: readonly G[];
}

export interface Analysis extends Blocks<Question, Block, Notice, Section>, Findings<DateMention, FootnoteMarker, Reference, Letter, Citation, Diagnostic> {
  readonly version: number | null;
  readonly text: string;
  readonly lines: LineIndex;
  readonly layout: Layout;
  /** `pdf` when page furniture was found, `archive` for an OCR text of the historical Aanhangsel (the archive layout), `plain` otherwise. */
  readonly source: 'pdf' | 'plain' | 'archive';
  /** The text is binary data (NUL bytes, many control characters): one warning says so, and the features show nothing of it. */
  readonly binary: boolean;
  readonly metadata: Metadata;
  readonly headerFields: readonly HeaderField[];
  readonly deadlines: Deadlines | null;
}

export type { Message };
