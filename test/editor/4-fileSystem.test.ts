// The client's answers to the server's file requests (client/src/fileSystem.ts)
// on a virtual file system without search, as a virtual workspace may have
// one: a read-only in-memory file system registered here under `kvmem:`.
// findFiles gets nothing from VS Code's search there and walks the folders.

import * as assert from 'assert';
import * as vscode from 'vscode';
import { findFiles, readFile } from '../../client/src/fileSystem';

const FILES: Record<string, string> = {
  '/ws/a.kamervraag': 'Kamervraag 2024Z18792\n',
  '/ws/sets/ah-tk-20242025-605.txt': 'AH 605\n2024Z18792\n',
  '/ws/sets/deep/er/b.kv.txt': 'Kamervraag 2024Z16988\n',
  '/ws/sets/notes.md': '# niet\n',
  '/ws/node_modules/x/c.kamervraag': 'Kamervraag 2024Z00001\n',
  '/ws/.git/d.txt': 'x\n',
};
const MTIME = Date.UTC(2024, 10, 20);

class MemoryFileSystem implements vscode.FileSystemProvider {
  private readonly changed = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.changed.event;
  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }
  stat(uri: vscode.Uri): vscode.FileStat {
    if (FILES[uri.path] !== undefined) return { type: vscode.FileType.File, ctime: MTIME, mtime: MTIME, size: FILES[uri.path].length };
    if (Object.keys(FILES).some((p) => p.startsWith(`${uri.path.replace(/\/$/, '')}/`))) return { type: vscode.FileType.Directory, ctime: 0, mtime: 0, size: 0 };
    throw vscode.FileSystemError.FileNotFound(uri);
  }
  readDirectory(uri: vscode.Uri): [string, vscode.FileType][] {
    const prefix = `${uri.path.replace(/\/$/, '')}/`;
    const out = new Map<string, vscode.FileType>();
    for (const p of Object.keys(FILES)) {
      if (!p.startsWith(prefix)) continue;
      const [name, ...rest] = p.slice(prefix.length).split('/');
      out.set(name, rest.length ? vscode.FileType.Directory : vscode.FileType.File);
    }
    return [...out];
  }
  readFile(uri: vscode.Uri): Uint8Array {
    const text = FILES[uri.path];
    if (text === undefined) throw vscode.FileSystemError.FileNotFound(uri);
    return new TextEncoder().encode(text);
  }
  createDirectory(): void {
    throw vscode.FileSystemError.NoPermissions();
  }
  writeFile(): void {
    throw vscode.FileSystemError.NoPermissions();
  }
  delete(): void {
    throw vscode.FileSystemError.NoPermissions();
  }
  rename(): void {
    throw vscode.FileSystemError.NoPermissions();
  }
}

suite('workspace: the client file system on a virtual folder without search', function () {
  let registration: vscode.Disposable;
  suiteSetup(function () {
    registration = vscode.workspace.registerFileSystemProvider('kvmem', new MemoryFileSystem(), { isReadonly: true, isCaseSensitive: true });
  });
  suiteTeardown(() => registration.dispose());

  test('findFiles walks the folders: the candidates by name, nothing under node_modules or .git', async function () {
    const found = await findFiles({ folder: 'kvmem:/ws', include: ['**/*.kamervraag', '**/*.kv.txt', '**/*.txt'], exclude: '**/{node_modules,.git,.hg,.svn,.vscode-test}/**' });
    assert.deepStrictEqual(found, ['kvmem:/ws/a.kamervraag', 'kvmem:/ws/sets/ah-tk-20242025-605.txt', 'kvmem:/ws/sets/deep/er/b.kv.txt']);
  });

  test('readFile: the bytes as base64 and the modification time; null for a file that is not there', async function () {
    const read = await readFile({ uri: 'kvmem:/ws/sets/ah-tk-20242025-605.txt' });
    assert.ok(read);
    assert.strictEqual(new TextDecoder().decode(Uint8Array.from(atob(read.base64), (c) => c.charCodeAt(0))), 'AH 605\n2024Z18792\n');
    assert.strictEqual(read.mtime, MTIME);
    assert.strictEqual(await readFile({ uri: 'kvmem:/ws/gone.kamervraag' }), null);
    assert.strictEqual(await readFile({ uri: 'kvmem:/ws/sets' }), null, 'a folder is no file');
  });
});
