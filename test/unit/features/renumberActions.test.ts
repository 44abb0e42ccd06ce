// The renumber code actions in process: source actions by kind and `only`,
// one quick fix however many footnote diagnostics the range touches, English
// titles. Expected edits written by hand.

import * as assert from 'assert';
import { codeActions, provideCodeActions } from '../../../server/src/features/codeActions';
import { createLanguageService } from '../../../server/src/service/languageService';
import { FOOTNOTES_OUT_OF_ORDER } from '../util';
import { TODAY } from './harness';

const FOOTNOTES = FOOTNOTES_OUT_OF_ORDER;

const range = (line: number, from: number, to: number) => ({ start: { line, character: from }, end: { line, character: to } });
const all = { start: { line: 0, character: 0 }, end: { line: 12, character: 0 } };

function open(text: string, locale: 'nl' | 'en' = 'nl') {
  const service = createLanguageService({ today: TODAY, locale });
  const uri = 'file:///w/renumber.kamervraag';
  service.openDocument(uri, 'kamervraag', 1, text);
  return { service, uri };
}

describe('features: renumber actions', () => {
  // Line 4: `[3 ]` at 37 becomes 2; line 7: `[2 ]` at 16 becomes 3; the texts `[2]` (line 10) and `[3]` (line 11) swap.
  const EDITS = [
    { range: range(3, 37, 38), newText: '2' },
    { range: range(6, 16, 17), newText: '3' },
    { range: range(9, 1, 2), newText: '3' },
    { range: range(10, 1, 2), newText: '2' },
  ];

  it('footnotes out of order: `Voetnoten hernummeren` as a source action and once as a quick fix', () => {
    const { service, uri } = open(FOOTNOTES);
    const list = provideCodeActions(service, uri, all, undefined);
    assert.deepStrictEqual(list.map((a) => [a.title, a.kind]), [['Voetnoten hernummeren', 'quickfix'], ['Voetnoten hernummeren', 'source.renumberFootnotes']]);
    for (const a of list) assert.deepStrictEqual(a.edit, { changes: { [uri]: EDITS } });
    assert.deepStrictEqual(provideCodeActions(service, uri, all, { only: ['source.renumberQuestions'] }), []);
    assert.deepStrictEqual(provideCodeActions(service, uri, all, { only: ['source.renumberFootnotes'] }).map((a) => a.kind), ['source.renumberFootnotes']);
  });

  it('English titles', () => {
    const { service, uri } = open(FOOTNOTES, 'en');
    assert.deepStrictEqual(provideCodeActions(service, uri, all, { only: ['source'] }).map((a) => a.title), ['Renumber footnotes']);
    const q = open('Vraag 1\nA?\n\nVraag 3\nB?\n', 'en');
    assert.deepStrictEqual(provideCodeActions(q.service, q.uri, all, { only: ['source'] }).map((a) => [a.title, a.kind]), [['Renumber questions', 'source.renumberQuestions']]);
  });

  it('a disabled diagnostic takes its quick fix along; the source action stays', () => {
    const { service, uri } = open('Vraag 1\nA?\n\nVraag 3\nB?\n');
    const a = service.analysis(uri)!;
    const ctx = { ...service.context(uri), settings: { ...service.context(uri).settings, diagnostics: { ...service.context(uri).settings.diagnostics, 'question-numbering': false } } };
    assert.deepStrictEqual(codeActions(a, all, uri, ctx).map((x) => x.kind), ['source.renumberQuestions']);
  });

  it('malformed requests: no range, a strange `only`', () => {
    const { service, uri } = open('Vraag 1\nA?\n\nVraag 3\nB?\n');
    assert.deepStrictEqual(provideCodeActions(service, uri, undefined as never, undefined), []);
    assert.deepStrictEqual(provideCodeActions(service, uri, all, { only: 'source' as never }).map((x) => x.kind), ['quickfix', 'source.renumberQuestions']);
    assert.deepStrictEqual(provideCodeActions(service, 'file:///none', all, undefined), []);
  });
});
