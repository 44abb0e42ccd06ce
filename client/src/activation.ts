// The VS Code client, the same in Node and in a browser: starts the
// Kamervraag language server through the entry's transport (extension.ts:
// a Node process; browser/extension.ts: a web worker), answers its
// file-system requests (fileSystem.ts), and shows what it sends: the
// Explorer view of the workspace's sets (setsView.ts) and the timeline of a
// set (timeline.ts), and opens the draft of an answer (draftAnswer.ts).
// Everything else is the server's work. Nothing here uses Node: the browser
// bundle is checked for Node built-ins.

import * as vscode from 'vscode';
import type { BaseLanguageClient, LanguageClientOptions } from 'vscode-languageclient';
import { ANALYSIS_REQUEST, INDEX_CHANGED_NOTIFICATION } from '../../server/src/protocol';
import type { IndexChangedParams, InitializationOptions, KamervraagApi, ServerInfo, ServerRuntime } from '../../server/src/protocol';
import { registerDraftAnswer } from './draftAnswer';
import { registerFileSystem } from './fileSystem';
import { registerOriginals } from './originals';
import { langOf } from './labels';
import { registerSetsView, type ClientAccess } from './setsView';
import { registerTimeline } from './timeline';

/**
 * Makes a language client with the entry's transport. Called again for a new client after a
 * failed start; `id` and `name` are the client's (the id makes it follow `kamervraag.trace.server`).
 */
export type ClientFactory = (id: string, name: string, options: LanguageClientOptions) => BaseLanguageClient;

const LANGUAGE_ID = 'kamervraag';

/** Files the workspace index reads, as the manifest's `workspaceContains` activation events list them. */
const SET_FILES = '{**/*.kamervraag,**/*.kv.txt,**/ah-tk-*.txt,**/kv-tk-*.txt}';

let client: BaseLanguageClient | undefined;
let starting: Promise<void> | undefined;
let newClient: (() => BaseLanguageClient) | undefined;
let channel: vscode.LogOutputChannel | undefined;

/** Dutch unless VS Code runs in English, as the server decides. */
function t(nl: string, en: string): string {
  return vscode.env.language.toLowerCase().startsWith('en') ? en : nl;
}

/** Activates the extension with the entry's way of making a language client; returns its API. */
export function activateWith(context: vscode.ExtensionContext, createClient: ClientFactory): KamervraagApi {
  // One channel for the whole session, shared by every client instance.
  const outputChannel = vscode.window.createOutputChannel('Kamervraag', { log: true });
  channel = outputChannel;
  const clientOptions: LanguageClientOptions = {
    // Every scheme: files, untitled buffers, and the documents of virtual workspaces.
    documentSelector: [{ language: LANGUAGE_ID }],
    synchronize: { configurationSection: 'kamervraag' },
    initializationOptions: initializationOptions(),
    outputChannel,
    middleware: {
      // The server's commands act on a document; from the command palette they come
      // without one, so the active Kamervraag editor's is passed.
      executeCommand: (command, args, next) => {
        const doc = vscode.window.activeTextEditor?.document;
        return next(command, args.length === 0 && doc?.languageId === LANGUAGE_ID ? [doc.uri.toString()] : args);
      },
    },
  };
  const indexChanged = new vscode.EventEmitter<IndexChangedParams>();
  // The id `kamervraag` makes the client follow the `kamervraag.trace.server` setting.
  newClient = () => {
    const c = createClient('kamervraag', 'Kamervraag', clientOptions);
    registerFileSystem(c);
    c.onNotification(INDEX_CHANGED_NOTIFICATION, (params: IndexChangedParams) => indexChanged.fire(params));
    return c;
  };
  const access: ClientAccess = {
    running: async () => {
      await ensureStarted();
      return client?.isRunning() ? client : undefined;
    },
    lang: langOf(vscode.env.language),
    onIndexChanged: indexChanged.event,
  };

  context.subscriptions.push(
    outputChannel,
    indexChanged,
    vscode.commands.registerCommand('kamervraag.restartServer', restartServer),
    vscode.commands.registerCommand('kamervraag.showAnalysis', showAnalysis),
    // The channel says which server started and where it runs, and what it logged since.
    vscode.commands.registerCommand('kamervraag.showOutput', () => outputChannel.show(true)),
    vscode.commands.registerCommand('kamervraag.showReferences', showReferences),
    ...registerSetsView(context, access),
    ...registerTimeline(access),
    ...registerDraftAnswer(access),
    ...registerOriginals(access),
  );

  // VS Code decides a `.txt` file is plain text before it looks at the first line, so the
  // client looks: a plain-text file that opens like a question set becomes `kamervraag`.
  const firstLine = firstLinePattern(context);
  const detect = (doc: vscode.TextDocument) => {
    if (doc.languageId === LANGUAGE_ID) {
      void ensureStarted();
    } else if (firstLine && doc.languageId === 'plaintext' && looksLikeQuestions(doc, firstLine)) {
      void vscode.languages.setTextDocumentLanguage(doc, LANGUAGE_ID);
    }
  };
  context.subscriptions.push(vscode.workspace.onDidOpenTextDocument(detect));
  vscode.workspace.textDocuments.forEach(detect);

  // A workspace with question sets gets its index (workspace symbols, cross-file definitions,
  // the view) before any of them is opened. The Explorer view starts the server itself when shown.
  void vscode.workspace.findFiles(SET_FILES, undefined, 1).then(
    (found) => (found.length > 0 ? ensureStarted() : undefined),
    () => undefined,
  );
  return { server: async () => ((await access.running()) ? serverInfo() : undefined) };
}

/** The running server's name, version and runtime, from its initialize result. */
function serverInfo(): ServerInfo | undefined {
  const result = client?.initializeResult;
  if (!result) return undefined;
  const runtime = (result.capabilities.experimental as { runtime?: unknown } | undefined)?.runtime;
  return {
    name: result.serverInfo?.name ?? 'kamervraag',
    ...(result.serverInfo?.version ? { version: result.serverInfo.version } : {}),
    ...(runtime === 'node' || runtime === 'web-worker' ? { runtime: runtime as ServerRuntime } : {}),
  };
}

/**
 * What the server learns at start: the UI language, that this client reads files for it, and
 * (tests and screenshots only) the date to take as today: KAMERVRAAG_TODAY=YYYY-MM-DD in the
 * environment of a Node extension host. A web worker extension host has no environment; there
 * the editor suite puts the date in the user setting `kamervraag.testing.today`, which the
 * manifest leaves undeclared because it is no setting for users.
 */
function initializationOptions(): InitializationOptions {
  const today = typeof process === 'undefined' ? vscode.workspace.getConfiguration('kamervraag').get<unknown>('testing.today') : process.env.KAMERVRAAG_TODAY;
  return { locale: vscode.env.language, fileSystem: true, ...(typeof today === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(today) ? { today } : {}) };
}

/** The `firstLine` pattern of the manifest: one source of truth for the detection. */
function firstLinePattern(context: vscode.ExtensionContext): RegExp | null {
  const languages = (context.extension.packageJSON as { contributes?: { languages?: { id: string; firstLine?: string }[] } }).contributes?.languages ?? [];
  const pattern = languages.find((l) => l.id === LANGUAGE_ID)?.firstLine;
  return pattern ? new RegExp(pattern) : null;
}

/** The first non-empty line (Markdown conversions start with an empty one) matches the openings of question sets. */
function looksLikeQuestions(doc: vscode.TextDocument, firstLine: RegExp): boolean {
  for (let i = 0; i < Math.min(doc.lineCount, 5); i++) {
    const text = doc.lineAt(i).text;
    if (text.trim() === '') continue;
    return firstLine.test(text.slice(0, 200));
  }
  return false;
}

/** Starts the language server once (a Kamervraag document opened, the view shown, or sets in the workspace). */
function ensureStarted(): Promise<void> {
  if (starting) return starting;
  if (client || !newClient) return Promise.resolve();
  const c = newClient();
  client = c;
  starting = c.start().then(logStarted, () => {
    // The client has already logged and shown the failure; the restart command can try again.
  });
  return starting;
}

/** Says in the output channel which server started and where it runs. */
function logStarted(): void {
  const info = serverInfo();
  if (!info) return;
  const where = info.runtime === 'web-worker' ? 'a web worker' : info.runtime === 'node' ? 'a Node process' : 'an unknown runtime';
  channel?.info(`${info.name} ${info.version ?? ''} started in ${where}`);
}

/** The code lens command: the server sends LSP positions and locations; the peek view wants editor ones. */
async function showReferences(uri: string, position: { line: number; character: number }, locations: { uri: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } }[]): Promise<void> {
  const toPosition = (p: { line: number; character: number }) => new vscode.Position(p.line, p.character);
  await vscode.commands.executeCommand(
    'editor.action.showReferences',
    vscode.Uri.parse(uri),
    toPosition(position),
    locations.map((l) => new vscode.Location(vscode.Uri.parse(l.uri), new vscode.Range(toPosition(l.range.start), toPosition(l.range.end)))),
  );
}

export async function deactivate(): Promise<void> {
  const c = client;
  client = undefined;
  starting = undefined;
  if (c?.isRunning()) await c.stop();
}

async function restartServer(): Promise<void> {
  try {
    if (client?.isRunning()) {
      // What the Node client's `restart` does; the browser client has none.
      await client.stop();
      await client.start();
      logStarted();
      return;
    }
    // A client whose start failed cannot start again: replace it.
    if (client) await client.dispose().catch(() => undefined);
    if (!newClient) return;
    client = newClient();
    const started = client.start();
    starting = started.catch(() => undefined);
    await started;
    logStarted();
  } catch (err) {
    void vscode.window.showErrorMessage(`${t('Taalserver herstarten mislukt', 'Restarting the language server failed')}: ${String(err)}`);
  }
}

async function showAnalysis(): Promise<void> {
  const document = vscode.window.activeTextEditor?.document;
  if (!document || document.languageId !== LANGUAGE_ID) {
    void vscode.window.showInformationMessage(t('Open eerst een Kamervraag-document.', 'Open a Kamervraag document first.'));
    return;
  }
  if (!client?.isRunning()) {
    void vscode.window.showWarningMessage(t('De taalserver draait niet.', 'The language server is not running.'));
    return;
  }
  let result: unknown;
  try {
    result = await client.sendRequest<unknown>(ANALYSIS_REQUEST, { uri: document.uri.toString() });
  } catch (err) {
    void vscode.window.showErrorMessage(`${t('Analyse mislukt', 'Analysis failed')}: ${String(err)}`);
    return;
  }
  if (result === null || result === undefined) {
    void vscode.window.showInformationMessage(t('Geen analyse: het document is te groot (kamervraag.maxFileSizeMB) of kon niet worden geanalyseerd.', 'No analysis: the document is too large (kamervraag.maxFileSizeMB) or could not be analysed.'));
    return;
  }
  const json = await vscode.workspace.openTextDocument({ language: 'json', content: `${JSON.stringify(result, null, 2)}\n` });
  await vscode.window.showTextDocument(json, { preview: false, viewColumn: vscode.ViewColumn.Beside });
}
