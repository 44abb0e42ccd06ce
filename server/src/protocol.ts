// The custom requests and notifications between the Kamervraag client and
// server, beyond LSP. Names and shapes only: no code runs here, so both the
// server and the VS Code client import it. Any LSP client may use them; none
// is needed for the standard features.

import type { Range } from './model/text';

/** ISO calendar date, `YYYY-MM-DD`. */
export type IsoDate = string;

// ── Client → server ────────────────────────────────────────────────────────

/** `{ uri }` → the schema-v1 JSON of the document's analysis (`toJson`), or an error for an unknown document. */
export const ANALYSIS_REQUEST = 'kamervraag/analysis';

/** `SetsParams` → `SetSummary[]`: the question sets of the workspace index, newest first. */
export const SETS_REQUEST = 'kamervraag/sets';

/** `TimelineParams` → `Timeline | null`: the dated events of one set, for the timeline view. */
export const TIMELINE_REQUEST = 'kamervraag/timeline';

// ── Server → client ────────────────────────────────────────────────────────

/**
 * `FindFilesParams` → `string[]` (URIs). Sent only to a client that announced
 * `initializationOptions.fileSystem: true`; it lists the candidate files of a
 * workspace folder through the editor's file system (virtual workspaces too).
 */
export const FIND_FILES_REQUEST = 'kamervraag/findFiles';

/** `ReadFileParams` → `ReadFileResult | null` (null: gone or unreadable). Same condition as above. */
export const READ_FILE_REQUEST = 'kamervraag/readFile';

/** `IndexChangedParams`, no answer: the index changed (files added, changed, removed, or indexing finished); views refresh. */
export const INDEX_CHANGED_NOTIFICATION = 'kamervraag/indexChanged';

// ── Shapes ────────────────────────────────────────────────────────────────

/** What a client announces in `initializationOptions`. */
export interface InitializationOptions {
  /** UI language of the editor (`nl`, `en`, `en-US`, …). */
  readonly locale?: string;
  /** The client answers FIND_FILES_REQUEST and READ_FILE_REQUEST. Without it the server reads `file:` folders from disk. */
  readonly fileSystem?: boolean;
  /** Pretend today is this date (tests and screenshots): decides "unanswered and overdue". */
  readonly today?: IsoDate;
}

export interface FindFilesParams {
  /** A workspace folder URI. */
  readonly folder: string;
  /** Glob patterns relative to the folder, e.g. `**\/*.kamervraag`, `**\/*.txt`. */
  readonly include: readonly string[];
  readonly exclude?: string;
}

export interface ReadFileParams {
  readonly uri: string;
}

export interface ReadFileResult {
  /** The raw bytes, base64: the server decodes them (UTF-8, BOMs, Windows-1252 detection) as it does for files on disk. */
  readonly base64: string;
  /** Modification time in ms since the epoch, when the file system knows it. */
  readonly mtime?: number;
}

export interface IndexChangedParams {
  /** Number of indexed question sets. */
  readonly sets: number;
  /** True while the first indexing of the workspace is still running. */
  readonly indexing: boolean;
}

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

/** One file of a set: the openkamer page, the questions as published, the answer, a delay notice. */
export interface SetDocument {
  readonly uri: string;
  readonly kind: 'openkamer' | 'questions' | 'answer' | 'notice';
}

/**
 * A question set as the index knows it. The files of one set (same zaak
 * number, or the same publication when no zaak number is printed) are merged:
 * the answer comes from the answer file, the delay from the notice.
 */
export interface SetSummary {
  /** The primary file: the answer, else the openkamer page, else the notice, else the questions. */
  readonly uri: string;
  readonly documents: readonly SetDocument[];
  /** The document's own label, as the Outline's root: `Kamervraag 2022Z09875` or the publication id. */
  readonly label: string;
  readonly zaak: string | null;
  readonly title: string | null;
  /** `ah-tk-20242025-584`, `kv-tk-2022Z09875`, … */
  readonly publicationIds: readonly string[];
  readonly aanhangselNumber: number | null;
  readonly vergaderjaar: string | null;
  readonly submitted: IsoDate | null;
  readonly answered: IsoDate | null;
  /** `Name (Party)` */
  readonly submitters: readonly string[];
  /** As printed: `minister van Binnenlandse Zaken en Koninkrijksrelaties`. */
  readonly addressees: readonly string[];
  /** The ministries the addressees stand for, normalised for filtering: `Binnenlandse Zaken en Koninkrijksrelaties`. */
  readonly ministries: readonly string[];
  readonly state: SetState;
  /** The applicable term's last day, where a submission date is known. */
  readonly deadline: IsoDate | null;
  readonly daysLate: number | null;
  readonly questions: number;
}

export interface TimelineParams {
  readonly uri: string;
}

export type TimelineEventKind =
  | 'submitted'
  | 'term-regular'
  | 'term-extended'
  | 'notice'
  | 'letter'
  | 'debate'
  | 'ruling'
  | 'date'
  | 'answered';

export interface TimelineEvent {
  readonly date: IsoDate;
  readonly kind: TimelineEventKind;
  /** Short label in the UI language: `Ingediend`, `Brief van 18 mei 2022`, `Uitstelbericht`, … */
  readonly label: string;
  /** The text the event comes from, to reveal on click; null for computed events (the terms). */
  readonly range: Range | null;
  /** The file `range` lies in, when it is another file of the set than the timeline's own `uri`. */
  readonly uri?: string;
}

export interface Timeline {
  readonly uri: string;
  readonly title: string;
  readonly state: SetState;
  /** Sorted by date, then in document order. */
  readonly events: readonly TimelineEvent[];
}
