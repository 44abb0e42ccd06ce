// The warm-up: the invented sets it analyses are whole question sets in both
// layouts (so the code a real document runs is the code it compiles), it runs in a service of
// its own, and it stops as soon as the server has something to do.

import * as assert from 'assert';
import { provideDocumentSymbols } from '../../server/src/features/symbols';
import { forgetTokens, pooledLines, tokenizeStats } from '../../server/src/model/tokens';
import { analyze } from '../../server/src/model/analysis';
import { proseSet, scheduleWarmUp, WARM_UP_RUNS, WARM_UP_TEXTS, warmUpOnce, warmUpSet } from '../../server/src/warmUp';

const URI = 'kamervraag-warm-up:/set.kamervraag';

describe('warm-up', () => {
  it('analyses a whole set as openkamer.org shows it: header, five answered questions, references, letters, notes, citations, a notice, a footer', () => {
    const a = analyze(warmUpSet(1));
    assert.strictEqual(a.layout, 'openkamer');
    assert.strictEqual(a.metadata.zaak, '2021Z01234');
    assert.deepStrictEqual(a.questions.map((q) => [q.number, q.answer !== null]), [[1, true], [2, true], [3, true], [4, true], [5, true]]);
    // `het antwoord op vraag 1`, `Zie antwoord vraag 2` twice, and the other set's `vragen 3 en 4`.
    assert.deepStrictEqual(a.references.map((r) => [r.target, r.scope]), [[1, 'internal'], [2, 'internal'], [null, 'external'], [null, 'external'], [2, 'internal']]);
    // `brief1` of 29 January (dated by `op 29 januari jl.`), `brief2 van 12 maart 2021`, `brieven van 2 en 9 maart 2021`.
    assert.deepStrictEqual(a.letters.map((l) => l.date), ['2021-01-29', '2021-03-12', '2021-03-02', '2021-03-09']);
    assert.deepStrictEqual(a.footnotes.map((f) => f.number), [1, 2, 3]);
    assert.ok(a.dates.some((d) => d.inferredYear && d.text === '29 januari jl.'), 'a date read by `jl.`');
    assert.ok(a.dates.some((d) => d.weekday?.matches === true), 'a date with its weekday');
    for (const kind of ['kamerstuk', 'aanhangsel', 'url', 'zaak', 'publication']) assert.ok(a.citations.some((c) => c.kind === kind), kind);
    assert.strictEqual(a.notices.length, 1);
    assert.deepStrictEqual(a.sections.map((s) => s.kind), ['header', 'footer']);
  });

  it('runs the openkamer set with its questions eight times, numbered on, each copy\'s references to its own answers', () => {
    const service = warmUpOnce('nl', 0);
    const a = service.analysis(URI);
    assert.ok(a);
    const numbers = Array.from({ length: 40 }, (_, i) => i + 1);
    assert.deepStrictEqual(a.questions.map((q) => q.number), numbers);
    assert.ok(a.questions.every((q) => q.answer !== null));
    const internal = a.references.filter((r) => r.scope === 'internal').map((r) => r.target);
    assert.deepStrictEqual(internal, numbers.filter((n) => n % 5 === 1).flatMap((n) => [n, n + 1, n + 1]));
    assert.deepStrictEqual(a.diagnostics.map((d) => d.code), ['late-answer'], 'a set without slips');
    const [root] = provideDocumentSymbols(service, URI);
    assert.deepStrictEqual(root.children?.map((c) => c.name), ['Gegevens', ...numbers.map((n) => `Vraag ${n}`), 'Mededeling – 24 februari 2021', 'Voettekst']);
    // The open's index update ran too, in the warm-up's own index.
    assert.strictEqual(service.index.setOf(URI)?.summary.zaak, '2021Z01234');
    service.dispose();
  });

  it('and as the official publication prints it: page furniture, answers to two questions at once, notes at the foot of the page', () => {
    const service = warmUpOnce('nl', 1);
    const a = service.analysis(URI);
    assert.ok(a);
    assert.strictEqual(a.layout, 'official');
    assert.strictEqual(a.source, 'pdf');
    assert.deepStrictEqual([a.metadata.submitted, a.metadata.answered], ['2021-02-03', '2021-04-08']);
    assert.deepStrictEqual(a.questions.map((q) => q.number), [1, 2, 3, 4]);
    assert.deepStrictEqual(a.answers.map((b) => b.numbers), [[1], [2, 3], [4]]);
    assert.deepStrictEqual(a.footnotes.map((f) => [f.number, f.note !== null]), [[1, true], [2, true]]);
    assert.deepStrictEqual(a.references.map((r) => r.target), [1, 2]);
    assert.ok(a.sections.some((s) => s.kind === 'furniture'), 'page furniture');
    assert.ok(a.citations.some((c) => c.kind === 'kamerstuk'));
    service.dispose();
  });

  it('and with long answers in prose: letters with glued note numbers, dates with and without their year, references to other answers', () => {
    const text = proseSet();
    assert.strictEqual(WARM_UP_TEXTS[2], text);
    assert.ok(text.length > 15_000 && text.length < 25_000, String(text.length));
    const a = analyze(text);
    const numbers = [1, 2, 3, 4, 5, 6, 7, 8];
    assert.deepStrictEqual(a.questions.map((q) => [q.number, q.answer !== null]), numbers.map((n) => [n, true]));
    // Each answer: `brief2 van 20 januari 2021`, `brief van 26 februari 2021`, `brief van 3 maart 2021` twice, `brief van 17 maart 2021`.
    assert.deepStrictEqual(a.letters.map((l) => l.date).sort(), ['2021-01-20', '2021-02-26', '2021-03-03', '2021-03-17']);
    // Three glued note numbers an answer: `brief1`, `brief2`, `20203`, numbered on.
    assert.deepStrictEqual(a.footnotes.map((f) => f.number), Array.from({ length: 24 }, (_, i) => i + 1));
    assert.ok(a.dates.some((d) => d.text === '14 januari jongstleden' && d.inferredYear && d.date === '2021-01-14'));
    // `10 februari 20203`: the year and the note after it, not a year typo.
    assert.ok(a.dates.some((d) => d.text === '10 februari 2020' && d.date === '2020-02-10'));
    // `het antwoord op vraag k` and `de in antwoord k genoemde brief`.
    assert.deepStrictEqual(a.references.map((r) => r.target), numbers.flatMap((n) => [n, n]));
    assert.deepStrictEqual(a.diagnostics.map((d) => d.code), ['late-answer'], 'a set without slips');
  });

  it('each second round runs on a token stream of its own, which grows from small; the stream kept for the next analysis stays', () => {
    warmUpOnce('nl', 0).dispose();
    const kept = pooledLines();
    assert.ok(kept !== null && kept.text === WARM_UP_TEXTS[0], 'the first round keeps its stream');
    // Rounds 3–5 are the second round of the three texts.
    for (const run of [3, 4, 5]) {
      warmUpOnce('nl', run).dispose();
      assert.strictEqual(pooledLines(), kept, `run ${run}`);
    }
    warmUpOnce('nl', 6).dispose();
    assert.notStrictEqual(pooledLines(), kept, 'the third round keeps its stream again');
  });

  it('no run reads the text of the run before it incrementally: each analysis runs whole', () => {
    // As in a fresh server: no stream kept yet.
    forgetTokens();
    const before = tokenizeStats.incremental;
    for (let run = 0; run < WARM_UP_RUNS; run++) warmUpOnce('nl', run).dispose();
    assert.strictEqual(tokenizeStats.incremental, before);
  });

  it(`runs ${WARM_UP_RUNS} times, one a turn, while the server is idle, and stops when it is not`, async () => {
    const settle = async (done: () => boolean) => {
      for (let waited = 0; !done() && waited < 20000; waited += 10) await new Promise((resolve) => setTimeout(resolve, 10));
      // A while longer: a run too many would show.
      await new Promise((resolve) => setTimeout(resolve, 50));
    };
    let asked = 0;
    scheduleWarmUp('nl', () => ++asked <= WARM_UP_RUNS);
    await settle(() => asked >= WARM_UP_RUNS);
    // Asked before each run, and not after the last.
    assert.strictEqual(asked, WARM_UP_RUNS);
    let busyAfter = 0;
    scheduleWarmUp('nl', () => ++busyAfter <= 2);
    await settle(() => busyAfter >= 3);
    assert.strictEqual(busyAfter, 3, 'two runs, then the server had work: asked once more and stopped');
  });
});
