// The analysis runs the citation scan over the token stream; the scan over
// characters is the reference. Both must find the same citations, to the
// character, on the corpus and on any mix of citation fragments.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as fc from 'fast-check';
import { findCitations } from '../../server/src/model/citations';
import { LineIndex } from '../../server/src/model/text';
import { tokenizeLines } from '../../server/src/model/tokens';

const CORPUS = path.resolve(process.cwd(), 'test/fixtures/corpus');

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? files(p) : e.name.endsWith('.txt') ? [p] : [];
  });
}

function bothWays(text: string, skip: (line: number) => boolean): void {
  const lines = new LineIndex(text);
  const byChars = findCitations(lines, skip);
  const byTokens = findCitations(lines, skip, tokenizeLines(lines, (line) => !skip(line)));
  assert.deepEqual(byTokens, byChars);
}

describe('citations over the token stream', () => {
  it('match the scan over characters on every corpus file, with and without skipped lines', () => {
    for (const file of files(CORPUS)) {
      const text = fs.readFileSync(file, 'utf8');
      bothWays(text, () => false);
      bothWays(text, (line) => line % 7 === 3);
    }
  });

  it('match the scan over characters for any mix of citation fragments', () => {
    const fragments = [
      'Kamerstuk', 'Kamerstukken II', ' ', '\u00a0', '\n', '\r\n', '-\n', '-', ',', '.', '(', ')', '/', 'é', 'ß', '\ud83d\ude00',
      '36 410', ' VIII', ', nr. ', '112', '2022Z09875', '2024D42030', '20', 'Z', 'D', '09875', 'kv-tk-', 'kst-',
      'https://', 'www.', 'x.nl/', 'a-b', 'ECLI', ':NL', ':RVS:2019:1234', 'Aanhangsel ', 'van de ', 'Handelingen',
      ', vergaderjaar ', '2023–2024', '2019/20', 'Tweede Kamer, ', 'Wob', 'Wet open overheid', 'Archiefwet 1995',
      'Stb. ', '2024, 153', 'Staatscourant ', 'item 3', 'debat', 'Wob-rechtspraak', 'Woo-stukken', 'kamerstuk', 'x', 'Y',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...fragments), { maxLength: 40 }), fc.func(fc.boolean()), (parts, skip) => {
        bothWays(parts.join(''), (line) => skip(line));
      }),
      { numRuns: 3000 },
    );
  });
});
