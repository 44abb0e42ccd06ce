// The renumber actions over the protocol: the source action `Vragen
// hernummeren` with its edit when asked for `source`, none for `quickfix` only
// (which gets the quick fix on the diagnostic), none on a well-numbered
// document; the command `kamervraag.renumberQuestions` makes the server send
// `workspace/applyEdit` with the same edit. Expected edits written by hand.

import * as assert from 'assert';
import { CodeActionRequest, ExecuteCommandRequest, type CodeAction, type WorkspaceEdit } from 'vscode-languageserver-protocol/node';
import { openAndWait, openFixture, SAMPLE, Session, type OpenedDocument } from './harness';

const TEXT = [
  'Vragen van het lid Podt (D66) aan de minister van Onderwijs over zwemles (ingezonden 3 maart 2025).',
  'Antwoord van minister Bruins (Onderwijs) (ontvangen 24 maart 2025).',
  '',
  'Vraag 1',
  'Is het bericht juist?',
  '',
  'Antwoord 1',
  'Ja, zie het antwoord op vraag 3.',
  '',
  'Vraag 3',
  'Wie betaalt?',
  '',
  'Antwoord 3',
  'De gemeente.',
  '',
].join('\n');

const range = (line: number, from: number, to: number) => ({ start: { line, character: from }, end: { line, character: to } });
/** Lines 8 (`…vraag 3.`), 10 (`Vraag 3`) and 13 (`Antwoord 3`): each 3 becomes 2. */
const EDITS = [
  { range: range(7, 30, 31), newText: '2' },
  { range: range(9, 6, 7), newText: '2' },
  { range: range(12, 9, 10), newText: '2' },
];

describe('protocol: renumber actions and commands', function () {
  let s: Session;
  let gap: OpenedDocument;
  let sample: OpenedDocument;
  const applied: { label?: string; edit: WorkspaceEdit }[] = [];

  before(async function () {
    s = await Session.start({
      locale: 'nl',
      handlers: {
        'workspace/applyEdit': (p) => {
          applied.push(p as { label?: string; edit: WorkspaceEdit });
          return { applied: true };
        },
      },
    });
    gap = await openAndWait(s, 'gap', TEXT);
    sample = await openFixture(s, SAMPLE);
  });

  after(async function () {
    await s?.shutdown();
  });

  const whole = { start: { line: 0, character: 0 }, end: { line: 15, character: 0 } };
  const actions = async (uri: string, only?: string[], r = whole) =>
    (await s.request(CodeActionRequest.type, { textDocument: { uri }, range: r, context: { diagnostics: [], ...(only ? { only } : {}) } })) as CodeAction[];

  it('announces the source kinds and the commands', function () {
    const caps = s.initializeResult!.capabilities;
    assert.deepStrictEqual(caps.codeActionProvider, { codeActionKinds: ['quickfix', 'source.renumberQuestions', 'source.renumberFootnotes'] });
    assert.deepStrictEqual(caps.executeCommandProvider, { commands: ['kamervraag.renumberQuestions', 'kamervraag.renumberFootnotes'] });
  });

  it('pushes the diagnostic on `Vraag 3` (line 10)', function () {
    const d = gap.diagnostics.diagnostics.find((x) => x.code === 'question-numbering');
    assert.ok(d, JSON.stringify(gap.diagnostics.diagnostics));
    assert.deepStrictEqual(d.range, range(9, 0, 7));
    assert.strictEqual(d.message, 'Vraag 2 ontbreekt: na vraag 1 komt vraag 3.');
  });

  it("only=['source']: `Vragen hernummeren` with its edit, no quick fix", async function () {
    const list = await actions(gap.uri, ['source']);
    assert.deepStrictEqual(list, [{ title: 'Vragen hernummeren', kind: 'source.renumberQuestions', edit: { changes: { [gap.uri]: EDITS } } }]);
    assert.deepStrictEqual((await actions(gap.uri, ['source.renumberQuestions'])).map((a) => a.kind), ['source.renumberQuestions']);
  });

  it("only=['quickfix']: the quick fix on the diagnostic, no source action", async function () {
    const list = await actions(gap.uri, ['quickfix'], range(9, 6, 6));
    assert.deepStrictEqual(list.map((a) => [a.title, a.kind]), [['Vragen hernummeren', 'quickfix']]);
    assert.deepStrictEqual(list[0].edit, { changes: { [gap.uri]: EDITS } });
    assert.deepStrictEqual(list[0].diagnostics?.map((d) => d.code), ['question-numbering']);
  });

  it('a well-numbered document: no renumber action', async function () {
    assert.deepStrictEqual(await actions(sample.uri, ['source']), []);
    assert.deepStrictEqual((await actions(sample.uri)).filter((a) => a.kind?.startsWith('source')), []);
  });

  it('kamervraag.renumberQuestions sends workspace/applyEdit with the same edit', async function () {
    applied.length = 0;
    await s.request(ExecuteCommandRequest.type, { command: 'kamervraag.renumberQuestions', arguments: [gap.uri] });
    assert.deepStrictEqual(applied, [{ label: 'Vragen hernummeren', edit: { changes: { [gap.uri]: EDITS } } }]);
    assert.deepStrictEqual(s.serverRequests.filter((r) => r.method === 'workspace/applyEdit').length, 1);
  });

  it('on a well-numbered document the command edits nothing and says so', async function () {
    applied.length = 0;
    await s.request(ExecuteCommandRequest.type, { command: 'kamervraag.renumberQuestions', arguments: [sample.uri] });
    assert.deepStrictEqual(applied, []);
    const n = await s.waitForNotification((x) => x.method === 'window/showMessage');
    assert.strictEqual((n.params as { message: string }).message, 'De vragen zijn al doorlopend genummerd.');
  });

  it('bad arguments and an unknown command: no crash, no edit', async function () {
    applied.length = 0;
    await s.request(ExecuteCommandRequest.type, { command: 'kamervraag.renumberFootnotes', arguments: [42 as unknown as string] });
    await s.request(ExecuteCommandRequest.type, { command: 'kamervraag.renumberQuestions', arguments: ['file:///nowhere.kamervraag'] });
    await assert.rejects(s.request(ExecuteCommandRequest.type, { command: 'kamervraag.nothing', arguments: [] }));
    assert.deepStrictEqual(applied, []);
    s.assertAlive();
    assert.deepStrictEqual(s.errorLogs(), []);
  });
});
