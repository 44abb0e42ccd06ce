// The server's reads of the workspace, through the editor's file system: the
// client announces `fileSystem: true` and answers FIND_FILES_REQUEST and
// READ_FILE_REQUEST with `vscode.workspace.findFiles` and `workspace.fs`, so
// the workspace index works in virtual workspaces (vscode-vfs://, …) and in
// remote windows as it does on disk.

import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { FIND_FILES_REQUEST, READ_FILE_REQUEST } from '../../server/src/protocol';
import type { FindFilesParams, ReadFileParams, ReadFileResult } from '../../server/src/protocol';
import { encodeBase64 } from './base64';
import { globToRegExp } from './glob';

/** Files per folder the index may list; a workspace with more is not a folder of question sets. */
const MAX_FILES = 20_000;
/** Folders the walk of a file system without search visits at most. */
const MAX_FOLDERS = 5_000;
/**
 * How long a search in a virtual folder may take. A file system that no search provider serves
 * leaves `findFiles` pending for ever (VS Code 1.100); the walk takes over.
 */
const VIRTUAL_SEARCH_MS = 5_000;

/** `findFiles`, given up after `ms` (undefined then); cancelled with `token` as well. */
async function search(include: vscode.RelativePattern, exclude: vscode.RelativePattern | undefined, max: number, ms: number | undefined, token?: vscode.CancellationToken): Promise<vscode.Uri[] | undefined> {
  const source = new vscode.CancellationTokenSource();
  const onCancel = token?.onCancellationRequested(() => source.cancel());
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const found = Promise.resolve(vscode.workspace.findFiles(include, exclude, max, source.token));
    if (ms === undefined) return await found;
    const late = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), ms)));
    const result = await Promise.race([found, late]);
    if (result === undefined) source.cancel();
    return result;
  } finally {
    if (timer) clearTimeout(timer);
    onCancel?.dispose();
    source.dispose();
  }
}

export async function findFiles(params: FindFilesParams, token?: vscode.CancellationToken): Promise<string[]> {
  const folder = vscode.Uri.parse(params.folder);
  const seen = new Set<string>();
  let searched = true;
  // One search per pattern: a `{a,b}` union would break on patterns that hold braces themselves.
  for (const include of params.include) {
    if (token?.isCancellationRequested) break;
    const exclude = params.exclude ? new vscode.RelativePattern(folder, params.exclude) : undefined;
    const limit = folder.scheme === 'file' ? undefined : VIRTUAL_SEARCH_MS;
    const found = await search(new vscode.RelativePattern(folder, include), exclude, MAX_FILES - seen.size, limit, token).catch(() => undefined);
    if (!found) {
      searched = false;
      break;
    }
    for (const uri of found) seen.add(uri.toString());
    if (seen.size >= MAX_FILES) break;
  }
  // Some virtual file systems (a memfs, a provider without a search provider) answer no search:
  // walk their folders instead.
  if ((!searched || seen.size === 0) && folder.scheme !== 'file' && !token?.isCancellationRequested) {
    for (const uri of await walk(folder, params, token)) seen.add(uri);
  }
  return [...seen].sort();
}

/** The files under `folder` whose relative paths match an include and no exclude, breadth first, bounded. */
export async function walk(folder: vscode.Uri, params: FindFilesParams, token?: vscode.CancellationToken): Promise<string[]> {
  const include = params.include.map(globToRegExp);
  const exclude = params.exclude ? globToRegExp(params.exclude) : null;
  const out: string[] = [];
  const queue: [vscode.Uri, string][] = [[folder, '']];
  let folders = 0;
  while (queue.length > 0 && folders < MAX_FOLDERS && out.length < MAX_FILES && !token?.isCancellationRequested) {
    const [dir, rel] = queue.shift() as [vscode.Uri, string];
    folders++;
    let entries: [string, vscode.FileType][];
    try {
      entries = await vscode.workspace.fs.readDirectory(dir);
    } catch {
      continue;
    }
    for (const [name, type] of entries) {
      const path = rel ? `${rel}/${name}` : name;
      if (type & vscode.FileType.SymbolicLink && type & vscode.FileType.Directory) continue;
      if (type & vscode.FileType.Directory) {
        if (!exclude?.test(`${path}/x`)) queue.push([vscode.Uri.joinPath(dir, name), path]);
      } else if (type & vscode.FileType.File && include.some((re) => re.test(path)) && !exclude?.test(path)) {
        out.push(vscode.Uri.joinPath(dir, name).toString());
        if (out.length >= MAX_FILES) break;
      }
    }
  }
  return out;
}

export async function readFile(params: ReadFileParams): Promise<ReadFileResult | null> {
  const uri = vscode.Uri.parse(params.uri);
  try {
    const [stat, bytes] = await Promise.all([vscode.workspace.fs.stat(uri), vscode.workspace.fs.readFile(uri)]);
    if (stat.type & vscode.FileType.Directory) return null;
    return { base64: encodeBase64(bytes), mtime: stat.mtime };
  } catch {
    // Gone, unreadable, or a file system that refuses: the server drops the file from the index.
    return null;
  }
}

/** Registers both handlers on a client (before or after it starts; the client keeps them across restarts). */
export function registerFileSystem(client: BaseLanguageClient): vscode.Disposable[] {
  return [
    client.onRequest(FIND_FILES_REQUEST, (params: FindFilesParams, token: vscode.CancellationToken) => findFiles(params, token)),
    client.onRequest(READ_FILE_REQUEST, (params: ReadFileParams) => readFile(params)),
  ];
}
