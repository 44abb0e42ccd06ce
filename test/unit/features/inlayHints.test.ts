// Inlay hints on a synthetic set; every label, position and target written by hand.

import * as assert from 'assert';
import type { InlayHint, InlayHintLabelPart } from 'vscode-languageserver-types';
import { provideInlayHints } from '../../../server/src/features/inlayHints';
import { readSettings } from '../../../server/src/settings';
import { createLanguageService } from '../../../server/src/service/languageService';
import { fixtureText } from '../util';
import { load, TODAY } from './harness';

const SOURCE = `
  Vragen van het lid Podt (D66) aan de minister van Onderwijs over het zwembad (ingezonden 19 mei 2022).
                                                                                           ^^^^^^^^^^^ submitted
  Antwoord van minister Bruins (Onderwijs) (ontvangen 9 juni 2022).
  Vraag 1
  ^^^^^^^ q1
  Is het waar dat het zwembad in Zuidwolde per 1 juli sluit, zoals ik op 12 mei las?
  Antwoord 1
  Ja. Dat heb ik gemeld.
  Vraag 2
  Wat betekent dat voor de scholen?
  Antwoord 2
  Zie het antwoord op vraag 1.
          ^^^^^^^^^^^^^^^^^^^ ref
`;

const WHOLE = { start: { line: 0, character: 0 }, end: { line: 100, character: 0 } };
const text = (h: InlayHint) => (typeof h.label === 'string' ? h.label : h.label.map((p: InlayHintLabelPart) => p.value).join(''));

describe('features (fixtures): inlay hints', () => {
  it('by default: both terms after the submission, the full date after `1 juli` and `12 mei`', () => {
    const { f, service, uri } = load(SOURCE);
    const hints = provideInlayHints(service, uri, WHOLE);
    const line = (name: string) => f.range(name).start.line;
    // Submitted Thursday 19 May 2022: 21 days → 9 June, 42 days → 30 June.
    assert.deepStrictEqual(hints.map((h) => [h.position.line, text(h)]), [
      [line('submitted'), '3 weken: 9 jun 2022 · 6 weken: 30 jun 2022'],
      [line('q1') + 1, '1 juli 2022'],
      [line('q1') + 1, '12 mei 2022'],
    ]);
    assert.deepStrictEqual(hints[0].position, f.range('submitted').end);
  });

  it('on the seed: `brief2` gets the date of its letter, and leads to its first dated mention', () => {
    const service = createLanguageService({ today: TODAY });
    const uri = 'file:///w/kv-2022Z09875.kamervraag';
    service.openDocument(uri, 'kamervraag', 1, fixtureText('openkamer/kv-2022Z09875.txt'));
    // Line 15: `… uw kamer een brief2 gestuurd …`, `brief2` at 14:143–149; the letter's first dated mention at 19:253–274.
    const hints = provideInlayHints(service, uri, { start: { line: 14, character: 0 }, end: { line: 15, character: 0 } });
    const letter = hints.find((h) => h.position.line === 14 && h.position.character === 149)!;
    assert.strictEqual(text(letter), '18 mei 2022');
    assert.deepStrictEqual((letter.label as InlayHintLabelPart[])[0].location, { uri, range: { start: { line: 19, character: 253 }, end: { line: 19, character: 274 } } });
  });

  it('each kind a setting; the references on request, to the question', () => {
    const { f, service, uri } = load(SOURCE);
    service.setSettings(uri, readSettings({ inlayHints: { letterDates: false, inferredYears: false, terms: false, references: true } }));
    const hints = provideInlayHints(service, uri, WHOLE);
    assert.deepStrictEqual(hints.map((h) => [h.position, text(h)]), [[f.range('ref').end, 'Is het waar dat het zwembad…']]);
    assert.deepStrictEqual((hints[0].label as InlayHintLabelPart[])[0].location, { uri, range: f.range('q1') });
  });

  it('only in the range asked for', () => {
    const { f, service, uri } = load(SOURCE);
    const hints = provideInlayHints(service, uri, { start: { line: f.range('q1').start.line + 1, character: 0 }, end: { line: f.range('q1').start.line + 2, character: 0 } });
    assert.deepStrictEqual(hints.map(text), ['1 juli 2022', '12 mei 2022']);
  });
});
