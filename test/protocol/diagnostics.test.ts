// Diagnostics pushed by the server, the settings that switch them off, the
// debounced re-push after incremental edits, and the quick fixes applied the
// way an editor applies them.

import * as assert from 'assert';
import {
  CodeActionKind,
  CodeActionRequest,
  DocumentSymbolRequest,
  DiagnosticSeverity,
  HoverRequest,
  type CodeAction,
  type Command,
  type Diagnostic,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';
import {
  analysisOf,
  fixture,
  hoverText,
  lineOf,
  OFFICIAL_584,
  openAndWait,
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
  uriFor,
} from './harness';

function codes(list: readonly Diagnostic[]): string[] {
  return list.map((d) => String(d.code)).sort();
}

/** A diagnostic's message as text (LSP 3.18 also allows Markdown). */
function msg(d: Diagnostic): string {
  return typeof d.message === 'string' ? d.message : d.message.value;
}

function isCodeAction(x: Command | CodeAction): x is CodeAction {
  return !('command' in x && typeof x.command === 'string');
}

/** The text edits of a WorkspaceEdit for one document, from `changes` or `documentChanges`. */
function editsFor(edit: WorkspaceEdit | undefined, uri: string): TextEdit[] {
  if (!edit) return [];
  const out: TextEdit[] = [...(edit.changes?.[uri] ?? [])];
  for (const c of edit.documentChanges ?? []) {
    if ('textDocument' in c && c.textDocument.uri === uri) out.push(...c.edits.filter((e): e is TextEdit => 'range' in e && 'newText' in e));
  }
  return out;
}

describe('protocol: diagnostics and quick fixes', function () {
  let s: Session;
  /** Settings per document uri; `{}` for the others. */
  const settings = new Map<string, unknown>();

  before(async function () {
    s = await Session.start({ locale: 'nl', settings: (scopeUri) => (scopeUri && settings.get(scopeUri)) ?? {} });
  });

  afterEach(function () {
    s.assertAlive();
  });

  after(async function () {
    await s?.shutdown();
  });

  it('the sample gets exactly year-typo (Error, over 20022) and late-answer (Information), in Dutch', async function () {
    const doc = await openFixture(s, SAMPLE);
    const p = doc.diagnostics;
    assert.strictEqual(p.version, 1);
    assert.deepStrictEqual(codes(p.diagnostics), ['late-answer', 'year-typo']);
    for (const d of p.diagnostics) assert.strictEqual(d.source, 'kamervraag');

    const typo = p.diagnostics.find((d) => d.code === 'year-typo')!;
    assert.strictEqual(typo.severity, DiagnosticSeverity.Error);
    const year = rangeOf(doc.text, '20022');
    assert.ok(sameRange(typo.range, year), `year-typo range ${showRange(typo.range)} is 20022 ${showRange(year)}`);
    assert.strictEqual(textIn(doc.text, typo.range), '20022');
    assert.match(msg(typo), /jaartal 20022/i);
    assert.match(msg(typo), /waarschijnlijk is 2022 bedoeld/);

    const late = p.diagnostics.find((d) => d.code === 'late-answer')!;
    assert.strictEqual(late.severity, DiagnosticSeverity.Information);
    assert.strictEqual(late.range.start.line, 5, 'on the Beantwoord line');
    assert.ok(lineOf(doc.text, 5).startsWith('Beantwoord 18 juli 2022'));
    assert.match(msg(late), /18 dagen te laat/);
    assert.match(msg(late), /30 juni 2022/);
    assert.match(msg(late), /Beantwoord na 60 dagen/);
  });

  it('an official publication (584) gets its late-answer diagnostic', async function () {
    const doc = await openFixture(s, OFFICIAL_584);
    assert.deepStrictEqual(codes(doc.diagnostics.diagnostics), ['late-answer']);
    assert.match(msg(doc.diagnostics.diagnostics[0]), /31 dagen te laat/);
  });

  it('with `diagnostics.lateAnswer: false` the late-answer diagnostic is gone after didChangeConfiguration', async function () {
    const doc = await openFixture(s, SAMPLE);
    assert.deepStrictEqual(codes(doc.diagnostics.diagnostics), ['late-answer', 'year-typo']);
    const since = s.publishedCount(doc.uri);
    settings.set(doc.uri, { diagnostics: { lateAnswer: false } });
    await s.changeSettings(s.settings);
    const again = await s.waitForDiagnostics(doc.uri, 1, { since });
    assert.deepStrictEqual(codes(again.diagnostics), ['year-typo']);
    // And back on.
    const since2 = s.publishedCount(doc.uri);
    settings.set(doc.uri, {});
    await s.changeSettings(s.settings);
    const back = await s.waitForDiagnostics(doc.uri, 1, { since: since2 });
    assert.deepStrictEqual(codes(back.diagnostics), ['late-answer', 'year-typo']);
  });

  it('with `diagnostics.yearTypo: false` from the start, only late-answer, and no quick fix for the typo', async function () {
    const text = fixture(SAMPLE);
    const uri = 'file:///protocol-tests/typo-off.kamervraag';
    settings.set(uri, { diagnostics: { yearTypo: false } });
    await s.openDocument(uri, text);
    const p = await s.waitForDiagnostics(uri, 1);
    assert.deepStrictEqual(codes(p.diagnostics), ['late-answer']);
    const actions = (await s.request(CodeActionRequest.type, { textDocument: { uri }, range: rangeOf(text, '20022'), context: { diagnostics: [] } })) ?? [];
    assert.deepStrictEqual(actions, []);
    await s.close(uri);
  });

  it('an incremental edit `Zie antwoord vraag 12.` → `21.` brings an unknown-reference diagnostic at that version', async function () {
    const doc = await openFixture(s, SAMPLE);
    const twelve = rangeOf(doc.text, 'Zie antwoord vraag 12.');
    const digits = range(twelve.start.line, twelve.start.character + 19, twelve.start.line, twelve.start.character + 21);
    assert.strictEqual(textIn(doc.text, digits), '12');
    await s.change(doc.uri, 2, [{ range: digits, text: '21' }]);
    assert.strictEqual(lineOf(s.documents.get(doc.uri)!.text, twelve.start.line), '  Zie antwoord vraag 21.');
    const p = await s.waitForDiagnostics(doc.uri, 2);
    assert.deepStrictEqual(codes(p.diagnostics), ['late-answer', 'unknown-reference', 'year-typo']);
    const unknown = p.diagnostics.find((d) => d.code === 'unknown-reference')!;
    assert.strictEqual(unknown.severity, DiagnosticSeverity.Warning);
    assert.strictEqual(unknown.source, 'kamervraag');
    assert.ok(unknown.range.start.line === twelve.start.line && unknown.range.end.line === twelve.start.line, showRange(unknown.range));
    assert.ok(unknown.range.start.character <= digits.start.character && unknown.range.end.character >= digits.end.character, `${showRange(unknown.range)} covers the number`);
    assert.match(msg(unknown), /vraag 21/);
    assert.match(msg(unknown), /dit document heeft geen vraag 21/);
  });

  it('codeAction on 20022: quickfix `Vervang door 2022`; applied, the typo is gone from diagnostics and hover', async function () {
    const doc = await openFixture(s, SAMPLE);
    const typo = doc.diagnostics.diagnostics.find((d) => d.code === 'year-typo');
    assert.ok(typo);
    const result = (await s.request(CodeActionRequest.type, {
      textDocument: { uri: doc.uri },
      range: typo.range,
      context: { diagnostics: [typo], only: [CodeActionKind.QuickFix] },
    })) ?? [];
    const actions = result.filter(isCodeAction);
    const fix = actions.find((a) => a.title === 'Vervang door 2022');
    assert.ok(fix, `a quick fix "Vervang door 2022" among ${JSON.stringify(result.map((a) => a.title))}`);
    assert.strictEqual(fix.kind, CodeActionKind.QuickFix);
    assert.ok(fix.diagnostics?.some((d) => d.code === 'year-typo'), 'the fix names the diagnostic it fixes');
    const edits = editsFor(fix.edit, doc.uri);
    assert.strictEqual(edits.length, 1, JSON.stringify(fix.edit));
    assert.ok(sameRange(edits[0].range, typo.range), `edit range ${showRange(edits[0].range)}`);
    assert.strictEqual(edits[0].newText, '2022');

    const version = await s.applyEdits(doc.uri, edits);
    assert.strictEqual(version, 2);
    const now = s.documents.get(doc.uri)!.text;
    assert.ok(squash(now).includes('brief van 29 juni 2022 heeft'), 'the edit was applied to the client copy');
    const p = await s.waitForDiagnostics(doc.uri, version);
    assert.deepStrictEqual(codes(p.diagnostics), ['late-answer']);

    const h = hoverText(await s.request(HoverRequest.type, { textDocument: { uri: doc.uri }, position: positionIn(now, '29 juni 2022 heeft', 1) }));
    assert.match(h, /2022-06-29/);
    assert.doesNotMatch(h, /20022|bedoeld is/, 'no typo note any more');

    const after = (await s.request(CodeActionRequest.type, { textDocument: { uri: doc.uri }, range: edits[0].range, context: { diagnostics: [] } })) ?? [];
    assert.deepStrictEqual(after, [], 'no fix left');
  });

  it('codeAction with only `refactor` or away from any diagnostic: nothing', async function () {
    const doc = await openFixture(s, SAMPLE);
    const typo = rangeOf(doc.text, '20022');
    const refactor = (await s.request(CodeActionRequest.type, { textDocument: { uri: doc.uri }, range: typo, context: { diagnostics: [], only: [CodeActionKind.Refactor] } })) ?? [];
    assert.deepStrictEqual(refactor, []);
    const elsewhere = (await s.request(CodeActionRequest.type, { textDocument: { uri: doc.uri }, range: range(0, 0, 0, 5), context: { diagnostics: [] } })) ?? [];
    assert.deepStrictEqual(elsewhere, []);
  });

  it('`(na 61 dagen)`: day-count-mismatch with a fix to `(na 60 dagen)`; applied, it is gone', async function () {
    const text = fixture(SAMPLE).replace('(na 60 dagen)', '(na 61 dagen)');
    const doc = await openAndWait(s, 'day-count', text);
    assert.deepStrictEqual(codes(doc.diagnostics.diagnostics), ['day-count-mismatch', 'late-answer', 'year-typo']);
    const mismatch = doc.diagnostics.diagnostics.find((d) => d.code === 'day-count-mismatch')!;
    assert.strictEqual(mismatch.severity, DiagnosticSeverity.Warning);
    assert.strictEqual(mismatch.range.start.line, 5);
    assert.match(msg(mismatch), /61 dagen/);
    assert.match(msg(mismatch), /60 dagen/);
    const result = (await s.request(CodeActionRequest.type, { textDocument: { uri: doc.uri }, range: mismatch.range, context: { diagnostics: [mismatch] } })) ?? [];
    const fix = result.filter(isCodeAction).find((a) => a.diagnostics?.some((d) => d.code === 'day-count-mismatch'));
    assert.ok(fix, JSON.stringify(result));
    assert.strictEqual(fix.title, 'Vervang door (na 60 dagen)');
    assert.strictEqual(fix.kind, CodeActionKind.QuickFix);
    const edits = editsFor(fix.edit, doc.uri);
    assert.strictEqual(edits.length, 1);
    const version = await s.applyEdits(doc.uri, edits);
    const now = s.documents.get(doc.uri)!.text;
    assert.strictEqual(lineOf(now, 5), 'Beantwoord 18 juli 2022 (na 60 dagen)');
    const p = await s.waitForDiagnostics(doc.uri, version);
    assert.deepStrictEqual(codes(p.diagnostics), ['late-answer', 'year-typo']);
  });

  it('closing a document clears its diagnostics', async function () {
    const doc = await openFixture(s, SAMPLE);
    const since = s.publishedCount(doc.uri);
    await s.close(doc.uri);
    const p = await s.waitForDiagnostics(doc.uri, null, { since });
    assert.deepStrictEqual(p.diagnostics, []);
  });

  it('a large set just opened: the outline asked with the open is answered before its diagnostics go out, which follow', async function () {
    // The sample forty times (560 questions, some 450 KB): the outline alone is some 300 KB of JSON.
    const sample = fixture(SAMPLE);
    const text = Array.from({ length: 40 }, () => sample).join('\n');
    const uri = uriFor('groot-geopend');
    const openedAt = s.publishedCount(uri);
    await s.openDocument(uri, text);
    const outline = await s.request(DocumentSymbolRequest.type, { textDocument: { uri } });
    assert.strictEqual(s.publishedCount(uri), openedAt, 'no diagnostics before the outline');
    assert.ok(outline && outline.length > 0 && 'children' in outline[0]);
    const p = await s.waitForDiagnostics(uri, 1);
    // Each copy's `29 juni 20022` has its year typo.
    const typos = new Set(p.diagnostics.filter((d) => d.code === 'year-typo').map((d) => `${d.range.start.line}:${d.range.start.character}`));
    const lines = text.split('\n');
    const years = lines.flatMap((l, i) => (l.includes('20022') ? [`${i}:${l.indexOf('20022')}`] : []));
    assert.strictEqual(years.length, 40);
    for (const y of years) assert.ok(typos.has(y), `a year typo at ${y}`);
  });

  it('the analysis of an edited document follows the edits', async function () {
    const doc = await openFixture(s, SAMPLE);
    const at = rangeOf(doc.text, 'Zie antwoord vraag 12.');
    await s.change(doc.uri, 2, [{ range: range(at.start.line, at.start.character + 19, at.start.line, at.start.character + 21), text: '3' }]);
    const a = await analysisOf(s, doc.uri);
    const ref = a.references.find((r) => r.range.start.line === at.start.line);
    assert.ok(ref, 'the reference is still found');
    assert.strictEqual(ref.target, 3);
  });

  it('positions count UTF-16 code units: two emoji before the typo move it by five', async function () {
    const lines = fixture(SAMPLE).split('\n');
    const year = rangeOf(fixture(SAMPLE), '20022');
    lines[year.start.line] = '😀😀 ' + lines[year.start.line];
    const doc = await openAndWait(s, 'utf16', lines.join('\n'));
    const typo = doc.diagnostics.diagnostics.find((d) => d.code === 'year-typo');
    assert.ok(typo);
    assert.strictEqual(showRange(typo.range), showRange(range(year.start.line, year.start.character + 5, year.end.line, year.end.character + 5)));
    assert.strictEqual(textIn(doc.text, typo.range), '20022');
  });

  it('CRLF line endings: the same lines and characters', async function () {
    const text = fixture(SAMPLE).replace(/\n/g, '\r\n');
    const doc = await openAndWait(s, 'crlf', text);
    const typo = doc.diagnostics.diagnostics.find((d) => d.code === 'year-typo');
    assert.ok(typo);
    assert.strictEqual(showRange(typo.range), showRange(rangeOf(fixture(SAMPLE), '20022')));
    const late = doc.diagnostics.diagnostics.find((d) => d.code === 'late-answer');
    assert.strictEqual(late?.range.start.line, 5);
  });

  describe('afterwards', function () {
    it('the server logged no feature errors', function () {
      assert.deepStrictEqual(s.errorLogs(), []);
    });
  });
});
