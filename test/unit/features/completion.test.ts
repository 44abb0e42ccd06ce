// Completion of question numbers and letter dates, on synthetic sets; every
// expected label, detail and order written by hand.

import * as assert from 'assert';
import type { CompletionItem } from 'vscode-languageserver-types';
import { provideCompletion } from '../../../server/src/features/completion';
import { load } from './harness';

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
});
