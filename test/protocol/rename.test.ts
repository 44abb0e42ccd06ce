// Rename = renumber over the protocol: the capability, prepareRename with its
// range and placeholder, the workspace edit, and the refusal on an external
// reference as an error the client shows. Expected ranges written by hand.

import * as assert from 'assert';
import { PrepareRenameRequest, RenameRequest, type WorkspaceEdit } from 'vscode-languageserver-protocol/node';
import { openFixture, SAMPLE, Session, type OpenDocument } from './harness';

describe('protocol: rename = renumber', function () {
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

  it('malformed parameters: no crash', async function () {
    await s.requestRaw('textDocument/rename', { textDocument: { uri: sample.uri } }).catch(() => undefined);
    await s.requestRaw('textDocument/prepareRename', null).catch(() => undefined);
    s.assertAlive();
  });
});
