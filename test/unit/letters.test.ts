import * as assert from 'assert';
import { analyzeFixture, squash, textOf } from './util';

describe('letters', () => {
  it('makes one entity per letter of the sample, with its mentions and footnotes', () => {
    const a = analyzeFixture('openkamer/kv-2022Z09875.txt');
    const byDate = new Map(a.letters.map((l) => [l.date, l]));
    assert.deepStrictEqual([...byDate.keys()].sort(), ['2022-02-25', '2022-05-18', '2022-05-24', '2022-05-25', '2022-06-29']);
    // `een brief2 gestuurd` has no date of its own; `de in het antwoord op vraag 1 genoemde brief van 18 mei 2022` gives it one.
    const may18 = byDate.get('2022-05-18')!;
    assert.deepStrictEqual(may18.footnotes, [2]);
    assert.strictEqual(squash(textOf(a, may18.mentions[0])), 'brief2');
    assert.strictEqual(may18.mentions[0].date, null);
    assert.strictEqual(may18.mentions[0].range.start.line, 14);
    assert.deepStrictEqual(byDate.get('2022-05-25')!.footnotes, [3]);
    assert.deepStrictEqual(byDate.get('2022-02-25')!.footnotes, [4, 7, 8]);
    // `In zijn brief van 29 juni 20022`: the typo'd year still dates the letter.
    assert.strictEqual(byDate.get('2022-06-29')!.mentions.length, 5);
    assert.strictEqual(byDate.get('2022-06-29')!.sender, null);
    // `mijn brief9 van 24 mei 2022` is the delay notice of this document.
    const notice = byDate.get('2022-05-24')!;
    assert.strictEqual(notice.notice, 0);
    assert.deepStrictEqual(notice.footnotes, [9]);
  });

  it('dates a letter whose sentence says when it was sent: Op 29 oktober … middels een Kamerbrief', () => {
    const a = analyzeFixture('official/ah-tk-20242025-605.txt');
    assert.deepStrictEqual(a.letters.map((l) => l.date), ['2024-10-29']);
    assert.strictEqual(squash(textOf(a, a.letters[0].mentions[0])), 'Kamerbrief');
  });

  it('reads brief op verzoek van uw Kamer d.d. 11 oktober 2023 and Verzamelbrief … van 27 juni jl.', () => {
    assert.deepStrictEqual(analyzeFixture('official/ah-tk-20232024-387.txt').letters.map((l) => l.date), ['2023-10-11']);
    const b = analyzeFixture('official/ah-tk-20242025-604.txt');
    assert.deepStrictEqual(b.letters.map((l) => l.date), ['2024-06-27']);
    assert.strictEqual(squash(textOf(b, b.letters[0].mentions[0])), 'Verzamelbrief justitiële jeugd van 27 juni jl.');
  });

  it('does not date an anaphoric mention from another sentence: deze brief', () => {
    const a = analyzeFixture('official/ah-tk-20242025-584.txt');
    assert.deepStrictEqual(a.letters, []);
  });
});
