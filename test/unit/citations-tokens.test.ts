// The analysis finds citations by scanning the token stream of the kept lines
// (`tokenizeLines`). A citation may start only where a word (a run of letters)
// or a run of ASCII digits starts; the tokenizer must cut the text exactly
// there, or a citation is missed or found in the wrong place. The reference
// here is that definition, written out over the characters by the test: a
// stream with one token per maximal run of letters (`isLetter`) and per
// maximal run of digits, on the kept lines only. Both streams must give the
// same citations, to the character, on the corpus and on any mix of citation
// fragments. The scan reads only the tokens its stream lists as possible
// starts (`Tokens.citeStarts`): the reference lists every token, so the
// comparison also checks that the tokenizer's shorter list leaves out no token
// where a citation starts. (What the scan finds for a given stream is checked
// by hand in citations.test.ts.)

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as fc from 'fast-check';
import { findCitations } from '../../server/src/model/citations';
import { isDigit, isLetter, LineIndex } from '../../server/src/model/text';
import { tokenizeLines, Tokens, TokenKind } from '../../server/src/model/tokens';

const CORPUS = path.resolve(process.cwd(), 'test/fixtures/corpus');

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? files(p) : e.name.endsWith('.txt') ? [p] : [];
  });
}

/** The reference stream: every maximal run of letters is a word, every maximal run of ASCII digits a number; nothing else can start a citation. */
function characterRuns(lines: LineIndex, keep: (line: number) => boolean): Tokens {
  const text = lines.text;
  const tokens = new Tokens(text, text.length + 1);
  let n = 0;
  for (let line = 0; line < lines.lineCount; line++) {
    if (!keep(line)) continue;
    const end = lines.lineEnd(line);
    let p = lines.lineStart(line);
    while (p < end) {
      const c = text.charCodeAt(p);
      const inRun = isDigit(c) ? isDigit : isLetter(c) ? isLetter : null;
      if (inRun === null) {
        p++;
        continue;
      }
      let q = p + 1;
      while (q < end && inRun(text.charCodeAt(q))) q++;
      tokens.kind[n] = inRun === isDigit ? TokenKind.Number : TokenKind.Word;
      // A word may hold glued words: the scan reads its letters for a capital (see `Tokens.value`).
      if (inRun !== isDigit) tokens.value[n] = 1;
      tokens.start[n] = p;
      tokens.end[n] = q;
      tokens.line[n] = line;
      n++;
      p = q;
    }
  }
  tokens.length = n;
  // Every token is a possible start: the scan reads them all.
  tokens.citeStarts.list = Int32Array.from({ length: n }, (_, i) => i);
  tokens.citeStarts.count = n;
  return tokens;
}

function bothWays(text: string, skip: (line: number) => boolean): void {
  const lines = new LineIndex(text);
  const keep = (line: number) => !skip(line);
  const byReference = findCitations(lines, skip, characterRuns(lines, keep));
  const byTokenizer = findCitations(lines, skip, tokenizeLines(lines, keep));
  assert.deepEqual(byTokenizer, byReference);
}

describe('citations over the token stream', () => {
  it('the reference stream is what its definition says, on a line with every kind of character', () => {
    const text = 'Zie kst-36410ECLI:NL 2024Z12345, é\u00a0ß😀Wob\nx';
    const lines = new LineIndex(text);
    const t = characterRuns(lines, (line) => line === 0);
    const got = Array.from({ length: t.length }, (_, i) => [t.kind[i] === TokenKind.Number ? 'n' : 'w', text.slice(t.start[i], t.end[i])]);
    assert.deepEqual(got, [['w', 'Zie'], ['w', 'kst'], ['n', '36410'], ['w', 'ECLI'], ['w', 'NL'], ['n', '2024'], ['w', 'Z'], ['n', '12345'], ['w', 'é'], ['w', 'ß'], ['w', 'Wob']]);
  });

  it('match the reference on every corpus file, with and without skipped lines', () => {
    let compared = 0;
    for (const file of files(CORPUS)) {
      const text = fs.readFileSync(file, 'utf8');
      bothWays(text, () => false);
      bothWays(text, (line) => line % 7 === 3);
      compared++;
    }
    assert.ok(compared > 80, `${compared} corpus files`);
  });

  it('match the reference for any mix of citation fragments', () => {
    const fragments = [
      'Kamerstuk', 'Kamerstukken II', ' ', '\u00a0', '\n', '\r\n', '-\n', '-', ',', '.', '(', ')', '/', 'é', 'ß', '\ud83d\ude00',
      '36 410', ' VIII', ', nr. ', '112', '2022Z09875', '2024D42030', '20', 'Z', 'D', '09875', 'kv-tk-', 'kst-',
      'https://', 'www.', 'x.nl/', 'a-b', 'ECLI', ':NL', ':RVS:2019:1234', 'Aanhangsel ', 'van de ', 'Handelingen',
      ', vergaderjaar ', '2023–2024', '2019/20', 'Tweede Kamer, ', 'Wob', 'Wet open overheid', 'Archiefwet 1995',
      'Stb. ', '2024, 153', 'Staatscourant ', 'item 3', 'debat', 'Wob-rechtspraak', 'Woo-stukken', 'kamerstuk', 'x', 'Y',
      // Glued words, capitals inside a word, and the shapes of anchors that are none (`kamer` is one, `komen` is not).
      'AanhangselHandelingen', 'zieKamerstuk', 'KAMERSTUK', 'WOB', 'wOb', 'komen', 'Wat', 'Kamer', '1234', 'Zaak', 'Dossier',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...fragments), { maxLength: 40 }), fc.func(fc.boolean()), (parts, skip) => {
        bothWays(parts.join(''), (line) => skip(line));
      }),
      { numRuns: 3000 },
    );
  });
});
