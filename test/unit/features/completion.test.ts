// Completion of question numbers and letter dates, on synthetic sets; every
// expected label, detail and order written by hand.

import * as assert from 'assert';
import type { CompletionItem } from 'vscode-languageserver-types';
import { provideCompletion } from '../../../server/src/features/completion';
import { createLanguageService } from '../../../server/src/service/languageService';
import { fixtureText } from '../util';
import { load, TODAY } from './harness';

const SET = (tail: string) => `
  Vragen van het lid Podt (D66) aan de minister van Onderwijs over het zwembad in Zuidwolde (ingezonden 19 mei 2022).
  Antwoord van minister Bruins (Onderwijs) (ontvangen 9 juni 2022).
  Vraag 1
  Is het waar dat het zwembad in Zuidwolde per 1 juli sluit?
  Antwoord 1
  Ja. In mijn brief van 18 mei 2022 heb ik dat gemeld.
  Vraag 2
  Welke gevolgen heeft de sluiting voor het schoolzwemmen?
  Antwoord 2
  ${tail}
  Vraag 3
  Wie betaalt het vervoer naar Hoogeveen?
  Antwoord 3
  De gemeente.
`;

const labels = (items: readonly CompletionItem[]) => [...items].sort((x, y) => (x.sortText ?? '').localeCompare(y.sortText ?? '')).map((i) => i.label);

describe('features (fixtures): completion', () => {
  it('after `vraag `: the numbers with the opening words, the own question last', () => {
    const { f, service, uri } = load(SET('Zie het antwoord op vraag |'));
    const list = provideCompletion(service, uri, f.position)!;
    assert.deepStrictEqual(labels(list.items), ['1', '3', '2']);
    assert.deepStrictEqual(list.items.map((i) => [i.label, i.detail]), [
      ['1', 'Is het waar dat het zwembad in Zuidwolde per 1 juli sluit?'],
      ['2', 'Welke gevolgen heeft de sluiting voor het schoolzwemmen?'],
      ['3', 'Wie betaalt het vervoer naar Hoogeveen?'],
    ]);
  });

  it('a number begun: only the numbers that start so; a list under way: more numbers', () => {
    const typed = load(SET('Zie het antwoord op vraag 3|'));
    assert.deepStrictEqual(labels(provideCompletion(typed.service, typed.uri, typed.f.position)!.items), ['3']);
    const list = load(SET('Zie de antwoorden op de vragen 1 en |'));
    assert.deepStrictEqual(labels(provideCompletion(list.service, list.uri, list.f.position)!.items), ['1', '3', '2']);
  });

  it('after `brief van `: the dates of the letters the set cites', () => {
    const { f, service, uri } = load(SET('Zoals gemeld in de brief van |'));
    const list = provideCompletion(service, uri, f.position)!;
    assert.deepStrictEqual(list.items.map((i) => i.label), ['18 mei 2022']);
  });

  it('in prose, after a space: nothing', () => {
    const { f, service, uri } = load(SET('De gemeente zoekt een |'));
    assert.strictEqual(provideCompletion(service, uri, f.position), null);
  });

  describe('the next heading at the start of a line, in the document\'s own style', () => {
    const edit = (i: CompletionItem) => (i.textEdit && 'range' in i.textEdit ? [i.textEdit.range.start.line, i.textEdit.range.start.character, i.textEdit.range.end.character, i.textEdit.newText] : null);

    it('after an answered question: the next question', () => {
      const { f, service, uri } = load(SET('Ja.\n  |'));
      const list = provideCompletion(service, uri, f.position)!;
      assert.deepStrictEqual(labels(list.items), ['Vraag 3']);
      assert.deepStrictEqual(edit(list.items[0]), [10, 0, 0, 'Vraag 3']);
    });

    it('after a question that has no answer yet: its answer first, then the next question', () => {
      const { f, service, uri } = load(`
        Vragen van het lid Podt (D66) aan de minister van Onderwijs (ingezonden 19 mei 2022).
        Antwoord van minister Bruins (Onderwijs) (ontvangen 9 juni 2022).
        Vraag 1
        Sluit het zwembad?
        Antwoord 1
        Ja.
        Vraag 2
        Wie betaalt het vervoer?
        Ant|
      `);
      const list = provideCompletion(service, uri, f.position)!;
      assert.deepStrictEqual(labels(list.items), ['Antwoord 2', 'Vraag 3']);
      // The letters typed are replaced: the edit runs from the line start.
      assert.deepStrictEqual(edit(list.items[0]), [8, 0, 3, 'Antwoord 2']);
    });

    it('the style of the first answer heading, grouped questions with `vragen`', () => {
      const { f, service, uri } = load(`
        Vragen van het lid Podt (D66) aan de minister van Onderwijs (ingezonden 19 mei 2022).
        Antwoord van minister Bruins (Onderwijs) (ontvangen 9 juni 2022).
        Vraag 1
        Sluit het zwembad?
        Antwoord vraag 1:
        Ja.
        Vraag 2 en 3
        Wie betaalt het vervoer? En wanneer?
        |
      `);
      assert.deepStrictEqual(labels(provideCompletion(service, uri, f.position)!.items), ['Antwoord vragen 2 en 3:', 'Vraag 4']);
    });

    it('a bulleted layout without answer headings: the bullet kept, no answer heading', () => {
      const { f, service, uri } = load(`
        Kamervraag 2022Z09875
        Vragen van het lid Van der Plas (BBB) aan de minister-president (ingezonden 19 mei 2022).
         • Vraag 1
          Klopt het dat de berichten zijn gewist?
          Ja.
         • Vraag 2
          Waarom?
          Omdat het kon.
        |
      `);
      const list = provideCompletion(service, uri, f.position)!;
      assert.deepStrictEqual(list.items.map((i) => i.textEdit?.newText), [' • Vraag 3']);
    });

    it('nothing for other words at a line start, nor with text after the cursor', () => {
      for (const tail of ['De|', 'Vragen|', '|Ja, dat klopt.']) {
        const { f, service, uri } = load(SET(`Ja.\n  ${tail}`));
        assert.strictEqual(provideCompletion(service, uri, f.position), null, tail);
      }
    });
  });

  describe('a footnote marker\'s next number right after a word', () => {
    // ah-tk-20242025-558: marker 1 on line 14 (1-based) under `… brandweer?`, marker 2 at the start of line 39,
    // marker 3 on line 41; their texts on lines 21, 43 and 44.
    const service = createLanguageService({ today: TODAY });
    const uri = 'file:///w/ah-tk-20242025-558.txt';
    service.openDocument(uri, 'kamervraag', 1, fixtureText('official/ah-tk-20242025-558.txt'));
    const INVOKED = { triggerKind: 1 };

    it('after `Veiligheidsberaad` (line 13, before marker 1): 1, with its footnote text', () => {
      const list = provideCompletion(service, uri, { line: 12, character: 'Bent u bekend met de oproep van het Veiligheidsberaad'.length }, undefined, INVOKED)!;
      assert.deepStrictEqual(list.items.map((i) => [i.label, i.detail]), [['1', 'V027–2024 Oproep t.a.v. bezuiniging op crisisbeheersing en brandweer (002).pdf']]);
    });

    it('after `crisisbeheersing` (line 40, after marker 2): 3, with its text; a typed digit narrows', () => {
      const at = { line: 39, character: 'crisisbeheersing'.length };
      assert.deepStrictEqual(provideCompletion(service, uri, at, undefined, INVOKED)!.items.map((i) => [i.label, i.detail]), [['3', 'Kamerstukken II 2024/25, 30 821, nr. 240']]);
    });

    it('not while typing a word (only on request or after a digit), not after a space', () => {
      assert.strictEqual(provideCompletion(service, uri, { line: 39, character: 'crisisbeheersing'.length }, undefined, { triggerKind: 2 }), null);
      assert.strictEqual(provideCompletion(service, uri, { line: 39, character: 'crisisbeheersing '.length }, undefined, INVOKED), null);
    });
  });
});
