// The index worker (dist/indexWorker.js): runs the one ingest path (decode,
// identify, analyse, summarise) on the files the server hands it, one message
// per file, in order. It runs either as a worker thread of the server (a
// large crawl, `WorkerAnalyzer`) or as a process of its own (a large file,
// `ProcessAnalyzer`), whichever way it was started.
// The summary goes back packed (`packSummary`): to a thread by structured
// clone, its arrays transferred, not copied; to the server process through
// the IPC channel, with what this process peaked at.

import { parentPort, workerData } from 'worker_threads';
import { packOutcome, summarizeFile, transferablesOf, type IngestOptions, type PackedOutcome } from '../workspace/ingest';

export interface WorkerRequest {
  readonly id: number;
  readonly uri: string;
  readonly bytes: Uint8Array;
  readonly options: IngestOptions;
}

export interface WorkerResponse {
  readonly id: number;
  readonly out: PackedOutcome;
}

/** What a process started as the large-file analyser says: that it is ready, then one answer per file with its peak resident memory so far (KB). */
export type ProcessMessage = { readonly ready: true } | (WorkerResponse & { readonly peakKB: number });

const port = parentPort;
if (port) {
  /** The files done, counted where the server reads it between two turns of its event loop (`WorkerAnalyzer.backlog`). */
  const done = (workerData as { done?: Int32Array } | null)?.done;
  port.on('message', (m: WorkerRequest) => {
    const out = packOutcome(summarizeFile(m.uri, m.bytes, m.options, Date.now));
    const response: WorkerResponse = { id: m.id, out };
    port.postMessage(response, transferablesOf(out));
    if (done) Atomics.add(done, 0, 1);
  });
} else if (typeof process.send === 'function') {
  const send = (m: ProcessMessage) => process.send?.(m);
  process.on('message', (m: WorkerRequest) => {
    const out = packOutcome(summarizeFile(m.uri, m.bytes, m.options, Date.now));
    send({ id: m.id, out, peakKB: process.resourceUsage().maxRSS });
  });
  // The server ended or let this process go: so does this process.
  process.on('disconnect', () => process.exit(0));
  send({ ready: true });
}
