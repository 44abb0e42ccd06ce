// Fills the workspace index: lists the candidate files of each workspace
// folder through a WorkspaceFileSystem, reads and decodes them, keeps the
// Kamervraag ones (by name, or by their first line for `.txt`), analyses each
// once and keeps its summary. Reads run a few ahead of the analysis; the
// event loop gets a turn every few milliseconds, so that requests are answered
// while a large folder is indexed. Open documents override the disk: the
// server gives their text, and the disk copy is not read while they are open.
// Pure: no Node built-ins.

import { analyze } from '../model/analysis';
import { decodeBytes } from '../model/decode';
import type { Analysis } from '../model/types';
import { firstLineIdentifies, isCandidateName, isInFolder, isKamervraagByName, type WorkspaceFileSystem } from './fileSystem';
import type { WorkspaceIndex } from './index';
import { summarize } from './summary';

export interface IndexerOptions {
  readonly fs: WorkspaceFileSystem;
  readonly index: WorkspaceIndex;
  /** Files larger than this many bytes are skipped. */
  readonly maxBytes?: () => number;
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
}

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

/** Why a file is not in the index. */
export type SkipReason = 'not-kamervraag' | 'binary' | 'empty' | 'too-large' | 'unreadable' | 'failed';

/** Gives the event loop a turn: `setImmediate` where there is one (Node), else a zero timeout. */
function yieldNow(): Promise<void> {
  const g = globalThis as { setImmediate?: (f: () => void) => unknown };
  return new Promise((resolve) => (g.setImmediate ? g.setImmediate(resolve) : setTimeout(resolve, 0)));
}

/** How many file reads run ahead of the analysis. */
const READ_AHEAD = 8;

export class Indexer {
  private readonly folders = new Set<string>();
  /** Crawls under way, by folder; a removed folder's crawl stops. */
  private readonly running = new Map<string, { cancelled: boolean }>();
  private lastYield = Date.now();
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
      onProgress?.(0, total);
      const reads: Promise<unknown>[] = [];
      const read = (i: number) => (i < total ? this.readSafe(uris[i]) : Promise.resolve(null));
      for (let i = 0; i < Math.min(READ_AHEAD, total); i++) reads.push(read(i));
      for (let i = 0; i < total; i++) {
        if (run.cancelled) return;
        const content = (await reads[i]) as Awaited<ReturnType<Indexer['readSafe']>>;
        reads[i] = Promise.resolve(null); // let the bytes go
        if (i + READ_AHEAD < total) reads.push(read(i + READ_AHEAD));
        const uri = uris[i];
        if (!this.o.isOpen?.(uri)) this.take(uri, content);
        if (Date.now() - this.lastYield >= (this.o.sliceMs ?? 5)) {
          onProgress?.(i + 1, total);
          this.o.onChange?.();
          await yieldNow();
          this.lastYield = Date.now();
        }
      }
      onProgress?.(total, total);
    } finally {
      if (this.running.get(folder) === run) this.running.delete(folder);
    }
  }

  private async readSafe(uri: string): Promise<{ bytes: Uint8Array } | null | 'error'> {
    try {
      return await withTimeout(this.o.fs.readFile(uri), this.o.timeoutMs ?? DEFAULT_TIMEOUT_MS, `reading ${uri}`);
    } catch {
      return 'error';
    }
  }

  /** Decodes, checks, analyses and summarises a file read from the file system; returns whether the index changed. */
  private take(uri: string, content: { bytes: Uint8Array } | null | 'error'): boolean {
    if (content === null || content === 'error') {
      if (content === 'error') this.skipped.set(uri, 'unreadable');
      return this.drop(uri);
    }
    const max = this.o.maxBytes?.() ?? Infinity;
    if (content.bytes.length > max) {
      this.skipped.set(uri, 'too-large');
      this.o.log?.(`Kamervraag: ${uri} is larger than ${Math.round(max / 1048576)} MB and is not indexed.`);
      return this.drop(uri);
    }
    const decoded = decodeBytes(content.bytes);
    if (decoded.problem?.code === 'binary' || decoded.problem?.code === 'empty') {
      this.skipped.set(uri, decoded.problem.code);
      return this.drop(uri);
    }
    return this.indexText(uri, decoded.text, content.bytes.length);
  }

  private drop(uri: string): boolean {
    return this.o.index.delete(uri);
  }

  /** Indexes a text (from disk or from the editor); a `.txt` file whose first line is not a Kamervraag's is left out. */
  indexText(uri: string, text: string, bytes = text.length, analysis?: Analysis): boolean {
    if (!isKamervraagByName(uri) && !firstLineIdentifies(text)) {
      this.skipped.set(uri, 'not-kamervraag');
      return this.drop(uri);
    }
    const start = Date.now();
    try {
      const a = analysis ?? analyze(text);
      this.o.index.set(summarize(uri, a));
      this.skipped.delete(uri);
      this.stats.files++;
      this.stats.bytes += bytes;
      this.stats.ms += Date.now() - start;
      return true;
    } catch (e) {
      this.skipped.set(uri, 'failed');
      this.o.log?.(`Kamervraag: indexing ${uri} failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
      return this.drop(uri);
    }
  }

  /** Reads a file again (a watcher saw it created or changed, or the editor closed it). */
  async refresh(uri: string): Promise<boolean> {
    if (!isCandidateName(uri) || !this.inWorkspace(uri) || this.o.isOpen?.(uri)) return false;
    const changed = this.take(uri, await this.readSafe(uri));
    if (changed) this.o.onChange?.();
    return changed;
  }

  /** A folder was deleted: the files under it leave the index (open documents stay). */
  removeUnder(folder: string): boolean {
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
    if (this.o.isOpen?.(uri)) return false;
    const changed = this.drop(uri);
    if (changed) this.o.onChange?.();
    return changed;
  }
}
