// Rename = renumber over the protocol: the capability, prepareRename with its
// range and placeholder, the workspace edit, and the refusal on an external
// reference as an error the client shows. Expected ranges written by hand.

import * as assert from 'assert';
import { CompletionRequest, InlayHintRequest, PrepareRenameRequest, RenameRequest, type CompletionList, type InlayHint, type WorkspaceEdit } from 'vscode-languageserver-protocol/node';
import { fixture, openAndWait, openFixture, SAMPLE, Session, type OpenDocument } from './harness';

describe('protocol: rename = renumber, completion, inlay hints', function () {
  let s: Session;
  let sample: OpenDocument;

  before(async function () {
    s = await Session.start({ locale: 'nl' });
    sample = await openFixture(s, SAMPLE);
  });

  after(async function () {
    await s?.shutdown();
  });

  const range = (line: number, from: number, to: number) => ({ start: { line, character: from }, end: { line, character: to } });

  it('announces rename with prepareRename', function () {
    assert.deepStrictEqual(s.initializeResult?.capabilities.renameProvider, { prepareProvider: true });
  });

  it('prepareRename on ` • Vraag 3`: the number and its placeholder', async function () {
    const r = await s.request(PrepareRenameRequest.type, { textDocument: { uri: sample.uri }, position: { line: 21, character: 9 } });
    assert.deepStrictEqual(r, { range: range(21, 9, 10), placeholder: '3' });
  });

  it('rename 3 → 30: the heading and `in antwoord 3 beschreven`, not the external references', async function () {
    const edit = (await s.request(RenameRequest.type, { textDocument: { uri: sample.uri }, position: { line: 21, character: 9 }, newName: '30' })) as WorkspaceEdit;
    assert.deepStrictEqual(edit, { changes: { [sample.uri]: [{ range: range(21, 9, 10), newText: '30' }, { range: range(30, 33, 34), newText: '30' }] } });
  });

  it('prepareRename on `antwoord 3 op de bovengenoemde Kamervragen`: an error that says why', async function () {
    const line = sample.text.split('\n')[73];
    const character = line.indexOf('antwoord 3 op de bovengenoemde') + 9;
    await assert.rejects(
      s.request(PrepareRenameRequest.type, { textDocument: { uri: sample.uri }, position: { line: 73, character } }),
      (e: Error & { code?: number }) => e.code === -32803 && e.message.includes('verwijst naar een andere set vragen'),
    );
  });

  it('605, `Vraag 3` answered by `Antwoord vragen 1,2,3,4 en 5`: rename 3 → 30 changes the heading and the 3 of the grouped answer heading', async function () {
    const doc = await openFixture(s, 'official/ah-tk-20242025-605.txt');
    const edit = (await s.request(RenameRequest.type, { textDocument: { uri: doc.uri }, position: { line: 10, character: 6 }, newName: '30' })) as WorkspaceEdit;
    assert.deepStrictEqual(edit, { changes: { [doc.uri]: [{ range: range(10, 6, 7), newText: '30' }, { range: range(19, 20, 21), newText: '30' }] } });
  });

  it('609, questions numbered inline (`8. Is bij u …`) with `Antwoord vraag 8:`: rename 8 → 16 changes both', async function () {
    const doc = await openFixture(s, 'official/ah-tk-20242025-609.txt');
    const edit = (await s.request(RenameRequest.type, { textDocument: { uri: doc.uri }, position: { line: 44, character: 0 }, newName: '16' })) as WorkspaceEdit;
    assert.deepStrictEqual(edit, { changes: { [doc.uri]: [{ range: range(44, 0, 1), newText: '16' }, { range: range(46, 15, 16), newText: '16' }] } });
  });

  it('609, `Antwoord vraag 4-7:`: renaming 7 to a free 16 is refused, since the range would take in questions 8 to 15', async function () {
    const doc = await openFixture(s, 'official/ah-tk-20242025-609.txt');
    // `7. Vindt u …` on line 32 (0-based 31).
    await assert.rejects(
      s.request(RenameRequest.type, { textDocument: { uri: doc.uri }, position: { line: 31, character: 0 }, newName: '16' }),
      (e: Error & { code?: number }) => e.message.includes('met 16 zou de reeks ook vraag 8 omvatten'),
    );
  });

  it('completion after `Zie antwoord vraag ` (line 76): the 14 numbers, each with the opening words of its question', async function () {
    assert.deepStrictEqual(s.initializeResult?.capabilities.completionProvider, { triggerCharacters: [' '] });
    const list = (await s.request(CompletionRequest.type, { textDocument: { uri: sample.uri }, position: { line: 75, character: 21 } })) as CompletionList;
    assert.deepStrictEqual(list.items.map((i) => i.label).sort((x, y) => Number(x) - Number(y)), Array.from({ length: 14 }, (_, i) => String(i + 1)));
    const one = list.items.find((i) => i.label === '1')!;
    assert.ok(one.detail?.startsWith('Klopt het dat u in «Antwoord op vragen van het lid Van der Plas'), one.detail);
    // On the number itself (`vraag 1|2`): only the numbers that start with 1.
    const typed = (await s.request(CompletionRequest.type, { textDocument: { uri: sample.uri }, position: { line: 75, character: 22 } })) as CompletionList;
    assert.deepStrictEqual(typed.items.map((i) => i.label).sort(), ['1', '10', '11', '12', '13', '14']);
  });

  it('completion at the start of an empty line after `Antwoorden 5 en 6` (584): the next heading, `Vraag 7`, replacing the line start', async function () {
    const lines = fixture('official/ah-tk-20242025-584.txt').split('\n');
    // An empty line 40 after `door Studielink.`, before `Vraag 7`.
    lines.splice(40, 0, '');
    const doc = await openAndWait(s, 'ah-584-line-start', lines.join('\n'));
    const list = (await s.request(CompletionRequest.type, { textDocument: { uri: doc.uri }, position: { line: 40, character: 0 }, context: { triggerKind: 1 } })) as CompletionList;
    assert.deepStrictEqual(list.items.map((i) => [i.label, i.textEdit]), [['Vraag 7', { range: range(40, 0, 0), newText: 'Vraag 7' }]]);
  });

  it('completion right after `crisisbeheersing` (558, line 40, after footnote 2) on request: footnote 3 with its text', async function () {
    const doc = await openFixture(s, 'official/ah-tk-20242025-558.txt');
    const list = (await s.request(CompletionRequest.type, { textDocument: { uri: doc.uri }, position: { line: 39, character: 16 }, context: { triggerKind: 1 } })) as CompletionList;
    assert.deepStrictEqual(list.items.map((i) => [i.label, i.detail]), [['3', 'Kamerstukken II 2024/25, 30 821, nr. 240']]);
  });

  it('inlay hints: after `brief2` (line 15) the date of its letter, after `Ingediend 19 mei 2022` the term ends', async function () {
    assert.strictEqual(s.initializeResult?.capabilities.inlayHintProvider, true);
    const hints = (await s.request(InlayHintRequest.type, { textDocument: { uri: sample.uri }, range: { start: { line: 0, character: 0 }, end: { line: 90, character: 0 } } })) as InlayHint[];
    const at = (line: number, character: number) => hints.filter((h) => h.position.line === line && h.position.character === character);
    const label = (h: InlayHint) => (typeof h.label === 'string' ? h.label : h.label.map((p) => p.value).join(''));
    assert.deepStrictEqual(at(14, 149).map(label), ['18 mei 2022']);
    // Line 5 `Ingediend 19 mei 2022`: the date ends at column 21.
    assert.deepStrictEqual(at(4, 21).map(label), ['3 weken: 9 jun 2022 · 6 weken: 30 jun 2022']);
  });

  it('malformed parameters: no crash', async function () {
    await s.requestRaw('textDocument/rename', { textDocument: { uri: sample.uri } }).catch(() => undefined);
    await s.requestRaw('textDocument/prepareRename', null).catch(() => undefined);
    await s.requestRaw('textDocument/completion', { textDocument: { uri: sample.uri }, position: { line: -1, character: 'x' } }).catch(() => undefined);
    s.assertAlive();
  });
});
