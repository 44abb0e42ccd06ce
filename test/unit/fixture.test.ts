// The inline fixture format of the feature tests (test/unit/fixture.ts):
// every expectation here is counted by hand on the fixture as written.

import * as assert from 'assert';
import { DEFAULT_URI, parseFixture } from './fixture';

const at = (line: number, character: number) => ({ line, character });
const range = (l1: number, c1: number, l2: number, c2: number) => ({ start: at(l1, c1), end: at(l2, c2) });

describe('fixture format', () => {
  it('takes the cursor out of the text and gives its position', () => {
    const f = parseFixture('Vraag 1\nZie antwoord vr|aag 2.');
    assert.strictEqual(f.text(), 'Vraag 1\nZie antwoord vraag 2.');
    assert.deepStrictEqual(f.cursor, { uri: DEFAULT_URI, position: at(1, 15) });
    assert.deepStrictEqual(f.position, at(1, 15));
    assert.deepStrictEqual(f.ranges, []);
  });

  it('puts the cursor at the start and at the end of a line', () => {
    assert.deepStrictEqual(parseFixture('|Vraag 1').position, at(0, 0));
    assert.deepStrictEqual(parseFixture('Vraag 1|').position, at(0, 7));
    assert.strictEqual(parseFixture('Vraag 1|').text(), 'Vraag 1');
  });

  it('has no cursor when none is written', () => {
    const f = parseFixture('Vraag 1\nAntwoord 1');
    assert.strictEqual(f.cursor, null);
    assert.throws(() => f.position, /no cursor/);
  });

  it('reads a line of ^ as the range on the line above and drops it from the text', () => {
    const f = parseFixture([
      'Vraag 1',
      'Zie antwoord vraag 2.',
      '    ^^^^^^^^',
      'Antwoord 1',
    ].join('\n'));
    assert.strictEqual(f.text(), 'Vraag 1\nZie antwoord vraag 2.\nAntwoord 1');
    assert.deepStrictEqual(f.ranges, [{ uri: DEFAULT_URI, name: null, range: range(1, 4, 1, 12) }]);
    assert.deepStrictEqual(f.range(), range(1, 4, 1, 12));
  });

  it('counts marker columns on the line as written: a cursor before or inside the marked text does not shift the range', () => {
    // Written: `Zie a|ntwoord vraag 2.` — the `^` run stands under `antwoord` (written columns 4–12, `|` at 5).
    const f = parseFixture([
      'Zie a|ntwoord vraag 2.',
      '    ^^^^^^^^^',
      '              ^^^^^^^',
    ].join('\n'));
    assert.strictEqual(f.text(), 'Zie antwoord vraag 2.');
    assert.deepStrictEqual(f.position, at(0, 5));
    // `antwoord` is columns 4–12 of the text; `vraag 2` is 13–20.
    assert.deepStrictEqual(f.ranges.map((r) => r.range), [range(0, 4, 0, 12), range(0, 13, 0, 20)]);
  });

  it('reads several runs on one marker line and several marker lines under one line, with names', () => {
    const f = parseFixture([
      'de antwoorden op vraag 8 en 9',
      '^^^^^^^^^^^^^^^^^^^^^^^^ first',
      '                            ^ second',
      '   ^^^^^^^^^^a^^b',
    ].join('\n'));
    assert.strictEqual(f.text(), 'de antwoorden op vraag 8 en 9');
    assert.deepStrictEqual(f.ranges.map((r) => [r.name, r.range]), [
      ['first', range(0, 0, 0, 24)],
      ['a', range(0, 3, 0, 13)],
      ['b', range(0, 14, 0, 16)],
      ['second', range(0, 28, 0, 29)],
    ]);
    assert.deepStrictEqual(f.range('second'), range(0, 28, 0, 29));
    assert.deepStrictEqual(f.all('first'), [range(0, 0, 0, 24)]);
    assert.throws(() => f.range(), /found 0/);
    assert.throws(() => f.range('third'), /found 0/);
  });

  it('gives a range over several lines from two named ranges', () => {
    const f = parseFixture([
      'Antwoord 2',
      '^ from',
      'Nee.',
      'Dat is niet zo.',
      '              ^ to',
    ].join('\n'));
    assert.deepStrictEqual(f.span('from', 'to'), range(0, 0, 2, 15));
  });

  it('writes a literal | twice, also before a cursor and under a marker', () => {
    const f = parseFixture([
      'a || b |c',
      '     ^^^',
    ].join('\n'));
    // Text `a | b c`: the escape leaves one `|` at column 2; the cursor is before `c` at column 6.
    assert.strictEqual(f.text(), 'a | b c');
    assert.deepStrictEqual(f.position, at(0, 6));
    // Written columns 5–8 (`b |`) are text columns 4–6 (`b `; the cursor takes no room).
    assert.deepStrictEqual(f.range(), range(0, 4, 0, 6));
  });

  it('takes another cursor mark when the text needs |', () => {
    const f = parseFixture('kolom | kolom $0twee', { cursor: '$0' });
    assert.strictEqual(f.text(), 'kolom | kolom twee');
    assert.deepStrictEqual(f.position, at(0, 14));
    assert.strictEqual(parseFixture('prijs $0$0 5', { cursor: '$0' }).text(), 'prijs $0 5');
  });

  it('removes the common indentation and the blank first and last lines of a template literal', () => {
    const f = parseFixture(`
      Kamervraag 2022Z10123
       • Vraag 1
        Klopt het dat het zwembad sluit?
        ^^^^^ verb

        Ja|.
    `);
    assert.strictEqual(f.text(), 'Kamervraag 2022Z10123\n • Vraag 1\n  Klopt het dat het zwembad sluit?\n\n  Ja.');
    assert.deepStrictEqual(f.range('verb'), range(2, 2, 2, 7));
    assert.deepStrictEqual(f.position, at(4, 4));
    // Without dedent the text keeps its indentation and its first and last lines.
    const raw = parseFixture('\n  Vraag 1\n', { dedent: false });
    assert.strictEqual(raw.text(), '\n  Vraag 1\n');
  });

  it('splits several documents at //- separators, each with its own ranges; one cursor in all', () => {
    const f = parseFixture(`
      //- file:///a.kamervraag
      Vraag 1
      ^^^^^^^ q
      Antwoord 1
      //- file:///b.kamervraag
      Zie ook kenmerk 2022Z10123|.
                      ^^^^^^^^^^ q
    `);
    assert.deepStrictEqual(f.documents, [
      { uri: 'file:///a.kamervraag', text: 'Vraag 1\nAntwoord 1' },
      { uri: 'file:///b.kamervraag', text: 'Zie ook kenmerk 2022Z10123.' },
    ]);
    assert.deepStrictEqual(f.cursor, { uri: 'file:///b.kamervraag', position: at(0, 26) });
    assert.strictEqual(f.cursorUri, 'file:///b.kamervraag');
    assert.deepStrictEqual(f.range('q', 'file:///a.kamervraag'), range(0, 0, 0, 7));
    assert.deepStrictEqual(f.range('q', 'file:///b.kamervraag'), range(0, 16, 0, 26));
    assert.throws(() => f.range('q'), /found 2/);
    assert.deepStrictEqual(f.ranges.map((r) => r.uri), ['file:///a.kamervraag', 'file:///b.kamervraag']);
    assert.throws(() => f.text(), /2 documents/);
    assert.strictEqual(f.text('file:///b.kamervraag'), 'Zie ook kenmerk 2022Z10123.');
  });

  it('names the document of a fixture without separators', () => {
    assert.strictEqual(parseFixture('Vraag 1').uri, DEFAULT_URI);
    assert.strictEqual(parseFixture('Vraag 1', { uri: 'file:///x.kv.txt' }).uri, 'file:///x.kv.txt');
  });

  it('refuses what it cannot mean', () => {
    assert.throws(() => parseFixture('a|b|c'), /two cursors/);
    assert.throws(() => parseFixture('a|b\nc|d'), /second cursor/);
    assert.throws(() => parseFixture('^^^\nVraag 1'), /no text line above/);
    assert.throws(() => parseFixture('Vraag 1\n^^^^^^^^^'), /past the end/);
    assert.throws(() => parseFixture('Vraag 1\n//- file:///a'), /before the first/);
    assert.throws(() => parseFixture('//- file:///a\nx\n//- file:///a\ny'), /twice/);
    assert.throws(() => parseFixture('//- \nx'), /without a URI/);
    assert.throws(() => parseFixture('    Vraag 1\n  ^^^'), /indented less/);
  });
});
