// The browser build of the server (dist/browser/server.js) as a web worker
// runs it: a fresh JavaScript realm holding only what a worker's global scope
// offers (no `process`, `Buffer`, `require`), LSP over
// `postMessage` and `onmessage`. The same answers as the Node server for the
// same documents, the index read through the client's file requests, and the
// same bad-input guarantees: binary text, a 10 MB line, the size limit.

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vm from 'vm';
import {
  AbstractMessageReader,
  AbstractMessageWriter,
  createProtocolConnection,
  Disposable,
  DocumentSymbolRequest,
  InitializeRequest,
  WorkspaceSymbolRequest,
  type DataCallback,
  type Message,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { fixture, OFFICIAL_605, ROOT, SAMPLE, Session } from './harness';

const BUNDLE = path.join(ROOT, 'dist', 'browser', 'server.js');

/** Structured clone as `postMessage` does it, near enough for JSON-RPC messages. */
const clone = <T>(m: T): T => JSON.parse(JSON.stringify(m)) as T;

/** A web worker's global scope in its own realm, running the bundle. */
class WorkerRealm {
  readonly context: vm.Context;
  private toClient: ((m: Message) => void) | undefined;
  closed = false;

  constructor(script: string) {
    const scope: Record<string, unknown> = {
      // What a dedicated worker has that the bundle uses; nothing of Node's.
      console: { log: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined, debug: () => undefined },
      // Timers that do not keep the test run alive once the tests are done with the realm.
      setTimeout: (f: (...a: unknown[]) => void, ms?: number, ...args: unknown[]) => setTimeout(() => f(...args), ms).unref(),
      setInterval: (f: (...a: unknown[]) => void, ms?: number, ...args: unknown[]) => setInterval(() => f(...args), ms).unref(),
      clearTimeout, clearInterval, queueMicrotask,
      TextEncoder, TextDecoder, atob, btoa, URL, performance, structuredClone, crypto: globalThis.crypto,
      // A worker has it; polyfills (setImmediate's, for one) tell a worker from a page by it. Without
      // a MessageChannel here (whose ports would keep the run alive), that polyfill takes timers.
      importScripts: () => undefined,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      postMessage: (m: Message) => this.toClient?.(clone(m)),
      close: () => {
        this.closed = true;
      },
    };
    scope.self = scope;
    this.context = vm.createContext(scope);
    vm.runInContext(script, this.context, { filename: BUNDLE });
  }

  /** The client side: a JSON-RPC connection over the worker's messages. */
  connect(): ProtocolConnection {
    const listen = (callback: DataCallback | undefined) => {
      this.toClient = callback;
    };
    const context = this.context;
    class Reader extends AbstractMessageReader {
      listen(callback: DataCallback): Disposable {
        listen(callback);
        return Disposable.create(() => listen(undefined));
      }
    }
    class Writer extends AbstractMessageWriter {
      async write(m: Message): Promise<void> {
        const onmessage = context.onmessage as ((e: { data: unknown }) => void) | undefined;
        assert.ok(onmessage, 'the worker listens to its messages');
        onmessage({ data: clone(m) });
      }
      end(): void {}
    }
    return createProtocolConnection(new Reader(), new Writer());
  }
}

interface Client {
  readonly conn: ProtocolConnection;
  readonly realm: WorkerRealm;
  readonly diagnostics: Map<string, PublishDiagnosticsParams>;
  readonly errors: string[];
  readonly indexed: Promise<void>;
}

/** Starts the worker and initializes it as VS Code does: a client that reads the files (`fileSystem: true`). */
async function start(files: Record<string, string>, settings: Record<string, unknown> = {}): Promise<Client> {
  const realm = new WorkerRealm(fs.readFileSync(BUNDLE, 'utf8'));
  const conn = realm.connect();
  const diagnostics = new Map<string, PublishDiagnosticsParams>();
  const errors: string[] = [];
  let ready: () => void = () => undefined;
  const indexed = new Promise<void>((resolve) => (ready = resolve));
  conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    diagnostics.set(p.uri, p);
  });
  conn.onNotification('window/logMessage', (p: { type: number; message: string }) => {
    if (p.type === 1) errors.push(p.message);
  });
  conn.onNotification('kamervraag/indexChanged', (p: { indexing?: boolean }) => {
    if (!p.indexing) ready();
  });
  conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => settings));
  conn.onRequest('client/registerCapability', () => null);
  conn.onRequest('kamervraag/findFiles', () => Object.keys(files));
  // Base64 as the VS Code client sends it; the worker decodes it without Buffer.
  conn.onRequest('kamervraag/readFile', (p: { uri: string }) => (p.uri in files ? { base64: Buffer.from(files[p.uri], 'utf8').toString('base64'), mtime: 1 } : null));
  conn.listen();
  const init = await conn.sendRequest(InitializeRequest.type, {
    processId: null,
    rootUri: null,
    workspaceFolders: [{ uri: 'memfs:/sets', name: 'sets' }],
    initializationOptions: { locale: 'nl', fileSystem: true, today: '2024-12-06' },
    capabilities: { workspace: { configuration: true, workspaceFolders: true } },
  });
  assert.strictEqual(init.serverInfo?.name, 'kamervraag');
  await conn.sendNotification('initialized', {});
  return { conn, realm, diagnostics, errors, indexed };
}

async function open(c: Client, uri: string, text: string): Promise<PublishDiagnosticsParams> {
  await c.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'kamervraag', version: 1, text } });
  for (let waited = 0; waited < 20_000; waited += 20) {
    const p = c.diagnostics.get(uri);
    if (p) return p;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`no diagnostics for ${uri}`);
}

describe('protocol: the browser server in a web worker realm', function () {
  this.timeout(60_000);

  it('the realm is a worker, not Node: no process, Buffer, require or module', () => {
    const realm = new WorkerRealm(fs.readFileSync(BUNDLE, 'utf8'));
    // (setImmediate is there once the bundle ran: JSZip brings its polyfill, over a MessageChannel in a worker.)
    assert.strictEqual(vm.runInContext('[typeof process, typeof Buffer, typeof require, typeof module].join()', realm.context), 'undefined,undefined,undefined,undefined');
    assert.strictEqual(typeof realm.context.onmessage, 'function', 'the server listens to messages');
  });

  it('the sample: the diagnostics and outline of the Node server', async () => {
    const text = fixture(SAMPLE);
    const c = await start({});
    const d = await open(c, 'memfs:/sets/sample.kamervraag', text);
    // As the Node server pushes them for the sample (test/protocol/robustness.test.ts).
    assert.deepStrictEqual(d.diagnostics.map((x) => x.code).sort(), ['late-answer', 'year-typo']);
    const inWorker = await c.conn.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: 'memfs:/sets/sample.kamervraag' } });
    const node = await Session.start({ locale: 'nl' });
    try {
      await node.openDocument('file:///protocol-tests/sample.kamervraag', text);
      const inNode = await node.request(DocumentSymbolRequest.type, { textDocument: { uri: 'file:///protocol-tests/sample.kamervraag' } });
      assert.deepStrictEqual(inWorker, inNode);
    } finally {
      await node.shutdown();
    }
    assert.deepStrictEqual(c.errors, []);
  });

  it('the index reads the workspace through the client: kamervraag/readFile, base64 decoded without Buffer', async () => {
    const uri = 'memfs:/sets/ah-tk-20242025-605.txt';
    const c = await start({ [uri]: fixture(OFFICIAL_605) });
    await c.indexed;
    const found = (await c.conn.sendRequest(WorkspaceSymbolRequest.type, { query: '' })) ?? [];
    assert.ok(found.length > 0, 'workspace symbols from a file never opened');
    assert.ok(found.every((s) => 'location' in s && s.location.uri === uri), JSON.stringify(found.slice(0, 3)));
    assert.deepStrictEqual(c.errors, []);
  });

  it('bad input as in Node: binary text and a 10 MB line are analysed and answered, without an error', async () => {
    const c = await start({});
    const binary = await open(c, 'memfs:/sets/binary.kamervraag', '\u0000\u0001\u0002'.repeat(1000));
    // As the Node server answers (test/protocol/robustness.test.ts): one warning, no outline.
    assert.deepStrictEqual(binary.diagnostics.map((d) => [d.code, d.severity]), [['encoding', 2]]);
    assert.deepStrictEqual(await c.conn.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: 'memfs:/sets/binary.kamervraag' } }), []);
    // Under the default limit (50 MB): analysed, not refused. A reference to a question the
    // text lacks, repeated on one line: the same diagnostic for it each time.
    const started = Date.now();
    const line = await open(c, 'memfs:/sets/line.kamervraag', 'Zie antwoord vraag 12 en de brief van 20 maart 2019. '.repeat((10 * 1024 * 1024) / 53));
    assert.ok(!line.diagnostics.some((x) => x.code === 'file-too-large'), 'not over the limit');
    assert.ok(Array.isArray(await c.conn.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: 'memfs:/sets/line.kamervraag' } })));
    assert.ok(Date.now() - started < 30_000, `answered in ${Date.now() - started} ms`);
    assert.deepStrictEqual(c.errors, []);
  });

  it('a document over maxFileSizeMB (1 MB, 1.5 MB sent): one file-too-large diagnostic, no outline', async () => {
    const c = await start({}, { maxFileSizeMB: 1 });
    let big = '';
    while (big.length < 1.5 * 1024 * 1024) big += fixture(SAMPLE);
    const tooLarge = await open(c, 'memfs:/sets/too-large.kamervraag', big);
    assert.deepStrictEqual(tooLarge.diagnostics.map((x) => x.code), ['file-too-large']);
    assert.match(String(tooLarge.diagnostics[0].message), /groter dan 1 MB/);
    assert.deepStrictEqual(await c.conn.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: 'memfs:/sets/too-large.kamervraag' } }), []);
    assert.deepStrictEqual(c.errors, []);
  });

  it('exit closes the worker', async () => {
    const c = await start({});
    await c.conn.sendRequest('shutdown');
    await c.conn.sendNotification('exit');
    assert.ok(c.realm.closed);
  });
});
