// Pull diagnostics (`textDocument/diagnostic`) for a client that pulls and
// takes a refresh, as VS Code does: the server announces a diagnostic
// provider and pushes nothing; a pull right after a keystroke answers for
// that version without the push's pause; an unchanged result is `unchanged`;
// what a document's own edits cannot tell the client (settings, another file
// of the set) comes as `workspace/diagnostic/refresh`. A client that does not
// pull keeps the push (test/protocol/diagnostics.test.ts).

import * as assert from 'assert';
import type { Diagnostic } from 'vscode-languageserver-protocol/node';
import { fixture, OFFICIAL_605, range, rangeOf, SAMPLE, Session, textIn, uriFor } from './harness';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

interface Report {
  readonly kind: 'full' | 'unchanged';
  readonly resultId?: string;
  readonly items?: Diagnostic[];
}

const codes = (list: readonly Diagnostic[] | undefined) => (list ?? []).map((d) => String(d.code)).sort();

describe('protocol: pull diagnostics', function () {
  let s: Session;

  before(async function () {
    s = await Session.start({ locale: 'nl', pullDiagnostics: true });
  });

  after(async function () {
    await s?.shutdown();
  });

  const pull = (uri: string, previousResultId?: string) => s.requestRaw<Report>('textDocument/diagnostic', { textDocument: { uri }, ...(previousResultId ? { previousResultId } : {}) });

  it('announces a diagnostic provider whose results depend on other files', function () {
    assert.deepStrictEqual(s.initializeResult?.capabilities.diagnosticProvider, { identifier: 'kamervraag', interFileDependencies: true, workspaceDiagnostics: false });
  });

  it('the sample: a full report with its two diagnostics, nothing pushed; the same again is unchanged', async function () {
    const uri = uriFor('pull-sample');
    await s.openDocument(uri, fixture(SAMPLE));
    const first = await pull(uri);
    assert.strictEqual(first.kind, 'full');
    assert.deepStrictEqual(codes(first.items), ['late-answer', 'year-typo']);
    assert.ok(first.resultId, 'a result id');
    const again = await pull(uri, first.resultId);
    assert.deepStrictEqual(again, { kind: 'unchanged', resultId: first.resultId });
    // Without the client's last id the list comes in full.
    const fresh = await pull(uri);
    assert.strictEqual(fresh.kind, 'full');
    assert.deepStrictEqual(codes(fresh.items), ['late-answer', 'year-typo']);
    // A pushing server would have published by now (it pushes at once on open).
    await sleep(300);
    assert.strictEqual(s.publishedCount(uri), 0, 'nothing pushed to a pulling client');
  });

  it('a keystroke: the pull right after it answers for the new text', async function () {
    const uri = uriFor('pull-keystroke');
    const text = fixture(SAMPLE);
    await s.openDocument(uri, text);
    const before = await pull(uri);
    const twelve = rangeOf(text, 'Zie antwoord vraag 12.');
    const digits = range(twelve.start.line, twelve.start.character + 19, twelve.start.line, twelve.start.character + 21);
    assert.strictEqual(textIn(text, digits), '12');
    await s.change(uri, 2, [{ range: digits, text: '21' }]);
    const after = await pull(uri, before.resultId);
    assert.strictEqual(after.kind, 'full');
    assert.notStrictEqual(after.resultId, before.resultId);
    assert.deepStrictEqual(codes(after.items), ['late-answer', 'unknown-reference', 'year-typo']);
    const unknown = after.items?.find((d) => d.code === 'unknown-reference');
    assert.strictEqual(unknown?.range.start.line, twelve.start.line);
    // Typing it back: the first list again, as a full report (the id the client has is the second's).
    await s.change(uri, 3, [{ range: digits, text: '12' }]);
    const back = await pull(uri, after.resultId);
    assert.strictEqual(back.kind, 'full');
    assert.deepStrictEqual(codes(back.items), ['late-answer', 'year-typo']);
  });

  it('a document that is not open: an empty full report', async function () {
    const r = await pull(uriFor('never-opened'));
    assert.deepStrictEqual({ kind: r.kind, items: r.items }, { kind: 'full', items: [] });
  });

  it('a settings change asks the client to pull again, and the pull follows the settings', async function () {
    const uri = uriFor('pull-settings');
    await s.openDocument(uri, fixture(SAMPLE));
    await pull(uri);
    const refreshes = s.diagnosticRefreshes;
    await s.changeSettings(() => ({ diagnostics: { yearTypo: false } }));
    const until = Date.now() + 5000;
    while (s.diagnosticRefreshes === refreshes && Date.now() < until) await sleep(20);
    assert.ok(s.diagnosticRefreshes > refreshes, 'workspace/diagnostic/refresh after the settings changed');
    const r = await pull(uri);
    assert.deepStrictEqual(codes(r.items), ['late-answer']);
    await s.changeSettings(() => ({}));
  });

  it('another file of the set changes: a refresh, and the answer\'s pull shows the difference with the questions', async function () {
    const questions = uriFor('kv-tk-2024Z18792');
    const answer = uriFor('ah-tk-20242025-605');
    await s.openDocument(questions, fixture('official/kv-tk-2024Z18792.txt'));
    await s.openDocument(answer, fixture(OFFICIAL_605));
    // Both indexed and of one set: the answer quotes the questions word for word.
    let report = await pull(answer);
    const until = Date.now() + 10_000;
    const refreshes = s.diagnosticRefreshes;
    const words = rangeOf(fixture('official/kv-tk-2024Z18792.txt'), 'precies met coalitiepartijen');
    await s.change(questions, 2, [{ range: words, text: 'precies met de coalitiepartijen' }]);
    while (!codes(report.items).includes('question-text-differs') && Date.now() < until) {
      await sleep(50);
      report = await pull(answer);
    }
    assert.ok(codes(report.items).includes('question-text-differs'), `the answer differs from the changed questions: ${codes(report.items).join(', ')}`);
    // The refresh follows the pause in typing (DIAGNOSTICS_DELAY_MS).
    while (s.diagnosticRefreshes === refreshes && Date.now() < until) await sleep(20);
    assert.ok(s.diagnosticRefreshes > refreshes, 'the client was asked to pull the other files again');
  });
});
