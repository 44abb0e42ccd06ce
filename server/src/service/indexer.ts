// Fills the workspace index: lists the candidate files of each workspace
// folder through a WorkspaceFileSystem, reads and decodes them, keeps the
// Kamervraag ones (by name, or by their first line for `.txt`), analyses each
// once and keeps its summary. Reads run a few ahead of the analysis; the
// event loop gets a turn every few milliseconds, so that requests are answered
// while a large folder is indexed. Open documents override the disk: the
// server gives their text, and the disk copy is not read while they are open.
// Every file goes through the one ingest path (`workspace/ingest.ts`), here,
// in the index worker thread, or (a text file of a megabyte and more, given a
// `LargeFileAnalyzer`) in a process of its own. Originals (`.pdf`, `.docx`) are converted
// here, in the main loop (the conversion is async and yields by itself), with
// the index's stricter bounds: a PDF of more than INDEX_MAX_PAGES pages is no
// question set and is refused before its pages are read. No Node built-ins: it
// runs in a browser too.

import type { Analysis } from '../model/types';
import { originalKindOfName } from '../originals/uri';
import { isCandidateName, isInFolder, type WorkspaceFileSystem } from '../workspace/fileSystem';
import type { WorkspaceIndex } from '../workspace/index';
import {
  originalIdentifies, summarizeAnyFile, summarizeDocument, summarizeFile, type Converter, type FileAnalyzer, type FileOutcome, type IngestOptions, type LargeFileAnalyzer, type SkipReason,
} from '../workspace/ingest';

export type { SkipReason };

export interface IndexerOptions {
  readonly fs: WorkspaceFileSystem;
  readonly index: WorkspaceIndex;
  /** Files larger than this many bytes are skipped. */
  readonly maxBytes?: () => number;
  /** The terms and the year files are read with. */
  readonly ingestOptions?: () => IngestOptions;
  /** Documents the editor has open: their text comes from the editor, not from the file system. */
  readonly isOpen?: (uri: string) => boolean;
  /** Progress of a folder crawl: files done of total. */
  readonly onProgress?: (done: number, total: number) => void;
  /** The index changed (a file added, changed or removed). */
  readonly onChange?: () => void;
  readonly log?: (message: string) => void;
  /** How long the indexer may run before it lets other work in, in ms. */
  readonly sliceMs?: number;
  /** A read or a listing that takes longer than this (ms) counts as failed, so that one unanswered request cannot stall the index. */
  readonly timeoutMs?: number;
  /** Analyses files in another thread, for crawls of its `minFiles` files or more; without it, everything runs here. */
  readonly analyzer?: FileAnalyzer;
  /** Converts originals (PDF, Word); without it, they are skipped as `conversion`. */
  readonly convert?: Converter;
  /** Analyses a text file of its `minBytes` or more in a process of its own (the Node server); without it, here. */
  readonly large?: LargeFileAnalyzer;
}

/**
 * Pages a PDF of the index may have: a Kamervraag's answer runs to a few
 * pages, rarely twenty; a longer PDF in the workspace is a report, and is
 * refused (`too-many-pages`) without reading its pages. A file the user opens
 * as text keeps the full bound (300).
 */
export const INDEX_MAX_PAGES = 60;

/** Default of `timeoutMs`: generous, for slow remote file systems. */
const DEFAULT_TIMEOUT_MS = 60_000;

/** `p`, or a rejection after `ms`. */
function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

/** Gives the event loop a turn: `setImmediate` where there is one (Node), else a zero timeout. */
function yieldNow(): Promise<void> {
  const g = globalThis as { setImmediate?: (f: () => void) => unknown };
  return new Promise((resolve) => (g.setImmediate ? g.setImmediate(resolve) : setTimeout(resolve, 0)));
}

/** How many file reads run ahead of the analysis. */
const READ_AHEAD = 8;

/** A read that answers within this many ms is quick: the disk is local, and is read at once from then on (`readFileNow`). */
const QUICK_READ_MS = 50;

/** A file read: its bytes, null when it is gone, `error` when the read failed or timed out. */
type Content = { readonly bytes: Uint8Array } | null | 'error';

/** How many files may be with the analyzer (in another thread) at once: enough to keep it busy, few enough to bound memory. */
const ANALYZER_WINDOW = 16;

export class Indexer {
  private readonly folders = new Set<string>();
  /** Crawls under way, by folder; a removed folder's crawl stops. */
  private readonly running = new Map<string, { cancelled: boolean }>();
  private lastYield = Date.now();
  /**
   * Files with the analyzer, by URI, with the ticket of the hand-over. A result
   * is taken only if its ticket is still here: anything else that sets or
   * drops the file meanwhile (an edit, a watcher event, a removed folder)
   * takes the ticket away.
   */
  private readonly inFlight = new Map<string, number>();
  private tickets = 0;
  /** Files skipped, with the reason (for logs and tests). */
  readonly skipped = new Map<string, SkipReason>();
  /** Bytes and files analysed since the start (for the benchmark's log line). */
  stats = { files: 0, bytes: 0, ms: 0 };

  constructor(private readonly o: IndexerOptions) {}

  get indexing(): boolean {
    return this.running.size > 0;
  }

  workspaceFolders(): readonly string[] {
    return [...this.folders];
  }

  /** Whether `uri` lies in one of the workspace folders. */
  inWorkspace(uri: string): boolean {
    for (const f of this.folders) if (isInFolder(uri, f)) return true;
    return false;
  }

  /** Indexes the folders (all at once, one after the other); resolves when done. */
  async addFolders(folders: readonly string[], onProgress?: (done: number, total: number) => void): Promise<void> {
    const fresh = folders.filter((f) => !this.folders.has(f));
    for (const f of fresh) this.folders.add(f);
    for (const f of fresh) await this.crawl(f, onProgress ?? this.o.onProgress);
  }

  /** Forgets a folder and the files in it (open documents stay). */
  removeFolder(folder: string): void {
    this.folders.delete(folder);
    const run = this.running.get(folder);
    if (run) run.cancelled = true;
    for (const uri of [...this.inFlight.keys()]) if (isInFolder(uri, folder)) this.inFlight.delete(uri);
    let changed = false;
    for (const uri of [...this.o.index.uris()]) {
      if (isInFolder(uri, folder) && !this.inWorkspace(uri) && !this.o.isOpen?.(uri)) changed = this.o.index.delete(uri) || changed;
    }
    if (changed) this.o.onChange?.();
  }

  private async crawl(folder: string, onProgress?: (done: number, total: number) => void): Promise<void> {
    const run = { cancelled: false };
    this.running.set(folder, run);
    try {
      let uris: readonly string[];
      try {
        const listed = await withTimeout(this.o.fs.findFiles(folder), this.o.timeoutMs ?? DEFAULT_TIMEOUT_MS, `listing ${folder}`);
        uris = (Array.isArray(listed) ? listed : []).filter((u) => typeof u === 'string' && isCandidateName(u));
      } catch (e) {
        this.o.log?.(`Kamervraag: cannot list ${folder}: ${e instanceof Error ? e.message : String(e)}`);
        return;
      }
      const total = uris.length;
      const analyzer = this.o.analyzer && total >= this.o.analyzer.minFiles ? this.o.analyzer : null;
      /** Hand-overs to the analyzer not yet taken, oldest first. */
      const handed: Promise<void>[] = [];
      onProgress?.(0, total);
      /** Reads under way, by the file's place in `uris`: a few run ahead of the analysis. */
      const reads = new Map<number, Promise<Content>>();
      const readAhead = (from: number) => {
        for (let j = from; j < Math.min(from + READ_AHEAD, total); j++) if (!reads.has(j)) reads.set(j, this.readSafe(uris[j]));
      };
      // A disk that reads at once is read at once, after a first quick answer to an asynchronous read (a mount that hangs shows there), and while every read stays quick.
      const readsNow = this.o.fs.readFileNow !== undefined;
      let quick = false;
      readAhead(0);
      for (let i = 0; i < total; i++) {
        if (run.cancelled) return;
        const uri = uris[i];
        let content: Content;
        const pending = reads.get(i);
        if (pending) {
          const asked = Date.now();
          content = await pending;
          reads.delete(i); // let the bytes go
          if (i === 0 && readsNow && Date.now() - asked <= QUICK_READ_MS) quick = true;
          if (!quick) readAhead(i + 1);
        } else {
          const asked = Date.now();
          const now = this.readNowSafe(uri);
          // A large file is read in the background all the same: reading it at once would hold up the event loop.
          content = now === undefined ? await this.readSafe(uri) : now;
          if (now !== undefined && Date.now() - asked > QUICK_READ_MS) {
            quick = false;
            this.o.log?.(`Kamervraag: reading ${uri} took ${Date.now() - asked} ms; the rest of ${folder} is read in the background.`);
            readAhead(i + 1);
          }
        }
        if (this.o.isOpen?.(uri)) {
          // The editor's text counts.
        } else if (originalKindOfName(uri) !== null) {
          // Originals are converted here: the worker thread reads text only.
          await this.takeOriginal(uri, content);
        } else if (content !== null && content !== 'error' && this.isLarge(content.bytes)) {
          // A large file goes to a process of its own; the crawl goes on here meanwhile.
          handed.push(this.handOverLarge(uri, content.bytes, run));
          if (handed.length >= ANALYZER_WINDOW) await handed.shift();
        } else if (analyzer && analyzer.backlog < analyzer.depth && content !== null && content !== 'error') {
          const ticket = ++this.tickets;
          this.inFlight.set(uri, ticket);
          const bytes = content.bytes.length;
          handed.push(
            analyzer.summarizeFile(uri, content.bytes, this.ingestOptions()).then(
              (out) => this.takeOutcome(uri, ticket, run, out, bytes),
              (e: unknown) => this.takeOutcome(uri, ticket, run, { skip: 'failed', error: String(e) }, bytes),
            ),
          );
          if (handed.length >= ANALYZER_WINDOW) await handed.shift();
        } else {
          this.take(uri, content);
        }
        if (Date.now() - this.lastYield >= (this.o.sliceMs ?? 5)) {
          onProgress?.(i + 1, total);
          this.o.onChange?.();
          await yieldNow();
          this.lastYield = Date.now();
        }
      }
      await Promise.all(handed);
      if (run.cancelled) return;
      onProgress?.(total, total);
    } finally {
      if (this.running.get(folder) === run) this.running.delete(folder);
    }
  }

  /** Whether a file's bytes go to the large-file process. */
  private isLarge(bytes: Uint8Array): boolean {
    const large = this.o.large;
    // Larger than the index takes: skipped here, not sent away to be skipped there.
    return large !== undefined && bytes.length >= large.minBytes && bytes.length <= (this.o.maxBytes?.() ?? Infinity);
  }

  /** Hands a large file to its own process; resolves when its outcome is taken (or left, if the file was set or dropped meanwhile). */
  private handOverLarge(uri: string, bytes: Uint8Array, run: { cancelled: boolean }): Promise<void> {
    const large = this.o.large;
    if (!large) return Promise.resolve();
    const ticket = ++this.tickets;
    this.inFlight.set(uri, ticket);
    return large.summarizeFile(uri, bytes, this.ingestOptions()).then(
      (out) => this.takeOutcome(uri, ticket, run, out, bytes.length),
      (e: unknown) => this.takeOutcome(uri, ticket, run, { skip: 'failed', error: String(e) }, bytes.length),
    );
  }

  /** Takes the analyzer's result for a file, unless the file was set or dropped since it was handed over, or its crawl stopped. */
  private takeOutcome(uri: string, ticket: number, run: { cancelled: boolean }, out: FileOutcome, bytes: number): void {
    if (this.inFlight.get(uri) !== ticket) return;
    this.inFlight.delete(uri);
    if (run.cancelled || this.o.isOpen?.(uri)) return;
    this.apply(uri, out, bytes);
  }

  /** A file read at once; undefined when the file system does not read it at once (then `readSafe` does). */
  private readNowSafe(uri: string): Content | undefined {
    try {
      return this.o.fs.readFileNow?.(uri);
    } catch {
      return 'error';
    }
  }

  private async readSafe(uri: string): Promise<Content> {
    try {
      return await withTimeout(this.o.fs.readFile(uri), this.o.timeoutMs ?? DEFAULT_TIMEOUT_MS, `reading ${uri}`);
    } catch {
      return 'error';
    }
  }

  private ingestOptions(): IngestOptions {
    return { ...this.o.ingestOptions?.(), maxBytes: this.o.maxBytes?.() };
  }

  /** Converts, checks, analyses and summarises an original read from the file system; returns whether the index changed. */
  private async takeOriginal(uri: string, content: Content): Promise<boolean> {
    this.inFlight.delete(uri);
    if (content === null || content === 'error') {
      if (content === 'error') this.skipped.set(uri, 'unreadable');
      return this.drop(uri);
    }
    const ticket = ++this.tickets;
    this.inFlight.set(uri, ticket);
    // Another PDF of the workspace costs its first page: the rest is read only when that page shows a set.
    const options: IngestOptions = { ...this.ingestOptions(), limits: { maxPages: INDEX_MAX_PAGES, firstPageShows: (text) => originalIdentifies(uri, text) } };
    let out: FileOutcome;
    try {
      out = await summarizeAnyFile(uri, content.bytes, options, this.o.convert, Date.now);
    } catch (e) {
      out = { skip: 'failed', error: e instanceof Error ? e.stack ?? e.message : String(e) };
    }
    // Set or dropped meanwhile (an edit, a watcher event, a removed folder): that counts.
    if (this.inFlight.get(uri) !== ticket) return false;
    this.inFlight.delete(uri);
    if (this.o.isOpen?.(uri)) return false;
    return this.apply(uri, out, content.bytes.length);
  }

  /** Decodes, checks, analyses and summarises a file read from the file system; returns whether the index changed. */
  private take(uri: string, content: Content): boolean {
    this.inFlight.delete(uri);
    if (content === null || content === 'error') {
      if (content === 'error') this.skipped.set(uri, 'unreadable');
      return this.drop(uri);
    }
    return this.apply(uri, summarizeFile(uri, content.bytes, this.ingestOptions(), Date.now), content.bytes.length);
  }

  /** Puts a file's outcome into the index; returns whether the index changed. */
  private apply(uri: string, out: FileOutcome, bytes: number): boolean {
    if ('summary' in out) {
      this.o.index.set(out.summary);
      this.skipped.delete(uri);
      this.stats.files++;
      this.stats.bytes += bytes;
      this.stats.ms += out.ms;
      return true;
    }
    this.skipped.set(uri, out.skip);
    if (out.conversion && out.conversion.problem !== 'too-many-pages') this.o.log?.(`Kamervraag: ${uri} is not indexed: ${out.conversion.message.en} (${out.conversion.problem})`);
    if (out.skip === 'too-large') this.o.log?.(`Kamervraag: ${uri} is larger than ${Math.round((this.o.maxBytes?.() ?? 0) / 1048576)} MB and is not indexed.`);
    if (out.error) this.o.log?.(`Kamervraag: indexing ${uri} failed: ${out.error}`);
    return this.drop(uri);
  }

  private drop(uri: string): boolean {
    return this.o.index.delete(uri);
  }

  /** Indexes a text (from the editor), with its analysis when there is one; a `.txt` file whose first line is not a Kamervraag's is left out. */
  indexText(uri: string, text: string, bytes = text.length, analysis?: Analysis): boolean {
    this.inFlight.delete(uri);
    return this.apply(uri, summarizeDocument(uri, text, this.ingestOptions(), analysis, Date.now), bytes);
  }

  /** Reads a file again (a watcher saw it created or changed, or the editor closed it). */
  async refresh(uri: string): Promise<boolean> {
    if (!isCandidateName(uri) || !this.inWorkspace(uri) || this.o.isOpen?.(uri)) return false;
    const content = await this.readSafe(uri);
    let changed: boolean;
    if (originalKindOfName(uri) !== null) changed = await this.takeOriginal(uri, content);
    else if (content !== null && content !== 'error' && this.isLarge(content.bytes)) {
      const before = this.o.index.get(uri);
      await this.handOverLarge(uri, content.bytes, { cancelled: false });
      changed = this.o.index.get(uri) !== before;
    } else changed = this.take(uri, content);
    if (changed) this.o.onChange?.();
    return changed;
  }

  /** A folder was deleted: the files under it leave the index (open documents stay). */
  removeUnder(folder: string): boolean {
    for (const uri of [...this.inFlight.keys()]) if (isInFolder(uri, folder)) this.inFlight.delete(uri);
    let changed = false;
    for (const uri of [...this.o.index.uris()]) {
      if (isInFolder(uri, folder) && !this.o.isOpen?.(uri)) changed = this.o.index.delete(uri) || changed;
    }
    if (changed) this.o.onChange?.();
    return changed;
  }

  /** A file was deleted. */
  remove(uri: string): boolean {
    this.skipped.delete(uri);
    this.inFlight.delete(uri);
    if (this.o.isOpen?.(uri)) return false;
    const changed = this.drop(uri);
    if (changed) this.o.onChange?.();
    return changed;
  }
}
