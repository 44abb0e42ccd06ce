// Originals as text: the command "Open Original as Text" asks the server for
// the converted text of a PDF or Word file (`kamervraag/originalText`) and
// opens it as a read-only document of the scheme `kamervraag-original`, in
// the Kamervraag language. A virtual document rather than a custom editor:
// the server analyses it like any open document, so every feature (outline,
// hover with the page or paragraph, definition, references, diagnostics, the
// timeline) works on it unchanged, and the binary file stays untouched.
// A conversion problem (encrypted, scanned, corrupt, too large) shows as a warning.

import * as vscode from 'vscode';
import { ORIGINAL_TEXT_REQUEST, type OriginalTextParams, type OriginalTextResult } from '../../server/src/protocol';
import { documentUriOf, isOriginalPath, ORIGINAL_SCHEME, originalOf } from './originalUri';
import type { ClientAccess, SetsNode } from './setsView';

/** The original a command was run on: an Explorer file, a view item of an original, or the active virtual document's original. */
function originalArg(arg: unknown): string | undefined {
  if (arg instanceof vscode.Uri) return arg.scheme === ORIGINAL_SCHEME ? originalOf(arg.toString()) ?? undefined : arg.toString();
  const node = arg as SetsNode | undefined;
  if (node && typeof node === 'object' && node.type === 'document' && node.document.original) return node.document.uri;
  const active = vscode.window.activeTextEditor?.document.uri;
  if (active?.scheme === ORIGINAL_SCHEME) return originalOf(active.toString()) ?? undefined;
  return undefined;
}

export function registerOriginals(access: ClientAccess): vscode.Disposable[] {
  const t = (nl: string, en: string) => (access.lang === 'en' ? en : nl);
  /** Texts fetched by the command, by document URI: the provider serves them without asking twice. */
  const fetched = new Map<string, string>();

  async function fetchText(original: string): Promise<OriginalTextResult> {
    const client = await access.running();
    if (!client) throw new Error(t('De taalserver draait niet.', 'The language server is not running.'));
    const params: OriginalTextParams = { uri: original };
    return client.sendRequest<OriginalTextResult>(ORIGINAL_TEXT_REQUEST, params);
  }

  const provider: vscode.TextDocumentContentProvider = {
    async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
      const key = uri.toString();
      const known = fetched.get(key);
      if (known !== undefined) {
        fetched.delete(key);
        return known;
      }
      const original = originalOf(key);
      if (!original) return '';
      try {
        return (await fetchText(original)).text;
      } catch (err) {
        void vscode.window.showWarningMessage(err instanceof Error ? err.message : String(err));
        return '';
      }
    },
  };

  const open = async (arg?: unknown) => {
    const original = originalArg(arg);
    if (!original || !isOriginalPath(vscode.Uri.parse(original).path)) {
      void vscode.window.showInformationMessage(t('Kies een PDF- of Word-bestand (.pdf, .docx).', 'Choose a PDF or Word file (.pdf, .docx).'));
      return;
    }
    let result: OriginalTextResult;
    try {
      result = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Window, title: t('Origineel omzetten naar tekst…', 'Converting the original to text…') },
        () => fetchText(original),
      );
    } catch (err) {
      // The server refuses with the reason (encrypted, no text, corrupt, too large).
      void vscode.window.showWarningMessage(err instanceof Error ? err.message : String(err));
      return;
    }
    const uri = vscode.Uri.parse(documentUriOf(original));
    fetched.set(uri.toString(), result.text);
    let doc = await vscode.workspace.openTextDocument(uri);
    if (doc.languageId !== 'kamervraag') doc = await vscode.languages.setTextDocumentLanguage(doc, 'kamervraag');
    await vscode.window.showTextDocument(doc, { preview: false });
    if (result.warnings.length > 0) void vscode.window.showInformationMessage(result.warnings.join(' '));
  };

  return [
    vscode.workspace.registerTextDocumentContentProvider(ORIGINAL_SCHEME, provider),
    vscode.commands.registerCommand('kamervraag.openOriginal', open),
  ];
}
