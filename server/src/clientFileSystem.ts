// What the platform gives the server (Node: a disk reader, a fast base64
// decoder, an index worker thread, a process for large files; a browser
// worker: none of these), and the
// workspace file system of a client that answers the Kamervraag file requests
// (VS Code, virtual workspaces too).

import type { Connection } from 'vscode-languageserver';
import { FIND_FILES_REQUEST, READ_FILE_REQUEST, type FindFilesParams, type ReadFileResult, type ServerRuntime } from './protocol';
import { CANDIDATE_GLOBS, EXCLUDE_GLOB, type WorkspaceFileSystem } from './workspace/fileSystem';
import type { Converter, FileAnalyzer, LargeFileAnalyzer } from './workspace/ingest';

export interface ServerPlatform {
  /** Where the server runs, as the initialize result announces it (`experimental.runtime`). */
  readonly runtime?: ServerRuntime;
  /** Reads `file:` folders itself, for clients without the Kamervraag file-system requests. */
  readonly diskFileSystem?: WorkspaceFileSystem;
  readonly decodeBase64?: (base64: string) => Uint8Array;
  /** Analyses the files of a large crawl in another thread (Node: a worker thread). */
  readonly indexAnalyzer?: FileAnalyzer;
  /** Analyses a large file of the index in a process of its own (Node), so that its transient memory is not the server's. */
  readonly largeFileAnalyzer?: LargeFileAnalyzer;
  /** A full garbage collection, where the runtime offers one: after large memory is let go, it goes back to the system. */
  readonly collectGarbage?: () => void;
  /** Keeps the heap close to what it holds (true), or lets the runtime size it (false). */
  readonly fitHeap?: (fit: boolean) => void;
  /** Converts originals (PDF, Word); without one they are shown as unreadable. Node loads its converter on first use, a browser worker holds it. */
  readonly convert?: Converter;
  /** Checks each incremental analysis against a whole one (a debug aid; see LanguageServiceOptions.verifyIncremental). */
  readonly verifyIncremental?: boolean;
  /**
   * Whether answers are still on their way out: written, but not yet taken by the client (Node over stdio:
   * the outline of a large set is megabytes, which the pipe takes a piece at a time between other work).
   */
  readonly writing?: () => boolean;
}

function decodeBase64Portable(s: string): Uint8Array {
  const bin = atob(s);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** The file system of a client that answers FIND_FILES_REQUEST and READ_FILE_REQUEST. */
export function clientFileSystem(connection: Connection, decodeBase64: (s: string) => Uint8Array = decodeBase64Portable): WorkspaceFileSystem {
  return {
    async findFiles(folder: string) {
      const params: FindFilesParams = { folder, include: CANDIDATE_GLOBS, exclude: EXCLUDE_GLOB };
      const list: unknown = await connection.sendRequest(FIND_FILES_REQUEST, params);
      return Array.isArray(list) ? list.filter((u): u is string => typeof u === 'string') : [];
    },
    async readFile(uri: string) {
      const r = (await connection.sendRequest(READ_FILE_REQUEST, { uri })) as ReadFileResult | null;
      if (!r || typeof r.base64 !== 'string') return null;
      return { bytes: decodeBase64(r.base64), mtime: typeof r.mtime === 'number' ? r.mtime : undefined };
    },
  };
}
