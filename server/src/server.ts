// The connection wiring: capabilities, document sync, settings, and one
// handler per feature, each a small function of the cached analysis. Nothing
// here parses text. Every handler is guarded: whatever a client sends, the
// server answers or returns nothing, and stays alive.

import {
  CancellationToken,
  CodeActionKind,
  Connection,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  InitializeParams,
  InitializeResult,
  ResponseError,
  TextDocumentSyncKind,
  TextDocuments,
  WatchKind,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { AnalysisCache } from './model/cache';
import { toJson } from './model/json';
import type { Analysis } from './model/types';
import { codeActions } from './features/codeActions';
import { codeLenses } from './features/codeLens';
import { localeOf, t, type FeatureContext, type Locale } from './features/context';
import { definition } from './features/definition';
import { diagnostics } from './features/diagnostics';
import { foldingRanges } from './features/folding';
import { hover } from './features/hover';
import { documentLinks } from './features/links';
import { documentHighlights, references } from './features/references';
import { selectionRanges } from './features/selectionRange';
import { LEGEND, semanticTokens } from './features/semanticTokens';
import { documentSymbols } from './features/symbols';
import { workspaceSymbols } from './features/workspaceSymbols';
import { crossFileDefinition, crossFileHover, crossFileReferences } from './features/crossFile';
import { indexSymbols } from './features/indexSymbols';
import { analyze } from './model/analysis';
import { decodeBytes } from './model/decode';
import {
  ANALYSIS_REQUEST,
  FIND_FILES_REQUEST,
  INDEX_CHANGED_NOTIFICATION,
  READ_FILE_REQUEST,
  SETS_REQUEST,
  TIMELINE_REQUEST,
  type FindFilesParams,
  type IndexChangedParams,
  type ReadFileResult,
  type SetsParams,
  type Timeline,
} from './protocol';
import { DEFAULT_SETTINGS, readSettings, type Settings } from './settings';
import { CANDIDATE_GLOBS, EXCLUDE_GLOB, type WorkspaceFileSystem } from './workspace/fileSystem';
import { WorkspaceIndex } from './workspace/index';
import { Indexer } from './workspace/indexer';
import type { FileAnalyzer } from './workspace/fileJob';
import { isoToday } from './workspace/state';
import { timeline } from './workspace/timeline';

/** Delay between the last keystroke and the diagnostics it causes. */
export const DIAGNOSTICS_DELAY_MS = 150;
/** Delay between the last keystroke and the index update of an open document. */
export const INDEX_DELAY_MS = 600;

export { ANALYSIS_REQUEST };

/** What the platform gives the server: Node gives a disk reader and a fast base64 decoder; a browser worker neither. */
export interface ServerPlatform {
  /** Reads `file:` folders itself, for clients without the Kamervraag file-system requests. */
  readonly diskFileSystem?: WorkspaceFileSystem;
  readonly decodeBase64?: (base64: string) => Uint8Array;
  /** Analyses the files of a large crawl in another thread (Node: a worker thread). */
  readonly indexAnalyzer?: FileAnalyzer;
}

/** How often, at most, `kamervraag/indexChanged` goes out while the first indexing runs. */
export const INDEX_CHANGED_INTERVAL_MS = 500;

function decodeBase64Portable(s: string): Uint8Array {
  const bin = atob(s);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** The file system of a client that answers FIND_FILES_REQUEST and READ_FILE_REQUEST. */
function clientFileSystem(connection: Connection, decodeBase64: (s: string) => Uint8Array): WorkspaceFileSystem {
  return {
    async findFiles(folder: string) {
      const params: FindFilesParams = { folder, include: CANDIDATE_GLOBS, exclude: EXCLUDE_GLOB };
      const list: unknown = await connection.sendRequest(FIND_FILES_REQUEST, params);
      return Array.isArray(list) ? list.filter((u): u is string => typeof u === 'string') : [];
    },
    async readFile(uri: string) {
      const r = (await connection.sendRequest(READ_FILE_REQUEST, { uri })) as ReadFileResult | null;
      if (!r || typeof r.base64 !== 'string') return null;
      return { bytes: decodeBase64(r.base64), mtime: typeof r.mtime === 'number' ? r.mtime : undefined };
    },
  };
}

export function startServer(connection: Connection, platform: ServerPlatform = {}): void {
  const documents = new TextDocuments(TextDocument);
  const cache = new AnalysisCache();
  const settingsByUri = new Map<string, Settings>();
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** Documents whose first diagnostics went out; until then they go out at once, after that after a pause in typing. */
  const published = new Set<string>();
  let locale: Locale = 'nl';
  let pullConfiguration = false;
  let globalSettings = DEFAULT_SETTINGS;

  // ── The workspace index ────────────────────────────────────────────────
  let today = isoToday();
  /** Set by `initializationOptions.today`; otherwise today follows the clock. */
  let todayPinned = false;
  /** The server may run past midnight: today moves on unless a client pinned it. */
  const refreshToday = () => {
    if (todayPinned) return;
    const now = isoToday();
    if (now !== today) {
      today = now;
      index.setToday(today);
    }
  };
  let workspaceFolders: string[] = [];
  let clientWorkspaceFolders = false;
  let watchDynamic = false;
  let progressSupport = false;
  let fileSystem: WorkspaceFileSystem | null = null;
  const index = new WorkspaceIndex(DEFAULT_SETTINGS.terms, today);
  /** Analyses of files that are not open, for the timeline: a few, most recent last. */
  const closedAnalyses = new Map<string, Analysis>();
  let indexer: Indexer | null = null;
  let changedTimer: ReturnType<typeof setTimeout> | null = null;
  let lastChangedAt = 0;

  function sendIndexChanged(): void {
    if (changedTimer) clearTimeout(changedTimer);
    changedTimer = null;
    lastChangedAt = Date.now();
    try {
      const params: IndexChangedParams = { sets: index.setCount, indexing: indexer?.indexing ?? false };
      connection.sendNotification(INDEX_CHANGED_NOTIFICATION, params).catch(() => undefined);
    } catch (e) {
      connection.console.error(`indexChanged failed: ${String(e)}`);
    }
  }

  /** Tells the client the index changed: soon after a change, at most every INDEX_CHANGED_INTERVAL_MS while indexing. */
  function indexChanged(): void {
    if (changedTimer) return;
    const wait = indexer?.indexing ? Math.max(0, lastChangedAt + INDEX_CHANGED_INTERVAL_MS - Date.now()) : 50;
    changedTimer = setTimeout(sendIndexChanged, wait);
  }

  const ctxFor = (uri: string): FeatureContext => ({ locale, settings: settingsByUri.get(uri) ?? globalSettings });

  /** The analysis of an open document, or null when it is not open or too large. */
  const analysisOf = (uri: string): Analysis | null => {
    const doc = documents.get(uri);
    if (!doc) return null;
    const limit = ctxFor(uri).settings.maxFileSizeMB * 1024 * 1024;
    if (doc.getText().length > limit) return null;
    cache.setTerms(ctxFor(uri).settings.terms);
    return cache.get(uri, doc.version, () => doc.getText());
  };

  /** Runs a feature on the analysis of `uri`; logs and swallows any error so the server stays up. */
  function guarded<T>(name: string, uri: string, token: CancellationToken | undefined, fallback: T, run: (a: Analysis, ctx: FeatureContext) => T): T {
    if (token?.isCancellationRequested) return fallback;
    try {
      const a = analysisOf(uri);
      if (!a || token?.isCancellationRequested) return fallback;
      return run(a, ctxFor(uri));
    } catch (e) {
      connection.console.error(`${name} failed for ${uri}: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
      return fallback;
    }
  }

  /** As `guarded`, after the document's settings are known (fetched once per document). */
  async function feature<T>(name: string, uri: string, token: CancellationToken, fallback: T, run: (a: Analysis, ctx: FeatureContext) => T): Promise<T> {
    if (!settingsByUri.has(uri) && pullConfiguration) await loadSettings(uri);
    return guarded(name, uri, token, fallback, run);
  }

  async function loadSettings(uri: string): Promise<Settings> {
    if (!pullConfiguration) return globalSettings;
    const known = settingsByUri.get(uri);
    if (known) return known;
    try {
      const raw: unknown = await connection.workspace.getConfiguration({ scopeUri: uri, section: 'kamervraag' });
      const s = readSettings(raw);
      settingsByUri.set(uri, s);
      return s;
    } catch {
      return globalSettings;
    }
  }

  async function publishDiagnostics(uri: string): Promise<void> {
    const doc = documents.get(uri);
    if (!doc) return;
    const version = doc.version;
    await loadSettings(uri);
    if (documents.get(uri)?.version !== version) return; // a newer edit will publish
    const ctx = ctxFor(uri);
    const limitMB = ctx.settings.maxFileSizeMB;
    if (doc.getText().length > limitMB * 1024 * 1024) {
      const message = t(ctx, `Dit bestand is groter dan ${limitMB} MB (kamervraag.maxFileSizeMB) en wordt niet geanalyseerd.`, `This file is larger than ${limitMB} MB (kamervraag.maxFileSizeMB) and is not analysed.`);
      await connection.sendDiagnostics({ uri, version, diagnostics: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, message, severity: 3, code: 'file-too-large', source: 'kamervraag' }] });
      return;
    }
    const list = guarded('diagnostics', uri, undefined, [], (a, c) => diagnostics(a, uri, c));
    published.add(uri);
    await connection.sendDiagnostics({ uri, version, diagnostics: list });
  }

  function scheduleDiagnostics(uri: string, delay: number): void {
    const pending = timers.get(uri);
    if (pending) clearTimeout(pending);
    timers.set(uri, setTimeout(() => {
      timers.delete(uri);
      publishDiagnostics(uri).catch((e) => connection.console.error(String(e)));
    }, delay));
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const options = (params.initializationOptions ?? {}) as { locale?: unknown; fileSystem?: unknown; today?: unknown };
    locale = localeOf(typeof options.locale === 'string' ? options.locale : params.locale);
    pullConfiguration = params.capabilities.workspace?.configuration === true;
    if (typeof options.today === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(options.today)) {
      today = options.today;
      todayPinned = true;
      index.setToday(today);
    }
    const caps = params.capabilities;
    clientWorkspaceFolders = caps.workspace?.workspaceFolders === true;
    watchDynamic = caps.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    progressSupport = caps.window?.workDoneProgress === true;
    if (Array.isArray(params.workspaceFolders)) workspaceFolders = params.workspaceFolders.map((f) => f.uri).filter((u) => typeof u === 'string');
    else if (typeof params.rootUri === 'string') workspaceFolders = [params.rootUri];
    fileSystem = options.fileSystem === true ? clientFileSystem(connection, platform.decodeBase64 ?? decodeBase64Portable) : platform.diskFileSystem ?? null;
    if (fileSystem) {
      indexer = new Indexer({
        fs: fileSystem,
        index,
        maxBytes: () => globalSettings.maxFileSizeMB * 1024 * 1024,
        isOpen: (uri) => documents.get(uri) !== undefined,
        onChange: indexChanged,
        log: (m) => connection.console.log(m),
        analyzer: platform.indexAnalyzer,
      });
    }
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        documentSymbolProvider: { label: 'Kamervraag' },
        hoverProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        documentHighlightProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        foldingRangeProvider: true,
        selectionRangeProvider: true,
        documentLinkProvider: { resolveProvider: false },
        semanticTokensProvider: { legend: LEGEND, full: true },
        codeLensProvider: { resolveProvider: false },
        workspaceSymbolProvider: true,
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'kamervraag', version: '0.1.0' },
    };
  });

  connection.onInitialized(() => {
    if (pullConfiguration) {
      connection.client.register(DidChangeConfigurationNotification.type, { section: 'kamervraag' }).catch(() => undefined);
    }
    if (indexer && watchDynamic) {
      // The candidate files, and deletions of anything: a deleted folder comes as one event for the folder.
      const watchers = [...CANDIDATE_GLOBS.map((globPattern) => ({ globPattern })), { globPattern: '**/*', kind: WatchKind.Delete }];
      connection.client.register(DidChangeWatchedFilesNotification.type, { watchers }).catch(() => undefined);
    }
    if (clientWorkspaceFolders) {
      try {
        connection.workspace.onDidChangeWorkspaceFolders((e) => {
          if (!indexer) return;
          for (const f of e.removed) indexer.removeFolder(f.uri);
          workspaceFolders = [...workspaceFolders.filter((u) => !e.removed.some((r) => r.uri === u)), ...e.added.map((f) => f.uri)];
          void indexFolders(e.added.map((f) => f.uri));
        });
      } catch {
        // The client sends no folder changes.
      }
    }
    void indexFolders(workspaceFolders);
  });

  /** Indexes workspace folders, with progress where the client shows it; indexChanged at the end. */
  async function indexFolders(folders: readonly string[]): Promise<void> {
    if (!indexer || folders.length === 0) {
      // Nothing to crawl: the index (open documents only) is ready all the same.
      sendIndexChanged();
      return;
    }
    const run = indexer;
    let progress: Awaited<ReturnType<typeof connection.window.createWorkDoneProgress>> | null = null;
    try {
      if (pullConfiguration) {
        const s = await loadSettings(folders[0]);
        globalSettings = s;
        index.setTerms(s.terms);
      }
      if (progressSupport) {
        try {
          progress = await connection.window.createWorkDoneProgress();
          progress.begin(t({ locale }, 'Kamervragen indexeren', 'Indexing Kamervragen'), 0, undefined, false);
        } catch {
          progress = null;
        }
      }
      let lastReport = 0;
      const report = (done: number, total: number) => {
        const now = Date.now();
        if (!progress || (now - lastReport < 200 && done < total)) return;
        lastReport = now;
        progress.report(total > 0 ? Math.floor((done / total) * 100) : 100, t({ locale }, `${done} van ${total} bestanden`, `${done} of ${total} files`));
      };
      await run.addFolders(folders, report);
    } catch (e) {
      connection.console.error(`Indexing failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
    } finally {
      progress?.done();
      sendIndexChanged();
    }
  }

  /** Puts an open document's current text into the index (it overrides the disk). */
  async function indexOpenDocument(uri: string): Promise<void> {
    await loadSettings(uri);
    const doc = documents.get(uri);
    if (!doc) return;
    try {
      const before = index.setOf(uri)?.summary ?? null;
      const a = analysisOf(uri);
      const changed = a ? (indexer ?? fallbackIndexer).indexText(uri, doc.getText(), doc.getText().length, a) : index.delete(uri);
      const after = index.setOf(uri)?.summary ?? null;
      if (changed && JSON.stringify(before) !== JSON.stringify(after)) indexChanged();
    } catch (e) {
      connection.console.error(`Indexing ${uri} failed: ${String(e)}`);
    }
  }
  /** Without a file system the index holds the open documents only. */
  const fallbackIndexer = new Indexer({ fs: { findFiles: async () => [], readFile: async () => null }, index });
  const indexTimers = new Map<string, ReturnType<typeof setTimeout>>();
  function scheduleIndex(uri: string, delay: number): void {
    const pending = indexTimers.get(uri);
    if (pending) clearTimeout(pending);
    indexTimers.set(uri, setTimeout(() => {
      indexTimers.delete(uri);
      void indexOpenDocument(uri);
    }, delay));
  }

  let watchQueue: Promise<unknown> = Promise.resolve();
  connection.onDidChangeWatchedFiles((p) => {
    const run = indexer;
    if (!run || !Array.isArray(p?.changes)) return;
    for (const c of p.changes) {
      if (!c || typeof c.uri !== 'string') continue;
      watchQueue = watchQueue.then(async () => {
        closedAnalyses.delete(c.uri);
        if (c.type === FileChangeType.Deleted) {
          if (!run.remove(c.uri)) run.removeUnder(c.uri);
        } else await run.refresh(c.uri);
      }).catch((e) => connection.console.error(`Watcher update failed: ${String(e)}`));
    }
  });

  connection.onDidChangeConfiguration((change) => {
    settingsByUri.clear();
    const raw = (change.settings as { kamervraag?: unknown } | null)?.kamervraag;
    if (!pullConfiguration && raw !== undefined) globalSettings = readSettings(raw);
    for (const doc of documents.all()) scheduleDiagnostics(doc.uri, 0);
    // New terms change where the sets stand.
    void (async () => {
      if (pullConfiguration && workspaceFolders.length > 0) globalSettings = await loadSettings(workspaceFolders[0]);
      const generation = index.generation;
      index.setTerms(globalSettings.terms);
      if (index.generation !== generation) indexChanged();
    })().catch(() => undefined);
  });

  documents.onDidOpen((e) => {
    published.delete(e.document.uri);
    void loadSettings(e.document.uri);
    scheduleDiagnostics(e.document.uri, 0);
  });
  documents.onDidChangeContent((e) => {
    scheduleDiagnostics(e.document.uri, published.has(e.document.uri) ? DIAGNOSTICS_DELAY_MS : 0);
    // The index (the Kamervragen view, cross-file links) follows a pause in typing, so its summary never delays the diagnostics of the next keystroke.
    scheduleIndex(e.document.uri, published.has(e.document.uri) ? INDEX_DELAY_MS : 0);
  });
  documents.onDidClose((e) => {
    const uri = e.document.uri;
    const pendingIndex = indexTimers.get(uri);
    if (pendingIndex) clearTimeout(pendingIndex);
    indexTimers.delete(uri);
    // Back to the disk's copy, or out of the index when it is not in the workspace.
    if (indexer?.inWorkspace(uri)) void indexer.refresh(uri);
    else if (index.delete(uri)) indexChanged();
    const pending = timers.get(e.document.uri);
    if (pending) clearTimeout(pending);
    timers.delete(e.document.uri);
    cache.delete(e.document.uri);
    settingsByUri.delete(e.document.uri);
    published.delete(e.document.uri);
    connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] }).catch(() => undefined);
  });

  // The outline of an unchanged document is asked for again and again (Outline view, breadcrumbs, sticky scroll): keep it per analysis.
  const outlines = new WeakMap<Analysis, { locale: Locale; symbols: ReturnType<typeof documentSymbols> }>();
  connection.onDocumentSymbol((p, token) => feature('documentSymbol', p.textDocument.uri, token, [], (a, c) => {
    const known = outlines.get(a);
    if (known && known.locale === c.locale) return known.symbols;
    const symbols = documentSymbols(a, c);
    outlines.set(a, { locale: c.locale, symbols });
    return symbols;
  }));
  connection.onHover((p, token) => feature('hover', p.textDocument.uri, token, null, (a, c) => {
    const h = hover(a, p.position, c);
    const more = crossFileHover(a, p.position, p.textDocument.uri, index, c);
    if (more.length === 0) return h;
    if (!h) return { contents: { kind: 'markdown' as const, value: more.join('\n\n') } };
    const value = typeof h.contents === 'object' && 'value' in h.contents ? h.contents.value : '';
    return { ...h, contents: { kind: 'markdown' as const, value: [value, ...more].filter((x) => x).join('\n\n') } };
  }));
  connection.onDefinition((p, token) => feature('definition', p.textDocument.uri, token, null, (a) =>
    crossFileDefinition(a, p.position, p.textDocument.uri, index) ?? definition(a, p.position, p.textDocument.uri)));
  connection.onReferences((p, token) => feature('references', p.textDocument.uri, token, [], (a) => {
    const inDocument = references(a, p.position, p.textDocument.uri, p.context?.includeDeclaration ?? true);
    const across = crossFileReferences(a, p.position, p.textDocument.uri, index, p.context?.includeDeclaration ?? true);
    if (!across) return inDocument;
    const key = (l: { uri: string; range: { start: { line: number; character: number } } }) => `${l.uri}#${l.range.start.line}:${l.range.start.character}`;
    const seen = new Set(inDocument.map(key));
    return [...inDocument, ...across.filter((l) => !seen.has(key(l)))];
  }));
  connection.onDocumentHighlight((p, token) => feature('documentHighlight', p.textDocument.uri, token, [], (a) => documentHighlights(a, p.position)));
  connection.onCodeAction((p, token) => feature('codeAction', p.textDocument.uri, token, [], (a, c) => codeActions(a, p.range, p.textDocument.uri, c, p.context?.only)));
  connection.onFoldingRanges((p, token) => feature('foldingRange', p.textDocument.uri, token, [], (a) => foldingRanges(a)));
  connection.onSelectionRanges((p, token) => feature('selectionRange', p.textDocument.uri, token, [], (a) => selectionRanges(a, p.positions)));
  connection.onDocumentLinks((p, token) => feature('documentLink', p.textDocument.uri, token, [], (a) => documentLinks(a)));
  connection.languages.semanticTokens.on((p, token) => feature('semanticTokens', p.textDocument.uri, token, { data: [] }, (a) => semanticTokens(a)));
  connection.onCodeLens((p, token) => feature('codeLens', p.textDocument.uri, token, [], (a, c) => codeLenses(a, p.textDocument.uri, c)));
  connection.onWorkspaceSymbol((p, token) => {
    try {
      const docs: { uri: string; analysis: Analysis }[] = [];
      for (const doc of documents.all()) {
        if (token.isCancellationRequested) return [];
        const a = analysisOf(doc.uri);
        if (a) docs.push({ uri: doc.uri, analysis: a });
      }
      const ctx = { locale, settings: globalSettings };
      const open = workspaceSymbols(docs, p.query, ctx);
      const openUris = new Set(documents.keys());
      return [...open, ...indexSymbols(index, p.query, ctx, openUris)];
    } catch (e) {
      connection.console.error(`workspaceSymbol failed: ${String(e)}`);
      return [];
    }
  });

  connection.onRequest(SETS_REQUEST, (p: SetsParams | null) => {
    try {
      refreshToday();
      return index.sets(p && typeof p === 'object' ? p : {});
    } catch (e) {
      connection.console.error(`sets failed: ${String(e)}`);
      return [];
    }
  });

  /** The analysis of a document for the timeline: open, recently read, or read now. */
  async function analysisForTimeline(uri: string): Promise<Analysis | null> {
    if (documents.get(uri)) return analysisOf(uri);
    const known = closedAnalyses.get(uri);
    if (known) return known;
    if (!fileSystem) return null;
    const content = await fileSystem.readFile(uri).catch(() => null);
    if (!content || content.bytes.length > globalSettings.maxFileSizeMB * 1024 * 1024) return null;
    const decoded = decodeBytes(content.bytes);
    if (decoded.problem?.code === 'binary' || decoded.problem?.code === 'empty') return null;
    const a = analyze(decoded.text, { terms: globalSettings.terms });
    closedAnalyses.set(uri, a);
    while (closedAnalyses.size > 8) closedAnalyses.delete(closedAnalyses.keys().next().value as string);
    return a;
  }

  connection.onRequest(TIMELINE_REQUEST, async (p: { uri?: unknown } | null): Promise<Timeline | null> => {
    const uri = typeof p?.uri === 'string' ? p.uri : '';
    if (!uri) return null;
    try {
      refreshToday();
      if (documents.get(uri) && !settingsByUri.has(uri) && pullConfiguration) await loadSettings(uri);
      const a = await analysisForTimeline(uri);
      if (!a) return null;
      const set = index.setOf(uri)?.summary ?? null;
      // The other files of the set (the answer seen from the questions, a delay notice): their events too, each with its file.
      const others: { uri: string; analysis: Analysis }[] = [];
      for (const d of set?.documents ?? []) {
        if (d.uri === uri) continue;
        const other = await analysisForTimeline(d.uri).catch(() => null);
        if (other) others.push({ uri: d.uri, analysis: other });
      }
      return timeline(uri, a, set, ctxFor(uri).settings.terms, today, locale, others);
    } catch (e) {
      connection.console.error(`timeline failed for ${uri}: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
      return null;
    }
  });

  connection.onRequest(ANALYSIS_REQUEST, (p: { uri?: unknown }) => {
    const uri = typeof p?.uri === 'string' ? p.uri : '';
    if (!documents.get(uri)) return new ResponseError(-32602, `Unknown document: ${uri}`);
    return guarded('analysis', uri, undefined, null, (a) => toJson(a, uri, locale));
  });

  documents.listen(connection);
  connection.listen();
}
