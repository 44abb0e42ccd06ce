// Node entry point of the language server: `node dist/server.js --stdio`, or
// over IPC when started by the VS Code client (`--node-ipc`).
//
// A crawl of INDEX_WORKER_MIN_FILES files or more is analysed in a worker
// thread (dist/indexWorker.js). KAMERVRAAG_INDEX_WORKER overrides: `off`, or
// the least number of files (0: always; for tests).

import * as path from 'path';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from '../server';
import { DiskFileSystem } from './diskFileSystem';
import { WorkerAnalyzer } from './workerAnalyzer';

/** Below this many files a crawl is analysed in the main thread: starting the worker and handing files over costs more than it saves. */
const INDEX_WORKER_MIN_FILES = 200;

const connection = createConnection(ProposedFeatures.all);
process.on('uncaughtException', (e) => connection.console.error(`Uncaught: ${e instanceof Error ? e.stack ?? e.message : String(e)}`));
process.on('unhandledRejection', (e) => connection.console.error(`Unhandled rejection: ${String(e)}`));

function indexAnalyzer(): WorkerAnalyzer | undefined {
  const setting = process.env.KAMERVRAAG_INDEX_WORKER;
  if (setting === 'off') return undefined;
  const n = setting !== undefined && setting !== '' ? Number(setting) : INDEX_WORKER_MIN_FILES;
  return new WorkerAnalyzer({
    script: path.join(__dirname, 'indexWorker.js'),
    minFiles: Number.isFinite(n) && n >= 0 ? n : INDEX_WORKER_MIN_FILES,
    log: (m) => connection.console.log(m),
  });
}

startServer(connection, {
  diskFileSystem: new DiskFileSystem(),
  decodeBase64: (s) => {
    const b = Buffer.from(s, 'base64');
    return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
  },
  indexAnalyzer: indexAnalyzer(),
});
