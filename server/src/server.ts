// The LSP server: capabilities, and a table from each request to the feature
// that answers it. All state lives in the language service
// (`service/languageService.ts`); every answer comes from a feature file
// (`features/`). Every handler is guarded: whatever a client sends, the
// server answers or returns nothing, logs what went wrong, and stays alive.

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
  WatchKind,
} from 'vscode-languageserver';
import { provideAnalysisJson } from './features/analysisJson';
import { provideCodeActions } from './features/codeActions';
import { provideCodeLenses } from './features/codeLens';
import { provideDefinition } from './features/definition';
import { DiagnosticsPush } from './features/diagnostics';
import { provideFoldingRanges } from './features/folding';
import { provideHover } from './features/hover';
import { provideDocumentLinks } from './features/links';
import { provideDocumentHighlights, provideReferences } from './features/references';
import { provideSelectionRanges } from './features/selectionRange';
import { LEGEND, provideSemanticTokens } from './features/semanticTokens';
import { provideSets } from './features/sets';
import { provideDocumentSymbols } from './features/symbols';
import { provideTimeline } from './features/timeline';
import { provideWorkspaceSymbols } from './features/workspaceSymbols';
import { t } from './i18n/words';
import { ANALYSIS_REQUEST, INDEX_CHANGED_NOTIFICATION, SETS_REQUEST, TIMELINE_REQUEST, type IndexChangedParams, type InitializationOptions } from './protocol';
import { clientFileSystem, type ServerPlatform } from './clientFileSystem';
import { createLanguageService, type LanguageService } from './service/languageService';
import { readSettings } from './settings';
import { VERSION } from './version';
import { CANDIDATE_GLOBS } from './workspace/fileSystem';

export type { ServerPlatform };

export function startServer(connection: Connection, platform: ServerPlatform = {}): void {
  let service: LanguageService = createLanguageService();
  let pullConfiguration = false;
  let caps: InitializeParams['capabilities'] = {};
  let folders: string[] = [];
  const log = (m: string) => connection.console.error(m);
  const diagnosticsPush = new DiagnosticsPush(() => service, (p) => connection.sendDiagnostics(p), (uri) => ensureSettings(uri), log);

  /** The document's own settings, fetched from the client once per document. */
  async function ensureSettings(uri: string): Promise<void> {
    if (!pullConfiguration || service.hasSettings(uri)) return;
    try {
      service.setSettings(uri, readSettings(await connection.workspace.getConfiguration({ scopeUri: uri, section: 'kamervraag' })));
    } catch {
      // The workspace's settings stand.
    }
  }

  /** Registers a request; its handler is guarded and waits for the document's settings. */
  function on<P, R>(type: string | { method: string }, fallback: R, run: (s: LanguageService, p: P, token: CancellationToken) => R | Promise<R>): void {
    const name = typeof type === 'string' ? type : type.method;
    connection.onRequest(name, async (params: P, token: CancellationToken) => {
      if (token?.isCancellationRequested) return fallback;
      try {
        const uri = (params as { textDocument?: { uri?: unknown } } | null)?.textDocument?.uri;
        if (typeof uri === 'string') await ensureSettings(uri);
        return (await run(service, params, token)) ?? fallback;
      } catch (e) {
        log(`${name} failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
        return fallback;
      }
    });
  }

  type Doc = { textDocument: { uri: string } };
  type At = Doc & { position: { line: number; character: number } };
  // ── The dispatch table ─────────────────────────────────────────────────
  on<Doc, unknown>('textDocument/documentSymbol', [], (s, p, tok) => provideDocumentSymbols(s, p.textDocument.uri, tok));
  on<At, unknown>('textDocument/hover', null, (s, p, tok) => provideHover(s, p.textDocument.uri, p.position, tok));
  on<At, unknown>('textDocument/definition', null, (s, p, tok) => provideDefinition(s, p.textDocument.uri, p.position, tok));
  on<At & { context?: { includeDeclaration?: boolean } }, unknown>('textDocument/references', [], (s, p, tok) => provideReferences(s, p.textDocument.uri, p.position, p.context, tok));
  on<At, unknown>('textDocument/documentHighlight', [], (s, p, tok) => provideDocumentHighlights(s, p.textDocument.uri, p.position, tok));
  on<Doc & { range: never; context?: { only?: string[] } }, unknown>('textDocument/codeAction', [], (s, p, tok) => provideCodeActions(s, p.textDocument.uri, p.range, p.context, tok));
  on<Doc, unknown>('textDocument/foldingRange', [], (s, p, tok) => provideFoldingRanges(s, p.textDocument.uri, tok));
  on<Doc & { positions: never[] }, unknown>('textDocument/selectionRange', [], (s, p, tok) => provideSelectionRanges(s, p.textDocument.uri, p.positions, tok));
  on<Doc, unknown>('textDocument/documentLink', [], (s, p, tok) => provideDocumentLinks(s, p.textDocument.uri, tok));
  on<Doc, unknown>('textDocument/semanticTokens/full', { data: [] }, (s, p, tok) => provideSemanticTokens(s, p.textDocument.uri, tok));
  on<Doc, unknown>('textDocument/codeLens', [], (s, p, tok) => provideCodeLenses(s, p.textDocument.uri, tok));
  on<{ query: string }, unknown>('workspace/symbol', [], (s, p, tok) => provideWorkspaceSymbols(s, p?.query, tok));
  on<never, unknown>(SETS_REQUEST, [], (s, p) => provideSets(s, p));
  on<{ uri?: unknown }, unknown>(TIMELINE_REQUEST, null, async (s, p, tok) => (typeof p?.uri === 'string' && p.uri ? ((await ensureSettings(p.uri)), provideTimeline(s, p.uri, tok)) : null));
  on<{ uri?: unknown }, unknown>(ANALYSIS_REQUEST, null, (s, p) => {
    const uri = typeof p?.uri === 'string' ? p.uri : '';
    return provideAnalysisJson(s, uri) ?? (s.documents.has(uri) ? null : new ResponseError(-32602, `Unknown document: ${uri}`));
  });

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const options = (params.initializationOptions ?? {}) as InitializationOptions;
    caps = params.capabilities;
    pullConfiguration = caps.workspace?.configuration === true;
    if (Array.isArray(params.workspaceFolders)) folders = params.workspaceFolders.map((f) => f.uri).filter((u) => typeof u === 'string');
    else if (typeof params.rootUri === 'string') folders = [params.rootUri];
    service = createLanguageService({
      fileSystem: options.fileSystem === true ? clientFileSystem(connection, platform.decodeBase64) : platform.diskFileSystem ?? null,
      analyzer: platform.indexAnalyzer,
      locale: typeof options.locale === 'string' ? options.locale : params.locale,
      today: typeof options.today === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(options.today) ? options.today : undefined,
      log: (m) => connection.console.log(m),
      onIndexChanged: (sets, indexing) => {
        const p: IndexChangedParams = { sets, indexing };
        connection.sendNotification(INDEX_CHANGED_NOTIFICATION, p).catch(() => undefined);
      },
    });
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
      serverInfo: { name: 'kamervraag', version: VERSION },
    };
  });

  connection.onInitialized(() => {
    if (pullConfiguration) connection.client.register(DidChangeConfigurationNotification.type, { section: 'kamervraag' }).catch(() => undefined);
    if (service.hasFileSystem && caps.workspace?.didChangeWatchedFiles?.dynamicRegistration === true) {
      // The candidate files, and deletions of anything: a deleted folder comes as one event for the folder.
      const watchers = [...CANDIDATE_GLOBS.map((globPattern) => ({ globPattern })), { globPattern: '**/*', kind: WatchKind.Delete }];
      connection.client.register(DidChangeWatchedFilesNotification.type, { watchers }).catch(() => undefined);
    }
    if (caps.workspace?.workspaceFolders === true) {
      connection.workspace.onDidChangeWorkspaceFolders((e) => {
        for (const f of e.removed) service.removeFolder(f.uri);
        folders = [...folders.filter((u) => !e.removed.some((r) => r.uri === u)), ...e.added.map((f) => f.uri)];
        void indexFolders(e.added.map((f) => f.uri));
      });
    }
    void indexFolders(folders);
  });

  /** Indexes workspace folders with the workspace's settings, with progress where the client shows it. */
  async function indexFolders(list: readonly string[]): Promise<void> {
    let progress: Awaited<ReturnType<typeof connection.window.createWorkDoneProgress>> | null = null;
    try {
      if (pullConfiguration && list.length > 0) service.setGlobalSettings(readSettings(await connection.workspace.getConfiguration({ scopeUri: list[0], section: 'kamervraag' }).catch(() => undefined)));
      if (caps.window?.workDoneProgress === true && service.hasFileSystem && list.length > 0) {
        progress = await connection.window.createWorkDoneProgress().catch(() => null);
        progress?.begin(t(service.locale, 'Kamervragen indexeren', 'Indexing Kamervragen'), 0, undefined, false);
      }
      let last = 0;
      await service.addFolders(list, (done, total) => {
        if (!progress || (Date.now() - last < 200 && done < total)) return;
        last = Date.now();
        progress.report(total > 0 ? Math.floor((done / total) * 100) : 100, t(service.locale, `${done} van ${total} bestanden`, `${done} of ${total} files`));
      }, () => progress?.done());
    } catch (e) {
      log(`Indexing failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
    }
  }

  connection.onDidChangeWatchedFiles((p) => {
    for (const c of Array.isArray(p?.changes) ? p.changes : []) if (c && typeof c.uri === 'string') void service.fileEvent(c.uri, c.type === FileChangeType.Deleted);
  });

  connection.onDidChangeConfiguration((change) => {
    service.clearSettings();
    void (async () => {
      const raw = !pullConfiguration ? (change?.settings as { kamervraag?: unknown } | null)?.kamervraag
        : folders.length > 0 ? await connection.workspace.getConfiguration({ scopeUri: folders[0], section: 'kamervraag' }).catch(() => undefined) : undefined;
      // New terms change where the sets stand.
      if (raw !== undefined && service.setGlobalSettings(readSettings(raw))) service.indexChanged();
      diagnosticsPush.all();
    })();
  });

  connection.onDidOpenTextDocument((p) => {
    const d = p?.textDocument;
    if (!d || typeof d.uri !== 'string' || typeof d.text !== 'string') return;
    service.openDocument(d.uri, d.languageId, d.version, d.text);
    diagnosticsPush.opened(d.uri);
    service.scheduleIndex(d.uri, 0);
  });
  connection.onDidChangeTextDocument((p) => {
    const uri = p?.textDocument?.uri;
    if (typeof uri !== 'string' || !Array.isArray(p.contentChanges) || !service.documents.change(uri, p.textDocument.version, p.contentChanges)) return;
    const settled = diagnosticsPush.changed(uri);
    service.scheduleIndex(uri, settled ? undefined : 0);
  });
  connection.onDidCloseTextDocument((p) => {
    const uri = p?.textDocument?.uri;
    if (typeof uri !== 'string') return;
    service.closeDocument(uri);
    diagnosticsPush.closed(uri);
  });

  connection.listen();
}
