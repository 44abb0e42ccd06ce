// kamervraag/originalText over a real stdio server: the converted text of a
// PDF or Word file, or an error whose message says why and whose data names
// the problem. Whatever the converters do, the answer is one of the two and the
// server stays alive; a `kamervraag-original:` document is analysed from the
// text the client sends, never read from disk.

import * as assert from 'assert';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { DocumentSymbolRequest, type DocumentSymbol } from 'vscode-languageserver-protocol/node';
import { ORIGINAL_TEXT_REQUEST, originalDocumentUri, type OriginalTextResult } from '../../server/src/protocol';
import { CORPUS, fixture, Session } from './harness';

const CODES = ['not-pdf', 'not-docx', 'encrypted', 'no-text', 'corrupt', 'too-large', 'too-many-pages', 'zip-bomb', 'timeout', 'unreadable'];

interface Failure {
  readonly code: number;
  readonly message: string;
  readonly data?: { code?: string };
}

async function ask(s: Session, uri: unknown): Promise<{ ok: true; r: OriginalTextResult } | { ok: false; e: Failure }> {
  return s.requestRaw<OriginalTextResult>(ORIGINAL_TEXT_REQUEST, { uri }, 60000).then(
    (r) => ({ ok: true as const, r }),
    (e: Failure) => ({ ok: false as const, e }),
  );
}

describe('protocol: originals', function () {
  this.timeout(90000);
  let s: Session;

  before(async function () {
    s = await Session.start({ locale: 'en' });
  });

  afterEach(function () {
    s.assertAlive();
  });

  after(async function () {
    await s?.shutdown();
  });

  for (const name of ['ah-tk-20142015-698.pdf', 'jenv-2024-eerdmans.docx']) {
    it(`answers the text of ${name}, or refuses with the reason`, async function () {
      const uri = pathToFileURL(path.join(CORPUS, 'originals', name)).href;
      const a = await ask(s, uri);
      if (a.ok) {
        assert.ok(typeof a.r.text === 'string' && a.r.text.length > 0);
        assert.strictEqual(a.r.kind, name.endsWith('.pdf') ? 'pdf' : 'docx');
        assert.ok(a.r.units > 0);
        assert.strictEqual(a.r.original, uri);
        assert.strictEqual(a.r.document, originalDocumentUri(uri));
      } else {
        assert.strictEqual(a.e.code, -32803);
        assert.ok(a.e.message.length > 0 && !a.e.message.includes('\n'), a.e.message);
        assert.ok(CODES.includes(a.e.data?.code ?? ''), JSON.stringify(a.e.data));
      }
    });
  }

  it('refuses a file that is gone, and parameters of the wrong shape, with a clear message', async function () {
    const gone = await ask(s, pathToFileURL(path.join(CORPUS, 'originals', 'weg.pdf')).href);
    assert.ok(!gone.ok);
    assert.strictEqual(gone.e.message, 'The file cannot be read.');
    assert.strictEqual(gone.e.data?.code, 'unreadable');
    const none = await ask(s, null);
    assert.ok(!none.ok);
    assert.strictEqual(none.e.message, 'No file given.');
    const raw = await s.requestRaw<unknown>(ORIGINAL_TEXT_REQUEST, 'not an object').then(() => 'answered', (e: Failure) => e.message);
    assert.strictEqual(raw, 'No file given.');
  });

  it('analyses a kamervraag-original: document from the text it was opened with', async function () {
    const original = pathToFileURL(path.join(CORPUS, 'originals', 'ah-tk-20142015-698.pdf')).href;
    const doc = originalDocumentUri(original);
    await s.openDocument(doc, fixture('official/ah-tk-20142015-698.txt'));
    const symbols = ((await s.request(DocumentSymbolRequest.type, { textDocument: { uri: doc } })) ?? []) as DocumentSymbol[];
    // One root (the set), its children the six questions and their answers as the text twin has them.
    assert.strictEqual(symbols.length, 1);
    assert.ok((symbols[0].children ?? []).some((c) => /^Vraag 6\b|^Question 6\b/.test(c.name)), JSON.stringify(symbols[0].children?.map((c) => c.name)));
    await s.close(doc);
  });
});
