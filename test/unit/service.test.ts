// The language service: one document store, one analysis cache keyed by
// (URI, version or file stamp, terms), one ingest path.

import * as assert from 'assert';
import * as v8 from 'v8';
import * as vm from 'vm';
import { createLanguageService } from '../../server/src/service/languageService';
import { AnalysisCache } from '../../server/src/service/cache';
import { provideTimeline } from '../../server/src/features/timeline';
import { provideDocumentSymbols } from '../../server/src/features/symbols';
import { provideDiagnostics } from '../../server/src/features/diagnostics';
import { provideSemanticTokens } from '../../server/src/features/semanticTokens';
import { ingestBytes, isQuestionSet, summarizeFile } from '../../server/src/workspace/ingest';
import { analyze } from '../../server/src/model/analysis';
import { forgetKeptElements, pooledTokenCapacity, trimTokenPool } from '../../server/src/model/tokens';
import { DEFAULT_SETTINGS, readSettings } from '../../server/src/settings';
import { fixtureText } from './util';

const SAMPLE = 'openkamer/kv-2022Z09875.txt';
const enc = new TextEncoder();

describe('language service: the analysis cache', () => {
  it('computes one analysis per version and hands back the same frozen object', () => {
    const cache = new AnalysisCache(2);
    const text = fixtureText(SAMPLE);
    const terms = DEFAULT_SETTINGS.terms;
    let computed = 0;
    const make = (t: string) => () => (computed++, analyze(t, { version: 1 }));
    const a = cache.get('file:///a.kamervraag', 1, terms, make(text));
    assert.strictEqual(cache.get('file:///a.kamervraag', 1, terms, make(text)), a);
    assert.strictEqual(computed, 1);
    assert.ok(Object.isFrozen(a) && Object.isFrozen(a.questions) && Object.isFrozen(a.metadata));
    const b = cache.get('file:///a.kamervraag', 2, terms, make(text.replace('Vraag 14', 'Vraag 15')));
    assert.notStrictEqual(b, a);
    assert.strictEqual(b.questions[13].number, 15);
    cache.get('file:///b', 1, terms, () => analyze(''));
    cache.get('file:///c', 1, terms, () => analyze(''));
    assert.strictEqual(cache.size, 2);
    assert.strictEqual(cache.peek('file:///a.kamervraag', 2, terms), undefined);
  });

  it('keeps the analyses of two documents with different terms side by side', () => {
    const service = createLanguageService({ today: '2024-12-06' });
    const text = fixtureText(SAMPLE);
    service.openDocument('file:///a.kamervraag', 'kamervraag', 1, text);
    service.openDocument('file:///b.kamervraag', 'kamervraag', 1, text);
    service.setSettings('file:///a.kamervraag', readSettings({ terms: { regularDays: 14, extendedDays: 30 } }));
    const first = service.analysis('file:///a.kamervraag')!;
    const second = service.analysis('file:///b.kamervraag')!;
    // Each with its own terms: the sample was submitted on 19 May 2022.
    assert.strictEqual(first.deadlines?.regular, '2022-06-02');
    assert.strictEqual(first.deadlines?.extended, '2022-06-18');
    assert.strictEqual(second.deadlines?.regular, '2022-06-09');
    assert.strictEqual(second.deadlines?.extended, '2022-06-30');
    const misses = service.cache.stats.misses;
    for (let i = 0; i < 10; i++) {
      assert.strictEqual(service.analysis('file:///a.kamervraag'), first);
      assert.strictEqual(service.analysis('file:///b.kamervraag'), second);
    }
    assert.strictEqual(service.cache.stats.misses, misses, 'alternating requests analyse nothing again');
  });

  it('a document over the size limit has no analysis, and says so', () => {
    const service = createLanguageService({ today: '2024-12-06' });
    service.setSettings('file:///big.kamervraag', readSettings({ maxFileSizeMB: 1 }));
    service.openDocument('file:///big.kamervraag', 'kamervraag', 1, 'x'.repeat(1024 * 1024 + 1));
    assert.strictEqual(service.tooLarge('file:///big.kamervraag'), 1);
    assert.strictEqual(service.analysis('file:///big.kamervraag'), null);
  });
});

describe('language service: one ingest path', () => {
  it('reads bytes as the editor reads text: the same outline and dates', () => {
    const text = fixtureText(SAMPLE);
    const r = ingestBytes('file:///x/kv-2022Z09875.kamervraag', enc.encode(text), { year: 2026 });
    assert.ok(r.ok);
    const a = r.analysis;
    assert.strictEqual(a.questions.length, 14);
    assert.strictEqual(a.metadata.submitted, '2022-05-19');
    assert.strictEqual(a.metadata.answered, '2022-07-18');
    assert.ok(isQuestionSet(a));
  });

  it('tells binary, empty, too large and unidentified files apart', () => {
    assert.deepStrictEqual(ingestBytes('file:///a.kamervraag', new Uint8Array([0, 1, 2, 0, 0, 0, 3])).ok, false);
    const empty = ingestBytes('file:///a.kamervraag', new Uint8Array(0));
    assert.ok(!empty.ok && empty.skip === 'empty');
    const big = ingestBytes('file:///a.kamervraag', enc.encode('Vraag 1\n'), { maxBytes: 4 });
    assert.ok(!big.ok && big.skip === 'too-large');
    const hello = ingestBytes('file:///notes.txt', enc.encode('Hallo wereld\n'), { identify: true });
    assert.ok(!hello.ok && hello.skip === 'not-kamervraag');
    const named = ingestBytes('file:///notes.txt', enc.encode('Hallo wereld\n'));
    assert.ok(named.ok && !named.identified && !isQuestionSet(named.analysis), 'read when asked, but no question set');
  });

  it('summarises for the index what it analyses for the editor', () => {
    const text = fixtureText(SAMPLE);
    const out = summarizeFile('file:///x/kv-2022Z09875.kamervraag', enc.encode(text));
    assert.ok('summary' in out);
    assert.strictEqual(out.summary.zaak, '2022Z09875');
    assert.strictEqual(out.summary.submitted, '2022-05-19');
    const skipped = summarizeFile('file:///x/notes.txt', enc.encode('Hallo wereld\n'));
    assert.deepStrictEqual(skipped, { skip: 'not-kamervraag' });
  });
});

describe('language service: the timeline with the document’s own terms', () => {
  it('names and dates both terms from the settings, and judges the state by them', async () => {
    const service = createLanguageService({ today: '2024-12-06' });
    const uri = 'file:///a/kv-2022Z09875.kamervraag';
    service.openDocument(uri, 'kamervraag', 1, fixtureText(SAMPLE));
    service.setSettings(uri, readSettings({ terms: { regularDays: 14, extendedDays: 30 } }));
    const tl = (await provideTimeline(service, uri))!;
    assert.deepStrictEqual(tl.terms, { regularDays: 14, extendedDays: 30 });
    // Submitted 19 May 2022: 14 days → 2 June, 30 days → 18 June; answered 18 July: late either way.
    const terms = tl.events.filter((e) => e.kind === 'term-regular' || e.kind === 'term-extended').map((e) => [e.date, e.label]);
    assert.deepStrictEqual(terms, [['2022-06-02', 'Einde termijn van 2 weken'], ['2022-06-18', 'Einde verlengde termijn van 30 dagen']]);
    assert.strictEqual(tl.state, 'late');
    service.locale = 'en';
    const en = (await provideTimeline(service, uri))!;
    assert.deepStrictEqual(en.events.filter((e) => e.kind.startsWith('term-')).map((e) => e.label), ['End of the 2-week term', 'End of the extended 30-day term']);
  });
});

describe('language service: memory for what is open', () => {
  it('holds one text of an edited document, not one for each version edited at another place', () => {
    // Strings cut from a text (a citation's, a date's, an outline's words) share its memory in the engine; kept or
    // moved into the next version, they kept the text of the version that made them, and each keystroke at another
    // place kept one more whole text. Twenty copies of the sample under one header: 0.6 MB as UTF-16.
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as () => void;
    const sample = fixtureText(SAMPLE);
    const body = sample.slice(sample.indexOf(' • Vraag 1'), sample.indexOf(' • Mededeling'));
    const text = sample.replace(body, body.repeat(20));
    const service = createLanguageService({ today: '2024-12-06' });
    const uri = 'file:///bewerkt.kamervraag';
    service.openDocument(uri, 'kamervraag', 1, text);
    const touch = () => {
      provideDocumentSymbols(service, uri);
      provideDiagnostics(service, uri);
      provideSemanticTokens(service, uri);
    };
    touch();
    const edit = (i: number, of: number) => {
      // The start of a word in the i-th part of the text: each edit at another place.
      const doc = service.documents.get(uri)!;
      const now = doc.getText();
      let at = Math.floor((now.length * i) / of);
      while (at < now.length && !/[a-z]/.test(now[at])) at++;
      const position = doc.positionAt(at);
      service.documents.change(uri, doc.version + 1, [{ range: { start: position, end: position }, text: 'x' }]);
      touch();
    };
    // The first edits make what an edited document keeps for its next version (once).
    for (let i = 0; i < 10; i++) edit(i, 10);
    gc();
    const before = process.memoryUsage().heapUsed;
    const edits = 30;
    for (let i = 0; i < edits; i++) edit(i, edits);
    gc();
    const grown = process.memoryUsage().heapUsed - before;
    const textBytes = 2 * text.length;
    // Thirty texts if each version's text stayed; none more than the one open (the engine's own noise aside).
    assert.ok(grown < 4 * textBytes, `the heap grew by ${(grown / 1e6).toFixed(1)} MB over ${edits} edits of a ${(textBytes / 1e6).toFixed(1)} MB text`);
    service.closeDocument(uri);
    service.dispose();
  });

  it('a file read for the index leaves none of its elements in the stream kept for the next analysis', async () => {
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as () => void;
    // The sample cites its own zaak number and publications; its dates, letters and blocks are many.
    let a: ReturnType<typeof analyze> | null = analyze(fixtureText(SAMPLE));
    const held = { citation: new WeakRef(a.citations[0]), date: new WeakRef(a.dates[0]), block: new WeakRef(a.questions[0]), mention: new WeakRef(a.letters[0].mentions[0]) };
    a = null;
    // What the index does after each file (`summarizeFile`).
    forgetKeptElements();
    gc();
    // A weak reference is cleared after the job in which its target was collected.
    await new Promise((resolve) => setTimeout(resolve, 0));
    gc();
    for (const [what, ref] of Object.entries(held)) assert.strictEqual(ref.deref(), undefined, `the ${what} outlived its analysis`);
  });

  // A text of `chars` characters of plain prose: eight tokens in each 41 characters (`Het antwoord … brief .`).
  const prose = (chars: number) => 'Het antwoord volgt hierbij in een brief. '.repeat(Math.ceil(chars / 41)).slice(0, chars);

  it('lets the kept token stream go when a large document closes, and keeps one the open documents need', async () => {
    let collections = 0;
    const service = createLanguageService({ today: '2024-12-06', collectGarbage: () => collections++ });
    const small = 'file:///klein.kamervraag';
    const large = 'file:///groot.kamervraag';
    service.openDocument(small, 'kamervraag', 1, fixtureText(SAMPLE));
    service.openDocument(large, 'kamervraag', 1, prose(8_000_000));
    assert.ok(service.analysis(large));
    // 8 M characters: a stream of 1.56 M tokens, some 36 MB with its scratch arrays (23 bytes a token).
    assert.ok(pooledTokenCapacity() >= 1_560_000, `kept ${pooledTokenCapacity()}`);
    service.closeDocument(large);
    assert.strictEqual(pooledTokenCapacity(), 0, 'the stream is let go: the sample needs a small one');
    await new Promise((resolve) => setTimeout(resolve, 10));
    assert.strictEqual(collections, 1, 'and the memory is collected once');
    // The sample's next analysis keeps a stream of its own size.
    service.documents.change(small, 2, [{ text: `${fixtureText(SAMPLE)}\n` }]);
    assert.ok(service.analysis(small));
    const kept = pooledTokenCapacity();
    assert.ok(kept > 0 && kept < 100_000, `kept ${kept}`);
    service.closeDocument(small);
    service.dispose();
  });

  it('asks the runtime to keep the heap close to what it holds while a document of 4 M characters or more is open, and no longer after', () => {
    const asked: boolean[] = [];
    const service = createLanguageService({ today: '2024-12-06', fitHeap: (fit) => asked.push(fit) });
    const small = 'file:///klein.kamervraag';
    const large = 'file:///groot.kamervraag';
    service.openDocument(small, 'kamervraag', 1, fixtureText(SAMPLE));
    assert.ok(service.analysis(small));
    assert.deepStrictEqual(asked, [], 'a small document: the runtime sizes its heap');
    service.openDocument(large, 'kamervraag', 1, prose(3_999_999));
    assert.ok(service.analysis(large));
    assert.deepStrictEqual(asked, [], 'one character short of the bound');
    service.documents.change(large, 2, [{ text: prose(4_000_000) }]);
    assert.ok(service.analysis(large));
    assert.deepStrictEqual(asked, [true]);
    // Asked once: a keystroke more changes nothing.
    service.documents.change(large, 3, [{ text: `${prose(4_000_000)}x` }]);
    assert.ok(service.analysis(large));
    service.closeDocument(small);
    assert.deepStrictEqual(asked, [true], 'the large document is still open');
    service.closeDocument(large);
    assert.deepStrictEqual(asked, [true, false]);
    service.dispose();
  });

  it('trims only a stream larger than twice what the largest open text needs', () => {
    analyze(prose(400_000));
    const capacity = pooledTokenCapacity();
    // 78,000 tokens, in a stream with room for an eighth more at most (one token in four characters would be 100,000).
    assert.ok(capacity >= 78_000 && capacity <= 88_000, `kept ${capacity}`);
    assert.strictEqual(trimTokenPool(400_000), 0, 'a text of the same size keeps it');
    assert.strictEqual(trimTokenPool(200_000), 0, 'half the size keeps it too');
    // 17 bytes a token in the stream (kind, gap, flags, keyword, start, end, line) and 6 in the scratch arrays.
    assert.strictEqual(trimTokenPool(40_000), capacity * 23, 'a tenth lets it go, and says how many bytes');
    assert.strictEqual(pooledTokenCapacity(), 0);
    assert.strictEqual(trimTokenPool(0), 0, 'nothing kept, nothing let go');
  });
});

describe('language service: incremental analyses checked (verifyIncremental)', () => {
  it('a difference from a whole analysis is logged with the document and version, and the whole analysis is used; unchecked, nothing is logged', () => {
    for (const verifyIncremental of [false, true]) {
      const log: string[] = [];
      const service = createLanguageService({ today: '2024-12-06', verifyIncremental, log: (m) => log.push(m) });
      const uri = 'file:///checked.kamervraag';
      const text = fixtureText(SAMPLE);
      trimTokenPool(0);
      service.openDocument(uri, 'kamervraag', 1, text);
      const first = service.analysis(uri)!;
      assert.strictEqual(first.questions[0].number, 1);
      // A fault in the reuse, made by hand: the first question, kept by the next version, says 99.
      (first.questions[0] as { number: number }).number = 99;
      const at = first.lines.positionAt(text.lastIndexOf('Vraag 14'));
      service.documents.change(uri, 2, [{ range: { start: at, end: at }, text: 'x' }]);
      const next = service.analysis(uri)!;
      const said = log.filter((m) => m.includes('differed from a whole analysis'));
      if (verifyIncremental) {
        assert.strictEqual(next.questions[0].number, 1);
        assert.deepStrictEqual(said, [`Kamervraag: the incremental analysis of ${uri} (version 2) differed from a whole analysis of its text; the whole one is used.`]);
      } else {
        assert.strictEqual(next.questions[0].number, 99);
        assert.deepStrictEqual(said, []);
      }
      service.dispose();
    }
  });
});

describe('language service: the index update of an open document', () => {
  it('comes a turn after its delay: an answer written from an immediate when the delay ends goes first', async () => {
    const s = createLanguageService();
    const uri = 'file:///order.kamervraag';
    s.openDocument(uri, 'kamervraag', 1, fixtureText(SAMPLE));
    const order: string[] = [];
    const indexDocument = s.indexDocument.bind(s);
    s.indexDocument = (u: string) => {
      order.push('index');
      indexDocument(u);
    };
    // Due at the same moment as the update's timer, and set just before it (so never due after it, whichever
    // millisecond each is set in): as the connection does, it writes from an immediate.
    setTimeout(() => setImmediate(() => order.push('answer')), 20);
    s.scheduleIndex(uri, 20);
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.deepStrictEqual(order, ['answer', 'index']);
    assert.strictEqual(s.index.setOf(uri)?.files.length, 1, 'the document is in the index');
    s.dispose();
  });

  /** A service with an open document whose index updates are counted. */
  function counted(uri: string): { s: ReturnType<typeof createLanguageService>; updates: () => number } {
    const s = createLanguageService();
    s.openDocument(uri, 'kamervraag', 1, fixtureText(SAMPLE));
    let n = 0;
    const indexDocument = s.indexDocument.bind(s);
    s.indexDocument = (u: string) => {
      n++;
      indexDocument(u);
    };
    return { s, updates: () => n };
  }
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  it('falls due while requests are answered and waits until none has been for a while', async () => {
    const uri = 'file:///busy.kamervraag';
    const { s, updates } = counted(uri);
    s.scheduleIndex(uri, 20);
    // A request begun or answered every 10 ms for 300 ms: far more often than the quiet the update waits for.
    const busy = setInterval(() => s.noteActivity(), 10);
    s.noteActivity();
    await sleep(300);
    clearInterval(busy);
    assert.strictEqual(updates(), 0, 'no update while requests come');
    // The quiet it waits for (300 ms) and a margin.
    await sleep(700);
    assert.strictEqual(updates(), 1, 'the update once they stopped');
    assert.strictEqual(s.index.setOf(uri)?.files.length, 1, 'the document is in the index');
    s.dispose();
  });

  it('waits no longer than its limit for a client that asks without pause', async function () {
    this.timeout(10000);
    const uri = 'file:///endless.kamervraag';
    const { s, updates } = counted(uri);
    s.scheduleIndex(uri, 20);
    const busy = setInterval(() => s.noteActivity(), 10);
    try {
      // Its delay, the limit (2 s) and a margin: the requests never stop meanwhile.
      await sleep(3500);
      assert.strictEqual(updates(), 1);
    } finally {
      clearInterval(busy);
      s.dispose();
    }
  });
});
