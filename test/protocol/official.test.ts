// The features on official-layout publications (Aanhangsel PDF text and
// ministry Word documents), where headings are grouped (`Vraag 2 en 3`,
// `Antwoorden 5 en 6`, `Antwoord vragen 1,2,3,4 en 5`, `Antwoord vraag 4-7:`)
// and answers may stand apart from their questions.

import * as assert from 'assert';
import {
  CodeActionRequest,
  CodeLensRequest,
  DocumentHighlightKind,
  DocumentHighlightRequest,
  DocumentLinkRequest,
  FoldingRangeRequest,
  HoverRequest,
  WorkspaceSymbolRequest,
} from 'vscode-languageserver-protocol/node';
import {
  hoverText,
  lineOf,
  OFFICIAL_564,
  OFFICIAL_584,
  OFFICIAL_605,
  OFFICIAL_609,
  openFixture,
  positionIn,
  rangeOf,
  sameRange,
  Session,
  showRange,
  textIn,
  type OpenedDocument,
} from './harness';

describe('protocol: official publications', function () {
  let s: Session;
  let o584: OpenedDocument;
  let o605: OpenedDocument;
  let o609: OpenedDocument;
  let o564: OpenedDocument;

  before(async function () {
    s = await Session.start({ locale: 'nl' });
    o584 = await openFixture(s, OFFICIAL_584);
    o605 = await openFixture(s, OFFICIAL_605);
    o609 = await openFixture(s, OFFICIAL_609);
    o564 = await openFixture(s, OFFICIAL_564);
  });

  afterEach(function () {
    s.assertAlive();
  });

  after(async function () {
    await s?.shutdown();
  });

  describe('hover', function () {
    it('605: the grouped answer heading names the questions it answers', async function () {
      const text = hoverText(await s.request(HoverRequest.type, { textDocument: { uri: o605.uri }, position: positionIn(o605.text, 'Antwoord vragen', 3) }));
      assert.match(text, /Antwoord op vraag 1, 2, 3, 4 en 5/);
      assert.match(text, /Vraag 1:.*Kunt u uw uitspraak bevestigen/);
    });

    it('609: `Antwoord vraag 4-7:` is the answer to questions 4, 5, 6 and 7', async function () {
      const text = hoverText(await s.request(HoverRequest.type, { textDocument: { uri: o609.uri }, position: positionIn(o609.text, 'Antwoord vraag 4-7', 3) }));
      assert.match(text, /Antwoord op vraag 4, 5, 6 en 7/);
    });

    it('564: the `7` of `de vragen 6 en 7` refers to question 7, answered together with 6', async function () {
      const phrase = rangeOf(o564.text, 'Zie het antwoord op de vragen 6 en 7');
      const h = await s.request(HoverRequest.type, { textDocument: { uri: o564.uri }, position: { line: phrase.start.line, character: phrase.start.character + 35 } });
      const text = hoverText(h);
      assert.match(text, /Verwijst naar vraag 7/);
      assert.match(text, /samen met vraag 6/);
      assert.ok(h?.range && h.range.start.character === phrase.start.character + 35 && h.range.end.character === phrase.start.character + 36, `the hover range is the 7: ${h?.range && showRange(h.range)}`);
    });

    it('584: the Beantwoord date in `(ontvangen 18 november 2024)` and the late answer', async function () {
      const text = hoverText(await s.request(HoverRequest.type, { textDocument: { uri: o584.uri }, position: positionIn(o584.text, 'Antwoord van Minister Bruins', 3) }));
      assert.match(text, /18 november 2024/);
      assert.match(text, /31 dagen te laat/);
    });
  });

  describe('highlights', function () {
    it('605: Vraag 3 and the shared answer heading as Write', async function () {
      const list = (await s.request(DocumentHighlightRequest.type, { textDocument: { uri: o605.uri }, position: positionIn(o605.text, 'Vraag 3', 2) })) ?? [];
      assert.deepStrictEqual(list.map((h) => [textIn(o605.text, h.range), h.kind]), [
        ['Vraag 3', DocumentHighlightKind.Write],
        ['Antwoord vragen 1,2,3,4 en 5', DocumentHighlightKind.Write],
      ]);
    });
  });

  describe('diagnostics and code actions', function () {
    it('605 and 609 have none (no submission date); 564 only late-answer', function () {
      assert.deepStrictEqual(o605.diagnostics.diagnostics, []);
      assert.deepStrictEqual(o609.diagnostics.diagnostics, []);
      assert.deepStrictEqual(o564.diagnostics.diagnostics.map((d) => d.code), ['late-answer']);
      assert.match(String(o564.diagnostics.diagnostics[0].message), /17 dagen te laat/);
    });

    it('584: the late answer has no quick fix', async function () {
      const late = o584.diagnostics.diagnostics[0];
      const actions = (await s.request(CodeActionRequest.type, { textDocument: { uri: o584.uri }, range: late.range, context: { diagnostics: [late] } })) ?? [];
      assert.deepStrictEqual(actions, []);
    });
  });

  describe('foldingRange', function () {
    it('609: each of questions 4 … 7 folds on its own, and the grouped answers fold', async function () {
      const folds = (await s.request(FoldingRangeRequest.type, { textDocument: { uri: o609.uri } })) ?? [];
      const list = folds.map((f) => `${f.startLine}-${f.endLine}`).join(' ');
      const a47 = rangeOf(o609.text, 'Antwoord vraag 4-7').start.line;
      const a914 = rangeOf(o609.text, 'Antwoord vraag 9-14').start.line;
      assert.ok(folds.some((f) => f.startLine === a47), `answer 4-7 in ${list}`);
      assert.ok(folds.some((f) => f.startLine === a914), `answer 9-14 in ${list}`);
      // `6. Wat is uw visie …` runs over two lines, `7. Vindt u …` over three.
      const q6 = rangeOf(o609.text, '6. Wat is uw visie').start.line;
      const q7 = rangeOf(o609.text, '7. Vindt u').start.line;
      assert.ok(folds.some((f) => f.startLine === q6 && f.endLine === q6 + 1), `question 6 ${q6}-${q6 + 1} in ${list}`);
      assert.ok(folds.some((f) => f.startLine === q7 && f.endLine === q7 + 2), `question 7 ${q7}-${q7 + 2} in ${list}`);
      // A question does not fold the questions after it away.
      const q4 = rangeOf(o609.text, '4. Hoe kijkt u').start.line;
      for (const f of folds.filter((x) => x.startLine === q4)) {
        assert.ok(f.endLine < q6, `the fold of question 4 (${f.startLine}-${f.endLine}) does not hide questions 5, 6 and 7`);
      }
    });
  });

  describe('links, lenses, workspace symbols', function () {
    it('609: `Aanhangsel Handelingen, vergaderjaar 2024-2025, nr. 248` → ah-tk-20242025-248', async function () {
      const links = (await s.request(DocumentLinkRequest.type, { textDocument: { uri: o609.uri } })) ?? [];
      const at = rangeOf(o609.text, 'Aanhangsel Handelingen, vergaderjaar 2024-2025, nr. 248');
      const link = links.find((l) => sameRange(l.range, at));
      assert.ok(link, links.map((l) => `${showRange(l.range)} ${l.target}`).join(', '));
      assert.strictEqual(link.target, 'https://zoek.officielebekendmakingen.nl/ah-tk-20242025-248.html');
    });

    it('584: one lens per answer; `Antwoord 2 en 3` is referenced once (`antwoord 3` in answer 4)', async function () {
      const lenses = (await s.request(CodeLensRequest.type, { textDocument: { uri: o584.uri } })) ?? [];
      // The five answer headings: Antwoord 1, Antwoord 2 en 3, Antwoord 4, Antwoorden 5 en 6, Antwoord 7.
      assert.deepStrictEqual(lenses.map((l) => lineOf(o584.text, l.range.start.line)), ['Antwoord 1', 'Antwoord 2 en 3', 'Antwoord 4', 'Antwoorden 5 en 6', 'Antwoord 7']);
      assert.deepStrictEqual(lenses.map((l) => l.range.start.line), [13, 17, 31, 35, 42]);
      const a23 = lenses.find((l) => l.range.start.line === rangeOf(o584.text, 'Antwoord 2 en 3').start.line);
      assert.ok(a23, 'a lens on Antwoord 2 en 3');
      assert.strictEqual(a23.command?.title, '1 verwijzing');
    });

    it('workspace/symbol `vraag 2 en 3` finds the grouped question of 584', async function () {
      const list = (await s.request(WorkspaceSymbolRequest.type, { query: 'vraag 2 en 3' })) ?? [];
      const hit = list.find((x) => x.location.uri === o584.uri && x.name.startsWith('Vraag 2 en 3'));
      assert.ok(hit, list.map((x) => x.name).join(' | '));
    });
  });

  describe('afterwards', function () {
    it('the server logged no feature errors', function () {
      assert.deepStrictEqual(s.errorLogs(), []);
    });
  });
});
