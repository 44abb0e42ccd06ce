// The header of a ministry's Word original: the cover letter names the zaak
// (`In antwoord op uw brief van …, nr. 2024Z11889`) and its letterhead the
// date of the answers (`Datum 26 augustus 2024`).

import * as assert from 'assert';
import { analyze } from '../../server/src/model/analysis';

const BODY = ['', 'Vraag 1', 'Kunt u dit bevestigen?', '', 'Antwoord op vraag 1', 'Ja.', ''];

function letter(lines: string[]): string {
  return [...lines, ...BODY].join('\n');
}

describe('cover letter of a Word original', () => {
  it('reads the zaak from "In antwoord op uw brief van …, nr. …" and the answer date from the letterhead', () => {
    const text = letter([
      'Aan de Voorzitter van de Tweede Kamer',
      'Datum\t26 augustus 2024',
      'Onderwerp\tBeantwoording Kamervragen van het lid Teunissen (PvdD)',
      'In antwoord op uw brief van 8 juli 2024, nr. 2024Z11889, deel ik u mede',
    ]);
    const a = analyze(text);
    assert.strictEqual(a.metadata.zaak, '2024Z11889');
    // Line 4 (0-based 3), columns 45–55 (awk: index of "2024Z" is 46, 1-based).
    assert.deepStrictEqual(a.metadata.zaakSpan && a.lines.rangeOf(a.metadata.zaakSpan), { start: { line: 3, character: 45 }, end: { line: 3, character: 55 } });
    assert.strictEqual(a.metadata.answered, '2024-08-26');
  });

  it('also after "In het antwoord", with a space instead of a tab, and CRLF line ends', () => {
    const a = analyze(letter(['Datum 4 december 2023', 'In het antwoord op uw brief van 9 november 2023, nr. 2023Z19006, deel ik u mede']).replace(/\n/g, '\r\n'));
    assert.strictEqual(a.metadata.zaak, '2023Z19006');
    assert.strictEqual(a.metadata.answered, '2023-12-04');
  });

  it('takes no zaak from a letter number that is not one, nor from a longer number', () => {
    assert.strictEqual(analyze(letter(['In het antwoord op uw brief van 5 maart 2024, nr. 5284183, deel ik u mede'])).metadata.zaak, null);
    assert.strictEqual(analyze(letter(['In antwoord op uw brief van 5 maart 2024, nr. 2024Z118890, deel ik u mede'])).metadata.zaak, null);
  });

  it('reads no answer date from a "Datum" line without the cover letter, nor one after it', () => {
    assert.strictEqual(analyze(letter(['Datum 26 augustus 2024', 'Kamervragen over honden'])).metadata.answered, null);
    assert.strictEqual(analyze(letter(['In antwoord op uw brief van 8 juli 2024, nr. 2024Z11889.', 'Datum 26 augustus 2024'])).metadata.answered, null);
  });

  it('reads the submitters, the addressees and the subject from the letter\'s formula "dat de vragen van het lid … aan … over … worden beantwoord"', () => {
    const a = analyze(letter([
      'In antwoord op uw brief van 3 februari 2025, nr. 2025Z01234, deel ik u mede',
      'dat de vragen van de leden Podt (D66) en Bikker (ChristenUnie) aan de minister van Onderwijs, Cultuur en Wetenschap en de staatssecretaris van Financiën over de sluiting van zwembaden in Drenthe worden beantwoord zoals aangegeven in de bijlage van deze brief.',
    ]));
    assert.deepStrictEqual(a.metadata.submitters.map((p) => [p.name, p.party]), [['Podt', 'D66'], ['Bikker', 'ChristenUnie']]);
    assert.deepStrictEqual(a.metadata.addressees.map((p) => p.name), ['minister van Onderwijs, Cultuur en Wetenschap', 'staatssecretaris van Financiën']);
    assert.strictEqual(a.metadata.title, 'De sluiting van zwembaden in Drenthe');
  });

  it('takes the last "vragen van" before "worden beantwoord", past a slip like "Kamervragen van het van het lid", with CRLF', () => {
    const a = analyze(letter([
      'In antwoord op uw brief van 9 november 2023, nr. 2023Z19006, deel ik u mede dat de vragen van Beantwoording van Kamervragen van het van het lid Jansen (SP) aan de minister van Justitie en Veiligheid over het artikel \'Agenten willen meer\' worden beantwoord zoals aangegeven in de bijlage.',
    ]).replace(/\n/g, '\r\n'));
    assert.deepStrictEqual(a.metadata.submitters.map((p) => [p.name, p.party]), [['Jansen', 'SP']]);
    assert.strictEqual(a.metadata.title, "Het artikel 'Agenten willen meer'");
  });

  it('reads no people from a letter without the formula, nor from one that says something else', () => {
    assert.deepStrictEqual(analyze(letter(['In antwoord op uw brief van 8 juli 2024, nr. 2024Z11889, stuur ik u de antwoorden.'])).metadata.submitters, []);
    assert.deepStrictEqual(analyze(letter(['Ik heb de vragen van het lid Jansen (SP) ontvangen en worden beantwoord.'])).metadata.submitters, []);
  });
});
