// Folding and Expand Selection on a small official text, and what every
// position feature answers for a position past the end of its line or of the
// document: nothing (null or an empty list), and for Expand Selection the
// whole document.

import * as assert from 'assert';
import { FoldingRangeKind, type Position, type Range, type SelectionRange } from 'vscode-languageserver-types';
import { provideDefinition } from '../../../server/src/features/definition';
import { provideFoldingRanges } from '../../../server/src/features/folding';
import { provideHover } from '../../../server/src/features/hover';
import { provideDocumentHighlights, provideReferences } from '../../../server/src/features/references';
import { provideSelectionRanges } from '../../../server/src/features/selectionRange';
import { assertMarks, hoverValue, lineLength, load } from './harness';

// Header over three lines, question 1 and its two-line answer, questions 2 and 3 with one answer.
const OFFICIAL = `
  Vragen van het lid De Vries (CDA) aan de Minister van Volksgezondheid, Welzijn en Sport over de sluiting van
  ^ header
  het zwembad in Zuidwolde (ingezonden 19 mei 2022).
  Antwoord van Minister Jansen (Volksgezondheid, Welzijn en Sport) (ontvangen 9 juni 2022).
                                                                                          ^ header.end
  Vraag 1
  ^ q1
  Bent u bekend met het bericht «Zwembad Zuidwolde sluit de deuren»?
  Antwoord 1
  ^ a1
  Ja. De gemeenteraad heeft op 19 m|ei 2022 besloten het zwembad te sluiten.
  ^ body
                                  ^^^^ word
                               ^^^^^^^^^^^^ date
                                                                           ^ line.end
  Het besluit gaat in op 1 januari 2023.
                                       ^ a1.end
  Vraag 2 en 3
  ^ q2
  Klopt het dat scholen nu uitwijken naar Hoogeveen?
  Wat kost dat de scholen?
  Antwoord 2 en 3
  ^ a2
  Ja. De kosten zijn nog niet bekend.
                                    ^ a2.end
`;

/** The ranges of a selection, innermost first. */
function chain(s: SelectionRange | undefined): Range[] {
  const out: Range[] = [];
  for (let r = s; r; r = r.parent) out.push(r.range);
  return out;
}

describe('features (fixtures): folding and selection ranges', () => {
  it('folds the header, each question with its answer, and each answer', () => {
    const { f, service, uri } = load(OFFICIAL);
    const line = (name: string) => f.range(name).start.line;
    assert.deepStrictEqual(provideFoldingRanges(service, uri), [
      { startLine: line('header'), endLine: line('header.end'), kind: FoldingRangeKind.Imports },
      { startLine: line('q1'), endLine: line('a1.end'), kind: FoldingRangeKind.Region },
      { startLine: line('a1'), endLine: line('a1.end'), kind: FoldingRangeKind.Region },
      { startLine: line('q2'), endLine: line('a2.end'), kind: FoldingRangeKind.Region },
      { startLine: line('a2'), endLine: line('a2.end'), kind: FoldingRangeKind.Region },
    ]);
  });

  it('expands from a word of a date to the date, its line, the answer text, the answer, the question block and the document', () => {
    const { f, service, uri } = load(OFFICIAL);
    assertMarks(f, { word: 'mei', date: '19 mei 2022' });
    for (const end of ['line.end', 'a1.end', 'a2.end']) assert.strictEqual(f.range(end).end.character, lineLength(f, f.range(end).end.line), `fixture: ${end} ends its line`);
    const [selection] = provideSelectionRanges(service, uri, [f.position]);
    assert.deepStrictEqual(chain(selection), [
      f.range('word'),
      f.range('date'),
      f.span('body', 'line.end'),
      f.span('body', 'a1.end'),
      f.span('a1', 'a1.end'),
      f.span('q1', 'a1.end'),
      f.span('header', 'a2.end'),
    ]);
  });
});

describe('features (fixtures): selection ranges in the openkamer layout', () => {
  const source = `
    Kamervraag 2022Z10123
    ^ doc

    De sluiting van het zwembad in Zuidwolde.

    Ingediend 19 mei 2022
    Beantwoord 9 juni 2022 (na 21 dagen)
    Indiener Jan de Vries (CDA)
     • Vraag 1
       ^^^^^^^ q1
      Bent u bekend met het bericht «Zwembad Zuidwolde sluit de deuren»?

      Ja. De gemeente heeft mij daarover op 17 mei 2022 geïnformeerd.
                                                                    ^ q1.end

     • Vra|ag 2
       ^^^^^^ word
       ^^^^^^^^ q2
      Wat betekent de sluiting voor het schoolzwemmen?

      Scholen wijken uit naar Hoogeveen.
      Het vervoer betaalt de gemeente.
                                     ^ q2.end
  `;

  it('the fixture: two questions, each block from its heading to the end of its answer', () => {
    const { f, service, uri } = load(source);
    assertMarks(f, { word: 'Vraag', q2: 'Vraag 2' });
    const a = service.analysis(uri)!;
    assert.strictEqual(a.layout, 'openkamer');
    assert.deepStrictEqual(a.questions.map((q) => q.range), [f.span('q1', 'q1.end'), f.span('q2', 'q2.end')]);
  });

  // From a ` • Vraag 2` heading the line starts at column 0 (the bullet's indentation) and the question
  // block at the heading (column 3): the line is cut to the block, so that the block stays in the chain.
  it('from a • Vraag heading expands to its question block before the whole document', () => {
    const { f, service, uri } = load(source);
    const ranges = chain(provideSelectionRanges(service, uri, [f.position])[0]);
    assert.deepStrictEqual(ranges.slice(0, 2), [f.range('word'), f.range('q2')]);
    assert.deepStrictEqual(ranges[ranges.length - 1], f.span('doc', 'q2.end'));
    const block = ranges.find((r) => r.start.line === f.range('q2').start.line && r.start.character <= f.range('q2').start.character
      && r.end.line === f.range('q2.end').end.line && r.end.character === f.range('q2.end').end.character);
    assert.ok(block, `no question block in the chain: ${JSON.stringify(ranges)}`);
  });
});

describe('features (fixtures): positions past the end', () => {
  const source = `
    Vragen van het lid De Vries (CDA) aan de Minister van Volksgezondheid, Welzijn en Sport over de sluiting van het zwembad in Zuidwolde (ingezonden 19 mei 2022).
    ^ doc
    Antwoord van Minister Jansen (Volksgezondheid, Welzijn en Sport) (ontvangen 9 juni 2022).
    Vraag 1|
    ^^^^^^^ question
    Bent u bekend met het bericht «Zwembad Zuidwolde sluit de deuren»?
    Antwoord 1
    ^^^^^^^^^^ answer
    Ja, zie ook het antwoord op vraag 1 van de eerdere schriftelijke vragen.
                                                                           ^ doc.end
  `;

  it('the end of a line is still on what ends there: Vraag 1| has its hover and its definition', () => {
    const { f, service, uri } = load(source);
    assertMarks(f, { question: 'Vraag 1', answer: 'Antwoord 1' });
    assert.strictEqual(f.position.character, lineLength(f, f.position.line));
    assert.match(hoverValue(provideHover(service, uri, f.position)), /^\*\*Vraag 1\*\*/);
    assert.deepStrictEqual(provideDefinition(service, uri, f.position)!.map((l) => l.targetSelectionRange), [f.range('answer')]);
  });

  it('one past the end of a line, of the last line, or a line past the last: no hover, definition, references or highlights; selection is the whole document', () => {
    const { f, service, uri } = load(source);
    const last = f.range('doc.end').end.line;
    assert.strictEqual(f.range('doc.end').end.character, lineLength(f, last), 'fixture: doc.end ends the last line');
    assert.strictEqual(last, f.text().split('\n').length - 1, 'fixture: doc.end is on the last line');
    const positions: Position[] = [
      { line: f.position.line, character: f.position.character + 1 },
      { line: last, character: lineLength(f, last) + 1 },
      { line: last + 1, character: 0 },
      { line: 1000, character: 1000 },
    ];
    for (const p of positions) {
      const where = `at ${p.line}:${p.character}`;
      assert.strictEqual(provideHover(service, uri, p), null, where);
      assert.strictEqual(provideDefinition(service, uri, p), null, where);
      assert.deepStrictEqual(provideReferences(service, uri, p, { includeDeclaration: true }), [], where);
      assert.deepStrictEqual(provideDocumentHighlights(service, uri, p), [], where);
      assert.deepStrictEqual(provideSelectionRanges(service, uri, [p]).map(chain), [[f.span('doc', 'doc.end')]], where);
    }
  });
});
