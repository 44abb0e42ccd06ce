// The index worker: a crawl analysed in a real worker thread
// (dist/indexWorker.js, built by `npm run build`) gives exactly the index of a
// crawl analysed in the main thread; a worker that cannot start or dies
// leaves the work to the main thread; results that come back after the file
// changed, or after its folder was removed, are dropped.

import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { WorkerAnalyzer } from '../../server/src/node/workerAnalyzer';
import { DEFAULT_SETTINGS } from '../../server/src/settings';
import { summarizeFile, type FileAnalyzer, type FileOutcome, type IngestOptions } from '../../server/src/workspace/ingest';
import { WorkspaceIndex } from '../../server/src/workspace/index';
import { Indexer } from '../../server/src/service/indexer';
import { assertSameIndex, crawl, FOLDER, memoryFs, snapshot } from './crawlFixture';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const WORKER = path.join(ROOT, 'dist', 'indexWorker.js');

describe('index worker', function () {
  let here: ReturnType<typeof snapshot>;

  before(async function () {
    assert.ok(fs.existsSync(WORKER), `${WORKER} is missing: run npm run build`);
    here = snapshot(await crawl());
    assert.ok(here.files.length > 80, String(here.files.length));
  });

  it('a crawl analysed in the worker thread gives the same index as one analysed here', async function () {
    const analyzer = new WorkerAnalyzer({ script: WORKER, minFiles: 0, depth: Infinity });
    try {
      const r = await crawl({ analyzer });
      assert.strictEqual(analyzer.analysedByWorker, here.files.length + here.skipped.length, 'every file went through the worker');
      assert.ok(analyzer.usable);
      assertSameIndex(snapshot(r), here);
    } finally {
      analyzer.dispose();
    }
  });

  it('shared between the worker and the main thread (depth 2): the same index', async function () {
    const analyzer = new WorkerAnalyzer({ script: WORKER, minFiles: 0, depth: 2 });
    try {
      const r = await crawl({ analyzer });
      assert.ok(analyzer.analysedByWorker > 0);
      assert.deepStrictEqual(snapshot(r), here);
    } finally {
      analyzer.dispose();
    }
  });

  it('the backlog counts the files the worker finished before its answers are read', async function () {
    const analyzer = new WorkerAnalyzer({ script: WORKER, minFiles: 0 });
    try {
      const files = [...memoryFs().files].slice(0, 3);
      const answers = files.map(([uri, bytes]) => analyzer.summarizeFile(uri, bytes, {}));
      assert.strictEqual(analyzer.backlog, 3);
      // This thread does not let its event loop turn (as the indexer between two turns): no answer is read, and the backlog still falls.
      const until = Date.now() + 20_000;
      while (analyzer.backlog > 0 && Date.now() < until) { /* waiting */ }
      assert.strictEqual(analyzer.backlog, 0);
      const outs = await Promise.all(answers);
      assert.deepStrictEqual(outs.map((o) => ('summary' in o ? o.summary.uri : o.skip)), files.map(([uri]) => uri));
      assert.strictEqual(analyzer.analysedByWorker, 3);
    } finally {
      analyzer.dispose();
    }
  });

  it('below minFiles, the crawl stays in the main thread', async function () {
    const analyzer = new WorkerAnalyzer({ script: WORKER, minFiles: 1_000_000 });
    try {
      const r = await crawl({ analyzer });
      assert.strictEqual(analyzer.analysedByWorker, 0);
      assert.deepStrictEqual(snapshot(r).files, here.files);
    } finally {
      analyzer.dispose();
    }
  });

  it('a worker that cannot start: a log line, and the same index from the main thread', async function () {
    const log: string[] = [];
    const analyzer = new WorkerAnalyzer({ script: path.join(ROOT, 'dist', 'no-such-worker.js'), minFiles: 0, log: (m) => log.push(m) });
    try {
      const r = await crawl({ analyzer });
      assert.deepStrictEqual(snapshot(r).files, here.files);
      assert.ok(!analyzer.usable);
      assert.ok(log.some((m) => /index worker (failed|cannot start)/.test(m)), log.join('\n'));
    } finally {
      analyzer.dispose();
    }
  });

  it('a worker that dies with files in hand: a log line, and those files analysed here', async function () {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kamervraag-worker-'));
    const script = path.join(dir, 'dies.js');
    // Answers two files, then exits on the third.
    fs.writeFileSync(script, `const { parentPort } = require('worker_threads');\nconst real = ${JSON.stringify(WORKER)};\nlet n = 0;\nparentPort.on('message', () => { if (++n === 3) process.exit(3); });\nrequire(real);\n`);
    const log: string[] = [];
    const analyzer = new WorkerAnalyzer({ script, minFiles: 0, depth: Infinity, log: (m) => log.push(m) });
    try {
      const r = await crawl({ analyzer });
      assert.strictEqual(analyzer.analysedByWorker, 2);
      assert.ok(!analyzer.usable);
      assert.ok(log.some((m) => /index worker failed/.test(m)), log.join('\n'));
      assert.deepStrictEqual(snapshot(r).files, here.files);
    } finally {
      analyzer.dispose();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  describe('results that come back late', function () {
    /** An analyzer that answers only when told to. */
    class HeldAnalyzer implements FileAnalyzer {
      readonly minFiles = 0;
      readonly backlog = 0;
      readonly depth = Infinity;
      readonly held: { uri: string; bytes: Uint8Array; options: IngestOptions; resolve: (o: FileOutcome) => void }[] = [];
      private waiter: (() => void) | null = null;
      summarizeFile(uri: string, bytes: Uint8Array, options: IngestOptions): Promise<FileOutcome> {
        return new Promise((resolve) => {
          this.held.push({ uri, bytes, options, resolve });
          this.waiter?.();
        });
      }
      async whenHolding(n: number): Promise<void> {
        while (this.held.length < n) await new Promise<void>((r) => (this.waiter = r));
      }
      release(): void {
        for (const h of this.held.splice(0)) h.resolve(summarizeFile(h.uri, h.bytes, h.options));
      }
    }

    it('a file set meanwhile (an open document) keeps the newer text; the others come in', async function () {
      const analyzer = new HeldAnalyzer();
      const index = new WorkspaceIndex(DEFAULT_SETTINGS.terms, '2024-12-20');
      const indexer = new Indexer({ fs: memoryFs(), index, maxBytes: () => 1024 * 1024, analyzer });
      const done = indexer.addFolders([FOLDER]);
      await analyzer.whenHolding(8);
      const [first, second] = analyzer.held.filter((h) => here.files.some((f) => f!.uri === h.uri));
      const edited = here.files.find((f) => f!.uri === first.uri)!;
      // The editor opens the first file and the text changes; a watcher sees the second deleted.
      const text = new TextDecoder().decode(first.bytes).replace(/\n/, '\n\n');
      indexer.indexText(first.uri, text);
      const mine = index.get(first.uri)!;
      assert.notDeepStrictEqual(mine.headerRange, undefined);
      indexer.remove(second.uri);
      analyzer.release();
      // The rest of the crawl comes through held answers too.
      const pump = setInterval(() => analyzer.release(), 1);
      try {
        await done;
      } finally {
        clearInterval(pump);
      }
      assert.strictEqual(index.get(first.uri), mine, 'the late result did not replace the newer one');
      assert.notDeepStrictEqual(index.get(first.uri), edited);
      assert.strictEqual(index.get(second.uri), undefined, 'the late result did not bring a deleted file back');
      const extra = [...index.uris()].filter((u) => !here.files.some((f) => f!.uri === u));
      assert.deepStrictEqual(extra, []);
      assert.strictEqual(index.size, here.files.length - 1);
    });

    it('a folder removed meanwhile: nothing of it comes back', async function () {
      const analyzer = new HeldAnalyzer();
      const index = new WorkspaceIndex(DEFAULT_SETTINGS.terms, '2024-12-20');
      const indexer = new Indexer({ fs: memoryFs(), index, maxBytes: () => 1024 * 1024, analyzer });
      const done = indexer.addFolders([FOLDER]);
      await analyzer.whenHolding(4);
      indexer.removeFolder(FOLDER);
      analyzer.release();
      await done;
      assert.strictEqual(index.size, 0);
    });
  });
});
