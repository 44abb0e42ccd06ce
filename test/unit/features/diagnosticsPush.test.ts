// The pushed diagnostics of an edited document: the debounce, and the analysis
// done while it waits (a small document is analysed in the turn after its
// edit; a large one at the pause). The first diagnostics of an opened document
// wait while the requests that came with the open are answered.

import * as assert from 'assert';
import type { Diagnostic } from 'vscode-languageserver-types';
import { ANALYZE_AHEAD_MAX_CHARS, DIAGNOSTICS_DELAY_MS, DiagnosticsPush, OPEN_MAX_DEFER_MS, OPEN_QUIET_MS } from '../../../server/src/features/diagnostics';
import { provideDocumentSymbols } from '../../../server/src/features/symbols';
import { findingsStats } from '../../../server/src/model/analysis';
import { tokenizeStats } from '../../../server/src/model/tokens';
import { createLanguageService } from '../../../server/src/service/languageService';
import { fixtureText } from '../util';

const SAMPLE = 'openkamer/kv-2022Z09875.txt';
const turn = (ms = 0) => new Promise((resolve) => setTimeout(resolve, ms));
/** Analyses made so far: each reads its text into a token stream once. */
const analyses = () => tokenizeStats.full + tokenizeStats.incremental;

function setUp() {
  const service = createLanguageService({ today: '2024-12-06' });
  const sent: { uri: string; version?: number; diagnostics: Diagnostic[] }[] = [];
  const logs: string[] = [];
  const push = new DiagnosticsPush(() => service, (p) => void sent.push(p), async () => undefined, (m) => logs.push(m));
  /** Whether the analysis of the document's current version is in the cache, without making it. */
  const analysed = (uri: string) => {
    const doc = service.documents.get(uri)!;
    return service.cache.peek(uri, doc.version, service.settingsFor(uri).terms) !== undefined;
  };
  return { service, push, sent, logs, analysed };
}

describe('pushed diagnostics: the analysis while the debounce waits', () => {
  it('analyses a small document in the turn after each edit, and pushes its diagnostics at the pause', async () => {
    const { service, push, sent, logs, analysed } = setUp();
    const uri = 'file:///klein.kamervraag';
    const text = fixtureText(SAMPLE);
    service.openDocument(uri, 'kamervraag', 1, text);
    push.opened(uri);
    await turn(5);
    assert.deepStrictEqual(sent.map((p) => p.version), [1], 'the first diagnostics at once');
    // `Zie antwoord vraag 12.` becomes `… vraag 21.`: a reference to no question.
    const at = text.indexOf('Zie antwoord vraag 12.') + 'Zie antwoord vraag '.length;
    const pos = service.documents.get(uri)!.positionAt(at);
    service.documents.change(uri, 2, [{ range: { start: pos, end: { line: pos.line, character: pos.character + 2 } }, text: '21' }]);
    assert.strictEqual(push.changed(uri), true, 'typing is under way');
    assert.strictEqual(analysed(uri), false, 'not in the notification itself');
    await turn(5);
    assert.strictEqual(analysed(uri), true, 'analysed in the turn after the edit');
    assert.strictEqual(sent.length, 1, 'the diagnostics still wait for the pause');
    await turn(DIAGNOSTICS_DELAY_MS + 20);
    assert.deepStrictEqual(sent.map((p) => p.version), [1, 2]);
    assert.ok(sent[1].diagnostics.some((d) => d.code === 'unknown-reference'), 'the pushed list is the edited version\'s');
    assert.deepStrictEqual(logs, []);
  });

  it('analyses only the last of two quick edits', async () => {
    const { service, push, analysed } = setUp();
    const uri = 'file:///snel.kamervraag';
    service.openDocument(uri, 'kamervraag', 1, fixtureText(SAMPLE));
    push.opened(uri);
    await turn(5);
    const before = analyses();
    service.documents.change(uri, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'a' }]);
    push.changed(uri);
    service.documents.change(uri, 3, [{ range: { start: { line: 0, character: 1 }, end: { line: 0, character: 1 } }, text: 'b' }]);
    push.changed(uri);
    await turn(5);
    assert.strictEqual(analysed(uri), true, 'version 3 analysed');
    assert.strictEqual(analyses() - before, 1, 'and version 2 never was');
  });

  it('leaves a document over the limit to the pause', async () => {
    const { service, push, sent, analysed } = setUp();
    const uri = 'file:///groot.kamervraag';
    const sample = fixtureText(SAMPLE);
    const text = sample.repeat(Math.ceil((ANALYZE_AHEAD_MAX_CHARS + 1) / sample.length));
    assert.ok(text.length > ANALYZE_AHEAD_MAX_CHARS);
    service.openDocument(uri, 'kamervraag', 1, text);
    push.opened(uri);
    await turn(5);
    service.documents.change(uri, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'a' }]);
    push.changed(uri);
    await turn(5);
    assert.strictEqual(analysed(uri), false, 'a large document waits for the pause');
    await turn(DIAGNOSTICS_DELAY_MS + 20);
    assert.deepStrictEqual(sent.map((p) => p.version), [1, 2], 'and is analysed and pushed then');
  });
});

describe('pushed diagnostics: the first of an opened document', () => {
  /** Waits until `done()` holds, at most `ms`; says whether it held (a loaded machine may take longer than a fixed pause). */
  async function until(done: () => boolean, ms: number): Promise<boolean> {
    const end = Date.now() + ms;
    while (!done() && Date.now() < end) await turn(2);
    return done();
  }

  /** A push whose server has been quiet for `quiet.ms` (0: a request is being answered, or an answer written). */
  function quietSetUp() {
    const service = createLanguageService({ today: '2024-12-06' });
    const sent: { uri: string; version?: number; diagnostics: Diagnostic[] }[] = [];
    const quiet = { ms: 0 };
    const push = new DiagnosticsPush(() => service, (p) => void sent.push(p), async () => undefined, () => undefined, () => quiet.ms);
    return { service, push, sent, quiet };
  }

  it('wait while the requests that came with the open are answered, which read the outline without the findings', async () => {
    const { service, push, sent, quiet } = quietSetUp();
    const uri = 'file:///geopend.kamervraag';
    service.openDocument(uri, 'kamervraag', 1, fixtureText(SAMPLE));
    push.opened(uri);
    const made = findingsStats.made;
    await turn(OPEN_QUIET_MS * 3);
    assert.strictEqual(sent.length, 0, 'not while requests are answered');
    // The outline, asked with the open: the structure alone.
    const outline = provideDocumentSymbols(service, uri);
    assert.deepStrictEqual(outline[0].children?.filter((s) => s.name.startsWith('Vraag')).length, 14);
    assert.strictEqual(findingsStats.made - made, 0, 'the outline made no findings');
    quiet.ms = OPEN_QUIET_MS;
    assert.ok(await until(() => sent.length > 0, 2000), 'pushed once the server is quiet');
    assert.deepStrictEqual(sent.map((p) => p.version), [1]);
    assert.strictEqual(findingsStats.made - made, 1, 'and the findings made for them');
  });

  it('wait again for a request begun while the document\'s settings were fetched (the outline of a large document waits for them too)', async () => {
    const service = createLanguageService({ today: '2024-12-06' });
    const sent: { uri: string; version?: number; diagnostics: Diagnostic[] }[] = [];
    const quiet = { ms: Infinity };
    let settingsCame: () => void = () => undefined;
    const settings = new Promise<void>((resolve) => (settingsCame = resolve));
    const push = new DiagnosticsPush(() => service, (p) => void sent.push(p), () => settings, () => undefined, () => quiet.ms);
    const uri = 'file:///instellingen.kamervraag';
    service.openDocument(uri, 'kamervraag', 1, fixtureText(SAMPLE));
    push.opened(uri);
    await turn(5);
    // The push is under way, waiting for the settings; a request begins meanwhile.
    quiet.ms = 0;
    settingsCame();
    await turn(OPEN_QUIET_MS * 3);
    assert.strictEqual(sent.length, 0, 'the request goes first');
    quiet.ms = OPEN_QUIET_MS;
    assert.ok(await until(() => sent.length > 0, 2000), 'pushed once the server is quiet');
    assert.deepStrictEqual(sent.map((p) => p.version), [1]);
  });

  it('wait no longer than OPEN_MAX_DEFER_MS for a client that asks without pause', async () => {
    const { service, push, sent } = quietSetUp();
    const uri = 'file:///druk.kamervraag';
    service.openDocument(uri, 'kamervraag', 1, fixtureText(SAMPLE));
    const opened = Date.now();
    push.opened(uri);
    await turn(OPEN_MAX_DEFER_MS / 2);
    assert.strictEqual(sent.length, 0);
    // Pushed at the latest then, the analysis's own time besides.
    assert.ok(await until(() => sent.length > 0, OPEN_MAX_DEFER_MS + 1000), 'pushed all the same');
    assert.ok(Date.now() - opened >= OPEN_MAX_DEFER_MS, 'not before the requests stopped or the time was up');
    assert.deepStrictEqual(sent.map((p) => p.version), [1]);
  });

  it('an edit does not wait for quiet once the document has had its first diagnostics', async () => {
    const { service, push, sent, quiet } = quietSetUp();
    const uri = 'file:///bewerkt.kamervraag';
    service.openDocument(uri, 'kamervraag', 1, fixtureText(SAMPLE));
    quiet.ms = Infinity;
    push.opened(uri);
    assert.ok(await until(() => sent.length > 0, 2000));
    assert.deepStrictEqual(sent.map((p) => p.version), [1]);
    quiet.ms = 0;
    service.documents.change(uri, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'a' }]);
    const edited = Date.now();
    push.changed(uri);
    assert.ok(await until(() => sent.length > 1, OPEN_MAX_DEFER_MS + 1000));
    assert.deepStrictEqual(sent.map((p) => p.version), [1, 2], 'after the pause, requests or not');
    assert.ok(Date.now() - edited < OPEN_MAX_DEFER_MS, 'without waiting for quiet');
  });
});
