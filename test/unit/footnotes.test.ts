import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { analyze } from '../../server/src/model/analysis';
import { analyzeFixture, FIXTURES, squash, textOf } from './util';

describe('footnote markers', () => {
  it('numbers the markers of the sample 1 to 9, glued to words, punctuation and a year', () => {
    const a = analyzeFixture('openkamer/kv-2022Z09875.txt');
    assert.deepStrictEqual(a.footnotes.map((f) => f.number), [1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const glued = ['organisatie?', 'brief', 'brief', 'brief', 'maart 2019', 'chatberichten', 'brief', 'brief', 'brief'];
    a.footnotes.forEach((f, i) => assert.ok(a.text.slice(0, f.span.start).endsWith(glued[i]), `marker ${f.number} after ${glued[i]}`));
  });

  it('reads markers alone on a line and at the start of the next line in PDF text, not m³', () => {
    const a = analyzeFixture('official/ah-tk-20242025-564.txt');
    assert.deepStrictEqual(a.footnotes.map((f) => f.number), [1, 2, 3, 4, 5]);
    assert.deepStrictEqual(a.footnotes.map((f) => f.range.start.line + 1), [45, 55, 107, 118, 121]);
  });

  it('attaches the footnote text at the page bottom', () => {
    const a = analyzeFixture('official/ah-tk-20242025-584.txt');
    const f1 = a.footnotes.find((f) => f.number === 1)!;
    assert.strictEqual(squash(f1.note!.text), '1Kamerstuk 36 410 VIII, nr. 112');
    const f2 = a.footnotes.find((f) => f.number === 2)!;
    assert.match(f2.note!.text, /^2Stb\. 2024, 153/);
  });

  it('reads Markdown markers [1, 2 ] but not 11[e ] or a numbered list', () => {
    const a = analyzeFixture('official/ah-tk-20232024-403.txt');
    assert.deepStrictEqual(a.footnotes.map((f) => f.number), [1, 2, 3, 4, 5, 6]);
    assert.strictEqual(squash(textOf(a, a.footnotes[0])), '1');
    const b = analyzeFixture('official/ah-tk-20242025-594.txt');
    assert.deepStrictEqual(b.footnotes.map((f) => f.number), [1, 2, 3]);
  });

  it('reads a marker pair ?1 2 / Hil.2 3', () => {
    const a = analyzeFixture('openkamer/kv-2024Z16988.txt');
    assert.deepStrictEqual(a.footnotes.map((f) => f.number), [1, 2, 3]);
  });

  it('reports bracketed markers out of order', () => {
    const a = analyze('Vraag 1\nKent u het bericht?[1 ]\n\nVraag 2\nEn dit?[3 ]\n');
    const d = a.diagnostics.find((x) => x.code === 'footnote-disorder')!;
    assert.ok(d);
    assert.strictEqual(a.text.slice(d.span.start, d.span.end), '3');
  });

  it('does not take CO2, m3 or a zaak number for markers', () => {
    const a = analyze('Vraag 1\nHoeveel CO2 en m3 gas, kenmerk 2024Z18438?\n');
    assert.deepStrictEqual(a.footnotes, []);
  });
});

describe('footnote markers against footnote texts, over the whole corpus', () => {
  it('finds a marker for nearly every footnote text at a page bottom, and markers in sequence', () => {
    const dir = path.join(FIXTURES, 'official');
    let notes = 0;
    let matched = 0;
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.txt'))) {
      const a = analyze(fs.readFileSync(path.join(dir, file), 'utf8'));
      const markers = new Set(a.footnotes.map((f) => f.number));
      a.footnotes.forEach((f, i) => assert.strictEqual(f.number, i + 1, `${file}: marker ${f.number} at ${i + 1}`));
      for (const s of a.sections.filter((x) => x.kind === 'footnotes')) {
        notes++;
        const n = parseInt(a.text.slice(s.span.start, s.span.start + 4).replace(/^\[/, ''), 10);
        if (markers.has(n)) matched++;
      }
    }
    // Footnote texts without a marker: a marker lost in extraction, or a text misread (`22023 Annual report` is footnote 2).
    assert.ok(notes > 100, `${notes} footnote texts`);
    assert.ok(matched / notes >= 0.97, `${matched} of ${notes} footnote texts have a marker`);
  });
});
