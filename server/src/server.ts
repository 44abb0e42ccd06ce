// The LSP server: capabilities, and a table from each request to the feature
// that answers it. All state lives in the language service
// (`service/languageService.ts`); every answer comes from a feature file
// (`features/`). Every handler is guarded: whatever a client sends, the
// server answers or returns nothing, logs what went wrong, and stays alive.

import {
  CancellationToken,
  CodeActionKind,
  Connection,
  InitializeParams,
  InitializeResult,
  LSPErrorCodes,
  ResponseError,
  TextDocumentSyncKind,
} from 'vscode-languageserver';
import { provideAnalysisJson } from './features/analysisJson';
import { provideCodeActions, RENUMBER_FOOTNOTES_KIND, RENUMBER_QUESTIONS_KIND } from './features/codeActions';
import { COMMANDS, commandDocument, provideCommand } from './features/renumberCommand';
import { provideCodeLenses } from './features/codeLens';
import { provideCompletion } from './features/completion';
import { provideDefinition } from './features/definition';
import { provideDraftAnswer } from './features/draftAnswer';
import { DiagnosticsPush } from './features/diagnostics';
import { provideFoldingRanges } from './features/folding';
import { provideHover } from './features/hover';
import { provideInlayHints } from './features/inlayHints';
import { provideOriginalText } from './features/originals';
import { provideDocumentLinks } from './features/links';
import { provideDocumentHighlights, provideReferences } from './features/references';
import { providePrepareRename, provideRename } from './features/rename';
import { provideSelectionRanges } from './features/selectionRange';
import { LEGEND, provideSemanticTokens, provideSemanticTokensDelta } from './features/semanticTokens';
import { provideSets } from './features/sets';
import { provideDocumentSymbols } from './features/symbols';
import { provideTimeline } from './features/timeline';
import { provideWorkspaceSymbols } from './features/workspaceSymbols';
import {
  ANALYSIS_REQUEST,
  DRAFT_ANSWER_REQUEST,
  INDEX_CHANGED_NOTIFICATION,
  ORIGINAL_TEXT_REQUEST,
  SETS_REQUEST,
  TIMELINE_REQUEST,
  type IndexChangedParams,
  type InitializationOptions,
} from './protocol';
import { clientFileSystem, type ServerPlatform } from './clientFileSystem';
import { createLanguageService, INDEX_OPEN_DELAY_MS, type LanguageService } from './service/languageService';
import { readSettings } from './settings';
import { VERSION } from './version';
import { scheduleWarmUp } from './warmUp';
import { syncWorkspace, type Session } from './workspaceSync';

export type { ServerPlatform };

export function startServer(connection: Connection, platform: ServerPlatform = {}): void {
  const session: Session = { service: createLanguageService(), pullConfiguration: false, capabilities: {}, folders: [] };
  const log = (m: string) => connection.console.error(m);
  /** The document of the latest request or change: what a command without a URI argument acts on (the editor's active one, as a rule). */
  let lastDocument: string | null = null;
  // An answer still being written keeps the first diagnostics of an opened document waiting, as a request does.
  const diagnosticsPush = new DiagnosticsPush(() => session.service, (p) => connection.sendDiagnostics(p), (uri) => ensureSettings(uri), log,
    () => (platform.writing?.() === true ? 0 : session.service.quietFor()));

  /** The fetches of documents' own settings under way: a request and the diagnostics of an open wait for the same one. */
  const fetching = new Map<string, Promise<void>>();

  /** The document's own settings, fetched from the client once per document (one round trip, however many wait for it). */
  function ensureSettings(uri: string): Promise<void> {
    if (!session.pullConfiguration || session.service.hasSettings(uri)) return Promise.resolve();
    let pending = fetching.get(uri);
    if (!pending) {
      pending = Promise.resolve()
        .then(() => connection.workspace.getConfiguration({ scopeUri: uri, section: 'kamervraag' }))
        .then((raw) => session.service.setSettings(uri, readSettings(raw)))
        // The workspace's settings stand.
        .catch(() => undefined)
        .finally(() => fetching.delete(uri));
      fetching.set(uri, pending);
    }
    return pending;
  }

  /**
   * Registers a request; its handler is guarded and waits for the document's settings. A `structural`
   * answer (outline, folding) reads the document's structure only, which its settings do not change
   * unless they make it too large: it waits for them only when some limit could.
   */
  function on<P, R>(type: string | { method: string }, fallback: R, run: (s: LanguageService, p: P, token: CancellationToken) => R | Promise<R>, structural = false): void {
    const name = typeof type === 'string' ? type : type.method;
    connection.onRequest(name, async (params: P, token: CancellationToken) => {
      if (token?.isCancellationRequested) return fallback;
      // A due index update waits while requests are answered (see `scheduleIndex`).
      session.service.noteActivity();
      try {
        const uri = (params as { textDocument?: { uri?: unknown } } | null)?.textDocument?.uri;
        if (typeof uri === 'string') {
          lastDocument = uri;
          if (!structural || !session.service.withinEveryLimit(uri)) await ensureSettings(uri);
        }
        const result = (await run(session.service, params, token)) ?? fallback;
        session.service.noteActivity();
        return result;
      } catch (e) {
        log(`${name} failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
        return fallback;
      }
    });
  }

  /** A feature's refusal as the error the client shows (LSP RequestFailed). */
  const refused = <T>(r: T | { error: string }) => (r && typeof r === 'object' && 'error' in r ? new ResponseError(-32803, r.error) : r);
  type Doc = { textDocument: { uri: string } };
  type At = Doc & { position: { line: number; character: number } };
  // ── The dispatch table ─────────────────────────────────────────────────
  on<Doc, unknown>('textDocument/documentSymbol', [], (s, p, tok) => provideDocumentSymbols(s, p.textDocument.uri, tok), true);
  on<At, unknown>('textDocument/hover', null, (s, p, tok) => provideHover(s, p.textDocument.uri, p.position, tok));
  on<At, unknown>('textDocument/definition', null, (s, p, tok) => provideDefinition(s, p.textDocument.uri, p.position, tok));
  on<At & { context?: { includeDeclaration?: boolean } }, unknown>('textDocument/references', [], (s, p, tok) => provideReferences(s, p.textDocument.uri, p.position, p.context, tok));
  on<At, unknown>('textDocument/documentHighlight', [], (s, p, tok) => provideDocumentHighlights(s, p.textDocument.uri, p.position, tok));
  on<Doc & { range: never; context?: { only?: string[] } }, unknown>('textDocument/codeAction', [], (s, p, tok) => provideCodeActions(s, p.textDocument.uri, p.range, p.context, tok));
  on<At & { context?: { triggerKind?: number } }, unknown>('textDocument/completion', null, (s, p, tok) => provideCompletion(s, p.textDocument.uri, p.position, tok, p.context));
  on<At, unknown>('textDocument/prepareRename', null, (s, p, tok) => refused(providePrepareRename(s, p.textDocument.uri, p.position, tok)));
  on<At & { newName: string }, unknown>('textDocument/rename', null, (s, p, tok) => refused(provideRename(s, p.textDocument.uri, p.position, p.newName, tok)));
  on<Doc & { range: never }, unknown>('textDocument/inlayHint', [], (s, p, tok) => provideInlayHints(s, p.textDocument.uri, p.range, tok));
  on<Doc, unknown>('textDocument/foldingRange', [], (s, p, tok) => provideFoldingRanges(s, p.textDocument.uri, tok), true);
  on<Doc & { positions: never[] }, unknown>('textDocument/selectionRange', [], (s, p, tok) => provideSelectionRanges(s, p.textDocument.uri, p.positions, tok));
  on<Doc, unknown>('textDocument/documentLink', [], (s, p, tok) => provideDocumentLinks(s, p.textDocument.uri, tok));
  on<Doc, unknown>('textDocument/semanticTokens/full', { data: [] }, (s, p, tok) => provideSemanticTokens(s, p.textDocument.uri, tok));
  on<Doc & { previousResultId?: unknown }, unknown>('textDocument/semanticTokens/full/delta', { data: [] }, (s, p, tok) => provideSemanticTokensDelta(s, p.textDocument.uri, typeof p.previousResultId === 'string' ? p.previousResultId : undefined, tok));
  on<Doc, unknown>('textDocument/codeLens', [], (s, p, tok) => provideCodeLenses(s, p.textDocument.uri, tok));
  // A report gone stale (cancelled, or the document changed meanwhile) is ServerCancelled: the client asks again.
  const stale = new ResponseError(LSPErrorCodes.ServerCancelled, 'the document changed', { retriggerRequest: true });
  on<Doc & { previousResultId?: unknown }, unknown>('textDocument/diagnostic', stale, async (_s, p, tok) => {
    const r = await diagnosticsPush.report(p.textDocument.uri, typeof p.previousResultId === 'string' ? p.previousResultId : undefined, tok);
    return r ?? stale;
  });
  on<{ query: string }, unknown>('workspace/symbol', [], (s, p, tok) => provideWorkspaceSymbols(s, p?.query, tok));
  on<never, unknown>(SETS_REQUEST, [], (s, p) => provideSets(s, p));
  on<{ uri?: unknown }, unknown>(TIMELINE_REQUEST, null, async (s, p, tok) => (typeof p?.uri === 'string' && p.uri ? ((await ensureSettings(p.uri)), provideTimeline(s, p.uri, tok)) : null));
  on<Partial<Doc> | null, unknown>(DRAFT_ANSWER_REQUEST, null, async (s, p, tok) => refused(await provideDraftAnswer(s, p?.textDocument?.uri, tok)));
  on<{ uri?: unknown } | null, unknown>(ORIGINAL_TEXT_REQUEST, null, async (s, p, tok) => {
    const r = await provideOriginalText(s, p?.uri, tok);
    return r && 'error' in r ? new ResponseError(-32803, r.error, { code: r.code }) : r;
  });
  on<{ command?: unknown; arguments?: unknown[] }, unknown>('workspace/executeCommand', null, async (s, p) => {
    const uri = commandDocument(p?.arguments, lastDocument);
    if (uri) await ensureSettings(uri);
    const r = provideCommand(s, p?.command, uri);
    if (r?.kind === 'unknown-command') return new ResponseError(-32602, `Unknown command: ${r.command}`);
    // A notification: nothing to answer, nothing to wait for.
    if (r?.kind === 'message') connection.sendNotification('window/showMessage', { type: 3 /* Info */, message: r.message }).catch(() => undefined);
    if (r?.kind === 'edit' && session.capabilities.workspace?.applyEdit === true) await connection.workspace.applyEdit({ label: r.label, edit: r.edit });
    return null;
  });
  on<{ uri?: unknown }, unknown>(ANALYSIS_REQUEST, null, (s, p) => {
    const uri = typeof p?.uri === 'string' ? p.uri : '';
    return provideAnalysisJson(s, uri) ?? (s.documents.has(uri) ? null : new ResponseError(-32602, `Unknown document: ${uri}`));
  });

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const options = (params.initializationOptions ?? {}) as InitializationOptions;
    session.capabilities = params.capabilities;
    session.pullConfiguration = params.capabilities.workspace?.configuration === true;
    // Pull diagnostics where the client pulls and takes a refresh (what another file or the
    // index changes reaches it that way); push for every other client.
    const pullDiagnostics = params.capabilities.textDocument?.diagnostic !== undefined && params.capabilities.workspace?.diagnostics?.refreshSupport === true;
    if (pullDiagnostics) diagnosticsPush.usePull(() => void connection.languages.diagnostics.refresh().catch(() => undefined));
    if (Array.isArray(params.workspaceFolders)) session.folders = params.workspaceFolders.map((f) => f.uri).filter((u) => typeof u === 'string');
    else if (typeof params.rootUri === 'string') session.folders = [params.rootUri];
    session.service = createLanguageService({
      fileSystem: options.fileSystem === true ? clientFileSystem(connection, platform.decodeBase64) : platform.diskFileSystem ?? null,
      analyzer: platform.indexAnalyzer,
      large: platform.largeFileAnalyzer,
      collectGarbage: platform.collectGarbage,
      fitHeap: platform.fitHeap,
      verifyIncremental: platform.verifyIncremental,
      convert: platform.convert,
      locale: typeof options.locale === 'string' ? options.locale : params.locale,
      today: typeof options.today === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(options.today) ? options.today : undefined,
      log: (m) => connection.console.log(m),
      onIndexChanged: (sets, indexing) => {
        const p: IndexChangedParams = { sets, indexing };
        connection.sendNotification(INDEX_CHANGED_NOTIFICATION, p).catch(() => undefined);
        // Diagnostics across files (a question's submitted text) follow the other files.
        diagnosticsPush.indexChanged();
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
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, RENUMBER_QUESTIONS_KIND, RENUMBER_FOOTNOTES_KIND] },
        executeCommandProvider: { commands: [...COMMANDS] },
        foldingRangeProvider: true,
        selectionRangeProvider: true,
        renameProvider: { prepareProvider: true },
        // A space after `vraag` or `brief van` asks; elsewhere the answer is empty and nothing shows.
        completionProvider: { triggerCharacters: [' '] },
        inlayHintProvider: true,
        documentLinkProvider: { resolveProvider: false },
        semanticTokensProvider: { legend: LEGEND, full: { delta: true } },
        codeLensProvider: { resolveProvider: false },
        workspaceSymbolProvider: true,
        // A document's diagnostics also follow the other files of its set (a question's submitted text).
        ...(pullDiagnostics ? { diagnosticProvider: { identifier: 'kamervraag', interFileDependencies: true, workspaceDiagnostics: false } } : {}),
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
        // Where this server runs: the client reports it (the output channel, the extension's API).
        ...(platform.runtime ? { experimental: { runtime: platform.runtime } } : {}),
      },
      serverInfo: { name: 'kamervraag', version: VERSION },
    };
  });

  connection.onInitialized(() => {
    syncWorkspace(connection, session, diagnosticsPush, log);
    // While no document is open and no folder is indexed (both run the same code), the analysis is compiled on a set of the server's own.
    scheduleWarmUp(session.service.locale, () => session.service.documents.uris().length === 0 && !session.service.indexing, log);
  });

  connection.onDidOpenTextDocument((p) => {
    const d = p?.textDocument;
    if (!d || typeof d.uri !== 'string' || typeof d.text !== 'string') return;
    session.service.openDocument(d.uri, d.languageId, d.version, d.text);
    lastDocument = d.uri;
    // An editor's requests come with the open: the first diagnostics wait for them (`OPEN_QUIET_MS`).
    session.service.noteActivity();
    diagnosticsPush.opened(d.uri);
    session.service.scheduleIndex(d.uri, INDEX_OPEN_DELAY_MS);
  });
  connection.onDidChangeTextDocument((p) => {
    const uri = p?.textDocument?.uri;
    if (typeof uri !== 'string' || !Array.isArray(p.contentChanges) || !session.service.documents.change(uri, p.textDocument.version, p.contentChanges)) return;
    lastDocument = uri;
    const settled = diagnosticsPush.changed(uri);
    session.service.scheduleIndex(uri, settled ? undefined : INDEX_OPEN_DELAY_MS);
  });
  connection.onDidCloseTextDocument((p) => {
    const uri = p?.textDocument?.uri;
    if (typeof uri !== 'string') return;
    session.service.closeDocument(uri);
    if (lastDocument === uri) lastDocument = null;
    diagnosticsPush.closed(uri);
  });

  connection.listen();
}
