// The index worker thread (dist/indexWorker.js): runs the one ingest path
// (decode, identify, analyse, summarise) on the files the server hands it,
// one message per file, in order.
// The summary goes back by structured clone; its packed targets are
// transferred, not copied.

import { parentPort, workerData } from 'worker_threads';
import { summarizeFile, type FileOutcome, type IngestOptions } from '../workspace/ingest';

export interface WorkerRequest {
  readonly id: number;
  readonly uri: string;
  readonly bytes: Uint8Array;
  readonly options: IngestOptions;
}

export interface WorkerResponse {
  readonly id: number;
  readonly out: FileOutcome;
}

/** The files done, counted where the server reads it between two turns of its event loop (`WorkerAnalyzer.backlog`). */
const done = (workerData as { done?: Int32Array } | null)?.done;

const port = parentPort;
if (port) {
  port.on('message', (m: WorkerRequest) => {
    const out = summarizeFile(m.uri, m.bytes, m.options, Date.now);
    const response: WorkerResponse = { id: m.id, out };
    port.postMessage(response, 'summary' in out ? [out.summary.targets.buffer as ArrayBuffer] : []);
    if (done) Atomics.add(done, 0, 1);
  });
}
