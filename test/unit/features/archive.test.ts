// The editor features on an archive item (OCR text, numbered inline), written
// for the test; expected values by hand.

import * as assert from 'assert';
import { provideCodeLenses } from '../../../server/src/features/codeLens';
import { provideDefinition } from '../../../server/src/features/definition';
import { load } from './harness';

const SOURCE = `
  Tweede Kamer der Staten-Generaal
  2
  Zitting 1981-1982
  Aanhangsel van de Handelingen
  Vragen gesteld door leden van de Kamer, met de daarop door de Regering gegeven antwoorden
  412
  Vragen van het lid Jansen (P.v.d.A.) over het station. (Ingezonden 3 maart 1982) 1 Is het station dicht? 2 Waarom? 3 Wat doet u?
  Antwoord Antwoord van Minister Smit (Verkeer en Waterstaat). (Ontvangen 2 april 1982)
  1 Ja. 2 Te weinig reizigers. 3 Zie het antwoord op vraag |2.
        ^ a2
`;

describe('features (fixtures): the archive layout', () => {
  it('code lenses of answers that share a line name their answer', () => {
    const { service, uri } = load(SOURCE);
    const lenses = provideCodeLenses(service, uri);
    assert.deepStrictEqual(lenses.map((l) => [l.range.start.line, l.range.start.character, l.command?.title]), [
      [8, 0, 'Antwoord 1: 0 verwijzingen'],
      [8, 6, 'Antwoord 2: 1 verwijzing'],
      [8, 29, 'Antwoord 3: 0 verwijzingen'],
    ]);
  });

  it('`vraag 2` in answer 3 leads to answer 2, whose heading is the inline number', () => {
    const { f, service, uri } = load(SOURCE);
    const links = provideDefinition(service, uri, f.cursor!.position) as { targetSelectionRange: unknown }[];
    assert.ok(Array.isArray(links) && links.length >= 1, 'a definition');
    assert.deepStrictEqual(links[0].targetSelectionRange, f.range('a2'));
  });
});
