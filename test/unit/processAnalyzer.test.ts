// The large-file process: a text file of `minBytes` or more is analysed in a
// process of its own (dist/indexWorker.js started as a child), and the index
// it gives is exactly the index of a crawl analysed here. A process that cannot
// start leaves the work to the server; one that dies on a file fails that file
// alone, and the next file gets a new process; an idle process ends.

import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ProcessAnalyzer } from '../../server/src/node/processAnalyzer';
import { originalKindOfName } from '../../server/src/originals/uri';
import { assertSameIndex, crawl, FOLDER, MAX_BYTES, snapshot } from './crawlFixture';
import { workspaceFiles } from './workspaceFixture';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const WORKER = path.join(ROOT, 'dist', 'indexWorker.js');

/** The text files of the fixture (not originals) of `min` bytes or more and no more than the index takes. */
function textFilesFrom(min: number): string[] {
  return [...workspaceFiles()].filter(([rel, b]) => originalKindOfName(rel) === null && b.length >= min && b.length <= MAX_BYTES).map(([rel]) => `${FOLDER}/${rel}`);
}

/** Waits until `f` holds, or fails after `ms`. */
async function until(f: () => boolean, ms: number, what: string): Promise<void> {
  const end = Date.now() + ms;
  while (!f()) {
    if (Date.now() > end) assert.fail(`not within ${ms} ms: ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('large-file process', function () {
  let here: ReturnType<typeof snapshot>;

  before(async function () {
    assert.ok(fs.existsSync(WORKER), `${WORKER} is missing: run npm run build`);
    here = snapshot(await crawl());
    assert.ok(here.files.length > 80, String(here.files.length));
  });

  it('every text file analysed in the other process: the same index as here, from one process', async function () {
    const analyzer = new ProcessAnalyzer({ script: WORKER, minBytes: 0 });
    try {
      const r = await crawl({ large: analyzer });
      // Binary and empty files are text files by name: they go there too, and come back skipped.
      assert.strictEqual(analyzer.stats.files, textFilesFrom(0).length);
      assert.strictEqual(analyzer.stats.processes, 1);
      assert.ok(analyzer.stats.peakKB > 10_000, `a Node process peaks at tens of MB, not ${analyzer.stats.peakKB} KB`);
      assertSameIndex(snapshot(r), here);
    } finally {
      analyzer.dispose();
    }
  });

  it('only files of minBytes or more go there; larger than the index takes, none is sent', async function () {
    const sizes = [...workspaceFiles()].filter(([rel]) => originalKindOfName(rel) === null).map(([, b]) => b.length).sort((a, b) => a - b);
    const min = sizes[Math.floor(sizes.length * 0.75)];
    const huge: [string, Uint8Array] = ['huge/kv-2099Z00001.kamervraag', new TextEncoder().encode('Vragen van het lid Jansen.\n'.repeat(50_000))];
    assert.ok(huge[1].length > MAX_BYTES);
    const analyzer = new ProcessAnalyzer({ script: WORKER, minBytes: min });
    try {
      const r = await crawl({ large: analyzer, extra: [huge] });
      assert.strictEqual(analyzer.stats.files, textFilesFrom(min).length);
      assert.ok(analyzer.stats.files > 0 && analyzer.stats.files < here.files.length);
      assert.strictEqual(r.indexer.skipped.get(`${FOLDER}/${huge[0]}`), 'too-large');
      const there = snapshot(r);
      assert.deepStrictEqual(there.files, here.files);
    } finally {
      analyzer.dispose();
    }
  });

  it('a file changed on disk is read again through the process', async function () {
    const analyzer = new ProcessAnalyzer({ script: WORKER, minBytes: 0 });
    try {
      const r = await crawl({ large: analyzer });
      const uri = here.files.find((f) => f!.zaak === '2022Z09875' && f!.kind === 'openkamer')!.uri;
      const before = analyzer.stats.files;
      const text = new TextDecoder().decode(r.fileSystem.files.get(uri)!);
      // The zaak number changes on disk (every occurrence, as a corrected file would).
      r.fileSystem.files.set(uri, new TextEncoder().encode(text.split('2022Z09875').join('2022Z09876')));
      assert.strictEqual(await r.indexer.refresh(uri), true);
      assert.strictEqual(analyzer.stats.files, before + 1);
      assert.strictEqual(r.index.get(uri)!.zaak, '2022Z09876');
    } finally {
      analyzer.dispose();
    }
  });

  it('a process without work ends; the next file starts another', async function () {
    const analyzer = new ProcessAnalyzer({ script: WORKER, minBytes: 0, idleMs: 20 });
    try {
      const [uri] = textFilesFrom(0);
      const bytes = workspaceFiles().get(uri.slice(FOLDER.length + 1))!;
      const out = await analyzer.summarizeFile(uri, bytes, {});
      assert.strictEqual('summary' in out ? out.summary.uri : out.skip, here.files.some((f) => f!.uri === uri) ? uri : 'not-kamervraag');
      assert.strictEqual(analyzer.running, true);
      await until(() => !analyzer.running, 5000, 'the idle process ends');
      await analyzer.summarizeFile(uri, bytes, {});
      assert.strictEqual(analyzer.stats.processes, 2);
    } finally {
      analyzer.dispose();
    }
  });

  it('a process that cannot start: a log line, and the same index from the server', async function () {
    const log: string[] = [];
    const analyzer = new ProcessAnalyzer({ script: path.join(ROOT, 'dist', 'no-such-worker.js'), minBytes: 0, log: (m) => log.push(m) });
    try {
      const r = await crawl({ large: analyzer });
      assert.deepStrictEqual(snapshot(r).files, here.files);
      assert.strictEqual(analyzer.stats.files, 0);
      assert.strictEqual(analyzer.stats.processes, 1, 'tried once, not once a file');
      assert.ok(log.some((m) => /large-file process cannot start/.test(m)), log.join('\n'));
    } finally {
      analyzer.dispose();
    }
  });

  it('a process that dies on a file: that file fails with a log line, the others are indexed by a new process', async function () {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kamervraag-process-'));
    const script = path.join(dir, 'dies.js');
    // Answers two files, then dies on the third, as a process whose memory ran out (after its answers went out).
    fs.writeFileSync(script, [
      'let n = 0;',
      'let dying = false;',
      'const on = process.on.bind(process);',
      // The worker's own handler sees the first two files only.
      "process.on = (event, f) => on(event, event !== 'message' ? f : (m) => {",
      '  if (++n === 3) { dying = true; setTimeout(() => process.exit(134), 100); }',
      '  if (!dying) f(m);',
      '});',
      `require(${JSON.stringify(WORKER)});`,
    ].join('\n'));
    const log: string[] = [];
    const analyzer = new ProcessAnalyzer({ script, minBytes: 0, log: (m) => log.push(m) });
    try {
      const r = await crawl({ large: analyzer, log });
      const sent = textFilesFrom(0).sort();
      assert.strictEqual(r.indexer.skipped.get(sent[2]), 'failed');
      assert.ok(log.some((m) => m.includes(sent[2]) && /ended its process \(exited with code 134\)/.test(m)), log.join('\n'));
      // Each process dies on its third file: the third, sixth, ninth … file fails, and each later file has a new process.
      const failed = sent.filter((_, i) => i % 3 === 2);
      const expected = new Map(here.skipped);
      for (const u of failed) expected.set(u, 'failed');
      assert.deepStrictEqual([...r.indexer.skipped.entries()].sort(), [...expected.entries()].sort());
      assert.strictEqual(analyzer.stats.processes, Math.ceil(sent.length / 3));
      assert.deepStrictEqual(snapshot(r).files, here.files.filter((f) => !failed.includes(f!.uri)));
    } finally {
      analyzer.dispose();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
