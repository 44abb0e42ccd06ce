// The workspace index over an in-memory workspace made from the real corpus
// (see workspaceFixture.ts): which files it keeps, how it merges the files of
// one set, where each set stands, the timeline, the search, and the
// cross-file definition, hover and references.

import * as assert from 'assert';
import { analyze } from '../../server/src/model/analysis';
import { decodeBytes } from '../../server/src/model/decode';
import type { Analysis } from '../../server/src/model/types';
import { crossFileDefinition, crossFileHover, crossFileReferences } from '../../server/src/features/crossFile';
import { DEFAULT_SETTINGS } from '../../server/src/settings';
import type { WorkspaceFileSystem } from '../../server/src/workspace/fileSystem';
import { WorkspaceIndex } from '../../server/src/workspace/index';
import { Indexer } from '../../server/src/service/indexer';
import { ministriesOf } from '../../server/src/workspace/ministries';
import { publicationIdOfName, summarize } from '../../server/src/workspace/summary';
import { timeline } from '../../server/src/features/timeline';
import { AH_337, CITED_SENTENCE, CITING_699, CP1252, SIGNAL_EARLIER, SKIPPED, workspaceFiles } from './workspaceFixture';

const FOLDER = 'memfs:/ws';
const uriOf = (rel: string) => `${FOLDER}/${rel}`;

/** A workspace in memory, as vscode-markdown-languageservice's tests have it: the index reads it through the same interface as the client's file system. */
class MemoryFileSystem implements WorkspaceFileSystem {
  readonly files = new Map<string, Uint8Array>();
  reads = 0;
  constructor(rel: Map<string, Uint8Array>) {
    for (const [k, v] of rel) this.files.set(uriOf(k), v);
  }
  async findFiles(folder: string): Promise<readonly string[]> {
    return [...this.files.keys()].filter((u) => u.startsWith(`${folder}/`)).sort();
  }
  async readFile(uri: string) {
    this.reads++;
    const bytes = this.files.get(uri);
    return bytes ? { bytes } : null;
  }
  text(rel: string): string {
    return decodeBytes(this.files.get(uriOf(rel))!).text;
  }
}

/** A position `delta` characters into the first occurrence of `needle` (a space also matches a no-break space). */
function positionIn(a: Analysis, needle: string, delta = 0): { line: number; character: number } {
  const re = new RegExp(needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '[ \u00a0]'));
  const m = re.exec(a.text);
  assert.ok(m, `text lacks ${needle}`);
  return a.lines.positionAt(m.index + delta);
}

function lineText(text: string, line: number): string {
  return text.split(/\r?\n/)[line] ?? '';
}

describe('workspace index', function () {
  let mem: MemoryFileSystem;
  let index: WorkspaceIndex;
  let indexer: Indexer;
  let changes = 0;
  const progress: [number, number][] = [];

  before(async function () {
    mem = new MemoryFileSystem(workspaceFiles());
    index = new WorkspaceIndex(DEFAULT_SETTINGS.terms, '2024-12-20');
    indexer = new Indexer({ fs: mem, index, maxBytes: () => 1024 * 1024, onChange: () => changes++, sliceMs: 1 });
    await indexer.addFolders([FOLDER], (done, total) => progress.push([done, total]));
  });

  describe('which files', function () {
    it('indexes every corpus file and the variants, and skips binary, empty and non-Kamervraag files', function () {
      const corpusFiles = [...mem.files.keys()].filter((u) => /\/(official|openkamer)\//.test(u));
      for (const u of corpusFiles) {
        if (u.includes('excerpt-2025Z09682-flat')) continue; // an excerpt that starts mid-text: no first line to know it by
        assert.ok(index.get(u), `${u} indexed`);
      }
      for (const rel of [SIGNAL_EARLIER, AH_337, CITING_699, CP1252]) assert.ok(index.get(uriOf(rel)), rel);
      assert.strictEqual(indexer.skipped.get(uriOf(SKIPPED.binary)), 'binary');
      assert.strictEqual(indexer.skipped.get(uriOf(SKIPPED.empty)), 'empty');
      assert.strictEqual(indexer.skipped.get(uriOf(SKIPPED.notKamervraag)), 'not-kamervraag');
      assert.strictEqual(indexer.skipped.get(uriOf('openkamer/excerpt-2025Z09682-flat.txt')), 'not-kamervraag');
    });

    it('decodes a Windows-1252 file and reads its metadata', function () {
      const f = index.get(uriOf(CP1252))!;
      assert.strictEqual(f.zaak, '2024Z18999');
      assert.strictEqual(f.title, 'De Ontbossingswet');
      assert.deepStrictEqual(f.submitters, ['Podt (D66)']);
    });

    it('skips a file larger than the limit', async function () {
      const big = new MemoryFileSystem(new Map([['big.kamervraag', new TextEncoder().encode(`Kamervraag 2024Z00001\n\n${'Tekst. '.repeat(200000)}`)]]));
      const idx = new WorkspaceIndex(DEFAULT_SETTINGS.terms, '2024-12-20');
      const ix = new Indexer({ fs: big, index: idx, maxBytes: () => 1024 * 1024 });
      await ix.addFolders([FOLDER]);
      assert.strictEqual(idx.size, 0);
      assert.strictEqual(ix.skipped.get(uriOf('big.kamervraag')), 'too-large');
    });

    it('a read that never answers counts as unreadable; a listing that never answers ends the crawl', async function () {
      const stuck = new MemoryFileSystem(new Map([
        ['official/ah-tk-20242025-584.txt', workspaceFiles().get('official/ah-tk-20242025-584.txt')!],
        ['official/ah-tk-20242025-605.txt', workspaceFiles().get('official/ah-tk-20242025-605.txt')!],
      ]));
      const never = new Promise<never>(() => undefined);
      const fs: WorkspaceFileSystem = {
        findFiles: (folder) => (folder === FOLDER ? stuck.findFiles(folder) : never),
        readFile: (uri) => (uri.endsWith('605.txt') ? never : stuck.readFile(uri)),
      };
      const idx = new WorkspaceIndex(DEFAULT_SETTINGS.terms, '2024-12-20');
      const ix = new Indexer({ fs, index: idx, timeoutMs: 50 });
      await ix.addFolders([FOLDER, `${FOLDER}-other`]);
      assert.deepStrictEqual([...idx.uris()], [uriOf('official/ah-tk-20242025-584.txt')]);
      assert.strictEqual(ix.skipped.get(uriOf('official/ah-tk-20242025-605.txt')), 'unreadable');
      assert.strictEqual(ix.indexing, false);
    });

    describe('a disk that reads at once (readFileNow)', function () {
      /** The fixture workspace, with a synchronous read beside the asynchronous one, and what each was asked. */
      class QuickDisk extends MemoryFileSystem {
        readsNow: string[] = [];
        readsLater: string[] = [];
        constructor(private readonly firstDelayMs = 0, private readonly slowNow = -1, private readonly tooLarge: readonly string[] = []) {
          super(workspaceFiles());
        }
        override async readFile(uri: string) {
          this.readsLater.push(uri);
          if (this.readsLater.length === 1 && this.firstDelayMs > 0) await new Promise((r) => setTimeout(r, this.firstDelayMs));
          return super.readFile(uri);
        }
        readFileNow(uri: string) {
          this.readsNow.push(uri);
          if (this.readsNow.length === this.slowNow) {
            // A read that blocks, as a hanging network share would.
            const until = Date.now() + 80;
            while (Date.now() < until) { /* blocked */ }
          }
          if (this.tooLarge.some((name) => uri.endsWith(name))) return undefined;
          const bytes = this.files.get(uri);
          return bytes ? { bytes } : null;
        }
      }
      const crawlOf = async (disk: WorkspaceFileSystem) => {
        const log: string[] = [];
        const idx = new WorkspaceIndex(DEFAULT_SETTINGS.terms, '2024-12-20');
        const ix = new Indexer({ fs: disk, index: idx, log: (m) => log.push(m) });
        await ix.addFolders([FOLDER]);
        return { files: [...idx.uris()].sort().map((u) => idx.get(u)), skipped: [...ix.skipped.entries()].sort(), log };
      };
      const byPromise = () => crawlOf(new MemoryFileSystem(workspaceFiles()));

      it('after a quick first answer, the files past the reads already asked are read at once; the index is the same', async function () {
        const disk = new QuickDisk();
        const r = await crawlOf(disk);
        const total = disk.files.size;
        assert.ok(total > 20, String(total));
        // The first eight were asked before the first answer came; every later one is read at once.
        assert.strictEqual(disk.readsLater.length, 8);
        assert.strictEqual(disk.readsNow.length, total - 8);
        assert.strictEqual(new Set([...disk.readsLater, ...disk.readsNow]).size, total);
        const before = await byPromise();
        assert.deepStrictEqual(r.files, before.files);
        assert.deepStrictEqual(r.skipped, before.skipped);
        assert.deepStrictEqual(r.log.filter((m) => /read in the background/.test(m)), []);
      });

      it('a file too large to be read at once is read in the background; the index is the same', async function () {
        const large = ['official/ah-tk-20242025-605.txt', 'official/ah-tk-20242025-584.txt'];
        const disk = new QuickDisk(0, -1, large);
        const r = await crawlOf(disk);
        const total = disk.files.size;
        // Both come after the first eight, asked before the first answer.
        const asked = (name: string) => [...disk.files.keys()].sort().indexOf(`${FOLDER}/${name}`);
        assert.ok(large.every((name) => asked(name) >= 8), large.map(asked).join());
        assert.strictEqual(disk.readsLater.length, 8 + 2);
        assert.ok(large.every((name) => disk.readsLater.includes(`${FOLDER}/${name}`)));
        assert.strictEqual(disk.readsNow.length, total - 8);
        assert.deepStrictEqual(r.files, (await byPromise()).files);
        assert.ok(r.files.some((f) => f?.uri.endsWith('ah-tk-20242025-605.txt')));
      });

      it('a slow first answer (a remote disk): every read stays asynchronous', async function () {
        const disk = new QuickDisk(120);
        const r = await crawlOf(disk);
        assert.strictEqual(disk.readsNow.length, 0);
        assert.strictEqual(disk.readsLater.length, disk.files.size);
        assert.deepStrictEqual(r.files, (await byPromise()).files);
      });

      it('a read at once that blocks: a log line, and the rest is read asynchronously; the index is the same', async function () {
        const disk = new QuickDisk(0, 3);
        const r = await crawlOf(disk);
        assert.strictEqual(disk.readsNow.length, 3);
        assert.strictEqual(disk.readsLater.length, disk.files.size - 3);
        assert.strictEqual(r.log.filter((m) => /took \d+ ms; the rest of memfs:\/ws is read in the background/.test(m)).length, 1, r.log.join('\n'));
        assert.deepStrictEqual(r.files, (await byPromise()).files);
      });
    });

    it('reports progress up to the total and tells of changes while indexing', function () {
      const total = progress[progress.length - 1][1];
      assert.strictEqual(total, mem.files.size);
      assert.deepStrictEqual(progress[progress.length - 1], [total, total]);
      assert.deepStrictEqual(progress[0], [0, total]);
      assert.ok(changes > 0);
    });
  });

  describe('sets', function () {
    const setByZaak = (zaak: string) => index.sets().find((s) => s.zaak === zaak);

    it('merges the questions, the openkamer page and the answer of 2024Z18792', function () {
      const s = setByZaak('2024Z18792')!;
      assert.ok(s);
      assert.deepStrictEqual(s.documents.map((d) => [d.kind, d.uri.slice(FOLDER.length + 1)]), [
        ['answer', 'official/ah-tk-20242025-605.txt'],
        ['openkamer', 'openkamer/kv-2024Z18792.txt'],
        ['questions', 'official/kv-tk-2024Z18792.txt'],
      ]);
      assert.strictEqual(s.uri, uriOf('official/ah-tk-20242025-605.txt'), 'the answer is the primary file');
      assert.strictEqual(s.label, 'Kamervraag 2024Z18792');
      assert.strictEqual(s.title, 'De ontkoppeling van ontwikkelingshulp');
      assert.strictEqual(s.submitted, '2024-11-19');
      assert.strictEqual(s.answered, '2024-11-20');
      assert.strictEqual(s.state, 'answered');
      assert.strictEqual(s.deadline, '2024-12-10');
      assert.deepStrictEqual(s.submitters, ['Boswijk (CDA)']);
      assert.ok(s.publicationIds.includes('ah-tk-20242025-605') && s.publicationIds.includes('kv-tk-2024Z18792'), s.publicationIds.join());
      assert.deepStrictEqual([...s.ministries].sort(), ['Buitenlandse Handel en Ontwikkelingshulp', 'Financiën']);
    });

    it('merges the delay notice 562 (no zaak of its own; it names 2024Z16988) with the openkamer page: unanswered past the extended term is overdue', function () {
      const s = setByZaak('2024Z16988')!;
      assert.deepStrictEqual(s.documents.map((d) => d.kind), ['openkamer', 'notice']);
      assert.strictEqual(s.documents[1].uri, uriOf('official/ah-tk-20242025-562.txt'));
      assert.strictEqual(s.aanhangselNumber, 562);
      assert.strictEqual(s.deadline, '2024-12-06', 'six weeks after 25 October 2024');
      assert.strictEqual(s.state, 'overdue');
      assert.strictEqual(s.daysLate, 14);
    });

    it('the states follow the dates and today', async function () {
      const byLabel = new Map(index.sets().map((s) => [s.label, s]));
      assert.strictEqual(byLabel.get('ah-tk-20242025-584')!.state, 'late');
      assert.strictEqual(byLabel.get('ah-tk-20242025-584')!.daysLate, 31);
      assert.strictEqual(byLabel.get('Kamervraag 2024Z18885')!.state, 'overdue');
      // Earlier, on 1 December 2024, the same sets stand otherwise.
      const earlier = new WorkspaceIndex(DEFAULT_SETTINGS.terms, '2024-12-01');
      for (const uri of index.uris()) earlier.set(index.get(uri)!);
      const then = new Map(earlier.sets().map((s) => [s.label, s]));
      assert.strictEqual(then.get('Kamervraag 2024Z16988')!.state, 'delayed', 'notice given, six weeks not yet passed');
      assert.strictEqual(then.get('Kamervraag 2024Z18885')!.state, 'open', 'three weeks not yet passed');
      assert.strictEqual(then.get('ah-tk-20242025-584')!.state, 'late', 'an answer stays late');
    });

    it('filters by state and by ministry', function () {
      const late = index.sets({ states: ['late'] });
      assert.ok(late.length > 10);
      assert.ok(late.every((s) => s.state === 'late'));
      const ocw = index.sets({ ministry: 'onderwijs' });
      assert.ok(ocw.some((s) => s.label === 'ah-tk-20242025-584'));
      assert.ok(ocw.every((s) => s.ministries.some((m) => /Onderwijs/.test(m))), ocw.map((s) => s.ministries.join('/')).join('; '));
      const both = index.sets({ states: ['answered', 'late'], ministry: 'Binnenlandse Zaken' });
      assert.ok(both.some((s) => s.zaak === '2022Z09875'), 'openkamer answeredBy role, lower case');
      assert.ok(both.every((s) => s.state === 'answered' || s.state === 'late'));
    });

    it('lists the sets newest first', function () {
      const dates = index.sets().map((s) => s.submitted ?? s.answered ?? '').filter((d) => d);
      assert.deepStrictEqual(dates, [...dates].sort().reverse());
    });

    it('normalises ministries from the roles as printed', function () {
      assert.deepStrictEqual(ministriesOf('minister binnenlandse zaken en koninkrijksrelaties'), ['Binnenlandse Zaken en Koninkrijksrelaties']);
      assert.deepStrictEqual(ministriesOf('Ministers van Financiën en voor Buitenlandse Handel en Ontwikkelingshulp'), ['Buitenlandse Handel en Ontwikkelingshulp', 'Financiën']);
      assert.deepStrictEqual(ministriesOf('Staatssecretaris (Volksgezondheid, Welzijn en Sport)'), ['Volksgezondheid, Welzijn en Sport']);
      assert.deepStrictEqual(ministriesOf('Minister-President'), ['Algemene Zaken']);
      assert.deepStrictEqual(ministriesOf('en Staatssecretaris vanBinnenlandse Zaken en Koninkrijksrelaties'), ['Binnenlandse Zaken en Koninkrijksrelaties']);
    });
  });

  describe('changes', function () {
    it('a changed file changes only its set; a removed file leaves the set', async function () {
      const local = new MemoryFileSystem(workspaceFiles());
      const idx = new WorkspaceIndex(DEFAULT_SETTINGS.terms, '2024-12-20');
      const ix = new Indexer({ fs: local, index: idx });
      await ix.addFolders([FOLDER]);
      const before = idx.sets();
      const other = before.find((s) => s.label === 'ah-tk-20242025-584')!;
      const uri = uriOf('official/kv-tk-2024Z18885.txt');
      local.files.set(uri, new TextEncoder().encode(local.text('official/kv-tk-2024Z18885.txt').split('2024Z18885').join('2024Z18886')));
      const reads = local.reads;
      assert.ok(await ix.refresh(uri));
      assert.strictEqual(local.reads, reads + 1, 'one file read again');
      const after = idx.sets();
      assert.ok(after.some((s) => s.zaak === '2024Z18886'));
      assert.deepStrictEqual(after.find((s) => s.zaak === '2024Z18885')!.documents.map((d) => d.kind), ['openkamer']);
      assert.deepStrictEqual(after.find((s) => s.label === 'ah-tk-20242025-584'), other, 'other sets unchanged');
      local.files.delete(uri);
      assert.ok(ix.remove(uri));
      assert.ok(!idx.sets().some((s) => s.zaak === '2024Z18886'));
      assert.strictEqual(idx.sets().length, before.length);
    });

    it('multi-root: the files of two folders merge into sets; removing a folder removes its files', async function () {
      const two = new Map<string, Uint8Array>();
      const files = workspaceFiles();
      two.set('a/official/ah-tk-20242025-584.txt', files.get('official/ah-tk-20242025-584.txt')!);
      two.set('b/openkamer/kv-2024Z18792.txt', files.get('openkamer/kv-2024Z18792.txt')!);
      two.set('b/official/ah-tk-20242025-605.txt', files.get('official/ah-tk-20242025-605.txt')!);
      const idx = new WorkspaceIndex(DEFAULT_SETTINGS.terms, '2024-12-20');
      const ix = new Indexer({ fs: new MemoryFileSystem(two), index: idx });
      await ix.addFolders([`${FOLDER}/a`, `${FOLDER}/b`]);
      assert.deepStrictEqual(idx.sets().map((x) => x.label), ['Kamervraag 2024Z18792', 'ah-tk-20242025-584']);
      assert.deepStrictEqual(idx.sets()[0].documents.map((d) => d.kind), ['answer', 'openkamer']);
      ix.removeFolder(`${FOLDER}/b`);
      assert.deepStrictEqual(idx.sets().map((x) => x.label), ['ah-tk-20242025-584']);
      assert.deepStrictEqual(ix.workspaceFolders(), [`${FOLDER}/a`]);
    });

    it('the sets kept up to date file by file equal the sets of a fresh index, in whatever order the files come and go', function () {
      const all = [...index.uris()].map((u) => index.get(u)!);
      const fresh = new WorkspaceIndex(DEFAULT_SETTINGS.terms, '2024-12-20');
      for (const f of all) fresh.set(f);
      const shuffled = new WorkspaceIndex(DEFAULT_SETTINGS.terms, '2024-12-20');
      // Reverse order, each answer first without the files that name it, then removed and added again.
      for (const f of [...all].reverse()) shuffled.set(f);
      for (const f of all.filter((x) => x.kind === 'openkamer' || x.kind === 'questions')) shuffled.delete(f.uri);
      for (const f of all.filter((x) => x.kind === 'openkamer' || x.kind === 'questions')) shuffled.set(f);
      for (const f of all.filter((x) => x.kind === 'answer' || x.kind === 'notice').slice(0, 20)) {
        shuffled.delete(f.uri);
        shuffled.set(f);
      }
      assert.deepStrictEqual(shuffled.sets(), fresh.sets());
      assert.deepStrictEqual(fresh.sets(), index.sets());
      assert.strictEqual(shuffled.setCount, fresh.sets().length);
    });

    it('a removed workspace folder takes its files along', async function () {
      const idx = new WorkspaceIndex(DEFAULT_SETTINGS.terms, '2024-12-20');
      const ix = new Indexer({ fs: new MemoryFileSystem(workspaceFiles()), index: idx });
      await ix.addFolders([FOLDER]);
      assert.ok(idx.size > 80);
      ix.removeFolder(FOLDER);
      assert.strictEqual(idx.size, 0);
    });
  });

  describe('search (workspace/symbol)', function () {
    const labels = (q: string) => index.search(q).map((f) => f.uri.slice(FOLDER.length + 1));
    it('by zaak number: the files of the set', function () {
      assert.deepStrictEqual(labels('2024Z18792').sort(), ['official/ah-tk-20242025-605.txt', 'official/kv-tk-2024Z18792.txt', 'openkamer/kv-2024Z18792.txt']);
    });
    it('by publication id and by Aanhangsel number', function () {
      assert.deepStrictEqual(labels('ah-tk-20242025-584'), ['official/ah-tk-20242025-584.txt']);
      assert.ok(labels('ah 562').includes('official/ah-tk-20242025-562.txt'));
    });
    it('by the publication id of a Word conversion that prints only `AH 605`: the official file name says it', function () {
      // The openkamer page of the set lists the answer's id too.
      assert.deepStrictEqual(labels('ah-tk-20242025-605').sort(), ['official/ah-tk-20242025-605.txt', 'openkamer/kv-2024Z18792.txt']);
      // The same text under another name is not that publication.
      const a = analyze(mem.text('official/ah-tk-20242025-605.txt'));
      assert.strictEqual(a.metadata.vergaderjaar, null, 'the text itself gives no session');
      assert.deepStrictEqual(summarize(`${FOLDER}/antwoord.kamervraag`, a).ownPublicationIds, []);
      assert.deepStrictEqual(summarize(`${FOLDER}/official/ah-tk-20242025-605.txt`, a).ownPublicationIds, ['ah-tk-20242025-605']);
      assert.strictEqual(publicationIdOfName('kv-tk-2024Z18792.txt'), 'kv-tk-2024Z18792');
      assert.strictEqual(publicationIdOfName('ah-tk-20242025-605%2.txt'), null);
    });
    it('by title words, submitter and addressee', function () {
      assert.deepStrictEqual(labels('capaciteitsfixus'), ['official/ah-tk-20242025-584.txt']);
      assert.ok(labels('martens-america').includes('official/ah-tk-20242025-584.txt'));
      assert.ok(labels('van der plas signal').includes('openkamer/kv-2022Z09875.txt'));
      assert.ok(labels('onderwijs cultuur').includes('official/ah-tk-20242025-584.txt'));
    });
    it('by date, in ISO or in words', function () {
      assert.ok(labels('2024-09-27').includes('official/ah-tk-20242025-584.txt'));
      assert.ok(labels('27 september 2024').includes('official/ah-tk-20242025-584.txt'));
      assert.ok(labels('27-09-2024').includes('official/ah-tk-20242025-584.txt'));
      assert.ok(!labels('28 september 2024').includes('official/ah-tk-20242025-584.txt'));
    });
    it('nothing for a query nothing holds', function () {
      assert.deepStrictEqual(labels('zzzzqqqq'), []);
    });
  });

  describe('cross-file definition, hover, references', function () {
    const ctx = { locale: 'nl' as const, settings: DEFAULT_SETTINGS };
    const open = (rel: string) => analyze(mem.text(rel));

    it('`antwoord 2` in «Antwoord op vragen van het lid Van der Plas over …» goes to answer 2 of that earlier set', function () {
      const a = open('openkamer/kv-2022Z09875.txt');
      const links = crossFileDefinition(a, positionIn(a, 'antwoord 2, stelt', 2), uriOf('openkamer/kv-2022Z09875.txt'), index);
      assert.ok(links && links.length === 1, JSON.stringify(links));
      assert.strictEqual(links[0].targetUri, uriOf(SIGNAL_EARLIER));
      const target = mem.text(SIGNAL_EARLIER);
      // Answer 2 of the earlier set: the answer block after `Vraag 2`.
      const answer2 = lineText(target, links[0].targetSelectionRange.start.line);
      assert.match(answer2, /Het verwerken en archiveren van berichten/);
    });

    it('`het antwoord op vraag 3 in de brief van 25 februari 2022` goes to answer 3 of the set answered that day', function () {
      const a = open('openkamer/kv-2022Z09875.txt');
      const links = crossFileDefinition(a, positionIn(a, 'het antwoord op vraag 3 in de brief8', 'het antwoord op vraag '.length), uriOf('openkamer/kv-2022Z09875.txt'), index);
      assert.ok(links && links.length === 1, JSON.stringify(links));
      assert.strictEqual(links[0].targetUri, uriOf(SIGNAL_EARLIER));
      assert.match(lineText(mem.text(SIGNAL_EARLIER), links[0].targetSelectionRange.start.line), /Zoals ook aangegeven in mijn brief/);
    });

    it('a letter that is the answer to another set (same date, same submitter) goes to that set', function () {
      const a = open('openkamer/kv-2022Z09875.txt');
      const links = crossFileDefinition(a, positionIn(a, 'brief4 van 25 februari', 1), uriOf('openkamer/kv-2022Z09875.txt'), index);
      assert.ok(links && links.length === 1, JSON.stringify(links));
      assert.strictEqual(links[0].targetUri, uriOf(SIGNAL_EARLIER));
      assert.strictEqual(lineText(mem.text(SIGNAL_EARLIER), links[0].targetSelectionRange.start.line), 'Kamervraag 2022Z01234');
    });

    it('a letter mention kept by the next version of its text links by the words of that version', function () {
      // The words that tie the letter to the earlier set (`Van der Plas`, `Signal`) stand on the line after the mention, within
      // the 240 characters read after it but more than the 40 tokens the letter grammar reads: an edit there keeps the mention.
      const uri = `${FOLDER}/drafts/kv-2099Z00001.kamervraag`;
      const v1 = `Vraag 1\nHoe zit het?\n\nAntwoord 1\nZie mijn brief van 25 februari 2022 ${'a, '.repeat(25)}\nin antwoord op vragen van het lid Van der Plas over het gebruik van Signal.\n`;
      const v2 = v1.replace('van het lid Van der Plas over het gebruik van Signal', 'van een ander lid over iets anders');
      const a1 = analyze(v1);
      const links = crossFileDefinition(a1, positionIn(a1, 'brief van 25', 1), uri, index);
      assert.ok(links && links.length === 1 && links[0].targetUri === uriOf(SIGNAL_EARLIER), JSON.stringify(links));
      const a2 = analyze(v2);
      assert.strictEqual(a2.letters[0].mentions[0], a1.letters[0].mentions[0], 'the mention is the object of the version before');
      assert.strictEqual(crossFileDefinition(a2, positionIn(a2, 'brief van 25', 1), uri, index), null);
      assert.strictEqual(crossFileDefinition(analyze(` ${v2}`), positionIn(analyze(` ${v2}`), 'brief van 25', 1), uri, index), null, 'as a fresh analysis');
    });

    it('a letter of another date does not link (no set answered then)', function () {
      const a = open('openkamer/kv-2022Z09875.txt');
      assert.strictEqual(crossFileDefinition(a, positionIn(a, 'brief van 29 juni 2022', 1), uriOf('openkamer/kv-2022Z09875.txt'), index), null);
    });

    it('two sets that match equally well: no link (a wrong link is worse than none)', async function () {
      const files = workspaceFiles();
      const twin = new TextDecoder().decode(files.get(SIGNAL_EARLIER)!).split('2022Z01234').join('2022Z01235');
      files.set('variants/kv-2022Z01235.kamervraag', new TextEncoder().encode(twin));
      const idx = new WorkspaceIndex(DEFAULT_SETTINGS.terms, '2024-12-20');
      await new Indexer({ fs: new MemoryFileSystem(files), index: idx }).addFolders([FOLDER]);
      const a = open('openkamer/kv-2022Z09875.txt');
      const uri = uriOf('openkamer/kv-2022Z09875.txt');
      assert.strictEqual(crossFileDefinition(a, positionIn(a, 'antwoord 2, stelt', 2), uri, idx), null);
      assert.strictEqual(crossFileDefinition(a, positionIn(a, 'brief4 van 25 februari', 1), uri, idx), null);
      // Both twins are still found by their zaak numbers.
      assert.strictEqual(idx.search('2022Z01235').length, 1);
    });

    it('`kenmerk 2024Z16988` goes to the files of that set, the openkamer page first', function () {
      const a = open(CITING_699);
      const links = crossFileDefinition(a, positionIn(a, '2024Z16988', 3), uriOf(CITING_699), index);
      assert.ok(links, 'linked');
      assert.deepStrictEqual(links.map((l) => l.targetUri), [uriOf('openkamer/kv-2024Z16988.txt'), uriOf('official/ah-tk-20242025-562.txt')]);
      assert.strictEqual(lineText(mem.text('openkamer/kv-2024Z16988.txt'), links[0].targetSelectionRange.start.line), 'Kamervraag 2024Z16988');
    });

    it('`Aanhangsel Handelingen, vergaderjaar 2024–2025, nr. 337` goes to that publication', function () {
      const a = open('official/ah-tk-20242025-584.txt');
      const links = crossFileDefinition(a, positionIn(a, 'nr. 337', 5), uriOf('official/ah-tk-20242025-584.txt'), index);
      assert.ok(links && links.length === 1, JSON.stringify(links));
      assert.strictEqual(links[0].targetUri, uriOf(AH_337));
    });

    it('hover on a linked citation names the set in the workspace', function () {
      const a = open(CITING_699);
      const lines = crossFileHover(a, positionIn(a, '2024Z16988', 3), uriOf(CITING_699), index, ctx);
      assert.match(lines[0], /In de werkruimte/);
      assert.match(lines[0], /Kamervraag 2024Z16988/);
      assert.match(lines.join('\n'), /Van den Hil \(VVD\), Bikker \(ChristenUnie\)/);
    });

    it('references on a set\'s header: every file that cites it', function () {
      const a = open(SIGNAL_EARLIER);
      const refs = crossFileReferences(a, positionIn(a, '2022Z01234', 2), uriOf(SIGNAL_EARLIER), index, false);
      assert.ok(refs, 'references');
      const citing = refs.filter((r) => r.uri === uriOf('openkamer/kv-2022Z09875.txt')).map((r) => lineText(mem.text('openkamer/kv-2022Z09875.txt'), r.range.start.line).trim().slice(0, 40));
      assert.ok(citing.some((l) => l.startsWith('Klopt het dat u in «Antwoord op vragen')), citing.join(' | '));
      assert.ok(citing.some((l) => l.startsWith('Zoals ook aangegeven in mijn brief4')), citing.join(' | '));
      assert.ok(citing.some((l) => l.startsWith('Zoals ook aangegeven in het antwoord op')), citing.join(' | '));
      assert.ok(refs.every((r) => r.uri !== uriOf(SIGNAL_EARLIER)), 'no declaration asked');

      const b = open('openkamer/kv-2024Z16988.txt');
      const onHeader = crossFileReferences(b, { line: 0, character: 14 }, uriOf('openkamer/kv-2024Z16988.txt'), index, true)!;
      const uris = onHeader.map((r) => r.uri);
      assert.ok(uris.includes(uriOf('official/ah-tk-20242025-562.txt')), 'the declaration: the set\'s files');
      const cite = onHeader.find((r) => r.uri === uriOf(CITING_699));
      assert.ok(cite, 'the citing answer');
      assert.ok(lineText(mem.text(CITING_699), cite.range.start.line).includes(CITED_SENTENCE));
    });
  });

  describe('timeline', function () {
    it('of the sample: submission, terms, notice, letters, the debate, the answer, in date order, with ranges', function () {
      const text = mem.text('openkamer/kv-2022Z09875.txt');
      const a = analyze(text);
      const uri = uriOf('openkamer/kv-2022Z09875.txt');
      const tl = timeline(uri, a, index.setOf(uri)!.summary, DEFAULT_SETTINGS.terms, '2024-12-20', 'nl');
      assert.strictEqual(tl.state, 'late');
      const find = (kind: string, date: string) => tl.events.find((e) => e.kind === kind && e.date === date);
      assert.strictEqual(lineText(text, find('submitted', '2022-05-19')!.range!.start.line), 'Ingediend 19 mei 2022');
      assert.strictEqual(find('term-regular', '2022-06-09')!.range, null);
      assert.strictEqual(find('term-extended', '2022-06-30')!.range, null);
      assert.ok(find('notice', '2022-05-24'), 'the delay notice');
      assert.strictEqual(find('letter', '2022-05-18')!.label, 'Brief van 18 mei 2022');
      assert.ok(find('letter', '2022-02-25'));
      assert.match(lineText(text, find('answered', '2022-07-18')!.range!.start.line), /^Beantwoord 18 juli 2022/);
      const debate = tl.events.find((e) => e.kind === 'debate' && e.date === '2022-05-19');
      assert.ok(debate, tl.events.map((e) => `${e.date} ${e.kind}`).join(', '));
      assert.match(text.split(/\r?\n/)[debate.range!.start.line], /debat/);
      const ruling = tl.events.find((e) => e.kind === 'ruling');
      assert.ok(ruling && ruling.date === '2019-03-20', 'the ruling of the Raad van State of 20 March 2019');
      const dates = tl.events.map((e) => e.date);
      assert.deepStrictEqual(dates, [...dates].sort());
    });

    it('of the questions of 2024Z18792: the answer date from the answer file, without a range; English labels', function () {
      const uri = uriOf('official/kv-tk-2024Z18792.txt');
      const tl = timeline(uri, analyze(mem.text('official/kv-tk-2024Z18792.txt')), index.setOf(uri)!.summary, DEFAULT_SETTINGS.terms, '2024-12-20', 'en');
      const answered = tl.events.find((e) => e.kind === 'answered');
      assert.deepStrictEqual(answered, { date: '2024-11-20', kind: 'answered', label: 'Answered', range: null });
      assert.strictEqual(tl.events.find((e) => e.kind === 'submitted')!.label, 'Submitted');
      assert.strictEqual(tl.title, 'De ontkoppeling van ontwikkelingshulp');
      assert.strictEqual(tl.state, 'answered');
    });

    it('of the questions of 2024Z18792 with the answer file: the answer and the letter it cites come with that file and their ranges', function () {
      const uri = uriOf('official/kv-tk-2024Z18792.txt');
      const answerUri = uriOf('official/ah-tk-20242025-605.txt');
      const answerText = mem.text('official/ah-tk-20242025-605.txt');
      const set = index.setOf(uri)!.summary;
      assert.ok(set.documents.some((d) => d.uri === answerUri));
      const questions = analyze(mem.text('official/kv-tk-2024Z18792.txt'));
      const alone = timeline(uri, questions, set, DEFAULT_SETTINGS.terms, '2024-12-20', 'nl');
      const merged = timeline(uri, questions, set, DEFAULT_SETTINGS.terms, '2024-12-20', 'nl', [{ uri: answerUri, analysis: analyze(answerText) }]);
      const answered = merged.events.find((e) => e.kind === 'answered')!;
      assert.strictEqual(answered.uri, answerUri, 'the event says which file it comes from');
      assert.strictEqual(answered.date, '2024-11-20');
      assert.match(lineText(answerText, answered.range!.start.line), /20 november 2024/);
      const letter = merged.events.find((e) => e.kind === 'letter')!;
      assert.deepStrictEqual([letter.date, letter.label, letter.uri], ['2024-10-29', 'Brief van 29 oktober 2024', answerUri]);
      assert.ok(!merged.events.some((e) => e.kind === 'date' && e.date === '2024-10-29'), 'no bare date beside the letter of that day');
      // The requested file's own events keep no uri, and every described event of the questions alone is still there:
      // of those with a place in the file, only the submission (`ingezonden 19 november 2024`, line 7).
      const described = alone.events.filter((x) => x.range !== null && x.kind !== 'date');
      assert.deepStrictEqual(described.map((e) => [e.date, e.kind, e.range!.start.line]), [['2024-11-19', 'submitted', 6]]);
      for (const e of described) {
        const same = merged.events.find((m) => m.kind === e.kind && m.date === e.date && m.label === e.label);
        assert.ok(same, `${e.date} ${e.kind} ${e.label}`);
        assert.strictEqual(same.uri, undefined);
      }
      const dates = merged.events.map((e) => e.date);
      assert.deepStrictEqual(dates, [...dates].sort());
    });

    it('an undescribed date is labelled with the words before it; a written consultation is no debate', function () {
      const uri = uriOf('official/ah-tk-20242025-562.txt');
      const tl = timeline(uri, analyze(mem.text('official/ah-tk-20242025-562.txt')), index.setOf(uri)!.summary, DEFAULT_SETTINGS.terms, '2024-12-20', 'nl');
      const april = tl.events.find((e) => e.date === '2024-04-04')!;
      assert.strictEqual(april.kind, 'date', 'a report after a schriftelijk overleg, not a debate');
      assert.strictEqual(april.label, '…het rapport MINDonderzoek wachttijden ggz van 4 april 2024');
      // A footnote text's number is not part of its words.
      const nos = tl.events.find((e) => e.date === '2024-10-22')!;
      assert.strictEqual(nos.label, 'NOS, 22 oktober 2024');
    });
  });
});
