// Whatever a client sends, the server answers (or answers nothing) and stays
// up: documents it never saw, positions past the end, binary and empty text,
// a burst of edits, a file over the size limit.

import * as assert from 'assert';
import {
  CodeActionRequest,
  CodeLensRequest,
  DefinitionRequest,
  DocumentHighlightRequest,
  DocumentLinkRequest,
  DocumentSymbolRequest,
  FoldingRangeRequest,
  HoverRequest,
  ReferencesRequest,
  SelectionRangeRequest,
  SemanticTokensRequest,
  WorkspaceSymbolRequest,
  type Position,
  type Range,
} from 'vscode-languageserver-protocol/node';
import {
  analysisOf,
  contains,
  endOf,
  fixture,
  openAndWait,
  openFixture,
  positionIn,
  range,
  rangeOf,
  SAMPLE,
  Session,
  showRange,
  uriFor,
  type OpenDocument,
} from './harness';

function isEmpty(x: unknown): boolean {
  if (x === null || x === undefined) return true;
  if (Array.isArray(x)) return x.length === 0;
  if (typeof x === 'object' && 'data' in x && Array.isArray((x as { data: unknown[] }).data)) return (x as { data: unknown[] }).data.length === 0;
  return false;
}

/** Every document request of the server at one position; the answers by method. */
async function everyRequest(s: Session, uri: string, position: Position, r: Range = { start: position, end: position }): Promise<Record<string, unknown>> {
  const textDocument = { uri };
  return {
    hover: await s.request(HoverRequest.type, { textDocument, position }),
    definition: await s.request(DefinitionRequest.type, { textDocument, position }),
    references: await s.request(ReferencesRequest.type, { textDocument, position, context: { includeDeclaration: true } }),
    documentHighlight: await s.request(DocumentHighlightRequest.type, { textDocument, position }),
    documentSymbol: await s.request(DocumentSymbolRequest.type, { textDocument }),
    codeAction: await s.request(CodeActionRequest.type, { textDocument, range: r, context: { diagnostics: [] } }),
    foldingRange: await s.request(FoldingRangeRequest.type, { textDocument }),
    selectionRange: await s.request(SelectionRangeRequest.type, { textDocument, positions: [position] }),
    documentLink: await s.request(DocumentLinkRequest.type, { textDocument }),
    semanticTokens: await s.request(SemanticTokensRequest.type, { textDocument }),
    codeLens: await s.request(CodeLensRequest.type, { textDocument }),
  };
}

describe('protocol: robustness', function () {
  let s: Session;
  const settings = new Map<string, unknown>();
  let sample: OpenDocument;

  before(async function () {
    s = await Session.start({ locale: 'nl', settings: (scopeUri) => (scopeUri && settings.get(scopeUri)) ?? {} });
    sample = await openFixture(s, SAMPLE);
  });

  afterEach(function () {
    s.assertAlive();
  });

  after(async function () {
    await s?.shutdown();
  });

  it('requests on a document that was never opened: null or empty, no crash', async function () {
    const answers = await everyRequest(s, 'file:///protocol-tests/never-opened.kamervraag', { line: 3, character: 4 });
    for (const [method, answer] of Object.entries(answers)) assert.ok(isEmpty(answer), `${method}: ${JSON.stringify(answer)}`);
  });

  it('a position far beyond the end of the document: null or empty', async function () {
    for (const position of [{ line: 100000, character: 100000 }, { line: 5, character: 100000 }, { line: 91, character: 3 }]) {
      const textDocument = { uri: sample.uri };
      const hover = await s.request(HoverRequest.type, { textDocument, position });
      assert.strictEqual(hover, null, `hover at ${JSON.stringify(position)}`);
      const def = await s.request(DefinitionRequest.type, { textDocument, position });
      assert.ok(isEmpty(def), `definition at ${JSON.stringify(position)}: ${JSON.stringify(def)}`);
      const refs = await s.request(ReferencesRequest.type, { textDocument, position, context: { includeDeclaration: true } });
      assert.ok(isEmpty(refs), `references at ${JSON.stringify(position)}: ${JSON.stringify(refs)}`);
      const hl = await s.request(DocumentHighlightRequest.type, { textDocument, position });
      assert.ok(isEmpty(hl), `highlights at ${JSON.stringify(position)}: ${JSON.stringify(hl)}`);
      const actions = await s.request(CodeActionRequest.type, { textDocument, range: { start: position, end: position }, context: { diagnostics: [] } });
      assert.ok(isEmpty(actions), `code actions at ${JSON.stringify(position)}`);
      const sel = await s.request(SelectionRangeRequest.type, { textDocument, positions: [position] });
      assert.strictEqual(sel?.length, 1, 'one selection range per position');
      const whole = { start: { line: 0, character: 0 }, end: endOf(sample.text) };
      for (let x: typeof sel[0] | undefined = sel[0]; x; x = x.parent) assert.ok(contains(whole, x.range), `selection range ${showRange(x.range)} inside the document`);
    }
  });

  it('a binary-looking document: diagnostics are pushed and every feature answers', async function () {
    const doc = await openAndWait(s, 'binary', '\u0000\u0001\u0002'.repeat(1000));
    // One warning that it is not text, and nothing else: no outline, no tokens.
    assert.deepStrictEqual(doc.diagnostics.diagnostics.map((d) => [d.code, d.severity]), [['encoding', 2]]);
    const answers = await everyRequest(s, doc.uri, { line: 0, character: 10 });
    assert.strictEqual(answers.hover, null);
    assert.deepStrictEqual(answers.documentSymbol, []);
    assert.deepStrictEqual((answers.semanticTokens as { data: number[] }).data, []);
    await analysisOf(s, doc.uri);
    assert.deepStrictEqual(s.errorLogs(), []);
  });

  it('an empty document: answers, then typing the whole sample into it gives the sample diagnostics', async function () {
    const doc = await openAndWait(s, 'empty', '');
    assert.ok(Array.isArray(doc.diagnostics.diagnostics));
    const answers = await everyRequest(s, doc.uri, { line: 0, character: 0 });
    assert.strictEqual(answers.hover, null);
    assert.deepStrictEqual(answers.documentSymbol, []);
    assert.deepStrictEqual(answers.foldingRange, []);
    assert.deepStrictEqual((answers.semanticTokens as { data: number[] }).data, []);
    assert.deepStrictEqual(answers.codeLens, []);
    assert.strictEqual((answers.selectionRange as unknown[]).length, 1);
    await s.change(doc.uri, 2, [{ range: range(0, 0, 0, 0), text: fixture(SAMPLE) }]);
    const p = await s.waitForDiagnostics(doc.uri, 2);
    assert.deepStrictEqual(p.diagnostics.map((d) => d.code).sort(), ['late-answer', 'year-typo']);
    assert.deepStrictEqual(s.errorLogs(), []);
  });

  it('200 rapid incremental edits, then one request: the server answers, the final diagnostics are those of the final version', async function () {
    const doc = await openFixture(s, SAMPLE);
    const at = rangeOf(doc.text, 'Zie antwoord vraag 12.');
    const digits = range(at.start.line, at.start.character + 19, at.start.line, at.start.character + 21);
    let version = 1;
    const sends: Promise<void>[] = [];
    for (let i = 0; i < 199; i++) sends.push(s.change(doc.uri, ++version, [{ range: digits, text: String(30 + (i % 60)) }]));
    // The last edit: 21, a question the set lacks.
    sends.push(s.change(doc.uri, ++version, [{ range: digits, text: '21' }]));
    await Promise.all(sends);
    assert.strictEqual(version, 201);
    // One request straight after the burst.
    const symbols = await s.request(DocumentSymbolRequest.type, { textDocument: { uri: doc.uri } });
    assert.ok(Array.isArray(symbols) && symbols.length === 1, 'documentSymbol answered');
    const a = await analysisOf(s, doc.uri);
    const ref = a.references.find((r) => r.range.start.line === at.start.line);
    assert.ok(ref && ref.number === 21 && ref.target === null, `the analysis is of the final text: ${JSON.stringify(ref)}`);
    const p = await s.waitForDiagnostics(doc.uri, 201);
    assert.deepStrictEqual(p.diagnostics.map((d) => d.code).sort(), ['late-answer', 'unknown-reference', 'year-typo']);
    assert.match(String(p.diagnostics.find((d) => d.code === 'unknown-reference')?.message), /vraag 21/);
    // Nothing older comes after it.
    await new Promise((resolve) => setTimeout(resolve, 400));
    const all = s.published.get(doc.uri) ?? [];
    assert.strictEqual(all[all.length - 1].version, 201, `versions published: ${all.map((x) => x.version).join(',')}`);
    const versions = all.map((x) => x.version ?? 0);
    assert.deepStrictEqual(versions, [...versions].sort((x, y) => x - y), 'published in version order');
  });

  it('a document over maxFileSizeMB (1 MB, 1.5 MB sent): one file-too-large diagnostic, features empty', async function () {
    const uri = uriFor('too-large');
    settings.set(uri, { maxFileSizeMB: 1 });
    const unit = fixture(SAMPLE);
    let text = '';
    while (text.length < 1.5 * 1024 * 1024) text += unit;
    await s.openDocument(uri, text);
    const p = await s.waitForDiagnostics(uri, 1, { timeoutMs: 15000 });
    assert.strictEqual(p.diagnostics.length, 1, JSON.stringify(p.diagnostics.map((d) => d.code)));
    const d = p.diagnostics[0];
    assert.strictEqual(d.code, 'file-too-large');
    assert.strictEqual(d.source, 'kamervraag');
    assert.match(String(d.message), /groter dan 1 MB/);
    const answers = await everyRequest(s, uri, positionIn(text, '29 juni 20022', 1), rangeOf(text, '20022'));
    for (const [method, answer] of Object.entries(answers)) {
      if (method === 'selectionRange') continue;
      assert.ok(isEmpty(answer), `${method}: ${JSON.stringify(answer).slice(0, 200)}`);
    }
    const ws = (await s.request(WorkspaceSymbolRequest.type, { query: '' })) ?? [];
    assert.ok(!ws.some((x) => x.location.uri === uri), 'not in workspace symbols');
    assert.ok(ws.some((x) => x.location.uri === sample.uri), 'the other documents still are');
    await s.close(uri);
  });

  it('an unknown request is refused and a change to an unopened document is ignored', async function () {
    await assert.rejects(s.requestRaw('kamervraag/doesNotExist', {}));
    await s.conn.sendNotification('textDocument/didChange', { textDocument: { uri: 'file:///protocol-tests/not-open.kamervraag', version: 2 }, contentChanges: [{ text: 'x' }] });
    const h = await s.request(HoverRequest.type, { textDocument: { uri: sample.uri }, position: positionIn(sample.text, 'Zie antwoord vraag 12', 4) });
    assert.ok(h, 'still answering');
  });

  it('the server is still alive at the end and answers a final request', async function () {
    const a = await analysisOf(s, sample.uri);
    assert.strictEqual(a.questions.length, 14);
    s.assertAlive();
    assert.deepStrictEqual(s.errorLogs(), []);
  });
});

describe('protocol: shutdown', function () {
  it('shutdown and exit end the process with status 0', async function () {
    const s = await Session.start();
    const doc = await openFixture(s, SAMPLE);
    assert.ok(doc.diagnostics.diagnostics.length > 0);
    await s.shutdown();
    assert.deepStrictEqual(s.exit, { code: 0, signal: null });
    assert.strictEqual(s.stderr.trim(), '', 'nothing on stderr');
  });
});
