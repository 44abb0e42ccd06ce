// Draft answer as a feature: the document itself, or, for a set's answer, the
// set's questions document; refusals with their reason in the UI language.

import * as assert from 'assert';
import { provideDraftAnswer } from '../../../server/src/features/draftAnswer';
import { createLanguageService } from '../../../server/src/service/languageService';
import { fixtureText } from '../util';
import { TODAY } from './harness';

const QUESTIONS = 'file:///w/kv-tk-2024Z18792.txt';
const ANSWER = 'file:///w/ah-tk-20242025-605.txt';

function service(locale: 'nl' | 'en' = 'nl') {
  const s = createLanguageService({ today: TODAY, locale });
  s.openDocument(QUESTIONS, 'kamervraag', 1, fixtureText('official/kv-tk-2024Z18792.txt'));
  s.openDocument(ANSWER, 'kamervraag', 1, fixtureText('official/ah-tk-20242025-605.txt'));
  s.openDocument('file:///w/hallo.kamervraag', 'kamervraag', 1, 'Hallo wereld\n');
  return s;
}

// The questions as submitted print the question sentence and two footnotes; the answer (605) prints neither.
const SENTENCE = 'Vragen van het lid Boswijk (CDA) aan de Ministers van Financiën en voor Buitenlandse Handel en Ontwikkelingshulp over de ontkoppeling van ontwikkelingshulp (ingezonden 19 november 2024).';

describe('features: draft answer', () => {
  it('on the questions document: its draft, text and snippet, and a title with the zaak', async () => {
    const r = await provideDraftAnswer(service(), QUESTIONS);
    assert.ok(r && 'text' in r);
    assert.strictEqual(r.text.split('\n')[1], SENTENCE);
    assert.ok(r.snippet.includes('Antwoord van ${1:ministers van Financiën en voor Buitenlandse Handel en Ontwikkelingshulp} (ontvangen ${2:datum}).'));
    assert.strictEqual(r.title, 'Antwoord 2024Z18792');
  });

  it('on the answer of an indexed set: the questions document of the set (its sentence and footnotes)', async () => {
    const s = service();
    s.indexDocument(QUESTIONS);
    s.indexDocument(ANSWER);
    assert.deepStrictEqual(s.index.setOf(ANSWER)?.summary.documents.map((d) => d.kind).sort(), ['answer', 'questions']);
    const r = await provideDraftAnswer(s, ANSWER);
    assert.ok(r && 'text' in r);
    assert.strictEqual(r.text.split('\n')[1], SENTENCE);
    assert.ok(r.text.includes('\n[2] Handelingen II, vergaderjaar 2024–2025, nr. 8\n'));
  });

  it('on the answer alone (not in a set with its questions): the questions it repeats', async () => {
    const r = await provideDraftAnswer(service(), ANSWER);
    assert.ok(r && 'text' in r);
    assert.deepStrictEqual(r.text.split('\n').slice(0, 4), ['2024Z18792', 'Antwoord van [minister Klever (Buitenlandse Handel en Ontwikkelingshulp)] (ontvangen [datum]).', '', 'Vraag 1']);
    assert.ok(!r.text.includes('Het kabinet heeft ervoor gekozen'));
  });

  it('refuses a document without questions, an unknown one and a missing uri, in Dutch and in English', async () => {
    assert.deepStrictEqual(await provideDraftAnswer(service(), 'file:///w/hallo.kamervraag'), { error: 'Dit document bevat geen vragen: er valt geen antwoord op te stellen.' });
    assert.deepStrictEqual(await provideDraftAnswer(service('en'), 'file:///w/hallo.kamervraag'), { error: 'This document holds no questions: there is no answer to draft.' });
    assert.deepStrictEqual(await provideDraftAnswer(service(), 'file:///w/elders.txt'), { error: 'Het document kon niet worden gelezen.' });
    assert.deepStrictEqual(await provideDraftAnswer(service('en'), undefined), { error: 'No document given.' });
    assert.deepStrictEqual(await provideDraftAnswer(service(), 42), { error: 'Geen document opgegeven.' });
  });

  it('answers nothing once cancelled', async () => {
    assert.strictEqual(await provideDraftAnswer(service(), QUESTIONS, { isCancellationRequested: true }), null);
  });
});
