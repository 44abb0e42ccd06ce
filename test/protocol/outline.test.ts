// The structure features over the protocol: documentSymbol (Outline),
// foldingRange and selectionRange, on the reference sample and on official
// publications.

import * as assert from 'assert';
import {
  DocumentSymbolRequest,
  FoldingRangeRequest,
  SelectionRangeRequest,
  type DocumentSymbol,
  type FoldingRange,
  type Range,
  type SelectionRange,
  type SymbolInformation,
} from 'vscode-languageserver-protocol/node';
import {
  contains,
  endOf,
  lineOf,
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
  textIn,
  type OpenDocument,
} from './harness';

function asSymbols(list: DocumentSymbol[] | SymbolInformation[] | null): DocumentSymbol[] {
  assert.ok(list, 'documentSymbol answered');
  for (const x of list) assert.ok('selectionRange' in x, 'hierarchical DocumentSymbols');
  return list as DocumentSymbol[];
}

/** Every child inside its parent, every selectionRange inside its range, siblings in document order. */
function checkNesting(symbols: readonly DocumentSymbol[], parent: DocumentSymbol | null, path: string): void {
  let previous: DocumentSymbol | null = null;
  for (const sym of symbols) {
    const where = `${path}/${sym.name}`;
    assert.ok(sym.name.trim().length > 0, `${where}: a name`);
    assert.ok(contains(sym.range, sym.selectionRange), `${where}: selectionRange ${showRange(sym.selectionRange)} inside range ${showRange(sym.range)}`);
    if (parent) assert.ok(contains(parent.range, sym.range), `${where}: range ${showRange(sym.range)} inside its parent ${showRange(parent.range)}`);
    if (previous) {
      assert.ok(previous.range.start.line < sym.range.start.line || (previous.range.start.line === sym.range.start.line && previous.range.start.character <= sym.range.start.character), `${where}: after ${previous.name}`);
    }
    previous = sym;
    checkNesting(sym.children ?? [], sym, where);
  }
}

function child(parent: DocumentSymbol, name: string): DocumentSymbol {
  const found = (parent.children ?? []).find((c) => c.name === name);
  assert.ok(found, `${parent.name} has a child ${name}; it has ${(parent.children ?? []).map((c) => c.name).join(', ')}`);
  return found;
}

/** The lines of ` • Vraag N` headings and the last non-empty line of each block, read from the file itself. */
function openkamerBlocks(text: string): { heading: number; end: number; answerLine: number }[] {
  const lines = text.split('\n');
  const headings = lines.map((l, i) => (/^ • (Vraag \d+|Mededeling)/.test(l) ? i : -1)).filter((i) => i >= 0);
  const out: { heading: number; end: number; answerLine: number }[] = [];
  for (let k = 0; k < headings.length; k++) {
    const h = headings[k];
    if (!/Vraag/.test(lines[h])) continue;
    let end = (headings[k + 1] ?? lines.length) - 1;
    while (lines[end].trim() === '') end--;
    // Question text, a blank line, then the answer.
    out.push({ heading: h, end, answerLine: h + 3 });
  }
  return out;
}

describe('protocol: documentSymbol, foldingRange, selectionRange', function () {
  let s: Session;
  let sample: OpenDocument;
  let o584: OpenDocument;
  let o605: OpenDocument;
  let o609: OpenDocument;

  before(async function () {
    s = await Session.start({ locale: 'nl' });
    sample = await openFixture(s, SAMPLE);
    o584 = await openFixture(s, OFFICIAL_584);
    o605 = await openFixture(s, OFFICIAL_605);
    o609 = await openFixture(s, OFFICIAL_609);
  });

  afterEach(function () {
    s.assertAlive();
  });

  after(async function () {
    await s?.shutdown();
  });

  const symbolsOf = async (doc: OpenDocument) => asSymbols(await s.request(DocumentSymbolRequest.type, { textDocument: { uri: doc.uri } }));
  const foldsOf = async (doc: OpenDocument): Promise<FoldingRange[]> => (await s.request(FoldingRangeRequest.type, { textDocument: { uri: doc.uri } })) ?? [];

  describe('documentSymbol on the sample', function () {
    let root: DocumentSymbol;

    before(async function () {
      const list = await symbolsOf(sample);
      assert.strictEqual(list.length, 1, 'one root symbol');
      root = list[0];
    });

    it('the root is `Kamervraag 2022Z09875` with the title as detail, over the whole document', function () {
      assert.strictEqual(root.name, 'Kamervraag 2022Z09875');
      assert.strictEqual(root.detail, lineOf(sample.text, 2).trim());
      assert.ok(sameRange(root.range, { start: { line: 0, character: 0 }, end: endOf(sample.text) }), showRange(root.range));
      assert.strictEqual(textIn(sample.text, root.selectionRange), '2022Z09875');
    });

    it('every child lies inside its parent and every selectionRange inside its range', function () {
      checkNesting([root], null, '');
    });

    it('the metadata group holds the header fields', function () {
      const meta = (root.children ?? [])[0];
      assert.ok(meta, 'a first child');
      assert.strictEqual(meta.name, 'Gegevens');
      assert.strictEqual(meta.range.start.line, 0);
      assert.strictEqual(meta.range.end.line, 10);
      const names = (meta.children ?? []).map((c) => c.name);
      for (const key of ['Ingediend', 'Beantwoord', 'Indiener', 'Beantwoord door', 'Onderwerpen', 'Bron vraag', 'Bron antwoord']) {
        assert.ok(names.includes(key), `field ${key} in ${names.join(', ')}`);
      }
      assert.strictEqual(child(meta, 'Ingediend').detail, '19 mei 2022');
    });

    it('Vraag 1 … Vraag 14, each with its question as detail and its answer as its one child', function () {
      const blocks = openkamerBlocks(sample.text);
      assert.strictEqual(blocks.length, 14);
      const questions = (root.children ?? []).filter((c) => /^Vraag \d+$/.test(c.name));
      assert.deepStrictEqual(questions.map((q) => q.name), blocks.map((_, i) => `Vraag ${i + 1}`));
      questions.forEach((q, i) => {
        const b = blocks[i];
        assert.strictEqual(textIn(sample.text, q.selectionRange), `Vraag ${i + 1}`, `${q.name}: selection on its heading`);
        assert.strictEqual(q.range.start.line, b.heading, `${q.name} starts at its heading`);
        assert.strictEqual(q.range.end.line, b.end, `${q.name} runs to the end of its answer`);
        const question = squash(lineOf(sample.text, b.heading + 1));
        const detail = (q.detail ?? '').replace(/…$/, '');
        assert.ok(detail.length >= 20, `${q.name}: a detail`);
        assert.ok(question.startsWith(detail), `${q.name}: detail ${JSON.stringify(q.detail)} is the start of its question`);
        assert.deepStrictEqual((q.children ?? []).map((c) => c.name), ['Antwoord'], `${q.name}: children`);
        const [answer] = q.children ?? [];
        assert.strictEqual(answer.range.start.line, b.answerLine, `${q.name}: answer line`);
        assert.strictEqual(answer.range.end.line, b.end, `${q.name}: answer end`);
      });
    });

    it('the opening words as detail: the first sentence when it is short, else whole words up to 40 characters and an ellipsis', function () {
      const q = (n: number) => child(root, `Vraag ${n}`);
      assert.strictEqual(q(1).detail, 'Klopt het dat u in «Antwoord op vragen…');
      assert.strictEqual(child(q(1), 'Antwoord').detail, 'Naar aanleiding van het verzoek van het…');
      assert.strictEqual(q(6).detail, 'Kunnen de berichten via de provider…');
      assert.strictEqual(child(q(6), 'Antwoord').detail, 'Nee.');
      const details: string[] = [];
      const collect = (list: readonly DocumentSymbol[]) => list.forEach((x) => (details.push(x.detail ?? ''), collect(x.children ?? [])));
      collect(root.children ?? []);
      // A cut detail ends in an ellipsis after a whole word, never inside one.
      for (const d of details.filter((x) => x.endsWith('…'))) assert.match(d, /[^\s]…$/, d);
      assert.ok(details.filter((x) => x.endsWith('…')).length >= 10, 'most questions are longer than a detail');
    });

    it('the delay notice `Mededeling – 24 mei 2022` and the footer', function () {
      const names = (root.children ?? []).map((c) => c.name);
      const notice = child(root, 'Mededeling – 24 mei 2022');
      assert.strictEqual(notice.range.start.line, rangeOf(sample.text, 'Mededeling - 24 mei 2022').start.line);
      const footer = child(root, 'Voettekst');
      assert.strictEqual(footer.range.start.line, rangeOf(sample.text, 'Kamervraag document nummer').start.line);
      assert.strictEqual(footer.range.end.line, endOf(sample.text).line);
      assert.strictEqual(names[names.length - 1], 'Voettekst', 'the footer comes last');
      assert.strictEqual(names.length, 1 + 14 + 1 + 1, names.join(', '));
    });
  });

  describe('documentSymbol on official publications', function () {
    it('605 (Word): Vraag 1 … Vraag 5 and a separate node `Antwoord 1, 2, 3, 4 en 5`', async function () {
      const [root] = await symbolsOf(o605);
      assert.strictEqual(root.name, 'Kamervraag 2024Z18792');
      checkNesting([root], null, '');
      const names = (root.children ?? []).map((c) => c.name);
      for (let n = 1; n <= 5; n++) assert.ok(names.includes(`Vraag ${n}`), `Vraag ${n} in ${names.join(', ')}`);
      const answer = child(root, 'Antwoord 1, 2, 3, 4 en 5');
      assert.strictEqual(textIn(o605.text, answer.selectionRange), 'Antwoord vragen 1,2,3,4 en 5');
      for (let n = 1; n <= 5; n++) {
        const q = child(root, `Vraag ${n}`);
        assert.ok(!(q.children ?? []).some((c) => c.name.startsWith('Antwoord')), `Vraag ${n} does not nest the shared answer`);
        assert.ok(!contains(q.range, answer.range), `Vraag ${n} does not hold the shared answer`);
      }
    });

    it('584 (PDF): `Vraag 2 en 3` as one node with `Antwoord 2 en 3` in it', async function () {
      const [root] = await symbolsOf(o584);
      checkNesting([root], null, '');
      const names = (root.children ?? []).map((c) => c.name);
      assert.ok(!names.includes('Vraag 2') && !names.includes('Vraag 3'), names.join(', '));
      const q23 = child(root, 'Vraag 2 en 3');
      assert.strictEqual(textIn(o584.text, q23.selectionRange), 'Vraag 2 en 3');
      const a23 = child(q23, 'Antwoord 2 en 3');
      assert.strictEqual(textIn(o584.text, a23.selectionRange), 'Antwoord 2 en 3');
      const q56 = child(root, 'Vraag 5 en 6');
      assert.strictEqual(textIn(o584.text, child(q56, 'Antwoord 5 en 6').selectionRange), 'Antwoorden 5 en 6');
      assert.deepStrictEqual(names.filter((n) => n.startsWith('Vraag')), ['Vraag 1', 'Vraag 2 en 3', 'Vraag 4', 'Vraag 5 en 6', 'Vraag 7']);
    });

    it('609 (Word, numbered `1.`): the grouped answers `Antwoord vraag 4-7:` and `9-14` as their own nodes', async function () {
      const [root] = await symbolsOf(o609);
      checkNesting([root], null, '');
      const names = (root.children ?? []).map((c) => c.name);
      for (let n = 1; n <= 15; n++) assert.ok(names.includes(`Vraag ${n}`), `Vraag ${n} in ${names.join(', ')}`);
      const a47 = child(root, 'Antwoord 4, 5, 6 en 7');
      assert.strictEqual(textIn(o609.text, a47.selectionRange), 'Antwoord vraag 4-7:');
      child(root, 'Antwoord 9, 10, 11, 12, 13 en 14');
      assert.strictEqual(textIn(o609.text, child(root, 'Vraag 6').selectionRange), '6.');
    });
  });

  describe('foldingRange', function () {
    it('on the sample: the header, each of the 14 question blocks, each multi-line answer, the notice and the footer', async function () {
      const folds = await foldsOf(sample);
      const has = (start: number, end: number) => folds.some((f) => f.startLine === start && f.endLine === end);
      const list = folds.map((f) => `${f.startLine}-${f.endLine}`).join(' ');
      assert.ok(has(0, 10), `header 0-10 in ${list}`);
      const blocks = openkamerBlocks(sample.text);
      for (const b of blocks) assert.ok(has(b.heading, b.end), `question block ${b.heading}-${b.end} in ${list}`);
      // Answer 3 is the only answer of two lines; a one-line answer cannot fold.
      assert.ok(has(24, 25), `answer 3 (24-25) in ${list}`);
      const notice = rangeOf(sample.text, 'Mededeling - 24 mei 2022').start.line;
      assert.ok(has(notice, notice + 2), `notice ${notice}-${notice + 2} in ${list}`);
      assert.ok(has(87, 90), `footer 87-90 in ${list}`);
      for (const f of folds) assert.ok(f.endLine > f.startLine, `fold ${f.startLine}-${f.endLine} spans lines`);
      assert.strictEqual(folds.length, 1 + 14 + 1 + 1 + 1, list);
    });

    it('on 584: the header, each question block and each answer', async function () {
      const folds = await foldsOf(o584);
      const list = folds.map((f) => `${f.startLine}-${f.endLine}`);
      // 0-based lines, read off the file: the header up to `(ontvangen 18 november 2024)…` (9); then per block the
      // question heading to the end of its answer, and the answer heading to its last line. The answer of 2 en 3 runs
      // over the footnotes and the page break (19–27) to line 28; that of 5 en 6 over a page break to `door Studielink.`;
      // that of 7 ends before the page footer on line 44.
      assert.deepStrictEqual(list, ['0-9', '10-14', '13-14', '15-28', '17-28', '29-32', '31-32', '33-39', '35-39', '40-43', '42-43']);
      const starts = ['Vraag 1', 'Antwoord 1', 'Vraag 2 en 3', 'Antwoord 2 en 3', 'Vraag 4', 'Antwoord 4', 'Vraag 5 en 6', 'Antwoorden 5 en 6', 'Vraag 7', 'Antwoord 7'];
      assert.deepStrictEqual(folds.slice(1).map((f) => lineOf(o584.text, f.startLine)), starts);
      // The grouped headings as printed.
      assert.ok(list.includes(`${rangeOf(o584.text, 'Antwoorden 5 en 6').start.line}-${rangeOf(o584.text, 'door Studielink.').start.line}`), list.join(' '));
    });

    it('on 605: the five questions and the shared answer', async function () {
      const folds = await foldsOf(o605);
      const has = (start: number, end: number) => folds.some((f) => f.startLine === start && f.endLine === end);
      const list = folds.map((f) => `${f.startLine}-${f.endLine}`).join(' ');
      for (let n = 1; n <= 5; n++) {
        const h = rangeOf(o605.text, `Vraag ${n}`).start.line;
        assert.ok(has(h, h + 1), `Vraag ${n} ${h}-${h + 1} in ${list}`);
      }
      assert.ok(folds.some((f) => f.startLine === rangeOf(o605.text, 'Antwoord vragen').start.line), list);
    });
  });

  describe('selectionRange', function () {
    const chainOf = (sel: SelectionRange): Range[] => {
      const out: Range[] = [];
      for (let x: SelectionRange | undefined = sel; x; x = x.parent) out.push(x.range);
      return out;
    };

    it('inside `20022`: date → line → answer → question block → document, each holding the one before', async function () {
      const at = positionIn(sample.text, '20022', 2);
      const result = await s.request(SelectionRangeRequest.type, { textDocument: { uri: sample.uri }, positions: [at] });
      assert.ok(result && result.length === 1, 'one selection range per position');
      const chain = chainOf(result[0]);
      const shown = chain.map(showRange).join(' → ');
      assert.ok(contains(chain[0], { start: at, end: at }), `the first range holds the position: ${shown}`);
      for (let i = 1; i < chain.length; i++) {
        assert.ok(contains(chain[i], chain[i - 1]) && !sameRange(chain[i], chain[i - 1]), `${showRange(chain[i])} strictly holds ${showRange(chain[i - 1])}`);
      }
      // Answer 4 is line 31 after its indent (1310 characters long); the block of Vraag 4 runs from the heading word to its end.
      assert.strictEqual(lineOf(sample.text, 27), ' • Vraag 4');
      assert.strictEqual(lineOf(sample.text, 30).length, 1310);
      const answer4 = range(30, 2, 30, 1310);
      const block4 = range(27, 3, 30, 1310);
      const index = (r: Range, what: string) => {
        const i = chain.findIndex((c) => sameRange(c, r));
        assert.ok(i >= 0, `${what} ${showRange(r)} in ${shown}`);
        return i;
      };
      const date = index(rangeOf(sample.text, '29 juni 20022'), 'the date');
      const lineLength = lineOf(sample.text, at.line).length;
      const line = chain.findIndex((c) => c.start.line === at.line && c.end.line === at.line && c.start.character <= 2 && c.end.character === lineLength);
      assert.ok(line >= 0, `the line in ${shown}`);
      const answer = index(answer4, 'answer 4');
      const block = index(block4, 'the block of Vraag 4');
      const doc = index({ start: { line: 0, character: 0 }, end: endOf(sample.text) }, 'the document');
      assert.ok(date < line && date < answer && line < block && answer < block && block < doc, shown);
      assert.strictEqual(doc, chain.length - 1, 'the document is the last');
    });

    it('in an answer of 584: date → line → answer → question block (Vraag 2 en 3 with its answer) → document', async function () {
      const at = positionIn(o584.text, '1 septemberjongstleden', 3);
      const result = await s.request(SelectionRangeRequest.type, { textDocument: { uri: o584.uri }, positions: [at] });
      assert.ok(result && result.length === 1);
      const chain = chainOf(result[0]);
      const shown = chain.map(showRange).join(' → ');
      for (let i = 1; i < chain.length; i++) assert.ok(contains(chain[i], chain[i - 1]), shown);
      // Answer 2 en 3: from its heading (line 18) to the end of line 29, where it goes on after the page break.
      assert.strictEqual(lineOf(o584.text, 17), 'Antwoord 2 en 3');
      assert.strictEqual(lineOf(o584.text, 28).length, 1108);
      assert.ok(lineOf(o584.text, 28).endsWith('Studielink loopt op schema om deze planning te halen.'));
      const answer = range(17, 0, 28, 1108);
      assert.ok(chain.some((c) => sameRange(c, answer)), `answer 2 en 3 ${showRange(answer)} in ${shown}`);
      // The block as the Outline and the folding show it: `Vraag 2 en 3` (line 16) to the end of its answer.
      const block = range(15, 0, 28, 1108);
      assert.ok(chain.some((c) => sameRange(c, block)), `the question block ${showRange(block)} in ${shown}`);
      const i = chain.findIndex((c) => sameRange(c, answer));
      assert.strictEqual(showRange(chain[i + 1]), showRange(block), 'the block holds the answer directly');
    });

    it('one result per position, for several positions at once', async function () {
      const positions = [positionIn(sample.text, 'Vraag 1', 1), positionIn(sample.text, 'brief2', 2), { line: 3, character: 0 }];
      const result = await s.request(SelectionRangeRequest.type, { textDocument: { uri: sample.uri }, positions });
      assert.strictEqual(result?.length, 3);
      result.forEach((r, i) => assert.ok(contains(r.range, { start: positions[i], end: positions[i] }), `result ${i} holds its position`));
    });
  });

  describe('afterwards', function () {
    it('the server logged no feature errors', function () {
      assert.deepStrictEqual(s.errorLogs(), []);
    });
  });
});
