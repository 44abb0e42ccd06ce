// The renumber commands (`kamervraag.renumberQuestions`,
// `kamervraag.renumberFootnotes`, `workspace/executeCommand`): the same edit
// as the source actions of codeActions.ts, for a client that runs commands
// (the command palette). The server sends the edit with `workspace/applyEdit`;
// when there is nothing to renumber, it says so instead.

import type { WorkspaceEdit } from 'vscode-languageserver-types';
import { t } from '../i18n/words';
import { RENUMBER_FOOTNOTES_COMMAND, RENUMBER_QUESTIONS_COMMAND } from '../protocol';
import type { LanguageService } from '../service/languageService';
import { provideRenumberEdit, type Renumbering } from './codeActions';

/** What a command asks the server to do: apply an edit, tell the user something, or nothing (an unknown document). */
export type CommandOutcome =
  | { readonly kind: 'edit'; readonly label: string; readonly edit: WorkspaceEdit }
  | { readonly kind: 'message'; readonly message: string }
  | { readonly kind: 'unknown-command'; readonly command: string }
  | null;

export const COMMANDS: readonly string[] = [RENUMBER_QUESTIONS_COMMAND, RENUMBER_FOOTNOTES_COMMAND];

/** The document a command acts on: its first argument (a URI string), or without one the document of the latest request. */
export function commandDocument(args: unknown, fallback: string | null): string | null {
  const arg = Array.isArray(args) ? args[0] : undefined;
  return arg === undefined ? fallback : typeof arg === 'string' ? arg : null;
}

export function provideCommand(service: LanguageService, command: unknown, uri: string | null): CommandOutcome {
  const which: Renumbering | null = command === RENUMBER_QUESTIONS_COMMAND ? 'questions' : command === RENUMBER_FOOTNOTES_COMMAND ? 'footnotes' : null;
  if (!which) return { kind: 'unknown-command', command: String(command) };
  if (!uri || !service.documents.has(uri)) return null;
  const r = provideRenumberEdit(service, uri, which);
  if (r) return { kind: 'edit', ...r };
  const ctx = service.context(uri);
  return {
    kind: 'message',
    message: which === 'questions'
      ? t(ctx.locale, 'De vragen zijn al doorlopend genummerd.', 'The questions are numbered in sequence already.')
      : t(ctx.locale, 'De voetnoten zijn al doorlopend genummerd.', 'The footnotes are numbered in sequence already.'),
  };
}
