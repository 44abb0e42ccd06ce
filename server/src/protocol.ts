// The custom requests and notifications between the Kamervraag client and
// server, beyond LSP. Names and shapes, and the words module that both show:
// the VS Code client imports this file and nothing else of the server. Any LSP client may use them; none
// is needed for the standard features.

import type { Range } from './model/text';

// The words both sides show (months, dates, terms, states, kinds of files and
// events), from the one words module: the client takes them from here.
export * as words from './i18n/words';

/** ISO calendar date, `YYYY-MM-DD`. */
export type IsoDate = string;

// ── Client → server ────────────────────────────────────────────────────────

/** `{ uri }` → the schema-v1 JSON of the document's analysis (`toJson`), or an error for an unknown document. */
export const ANALYSIS_REQUEST = 'kamervraag/analysis';

/** `SetsParams` → `SetSummary[]`: the question sets of the workspace index, newest first. */
export const SETS_REQUEST = 'kamervraag/sets';

/** `TimelineParams` → `Timeline | null`: the dated events of one set, for the timeline view. */
export const TIMELINE_REQUEST = 'kamervraag/timeline';

/**
 * `DraftAnswerParams` → `DraftAnswerResult | null`: the skeleton of the answer to
 * a questions document (an open one, a file of the index, or a set's primary
 * file: then the set's questions), in the official answer layout. A document
 * without questions is refused with an error whose message says so.
 */
export const DRAFT_ANSWER_REQUEST = 'kamervraag/draftAnswer';

/**
 * `OriginalTextParams` → `OriginalTextResult`: the converted text of an
 * original (a `.pdf` or `.docx` file of the workspace, or the original of a
 * `kamervraag-original:` document), in the official text layout the analysis
 * reads. An original that cannot be read or converted is refused with an error
 * (LSP RequestFailed) whose message says why in the UI language and whose
 * `data.code` is the conversion problem's code (`encrypted`, `no-text`,
 * `corrupt`, `too-many-pages`, …, or `unreadable`).
 */
export const ORIGINAL_TEXT_REQUEST = 'kamervraag/originalText';

// The read-only document that shows an original's converted text: its URI
// scheme and the round trip between it and the original's URI.
export { ORIGINAL_SCHEME, isOriginalDocumentUri, originalDocumentUri, originalUriOf } from './originals/uri';

/**
 * Commands (`workspace/executeCommand`, announced in `executeCommandProvider`; the
 * VS Code client registers them itself). Argument: the document URI string; without
 * it, the document of the latest request. They send `workspace/applyEdit` with the
 * same edit as the source actions `source.renumberQuestions` and `source.renumberFootnotes`.
 */
export const RENUMBER_QUESTIONS_COMMAND = 'kamervraag.renumberQuestions';
export const RENUMBER_FOOTNOTES_COMMAND = 'kamervraag.renumberFootnotes';

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

/** Where the server runs: a Node process (desktop and remote extension hosts) or a web worker (VS Code for the Web). */
export type ServerRuntime = 'node' | 'web-worker';

/** The running server, as the extension reports it (`KamervraagApi.server`). */
export interface ServerInfo {
  readonly name: string;
  readonly version?: string;
  /** From the initialize result's `capabilities.experimental.runtime`. */
  readonly runtime?: ServerRuntime;
}

/**
 * What the extension's `activate` returns (`vscode.extensions.getExtension('kamervraag.kamervraag').exports`),
 * for other extensions and the editor suite.
 */
export interface KamervraagApi {
  /** The server once it runs (it is started if it was not); undefined when it could not start. */
  server(): Promise<ServerInfo | undefined>;
}

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

// The sets of the workspace index: their shapes belong to the index
// (`workspace/sets.ts`) and go over the wire as they are.
export type { SetDocument, SetState, SetSummary, SetsParams } from './workspace/sets';
import type { SetState } from './workspace/sets';

export interface OriginalTextParams {
  readonly uri: string;
}

export interface OriginalTextResult {
  /** The text in the official layout, `\n` line ends. */
  readonly text: string;
  readonly kind: 'pdf' | 'docx';
  /** Pages of a PDF, paragraphs of a Word body. */
  readonly units: number;
  /** The original's URI (the file), and the URI of the read-only document to show the text in. */
  readonly original: string;
  readonly document: string;
  /** What the conversion could not do but did not stop it, in the UI language. */
  readonly warnings: readonly string[];
}

export interface DraftAnswerParams {
  readonly textDocument: { readonly uri: string };
}

export interface DraftAnswerResult {
  /** Plain text: placeholders written `[minister]`, `[datum]`, the answers empty. */
  readonly text: string;
  /** The same as a snippet (LSP / VS Code syntax): `${1:minister}`, `${2:datum}`, then `$3`… one per answer, `$0` at the end. */
  readonly snippet: string;
  /** A name for the new document: `Antwoord 2024Z18435`. */
  readonly title?: string;
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
  /** The answer terms the timeline was computed with, in days, to name them (`Termijn van 3 weken`); 21 and 42 when absent. */
  readonly terms?: { readonly regularDays: number; readonly extendedDays: number };
  /** Sorted by date, then in document order. */
  readonly events: readonly TimelineEvent[];
}
