// What the index keeps of a file (workspace/summary.ts), checked against the
// text of a corpus file read by hand: the summary is a copy that holds none of
// the document's text, and that copy must read exactly as the text does.

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { summarizeFile } from '../../server/src/workspace/ingest';

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
});
