// Client misuse: cancelled requests, a burst of 1,000 incremental edits,
// malformed JSON-RPC and requests with parameters of the wrong shape. The
// server answers each with a result or a proper error, and stays alive.

import * as assert from 'assert';
import { CancellationTokenSource, DocumentSymbolRequest, HoverRequest, type DocumentSymbol } from 'vscode-languageserver-protocol/node';
import { fixture, openAndWait, SAMPLE, Session, uriFor } from './harness';

describe('protocol: client misuse', function () {
  let s: Session;

  before(async function () {
    s = await Session.start({ locale: 'nl' });
  });

  afterEach(function () {
    s.assertAlive();
  });

  after(async function () {
    await s?.shutdown();
  });

  it('answers a cancelled request with its result or a cancellation error', async function () {
    const doc = await openAndWait(s, 'cancel.kamervraag', fixture(SAMPLE));
    const source = new CancellationTokenSource();
    const pending = s.conn.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: doc.uri } }, source.token);
    source.cancel();
    const outcome = await pending.then(
      (r) => ({ ok: true as const, r }),
      (e: { code?: number }) => ({ ok: false as const, code: e.code }),
    );
    if (!outcome.ok) assert.strictEqual(outcome.code, -32800, 'a cancelled request ends with RequestCancelled');
    // And the next request is answered normally.
    const symbols = (await s.request(DocumentSymbolRequest.type, { textDocument: { uri: doc.uri } })) as DocumentSymbol[];
    assert.strictEqual(symbols[0].name, 'Kamervraag 2022Z09875');
  });

  it('follows a burst of 1,000 incremental edits to the right final state', async function () {
    this.timeout(60000);
    const uri = uriFor('burst.kamervraag');
    const text = fixture(SAMPLE);
    await s.openDocument(uri, text);
    // Type `x` 1,000 times at the end of line 1 (an empty line), then remove the text again in one edit.
    for (let i = 0; i < 1000; i++) {
      await s.change(uri, i + 2, [{ range: { start: { line: 1, character: i }, end: { line: 1, character: i } }, text: 'x' }]);
    }
    await s.change(uri, 1002, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 1000 } }, text: '' }]);
    const symbols = (await s.request(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[];
    assert.strictEqual(symbols[0].children?.filter((c) => c.name.startsWith('Vraag')).length, 14);
    const final = await s.waitForDiagnostics(uri, 1002, { timeoutMs: 20000 });
    assert.deepStrictEqual(final.diagnostics.map((d) => d.code).sort(), ['late-answer', 'year-typo']);
  });

  it('survives malformed JSON-RPC and answers the next request', async function () {
    const body = '{"jsonrpc":"2.0","id":991,"method":"textDocument/hover","params":'; // cut off: not JSON
    s.proc.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    const doc = await openAndWait(s, 'after-garbage.kamervraag', fixture(SAMPLE));
    const symbols = (await s.request(DocumentSymbolRequest.type, { textDocument: { uri: doc.uri } })) as DocumentSymbol[];
    assert.strictEqual(symbols.length, 1);
  });

  it('answers an unknown method with MethodNotFound', async function () {
    await assert.rejects(s.requestRaw('kamervraag/doesNotExist', {}), (e: { code?: number }) => e.code === -32601);
  });

  it('answers parameters of the wrong shape without dying', async function () {
    const doc = await openAndWait(s, 'shapes.kamervraag', fixture(SAMPLE));
    for (const params of [
      { textDocument: { uri: doc.uri }, position: 'here' },
      { textDocument: { uri: doc.uri }, position: { line: -5, character: 1e12 } },
      { textDocument: { uri: doc.uri }, position: { line: 'x', character: null } },
      { textDocument: null, position: { line: 0, character: 0 } },
      null,
    ]) {
      await s.requestRaw(HoverRequest.method, params).then(
        (r) => assert.ok(r === null || typeof r === 'object'),
        (e: { code?: number }) => assert.ok(typeof e.code === 'number', 'a proper JSON-RPC error'),
      );
    }
    const hover = await s.request(HoverRequest.type, { textDocument: { uri: doc.uri }, position: { line: 5, character: 14 } });
    assert.ok(hover, 'the server still answers');
  });
});
