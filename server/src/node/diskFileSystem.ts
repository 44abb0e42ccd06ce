// The server's own reader for `file:` workspace folders, for clients that do
// not offer the Kamervraag file-system requests (Neovim, Emacs, Helix, …).

import { promises as fs, readFile as readFileCallback, readFileSync, statSync } from 'fs';
import * as path from 'path';
import { fileURLToPath } from 'url';
import { isCandidateName, type FileContent, type WorkspaceFileSystem } from '../workspace/fileSystem';

/** Folders that never hold the user's documents (the client's findFiles excludes the same); hidden folders are skipped too. */
const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', '.vscode-test']);

function toPath(uri: string): string | null {
  if (!uri.startsWith('file:')) return null;
  try {
    return fileURLToPath(uri);
  } catch {
    return null;
  }
}

/** The URI of a file under a folder, built on the folder's URI as the client wrote it, so that it equals the URI the client uses. */
function childUri(folder: string, relative: string): string {
  const base = folder.endsWith('/') ? folder.slice(0, -1) : folder;
  return `${base}/${relative.split(path.sep).map(encodeURIComponent).join('/')}`;
}

/** Larger files are read in the background (`readFile`): at disk speed 1 MB takes a millisecond or more, which the event loop would wait. */
const READ_AT_ONCE_MAX_BYTES = 1024 * 1024;

export class DiskFileSystem implements WorkspaceFileSystem {
  async findFiles(folder: string): Promise<readonly string[]> {
    const root = toPath(folder);
    if (!root) return [];
    const out: string[] = [];
    const stack = [root];
    while (stack.length > 0) {
      const dir = stack.pop()!;
      let entries;
      try {
        entries = await fs.readdir(dir, { withFileTypes: true });
      } catch {
        continue;
      }
      for (const e of entries) {
        const full = path.join(dir, e.name);
        if (e.isDirectory()) {
          if (!SKIP_DIRS.has(e.name) && !e.name.startsWith('.')) stack.push(full);
        } else if (e.isFile() && isCandidateName(e.name)) {
          out.push(childUri(folder, path.relative(root, full)));
        }
      }
    }
    return out.sort();
  }

  readFile(uri: string): Promise<FileContent | null> {
    const p = toPath(uri);
    if (!p) return Promise.resolve(null);
    // The callback form: the promise form opens a FileHandle and reads in steps, several times slower per small file.
    return new Promise((resolve) => {
      readFileCallback(p, (err, bytes) => resolve(err ? null : { bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) }));
    });
  }

  readFileNow(uri: string): FileContent | null | undefined {
    const p = toPath(uri);
    if (!p) return null;
    try {
      if (statSync(p).size > READ_AT_ONCE_MAX_BYTES) return undefined;
      const bytes = readFileSync(p);
      return { bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) };
    } catch {
      return null;
    }
  }
}
