// Settings pulled with `workspace/configuration`: the answer terms, the size
// limit and malformed values, and when they take effect — from the first
// request on a document, not only once its first diagnostics went out.

import * as assert from 'assert';
import { DocumentSymbolRequest, FoldingRangeRequest, HoverRequest } from 'vscode-languageserver-protocol/node';
import { fixture, hoverText, openAndWait, positionIn, SAMPLE, Session, uriFor } from './harness';

describe('protocol: settings', function () {
  let s: Session;
  const settings = new Map<string, unknown>();
  /** How many times the client was asked for each document's settings. */
  const asked = new Map<string, number>();
  const sample = fixture(SAMPLE);
  const beantwoord = positionIn(sample, 'Beantwoord 18 juli', 2);
  const SHORT_TERMS = { terms: { regularDays: 10, extendedDays: 20 } };

  before(async function () {
    s = await Session.start({
      locale: 'nl',
      settings: (scopeUri) => {
        if (scopeUri) asked.set(scopeUri, (asked.get(scopeUri) ?? 0) + 1);
        return (scopeUri && settings.get(scopeUri)) ?? {};
      },
    });
  });

  afterEach(function () {
    s.assertAlive();
  });

  after(async function () {
    await s?.shutdown();
  });

  const hoverOn = async (uri: string) => hoverText(await s.request(HoverRequest.type, { textDocument: { uri }, position: beantwoord }));

  it('terms of 10 and 20 days: the late-answer diagnostic and the hover count from them', async function () {
    const uri = uriFor('terms');
    settings.set(uri, SHORT_TERMS);
    await s.openDocument(uri, sample);
    const p = await s.waitForDiagnostics(uri, 1);
    const late = p.diagnostics.find((d) => d.code === 'late-answer');
    assert.ok(late);
    assert.match(String(late.message), /40 dagen te laat/);
    assert.match(String(late.message), /20 dagen \(na de uitstelmelding\) verliep op 8 juni 2022/);
    const h = await hoverOn(uri);
    assert.match(h, /Termijn van 10 dagen: zondag 29 mei 2022/);
    assert.match(h, /40 dagen te laat/);
  });

  it('a hover sent right after didOpen already uses the document\'s terms', async function () {
    const uri = uriFor('terms-race');
    settings.set(uri, SHORT_TERMS);
    await s.openDocument(uri, sample);
    // No waiting for diagnostics: an editor asks at once.
    const h = await hoverOn(uri);
    assert.match(h, /40 dagen te laat/, `the configured terms apply from the first request:\n${h}`);
  });

  it('a document over maxFileSizeMB is not analysed even when asked right after didOpen', async function () {
    const uri = uriFor('too-large-race');
    settings.set(uri, { maxFileSizeMB: 1 });
    let text = '';
    while (text.length < 1.5 * 1024 * 1024) text += sample;
    await s.openDocument(uri, text);
    const symbols = await s.request(DocumentSymbolRequest.type, { textDocument: { uri } });
    const folds = await s.request(FoldingRangeRequest.type, { textDocument: { uri } });
    assert.deepStrictEqual({ symbols: symbols?.length ?? 0, folds: folds?.length ?? 0 }, { symbols: 0, folds: 0 }, 'features are empty for a file over the limit');
    const p = await s.waitForDiagnostics(uri, 1, { timeoutMs: 15000 });
    assert.deepStrictEqual(p.diagnostics.map((d) => d.code), ['file-too-large']);
    await s.close(uri);
  });

  it('one configuration request per document, however many ask for its settings at once', async function () {
    const uri = uriFor('asked-once');
    settings.set(uri, SHORT_TERMS);
    await s.openDocument(uri, sample);
    // The diagnostics of the open and three requests sent with it all wait for the document's settings.
    const [symbols, folds, h] = await Promise.all([
      s.request(DocumentSymbolRequest.type, { textDocument: { uri } }),
      s.request(FoldingRangeRequest.type, { textDocument: { uri } }),
      hoverOn(uri),
      s.waitForDiagnostics(uri, 1),
    ]);
    assert.ok((symbols?.length ?? 0) > 0 && (folds?.length ?? 0) > 0, 'an outline and folding ranges');
    assert.match(h, /40 dagen te laat/, 'the hover counts from the configured terms');
    assert.strictEqual(asked.get(uri), 1, 'the settings were asked for once');
    await s.close(uri);
  });

  it('a document that shrinks below the limit is analysed again', async function () {
    const uri = uriFor('shrinks');
    settings.set(uri, { maxFileSizeMB: 1 });
    let text = '';
    while (text.length < 1.5 * 1024 * 1024) text += sample;
    await s.openDocument(uri, text);
    const p1 = await s.waitForDiagnostics(uri, 1, { timeoutMs: 15000 });
    assert.deepStrictEqual(p1.diagnostics.map((d) => d.code), ['file-too-large']);
    await s.change(uri, 2, [{ text: sample }]);
    const p2 = await s.waitForDiagnostics(uri, 2);
    assert.deepStrictEqual(p2.diagnostics.map((d) => d.code).sort(), ['late-answer', 'year-typo']);
    await s.close(uri);
  });

  it('terms changed with didChangeConfiguration: diagnostics re-pushed and hover follow', async function () {
    const doc = await openAndWait(s, 'terms-change', sample);
    assert.match(String(doc.diagnostics.diagnostics.find((d) => d.code === 'late-answer')?.message), /18 dagen te laat/);
    const since = s.publishedCount(doc.uri);
    settings.set(doc.uri, SHORT_TERMS);
    await s.changeSettings(s.settings);
    const p = await s.waitForDiagnostics(doc.uri, 1, { since });
    assert.match(String(p.diagnostics.find((d) => d.code === 'late-answer')?.message), /40 dagen te laat/);
    assert.match(await hoverOn(doc.uri), /40 dagen te laat/);
  });

  it('malformed settings fall back to the defaults', async function () {
    const uri = uriFor('malformed');
    settings.set(uri, { diagnostics: { lateAnswer: 'no', yearTypo: 0 }, terms: { regularDays: -3, extendedDays: 'six weeks' }, maxFileSizeMB: 'big' });
    await s.openDocument(uri, sample);
    const p = await s.waitForDiagnostics(uri, 1);
    assert.deepStrictEqual(p.diagnostics.map((d) => d.code).sort(), ['late-answer', 'year-typo']);
    assert.match(String(p.diagnostics.find((d) => d.code === 'late-answer')?.message), /18 dagen te laat/);
    await s.close(uri);
  });

  describe('afterwards', function () {
    it('the server logged no feature errors', function () {
      assert.deepStrictEqual(s.errorLogs(), []);
    });
  });
});

describe('protocol: settings the client is slow to give', function () {
  let s: Session;
  let release: () => void = () => undefined;
  const given = new Promise<void>((resolve) => (release = resolve));
  const sample = fixture(SAMPLE);

  before(async function () {
    s = await Session.start({
      locale: 'nl',
      // The client answers `workspace/configuration` only once the test says so.
      handlers: { 'workspace/configuration': async (p: unknown) => (await given, (p as { items: unknown[] }).items.map(() => ({ terms: { regularDays: 10, extendedDays: 20 } }))) },
    });
  });

  after(async function () {
    release();
    await s?.shutdown();
  });

  it('the outline and the folding of a document within every size limit do not wait for its settings; the diagnostics do', async function () {
    const uri = uriFor('settings-held');
    await s.openDocument(uri, sample);
    const symbols = await s.request(DocumentSymbolRequest.type, { textDocument: { uri } });
    const folds = await s.request(FoldingRangeRequest.type, { textDocument: { uri } });
    assert.strictEqual(symbols?.[0]?.name, 'Kamervraag 2022Z09875');
    assert.ok((folds?.length ?? 0) > 0, 'folding ranges');
    assert.strictEqual(s.publishedCount(uri), 0, 'no diagnostics before the settings came');
    release();
    const p = await s.waitForDiagnostics(uri, 1);
    assert.match(String(p.diagnostics.find((d) => d.code === 'late-answer')?.message), /40 dagen te laat/, 'the diagnostics count from the terms the client gave');
    s.assertAlive();
  });
});
