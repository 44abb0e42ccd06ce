// question-text-differs over the protocol: the submitted questions
// (kv-tk-2024Z18792) and their answer (ah-tk-20242025-605) with one word added
// to question 2 open in one server; the answer's diagnostics are pushed with
// the difference once both are indexed, and codeAction offers the fix.

import * as assert from 'assert';
import { CodeActionRequest, type CodeAction, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { fixture, OFFICIAL_605, Session, uriFor } from './harness';

describe('protocol: question-text-differs across two open documents', function () {
  let s: Session;

  before(async function () {
    s = await Session.start({ locale: 'nl' });
  });

  after(async function () {
    await s?.shutdown();
  });

  /** The first push for `uri` that holds a diagnostic with `code`. */
  async function pushedWith(uri: string, code: string): Promise<PublishDiagnosticsParams> {
    for (let since = 0; since < 20; since++) {
      const p = await s.waitForDiagnostics(uri, null, { since });
      if (p.diagnostics.some((d) => d.code === code)) return p;
    }
    throw new Error(`no push for ${uri} with ${code}`);
  }

  it('pushes the difference with its related location, and offers the submitted words as a quick fix', async function () {
    const questions = uriFor('kv-tk-2024Z18792');
    const answer = uriFor('ah-tk-20242025-605');
    await s.openDocument(questions, fixture('official/kv-tk-2024Z18792.txt'));
    const text = fixture(OFFICIAL_605).replace('precies met coalitiepartijen', 'precies met de coalitiepartijen');
    await s.openDocument(answer, text);
    const pushed = await pushedWith(answer, 'question-text-differs');
    // Line 9 of the answer (8 from 0), `de coalitiepartijen` from 46 to 65; line 13 of the questions (12), `coalitiepartijen` from 46 to 62.
    const here = { start: { line: 8, character: 46 }, end: { line: 8, character: 65 } };
    const [d] = pushed.diagnostics.filter((x) => x.code === 'question-text-differs');
    assert.deepStrictEqual(d, {
      range: here,
      message: 'Vraag 2 wijkt af van de ingediende tekst: "coalitiepartijen" staat hier als "de coalitiepartijen". Vragen worden letterlijk overgenomen.',
      severity: 2,
      code: 'question-text-differs',
      source: 'kamervraag',
      relatedInformation: [{ location: { uri: questions, range: { start: { line: 12, character: 46 }, end: { line: 12, character: 62 } } }, message: 'ingediende tekst (vraag 2)' }],
    });
    const actions = (await s.request(CodeActionRequest.type, { textDocument: { uri: answer }, range: here, context: { diagnostics: [d] } })) as CodeAction[];
    const fix = actions.filter((a) => a.diagnostics?.[0]?.code === 'question-text-differs');
    assert.deepStrictEqual(fix.map((a) => [a.title, a.kind, a.edit]), [
      ['Ingediende tekst herstellen', 'quickfix', { changes: { [answer]: [{ range: here, newText: 'coalitiepartijen' }] } }],
    ]);
    // The questions file is what the answer is compared with: no such diagnostic there.
    const own = await s.waitForDiagnostics(questions, null);
    assert.ok(!own.diagnostics.some((x) => x.code === 'question-text-differs'));
  });
});
