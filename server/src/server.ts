// The connection wiring: capabilities, document sync, settings, and one
// handler per feature, each a small function of the cached analysis. Nothing
// here parses text. Every handler is guarded: whatever a client sends, the
// server answers or returns nothing, and stays alive.

import {
  CancellationToken,
  CodeActionKind,
  Connection,
  DidChangeConfigurationNotification,
  InitializeParams,
  InitializeResult,
  ResponseError,
  TextDocumentSyncKind,
  TextDocuments,
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
import { ANALYSIS_REQUEST } from './protocol';
import { DEFAULT_SETTINGS, readSettings, type Settings } from './settings';

/** Delay between the last keystroke and the diagnostics it causes. */
export const DIAGNOSTICS_DELAY_MS = 150;

export { ANALYSIS_REQUEST };

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const cache = new AnalysisCache();
  const settingsByUri = new Map<string, Settings>();
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** Documents whose first diagnostics went out; until then they go out at once, after that after a pause in typing. */
  const published = new Set<string>();
  let locale: Locale = 'nl';
  let pullConfiguration = false;
  let globalSettings = DEFAULT_SETTINGS;

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
    const options = (params.initializationOptions ?? {}) as { locale?: unknown };
    locale = localeOf(typeof options.locale === 'string' ? options.locale : params.locale);
    pullConfiguration = params.capabilities.workspace?.configuration === true;
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
      },
      serverInfo: { name: 'kamervraag', version: '0.1.0' },
    };
  });

  connection.onInitialized(() => {
    if (pullConfiguration) {
      connection.client.register(DidChangeConfigurationNotification.type, { section: 'kamervraag' }).catch(() => undefined);
    }
  });

  connection.onDidChangeConfiguration((change) => {
    settingsByUri.clear();
    const raw = (change.settings as { kamervraag?: unknown } | null)?.kamervraag;
    if (!pullConfiguration && raw !== undefined) globalSettings = readSettings(raw);
    for (const doc of documents.all()) scheduleDiagnostics(doc.uri, 0);
  });

  documents.onDidOpen((e) => {
    published.delete(e.document.uri);
    void loadSettings(e.document.uri);
    scheduleDiagnostics(e.document.uri, 0);
  });
  documents.onDidChangeContent((e) => scheduleDiagnostics(e.document.uri, published.has(e.document.uri) ? DIAGNOSTICS_DELAY_MS : 0));
  documents.onDidClose((e) => {
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
  connection.onHover((p, token) => feature('hover', p.textDocument.uri, token, null, (a, c) => hover(a, p.position, c)));
  connection.onDefinition((p, token) => feature('definition', p.textDocument.uri, token, null, (a) => definition(a, p.position, p.textDocument.uri)));
  connection.onReferences((p, token) => feature('references', p.textDocument.uri, token, [], (a) => references(a, p.position, p.textDocument.uri, p.context?.includeDeclaration ?? true)));
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
      return workspaceSymbols(docs, p.query, { locale, settings: globalSettings });
    } catch (e) {
      connection.console.error(`workspaceSymbol failed: ${String(e)}`);
      return [];
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
