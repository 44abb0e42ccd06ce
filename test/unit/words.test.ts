// The words module: the one place for words people read. Expected values written by hand.

import * as assert from 'assert';
import * as w from '../../server/src/i18n/words';

describe('words', () => {
  it('writes dates out in both languages, short and long', () => {
    assert.strictEqual(w.formatDate('nl', '2022-05-18'), '18 mei 2022');
    assert.strictEqual(w.formatDate('en', '2022-05-18'), '18 May 2022');
    assert.strictEqual(w.formatDate('nl', '2024-11-19', true), '19 nov 2024');
    assert.strictEqual(w.formatDate({ locale: 'en' }, '2024-11-19', true), '19 Nov 2024');
    assert.strictEqual(w.longDate('nl', '2022-06-29'), 'woensdag 29 juni 2022');
    assert.strictEqual(w.longDate('en', '2022-06-29'), 'Wednesday 29 June 2022');
    assert.strictEqual(w.formatDate('nl', 'not a date'), 'not a date');
    assert.strictEqual(w.formatDate('nl', '2024-13-01'), '2024-13-01');
  });

  it('names terms from their length in days', () => {
    assert.strictEqual(w.termLength('nl', 21), '3 weken');
    assert.strictEqual(w.termLength('nl', 14), '2 weken');
    assert.strictEqual(w.termLength('nl', 7), '1 week');
    assert.strictEqual(w.termLength('nl', 30), '30 dagen');
    assert.strictEqual(w.termLength('en', 42), '6 weeks');
    assert.strictEqual(w.termAdjective(14), '2-week');
    assert.strictEqual(w.termAdjective(10), '10-day');
    const terms = { regularDays: 14, extendedDays: 30 };
    assert.strictEqual(w.termLabel('nl', 'regular', terms), 'Termijn van 2 weken');
    assert.strictEqual(w.termLabel('nl', 'extended', terms), 'Verlengde termijn van 30 dagen');
    assert.strictEqual(w.termLabel('en', 'regular', terms), '2-week term');
    assert.strictEqual(w.termEndLabel('nl', 'regular', { regularDays: 21, extendedDays: 42 }), 'Einde termijn van 3 weken');
    assert.strictEqual(w.termEndLabel('en', 'extended', { regularDays: 21, extendedDays: 42 }), 'End of the extended 6-week term');
    assert.strictEqual(w.eventKindLabel('nl', 'term-regular', terms), 'Termijn van 2 weken');
    assert.strictEqual(w.eventKindLabel('en', 'submitted', terms), 'Submitted');
  });

  it('joins lists and compacts numbers', () => {
    assert.strictEqual(w.joinList('nl', [1, 2, 3]), '1, 2 en 3');
    assert.strictEqual(w.joinList('en', ['a', 'b']), 'a and b');
    assert.strictEqual(w.joinList('nl', [7]), '7');
    assert.deepStrictEqual(w.compactNumbers([5, 1, 2, 3, 7, 3]), ['1–3', '5', '7']);
    assert.deepStrictEqual(w.compactNumbers([1, 2]), ['1', '2']);
    assert.deepStrictEqual(w.compactNumbers([]), []);
  });

  it('clips at a word boundary with white space collapsed', () => {
    assert.strictEqual(w.clip('Kunt u  aangeven\u00a0hoe vaak', 100), 'Kunt u aangeven hoe vaak');
    assert.strictEqual(w.clip('Kunt u aangeven hoe vaak dit is gebeurd?', 20), 'Kunt u aangeven hoe…');
    assert.strictEqual(w.clip('Klopt het, dat', 11), 'Klopt het…');
  });

  it('labels questions and answers, one or a group', () => {
    assert.strictEqual(w.questionLabel('nl', [4]), 'Vraag 4');
    assert.strictEqual(w.questionLabel('nl', [2, 3]), 'Vraag 2 en 3');
    assert.strictEqual(w.questionLabel('en', [4, 5, 7]), 'Questions 4, 5 and 7');
    assert.strictEqual(w.answerLabel('nl', [6, 7]), 'Antwoord 6 en 7');
    assert.strictEqual(w.answerLabel('en', [1]), 'Answer 1');
  });

  it('writes a person without nesting parentheses', () => {
    assert.strictEqual(w.personLabel('Podt', 'D66', null), 'Podt (D66)');
    assert.strictEqual(w.personLabel('Bruins', null, 'Minister (Onderwijs, Cultuur en Wetenschap)'), 'Bruins, Minister (Onderwijs, Cultuur en Wetenschap)');
    assert.strictEqual(w.personLabel('Hanke Bruins  Slot', 'CDA', 'minister van Binnenlandse Zaken'), 'Hanke Bruins Slot (CDA), minister van Binnenlandse Zaken');
  });

  it('names citation kinds, states and kinds of files', () => {
    assert.strictEqual(w.citationKindName('nl', 'law'), 'wet');
    assert.strictEqual(w.citationKindName('en', 'zaak'), 'case number');
    assert.strictEqual(w.citationKindName('nl', 'unknown-kind'), 'unknown-kind');
    assert.strictEqual(w.stateLabel('nl', 'overdue'), 'Onbeantwoord, termijn verstreken');
    assert.strictEqual(w.documentKindLabel('en', 'notice'), 'Delay notice');
  });

  it('takes the locale from a language tag', () => {
    assert.strictEqual(w.localeOf('en-US'), 'en');
    assert.strictEqual(w.localeOf('en_GB.UTF-8'), 'en');
    assert.strictEqual(w.localeOf('nl'), 'nl');
    assert.strictEqual(w.localeOf('de'), 'nl');
    assert.strictEqual(w.localeOf(undefined), 'nl');
  });
});
