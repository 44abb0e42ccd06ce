import * as assert from 'assert';
import { analyze } from '../../server/src/model/analysis';
import { analyzeFixture, squash, textOf } from './util';

describe('references', () => {
  it('resolves the six internal references of the sample and links none of the four external ones', () => {
    const a = analyzeFixture('openkamer/kv-2022Z09875.txt');
    const internal = a.references.filter((r) => r.scope === 'internal').map((r) => [r.from, r.target, squash(r.text)]);
    assert.deepStrictEqual(internal, [
      [2, 1, 'het antwoord op vraag 1'],
      [3, 1, 'Zie ook het antwoord bij vraag 1'],
      [4, 3, 'antwoord 3'],
      [5, 1, 'antwoord 1'],
      [5, 4, 'het antwoord op vraag 4'],
      [13, 12, 'Zie antwoord vraag 12'],
    ]);
    const external = a.references.filter((r) => r.scope === 'external');
    assert.deepStrictEqual(external.map((r) => [r.from, r.number, r.target, squash(r.text)]), [
      [1, 2, null, 'antwoord 2'],
      [7, 7, null, 'het antwoord op vraag 7 van de eerder aangehaalde schriftelijke vragen'],
      [12, 3, null, 'het antwoord op vraag 3 in de brief8 van 25 februari 2022'],
      [13, 3, null, 'antwoord 3 op de bovengenoemde Kamervragen'],
    ]);
    // The cited set or letter stays attached.
    assert.match(external[0].cites!.text, /^«Antwoord op vragen van het lid Van der Plas/);
    assert.strictEqual(external[2].cites!.letterDate, '2022-02-25');
  });

  it('gives each number of a list its own reference: de vragen 6 en 7', () => {
    const a = analyzeFixture('official/ah-tk-20242025-564.txt');
    const refs = a.references.filter((r) => r.from === 9);
    assert.deepStrictEqual(refs.map((r) => [r.target, textOf(a, r)]), [[6, 'Zie het antwoord op de vragen 6'], [7, '7']]);
    assert.strictEqual(refs[0].phraseSpan.start, refs[1].phraseSpan.start);
  });

  it('resolves a reference into a grouped answer and from a grouped block', () => {
    const a = analyzeFixture('official/ah-tk-20242025-584.txt');
    const r = a.references.find((x) => x.target === 3)!;
    assert.strictEqual(r.from, 4);
    const q3 = a.questions.find((q) => q.numbers.includes(3))!;
    assert.deepStrictEqual(q3.answer!.numbers, [2, 3]);
    const b = analyzeFixture('official/ah-tk-20242025-582.txt');
    assert.deepStrictEqual(b.references.map((x) => [x.from, x.target]), [[4, 2]]);
  });

  it('reads beantwoording op vragen 1 en 5 and bij het antwoord op vraag 1', () => {
    const a = analyzeFixture('official/ah-tk-20242025-604.txt');
    assert.deepStrictEqual(a.references.map((x) => [x.from, x.target, x.scope]), [[2, 1, 'internal'], [7, 1, 'internal'], [7, 5, 'internal']]);
  });

  it('keeps a reference from a question to an answer of an earlier set external', () => {
    const a = analyzeFixture('official/kv-tk-2024Z18438.txt');
    assert.deepStrictEqual(a.references.map((x) => [x.from, x.number, x.scope]), [[14, 17, 'external']]);
    assert.ok(!a.diagnostics.some((d) => d.code === 'unknown-reference'));
  });

  it('reports a reference to a question this document lacks', () => {
    const text = analyzeFixture('openkamer/kv-2022Z09875.txt').text.replace('Zie antwoord vraag 12.', 'Zie antwoord vraag 21.');
    const a = analyze(text);
    const d = a.diagnostics.find((x) => x.code === 'unknown-reference')!;
    assert.ok(d);
    assert.strictEqual(a.text.slice(d.span.start, d.span.end), 'Zie antwoord vraag 21');
    assert.match(d.message.nl, /geen vraag 21/);
    const r = a.references.find((x) => x.number === 21)!;
    assert.strictEqual(r.scope, 'internal');
    assert.strictEqual(r.target, null);
  });

  it('does not take a footnote marker, a date or a header line for a question number', () => {
    const a = analyzeFixture('official/ah-tk-20242025-564.txt');
    // `(zie ook hetantwoord op vraag` + a line `5.` that is footnote marker 5.
    assert.ok(!a.references.some((r) => r.from === 22));
    assert.ok(a.footnotes.some((f) => f.number === 5));
    const b = analyzeFixture('official/ah-tk-20242025-584.txt');
    // `… gegeven antwoorden` + the publication number `584` on the next line.
    assert.ok(!b.references.some((r) => r.number === 584));
  });
});
