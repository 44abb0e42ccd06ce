// The workspace index over the protocol: a folder on disk read by the server
// itself (no client file system, as for Neovim or Helix); a client that
// answers kamervraag/findFiles and kamervraag/readFile (a virtual workspace);
// sets, timeline, cross-file definition, references on a set's header,
// workspace/symbol, progress, indexChanged, and updates from the file watcher.

import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import {
  DefinitionRequest,
  HoverRequest,
  ReferencesRequest,
  WorkspaceSymbolRequest,
  type Location,
  type LocationLink,
  type SymbolInformation,
  type WorkspaceSymbol,
} from 'vscode-languageserver-protocol/node';
import {
  FIND_FILES_REQUEST,
  INDEX_CHANGED_NOTIFICATION,
  READ_FILE_REQUEST,
  SETS_REQUEST,
  TIMELINE_REQUEST,
  type FindFilesParams,
  type IndexChangedParams,
  type ReadFileParams,
  type SetSummary,
  type Timeline,
} from '../../server/src/protocol';
import { hoverText, lineOf, positionIn, Session, type Notification } from './harness';
import { AH_337, CITED_SENTENCE, CITING_699, SIGNAL_EARLIER, SKIPPED, workspaceFiles } from '../unit/workspaceFixture';

const TODAY = '2024-12-20';

function isDone(n: Notification): boolean {
  return n.method === INDEX_CHANGED_NOTIFICATION && (n.params as IndexChangedParams).indexing === false;
}

function writeWorkspace(dir: string): void {
  for (const [rel, bytes] of workspaceFiles()) {
    const full = path.join(dir, ...rel.split('/'));
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, bytes);
  }
}

describe('protocol: workspace index', function () {
  describe('a folder on disk, read by the server itself', function () {
    let dir: string;
    let folder: string;
    let s: Session;
    const uri = (rel: string) => `${folder}/${rel}`;
    const text = (rel: string) => fs.readFileSync(path.join(dir, ...rel.split('/')), 'latin1');

    before(async function () {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kamervraag-ws-'));
      writeWorkspace(dir);
      folder = pathToFileURL(dir).toString();
      s = await Session.start({ workspaceFolders: [folder], initializationOptions: { today: TODAY }, workspaceCapabilities: true });
      await s.waitForNotification(isDone);
    });

    after(async function () {
      await s?.shutdown();
      if (dir) fs.rmSync(dir, { recursive: true, force: true });
    });

    it('shows progress: begin, reports, end', function () {
      const progress = s.notifications.filter((n) => n.method === '$/progress').map((n) => (n.params as { value: { kind: string } }).value.kind);
      assert.strictEqual(progress[0], 'begin');
      assert.strictEqual(progress[progress.length - 1], 'end');
    });

    it('registers a file watcher for the candidate files, and for deletions of anything (folders)', function () {
      const w = s.registrations.find((r) => r.method === 'workspace/didChangeWatchedFiles');
      assert.ok(w, JSON.stringify(s.registrations));
      const watchers = (w.registerOptions as { watchers: { globPattern: string; kind?: number }[] }).watchers;
      assert.deepStrictEqual(watchers, [{ globPattern: '**/*.kamervraag' }, { globPattern: '**/*.kv.txt' }, { globPattern: '**/*.txt' }, { globPattern: '**/*.pdf' }, { globPattern: '**/*.docx' }, { globPattern: '**/*', kind: 4 }]);
    });

    it('indexChanged at the end names the number of sets', async function () {
      const done = s.notifications.filter(isDone).pop()!.params as IndexChangedParams;
      const sets = await s.requestRaw<SetSummary[]>(SETS_REQUEST, {});
      assert.strictEqual(done.sets, sets.length);
      assert.ok(sets.length > 80, String(sets.length));
    });

    it('kamervraag/sets: merged sets with their states; filters', async function () {
      const sets = await s.requestRaw<SetSummary[]>(SETS_REQUEST, {});
      const bho = sets.find((x) => x.zaak === '2024Z18792')!;
      assert.strictEqual(bho.uri, uri('official/ah-tk-20242025-605.txt'));
      assert.deepStrictEqual(bho.documents.map((d) => d.kind), ['answer', 'openkamer', 'questions']);
      assert.strictEqual(bho.state, 'answered');
      const ggz = sets.find((x) => x.zaak === '2024Z16988')!;
      assert.strictEqual(ggz.state, 'overdue', `today is ${TODAY}`);
      assert.ok(!sets.some((x) => x.documents.some((d) => d.uri === uri(SKIPPED.binary) || d.uri === uri(SKIPPED.notKamervraag))));
      const late = await s.requestRaw<SetSummary[]>(SETS_REQUEST, { states: ['late'], ministry: 'justitie' });
      assert.ok(late.length > 0);
      assert.ok(late.every((x) => x.state === 'late' && x.ministries.includes('Justitie en Veiligheid')));
    });

    it('kamervraag/timeline of a file that is not open: events with ranges into it', async function () {
      const tl = await s.requestRaw<Timeline>(TIMELINE_REQUEST, { uri: uri('official/ah-tk-20242025-584.txt') });
      assert.strictEqual(tl.state, 'late');
      const submitted = tl.events.find((e) => e.kind === 'submitted')!;
      assert.strictEqual(submitted.date, '2024-09-27');
      assert.match(lineOf(text('official/ah-tk-20242025-584.txt'), submitted.range!.start.line), /ingezonden/);
      assert.deepStrictEqual(tl.events.filter((e) => e.kind.startsWith('term')).map((e) => [e.kind, e.date, e.range]), [['term-regular', '2024-10-18', null], ['term-extended', '2024-11-08', null]]);
      const answered = tl.events.find((e) => e.kind === 'answered')!;
      assert.strictEqual(answered.date, '2024-11-18');
      assert.match(lineOf(text('official/ah-tk-20242025-584.txt'), answered.range!.start.line), /ontvangen/);
      assert.strictEqual(await s.requestRaw(TIMELINE_REQUEST, { uri: `${folder}/nothing-here.kamervraag` }), null);
    });

    it('kamervraag/timeline of the questions 2024Z18792: the answer comes from the answer file, with that file and its range', async function () {
      const tl = await s.requestRaw<Timeline>(TIMELINE_REQUEST, { uri: uri('official/kv-tk-2024Z18792.txt') });
      const answered = tl.events.find((e) => e.kind === 'answered')!;
      assert.strictEqual(answered.uri, uri('official/ah-tk-20242025-605.txt'));
      assert.match(lineOf(text('official/ah-tk-20242025-605.txt'), answered.range!.start.line), /20 november 2024/);
      assert.strictEqual(tl.events.find((e) => e.kind === 'submitted')!.uri, undefined, 'the submission from the requested file itself');
    });

    it('definition from an open document into a closed file: `antwoord 2` of the earlier set', async function () {
      const rel = 'openkamer/kv-2022Z09875.txt';
      const t = text(rel);
      // The editor's copy is the text on disk (UTF-8 read as such).
      const utf8 = fs.readFileSync(path.join(dir, ...rel.split('/')), 'utf8');
      await s.openDocument(uri(rel), utf8);
      const links = (await s.request(DefinitionRequest.type, { textDocument: { uri: uri(rel) }, position: positionIn(utf8, 'antwoord 2, stelt', 2) })) as LocationLink[];
      assert.ok(Array.isArray(links) && links.length === 1, JSON.stringify(links));
      assert.strictEqual(links[0].targetUri, uri(SIGNAL_EARLIER));
      assert.match(lineOf(fs.readFileSync(path.join(dir, ...SIGNAL_EARLIER.split('/')), 'utf8'), links[0].targetSelectionRange.start.line), /Het verwerken en archiveren/);
      // In-document definitions still work.
      const inside = (await s.request(DefinitionRequest.type, { textDocument: { uri: uri(rel) }, position: positionIn(utf8, 'antwoord op vraag 1 genoemde', 'antwoord op vraag '.length) })) as LocationLink[];
      assert.strictEqual(inside[0].targetUri, uri(rel));
      assert.ok(t.length > 0);
    });

    it('hover on `kenmerk 2024Z16988` names the set; references on its header list the citing file', async function () {
      const citing = fs.readFileSync(path.join(dir, ...CITING_699.split('/')), 'utf8');
      await s.openDocument(uri(CITING_699), citing);
      const h = await s.request(HoverRequest.type, { textDocument: { uri: uri(CITING_699) }, position: positionIn(citing, '2024Z16988', 3) });
      assert.match(hoverText(h), /In de werkruimte/);
      const target = fs.readFileSync(path.join(dir, 'openkamer', 'kv-2024Z16988.txt'), 'utf8');
      await s.openDocument(uri('openkamer/kv-2024Z16988.txt'), target);
      const refs = (await s.request(ReferencesRequest.type, { textDocument: { uri: uri('openkamer/kv-2024Z16988.txt') }, position: { line: 0, character: 14 }, context: { includeDeclaration: true } })) as Location[];
      const cite = refs.find((r) => r.uri === uri(CITING_699));
      assert.ok(cite, JSON.stringify(refs));
      assert.ok(lineOf(citing, cite.range.start.line).includes(CITED_SENTENCE));
      assert.ok(refs.some((r) => r.uri === uri('official/ah-tk-20242025-562.txt')), 'the notice of the same set, as declaration');
    });

    it('workspace/symbol by zaak, title word, submitter and date', async function () {
      const search = async (query: string) => ((await s.request(WorkspaceSymbolRequest.type, { query })) ?? []) as (SymbolInformation | WorkspaceSymbol)[];
      const uris = async (q: string) => (await search(q)).map((x) => x.location.uri);
      assert.ok((await uris('2024Z18792')).includes(uri('official/kv-tk-2024Z18792.txt')));
      assert.deepStrictEqual(await uris('capaciteitsfixus'), [uri('official/ah-tk-20242025-584.txt')]);
      assert.ok((await uris('Martens-America')).includes(uri('official/ah-tk-20242025-584.txt')));
      assert.ok((await uris('27 september 2024')).includes(uri('official/ah-tk-20242025-584.txt')));
      const one = (await search('capaciteitsfixus'))[0];
      assert.match(one.name, /^ah-tk-20242025-584 — De capaciteitsfixus/);
      assert.match(one.containerName ?? '', /Martens-America \(VVD\)/);
      assert.ok((await uris(AH_337.slice(9, 27))).includes(uri(AH_337)));
    });

    it('the watcher: a new file joins, a deleted one leaves, indexChanged each time', async function () {
      const rel = 'new/kv-2024Z18555.kamervraag';
      const full = path.join(dir, 'new', 'kv-2024Z18555.kamervraag');
      fs.mkdirSync(path.dirname(full), { recursive: true });
      fs.writeFileSync(full, fs.readFileSync(path.join(dir, 'openkamer', 'kv-2024Z18885.txt'), 'utf8').split('2024Z18885').join('2024Z18555'));
      const before = s.notifications.length;
      await s.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uri(rel), type: 1 }] });
      await s.waitForNotification((n) => s.notifications.indexOf(n) >= before && n.method === INDEX_CHANGED_NOTIFICATION);
      let sets = await s.requestRaw<SetSummary[]>(SETS_REQUEST, {});
      assert.ok(sets.some((x) => x.zaak === '2024Z18555'));
      fs.rmSync(full);
      const mid = s.notifications.length;
      await s.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uri(rel), type: 3 }] });
      await s.waitForNotification((n) => s.notifications.indexOf(n) >= mid && n.method === INDEX_CHANGED_NOTIFICATION);
      sets = await s.requestRaw<SetSummary[]>(SETS_REQUEST, {});
      assert.ok(!sets.some((x) => x.zaak === '2024Z18555'));
    });

    it('the watcher: a deleted folder takes its files along (one event for the folder)', async function () {
      const sub = path.join(dir, 'gone');
      fs.mkdirSync(sub);
      fs.writeFileSync(path.join(sub, 'kv-2024Z18556.kamervraag'), fs.readFileSync(path.join(dir, 'openkamer', 'kv-2024Z18885.txt'), 'utf8').split('2024Z18885').join('2024Z18556'));
      const before = s.notifications.length;
      await s.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: `${folder}/gone/kv-2024Z18556.kamervraag`, type: 1 }] });
      await s.waitForNotification((n) => s.notifications.indexOf(n) >= before && n.method === INDEX_CHANGED_NOTIFICATION);
      assert.ok((await s.requestRaw<SetSummary[]>(SETS_REQUEST, {})).some((x) => x.zaak === '2024Z18556'));
      fs.rmSync(sub, { recursive: true });
      const mid = s.notifications.length;
      await s.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: `${folder}/gone`, type: 3 }] });
      await s.waitForNotification((n) => s.notifications.indexOf(n) >= mid && n.method === INDEX_CHANGED_NOTIFICATION);
      assert.ok(!(await s.requestRaw<SetSummary[]>(SETS_REQUEST, {})).some((x) => x.zaak === '2024Z18556'));
    });

    it('a workspace folder added later is indexed; removed, its sets leave', async function () {
      const second = fs.mkdtempSync(path.join(os.tmpdir(), 'kamervraag-ws2-'));
      try {
        const copy = fs.readFileSync(path.join(dir, 'official', 'ah-tk-20242025-584.txt'), 'utf8').replace('\n584\n', '\n1584\n');
        fs.writeFileSync(path.join(second, 'ah-tk-20242025-1584.txt'), copy);
        const folder2 = pathToFileURL(second).toString();
        const before = s.notifications.length;
        await s.notify('workspace/didChangeWorkspaceFolders', { event: { added: [{ uri: folder2, name: 'second' }], removed: [] } });
        await s.waitForNotification((n) => s.notifications.indexOf(n) >= before && isDone(n));
        let sets = await s.requestRaw<SetSummary[]>(SETS_REQUEST, {});
        assert.ok(sets.some((x) => x.label === 'ah-tk-20242025-1584'), 'the second folder\'s set');
        assert.ok(sets.some((x) => x.label === 'ah-tk-20242025-584'), 'the first folder\'s sets stay');
        const mid = s.notifications.length;
        await s.notify('workspace/didChangeWorkspaceFolders', { event: { added: [], removed: [{ uri: folder2, name: 'second' }] } });
        await s.waitForNotification((n) => s.notifications.indexOf(n) >= mid && n.method === INDEX_CHANGED_NOTIFICATION);
        sets = await s.requestRaw<SetSummary[]>(SETS_REQUEST, {});
        assert.ok(!sets.some((x) => x.label === 'ah-tk-20242025-1584'));
      } finally {
        fs.rmSync(second, { recursive: true, force: true });
      }
    });

    it('other terms in the settings move the states; indexChanged tells', async function () {
      const before = s.notifications.length;
      await s.changeSettings(() => ({ terms: { regularDays: 60, extendedDays: 90 } }));
      await s.waitForNotification((n) => s.notifications.indexOf(n) >= before && n.method === INDEX_CHANGED_NOTIFICATION);
      const sets = await s.requestRaw<SetSummary[]>(SETS_REQUEST, {});
      const s584 = sets.find((x) => x.label === 'ah-tk-20242025-584')!;
      assert.strictEqual(s584.state, 'answered', '52 days is within 60');
      assert.strictEqual(s584.deadline, '2024-11-26');
      await s.changeSettings(() => ({}));
    });

    it('malformed parameters: an empty filter, a null timeline, no crash', async function () {
      const all = await s.requestRaw<SetSummary[]>(SETS_REQUEST, {});
      assert.strictEqual((await s.requestRaw<SetSummary[]>(SETS_REQUEST, { states: 'late', ministry: 42 })).length, all.length);
      assert.strictEqual((await s.requestRaw<SetSummary[]>(SETS_REQUEST, null)).length, all.length);
      assert.deepStrictEqual(await s.requestRaw<SetSummary[]>(SETS_REQUEST, { states: ['nonsense'] }), []);
      assert.strictEqual(await s.requestRaw(TIMELINE_REQUEST, { uri: 42 }), null);
      assert.strictEqual(await s.requestRaw(TIMELINE_REQUEST, null), null);
      await s.notify('workspace/didChangeWatchedFiles', { changes: [null, { uri: 7, type: 1 }, { uri: `${folder}/missing.kamervraag`, type: 2 }] });
      assert.ok(Array.isArray(await s.requestRaw(SETS_REQUEST, {})));
    });

    it('logged no errors', function () {
      assert.deepStrictEqual(s.errorLogs(), []);
    });
  });

  describe('a virtual workspace through the client\'s file system', function () {
    let s: Session;
    const FOLDER = 'vscode-vfs://github/kamervraag/corpus';
    const files = new Map<string, Uint8Array>();

    before(async function () {
      for (const [rel, bytes] of workspaceFiles()) files.set(`${FOLDER}/${rel}`, bytes);
      s = await Session.start({
        locale: 'en',
        workspaceFolders: [FOLDER],
        initializationOptions: { fileSystem: true, today: TODAY },
        handlers: {
          [FIND_FILES_REQUEST]: (p) => [...files.keys()].filter((u) => u.startsWith(`${(p as FindFilesParams).folder}/`)),
          [READ_FILE_REQUEST]: (p) => {
            const bytes = files.get((p as ReadFileParams).uri);
            return bytes ? { base64: Buffer.from(bytes).toString('base64'), mtime: 1 } : null;
          },
        },
      });
      await s.waitForNotification(isDone);
    });

    after(async function () {
      await s?.shutdown();
    });

    it('asks the client for the files and reads each through it', function () {
      const find = s.serverRequests.filter((r) => r.method === FIND_FILES_REQUEST);
      assert.strictEqual(find.length, 1);
      assert.deepStrictEqual((find[0].params as FindFilesParams).include, ['**/*.kamervraag', '**/*.kv.txt', '**/*.txt', '**/*.pdf', '**/*.docx']);
      const reads = new Set(s.serverRequests.filter((r) => r.method === READ_FILE_REQUEST).map((r) => (r.params as ReadFileParams).uri));
      assert.strictEqual(reads.size, files.size);
    });

    it('the same sets as from disk; the timeline in English', async function () {
      const sets = await s.requestRaw<SetSummary[]>(SETS_REQUEST, {});
      const bho = sets.find((x) => x.zaak === '2024Z18792')!;
      assert.strictEqual(bho.uri, `${FOLDER}/official/ah-tk-20242025-605.txt`);
      const tl = await s.requestRaw<Timeline>(TIMELINE_REQUEST, { uri: `${FOLDER}/official/kv-tk-2024Z18792.txt` });
      // The answer's event comes from the answer file, read through the client too.
      const answered = tl.events.find((e) => e.kind === 'answered')!;
      assert.deepStrictEqual([answered.date, answered.label, answered.uri], ['2024-11-20', 'Answered', `${FOLDER}/official/ah-tk-20242025-605.txt`]);
      assert.ok(answered.range);
      assert.ok(tl.events.some((e) => e.kind === 'term-regular' && /3-week/.test(e.label)));
    });

    it('no progress without the client capability', function () {
      assert.ok(!s.notifications.some((n) => n.method === '$/progress'));
    });
  });

  describe('no workspace folder and no file system', function () {
    it('indexChanged says the empty index is ready; then the sets are the open documents\' sets', async function () {
      const s = await Session.start({});
      try {
        const ready = await s.waitForNotification(isDone);
        assert.deepStrictEqual(ready.params, { sets: 0, indexing: false }, 'ready at once, empty');
        assert.deepStrictEqual(await s.requestRaw(SETS_REQUEST, {}), []);
        const text = fs.readFileSync(path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'corpus', 'official', 'ah-tk-20242025-584.txt'), 'utf8');
        await s.openDocument('untitled:Untitled-1', text);
        await s.waitForNotification((n) => n.method === INDEX_CHANGED_NOTIFICATION && (n.params as IndexChangedParams).sets === 1);
        const sets = await s.requestRaw<SetSummary[]>(SETS_REQUEST, { states: ['late'] });
        assert.deepStrictEqual(sets.map((x) => x.label), ['ah-tk-20242025-584']);
      } finally {
        await s.shutdown();
      }
    });
  });

  describe('a folder with a set of 1 MB and more: analysed in a process of its own', function () {
    // The sample with its fourteen questions and answers a hundred times over: 1.1 MB, 1,400 questions.
    const sample = fs.readFileSync(path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'corpus', 'openkamer', 'kv-2022Z09875.txt'), 'utf8');
    const body = sample.slice(sample.indexOf(' • Vraag 1'), sample.indexOf(' • Mededeling'));
    const large = sample.replace(body, body.repeat(100));
    const small = fs.readFileSync(path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'corpus', 'official', 'ah-tk-20242025-605.txt'));

    async function indexed(env: Record<string, string>) {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kamervraag-large-'));
      fs.writeFileSync(path.join(dir, 'groot.kamervraag'), large);
      fs.writeFileSync(path.join(dir, 'ah-tk-20242025-605.txt'), small);
      const folder = pathToFileURL(dir).toString();
      const s = await Session.start({ workspaceFolders: [folder], initializationOptions: { today: TODAY }, env });
      await s.waitForNotification(isDone);
      const sets = await s.requestRaw<SetSummary[]>(SETS_REQUEST, {});
      return { s, dir, folder, sets };
    }

    it('the index holds it as it holds any set; the small file stays in the server; the process ends', async function () {
      assert.ok(Buffer.byteLength(large) > 1024 * 1024);
      const { s, dir, folder, sets } = await indexed({});
      try {
        const set = sets.find((x) => x.zaak === '2022Z09875');
        assert.ok(set, JSON.stringify(sets.map((x) => x.zaak)));
        assert.strictEqual(set.uri, `${folder}/groot.kamervraag`);
        assert.strictEqual(set.questions, 1400);
        assert.ok(sets.some((x) => x.zaak === '2024Z18792'), 'the small file');
        const said = s.logs.map((l) => l.message).filter((m) => /was analysed in a process of its own/.test(m));
        assert.strictEqual(said.length, 1, said.join('\n'));
        assert.ok(said[0].includes('groot.kamervraag'), said[0]);
        // A second after its last file the process ends: the server has no child left (Linux shows them).
        const children = `/proc/${s.proc.pid}/task/${s.proc.pid}/children`;
        if (fs.existsSync(children)) {
          const until = Date.now() + 10_000;
          while (fs.readFileSync(children, 'utf8').trim() !== '' && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
          assert.strictEqual(fs.readFileSync(children, 'utf8').trim(), '');
        }
      } finally {
        await s.shutdown();
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });

    it('KAMERVRAAG_LARGE_FILE_PROCESS=off: the same set, analysed in the server', async function () {
      const { s, dir, folder, sets } = await indexed({ KAMERVRAAG_LARGE_FILE_PROCESS: 'off' });
      try {
        const set = sets.find((x) => x.zaak === '2022Z09875');
        assert.strictEqual(set?.uri, `${folder}/groot.kamervraag`);
        assert.strictEqual(set.questions, 1400);
        assert.ok(!s.logs.some((l) => /process of its own/.test(l.message)));
      } finally {
        await s.shutdown();
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  });
});
