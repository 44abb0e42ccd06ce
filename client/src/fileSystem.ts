// The server's reads of the workspace, through the editor's file system: the
// client announces `fileSystem: true` and answers FIND_FILES_REQUEST and
// READ_FILE_REQUEST with `vscode.workspace.findFiles` and `workspace.fs`, so
// the workspace index works in virtual workspaces (vscode-vfs://, …) and in
// remote windows as it does on disk.

import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { FIND_FILES_REQUEST, READ_FILE_REQUEST } from '../../server/src/protocol';
import type { FindFilesParams, ReadFileParams, ReadFileResult } from '../../server/src/protocol';

/** Files per folder the index may list; a workspace with more is not a folder of question sets. */
const MAX_FILES = 20_000;

export async function findFiles(params: FindFilesParams, token?: vscode.CancellationToken): Promise<string[]> {
  const folder = vscode.Uri.parse(params.folder);
  const seen = new Set<string>();
  // One search per pattern: a `{a,b}` union would break on patterns that hold braces themselves.
  for (const include of params.include) {
    if (token?.isCancellationRequested) break;
    const exclude = params.exclude ? new vscode.RelativePattern(folder, params.exclude) : undefined;
    const found = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, include), exclude, MAX_FILES - seen.size, token);
    for (const uri of found) seen.add(uri.toString());
    if (seen.size >= MAX_FILES) break;
  }
  return [...seen].sort();
}

export async function readFile(params: ReadFileParams): Promise<ReadFileResult | null> {
  const uri = vscode.Uri.parse(params.uri);
  try {
    const [stat, bytes] = await Promise.all([vscode.workspace.fs.stat(uri), vscode.workspace.fs.readFile(uri)]);
    if (stat.type & vscode.FileType.Directory) return null;
    return { base64: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64'), mtime: stat.mtime };
  } catch {
    // Gone, unreadable, or a file system that refuses: the server drops the file from the index.
    return null;
  }
}

/** Registers both handlers on a client (before or after it starts; the client keeps them across restarts). */
export function registerFileSystem(client: LanguageClient): vscode.Disposable[] {
  return [
    client.onRequest(FIND_FILES_REQUEST, (params: FindFilesParams, token: vscode.CancellationToken) => findFiles(params, token)),
    client.onRequest(READ_FILE_REQUEST, (params: ReadFileParams) => readFile(params)),
  ];
}
