// Hover, go to definition, find references and document highlights over the
// protocol, on the reference sample (openkamer layout) and on official
// publications (PDF and Word text).

import * as assert from 'assert';
import {
  DefinitionRequest,
  DocumentHighlightKind,
  DocumentHighlightRequest,
  HoverRequest,
  ReferencesRequest,
  type Position,
  type Range,
} from 'vscode-languageserver-protocol/node';
import {
  analysisOf,
  fixture,
  hoverText,
  lineOf,
  OFFICIAL_564,
  OFFICIAL_584,
  OFFICIAL_605,
  OFFICIAL_609,
  openFixture,
  positionIn,
  range,
  rangeOf,
  SAMPLE,
  sameRange,
  Session,
  showRange,
  squash,
  targets,
  textIn,
  type AnalysisJson,
  type OpenDocument,
  type Target,
} from './harness';

function ranges(list: readonly { range: Range }[]): string[] {
  return list.map((x) => showRange(x.range));
}

describe('protocol: hover, definition, references, highlights', function () {
  let s: Session;
  let sample: OpenDocument;
  let sampleJson: AnalysisJson;
  let o584: OpenDocument;
  let o605: OpenDocument;
  let o609: OpenDocument;
  let o564: OpenDocument;

  before(async function () {
    s = await Session.start({ locale: 'nl' });
    sample = await openFixture(s, SAMPLE);
    o584 = await openFixture(s, OFFICIAL_584);
    o605 = await openFixture(s, OFFICIAL_605);
    o609 = await openFixture(s, OFFICIAL_609);
    o564 = await openFixture(s, OFFICIAL_564);
    sampleJson = await analysisOf(s, sample.uri);
  });

  afterEach(function () {
    s.assertAlive();
  });

  after(async function () {
    await s?.shutdown();
  });

  const hoverAt = async (doc: OpenDocument, position: Position) => s.request(HoverRequest.type, { textDocument: { uri: doc.uri }, position });
  const definitionAt = async (doc: OpenDocument, position: Position): Promise<Target[]> =>
    targets(await s.request(DefinitionRequest.type, { textDocument: { uri: doc.uri }, position }));
  const referencesAt = async (doc: OpenDocument, position: Position, includeDeclaration: boolean) =>
    (await s.request(ReferencesRequest.type, { textDocument: { uri: doc.uri }, position, context: { includeDeclaration } })) ?? [];
  const highlightsAt = async (doc: OpenDocument, position: Position) =>
    (await s.request(DocumentHighlightRequest.type, { textDocument: { uri: doc.uri }, position })) ?? [];

  describe('hover', function () {
    it('on the mistyped date 29 juni 20022: the date meant (2022-06-29) and the typo', async function () {
      const date = rangeOf(sample.text, '29 juni 20022');
      const h = await hoverAt(sample, positionIn(sample.text, '29 juni 20022', 1));
      const text = hoverText(h);
      assert.match(text, /2022-06-29/);
      assert.match(text, /20022/, 'names the year as written');
      assert.match(text, /bedoeld is 2022/, 'names the year meant');
      assert.match(text, /woensdag 29 juni 2022/, 'weekday and date in Dutch');
      assert.ok(h?.range && sameRange(h.range, date), `hover range ${h?.range && showRange(h.range)} is the date ${showRange(date)}`);
    });

    it('on the letter brief2: the letter of 18 mei 2022 with its other mentions', async function () {
      const text = hoverText(await hoverAt(sample, positionIn(sample.text, 'brief2', 1)));
      assert.match(text, /Brief van 18 mei 2022/);
      assert.match(text, /6 keer genoemd/);
      assert.match(text, /[Vv]oetnoot 2/);
    });

    it('on the word brief of a later `brief van 18 mei 2022`: the same letter', async function () {
      const text = hoverText(await hoverAt(sample, positionIn(sample.text, 'brief van 18 mei 2022', 2, 0)));
      assert.match(text, /Brief van 18 mei 2022/);
      assert.match(text, /regel.*15/, 'points back to the first mention on line 15');
    });

    it('on `Zie antwoord vraag 12`: where it leads, with question and answer 12', async function () {
      const ref = rangeOf(sample.text, 'Zie antwoord vraag 12');
      const h = await hoverAt(sample, positionIn(sample.text, 'Zie antwoord vraag 12', 5));
      const text = hoverText(h);
      assert.match(text, /Verwijst naar vraag 12/);
      assert.match(text, /Bent u bereid om het beleid/, 'quotes question 12');
      assert.match(text, /Zoals ook aangegeven in het antwoord op vraag 3/, 'quotes answer 12');
      assert.ok(h?.range && sameRange(h.range, ref), 'hover range is the reference');
    });

    it('on an external reference (`antwoord 2` in question 1): another set of questions, not linked', async function () {
      const text = hoverText(await hoverAt(sample, positionIn(sample.text, 'antwoord 2, stelt', 2)));
      assert.match(text, /andere set vragen/);
      assert.match(text, /Antwoord op vragen van het lid Van der Plas/);
    });

    it('on the `Beantwoord` header line: answer date, both terms and 18 dagen te laat', async function () {
      const text = hoverText(await hoverAt(sample, positionIn(sample.text, 'Beantwoord 18 juli', 2)));
      assert.match(text, /18 juli 2022/);
      assert.match(text, /9 juni 2022/, 'the three-week term');
      assert.match(text, /30 juni 2022/, 'the six-week term after the delay notice');
      assert.match(text, /18 dagen te laat/);
      assert.match(text, /60 dagen/);
    });

    it('on a citation (Archiefwet 1995): its official address', async function () {
      const text = hoverText(await hoverAt(sample, positionIn(sample.text, 'Archiefwet 1995', 3)));
      assert.match(text, /Archiefwet 1995/);
      assert.match(text, /https:\/\/wetten\.overheid\.nl\/BWBR0007376/);
    });

    it('on footnote marker 1 in 584 (a line of its own): the footnote text', async function () {
      const marker = rangeOf(o584.text, '1\nAntwoord 1').start;
      assert.strictEqual(lineOf(o584.text, marker.line), '1');
      const text = hoverText(await hoverAt(o584, marker));
      assert.match(text, /Voetnoot 1/);
      assert.match(text, /Kamerstuk 36 410 VIII, nr\. 112/);
    });

    it('on footnote marker 2 in 584: the footnote text about the Staatsblad', async function () {
      const marker = rangeOf(o584.text, 'jongstleden.\n2\n').start;
      const text = hoverText(await hoverAt(o584, { line: marker.line + 1, character: 0 }));
      assert.match(text, /Voetnoot 2/);
      assert.match(text, /Stb\. 2024, 153/);
    });

    it('on `brief9`: the letter is the delay notice', async function () {
      const text = hoverText(await hoverAt(sample, positionIn(sample.text, 'brief9', 2)));
      assert.match(text, /Brief van 24 mei 2022/);
      assert.match(text, /uitstelmelding van 24 mei 2022/);
    });

    it('on a place without any element: nothing', async function () {
      // The blank line between the title and `Ingediend`.
      const h = await hoverAt(sample, { line: 3, character: 0 });
      assert.ok(h === null || hoverText(h) === '', `no hover on a blank line, got ${JSON.stringify(h)}`);
    });
  });

  describe('definition', function () {
    it('`Zie antwoord vraag 12` goes to answer 12 (the answer text under Vraag 12, line 71)', async function () {
      const origin = rangeOf(sample.text, 'Zie antwoord vraag 12');
      const list = await definitionAt(sample, positionIn(sample.text, 'Zie antwoord vraag 12', 10));
      assert.strictEqual(list.length, 1, JSON.stringify(list));
      const t = list[0];
      assert.strictEqual(t.uri, sample.uri);
      // In the openkamer layout the answer has no heading: line 71 (0-based 70) holds it.
      assert.strictEqual(lineOf(sample.text, 67), ' • Vraag 12');
      assert.strictEqual(t.selection.start.line, 70);
      assert.strictEqual(t.range.start.line, 70);
      assert.ok(textIn(sample.text, t.selection).startsWith('Zoals ook aangegeven in het antwoord op vraag 3'), textIn(sample.text, t.selection).slice(0, 60));
      // Answer 12 is the whole of line 71 after its two spaces of indent: 424 characters, to the end of the line.
      assert.strictEqual(lineOf(sample.text, 70).length, 426);
      assert.strictEqual(showRange(t.range), showRange(range(70, 2, 70, 426)), 'the target is answer 12');
      assert.ok(textIn(sample.text, t.range).endsWith('binnen het kabinet besproken en rijksbreed gecommuniceerd.'), textIn(sample.text, t.range).slice(-60));
      if (t.origin) assert.ok(sameRange(t.origin, origin), `origin ${showRange(t.origin)} is the reference ${showRange(origin)}`);
    });

    const external: [string, string, number][] = [
      ['`antwoord 2` in question 1', 'antwoord 2, stelt', 2],
      ['`het antwoord op vraag 7 van de eerder aangehaalde …` in question 7', 'het antwoord op vraag 7 van de eerder', 18],
      ['`het antwoord op vraag 3 in de brief8 …` in answer 12', 'het antwoord op vraag 3 in de brief8', 18],
      ['`antwoord 3 op de bovengenoemde Kamervragen` in question 13', 'antwoord 3 op de bovengenoemde', 2],
    ];
    for (const [name, needle, delta] of external) {
      it(`the external reference ${name} has no definition`, async function () {
        const list = await definitionAt(sample, positionIn(sample.text, needle, delta));
        assert.deepStrictEqual(list, []);
      });
    }

    it('the four external references are exactly those the model keeps as external', function () {
      const external = sampleJson.references.filter((r) => r.scope === 'external');
      assert.deepStrictEqual(external.map((r) => r.range.start.line), [12, 43, 70, 73]);
      // The hand-made gold lists them with the block they stand in and their words.
      const gold = JSON.parse(fixture(SAMPLE.replace(/\.txt$/, '.gold.json'))) as { externalReferences: { from: number; text: string }[] };
      assert.strictEqual(gold.externalReferences.length, 4);
      const norm = (x: { from: number | null; text: string }) => `${x.from}: ${squash(x.text).toLowerCase()}`;
      assert.deepStrictEqual(external.map(norm), gold.externalReferences.map(norm));
    });

    it('`brief9 van 24 mei 2022` goes to the delay notice (Mededeling)', async function () {
      const list = await definitionAt(sample, positionIn(sample.text, 'brief9 van 24 mei', 1));
      assert.strictEqual(list.length, 1, JSON.stringify(list));
      const heading = rangeOf(sample.text, 'Mededeling - 24 mei 2022');
      assert.strictEqual(list[0].selection.start.line, heading.start.line);
      assert.strictEqual(list[0].range.start.line, heading.start.line);
      // The notice: from its heading (line 83, after ` • `) to the end of its text on line 85.
      assert.strictEqual(lineOf(sample.text, 84).length, 507);
      assert.strictEqual(showRange(list[0].range), showRange(range(82, 3, 84, 507)), 'the target is the notice');
      assert.ok(textIn(sample.text, list[0].range).endsWith('binnen de gebruikelijke termijn van 3 weken te beantwoorden.'));
    });

    it('the Mededeling heading goes back to the letter that announces it, `brief9 van 24 mei 2022`', async function () {
      const list = await definitionAt(sample, positionIn(sample.text, 'Mededeling - 24 mei', 3));
      assert.strictEqual(list.length, 1, JSON.stringify(list));
      assert.strictEqual(squash(textIn(sample.text, list[0].range)), 'brief9 van 24 mei 2022');
    });

    it('a later `brief van 18 mei 2022` goes to the first mention, `brief2` in answer 1', async function () {
      const first = rangeOf(sample.text, 'brief2');
      for (const occurrence of [0, 1, 3]) {
        const list = await definitionAt(sample, positionIn(sample.text, 'brief van 18 mei 2022', 1, occurrence));
        assert.strictEqual(list.length, 1, `mention ${occurrence}: ${JSON.stringify(list)}`);
        assert.ok(sameRange(list[0].range, first), `mention ${occurrence} goes to ${showRange(list[0].range)}, not brief2 ${showRange(first)}`);
        assert.strictEqual(textIn(sample.text, list[0].selection), 'brief2');
      }
    });

    it('the date inside a letter mention is a date, and a date has no definition', async function () {
      const list = await definitionAt(sample, positionIn(sample.text, 'brief van 18 mei 2022', 12, 0));
      assert.deepStrictEqual(list, []);
    });

    it('a footnote marker in 584 goes to its footnote text line', async function () {
      const marker = rangeOf(o584.text, '1\nAntwoord 1').start;
      const list = await definitionAt(o584, marker);
      assert.strictEqual(list.length, 1, JSON.stringify(list));
      const note = rangeOf(o584.text, '1Kamerstuk 36 410 VIII, nr. 112');
      assert.strictEqual(list[0].range.start.line, note.start.line);
      assert.ok(textIn(o584.text, list[0].selection).includes('Kamerstuk 36 410 VIII, nr. 112'));
    });

    it('in 564 `Zie het antwoord op de vragen 6 en 7`: the 7 (and the 6) go to the heading `Antwoord 6 en 7`', async function () {
      const heading = rangeOf(o564.text, 'Antwoord 6 en 7');
      for (const [digit, delta] of [['7', 35], ['6', 30]] as const) {
        const at = positionIn(o564.text, 'Zie het antwoord op de vragen 6 en 7', delta);
        assert.strictEqual(lineOf(o564.text, at.line)[at.character], digit);
        const list = await definitionAt(o564, at);
        assert.strictEqual(list.length, 1, `${digit}: ${JSON.stringify(list)}`);
        assert.ok(sameRange(list[0].selection, heading), `${digit} goes to ${showRange(list[0].selection)}, not ${showRange(heading)}`);
      }
    });

    it('in 605 a question heading goes to the grouped answer `Antwoord vragen 1,2,3,4 en 5`, and back', async function () {
      const answer = rangeOf(o605.text, 'Antwoord vragen 1,2,3,4 en 5');
      const list = await definitionAt(o605, positionIn(o605.text, 'Vraag 3', 2));
      assert.strictEqual(list.length, 1);
      assert.ok(sameRange(list[0].selection, answer), showRange(list[0].selection));
      const back = await definitionAt(o605, positionIn(o605.text, 'Antwoord vragen', 3));
      assert.strictEqual(back.length, 1);
      assert.strictEqual(back[0].selection.start.line, rangeOf(o605.text, 'Vraag 1').start.line);
    });

    it('in 609 the question `6.` goes to `Antwoord vraag 4-7:`', async function () {
      const answer = rangeOf(o609.text, 'Antwoord vraag 4-7');
      const list = await definitionAt(o609, positionIn(o609.text, '6. Wat is uw visie', 0));
      assert.strictEqual(list.length, 1, JSON.stringify(list));
      assert.strictEqual(list[0].selection.start.line, answer.start.line);
    });
  });

  describe('references and highlights', function () {
    const vraag1 = () => positionIn(sample.text, 'Vraag 1', 2);
    // The references to question 1: from answers 2, 3 and 5.
    const REFS_TO_1 = [range(19, 220, 19, 243), range(25, 200, 25, 232), range(35, 38, 35, 48)];
    // Every `19 mei` of the sample (the gold has ten dates 2022-05-19), in document order: Ingediend; answer 1
    // (`19 mei jongstleden`, `debat van 19 mei`); the debate in answers 2, 3, 4, 5, 7 and 9; the notice.
    const MENTIONS_OF_19_MAY = [
      range(4, 10, 4, 21), range(14, 462, 14, 480), range(14, 774, 14, 780), range(19, 299, 19, 310), range(25, 80, 25, 91),
      range(30, 814, 30, 825), range(35, 105, 35, 116), range(45, 337, 45, 348), range(55, 384, 55, 395), range(84, 78, 84, 89),
    ];
    const MENTIONS_OF_19_MAY_TEXT = ['19 mei 2022', '19 mei jongstleden', '19 mei', '19 mei 2022', '19 mei 2022', '19 mei 2022', '19 mei 2022', '19 mei 2022', '19 mei 2022', '19 mei 2022'];

    it('on the heading of Vraag 1, without the declaration: the references from answers 2, 3 and 5', async function () {
      const list = await referencesAt(sample, vraag1(), false);
      assert.deepStrictEqual(ranges(list), REFS_TO_1.map(showRange));
      assert.deepStrictEqual(list.map((l) => squash(textIn(sample.text, l.range))), ['het antwoord op vraag 1', 'Zie ook het antwoord bij vraag 1', 'antwoord 1']);
      assert.ok(list.every((l) => l.uri === sample.uri));
    });

    it('on the heading of Vraag 1, with the declaration: also the heading', async function () {
      const list = await referencesAt(sample, vraag1(), true);
      const heading = rangeOf(sample.text, 'Vraag 1');
      assert.deepStrictEqual(new Set(ranges(list)), new Set([heading, ...REFS_TO_1].map(showRange)));
    });

    it('on a reference to question 1: the same set', async function () {
      const list = await referencesAt(sample, positionIn(sample.text, 'antwoord 1 genoemde', 3), false);
      assert.deepStrictEqual(ranges(list), REFS_TO_1.map(showRange));
    });

    it('on a letter: all its mentions', async function () {
      const list = await referencesAt(sample, positionIn(sample.text, 'brief van 18 mei 2022', 2, 2), true);
      // `brief2` in answer 1 (line 15) and the five `brief van 18 mei 2022` in answers 2, 3, 4, 5 and 6 (lines 20, 26, 31, 36, 41).
      const MENTIONS_OF_18_MAY = [range(14, 143, 14, 149), range(19, 253, 19, 274), range(25, 35, 25, 56), range(30, 767, 30, 788), range(35, 58, 35, 79), range(40, 19, 40, 40)];
      assert.deepStrictEqual(new Set(ranges(list)), new Set(MENTIONS_OF_18_MAY.map(showRange)));
      assert.deepStrictEqual(list.map((l) => squash(textIn(sample.text, l.range))).sort(), ['brief van 18 mei 2022', 'brief van 18 mei 2022', 'brief van 18 mei 2022', 'brief van 18 mei 2022', 'brief van 18 mei 2022', 'brief2']);
      assert.strictEqual(list.length, 6);
      assert.ok(list.some((l) => textIn(sample.text, l.range) === 'brief2'), 'brief2 is among them');
      const lines = list.map((l) => l.range.start.line).sort((x, y) => x - y);
      assert.deepStrictEqual(lines, [14, 19, 25, 30, 35, 40]);
    });

    it('on a date: every mention of that date', async function () {
      const list = await referencesAt(sample, positionIn(sample.text, 'debat van 19 mei 2022', 10), true);
      assert.deepStrictEqual(new Set(ranges(list)), new Set(MENTIONS_OF_19_MAY.map(showRange)));
      assert.strictEqual(list.length, 10);
      assert.deepStrictEqual(list.map((l) => squash(textIn(sample.text, l.range))).sort(), [...MENTIONS_OF_19_MAY_TEXT].sort());
    });

    it('documentHighlight on Vraag 1: the heading as Write, the references as Read', async function () {
      const list = await highlightsAt(sample, vraag1());
      const heading = rangeOf(sample.text, 'Vraag 1');
      const write = list.filter((h) => h.kind === DocumentHighlightKind.Write);
      const read = list.filter((h) => h.kind === DocumentHighlightKind.Read);
      assert.deepStrictEqual(ranges(write), [showRange(heading)]);
      assert.deepStrictEqual(ranges(read), REFS_TO_1.map(showRange));
    });

    it('documentHighlight on a date: every mention', async function () {
      const list = await highlightsAt(sample, positionIn(sample.text, 'debat van 19 mei 2022', 10));
      assert.strictEqual(list.length, 10);
      assert.deepStrictEqual(new Set(ranges(list)), new Set(MENTIONS_OF_19_MAY.map(showRange)));
    });

    it('in 564 references to question 7 include the `7` of `de vragen 6 en 7`', async function () {
      const list = await referencesAt(o564, positionIn(o564.text, 'Antwoord 6 en 7', 3), false);
      const seven = rangeOf(o564.text, 'Zie het antwoord op de vragen 6 en 7');
      assert.ok(list.some((l) => l.range.start.line === seven.start.line && l.range.start.character === seven.start.character + 35), ranges(list).join(' '));
    });

    it('in 584 on `Antwoord 2 en 3`: both headings and `antwoord 3` in answer 4', async function () {
      const list = await referencesAt(o584, positionIn(o584.text, 'Antwoord 2 en 3', 3), true);
      assert.deepStrictEqual(list.map((l) => textIn(o584.text, l.range)), ['Vraag 2 en 3', 'Antwoord 2 en 3', 'antwoord 3']);
      const without = await referencesAt(o584, positionIn(o584.text, 'Antwoord 2 en 3', 3), false);
      assert.deepStrictEqual(without.map((l) => textIn(o584.text, l.range)), ['antwoord 3']);
    });

    it('in 584 a footnote marker: the marker and, as declaration, its footnote text', async function () {
      const marker = rangeOf(o584.text, '1\nAntwoord 1').start;
      const note = rangeOf(o584.text, '1Kamerstuk 36 410 VIII, nr. 112');
      const withDecl = await referencesAt(o584, marker, true);
      assert.ok(withDecl.some((l) => l.range.start.line === note.start.line), ranges(withDecl).join(' '));
      assert.ok(withDecl.some((l) => l.range.start.line === marker.line), ranges(withDecl).join(' '));
      const without = await referencesAt(o584, marker, false);
      assert.ok(!without.some((l) => l.range.start.line === note.start.line), ranges(without).join(' '));
    });
  });

  describe('afterwards', function () {
    it('the server logged no feature errors', function () {
      assert.deepStrictEqual(s.errorLogs(), []);
    });
  });
});
