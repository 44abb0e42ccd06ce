// The stdio transport's encoder (server/src/node/stdio.ts): a result handed out
// again (the outline of an unchanged document) is sent as the bytes it was sent
// as; everything else is encoded as the library encodes it.

import * as assert from 'assert';
import { isKeptResult, keepResult } from '../../server/src/service/keptResults';
import { provideDocumentSymbols } from '../../server/src/features/symbols';
import { createLanguageService } from '../../server/src/service/languageService';
import { fixtureText } from './util';

const SAMPLE = 'openkamer/kv-2022Z09875.txt';
import { keptResultEncoder } from '../../server/src/node/stdio';

const options = { charset: 'utf-8' as const };

/** A result whose encoding can be counted: JSON.stringify calls `toJSON` once per encoding. */
function counted(kept: boolean) {
  const state = { encodings: 0 };
  const symbol = { name: 'Vraag 1', detail: 'Bent u bekend met het bericht «Sluis weken dicht»?', toJSON() {
    state.encodings++;
    return { name: this.name, detail: this.detail };
  } };
  const result = [symbol];
  return { state, result: kept ? keepResult(result) : result };
}

const decoded = (bytes: Uint8Array) => Buffer.from(bytes).toString('utf8');

describe('stdio encoder', () => {
  it('encodes a kept result once, and sends the same bytes, the library\'s, every time', async () => {
    const { state, result } = counted(true);
    const first = await keptResultEncoder.encode({ jsonrpc: '2.0', id: 7, result } as never, options);
    const again = await keptResultEncoder.encode({ jsonrpc: '2.0', id: 8, result } as never, options);
    assert.strictEqual(state.encodings, 1);
    assert.strictEqual(decoded(first), '{"jsonrpc":"2.0","id":7,"result":[{"name":"Vraag 1","detail":"Bent u bekend met het bericht «Sluis weken dicht»?"}]}');
    assert.strictEqual(decoded(again), '{"jsonrpc":"2.0","id":8,"result":[{"name":"Vraag 1","detail":"Bent u bekend met het bericht «Sluis weken dicht»?"}]}');
    // A string id is written as JSON.
    assert.ok(decoded(await keptResultEncoder.encode({ jsonrpc: '2.0', id: 'a"b', result } as never, options)).startsWith('{"jsonrpc":"2.0","id":"a\\"b","result":[{'));
    assert.strictEqual(state.encodings, 1);
  });

  it('encodes a result not kept anew each time, as JSON.stringify of the whole message', async () => {
    const { state, result } = counted(false);
    const msg = { jsonrpc: '2.0', id: 3, result };
    const first = await keptResultEncoder.encode(msg as never, options);
    await keptResultEncoder.encode(msg as never, options);
    assert.strictEqual(state.encodings, 2);
    assert.strictEqual(decoded(first), JSON.stringify(msg));
  });

  it('a request, a notification and an error answer are encoded as they are', async () => {
    const { result } = counted(true);
    const request = { jsonrpc: '2.0', id: 1, method: 'workspace/configuration', params: { items: [] } };
    const notification = { jsonrpc: '2.0', method: 'window/logMessage', params: { type: 3, message: 'x' } };
    const error = { jsonrpc: '2.0', id: 2, error: { code: -32602, message: 'Unknown document' }, result };
    for (const msg of [request, notification, error]) assert.strictEqual(decoded(await keptResultEncoder.encode(msg as never, options)), JSON.stringify(msg));
  });

  it('a result that cannot be encoded rejects, as the library\'s encoder does', async () => {
    const cyclic: { self?: unknown } = {};
    cyclic.self = cyclic;
    await assert.rejects(keptResultEncoder.encode({ jsonrpc: '2.0', id: 1, result: keepResult(cyclic) } as never, options));
  });

  it('the outline of an unchanged document is handed out again, kept; that of the next version is another', () => {
    const service = createLanguageService({ today: '2024-12-06' });
    const uri = 'file:///sample.kamervraag';
    service.openDocument(uri, 'kamervraag', 1, fixtureText(SAMPLE));
    const outline = provideDocumentSymbols(service, uri);
    assert.ok(outline.length > 0 && isKeptResult(outline));
    assert.strictEqual(provideDocumentSymbols(service, uri), outline);
    service.documents.change(uri, 2, [{ text: `${fixtureText(SAMPLE)}\n` }]);
    const next = provideDocumentSymbols(service, uri);
    assert.ok(next !== outline && isKeptResult(next));
    service.dispose();
  });
});
