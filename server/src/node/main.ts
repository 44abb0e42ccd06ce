// Node entry point of the language server: `node dist/server.js --stdio`, or
// over IPC when started by the VS Code client (`--node-ipc`).
//
// A crawl of INDEX_WORKER_MIN_FILES files or more is analysed in a worker
// thread (dist/indexWorker.js). KAMERVRAAG_INDEX_WORKER overrides: `off`, or
// the least number of files (0: always; for tests). A file of LARGE_FILE_BYTES
// or more is analysed in a process of its own (the same script);
// KAMERVRAAG_LARGE_FILE_PROCESS overrides: `off`, or the least number of bytes.
// KAMERVRAAG_VERIFY_INCREMENTAL=1
// checks each analysis of an edited document against a whole one, and logs a
// difference (a debug aid: it doubles the work of a keystroke).

import * as path from 'path';
import * as v8 from 'v8';
import * as vm from 'vm';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from '../server';
import { lazyConverter } from './converter';
import { DiskFileSystem } from './diskFileSystem';
import { stdioConnection } from './stdio';
import { ProcessAnalyzer } from './processAnalyzer';
import { WorkerAnalyzer } from './workerAnalyzer';

/**
 * Below this many files a crawl is analysed in the main thread. The worker's
 * own warm-up (its JIT and heap) cost about 0.6 s of CPU on 250 files and
 * 1.6 s on 1,000 (2 cores, under load): a small crawl pays for it and gains
 * little.
 */
const INDEX_WORKER_MIN_FILES = 1000;

// Over stdio the server writes its own messages (see stdio.ts); over IPC (VS Code), a socket or a pipe, the library does.
const connection = process.argv.includes('--stdio') ? stdioConnection() : createConnection(ProposedFeatures.all);
process.on('uncaughtException', (e) => connection.console.error(`Uncaught: ${e instanceof Error ? e.stack ?? e.message : String(e)}`));
process.on('unhandledRejection', (e) => connection.console.error(`Unhandled rejection: ${String(e)}`));

/** A threshold from the environment: `off`, a number of 0 or more, or (unset or unreadable) the default. */
function threshold(name: string, fallback: number): number | 'off' {
  const setting = process.env[name];
  if (setting === 'off') return 'off';
  const n = setting !== undefined && setting !== '' ? Number(setting) : fallback;
  return Number.isFinite(n) && n >= 0 ? n : fallback;
}

/** The index's script, run as a worker thread for large crawls and as a process of its own for large files. */
const INDEX_WORKER_SCRIPT = path.join(__dirname, 'indexWorker.js');

const log = (m: string): void => connection.console.log(m);

function indexAnalyzer(): WorkerAnalyzer | undefined {
  const minFiles = threshold('KAMERVRAAG_INDEX_WORKER', INDEX_WORKER_MIN_FILES);
  return minFiles === 'off' ? undefined : new WorkerAnalyzer({ script: INDEX_WORKER_SCRIPT, minFiles, log });
}

/**
 * From this size a text file of the index is analysed in a process of its
 * own. A question set is 5–100 KB; a file of a megabyte is a hundred sets or
 * more, and its analysis alone holds 20 MB and more while it runs (the 11 MB
 * set: 190 MB), which the server would keep as its own memory afterwards.
 * Starting the process costs some 50 ms, little beside such an analysis.
 */
const LARGE_FILE_BYTES = 1 << 20;

function largeFileAnalyzer(): ProcessAnalyzer | undefined {
  const minBytes = threshold('KAMERVRAAG_LARGE_FILE_PROCESS', LARGE_FILE_BYTES);
  return minBytes === 'off' ? undefined : new ProcessAnalyzer({ script: INDEX_WORKER_SCRIPT, minBytes, log });
}

/**
 * V8's full collection, for the service to run after it let go of a large
 * token stream (a large document closed, a large file indexed): the engine
 * collects only under allocation, so an idle server would otherwise hold that
 * memory. The flag makes `gc` exist in contexts created after it.
 */
function garbageCollector(): (() => void) | undefined {
  if (typeof globalThis.gc === 'function') return globalThis.gc as () => void;
  try {
    v8.setFlagsFromString('--expose-gc');
    const gc: unknown = vm.runInNewContext('gc');
    return typeof gc === 'function' ? (gc as () => void) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * While a large document is open, V8's old generation grows by a fifth of
 * what it holds after each full collection, not by its own factor (up to four
 * times): ten keystrokes in the 11 MB set peaked at 770 MB with V8's sizing.
 * Each keystroke there leaves the text before (22 MB) and the elements it
 * moved to the collector. With the other memory of this version, ten
 * keystrokes peaked at 429–445 MB growing by half, 413–425 MB by a fifth and
 * 387–390 MB by 15 %, for a median keystroke of 279–329, 324–328 and 384–401
 * ms (more full collections). The flag is read at every collection; 0 gives
 * the sizing back to V8.
 */
function fitHeap(fit: boolean): void {
  v8.setFlagsFromString(`--heap-growing-percent=${fit ? HEAP_GROWING_PERCENT : 0}`);
}

/** How much the heap may grow, in per cent of what it holds, while a large document is open. */
const HEAP_GROWING_PERCENT = 20;

startServer(connection, {
  runtime: 'node',
  diskFileSystem: new DiskFileSystem(),
  decodeBase64: (s) => {
    const b = Buffer.from(s, 'base64');
    return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
  },
  indexAnalyzer: indexAnalyzer(),
  largeFileAnalyzer: largeFileAnalyzer(),
  collectGarbage: garbageCollector(),
  fitHeap,
  verifyIncremental: process.env.KAMERVRAAG_VERIFY_INCREMENTAL === '1',
  convert: lazyConverter(),
  // Over stdio the answers go through stdout, which holds what the client has not read yet.
  writing: process.argv.includes('--stdio') ? () => process.stdout.writableLength > 0 : undefined,
});
