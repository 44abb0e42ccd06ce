// The file system the workspace index reads through. Two implementations: the
// client's (FIND_FILES_REQUEST/READ_FILE_REQUEST, virtual workspaces too) and
// the server's own disk reader for `file:` folders (src/node/diskFileSystem.ts),
// for clients that offer none. In-memory ones serve the unit tests.
// Pure: no Node built-ins.

/** The glob patterns of candidate files, relative to a workspace folder. */
export const CANDIDATE_GLOBS: readonly string[] = ['**/*.kamervraag', '**/*.kv.txt', '**/*.txt', '**/*.pdf', '**/*.docx'];
/** Folders never searched. */
export const EXCLUDE_GLOB = '**/{node_modules,.git,.hg,.svn,.vscode-test}/**';

export interface FileContent {
  readonly bytes: Uint8Array;
  /** Modification time in ms, when known; a changed mtime means a changed file. */
  readonly mtime?: number;
}

export interface WorkspaceFileSystem {
  /** The candidate files under a workspace folder (URIs), by name only: `.kamervraag`, `.kv.txt`, `.txt`, and the originals `.pdf`, `.docx`. */
  findFiles(folder: string): Promise<readonly string[]>;
  /** The bytes of a file, or null when it is gone or unreadable. */
  readFile(uri: string): Promise<FileContent | null>;
  /**
   * The bytes of a file read at once, in this thread; null when it is gone
   * or unreadable; undefined when it is too large to be read at once (then
   * `readFile` reads it). Only a local disk offers it: a small file costs a
   * tenth of the asynchronous read, which hands four steps (open, stat, read,
   * close) to other threads. The indexer uses it while reads stay quick.
   */
  readFileNow?(uri: string): FileContent | null | undefined;
}

/** `.kamervraag`, `.kv.txt` and `.txt` names, and the originals `.pdf` and `.docx` (case-insensitive): the files worth reading. */
export function isCandidateName(uri: string): boolean {
  const name = uri.slice(uri.lastIndexOf('/') + 1).toLowerCase();
  return name.endsWith('.kamervraag') || name.endsWith('.txt') || name.endsWith('.pdf') || name.endsWith('.docx');
}

/** `.kamervraag` and `.kv.txt` are Kamervraag files by name; other `.txt` files only when their first line says so. */
export function isKamervraagByName(uri: string): boolean {
  const name = uri.slice(uri.lastIndexOf('/') + 1).toLowerCase();
  return name.endsWith('.kamervraag') || name.endsWith('.kv.txt') || /^(?:ah|kv)-tk-.*\.txt$/.test(name);
}

/** The first line of a Kamervraag text, in both layouts (the same test as the language's `firstLine` in package.json). */
const FIRST_LINE = /^(?:#{1,6}\s+)?(?:(?:Kamervraag\s+)?\d{4}Z\d{5,6}\s*$|AH\s+\d{1,5}\s*$|Tweede Kamer der Staten-Generaal(?![A-Za-z])|Vragen van (?:het lid|de leden)\s)/;

/** Whether `text` is a Kamervraag document, by its first non-empty line. */
export function firstLineIdentifies(text: string): boolean {
  let i = 0;
  while (i < text.length && (text.charCodeAt(i) <= 32 || text.charCodeAt(i) === 0xfeff)) i++;
  let end = text.indexOf('\n', i);
  if (end < 0) end = text.length;
  return FIRST_LINE.test(text.slice(i, end).replace(/\r$/, ''));
}

/** Whether `uri` lies in `folder` (both URIs; the folder with or without a trailing slash). */
export function isInFolder(uri: string, folder: string): boolean {
  const f = folder.endsWith('/') ? folder : `${folder}/`;
  return uri.startsWith(f);
}
