// The warm-up: the invented set it analyses is a whole question set (so the
// code a real document runs is the code it compiles), it runs in a service of
// its own, and it stops as soon as the server has something to do.

import * as assert from 'assert';
import { provideDocumentSymbols } from '../../server/src/features/symbols';
import { scheduleWarmUp, WARM_UP_RUNS, warmUpOnce } from '../../server/src/warmUp';

const URI = 'kamervraag-warm-up:/set.kamervraag';

describe('warm-up', () => {
  it('analyses a whole question set: header, three questions with their answers, a reference, a letter, a notice, a footer', () => {
    const service = warmUpOnce('nl');
    const a = service.analysis(URI);
    assert.ok(a);
    assert.strictEqual(a.metadata.zaak, '2021Z01234');
    assert.deepStrictEqual(a.questions.map((q) => q.number), [1, 2, 3]);
    assert.deepStrictEqual(a.questions.map((q) => q.answer !== null), [true, true, true]);
    assert.deepStrictEqual(a.references.map((r) => r.target), [2]);
    assert.strictEqual(a.letters.length, 1);
    assert.strictEqual(a.notices.length, 1);
    assert.deepStrictEqual(a.sections.map((s) => s.kind), ['header', 'footer']);
    const [root] = provideDocumentSymbols(service, URI);
    assert.deepStrictEqual(root.children?.map((c) => c.name), ['Gegevens', 'Vraag 1', 'Vraag 2', 'Vraag 3', 'Mededeling – 24 februari 2021', 'Voettekst']);
    service.dispose();
  });

  it('the runs after the first differ at both ends of the text, so each analysis runs whole', () => {
    const text = (run: number) => warmUpOnce('nl', run).documents.get(URI)?.getText() ?? '';
    assert.notStrictEqual(text(1)[0], text(0)[0]);
    assert.notStrictEqual(text(1).at(-1), text(0).at(-1));
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
