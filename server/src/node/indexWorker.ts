// The index worker thread (dist/indexWorker.js): decodes, analyses and
// summarises the files the server hands it, one message per file, in order.
// The summary goes back by structured clone; its packed targets are
// transferred, not copied.

import { parentPort } from 'worker_threads';
import { summarizeBytes } from '../workspace/fileJob';

export interface WorkerRequest {
  readonly id: number;
  readonly uri: string;
  readonly bytes: Uint8Array;
}

export interface WorkerResponse {
  readonly id: number;
  readonly out: ReturnType<typeof summarizeBytes>;
}

const port = parentPort;
if (port) {
  port.on('message', (m: WorkerRequest) => {
    const out = summarizeBytes(m.uri, m.bytes);
    const response: WorkerResponse = { id: m.id, out };
    port.postMessage(response, 'summary' in out ? [out.summary.targets.buffer as ArrayBuffer] : []);
  });
}
