// rename = renumber: on the seed and on an official text with grouped
// headings, and on a synthetic set with a range. Expected edits written by
// hand from the texts (line and column counted with grep and awk).

import * as assert from 'assert';
import { providePrepareRename, provideRename } from '../../../server/src/features/rename';
import { createLanguageService } from '../../../server/src/service/languageService';
import { fixtureText } from '../util';
import { load, TODAY } from './harness';

const range = (line: number, from: number, to: number) => ({ start: { line, character: from }, end: { line, character: to } });

function open(rel: string, locale: 'nl' | 'en' = 'nl') {
  const service = createLanguageService({ today: TODAY, locale });
  const uri = `file:///w/${rel.replace(/\//g, '-')}`;
  service.openDocument(uri, 'kamervraag', 1, fixtureText(rel));
  return { service, uri };
}

describe('features: rename = renumber', () => {
  describe('the seed (kv-2022Z09875)', () => {
    const { service, uri } = open('openkamer/kv-2022Z09875.txt');

    it('prepares on the heading ` • Vraag 3`: the number, with the number as placeholder', () => {
      assert.deepStrictEqual(providePrepareRename(service, uri, { line: 21, character: 9 }), { range: range(21, 9, 10), placeholder: '3' });
      // On the word `Vraag` of the heading: the heading's one number.
      assert.deepStrictEqual(providePrepareRename(service, uri, { line: 21, character: 4 }), { range: range(21, 9, 10), placeholder: '3' });
    });

    it('3 → 30 changes the heading and `in antwoord 3 beschreven`, and leaves both external references to a question 3', () => {
      const edit = provideRename(service, uri, { line: 21, character: 9 }, '30');
      assert.deepStrictEqual(edit, { changes: { [uri]: [
        { range: range(21, 9, 10), newText: '30' },
        { range: range(30, 33, 34), newText: '30' },
      ] } });
    });

    it('the same from the reference `in antwoord 3 beschreven`', () => {
      assert.deepStrictEqual(provideRename(service, uri, { line: 30, character: 33 }, '30'), provideRename(service, uri, { line: 21, character: 9 }, '30'));
    });

    it('refuses on an external reference, saying it points to another set', () => {
      // Line 74: `antwoord 3 op de bovengenoemde Kamervragen`; line 71: `het antwoord op vraag 3 in de brief8 …`.
      for (const position of [{ line: 73, character: 0 }, { line: 70, character: 0 }]) {
        const text = fixtureText('openkamer/kv-2022Z09875.txt').split('\n')[position.line];
        const col = position.line === 73 ? text.indexOf('antwoord 3 op de bovengenoemde') + 9 : text.indexOf('vraag 3 in de brief8') + 6;
        const r = providePrepareRename(service, uri, { line: position.line, character: col });
        assert.ok(r && 'error' in r && r.error.includes('verwijst naar een andere set vragen'), JSON.stringify(r));
        const e = provideRename(service, uri, { line: position.line, character: col }, '30');
        assert.ok(e && 'error' in e, JSON.stringify(e));
      }
    });

    it('refuses on a date and on plain text', () => {
      // Line 5: `Ingediend 19 mei 2022`; line 3: the title.
      for (const position of [{ line: 4, character: 12 }, { line: 2, character: 5 }]) {
        const r = providePrepareRename(service, uri, position);
        assert.ok(r && 'error' in r && r.error.startsWith('Hier staat geen vraagnummer van deze set'), JSON.stringify(r));
      }
    });

    it('refuses a number another question has, and one that is no number', () => {
      const taken = provideRename(service, uri, { line: 21, character: 9 }, '4');
      assert.deepStrictEqual(taken, { error: 'Er is al een vraag 4. Hernummer eerst die vraag, of nummer de hele set opnieuw.' });
      const word = provideRename(service, uri, { line: 21, character: 9 }, 'drie');
      assert.ok(word && 'error' in word && word.error.includes('geheel getal'), JSON.stringify(word));
      assert.ok((provideRename(service, uri, { line: 21, character: 9 }, '0') as { error?: string }).error);
    });

    it('in English', () => {
      const en = open('openkamer/kv-2022Z09875.txt', 'en');
      const r = providePrepareRename(en.service, en.uri, { line: 4, character: 12 });
      assert.ok(r && 'error' in r && r.error.startsWith('No question number of this set here'), JSON.stringify(r));
    });
  });

  describe('an official text with grouped headings (584)', () => {
    const { service, uri } = open('official/ah-tk-20242025-584.txt');

    it('3 → 30 changes `Vraag 2 en 3`, `Antwoord 2 en 3` and `in antwoord 3`, and nothing of 2', () => {
      // Line 16 `Vraag 2 en 3`, line 18 `Antwoord 2 en 3`.
      assert.deepStrictEqual(provideRename(service, uri, { line: 15, character: 11 }, '30'), { changes: { [uri]: [
        { range: range(15, 11, 12), newText: '30' },
        { range: range(17, 14, 15), newText: '30' },
        // Line 33: `…zoalsbeschreven in antwoord 3 door Studielink…`.
        { range: range(32, 817, 818), newText: '30' },
      ] } });
    });
  });

  describe('a range `Vraag 2 t/m 4`', () => {
    const source = `
      Vragen van het lid Podt (D66) aan de minister van Onderwijs over zwemles (ingezonden 3 maart 2025).
      Antwoord van minister Bruins (Onderwijs) (ontvangen 24 maart 2025).
      Vraag 1
      Is het bericht juist?
      Antwoord 1
      Ja. Zie ook het antwoord op vraag 4.
                                        ^ ref4
      Zie voor de kosten het antwoord op vraag 3.
                                               ^ ref3
      Vraag 2 t/m 4
            ^ two
                  ^ four
      Wat zijn de kosten, wie betaalt ze en wanneer?
      Antwoord 2 t/m 4
               ^ atwo
                     ^ afour
      De gemeente betaalt.
    `;

    it('an end of the range renames with the range kept a range', () => {
      const { f, service, uri } = load(source);
      const edit = provideRename(service, uri, f.range('four').start, '5');
      assert.deepStrictEqual(edit, { changes: { [uri]: [
        { range: f.range('ref4'), newText: '5' },
        { range: f.range('four'), newText: '5' },
        { range: f.range('afour'), newText: '5' },
      ].sort((x, y) => x.range.start.line - y.range.start.line) } });
    });

    it('refuses a number inside the range, and an end that would turn the range around', () => {
      const { f, service, uri } = load(source);
      const turned = provideRename(service, uri, f.range('two').start, '7');
      assert.deepStrictEqual(turned, { error: 'Vraag 2 is een grens van een reeks tot 4; 7 zou de reeks omkeren.' });
      const inside = provideRename(service, uri, f.range('ref3').start, '9');
      assert.deepStrictEqual(inside, { error: 'Vraag 3 valt binnen de reeks „Vraag 2 t/m 4”; nummer de hele set opnieuw.' });
    });
  });
});
