// A small language client for the protocol tests: it starts the bundled
// server (`node dist/server.js --stdio`) the way an editor does, speaks LSP
// to it over stdio, answers its configuration requests with settings the test
// controls, mirrors the open documents (so that incremental edits can be
// applied and checked), and collects the diagnostics it pushes.

import type { AnalysisJson } from '../../server/src/model/json';
import { ANALYSIS_REQUEST } from '../../server/src/protocol';
import * as assert from 'assert';
import { spawn, type ChildProcessWithoutNullStreams } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import {
  ConfigurationRequest,
  createProtocolConnection,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type InitializeResult,
  type Location,
  type LocationLink,
  type Position,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type Range,
  type TextDocumentContentChangeEvent,
  type TextEdit,
} from 'vscode-languageserver-protocol/node';

/** The repository root: `__dirname` is `out/test/protocol`. */
export const ROOT = path.resolve(__dirname, '..', '..', '..');
export const SERVER = path.join(ROOT, 'dist', 'server.js');
export const CORPUS = path.join(ROOT, 'test', 'fixtures', 'corpus');

export const SAMPLE = 'openkamer/kv-2022Z09875.txt';
export const OFFICIAL_584 = 'official/ah-tk-20242025-584.txt';
export const OFFICIAL_605 = 'official/ah-tk-20242025-605.txt';
export const OFFICIAL_609 = 'official/ah-tk-20242025-609.txt';
export const OFFICIAL_564 = 'official/ah-tk-20242025-564.txt';

/** The text of a corpus fixture, e.g. `openkamer/kv-2022Z09875.txt`. */
export function fixture(rel: string): string {
  return fs.readFileSync(path.join(CORPUS, rel), 'utf8');
}

/** A fresh document uri per call, so that tests sharing a server do not share documents. */
let uriCounter = 0;
export function uriFor(name: string): string {
  uriCounter++;
  return `file:///protocol-tests/${uriCounter}-${name.replace(/[^A-Za-z0-9._-]/g, '_')}.kamervraag`;
}

/** The raw settings a test gives for a `workspace/configuration` item: `{ diagnostics, terms, maxFileSizeMB }`. */
export type SettingsProvider = (scopeUri: string | undefined) => unknown;

export interface SessionOptions {
  /** Sent as `initializationOptions.locale`. */
  readonly locale?: 'nl' | 'en';
  /** What `workspace/configuration` answers for each item; `{}` by default. */
  readonly settings?: SettingsProvider;
  /** Time allowed for one request, in ms. */
  readonly requestTimeoutMs?: number;
  /** Workspace folder URIs sent in `initialize` (none by default). */
  readonly workspaceFolders?: readonly string[];
  /** More `initializationOptions` (`fileSystem`, `today`). */
  readonly initializationOptions?: Record<string, unknown>;
  /** Announce `window.workDoneProgress`, dynamic `didChangeWatchedFiles` and workspace folders, as VS Code does. */
  readonly workspaceCapabilities?: boolean;
  /** Announce pull diagnostics with refresh support, as VS Code does: the server then pushes none. */
  readonly pullDiagnostics?: boolean;
  /** Answers to server → client requests by method (`kamervraag/findFiles`, `kamervraag/readFile`). */
  readonly handlers?: Record<string, (params: unknown) => unknown>;
  /** More environment for the server process (`KAMERVRAAG_LARGE_FILE_PROCESS`). */
  readonly env?: Record<string, string>;
}

export interface Notification {
  readonly method: string;
  readonly params: unknown;
}

export interface LogEntry {
  readonly type: number;
  readonly message: string;
}

interface Waiter {
  readonly uri: string;
  readonly version: number | null;
  readonly since: number;
  readonly resolve: (p: PublishDiagnosticsParams) => void;
}

interface RequestTypeLike<P, R> {
  readonly method: string;
  // Only here to carry the types; never read.
  readonly _?: [P, R, unknown, unknown] | undefined;
}

/** One running server and the client side of its connection. */
export class Session {
  readonly proc: ChildProcessWithoutNullStreams;
  readonly conn: ProtocolConnection;
  stderr = '';
  readonly logs: LogEntry[] = [];
  /** Every `textDocument/publishDiagnostics`, per uri, in arrival order. */
  readonly published = new Map<string, PublishDiagnosticsParams[]>();
  /** The client's copy of every open document. */
  readonly documents = new Map<string, { text: string; version: number }>();
  /** Number of `workspace/configuration` requests answered. */
  configurationRequests = 0;
  /** How many `workspace/diagnostic/refresh` requests the server sent. */
  diagnosticRefreshes = 0;
  settings: SettingsProvider;
  initializeResult: InitializeResult | null = null;
  /** Every notification other than diagnostics and logs, in arrival order (`$/progress`, `kamervraag/indexChanged`). */
  readonly notifications: Notification[] = [];
  /** Capabilities the server registered (`client/registerCapability`). */
  readonly registrations: { method: string; registerOptions?: unknown }[] = [];
  /** Server → client requests received, by method. */
  readonly serverRequests: Notification[] = [];
  private readonly notificationWaiters: { test: (n: Notification) => boolean; resolve: (n: Notification) => void }[] = [];
  /** Set when the process ended; `expectedExit` tells whether we asked it to. */
  exit: { code: number | null; signal: NodeJS.Signals | null } | null = null;
  private expectedExit = false;
  private readonly exited: Promise<never>;
  private readonly waiters: Waiter[] = [];
  private readonly requestTimeoutMs: number;

  private constructor(options: SessionOptions) {
    this.settings = options.settings ?? (() => ({}));
    this.requestTimeoutMs = options.requestTimeoutMs ?? 15000;
    if (!fs.existsSync(SERVER)) {
      throw new Error(`${SERVER} is missing: run \`npm run build\` (or esbuild server/src/node/main.ts) first`);
    }
    this.proc = spawn(process.execPath, [SERVER, '--stdio'], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...options.env } });
    this.proc.stderr.setEncoding('utf8');
    this.proc.stderr.on('data', (chunk: string) => {
      this.stderr += chunk;
    });
    // Writes after a crash must not bring the test run down; the exit is reported instead.
    this.proc.stdin.on('error', () => undefined);
    this.exited = new Promise<never>((_, reject) => {
      this.proc.on('exit', (code, signal) => {
        this.exit = { code, signal };
        if (!this.expectedExit) reject(new Error(`server exited unexpectedly (code ${code}, signal ${signal})${this.stderrTail()}`));
      });
    });
    this.exited.catch(() => undefined);
    this.conn = createProtocolConnection(new StreamMessageReader(this.proc.stdout), new StreamMessageWriter(this.proc.stdin));
    this.conn.onError(() => undefined);
    this.conn.onNotification(PublishDiagnosticsNotification.type, (p) => this.onDiagnostics(p));
    this.conn.onNotification(LogMessageNotification.type, (p) => {
      this.logs.push({ type: p.type, message: p.message });
    });
    this.conn.onRequest(ConfigurationRequest.type, (p) => {
      this.configurationRequests++;
      return p.items.map((item) => this.settings(item.scopeUri) ?? {});
    });
    this.conn.onRequest(RegistrationRequest.type, (p) => {
      for (const r of p.registrations) this.registrations.push({ method: r.method, registerOptions: r.registerOptions });
      return undefined;
    });
    for (const [method, handler] of Object.entries(options.handlers ?? {})) {
      this.conn.onRequest(method, (params: unknown) => {
        this.serverRequests.push({ method, params });
        return handler(params);
      });
    }
    for (const method of ['$/progress', 'kamervraag/indexChanged', 'window/showMessage']) {
      this.conn.onNotification(method, (params: unknown) => {
        const n = { method, params };
        this.notifications.push(n);
        for (let i = this.notificationWaiters.length - 1; i >= 0; i--) {
          if (this.notificationWaiters[i].test(n)) this.notificationWaiters.splice(i, 1)[0].resolve(n);
        }
      });
    }
    // Other requests a server may send get an empty answer, as from an editor.
    for (const method of ['client/unregisterCapability', 'window/workDoneProgress/create', 'workspace/semanticTokens/refresh', 'workspace/codeLens/refresh']) {
      this.conn.onRequest(method, () => null);
    }
    this.conn.onRequest('workspace/diagnostic/refresh', () => {
      this.diagnosticRefreshes++;
      return null;
    });
    this.conn.listen();
  }

  /** Starts a server and runs `initialize`/`initialized`. */
  static async start(options: SessionOptions = {}): Promise<Session> {
    const s = new Session(options);
    s.initializeResult = await s.request(InitializeRequest.type, {
      processId: process.pid,
      rootUri: null,
      workspaceFolders: options.workspaceFolders ? options.workspaceFolders.map((uri) => ({ uri, name: uri.slice(uri.lastIndexOf('/') + 1) })) : null,
      locale: options.locale ?? 'nl',
      initializationOptions: { locale: options.locale ?? 'nl', ...(options.initializationOptions ?? {}) },
      capabilities: {
        ...(options.workspaceCapabilities ? { window: { workDoneProgress: true } } : {}),
        workspace: {
          configuration: true,
          // A client that answers `workspace/applyEdit` (the renumber commands) says so.
          ...(options.handlers && 'workspace/applyEdit' in options.handlers ? { applyEdit: true } : {}),
          didChangeConfiguration: { dynamicRegistration: true },
          symbol: {},
          ...(options.workspaceCapabilities ? { didChangeWatchedFiles: { dynamicRegistration: true }, workspaceFolders: true } : {}),
          ...(options.pullDiagnostics ? { diagnostics: { refreshSupport: true } } : {}),
        },
        textDocument: {
          synchronization: { dynamicRegistration: false },
          publishDiagnostics: { relatedInformation: true, versionSupport: true },
          ...(options.pullDiagnostics ? { diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } } : {}),
          hover: { contentFormat: ['markdown', 'plaintext'] },
          definition: { linkSupport: true },
          documentSymbol: { hierarchicalDocumentSymbolSupport: true },
          codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } } },
          semanticTokens: {
            requests: { full: true },
            tokenTypes: ['function', 'number', 'class', 'decorator', 'string', 'keyword'],
            tokenModifiers: ['declaration', 'defaultLibrary', 'deprecated'],
            formats: ['relative'],
          },
        },
      },
    });
    await s.conn.sendNotification(InitializedNotification.type, {});
    return s;
  }

  private stderrTail(): string {
    const tail = this.stderr.trim().slice(-2000);
    return tail ? `\n--- server stderr ---\n${tail}` : '';
  }

  private onDiagnostics(p: PublishDiagnosticsParams): void {
    const list = this.published.get(p.uri) ?? [];
    list.push(p);
    this.published.set(p.uri, list);
    for (let i = this.waiters.length - 1; i >= 0; i--) {
      const w = this.waiters[i];
      if (w.uri === p.uri && list.length > w.since && (w.version === null || p.version === w.version)) {
        this.waiters.splice(i, 1);
        w.resolve(p);
      }
    }
  }

  /** Fails when the server process has ended without being asked to. */
  assertAlive(): void {
    assert.ok(this.exit === null || this.expectedExit, `server exited unexpectedly: ${JSON.stringify(this.exit)}${this.stderrTail()}`);
    assert.strictEqual(this.exit, null, `server is not running${this.stderrTail()}`);
  }

  /** Log messages of type Error (1), e.g. a feature that threw and was swallowed by the server. */
  errorLogs(): string[] {
    return this.logs.filter((l) => l.type === 1).map((l) => l.message);
  }

  /** A request that fails when the server dies or does not answer in time. */
  async request<P, R>(type: RequestTypeLike<P, R>, params: P, timeoutMs = this.requestTimeoutMs): Promise<R> {
    this.assertAlive();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${type.method}: no answer within ${timeoutMs} ms${this.stderrTail()}`)), timeoutMs);
    });
    try {
      // The typed overloads of sendRequest need the full protocol type; the method name carries the same call.
      const sent = this.conn.sendRequest(type.method, params) as Promise<R>;
      return await Promise.race([sent, this.exited, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** The first notification (already arrived or arriving within `timeoutMs`) that passes `test`. */
  async waitForNotification(test: (n: Notification) => boolean, timeoutMs = 30000): Promise<Notification> {
    const found = this.notifications.find(test);
    if (found) return found;
    this.assertAlive();
    let timer: ReturnType<typeof setTimeout> | undefined;
    let waiter: { test: (n: Notification) => boolean; resolve: (n: Notification) => void } | undefined;
    const got = new Promise<Notification>((resolve) => {
      waiter = { test, resolve };
      this.notificationWaiters.push(waiter);
    });
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no matching notification within ${timeoutMs} ms (got: ${this.notifications.map((n) => n.method).join(', ')})`)), timeoutMs);
    });
    try {
      return await Promise.race([got, this.exited, timeout]);
    } finally {
      clearTimeout(timer);
      const i = waiter ? this.notificationWaiters.indexOf(waiter) : -1;
      if (i >= 0) this.notificationWaiters.splice(i, 1);
    }
  }

  /** Sends any notification by method name (`workspace/didChangeWatchedFiles`, …). */
  async notify(method: string, params: unknown): Promise<void> {
    this.assertAlive();
    await this.conn.sendNotification(method, params);
  }

  /** Any request by method name (custom requests such as `kamervraag/analysis`). */
  async requestRaw<R>(method: string, params: unknown, timeoutMs = this.requestTimeoutMs): Promise<R> {
    return this.request<unknown, R>({ method }, params, timeoutMs);
  }

  /** Opens a document; resolves once the notification is written. */
  async openDocument(uri: string, text: string, languageId = 'kamervraag', version = 1): Promise<void> {
    this.assertAlive();
    this.documents.set(uri, { text, version });
    await this.conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version, text } });
  }

  /** Sends an incremental (or full) change and applies it to the client's copy. */
  async change(uri: string, version: number, contentChanges: TextDocumentContentChangeEvent[]): Promise<void> {
    this.assertAlive();
    const doc = this.documents.get(uri);
    assert.ok(doc, `change: ${uri} is not open`);
    let text = doc.text;
    for (const c of contentChanges) {
      if ('range' in c) {
        const start = offsetAt(text, c.range.start);
        const end = offsetAt(text, c.range.end);
        text = text.slice(0, start) + c.text + text.slice(end);
      } else {
        text = c.text;
      }
    }
    this.documents.set(uri, { text, version });
    await this.conn.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges });
  }

  /** Applies the edits of a WorkspaceEdit for `uri` as one incremental change with the next version. */
  async applyEdits(uri: string, edits: readonly TextEdit[]): Promise<number> {
    const doc = this.documents.get(uri);
    assert.ok(doc, `applyEdits: ${uri} is not open`);
    // Apply from the end so that earlier ranges stay valid.
    const sorted = [...edits].sort((a, b) => compare(b.range.start, a.range.start));
    const version = doc.version + 1;
    await this.change(uri, version, sorted.map((e) => ({ range: e.range, text: e.newText })));
    return version;
  }

  async close(uri: string): Promise<void> {
    this.assertAlive();
    this.documents.delete(uri);
    await this.conn.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  /** Changes the settings the client answers with and tells the server; it pulls them again. */
  async changeSettings(settings: SettingsProvider): Promise<void> {
    this.settings = settings;
    await this.conn.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
  }

  /** How many diagnostics notifications arrived for `uri` so far. */
  publishedCount(uri: string): number {
    return this.published.get(uri)?.length ?? 0;
  }

  /**
   * The first diagnostics notification for `uri` at `version` (any version when null) among those
   * that arrive after the first `since` ones; fails after `timeoutMs`.
   */
  async waitForDiagnostics(uri: string, version: number | null, options: { since?: number; timeoutMs?: number } = {}): Promise<PublishDiagnosticsParams> {
    const since = options.since ?? 0;
    const timeoutMs = options.timeoutMs ?? 10000;
    const list = this.published.get(uri) ?? [];
    const found = list.slice(since).find((p) => version === null || p.version === version);
    if (found) return found;
    this.assertAlive();
    let timer: ReturnType<typeof setTimeout> | undefined;
    let waiter: Waiter | undefined;
    const got = new Promise<PublishDiagnosticsParams>((resolve) => {
      waiter = { uri, version, since, resolve };
      this.waiters.push(waiter);
    });
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        const seen = (this.published.get(uri) ?? []).map((p) => p.version);
        reject(new Error(`no diagnostics for ${uri} at version ${version} within ${timeoutMs} ms (versions seen: ${JSON.stringify(seen)})`));
      }, timeoutMs);
    });
    try {
      return await Promise.race([got, this.exited, timeout]);
    } finally {
      clearTimeout(timer);
      const i = waiter ? this.waiters.indexOf(waiter) : -1;
      if (i >= 0) this.waiters.splice(i, 1);
    }
  }

  /** `shutdown` and `exit`; waits for the process to end (and kills it if it does not). */
  async shutdown(): Promise<void> {
    if (this.exit !== null) return;
    try {
      await this.requestRaw(ShutdownRequest.method, undefined, 5000);
      this.expectedExit = true;
      const ended = new Promise<void>((resolve) => this.proc.once('exit', () => resolve()));
      await this.conn.sendNotification(ExitNotification.type);
      await Promise.race([ended, new Promise<void>((resolve) => setTimeout(resolve, 3000))]);
    } finally {
      this.expectedExit = true;
      this.conn.dispose();
      if (this.exit === null) this.proc.kill();
    }
  }
}

// ---------------------------------------------------------------- positions

export function compare(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

/** The UTF-16 offset of a position; clamped to the line and the text like an LSP server does. */
export function offsetAt(text: string, p: Position): number {
  let offset = 0;
  for (let line = 0; line < p.line; line++) {
    const nl = text.indexOf('\n', offset);
    if (nl < 0) return text.length;
    offset = nl + 1;
  }
  const nl = text.indexOf('\n', offset);
  const lineEnd = nl < 0 ? text.length : nl;
  return Math.min(offset + p.character, lineEnd);
}

export function positionAt(text: string, offset: number): Position {
  let line = 0;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, character: offset - lineStart };
}

/**
 * The range of the `occurrence`-th (0-based) match of `needle`, searched from `fromLine` on. A space
 * in the needle also matches a no-break space, as the fixtures have both.
 */
export function rangeOf(text: string, needle: string, occurrence = 0, fromLine = 0): Range {
  const pattern = needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '[ \u00a0]');
  const re = new RegExp(pattern, 'g');
  re.lastIndex = offsetAt(text, { line: fromLine, character: 0 });
  let m: RegExpExecArray | null = null;
  for (let i = 0; i <= occurrence; i++) {
    m = re.exec(text);
    assert.ok(m, `fixture lacks occurrence ${occurrence} of ${JSON.stringify(needle)} from line ${fromLine}`);
    re.lastIndex = m.index + 1;
  }
  assert.ok(m);
  return { start: positionAt(text, m.index), end: positionAt(text, m.index + m[0].length) };
}

/** A position `delta` characters into the `occurrence`-th match of `needle`. */
export function positionIn(text: string, needle: string, delta = 0, occurrence = 0, fromLine = 0): Position {
  const r = rangeOf(text, needle, occurrence, fromLine);
  return { line: r.start.line, character: r.start.character + delta };
}

export function lineOf(text: string, line: number): string {
  return text.split('\n')[line] ?? '';
}

export function textIn(text: string, r: Range): string {
  return text.slice(offsetAt(text, r.start), offsetAt(text, r.end));
}

/** The position just past the last character. */
export function endOf(text: string): Position {
  return positionAt(text, text.length);
}

export function contains(outer: Range, inner: Range): boolean {
  return compare(outer.start, inner.start) <= 0 && compare(inner.end, outer.end) <= 0;
}

export function sameRange(a: Range, b: Range): boolean {
  return compare(a.start, b.start) === 0 && compare(a.end, b.end) === 0;
}

export function range(sl: number, sc: number, el: number, ec: number): Range {
  return { start: { line: sl, character: sc }, end: { line: el, character: ec } };
}

export function showRange(r: Range): string {
  return `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
}

// ---------------------------------------------------------------- results

/** A definition result as target range and selection range, whether it came as Location or LocationLink. */
export interface Target {
  readonly uri: string;
  readonly range: Range;
  readonly selection: Range;
  readonly origin: Range | undefined;
}

export function targets(result: Location | Location[] | LocationLink[] | null | undefined): Target[] {
  if (!result) return [];
  const list = (Array.isArray(result) ? result : [result]) as (Location | LocationLink)[];
  return list.map((x) => ('targetUri' in x
    ? { uri: x.targetUri, range: x.targetRange, selection: x.targetSelectionRange, origin: x.originSelectionRange }
    : { uri: x.uri, range: x.range, selection: x.range, origin: undefined }));
}

/** The text of a hover's contents, whatever form they take. */
export function hoverText(h: { contents: unknown } | null): string {
  if (!h) return '';
  const one = (c: unknown): string => (typeof c === 'string' ? c : c && typeof c === 'object' && 'value' in c ? String((c as { value: unknown }).value) : '');
  return Array.isArray(h.contents) ? h.contents.map(one).join('\n\n') : one(h.contents);
}

export interface Token {
  readonly line: number;
  readonly character: number;
  readonly length: number;
  readonly type: string;
  readonly modifiers: string[];
}

/** Decodes LSP's relative semantic-token encoding with the legend. */
export function decodeTokens(data: readonly number[], legend: { tokenTypes: string[]; tokenModifiers: string[] }): Token[] {
  assert.strictEqual(data.length % 5, 0, 'semantic token data comes in groups of five');
  const out: Token[] = [];
  let line = 0;
  let character = 0;
  for (let i = 0; i < data.length; i += 5) {
    const [dl, dc, length, type, mods] = data.slice(i, i + 5);
    line += dl;
    character = dl === 0 ? character + dc : dc;
    assert.ok(type < legend.tokenTypes.length, `token type ${type} outside the legend`);
    const modifiers = legend.tokenModifiers.filter((_, bit) => (mods & (1 << bit)) !== 0);
    assert.ok(mods >> legend.tokenModifiers.length === 0, `token modifiers ${mods} outside the legend`);
    out.push({ line, character, length, type: legend.tokenTypes[type], modifiers });
  }
  return out;
}

// ---------------------------------------------------------------- documents

export interface OpenDocument {
  readonly uri: string;
  readonly text: string;
}

/** An open document with the first diagnostics the server pushed for it. */
export type OpenedDocument = OpenDocument & { readonly diagnostics: PublishDiagnosticsParams };

/** Opens `text` under a fresh uri and waits for its first diagnostics, so that its settings are loaded. */
export async function openAndWait(s: Session, name: string, text: string): Promise<OpenedDocument> {
  const uri = uriFor(name);
  await s.openDocument(uri, text);
  const diagnostics = await s.waitForDiagnostics(uri, 1);
  return { uri, text, diagnostics };
}

/** Opens a corpus fixture (see `openAndWait`). */
export async function openFixture(s: Session, rel: string): Promise<OpenedDocument> {
  return openAndWait(s, path.basename(rel, '.txt'), fixture(rel));
}

/** The `kamervraag/analysis` result: the model's JSON schema 2. */
export type { AnalysisJson };
export { ANALYSIS_REQUEST };

export function analysisOf(s: Session, uri: string): Promise<AnalysisJson> {
  return s.requestRaw<AnalysisJson>(ANALYSIS_REQUEST, { uri });
}

/** Text with every run of white space (no-break spaces included) as one space. */
export function squash(s: string): string {
  return s.replace(/[\s\u00a0]+/g, ' ').trim();
}
