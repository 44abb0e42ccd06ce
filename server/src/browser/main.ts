// Browser entry point of the language server: a web worker started by the
// browser client (client/src/browser/extension.ts), talking LSP over the
// worker's messages. The same server as in Node (`startServer`), with what a
// worker has: no disk (the index reads the workspace through the client's
// kamervraag/findFiles and kamervraag/readFile requests, as in virtual
// workspaces), base64 decoded with `atob`, and no index worker thread (a
// crawl is analysed in this worker's own loop, which is the worker anyway:
// the editor's UI never waits on it).
//
// Nothing here or in what it imports may pull a Node built-in: the build
// checks the bundle's inputs (test/unit/browserBundle.test.ts).

import { BrowserMessageReader, BrowserMessageWriter, createConnection, ProposedFeatures } from 'vscode-languageserver/browser';
import { convertOriginal } from '../originals/index';
import { startServer } from '../server';

/**
 * The worker's global scope, as far as this file uses it. The root project
 * compiles without the DOM library (its code runs in Node too), so the shape
 * is declared here rather than taken from `WorkerGlobalScope`.
 */
interface WorkerScope {
  addEventListener(type: 'error' | 'unhandledrejection', listener: (event: { error?: unknown; message?: string; reason?: unknown }) => void): void;
  close(): void;
}

const scope = globalThis as unknown as WorkerScope;
// The reader and writer take the worker's scope: its `postMessage` and message events.
const connection = createConnection(ProposedFeatures.all, new BrowserMessageReader(scope as never), new BrowserMessageWriter(scope as never));

const describe = (e: unknown) => (e instanceof Error ? e.stack ?? e.message : String(e));
scope.addEventListener('error', (e) => connection.console.error(`Uncaught: ${describe(e.error ?? e.message)}`));
scope.addEventListener('unhandledrejection', (e) => connection.console.error(`Unhandled rejection: ${describe(e.reason)}`));
// A worker does not end by itself when the client stops the server: `exit` closes it, as
// the end of the process does in Node (the client terminates it as well).
connection.onExit(() => scope.close());

// No disk file system and no decoder: `startServer` reads through the client and
// decodes base64 with `atob` when the platform gives nothing else. The converter
// of originals is in this bundle (a worker has no second file to load it from).
startServer(connection, { runtime: 'web-worker', convert: convertOriginal });
