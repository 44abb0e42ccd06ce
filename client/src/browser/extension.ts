// The browser entry of the VS Code client (the manifest's `browser`): in
// VS Code for the Web (vscode.dev, github.dev) and in code-server's web
// worker extension host, the language server runs as a web worker,
// dist/browser/server.js, talking LSP over its messages. Everything else is
// shared with the Node entry (../activation.ts).

import * as vscode from 'vscode';
import type { KamervraagApi } from '../../../server/src/protocol';
import { BrowserMessageReader, BrowserMessageWriter, LanguageClient } from 'vscode-languageclient/browser';
import { activateWith } from '../activation';

export { deactivate } from '../activation';

/**
 * The parts of the host's `Worker` used here. The client compiles without the DOM library (its
 * shared code runs in Node too), so the constructor is declared rather than taken from it.
 */
interface ServerWorker {
  terminate(): void;
  postMessage(message: unknown): void;
  addEventListener(type: 'error', listener: (event: unknown) => void): void;
  onmessage: ((event: { data: unknown }) => void) | null;
}

/**
 * The worker as the client's message reader and writer see it, passing on only JSON-RPC messages.
 * A host may talk to the workers it starts for extensions: code-server's web worker extension host
 * starts them through a bootstrap script of its own, which posts `{ action: 'ready', … }` first;
 * the reader would log each such message as an error ("neither a response nor a notification").
 */
function jsonRpcPort(worker: ServerWorker): ServerWorker {
  return {
    terminate: () => worker.terminate(),
    postMessage: (message) => worker.postMessage(message),
    addEventListener: (type, listener) => worker.addEventListener(type, listener),
    get onmessage() {
      return worker.onmessage;
    },
    set onmessage(listener) {
      worker.onmessage = listener && ((event) => {
        const data = event.data as { jsonrpc?: unknown } | null;
        if (typeof data === 'object' && data !== null && data.jsonrpc === '2.0') listener(event);
      });
    },
  };
}
declare const Worker: new (url: string, options?: { name?: string }) => ServerWorker;

const WORKER_NAME = 'Kamervraag language server';

/**
 * Starts the server's worker. From an http(s) address (vscode.dev, github.dev) the worker loads
 * its script itself. An extension that the host reaches through another scheme cannot be: in
 * code-server the extension lives at a `vscode-remote:` URI, and the web worker extension host
 * refuses `new Worker` for it ("Creating workers from remote extensions is currently not
 * supported"). There the client reads the script through the workspace file system, which does
 * reach the extension's files, and starts the worker from a Blob URL of those bytes. The server
 * is one self-contained script (nothing it loads is resolved against its own address), so it runs
 * the same from either.
 */
async function startWorker(script: vscode.Uri): Promise<ServerWorker> {
  if (script.scheme === 'http' || script.scheme === 'https') return new Worker(script.toString(true), { name: WORKER_NAME });
  const bytes = await vscode.workspace.fs.readFile(script);
  const url = URL.createObjectURL(new Blob([bytes], { type: 'text/javascript' }));
  try {
    return new Worker(url, { name: WORKER_NAME });
  } finally {
    // The worker has its script once it is constructed with the URL.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}

export function activate(context: vscode.ExtensionContext): KamervraagApi {
  const script = vscode.Uri.joinPath(context.extensionUri, 'dist', 'browser', 'server.js');
  return activateWith(context, (id, name, options) => {
    let worker: ServerWorker | undefined;
    // A function rather than one worker: each start (a restart too) gets a fresh worker, and the
    // one before is ended, since stopping the client does not end its worker.
    // The function answers with the message transports, not the worker: the client would check
    // `worker instanceof Worker`, which a host that wraps the `Worker` constructor (code-server's web
    // worker extension host does) answers with false, and then takes the worker for transports.
    const client = new LanguageClient(id, name, async () => {
      worker?.terminate();
      worker = await startWorker(script);
      const port = jsonRpcPort(worker);
      return { reader: new BrowserMessageReader(port as never), writer: new BrowserMessageWriter(port as never) };
    }, options);
    context.subscriptions.push({ dispose: () => worker?.terminate() });
    return client;
  });
}
