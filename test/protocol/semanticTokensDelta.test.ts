// Delta semantic tokens (`textDocument/semanticTokens/full/delta`): after a
// keystroke the server sends the change of the token array, not the array.
// The tokens are encoded relative to the token before, so a character typed
// before a token shifts that token alone: one token's five integers replaced.
// Applying the edits to what the client had gives the tokens a full request
// returns for the new text.

import * as assert from 'assert';
import type { SemanticTokens, SemanticTokensDelta } from 'vscode-languageserver-protocol/node';
import { fixture, positionIn, SAMPLE, Session, uriFor } from './harness';

type Answer = SemanticTokens | SemanticTokensDelta;

/** The client's side: the edits applied to the data it had (last edit first, as the protocol asks). */
function applyDelta(data: readonly number[], delta: SemanticTokensDelta): number[] {
  const out = [...data];
  for (const e of [...delta.edits].sort((a, b) => b.start - a.start)) out.splice(e.start, e.deleteCount, ...(e.data ?? []));
  return out;
}

describe('protocol: semantic tokens as deltas', function () {
  let s: Session;
  before(async function () {
    s = await Session.start({ locale: 'nl' });
  });
  after(async function () {
    await s?.shutdown();
  });

  const full = (uri: string) => s.requestRaw<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri } });
  const delta = (uri: string, previousResultId: string) => s.requestRaw<Answer>('textDocument/semanticTokens/full/delta', { textDocument: { uri }, previousResultId });

  it('announces full tokens with deltas', function () {
    assert.deepStrictEqual(s.initializeResult?.capabilities.semanticTokensProvider?.full, { delta: true });
  });

  it('a character typed before a date on its line: one token of five integers replaced, its start one further', async function () {
    const uri = uriFor('delta-sample');
    const text = fixture(SAMPLE);
    await s.openDocument(uri, text);
    const first = await full(uri);
    assert.ok(first.resultId, 'a result id');
    // `Ingediend 19 mei 2022`: type a space after `Ingediend`; the date is the first token after it.
    const at = positionIn(text, 'Ingediend', 'Ingediend'.length);
    await s.change(uri, 2, [{ range: { start: at, end: at }, text: ' ' }]);
    const d = await delta(uri, first.resultId);
    assert.ok('edits' in d, `a delta: ${JSON.stringify(d).slice(0, 200)}`);
    assert.notStrictEqual(d.resultId, first.resultId);
    assert.strictEqual(d.edits.length, 1);
    const [edit] = d.edits;
    assert.strictEqual(edit.deleteCount, 5);
    assert.strictEqual(edit.data?.length, 5);
    assert.strictEqual(edit.start % 5, 0, 'the edit starts at a token');
    const old = first.data.slice(edit.start, edit.start + 5);
    // [deltaLine, deltaStart, length, type, modifiers]: only the start moved, by the one space.
    assert.deepStrictEqual(edit.data, [old[0], old[1] + 1, old[2], old[3], old[4]]);
    const applied = applyDelta(first.data, d);
    assert.deepStrictEqual(applied, (await full(uri)).data);
  });

  it('a reference typed into an answer: the edit holds its token, and the applied result equals the full tokens', async function () {
    const uri = uriFor('delta-heading');
    const text = fixture(SAMPLE);
    await s.openDocument(uri, text);
    const first = await full(uri);
    const at = positionIn(text, 'Zie antwoord vraag 12');
    await s.change(uri, 2, [{ range: { start: at, end: at }, text: 'Zie ook antwoord vraag 3. ' }]);
    const d = await delta(uri, first.resultId!);
    assert.ok('edits' in d);
    const total = d.edits.reduce((n, e) => n + (e.data?.length ?? 0), 0);
    assert.ok(total > 0 && total < 40, `a few tokens, not the array (${total} integers of ${first.data.length})`);
    assert.deepStrictEqual(applyDelta(first.data, d), (await full(uri)).data);
  });

  it('nothing changed: no edits; an unknown previous result: the full tokens', async function () {
    const uri = uriFor('delta-same');
    await s.openDocument(uri, fixture(SAMPLE));
    const first = await full(uri);
    const same = await delta(uri, first.resultId!);
    assert.ok('edits' in same);
    assert.deepStrictEqual(same.edits, []);
    const unknown = await delta(uri, 'no-such-result');
    assert.ok('data' in unknown, 'the full tokens');
    assert.deepStrictEqual(unknown.data, first.data);
  });
});
