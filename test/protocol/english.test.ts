// A second server started with `initializationOptions.locale: 'en'`: the same
// features speak English.

import * as assert from 'assert';
import { CodeActionRequest, CodeLensRequest, DocumentSymbolRequest, HoverRequest, type DocumentSymbol } from 'vscode-languageserver-protocol/node';
import { hoverText, OFFICIAL_584, openFixture, positionIn, rangeOf, SAMPLE, Session, type OpenedDocument } from './harness';

describe('protocol: English locale', function () {
  let s: Session;
  let sample: OpenedDocument;

  before(async function () {
    s = await Session.start({ locale: 'en' });
    sample = await openFixture(s, SAMPLE);
  });

  afterEach(function () {
    s.assertAlive();
  });

  after(async function () {
    await s?.shutdown();
  });

  it('hover on the `Beantwoord` header line: answered on, both terms, 18 days late', async function () {
    const text = hoverText(await s.request(HoverRequest.type, { textDocument: { uri: sample.uri }, position: positionIn(sample.text, 'Beantwoord 18 juli', 2) }));
    assert.match(text, /Answered on Monday 18 July 2022/);
    assert.match(text, /9 June 2022/);
    assert.match(text, /30 June 2022/);
    assert.match(text, /18 days late/);
    assert.doesNotMatch(text, /te laat|Termijn/);
  });

  it('hover on the mistyped date: in English', async function () {
    const text = hoverText(await s.request(HoverRequest.type, { textDocument: { uri: sample.uri }, position: positionIn(sample.text, '29 juni 20022', 1) }));
    assert.match(text, /Wednesday 29 June 2022/);
    assert.match(text, /2022 is meant/);
  });

  it('hover on a footnote marker of 584: in English, with the footnote text', async function () {
    const doc = await openFixture(s, OFFICIAL_584);
    const text = hoverText(await s.request(HoverRequest.type, { textDocument: { uri: doc.uri }, position: rangeOf(doc.text, '1\nAntwoord 1').start }));
    assert.match(text, /Footnote 1/);
    assert.match(text, /Kamerstuk 36 410 VIII, nr\. 112/);
  });

  it('diagnostics in English', async function () {
    const typo = sample.diagnostics.diagnostics.find((d) => d.code === 'year-typo');
    assert.ok(typo);
    assert.match(String(typo.message), /The year 20022 cannot be right; 2022 is probably meant/);
    const late = sample.diagnostics.diagnostics.find((d) => d.code === 'late-answer');
    assert.match(String(late?.message), /18 days late/);
  });

  it('the quick fix in English: `Replace with 2022`', async function () {
    const actions = (await s.request(CodeActionRequest.type, { textDocument: { uri: sample.uri }, range: rangeOf(sample.text, '20022'), context: { diagnostics: [] } })) ?? [];
    assert.deepStrictEqual(actions.map((a) => a.title), ['Replace with 2022']);
  });

  it('code lenses: `referenced by 3 answers` above answer 1, `referenced by 0 answers` above answer 2', async function () {
    const lenses = (await s.request(CodeLensRequest.type, { textDocument: { uri: sample.uri } })) ?? [];
    assert.strictEqual(lenses.length, 14);
    assert.strictEqual(lenses[0].command?.title, 'referenced by 3 answers');
    assert.strictEqual(lenses[1].command?.title, 'referenced by 0 answers');
    assert.strictEqual(lenses[2].command?.title, 'referenced by 1 answer');
  });

  it('the Outline in English: Question 1 …, Delay notice – 24 May 2022, Footer', async function () {
    const [root] = ((await s.request(DocumentSymbolRequest.type, { textDocument: { uri: sample.uri } })) ?? []) as DocumentSymbol[];
    const names = (root.children ?? []).map((c) => c.name);
    assert.ok(names.includes('Question 1') && names.includes('Question 14'), names.join(', '));
    assert.ok(names.includes('Delay notice – 24 May 2022'), names.join(', '));
    assert.ok(names.includes('Footer'), names.join(', '));
    const q1 = (root.children ?? []).find((c) => c.name === 'Question 1');
    assert.deepStrictEqual((q1?.children ?? []).map((c) => c.name), ['Answer']);
  });

  describe('afterwards', function () {
    it('the server logged no feature errors', function () {
      assert.deepStrictEqual(s.errorLogs(), []);
    });
  });
});
