// The conversion of an original (a typeset PDF, a ministry's Word document)
// into text in the official layout, which the analysis then reads like any
// text, with a map from offsets in that text back to the original's pages or
// paragraphs. Shared by the PDF and Word converters, the ingest path, the
// index, the CLI and the features.

import { partitionPoint } from '../model/text';
import type { Message } from '../model/types';

export type OriginalKind = 'pdf' | 'docx';

/** Where an offset of the converted text comes from in the original. */
export interface Place {
  /** The first offset of the converted text this place covers (places are sorted by offset). */
  readonly offset: number;
  /** 1-based page of a PDF. */
  readonly page?: number;
  /** 1-based paragraph of a Word document's body, or of its footnotes part when `part` says so. */
  readonly paragraph?: number;
  readonly part?: 'body' | 'footnotes' | 'header';
}

export interface Converted {
  readonly kind: OriginalKind;
  /** The text in the official layout, `\n` line ends. */
  readonly text: string;
  /** Sorted by offset; the place of an offset is the last place at or before it. */
  readonly places: readonly Place[];
  /** Pages of a PDF, paragraphs of a Word body. */
  readonly units: number;
  /** What the conversion could not do but did not stop it (a page without text, a field it skipped). */
  readonly warnings: readonly Message[];
}

export type ConversionProblemCode =
  | 'not-pdf'
  | 'not-docx'
  | 'encrypted'
  | 'no-text'
  | 'corrupt'
  | 'too-large'
  | 'too-many-pages'
  | 'zip-bomb'
  | 'timeout'
  /** The first page showed no question set and the index asked to stop there (`firstPageShows`). */
  | 'not-question-set';

export interface ConversionProblem {
  readonly problem: ConversionProblemCode;
  readonly message: Message;
}

export type Conversion = Converted | ConversionProblem;

/** The bounds every conversion keeps, whatever the file. */
export interface ConversionLimits {
  /** Bytes of the original file. */
  readonly maxBytes: number;
  /** Pages of a PDF read; a longer PDF is refused. */
  readonly maxPages: number;
  /** Bytes a Word document may unpack to (all its zip entries together). */
  readonly maxUnpackedBytes: number;
  /** Wall-clock milliseconds a conversion may take. */
  readonly maxMillis: number;
  /**
   * The index's early stop for a PDF: given the first page's text, whether it
   * shows a question set; when it does not, the rest is not read (problem
   * `not-question-set`). A folder full of other PDFs then costs one page each.
   */
  readonly firstPageShows?: (text: string) => boolean;
}

export const DEFAULT_LIMITS: ConversionLimits = {
  maxBytes: 50 * 1024 * 1024,
  maxPages: 300,
  maxUnpackedBytes: 100 * 1024 * 1024,
  maxMillis: 20_000,
};

export function isProblem(c: Conversion): c is ConversionProblem {
  return 'problem' in c;
}

/** The place of an offset of the converted text (binary search), or null before the first place. */
export function placeAt(places: readonly Place[], offset: number): Place | null {
  const k = partitionPoint(places.length, (i) => places[i].offset <= offset);
  return k === 0 ? null : places[k - 1];
}
