// Runs the ingest of crawled files in one worker thread (dist/indexWorker.js),
// so that the main thread keeps answering requests and merging summaries while
// the second core analyses. Used by the indexer for crawls of `minFiles` files
// or more. One worker, started on the first file and ended after a while
// without work (its heap and token pool go with it). If it cannot start or
// dies, the files it held and all later ones are analysed in the main thread,
// with a log line: the server never depends on it.

import { Worker } from 'worker_threads';
import { summarizeFile, unpackOutcome, type FileAnalyzer, type FileOutcome, type IngestOptions } from '../workspace/ingest';
import type { WorkerRequest, WorkerResponse } from './indexWorker';

export interface WorkerAnalyzerOptions {
  /** The worker script (dist/indexWorker.js). */
  readonly script: string;
  readonly minFiles: number;
  /** While the worker holds this many files, the indexer analyses the next one itself, so that both threads work (default 4; Infinity: the worker does all). */
  readonly depth?: number;
  readonly log?: (message: string) => void;
  /** The worker ends after this many ms without work. */
  readonly idleMs?: number;
}

interface Job {
  readonly uri: string;
  readonly bytes: Uint8Array;
  readonly options: IngestOptions;
  readonly resolve: (out: FileOutcome) => void;
}

export class WorkerAnalyzer implements FileAnalyzer {
  readonly minFiles: number;
  readonly depth: number;
  private worker: Worker | null = null;
  /** Set for good when the worker failed: everything runs in the main thread from then on. */
  private abandoned = false;
  private readonly jobs = new Map<number, Job>();
  private nextId = 0;
  private idleTimer: ReturnType<typeof setTimeout> | undefined;
  /** Files the current worker finished, counted by the worker itself (`indexWorker.ts`). */
  private done = new Int32Array(new SharedArrayBuffer(4));
  /** Files handed to the current worker. */
  private handedOver = 0;
  /** Files analysed by the worker (for tests and logs). */
  analysedByWorker = 0;

  constructor(private readonly o: WorkerAnalyzerOptions) {
    this.minFiles = o.minFiles;
    this.depth = o.depth ?? 4;
  }

  /**
   * Files handed over and not yet done. Counted by the worker in shared
   * memory: its answers reach this thread only when the event loop turns,
   * and the indexer decides whom to give a file between turns; counting
   * unread answers as work left the worker idle a third of the time.
   */
  get backlog(): number {
    return this.worker ? this.handedOver - Atomics.load(this.done, 0) : this.jobs.size;
  }

  /** Whether the analysis still goes to a worker. */
  get usable(): boolean {
    return !this.abandoned;
  }

  summarizeFile(uri: string, bytes: Uint8Array, options: IngestOptions): Promise<FileOutcome> {
    const worker = this.abandoned ? null : this.start();
    if (!worker) return Promise.resolve(summarizeFile(uri, bytes, options, Date.now));
    clearTimeout(this.idleTimer);
    const id = ++this.nextId;
    return new Promise<FileOutcome>((resolve) => {
      this.jobs.set(id, { uri, bytes, options, resolve });
      // Copied, not transferred: the bytes stay here for the main thread should the worker die.
      const request: WorkerRequest = { id, uri, bytes, options };
      try {
        worker.postMessage(request);
        this.handedOver++;
      } catch (e) {
        this.fail(worker, e);
        return;
      }
      if (this.jobs.size === 1) worker.ref();
    });
  }

  /** Ends the worker (at shutdown, and in tests). */
  dispose(): void {
    clearTimeout(this.idleTimer);
    const w = this.worker;
    this.worker = null;
    if (w) void w.terminate();
    this.runHere();
  }

  private start(): Worker | null {
    if (this.worker) return this.worker;
    let w: Worker;
    try {
      const done = new Int32Array(new SharedArrayBuffer(4));
      w = new Worker(this.o.script, { workerData: { done } });
      this.done = done;
      this.handedOver = 0;
    } catch (e) {
      this.abandoned = true;
      this.o.log?.(`Kamervraag: the index worker cannot start (${e instanceof Error ? e.message : String(e)}); indexing in the main thread.`);
      return null;
    }
    this.worker = w;
    w.on('message', (m: WorkerResponse) => {
      const job = this.jobs.get(m.id);
      if (!job) return;
      this.jobs.delete(m.id);
      this.analysedByWorker++;
      job.resolve(unpackOutcome(m.out));
      if (this.jobs.size === 0 && this.worker === w) this.idle(w);
    });
    w.on('error', (e) => this.fail(w, e));
    w.on('exit', (code) => {
      if (this.worker === w) this.fail(w, new Error(`exited with code ${code}`));
    });
    w.unref();
    return w;
  }

  /** No work: let the process exit without it, and end it after a while. */
  private idle(w: Worker): void {
    w.unref();
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => {
      if (this.worker === w && this.jobs.size === 0) {
        this.worker = null;
        void w.terminate();
      }
    }, this.o.idleMs ?? 10_000);
    this.idleTimer.unref?.();
  }

  private fail(w: Worker, e: unknown): void {
    if (this.worker !== w) return;
    this.worker = null;
    this.abandoned = true;
    clearTimeout(this.idleTimer);
    this.o.log?.(`Kamervraag: the index worker failed (${e instanceof Error ? e.message : String(e)}); indexing in the main thread.`);
    void w.terminate().catch(() => undefined);
    this.runHere();
  }

  /** Analyses the files the worker held here, in order. */
  private runHere(): void {
    const jobs = [...this.jobs.values()];
    this.jobs.clear();
    for (const j of jobs) j.resolve(summarizeFile(j.uri, j.bytes, j.options, Date.now));
  }
}
