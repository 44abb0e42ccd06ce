// What the index keeps of a file (workspace/summary.ts), checked against the
// text of a corpus file read by hand: the summary is a copy that holds none of
// the document's text, and that copy must read exactly as the text does.

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as v8 from 'v8';
import { packOutcome, summarizeFile, unpackOutcome } from '../../server/src/workspace/ingest';
import { packSummary, unpackSummary, type FileSummary } from '../../server/src/workspace/summary';

const CORPUS = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'corpus');

describe('file summary', function () {
  // ah-tk-20232024-302: a title with «», ë and ï; `brief van 13 april 2023` on lines 142 and 149 (one letter, two mentions).
  const out = summarizeFile('memfs:/ws/ah-tk-20232024-302.txt', fs.readFileSync(path.join(CORPUS, 'official', 'ah-tk-20232024-302.txt')), { year: 2025 });
  const summary = 'summary' in out ? out.summary : assert.fail(`skipped: ${JSON.stringify(out)}`);

  it('keeps the title with its characters beyond ASCII as printed', function () {
    assert.strictEqual(summary.title,
      'Antwoord op de vragen inzake de uitzending «Het geheim van de _spreekkamer» en het artikel «Zorgverzekeraars hebben groot belang bij de data_ _die toezichthouder verzamelt» en Peiling MIND: meerderheid cliënten niet_ _geïnformeerd over gegevensdeling met de NZa');
  });

  it('gives both mentions of one letter its words, folded, each once', function () {
    const letters = summary.external.filter((e) => e.kind === 'letter');
    assert.deepStrictEqual(letters.map((l) => [l.date, l.range.start.line, l.range.start.character]), [['2023-04-13', 141, 23], ['2023-04-13', 148, 6]]);
    assert.strictEqual(letters[0].words, letters[1].words);
    const words = letters[0].words.split(' ');
    assert.ok(letters[0].words.length > 0 && words.every((w) => /^[a-z0-9]+$/.test(w)), letters[0].words);
    assert.strictEqual(new Set(words).size, words.length);
    // Around the first mention: `over het zorgprestatiemodel`; around the second: `bent u geïnformeerd`, folded.
    for (const w of ['brief', 'april', '2023', 'zorgprestatiemodel', 'geinformeerd']) assert.ok(words.includes(w), w);
  });

  it('packed to cross to another thread or process: each word list once, and the same summary back', function () {
    const packed = packSummary(summary);
    // The two mentions of the one letter share their words and their date; the answer references, if any, bring their own.
    assert.strictEqual(packed.words.length, new Set(summary.external.map((e) => e.words)).size);
    assert.ok(packed.words.length < summary.external.length, `${packed.words.length} lists for ${summary.external.length} sites`);
    assert.deepStrictEqual(packed.dates, [...new Set(summary.external.map((e) => e.date).filter((d) => d !== null))]);
    assert.deepStrictEqual(packed.summary.external, []);
    assert.strictEqual(packed.sites.length, summary.external.length * 8);
    // Through the engine's structured clone, as a thread or the IPC channel sends it.
    const back = unpackSummary(v8.deserialize(v8.serialize(packed)) as typeof packed);
    assert.deepStrictEqual(back, summary);
    const outcome = unpackOutcome(v8.deserialize(v8.serialize(packOutcome(out))) as ReturnType<typeof packOutcome>);
    assert.deepStrictEqual(outcome, out);
    assert.deepStrictEqual(packOutcome({ skip: 'binary' }), { skip: 'binary' });
  });

  it('packs sites with no number, no date and a number, as written', function () {
    const range = (a: number, b: number, c: number, d: number) => ({ start: { line: a, character: b }, end: { line: c, character: d } });
    const external: FileSummary['external'] = [
      { kind: 'reference', number: 12, date: null, words: 'antwoord vraag signal', range: range(3, 4, 3, 20) },
      { kind: 'letter', number: null, date: '2022-05-18', words: 'brief mei 2022', range: range(10, 0, 10, 16) },
      { kind: 'letter', number: null, date: '2022-05-18', words: 'brief mei 2022', range: range(40, 2, 41, 1) },
      { kind: 'reference', number: 0, date: '2022-05-18', words: 'antwoord vraag signal', range: range(50, 7, 50, 30) },
    ];
    const packed = packSummary({ ...summary, external });
    assert.deepStrictEqual(packed.words, ['antwoord vraag signal', 'brief mei 2022']);
    assert.deepStrictEqual(packed.dates, ['2022-05-18']);
    assert.deepStrictEqual(Array.from(packed.sites), [0, 12, -1, 0, 3, 4, 3, 20, 1, -1, 0, 1, 10, 0, 10, 16, 1, -1, 0, 1, 40, 2, 41, 1, 0, 0, 0, 0, 50, 7, 50, 30]);
    assert.deepStrictEqual(unpackSummary(packed).external, external);
  });
});
