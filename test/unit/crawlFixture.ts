// A crawl of the workspace fixture through an in-memory file system, and what
// the index holds after it: shared by the tests that analyse elsewhere (the
// worker thread, the large-file process) and compare with a crawl done here.

import * as assert from 'assert';
import { Indexer } from '../../server/src/service/indexer';
import { DEFAULT_SETTINGS } from '../../server/src/settings';
import type { WorkspaceFileSystem } from '../../server/src/workspace/fileSystem';
import { WorkspaceIndex } from '../../server/src/workspace/index';
import type { FileAnalyzer, LargeFileAnalyzer } from '../../server/src/workspace/ingest';
import { SKIPPED, workspaceFiles } from './workspaceFixture';

export const FOLDER = 'memfs:/ws';
/** What the index takes at most. */
export const MAX_BYTES = 1024 * 1024;

/** The fixture's files (and `extra`), read as copies, as a read from disk gives. */
export function memoryFs(extra: readonly [string, Uint8Array][] = []): WorkspaceFileSystem & { files: Map<string, Uint8Array> } {
  const files = new Map<string, Uint8Array>();
  for (const [rel, bytes] of [...workspaceFiles(), ...extra]) files.set(`${FOLDER}/${rel}`, bytes);
  return {
    files,
    async findFiles(folder: string) {
      return [...files.keys()].filter((u) => u.startsWith(`${folder}/`)).sort();
    },
    async readFile(uri: string) {
      const bytes = files.get(uri);
      return bytes ? { bytes: bytes.slice() } : null;
    },
  };
}

export interface CrawlOptions {
  readonly analyzer?: FileAnalyzer;
  readonly large?: LargeFileAnalyzer;
  readonly log?: string[];
  readonly extra?: readonly [string, Uint8Array][];
}

export async function crawl(o: CrawlOptions = {}) {
  const index = new WorkspaceIndex(DEFAULT_SETTINGS.terms, '2024-12-20');
  const fileSystem = memoryFs(o.extra);
  const log = o.log ?? [];
  const indexer = new Indexer({ fs: fileSystem, index, maxBytes: () => MAX_BYTES, analyzer: o.analyzer, large: o.large, log: (m) => log.push(m), sliceMs: 1 });
  await indexer.addFolders([FOLDER]);
  return { index, indexer, fileSystem };
}

/** Everything the index holds: each file's summary, the skipped files, the merged sets. */
export function snapshot(r: Awaited<ReturnType<typeof crawl>>) {
  const files = [...r.index.uris()].sort().map((u) => r.index.get(u));
  const skipped = [...r.indexer.skipped.entries()].sort();
  return { files, skipped, sets: r.index.sets({}) };
}

/** The same index as `here`: the same skipped files (the binary one among them), summaries (targets packed) and sets. */
export function assertSameIndex(there: ReturnType<typeof snapshot>, here: ReturnType<typeof snapshot>): void {
  assert.deepStrictEqual(there.skipped, here.skipped);
  assert.ok(there.skipped.some(([u, why]) => u.endsWith(SKIPPED.binary) && why === 'binary'));
  assert.deepStrictEqual(there.files, here.files);
  assert.ok(there.files.every((f) => f!.targets instanceof Int32Array));
  assert.deepStrictEqual(there.sets, here.sets);
}
