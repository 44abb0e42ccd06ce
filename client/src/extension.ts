// The VS Code client: starts the Kamervraag language server (dist/server.js)
// and registers the two commands. Everything else is the server's work.

import * as path from 'path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind } from 'vscode-languageclient/node';
import type { LanguageClientOptions, ServerOptions } from 'vscode-languageclient/node';
import { ANALYSIS_REQUEST } from '../../server/src/protocol';

const LANGUAGE_ID = 'kamervraag';

let client: LanguageClient | undefined;
let newClient: (() => LanguageClient) | undefined;

/** Dutch unless VS Code runs in English, as the server decides. */
function t(nl: string, en: string): string {
  return vscode.env.language.toLowerCase().startsWith('en') ? en : nl;
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  // One channel for the whole session, shared by every client instance.
  const outputChannel = vscode.window.createOutputChannel('Kamervraag', { log: true });
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: LANGUAGE_ID },
      { scheme: 'untitled', language: LANGUAGE_ID },
    ],
    synchronize: { configurationSection: 'kamervraag' },
    initializationOptions: { locale: vscode.env.language },
    outputChannel,
  };
  // The id `kamervraag` makes the client follow the `kamervraag.trace.server` setting.
  newClient = () => new LanguageClient('kamervraag', 'Kamervraag', serverOptions, clientOptions);

  context.subscriptions.push(
    outputChannel,
    vscode.commands.registerCommand('kamervraag.restartServer', restartServer),
    vscode.commands.registerCommand('kamervraag.showAnalysis', showAnalysis),
    vscode.commands.registerCommand('kamervraag.showReferences', showReferences),
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

/** Starts the language server once a Kamervraag document is open. */
async function ensureStarted(): Promise<void> {
  if (client || !newClient) return;
  client = newClient();
  try {
    await client.start();
  } catch {
    // The client has already logged and shown the failure; the restart command can try again.
  }
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
  if (c?.isRunning()) await c.stop();
}

async function restartServer(): Promise<void> {
  try {
    if (client?.isRunning()) {
      await client.restart();
      return;
    }
    // A client whose start failed cannot start again: replace it.
    if (client) await client.dispose().catch(() => undefined);
    if (!newClient) return;
    client = newClient();
    await client.start();
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
