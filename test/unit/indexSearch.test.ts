// The index's search words while files come and go between searches (as a
// crawl brings files while workspace/symbol requests come in): the words a
// search finds are those of the files in the index at that moment, as in an
// index built fresh from those files.

import * as assert from 'assert';
import { DEFAULT_SETTINGS } from '../../server/src/settings';
import { WorkspaceIndex } from '../../server/src/workspace/index';
import { summarizeFile } from '../../server/src/workspace/ingest';
import type { FileSummary } from '../../server/src/workspace/summary';
import { workspaceFiles } from './workspaceFixture';

const FOLDER = 'memfs:/ws';

describe('index search while files come and go', function () {
  const summaries: FileSummary[] = [];
  for (const [rel, bytes] of workspaceFiles()) {
    const out = summarizeFile(`${FOLDER}/${rel}`, bytes, { year: 2025 });
    if ('summary' in out) summaries.push(out.summary);
  }
  const QUERIES = ['2024Z1879', '2024Z18792', 'ah-tk-20242025', 'ah-tk-20242025-584', 'capaciteitsfixus', 'capa', 'martens', 'van der plas', 'sign', '2024-09', 'september 2024', 'onderwijs', 'zzzz'];
  const found = (index: WorkspaceIndex, q: string) => index.search(q, 10_000).map((f) => f.uri).sort();

  it('finds by the start of words added after a search, and not those of files removed since', function () {
    assert.ok(summaries.length > 80, String(summaries.length));
    const live = new WorkspaceIndex(DEFAULT_SETTINGS.terms, '2025-06-01');
    // A search before any file: the sorted words are made, then kept up to date.
    assert.deepStrictEqual(found(live, '2024Z18792'), []);
    const present = new Set<FileSummary>();
    const left: FileSummary[] = [];
    summaries.forEach((s, k) => {
      live.set(s);
      present.add(s);
      if (k % 7 === 3) {
        // A file leaves again (a watcher saw it deleted), its words with it when no other file has them.
        const gone = summaries[k - 3];
        live.delete(gone.uri);
        present.delete(gone);
        left.push(gone);
      }
      if (k % 11 === 6 && left.length > 0) {
        // A file that left comes back, and the file just added is read again (set over itself).
        const back = left.shift()!;
        live.set(back);
        present.add(back);
        live.set(s);
      }
      if (k % 5 !== 0) return;
      const fresh = new WorkspaceIndex(DEFAULT_SETTINGS.terms, '2025-06-01');
      for (const p of present) fresh.set(p);
      for (const q of QUERIES) assert.deepStrictEqual(found(live, q), found(fresh, q), `${q} after ${k + 1} files`);
    });
    // By hand: the three files of 2024Z18792, by a prefix of the zaak number, whichever of them came after the last search.
    const zaak = found(live, '2024Z1879').map((u) => u.slice(FOLDER.length + 1));
    for (const rel of ['official/ah-tk-20242025-605.txt', 'official/kv-tk-2024Z18792.txt', 'openkamer/kv-2024Z18792.txt']) {
      assert.strictEqual(zaak.includes(rel), [...present].some((p) => p.uri === `${FOLDER}/${rel}`), rel);
    }
  });
});
