// The shapes of the question sets the workspace index knows: where a set
// stands, its files, its summary, and the filter of a listing. The protocol
// (`protocol.ts`) sends them to clients as they are. What a set's summary
// takes from the summaries of its files (`summary.ts`) is one shape,
// `SetFacts`; its fields that are the model's metadata are picked from
// `Metadata`.

import type { IsoDate, Metadata } from '../model/types';
import type { OriginalKind } from '../originals/types';

/** Where a set stands. */
export type SetState =
  /** Answered within the applicable term. */
  | 'answered'
  /** Answered after the applicable term. */
  | 'late'
  /** A delay notice came; no answer yet, the extended term has not passed. */
  | 'delayed'
  /** No answer, and the applicable term has passed (by the server's today). */
  | 'overdue'
  /** No answer yet, still within the term (or no submission date known). */
  | 'open';

export interface SetsParams {
  /** Only sets in these states (all when absent). */
  readonly states?: readonly SetState[];
  /** Only sets addressed to a ministry whose name contains this text (case-insensitive). */
  readonly ministry?: string;
}

/** What a file of a set is: the openkamer page, the questions as published, the answer, a delay notice. */
export type DocumentKind = 'openkamer' | 'questions' | 'answer' | 'notice';

/** One file of a set. */
export interface SetDocument {
  readonly uri: string;
  readonly kind: DocumentKind;
  /** Set when the file is an original (the Tweede Kamer's PDF, the ministry's Word document), read through its conversion. */
  readonly original?: OriginalKind;
}

/**
 * What the summary of a file says of its set, and the summary of the set
 * takes from its files: the zaak number, the title, the publication and its
 * session, the dates (the model's metadata), the label, the publications
 * listed, the people, the ministries and the number of questions.
 */
export interface SetFacts extends Pick<Metadata, 'zaak' | 'title' | 'aanhangselNumber' | 'vergaderjaar' | 'submitted' | 'answered'> {
  /** As the Outline's root: `Kamervraag 2022Z09875`, or the publication id. */
  readonly label: string;
  /** Every publication id listed as the set's own: `ah-tk-20242025-584`, `kv-tk-2022Z09875`, … */
  readonly publicationIds: readonly string[];
  /** `Name (Party)`. */
  readonly submitters: readonly string[];
  /** As printed: `minister van Binnenlandse Zaken en Koninkrijksrelaties`. */
  readonly addressees: readonly string[];
  /** The ministries the addressees stand for, normalised for filtering: `Binnenlandse Zaken en Koninkrijksrelaties`. */
  readonly ministries: readonly string[];
  readonly questions: number;
}

/**
 * A question set as the index knows it. The files of one set (same zaak
 * number, or the same publication when no zaak number is printed) are merged:
 * the answer comes from the answer file, the delay from the notice.
 */
export interface SetSummary extends SetFacts {
  /** The primary file: the answer, else the openkamer page, else the notice, else the questions. */
  readonly uri: string;
  readonly documents: readonly SetDocument[];
  readonly state: SetState;
  /** The applicable term's last day, where a submission date is known. */
  readonly deadline: IsoDate | null;
  readonly daysLate: number | null;
}
