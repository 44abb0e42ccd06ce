// The command "Draft answer": asks the server for the skeleton of the answer
// to a questions document (the active editor's, the one the editor menu was
// opened on, or a set or file of the Kamervragen view) and opens it as a new
// untitled Kamervraag document, inserted as a snippet: Tab goes from the
// minister to the date received and on through the empty answers.

import * as vscode from 'vscode';
import { DRAFT_ANSWER_REQUEST } from '../../server/src/protocol';
import type { DraftAnswerParams, DraftAnswerResult } from '../../server/src/protocol';
import type { ClientAccess, SetsNode } from './setsView';

function uriOf(arg: unknown): string | undefined {
  if (arg instanceof vscode.Uri) return arg.toString();
  const node = arg as SetsNode | undefined;
  if (node && typeof node === 'object' && 'set' in node) return node.type === 'document' ? node.document.uri : node.set.uri;
  const doc = vscode.window.activeTextEditor?.document;
  return doc?.languageId === 'kamervraag' ? doc.uri.toString() : undefined;
}

export function registerDraftAnswer(access: ClientAccess): vscode.Disposable[] {
  const t = (nl: string, en: string) => (access.lang === 'en' ? en : nl);
  const draft = async (arg?: unknown) => {
    const uri = uriOf(arg);
    if (!uri) {
      void vscode.window.showInformationMessage(t('Open eerst een Kamervraag-document.', 'Open a Kamervraag document first.'));
      return;
    }
    const client = await access.running();
    if (!client) {
      void vscode.window.showWarningMessage(t('De taalserver draait niet.', 'The language server is not running.'));
      return;
    }
    let result: DraftAnswerResult | null;
    try {
      const params: DraftAnswerParams = { textDocument: { uri } };
      result = await client.sendRequest<DraftAnswerResult | null>(DRAFT_ANSWER_REQUEST, params);
    } catch (err) {
      // The server refuses with the reason (no questions, unreadable).
      void vscode.window.showWarningMessage(err instanceof Error ? err.message : String(err));
      return;
    }
    if (!result) return;
    const doc = await vscode.workspace.openTextDocument({ language: 'kamervraag', content: '' });
    const editor = await vscode.window.showTextDocument(doc, { preview: false });
    await editor.insertSnippet(new vscode.SnippetString(result.snippet));
  };
  return [vscode.commands.registerCommand('kamervraag.draftAnswer', draft)];
}
