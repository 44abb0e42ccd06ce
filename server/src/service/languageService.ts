// The language service: one object that owns what the features read. One
// store of open documents (they override files), one analysis cache keyed by
// (URI, version or file stamp, terms), the settings per document, the
// workspace index and its indexer, and today's date. Every feature is a
// function of this service (see `features/`); the LSP server, the command line
// and the tests drive the same object. No Node built-ins and no editor API:
// it runs in the Node server, in a browser worker and in-process in tests.

import type { Analysis, IsoDate } from '../model/types';
import { verifyStats } from '../model/analysis';
import { trimTokenPool } from '../model/tokens';
import { localeOf, type Locale } from '../i18n/words';
import { DEFAULT_SETTINGS, MIN_FILE_SIZE_MB, type Settings } from '../settings';
import type { WorkspaceFileSystem } from '../workspace/fileSystem';
import { WorkspaceIndex } from '../workspace/index';
import { type Conversion, isProblem, type Place } from '../originals/types';
import { isOriginalDocumentUri, originalKindOfName, originalUriOf } from '../originals/uri';
import { convertSafely, ingestBytes, ingestConverted, ingestFile, ingestText, noConverter, type Converter, type FileAnalyzer, type Ingested, type IngestOptions, type LargeFileAnalyzer } from '../workspace/ingest';
import { AnalysisCache } from './cache';
import { DocumentStore } from './documents';
import { Indexer } from './indexer';

/** Delay between the last keystroke and the index update of an open document. */
export const INDEX_DELAY_MS = 600;
/**
 * Delay between opening a document (or its first edits) and its index update: the requests an editor
 * sends with the open (outline, folding, tokens, diagnostics) are answered first. Each waits for the
 * analysis, which the index update then reuses; only the update's own work (the set's summary) waits.
 */
export const INDEX_OPEN_DELAY_MS = 100;
/**
 * An index update that falls due while requests are being answered waits until none has been for
 * this long, a pause as a reader makes: the update of a large set (some 100 ms at 11 MB) would hold
 * up the rest of what an editor asks for as a document opens, and compete for the processor with
 * the client reading the answers (a client that reads an 11 MB set's outline asks again within
 * 100 ms). It waits at most `INDEX_MAX_DEFER_MS` past its delay (a client that asks without pause).
 */
export const INDEX_QUIET_MS = 300;
export const INDEX_MAX_DEFER_MS = 2000;
/** How often, at most, the index reports a change while the first indexing runs. */
export const INDEX_CHANGED_INTERVAL_MS = 500;

/** Today in the UTC calendar, `YYYY-MM-DD`: the one place that reads the clock for the date. */
export function isoToday(now: Date = new Date()): IsoDate {
  return now.toISOString().slice(0, 10);
}

export interface LanguageServiceOptions {
  /** Where the workspace's files are read; without one the index holds the open documents only. */
  readonly fileSystem?: WorkspaceFileSystem | null;
  /** Analyses the files of a large crawl in another thread. */
  readonly analyzer?: FileAnalyzer;
  /** Analyses a large file read from the file system in a process of its own. */
  readonly large?: LargeFileAnalyzer;
  readonly locale?: Locale | string;
  /** A fixed today (tests, screenshots); otherwise today follows the clock. */
  readonly today?: IsoDate;
  readonly log?: (message: string) => void;
  /** The index changed: a file added, changed or removed, or indexing finished. */
  readonly onIndexChanged?: (sets: number, indexing: boolean) => void;
  /**
   * Converts originals (PDF, Word): the platform's (`convertOriginal`, in Node loaded on first use), or a
   * fake in tests. Without one every original is a problem: the service does not import the converters
   * itself, so that a bundle that reads texts only does not hold them.
   */
  readonly convert?: Converter;
  /** A full garbage collection (Node); run after a large token stream is let go. */
  readonly collectGarbage?: () => void;
  /**
   * Checks every analysis of an edited document that reused the version before against a whole
   * analysis of its text, uses the whole one where they differ, and logs it (a debug aid: it
   * doubles the work of each keystroke; `KAMERVRAAG_VERIFY_INCREMENTAL=1` for the Node server).
   */
  readonly verifyIncremental?: boolean;
  /** Asks the runtime to keep its heap close to what it holds (true) or to size it as it likes (false): true while a document of LARGE_DOCUMENT_CHARS or more is open. */
  readonly fitHeap?: (fit: boolean) => void;
}

/**
 * From this many characters (some 1,000 questions) an open document makes the
 * heap be kept close to what it holds. Each keystroke in such a document
 * leaves the text before and the elements it moved (tens of MB at 10 MB) to
 * the collector; left to its own sizing, the engine let the heap grow from
 * 300 MB to 1.5 GB over twenty keystrokes in an 11 MB set.
 */
export const LARGE_DOCUMENT_CHARS = 4_000_000;

/** Let go of at least this many bytes, the service asks for a garbage collection (it takes some 50 ms on a large heap). */
const COLLECT_AFTER_BYTES = 32 * 2 ** 20;

/** An original's text as the service gives it: the conversion, or why there is none (`unreadable`: the file cannot be read). */
export type OriginalText = Conversion | { readonly problem: 'unreadable'; readonly message: { readonly nl: string; readonly en: string } };

/** A request's cancellation, as LSP's CancellationToken has it. */
export interface Cancellation {
  readonly isCancellationRequested: boolean;
}

/** What a feature reads besides the analysis. */
export interface FeatureContext {
  readonly locale: Locale;
  readonly settings: Settings;
}

/** Stamp of a file read from the file system: it stays valid until a watcher event or an edit says otherwise. */
const FILE_STAMP = 'file';

export class LanguageService {
  readonly documents = new DocumentStore();
  readonly cache = new AnalysisCache();
  readonly index: WorkspaceIndex;
  /** Null without a file system: then the index holds the open documents only. */
  readonly indexer: Indexer;
  locale: Locale;
  private readonly fileSystem: WorkspaceFileSystem | null;
  private globalSettings: Settings = DEFAULT_SETTINGS;
  private readonly settingsByUri = new Map<string, Settings>();
  private pinnedToday: IsoDate | null;
  private currentToday: IsoDate;
  private readonly indexTimers = new Map<string, ReturnType<typeof setTimeout>>();
  private changedTimer: ReturnType<typeof setTimeout> | null = null;
  private lastChangedAt = 0;
  /** Converts originals. */
  readonly convert: Converter;
  /** The conversion of each original read, with the stamp of the bytes it was made from; dropped on a watcher event. */
  private readonly originals = new Map<string, { stamp: string; conversion: Promise<Conversion>; settled?: Conversion }>();

  constructor(private readonly o: LanguageServiceOptions = {}) {
    this.locale = localeOf(o.locale);
    this.pinnedToday = o.today ?? null;
    this.currentToday = this.pinnedToday ?? isoToday();
    this.index = new WorkspaceIndex(DEFAULT_SETTINGS.terms, this.currentToday);
    this.fileSystem = o.fileSystem ?? null;
    this.convert = o.convert ?? noConverter;
    this.indexer = new Indexer({
      fs: this.fileSystem ?? { findFiles: async () => [], readFile: async () => null },
      index: this.index,
      maxBytes: () => this.globalSettings.maxFileSizeMB * 1024 * 1024,
      ingestOptions: () => this.ingestOptions(this.globalSettings),
      isOpen: (uri) => this.documents.has(uri),
      onChange: () => this.indexChanged(),
      log: o.log,
      analyzer: o.analyzer,
      large: o.large,
      convert: (kind, bytes, limits) => this.convert(kind, bytes, limits),
    });
  }

  get hasFileSystem(): boolean {
    return this.fileSystem !== null;
  }

  // ── Today ─────────────────────────────────────────────────────────────────

  /** Today: pinned, or the clock's (the server may run past midnight; the index follows). */
  today(): IsoDate {
    if (this.pinnedToday === null) {
      const now = isoToday();
      if (now !== this.currentToday) {
        this.currentToday = now;
        this.index.setToday(now);
      }
    }
    return this.currentToday;
  }

  pinToday(today: IsoDate): void {
    this.pinnedToday = today;
    this.currentToday = today;
    this.index.setToday(today);
  }

  // ── Settings ─────────────────────────────────────────────────────────────

  settingsFor(uri: string): Settings {
    return this.settingsByUri.get(uri) ?? this.globalSettings;
  }

  hasSettings(uri: string): boolean {
    return this.settingsByUri.has(uri);
  }

  setSettings(uri: string, settings: Settings): void {
    this.settingsByUri.set(uri, settings);
  }

  /** The workspace's settings: the default for documents without their own, and the index's terms. Returns whether the index changed. */
  setGlobalSettings(settings: Settings): boolean {
    this.globalSettings = settings;
    const generation = this.index.generation;
    this.index.setTerms(settings.terms);
    return this.index.generation !== generation;
  }

  get settings(): Settings {
    return this.globalSettings;
  }

  /** Forgets every document's own settings (the configuration changed). */
  clearSettings(): void {
    this.settingsByUri.clear();
  }

  context(uri: string): FeatureContext {
    return { locale: this.locale, settings: this.settingsFor(uri) };
  }

  private ingestOptions(settings: Settings): IngestOptions {
    return { terms: settings.terms, year: Number(this.today().slice(0, 4)) };
  }

  // ── Analyses ─────────────────────────────────────────────────────────────

  /** The size limit of `uri` in MB when its open text is larger, else null. */
  tooLarge(uri: string): number | null {
    const doc = this.documents.get(uri);
    const limit = this.settingsFor(uri).maxFileSizeMB;
    return doc && doc.getText().length > limit * 1024 * 1024 ? limit : null;
  }

  /**
   * Whether an open document is within the smallest size limit any settings can give: then its own
   * settings change nothing in its structure (outline, folding), which no terms move either.
   */
  withinEveryLimit(uri: string): boolean {
    const doc = this.documents.get(uri);
    return doc !== undefined && doc.getText().length <= MIN_FILE_SIZE_MB * 1024 * 1024;
  }

  /** The analysis of an open document with its own terms, or null when it is not open or too large. */
  analysis(uri: string): Analysis | null {
    const doc = this.documents.get(uri);
    if (!doc || this.tooLarge(uri) !== null) return null;
    const settings = this.settingsFor(uri);
    return this.cache.get(uri, doc.version, settings.terms, () => this.analyzeText(uri, doc.getText(), settings, doc.version));
  }

  private analyzeText(uri: string, text: string, settings: Settings, version?: number): Analysis {
    if (text.length >= LARGE_DOCUMENT_CHARS) this.fitHeap();
    const verify = this.o.verifyIncremental === true;
    const mismatches = verifyStats.mismatches;
    // The outline of an open document comes before its diagnostics: the findings are made when first read.
    const r = ingestText(uri, text, { ...this.ingestOptions(settings), version, verify, deferFindings: true });
    if (verify && verifyStats.mismatches !== mismatches) {
      this.o.log?.(`Kamervraag: the incremental analysis of ${uri} (version ${version ?? '?'}) differed from a whole analysis of its text; the whole one is used.`);
    }
    if (r.ok) return r.analysis;
    throw new Error(r.error ?? `cannot analyse ${uri}: ${r.skip}`);
  }

  /**
   * The analysis of any file of the workspace, with the given settings' terms
   * (the document's own by default): the open document's, or the file read
   * through the file system (kept until a watcher event or an edit). Null when
   * it cannot be read or is no text.
   */
  async fileAnalysis(uri: string, settings: Settings = this.settingsFor(uri)): Promise<Analysis | null> {
    const doc = this.documents.get(uri);
    if (doc) {
      if (this.tooLarge(uri) !== null) return null;
      return this.cache.get(uri, doc.version, settings.terms, () => this.analyzeText(uri, doc.getText(), settings, doc.version));
    }
    const known = this.cache.peek(uri, FILE_STAMP, settings.terms);
    if (known) return known;
    if (!this.fileSystem) return null;
    if (originalKindOfName(uri) !== null) {
      const c = await this.originalText(uri);
      if ('problem' in c || this.documents.has(uri)) return null;
      const r = ingestConverted(uri, c, this.ingestOptions(settings));
      return r.ok ? this.cache.get(uri, FILE_STAMP, settings.terms, () => r.analysis) : null;
    }
    const content = await this.fileSystem.readFile(uri).catch(() => null);
    if (!content) return null;
    const r = this.ingest(uri, content.bytes, settings);
    if (!r.ok) return null;
    return this.cache.get(uri, FILE_STAMP, settings.terms, () => r.analysis);
  }

  // ── Originals ────────────────────────────────────────────────────────────

  /**
   * The converted text of an original (a `.pdf` or `.docx` of the workspace,
   * or the original of a `kamervraag-original:` document), converted once per
   * file stamp (its mtime, else a hash of its bytes) and kept until a watcher
   * event says the file changed. A problem when it cannot be read or converted.
   */
  async originalText(uri: string): Promise<OriginalText> {
    const file = originalUriOf(uri) ?? uri;
    const kind = originalKindOfName(file);
    if (kind === null) return { problem: 'not-pdf', message: { nl: 'Dit is geen PDF- of Word-bestand (.pdf, .docx).', en: 'This is not a PDF or Word file (.pdf, .docx).' } };
    const content = this.fileSystem ? await this.fileSystem.readFile(file).catch(() => null) : null;
    if (!content) return { problem: 'unreadable', message: { nl: 'Het bestand kan niet gelezen worden.', en: 'The file cannot be read.' } };
    const stamp = content.mtime !== undefined ? `m${content.mtime}:${content.bytes.length}` : `h${hashBytes(content.bytes)}:${content.bytes.length}`;
    const known = this.originals.get(file);
    if (known && known.stamp === stamp) return known.conversion;
    if (known) this.cache.delete(file);
    const limit = this.settings.maxFileSizeMB * 1024 * 1024;
    const entry: { stamp: string; conversion: Promise<Conversion>; settled?: Conversion } = {
      stamp,
      conversion: convertSafely(kind, content.bytes, this.convert, { maxBytes: limit }).then((c) => (entry.settled = c)),
    };
    this.originals.set(file, entry);
    return entry.conversion;
  }

  /**
   * Where the offsets of an open document's text lie in its original: the
   * places of the conversion, when `uri` is a `kamervraag-original:` document
   * whose text is the conversion's (it was not edited). Null otherwise, and
   * while the conversion runs.
   */
  originalPlaces(uri: string): { kind: 'pdf' | 'docx'; places: readonly Place[] } | null {
    const file = originalUriOf(uri);
    const doc = this.documents.get(uri);
    const c = file ? this.originals.get(file)?.settled : undefined;
    if (!doc || !c || isProblem(c) || c.text !== doc.getText()) return null;
    return { kind: c.kind, places: c.places };
  }

  /** The file a document stands for: the original of a `kamervraag-original:` document, else the document itself. */
  fileUri(uri: string): string {
    return originalUriOf(uri) ?? uri;
  }

  /** The analysis of `uri` where it is at hand without reading a file: the open document's, or a file's read before (else null). */
  knownAnalysis(uri: string): Analysis | null {
    if (this.documents.has(uri)) return this.analysis(uri);
    return this.cache.peek(uri, FILE_STAMP, this.settingsFor(uri).terms) ?? null;
  }

  /** The one path from a text file's bytes to an analysis, with the given settings (the workspace's by default). */
  ingest(uri: string, bytes: Uint8Array, settings: Settings = this.globalSettings): Ingested {
    return ingestBytes(uri, bytes, { ...this.ingestOptions(settings), maxBytes: settings.maxFileSizeMB * 1024 * 1024 });
  }

  /** The one path from any file's bytes to an analysis: an original (`.pdf`, `.docx`) is converted first, a text decoded. */
  ingestFile(uri: string, bytes: Uint8Array, settings: Settings = this.globalSettings): Promise<Ingested> {
    return ingestFile(uri, bytes, { ...this.ingestOptions(settings), maxBytes: settings.maxFileSizeMB * 1024 * 1024 }, this.convert);
  }

  // ── Documents ────────────────────────────────────────────────────────────

  openDocument(uri: string, languageId: string, version: number, text: string): void {
    this.documents.open(uri, languageId, version, text);
    // An original's converted text stands for the original in the index (it is indexed as the original's file).
    const original = originalUriOf(uri);
    if (original) this.index.alias(uri, original);
  }

  closeDocument(uri: string): void {
    this.documents.close(uri);
    this.releaseUnused();
    if (isOriginalDocumentUri(uri)) {
      this.index.alias(uri, null);
      this.cache.delete(uri);
      this.settingsByUri.delete(uri);
      return;
    }
    this.cache.delete(uri);
    this.settingsByUri.delete(uri);
    const pending = this.indexTimers.get(uri);
    if (pending) clearTimeout(pending);
    this.indexTimers.delete(uri);
    // Back to the disk's copy, or out of the index when it is not in the workspace.
    if (this.indexer.inWorkspace(uri)) void this.indexer.refresh(uri);
    else if (this.index.delete(uri)) this.indexChanged();
  }

  /** When a request was last begun or answered (`noteActivity`), by `Date.now`. */
  private lastActivity = 0;

  /** Says that a request is being answered: a due index update waits for `INDEX_QUIET_MS` of quiet (see `scheduleIndex`). */
  noteActivity(): void {
    this.lastActivity = Date.now();
  }

  /** How many ms ago a request was last begun or answered (`noteActivity`). */
  quietFor(): number {
    return Date.now() - this.lastActivity;
  }

  /**
   * Puts an open document's current text into the index after `delay` ms (it overrides the disk), and
   * once no request has been begun or answered for `INDEX_QUIET_MS` (at most `INDEX_MAX_DEFER_MS` later).
   */
  scheduleIndex(uri: string, delay = INDEX_DELAY_MS): void {
    const pending = this.indexTimers.get(uri);
    if (pending) clearTimeout(pending);
    const due = Date.now() + delay;
    const whenQuiet = (): void => {
      const now = Date.now();
      const quietFor = this.quietFor();
      if (quietFor < INDEX_QUIET_MS && now < due + INDEX_MAX_DEFER_MS) {
        this.indexTimers.set(uri, setTimeout(whenQuiet, INDEX_QUIET_MS - quietFor));
        return;
      }
      // One turn more: an answer computed just before the delay ended is written in that turn (the
      // connection writes from an immediate, which a due timer goes before); the update comes after it.
      this.indexTimers.set(uri, setTimeout(() => {
        this.indexTimers.delete(uri);
        this.indexDocument(uri);
      }, 0));
    };
    this.indexTimers.set(uri, setTimeout(whenQuiet, delay));
  }

  /** Puts an open document's current text into the index now. */
  indexDocument(uri: string): void {
    const doc = this.documents.get(uri);
    // An original's converted text is in the index as its original's file.
    if (!doc || isOriginalDocumentUri(uri)) return;
    try {
      const before = JSON.stringify(this.index.setOf(uri)?.summary ?? null);
      const a = this.analysis(uri);
      const changed = a ? this.indexer.indexText(uri, doc.getText(), doc.getText().length, a) : this.index.delete(uri);
      if (changed && JSON.stringify(this.index.setOf(uri)?.summary ?? null) !== before) this.indexChanged();
    } catch (e) {
      this.o.log?.(`Indexing ${uri} failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
    }
  }

  // ── The workspace ────────────────────────────────────────────────────────

  /** Indexes workspace folders; reports progress; `finished` runs before the index tells it changed, at the end. */
  async addFolders(folders: readonly string[], progress?: (done: number, total: number) => void, finished?: () => void): Promise<void> {
    try {
      if (this.fileSystem && folders.length > 0) await this.indexer.addFolders(folders, progress);
    } finally {
      finished?.();
      this.sendIndexChanged();
    }
  }

  removeFolder(folder: string): void {
    this.indexer.removeFolder(folder);
  }

  private watchQueue: Promise<unknown> = Promise.resolve();

  /** A watcher saw a file created, changed or deleted (a deleted folder comes as one event). Applied in order. */
  fileEvent(uri: string, deleted: boolean): Promise<unknown> {
    this.watchQueue = this.watchQueue.then(async () => {
      if (!this.documents.has(uri)) this.cache.delete(uri);
      this.originals.delete(uri);
      if (deleted) {
        for (const known of [...this.originals.keys()]) if (known.startsWith(uri.endsWith('/') ? uri : `${uri}/`)) this.originals.delete(known);
        if (!this.indexer.remove(uri)) this.indexer.removeUnder(uri);
      } else await this.indexer.refresh(uri);
    }).catch((e) => this.o.log?.(`Watcher update failed: ${String(e)}`));
    return this.watchQueue;
  }

  get indexing(): boolean {
    return this.indexer.indexing;
  }

  /**
   * Memory for what is open: the analysis keeps one token stream for the next
   * analysis, as large as the largest text it read. After a large file is
   * indexed from the disk or a large document is closed, that stream is let go
   * unless an open document needs one of its size.
   */
  releaseUnused(): void {
    let largest = 0;
    for (const doc of this.documents.all()) largest = Math.max(largest, doc.getText().length);
    this.fitHeap(largest);
    if (trimTokenPool(largest) >= COLLECT_AFTER_BYTES && this.o.collectGarbage) {
      // Not in the middle of the request or notification that let the memory go.
      const collect = this.o.collectGarbage;
      setTimeout(() => {
        try {
          collect();
        } catch (e) {
          this.o.log?.(`Garbage collection failed: ${String(e)}`);
        }
      }, 0);
    }
  }

  /** Whether the runtime was asked to keep the heap close to what it holds. */
  private heapFitted = false;

  /** Asks the runtime to keep the heap close to what it holds while a large document is open, and no longer once none is. */
  private fitHeap(largest = LARGE_DOCUMENT_CHARS): void {
    const fit = largest >= LARGE_DOCUMENT_CHARS;
    if (fit === this.heapFitted || !this.o.fitHeap) return;
    this.heapFitted = fit;
    try {
      this.o.fitHeap(fit);
    } catch (e) {
      this.o.log?.(`Heap sizing failed: ${String(e)}`);
    }
  }

  private sendIndexChanged(): void {
    if (this.changedTimer) clearTimeout(this.changedTimer);
    this.changedTimer = null;
    this.releaseUnused();
    this.lastChangedAt = Date.now();
    try {
      this.o.onIndexChanged?.(this.index.setCount, this.indexer.indexing);
    } catch (e) {
      this.o.log?.(`indexChanged failed: ${String(e)}`);
    }
  }

  /** Reports a change soon after it happens, at most every INDEX_CHANGED_INTERVAL_MS while indexing. */
  indexChanged(): void {
    if (this.changedTimer) return;
    const wait = this.indexer.indexing ? Math.max(0, this.lastChangedAt + INDEX_CHANGED_INTERVAL_MS - Date.now()) : 50;
    this.changedTimer = setTimeout(() => this.sendIndexChanged(), wait);
  }

  /** Ends the timers (shutdown, tests). */
  dispose(): void {
    for (const t of this.indexTimers.values()) clearTimeout(t);
    this.indexTimers.clear();
    if (this.changedTimer) clearTimeout(this.changedTimer);
    this.changedTimer = null;
  }
}

/** FNV-1a over the bytes: the stamp of a file whose file system gives no mtime. */
function hashBytes(bytes: Uint8Array): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) {
    h ^= bytes[i];
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16);
}

export function createLanguageService(options: LanguageServiceOptions = {}): LanguageService {
  return new LanguageService(options);
}
