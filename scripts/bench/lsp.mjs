// A minimal language client for the benchmark: starts a server over stdio,
// answers what it asks of an editor (configuration, registrations, and for
// VS Code's Markdown server its `markdown/*` requests, tokenizing with
// markdown-it as the VS Code extension does), mirrors the open documents,
// and records the diagnostics pushed.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { clearTimeout, setTimeout } from 'node:timers';
import MarkdownIt from 'markdown-it';
import rpc from 'vscode-languageserver-protocol/node';

const { createProtocolConnection, StreamMessageReader, StreamMessageWriter } = rpc;

export class Client {
  /**
   * @param {string[]} args node arguments: the server script and its flags
   * @param {{ name: string, cwd?: string, timeoutMs?: number, env?: Record<string, string> }} options
   */
  constructor(args, options) {
    this.name = options.name;
    this.timeoutMs = options.timeoutMs ?? 60000;
    this.indexed = false;
    this.indexWaiters = [];
    this.proc = spawn(process.execPath, args, { cwd: options.cwd, stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...options.env } });
    this.stderr = '';
    this.exit = null;
    this.logs = [];
    this.documents = new Map();
    /** uri → list of { version, at, count } */
    this.diagnostics = new Map();
    this.waiters = [];
    /** Time the client spent tokenizing for the server (`markdown/parse`), ms. */
    this.parseMs = 0;
    this.parseRequests = 0;
    this.unknownRequests = new Set();
    this.md = null;
    this.proc.stderr.setEncoding('utf8');
    this.proc.stderr.on('data', (c) => {
      this.stderr += c;
    });
    this.proc.stdin.on('error', () => undefined);
    this.exited = new Promise((_, reject) => {
      this.proc.on('exit', (code, signal) => {
        this.exit = { code, signal };
        reject(new Error(`${this.name}: server exited (code ${code}, signal ${signal})\n${this.stderr.slice(-2000)}`));
      });
    });
    this.exited.catch(() => undefined);
    const conn = createProtocolConnection(new StreamMessageReader(this.proc.stdout), new StreamMessageWriter(this.proc.stdin));
    this.conn = conn;
    conn.onError(() => undefined);
    conn.onNotification('textDocument/publishDiagnostics', (p) => this.onDiagnostics(p));
    conn.onNotification('window/logMessage', (p) => this.logs.push(p));
    conn.onNotification('kamervraag/indexChanged', (p) => {
      if (p?.indexing === false) {
        this.indexed = true;
        for (const f of this.indexWaiters.splice(0)) f();
      }
    });
    conn.onNotification(() => undefined);
    conn.onRequest('workspace/configuration', (p) => p.items.map(() => ({})));
    conn.onRequest('markdown/parse', (p) => this.parse(p));
    conn.onRequest('markdown/fs/readFile', (p) => {
      throw new Error(`no such file: ${p.uri}`);
    });
    conn.onRequest('markdown/fs/stat', () => undefined);
    conn.onRequest('markdown/fs/readDirectory', () => []);
    conn.onRequest('markdown/findMarkdownFilesInWorkspace', () => []);
    conn.onRequest('markdown/fs/watcher/create', () => null);
    conn.onRequest('markdown/fs/watcher/delete', () => null);
    // registerCapability, workDoneProgress/create, refreshes, …: an empty answer, as from an editor.
    conn.onRequest((method) => {
      this.unknownRequests.add(method);
      return null;
    });
    conn.listen();
  }

  /** What VS Code's Markdown extension answers: markdown-it's tokens for the document. */
  parse(p) {
    const t0 = performance.now();
    this.md ??= new MarkdownIt({ html: true, linkify: true });
    const text = typeof p.text === 'string' ? p.text : this.documents.get(p.uri)?.text ?? '';
    const tokens = this.md.parse(text, {});
    this.parseMs += performance.now() - t0;
    this.parseRequests++;
    return tokens;
  }

  onDiagnostics(p) {
    const list = this.diagnostics.get(p.uri) ?? [];
    list.push({ version: p.version, at: performance.now(), count: p.diagnostics.length });
    this.diagnostics.set(p.uri, list);
    for (let i = this.waiters.length - 1; i >= 0; i--) {
      const w = this.waiters[i];
      if (w.uri === p.uri && (w.version === null || w.version === p.version)) {
        this.waiters.splice(i, 1);
        w.resolve(list[list.length - 1]);
      }
    }
  }

  /** The first diagnostics for `uri` at `version` (any when null), past or future. */
  waitForDiagnostics(uri, version, timeoutMs = this.timeoutMs) {
    const found = (this.diagnostics.get(uri) ?? []).find((d) => version === null || d.version === version);
    if (found) return Promise.resolve(found);
    let timer;
    const got = new Promise((resolve) => this.waiters.push({ uri, version, resolve }));
    const timeout = new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${this.name}: no diagnostics for version ${version} within ${timeoutMs} ms`)), timeoutMs);
    });
    return Promise.race([got, timeout, this.exited]).finally(() => clearTimeout(timer));
  }

  async request(method, params, timeoutMs = this.timeoutMs) {
    let timer;
    const timeout = new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${this.name}: ${method}: no answer within ${timeoutMs} ms`)), timeoutMs);
    });
    try {
      return await Promise.race([this.conn.sendRequest(method, params), timeout, this.exited]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** `pullDiagnostics`: announce pull diagnostics with refresh support, as VS Code does. */
  /** Resolves when the server says its index of the workspace folders is complete (`kamervraag/indexChanged`, `indexing: false`). */
  waitForIndex() {
    return this.indexed ? Promise.resolve() : new Promise((resolve) => this.indexWaiters.push(resolve));
  }

  /** `folders`: workspace folder paths (the server indexes them from the disk). */
  async initialize({ pullDiagnostics = false, folders = [] } = {}) {
    const uris = folders.map((f) => pathToFileURL(f).href);
    const result = await this.request('initialize', {
      processId: process.pid,
      rootUri: uris[0] ?? null,
      workspaceFolders: uris.length > 0 ? uris.map((uri, i) => ({ uri, name: `folder${i}` })) : null,
      locale: 'nl',
      initializationOptions: { locale: 'nl', markdownFileExtensions: ['md'] },
      capabilities: {
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, workspaceFolders: true, ...(pullDiagnostics ? { diagnostics: { refreshSupport: true } } : {}) },
        textDocument: {
          synchronization: { dynamicRegistration: false },
          publishDiagnostics: { relatedInformation: true, versionSupport: true },
          diagnostic: { dynamicRegistration: false },
          definition: { linkSupport: true },
          documentSymbol: { hierarchicalDocumentSymbolSupport: true },
          foldingRange: { lineFoldingOnly: true },
        },
      },
    });
    await this.conn.sendNotification('initialized', {});
    return result;
  }

  /** Sends didOpen without waiting for anything. */
  open(uri, languageId, text) {
    this.documents.set(uri, { text, version: 1 });
    return this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  }

  close(uri) {
    this.documents.delete(uri);
    return this.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  /** Inserts `insert` at the UTF-16 offset as an incremental change; returns the new version. */
  insert(uri, offset, insert) {
    const doc = this.documents.get(uri);
    const position = positionAt(doc.text, offset);
    doc.text = doc.text.slice(0, offset) + insert + doc.text.slice(offset);
    doc.version++;
    this.conn.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: doc.version },
      contentChanges: [{ range: { start: position, end: position }, text: insert }],
    });
    return doc.version;
  }

  /** VmHWM (peak resident set) and VmRSS of the server process in MB, from /proc. */
  memory() {
    try {
      const status = fs.readFileSync(`/proc/${this.proc.pid}/status`, 'utf8');
      const kb = (key) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
      return { peakMB: kb('VmHWM') / 1024, rssMB: kb('VmRSS') / 1024 };
    } catch {
      return { peakMB: NaN, rssMB: NaN };
    }
  }

  async shutdown() {
    if (this.exit === null) {
      try {
        await this.request('shutdown', undefined, 5000);
        const ended = new Promise((resolve) => this.proc.once('exit', resolve));
        await this.conn.sendNotification('exit');
        await Promise.race([ended, new Promise((resolve) => setTimeout(resolve, 3000))]);
      } catch {
        // killed below
      }
    }
    this.conn.dispose();
    if (this.exit === null) this.proc.kill();
  }
}

export function positionAt(text, offset) {
  let line = 0;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, character: offset - lineStart };
}
