// The elements of an analysis as they are made: each a `Placed`, its range read
// when asked, with its own fields in the order their JSON has always had.

import { type LineIndex, type Located, movedRange, type Range, type Span } from './text';
import type { Block, Citation, CitationKind, DateMention, FootnoteMarker, IsoDate, LetterMention, Question, Reference, ReferenceScope, TextElement } from './types';

/** The line index an element reads its range from (null once read). Symbol keys: no JSON, no `Object.keys`. */
const LINES: unique symbol = Symbol('lines');
/** The range, once read. */
const RANGE: unique symbol = Symbol('range');

/**
 * A part of one version's text: its span, and its range, worked out when it is
 * first read. Most elements of a long document are never shown, and a range is
 * three objects: made for every element they were a sixth of the analysis, and
 * most of what the collector copied. Read, the range is kept and the line index
 * let go. An element the next version keeps as it is (its span, and so its
 * range, the same) reads that version's index (`keptIn`), so that no element
 * holds an older text. As JSON it is its fields with the range second, as an
 * element written out whole always was.
 *
 * Each kind sets every field in its own constructor: a constructor (or field
 * initialiser) of this class that all kinds ran would see the shapes of all, and
 * its stores would take the engine's slow path.
 */
export abstract class Placed implements Located {
  // Written once, by the kind's constructor (readonly to every reader: `Located`).
  declare span: Span;
  declare [LINES]: LineIndex | null;
  declare [RANGE]: Range | null;

  get range(): Range {
    let range = this[RANGE];
    if (range === null) {
      range = this[RANGE] = (this[LINES] as LineIndex).rangeOf(this.span);
      this[LINES] = null;
    }
    return range;
  }

  /** This element, kept by the version of `lines` (where it stands at the same place): its range read there when asked. */
  keptIn(lines: LineIndex): this {
    if (this[RANGE] === null) this[LINES] = lines;
    return this;
  }

  /**
   * This element, standing where `old` of the version before stood but `lineDelta` lines on at the same
   * characters (on a line after an edit's changed lines): old's range moved, when old's was read. (The
   * same object when the edit added or removed no line: what a feature keeps by range it finds again.)
   */
  movedFrom(old: Located, lineDelta: number): this {
    if (!(old instanceof Placed) || old[RANGE] !== null) {
      this[RANGE] = movedRange(old.range, lineDelta);
      this[LINES] = null;
    }
    return this;
  }

  /** The line index the range will be read from, null once it was read. For tests. */
  linesToRead(): LineIndex | null {
    return this[LINES];
  }

  toJSON(): object {
    return Object.assign({ span: this.span, range: this.range }, this);
  }
}

/** A located part without more: a heading, a question's text, an answer's body. */
export class PlacedPart extends Placed {
  constructor(span: Span, lines: LineIndex) {
    super();
    this.span = span;
    this[LINES] = lines;
    this[RANGE] = null;
  }
}

/** A text element: a note's text. */
export class PlacedText extends Placed implements TextElement {
  declare text: string;

  constructor(span: Span, lines: LineIndex, text: string) {
    super();
    this.span = span;
    this[LINES] = lines;
    this[RANGE] = null;
    this.text = text;
  }
}

/** An answer block (or a question's inline answer). */
export class PlacedBlock extends Placed implements Block {
  declare heading: Located | null;
  declare body: Located;
  declare numbers: readonly number[];

  constructor(span: Span, lines: LineIndex, heading: Located | null, body: Located, numbers: readonly number[]) {
    super();
    this.span = span;
    this[LINES] = lines;
    this[RANGE] = null;
    this.heading = heading;
    this.body = body;
    this.numbers = numbers;
  }
}

/** A question with its parts and its answer. */
export class PlacedQuestion extends Placed implements Question {
  declare number: number;
  declare numbers: readonly number[];
  declare heading: Located | null;
  declare question: Located;
  declare answer: Block | null;
  declare answeredBy: number | null;

  constructor(
    span: Span,
    lines: LineIndex,
    number: number,
    numbers: readonly number[],
    heading: Located | null,
    question: Located,
    answer: Block | null,
    answeredBy: number | null,
  ) {
    super();
    this.span = span;
    this[LINES] = lines;
    this[RANGE] = null;
    this.number = number;
    this.numbers = numbers;
    this.heading = heading;
    this.question = question;
    this.answer = answer;
    this.answeredBy = answeredBy;
  }
}

/** A date mention. */
export class PlacedDate extends Placed implements DateMention {
  declare text: string;
  declare date: IsoDate;
  declare inferredYear: boolean;
  declare weekday: DateMention['weekday'];
  declare typo: DateMention['typo'];

  constructor(
    span: Span,
    lines: LineIndex,
    text: string,
    date: IsoDate,
    inferredYear: boolean,
    weekday: DateMention['weekday'],
    typo: DateMention['typo'],
  ) {
    super();
    this.span = span;
    this[LINES] = lines;
    this[RANGE] = null;
    this.text = text;
    this.date = date;
    this.inferredYear = inferredYear;
    this.weekday = weekday;
    this.typo = typo;
  }
}

/** A footnote marker with its note text. */
export class PlacedMarker extends Placed implements FootnoteMarker {
  declare text: string;
  declare number: number;
  declare note: TextElement | null;

  constructor(span: Span, lines: LineIndex, text: string, number: number, note: TextElement | null) {
    super();
    this.span = span;
    this[LINES] = lines;
    this[RANGE] = null;
    this.text = text;
    this.number = number;
    this.note = note;
  }
}

/** A reference to a question or answer. */
export class PlacedReference extends Placed implements Reference {
  declare text: string;
  declare phraseSpan: Span;
  declare from: number | null;
  declare number: number;
  declare target: number | null;
  declare scope: ReferenceScope;
  declare kind: 'answer' | 'question';
  declare cites: Reference['cites'];

  constructor(
    span: Span,
    lines: LineIndex,
    text: string,
    phraseSpan: Span,
    from: number | null,
    number: number,
    target: number | null,
    scope: ReferenceScope,
    kind: 'answer' | 'question',
    cites: Reference['cites'],
  ) {
    super();
    this.span = span;
    this[LINES] = lines;
    this[RANGE] = null;
    this.text = text;
    this.phraseSpan = phraseSpan;
    this.from = from;
    this.number = number;
    this.target = target;
    this.scope = scope;
    this.kind = kind;
    this.cites = cites;
  }
}

/** A mention of a letter. */
export class PlacedLetterMention extends Placed implements LetterMention {
  declare text: string;
  declare date: IsoDate | null;
  declare footnote: number | null;

  constructor(span: Span, lines: LineIndex, text: string, date: IsoDate | null, footnote: number | null) {
    super();
    this.span = span;
    this[LINES] = lines;
    this[RANGE] = null;
    this.text = text;
    this.date = date;
    this.footnote = footnote;
  }
}

/** A citation of an official document. */
export class PlacedCitation extends Placed implements Citation {
  declare text: string;
  declare kind: CitationKind;
  declare id: string;
  declare label: string;
  declare url: string | null;

  constructor(
    span: Span,
    lines: LineIndex,
    text: string,
    kind: CitationKind,
    id: string,
    label: string,
    url: string | null,
  ) {
    super();
    this.span = span;
    this[LINES] = lines;
    this[RANGE] = null;
    this.text = text;
    this.kind = kind;
    this.id = id;
    this.label = label;
    this.url = url;
  }
}

/**
 * An element of the version before, kept as it is by the version of `lines`:
 * its range, when not read yet, is read there (see `Placed.keptIn`). Any other
 * located object is one whose range was made with it.
 */
export function keptIn<T extends Located>(element: T, lines: LineIndex): T {
  return element instanceof Placed ? element.keptIn(lines) : element;
}
