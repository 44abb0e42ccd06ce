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

describe('references and footnote markers', () => {
  const HEAD = 'Vragen van het lid Podt (D66) aan de minister van Onderwijs over zwemles (ingezonden 3 maart 2025).';
  const FOOT = 'Tweede Kamer, vergaderjaar 2024–2025, Aanhangsel 1';
  /** Questions 1 to 5, question 1 with marker 1; `answer` stands in answer 3, then the page's note texts. */
  const doc = (answer: string[], notes: string[] = []) => analyze([HEAD, '', 'Vraag 1', 'Kent u het bericht?1', '', 'Antwoord 1', 'Ja.', '',
    'Vraag 2', 'Wat vindt u ervan?', '', 'Antwoord 2', 'Niets.', '', 'Vraag 3', 'Waarom niet?', '', 'Antwoord 3', ...answer, ...notes, FOOT, '',
    'Vraag 4', 'En nu?', '', 'Antwoord 4', 'Nu ook.', '', 'Vraag 5', 'Wanneer?', '', 'Antwoord 5', 'Morgen.', ''].join('\n'));
  const refs = (a: ReturnType<typeof analyze>) => a.references.map((r) => [r.from, r.number]);
  const marks = (a: ReturnType<typeof analyze>) => a.footnotes.map((f) => f.number);

  it('does not take a marker at the start of a line after vragen, vraag or antwoord for a question number', () => {
    // `vragen` + one number and a verb: the marker of the line before, without its note text.
    const a = doc(['Dat staat in de antwoorden op de eerder gestelde vragen', '2 is het beleid aangepast.']);
    assert.deepStrictEqual(marks(a), [1, 2]);
    assert.deepStrictEqual(refs(a), []);
    // After `vraag` or `antwoord` only with its note text.
    const b = doc(['Dat volgt uit het antwoord op vraag', '2 waarin het kabinet dat uitlegt.'], ['1Kamerstuk 1', '2Kamerstuk 2']);
    assert.deepStrictEqual(marks(b), [1, 2]);
    assert.deepStrictEqual(refs(b), []);
    const c = doc(['Zie ook het eerdere antwoord', '2, dat nog steeds geldt.'], ['1Kamerstuk 1', '2Kamerstuk 2']);
    assert.deepStrictEqual(marks(c), [1, 2]);
    assert.deepStrictEqual(refs(c), []);
  });

  it('keeps a question number at the start of a line a reference when it is no marker', () => {
    // No note text 2: `vraag` + `2 is aangegeven` is the reference of `Zoals in het antwoord op vraag 2 is aangegeven`.
    const a = doc(['Zoals in het antwoord op vraag', '2 is aangegeven, is dat zo.']);
    assert.deepStrictEqual(marks(a), [1]);
    assert.deepStrictEqual(refs(a), [[3, 2]]);
    // A list after `vragen` is a list of question numbers.
    const b = doc(['Zie de antwoorden op de vragen', '2 en 4 hierover.']);
    assert.deepStrictEqual(marks(b), [1]);
    assert.deepStrictEqual(refs(b), [[3, 2], [3, 4]]);
    const c = doc(['Zie de antwoorden op de vragen', '2, 4 en 5.']);
    assert.deepStrictEqual(refs(c), [[3, 2], [3, 4], [3, 5]]);
    // Glued by the PDF: `vraag2.` is a question number.
    const d = doc(['Zie het antwoord op vraag2.']);
    assert.deepStrictEqual(marks(d), [1]);
    assert.deepStrictEqual(refs(d), [[3, 2]]);
  });

  it('does not take the number that opens a note text for the number after vraag at the end of the line above', () => {
    const a = doc(['Dat is het beleid. Zie ook het antwoord op vraag'], ['1Kamerstuk 36 410, nr. 1', '2Kamerstuk 36 410, nr. 2']);
    assert.deepStrictEqual(refs(a), []);
  });
});

describe('references in footnote texts', () => {
  const HEAD = 'Vragen van het lid Podt (D66) aan de minister van Onderwijs over zwemles (ingezonden 3 maart 2025).';
  const FOOT = 'Tweede Kamer, vergaderjaar 2024–2025, Aanhangsel 1';
  const refs = (a: ReturnType<typeof analyze>) => a.references.map((r) => [r.from, r.number, r.target]);

  it('gives a reference in a note text at a page bottom inside an answer the block of that answer', () => {
    const a = analyze([HEAD, '', 'Vraag 1', 'Kent u het bericht?', '', 'Antwoord 1', 'Ja.', '', 'Vraag 2', 'Wat vindt u?', '', 'Antwoord 2',
      'Het rapport1 zegt', '1Voor de antwoorden op de vragen 1 en 3 is de bron het rapport.', FOOT, 'dat het goed gaat.', '', 'Vraag 3', 'En nu?', '',
      'Antwoord 3', 'Nu ook.', ''].join('\n'));
    assert.deepStrictEqual(a.footnotes.map((f) => f.number), [1]);
    assert.deepStrictEqual(refs(a), [[2, 1, 1], [2, 3, 3]]);
  });

  it('gives a reference in a note text between two blocks the block before it', () => {
    // The page ends after the last line of answer 3: its notes stand in block 3, whatever block the marker is in.
    const a = analyze([HEAD, '', 'Vraag 1', 'Kent u het bericht?1', '', 'Antwoord 1', 'Ja.', '', 'Vraag 2', 'Wat?', '', 'Antwoord 2', 'Nee.', '',
      'Vraag 3', 'Waarom?', '', 'Antwoord 3', 'Zie het rapport2.', '1Zie ook het antwoord op vraag 2.', '2Voor de antwoorden op de vragen 2, 4 en 5 is de bron dit rapport.',
      FOOT, '', 'Vraag 4', 'En nu?', '', 'Antwoord 4', 'Nu.', '', 'Vraag 5', 'Wanneer?', '', 'Antwoord 5', 'Morgen.', ''].join('\n'));
    assert.deepStrictEqual(refs(a), [[3, 2, 2], [3, 2, 2], [3, 4, 4], [3, 5, 5]]);
  });

  it('gives a reference in a note text at the end of the document the block of the note\'s marker', () => {
    const bracket = analyze([HEAD, '', 'Vraag 1', 'Kent u het bericht?[1]', '', 'Antwoord 1', 'Ja.', '', 'Vraag 2', 'Wat?', '', 'Antwoord 2',
      'Nee, zie het rapport[2].', '', 'Vraag 3', 'Waarom?', '', 'Antwoord 3', 'Daarom.', '',
      '[1] Voor de antwoorden op de vragen 2 en 3 is de bron het rapport.', '[2] Zie ook het antwoord op vraag 3.', ''].join('\n'));
    assert.deepStrictEqual(refs(bracket), [[1, 2, 2], [1, 3, 3], [2, 3, 3]]);
    const paren = analyze([HEAD, '', 'Vraag 1', 'Kent u het bericht? 1)', '', 'Antwoord 1', 'Ja.', '', 'Vraag 2', 'Wat?', '', 'Antwoord 2',
      'Nee, het staat in het rapport 2) en de brief.', '', 'Vraag 3', 'Waarom?', '', 'Antwoord 3', 'Daarom.', '',
      '1) Zie ook het antwoord op vraag 3.', '2) Voor het antwoord op vraag 1 is de bron het rapport.', ''].join('\n'));
    assert.deepStrictEqual(paren.footnotes.map((f) => f.number), [1, 2]);
    assert.deepStrictEqual(refs(paren), [[1, 3, 3], [2, 1, 1]]);
  });
});
