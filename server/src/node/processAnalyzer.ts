// Runs the ingest of a large file (a text of LARGE_FILE_BYTES or more) in a
// process of its own (dist/indexWorker.js started as a child), so that the
// transient memory of its analysis (some twenty times the text) leaves with
// that process and the server keeps the summary alone. One process at a time,
// started on the first large file and ended soon after its last: a workspace
// holds few such files, and the process gives everything back when it ends.
//
// Whatever happens there, the server goes on: a process that cannot start
// (no executable, no script) gives its files and all later ones to the
// server's own thread, with a log line; a process that dies on a file (the
// system's memory ran out) fails that file alone, and the next file gets a
// new process.

import { fork, type ChildProcess } from 'child_process';
import { summarizeFile, unpackOutcome, type FileOutcome, type IngestOptions, type LargeFileAnalyzer } from '../workspace/ingest';
import type { ProcessMessage, WorkerRequest } from './indexWorker';

export interface ProcessAnalyzerOptions {
  /** The worker script (dist/indexWorker.js). */
  readonly script: string;
  readonly minBytes: number;
  /** The process ends after this many ms without work (default 1,000). */
  readonly idleMs?: number;
  readonly log?: (message: string) => void;
}

interface Job {
  readonly id: number;
  readonly uri: string;
  readonly bytes: Uint8Array;
  readonly options: IngestOptions;
  readonly resolve: (out: FileOutcome) => void;
}

/** The last characters of the process's error output kept for a log line. */
const STDERR_TAIL = 2000;

export class ProcessAnalyzer implements LargeFileAnalyzer {
  readonly minBytes: number;
  private child: ChildProcess | null = null;
  /** Whether the current process said it is ready: one that ends before is no use here. */
  private ready = false;
  /** Set for good when a process could not start: everything runs in the server's thread from then on. */
  private abandoned = false;
  /** Files with the process, oldest first (it answers in order). */
  private readonly jobs = new Map<number, Job>();
  private nextId = 0;
  private idleTimer: ReturnType<typeof setTimeout> | undefined;
  private stderr = '';
  /** Files analysed in another process, and the highest peak resident memory one reached (KB); for tests and logs. */
  readonly stats = { files: 0, processes: 0, peakKB: 0 };

  constructor(private readonly o: ProcessAnalyzerOptions) {
    this.minBytes = o.minBytes;
  }

  /** Whether a process is running now. */
  get running(): boolean {
    return this.child !== null;
  }

  summarizeFile(uri: string, bytes: Uint8Array, options: IngestOptions): Promise<FileOutcome> {
    return new Promise<FileOutcome>((resolve) => this.submit({ id: ++this.nextId, uri, bytes, options, resolve }));
  }

  /** Ends the process (at shutdown, and in tests); files it held are analysed here. */
  dispose(): void {
    clearTimeout(this.idleTimer);
    const child = this.child;
    this.child = null;
    if (child) child.kill();
    this.runHere();
  }

  private submit(job: Job): void {
    const child = this.abandoned ? null : this.start();
    if (!child) {
      job.resolve(summarizeFile(job.uri, job.bytes, job.options, Date.now));
      return;
    }
    clearTimeout(this.idleTimer);
    this.jobs.set(job.id, job);
    if (this.jobs.size === 1) this.hold(child, true);
    const request: WorkerRequest = { id: job.id, uri: job.uri, bytes: job.bytes, options: job.options };
    try {
      child.send(request, (e) => {
        if (e) this.ended(child, e.message);
      });
    } catch (e) {
      this.ended(child, e instanceof Error ? e.message : String(e));
    }
  }

  private start(): ChildProcess | null {
    if (this.child) return this.child;
    let child: ChildProcess;
    try {
      child = fork(this.o.script, [], {
        // Structured clone: the bytes and the packed targets cross as typed arrays.
        serialization: 'advanced',
        // Nothing of it may reach the server's standard output (the protocol runs there over stdio).
        stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
        // Not the server's own flags (an inspector port, say).
        execArgv: [],
      });
    } catch (e) {
      this.abandon(e instanceof Error ? e.message : String(e));
      return null;
    }
    this.child = child;
    this.ready = false;
    this.stderr = '';
    this.stats.processes++;
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (s: string) => {
      this.stderr = (this.stderr + s).slice(-STDERR_TAIL);
    });
    child.on('message', (m: ProcessMessage) => this.answer(child, m));
    child.on('error', (e) => this.ended(child, e.message));
    child.on('exit', (code, signal) => this.ended(child, signal ? `ended by ${signal}` : `exited with code ${code ?? '?'}`));
    return child;
  }

  private answer(child: ChildProcess, m: ProcessMessage): void {
    if (child !== this.child) return;
    if ('ready' in m) {
      this.ready = true;
      return;
    }
    this.stats.peakKB = Math.max(this.stats.peakKB, m.peakKB);
    const job = this.jobs.get(m.id);
    if (!job) return;
    this.jobs.delete(m.id);
    this.stats.files++;
    const mb = (n: number) => (n / 1048576).toFixed(1);
    this.o.log?.(`Kamervraag: ${job.uri} (${mb(job.bytes.length)} MB) was analysed in a process of its own, which peaked at ${mb(m.peakKB * 1024)} MB.`);
    job.resolve(unpackOutcome(m.out));
    if (this.jobs.size === 0) this.idle(child);
  }

  /** Whether the process keeps the server running (while it holds files) or not. */
  private hold(child: ChildProcess, on: boolean): void {
    const channel = child.channel as { ref?: () => void; unref?: () => void } | null | undefined;
    if (on) {
      child.ref();
      channel?.ref?.();
    } else {
      child.unref();
      channel?.unref?.();
    }
  }

  /** No work: end the process after a while. */
  private idle(child: ChildProcess): void {
    this.hold(child, false);
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => {
      if (this.child === child && this.jobs.size === 0) {
        this.child = null;
        child.disconnect();
      }
    }, this.o.idleMs ?? 1000);
    this.idleTimer.unref?.();
  }

  /** The process ended, failed to start or to take a file. */
  private ended(child: ChildProcess, why: string): void {
    if (child !== this.child) return;
    this.child = null;
    clearTimeout(this.idleTimer);
    child.kill();
    const jobs = [...this.jobs.values()];
    this.jobs.clear();
    const said = this.stderr.trim().split('\n').slice(-3).join(' | ');
    if (!this.ready) {
      // It never got going: it is this machine, not a file.
      this.abandon(`${why}${said ? `: ${said}` : ''}`);
      for (const j of jobs) this.submit(j);
      return;
    }
    if (jobs.length === 0) return;
    // It answers in order: the oldest file is the one it died on; the others get a new process.
    const [first, ...rest] = jobs;
    this.o.log?.(`Kamervraag: the analysis of ${first.uri} ended its process (${why}${said ? `: ${said}` : ''}); the file is not indexed.`);
    first.resolve({ skip: 'failed', error: `the analysis ended its process (${why})` });
    for (const j of rest) this.submit(j);
  }

  private abandon(why: string): void {
    if (!this.abandoned) this.o.log?.(`Kamervraag: the large-file process cannot start (${why}); large files are analysed in the server.`);
    this.abandoned = true;
  }

  /** Analyses the files the process held here, in order. */
  private runHere(): void {
    const jobs = [...this.jobs.values()];
    this.jobs.clear();
    for (const j of jobs) j.resolve(summarizeFile(j.uri, j.bytes, j.options, Date.now));
  }
}
