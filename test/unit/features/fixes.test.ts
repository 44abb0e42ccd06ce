// Diagnostics and quick fixes on small synthetic question sets: the range of
// each problem and of each edit is a `^` mark of the fixture.

import * as assert from 'assert';
import { CodeActionKind, DiagnosticSeverity } from 'vscode-languageserver-types';
import { provideCodeActions } from '../../../server/src/features/codeActions';
import { provideDiagnostics } from '../../../server/src/features/diagnostics';
import { readSettings } from '../../../server/src/settings';
import { assertMarks, load } from './harness';

// Submitted 19 May 2022; a delay notice on 7 June moves the term to 30 June 2022
// (42 days), the day of the answer: on time, and the header's day count is right.
const YEAR_TYPO = `
  Kamervraag 2022Z10123

  De sluiting van het zwembad in Zuidwolde.

  Ingediend 19 mei 2022
  Beantwoord 30 juni 2022 (na 42 dagen)
  Indiener Jan de Vries (CDA)
  Beantwoord door Anna Jansen (minister van volksgezondheid, welzijn en sport) (VVD)
   • Vraag 1
     ^^^^^^^ question
    Bent u bekend met het bericht «Zwembad Zuidwolde sluit de deuren»?

    Ja. De gemeente heeft het besluit bij brief van 29 juni 200|22 aan de gemeenteraad toegelicht.
                                                            ^^^^^^ year

   • Mededeling - 7 juni 2022

    Hierbij bericht ik u dat de vragen van het lid De Vries (CDA) over de sluiting van het zwembad in Zuidwolde niet binnen de gebruikelijke termijn van drie weken kunnen worden beantwoord, omdat afstemming met de gemeente nodig is.
`;

// Three questions; answer 2 cites a question 9 the set lacks. Question 3 cites
// a question 9 too, but a question that does so cites an earlier set: no problem there.
const UNKNOWN_REFERENCE = `
  Vragen van het lid De Vries (CDA) aan de Minister van Volksgezondheid, Welzijn en Sport over de sluiting van het zwembad in Zuidwolde (ingezonden 19 mei 2022).
  Antwoord van Minister Jansen (Volksgezondheid, Welzijn en Sport) (ontvangen 9 juni 2022).
  Vraag 1
  Bent u bekend met het bericht «Zwembad Zuidwolde sluit de deuren»?
  Antwoord 1
  Ja.
  Vraag 2
  Hoeveel inwoners van Zuidwolde maken wekelijks gebruik van het zwembad?
  Antwoord 2
  Die aantallen houdt de gemeente bij; zie antwoord vraag 9.
                                       ^^^^^^^^^^^^^^^^^^^^ ref
  Vraag 3
  Hoe staat het met de regeling die u noemde in uw antwoord op vraag 9 van vorig jaar?
  Antwoord 3
  De regeling loopt nog tot het einde van dit jaar.
`;

describe('features (fixtures): code actions and diagnostics', () => {
  describe('the year typo 29 juni 20022', () => {
    it('is the one diagnostic of the set, an error over the year as written', () => {
      const { f, service, uri } = load(YEAR_TYPO);
      assertMarks(f, { year: '20022', question: 'Vraag 1' });
      assert.deepStrictEqual(provideDiagnostics(service, uri), [{
        range: f.range('year'),
        message: 'Het jaartal 20022 kan niet kloppen; waarschijnlijk is 2022 bedoeld.',
        severity: DiagnosticSeverity.Error,
        code: 'year-typo',
        source: 'kamervraag',
      }]);
    });

    it('offers the fix to 2022 at the cursor, replacing exactly the year', () => {
      const { f, service, uri } = load(YEAR_TYPO);
      const actions = provideCodeActions(service, uri, { start: f.position, end: f.position }, undefined);
      assert.deepStrictEqual(actions, [{
        title: 'Vervang door 2022',
        kind: CodeActionKind.QuickFix,
        edit: { changes: { [uri]: [{ range: f.range('year'), newText: '2022' }] } },
        diagnostics: [{
          range: f.range('year'),
          message: 'Het jaartal 20022 kan niet kloppen; waarschijnlijk is 2022 bedoeld.',
          severity: DiagnosticSeverity.Error,
          code: 'year-typo',
          source: 'kamervraag',
        }],
        isPreferred: true,
      }]);
    });

    it('offers it in English too, and not elsewhere, not for other kinds, not when the diagnostic is off', () => {
      const en = load(YEAR_TYPO, { locale: 'en' });
      const [action] = provideCodeActions(en.service, en.uri, { start: en.f.position, end: en.f.position }, undefined);
      assert.strictEqual(action.title, 'Replace with 2022');
      assert.strictEqual(action.diagnostics![0].message, 'The year 20022 cannot be right; 2022 is probably meant.');
      const { f, service, uri } = load(YEAR_TYPO);
      assert.deepStrictEqual(provideCodeActions(service, uri, f.range('question'), undefined), []);
      assert.deepStrictEqual(provideCodeActions(service, uri, f.range('year'), { only: [CodeActionKind.Refactor] }), []);
      assert.strictEqual(provideCodeActions(service, uri, f.range('year'), { only: [CodeActionKind.QuickFix] }).length, 1);
      service.setSettings(uri, readSettings({ diagnostics: { yearTypo: false } }));
      assert.deepStrictEqual(provideCodeActions(service, uri, f.range('year'), undefined), []);
    });
  });

  describe('unknown-reference', () => {
    it('zie antwoord vraag 9 in a set of three questions is the one diagnostic, over the reference', () => {
      const { f, service, uri } = load(UNKNOWN_REFERENCE);
      assertMarks(f, { ref: 'zie antwoord vraag 9' });
      assert.deepStrictEqual(provideDiagnostics(service, uri), [{
        range: f.range('ref'),
        message: 'Deze verwijzing noemt vraag 9, maar dit document heeft geen vraag 9 (wel: 1–3).',
        severity: DiagnosticSeverity.Warning,
        code: 'unknown-reference',
        source: 'kamervraag',
      }]);
    });

    it('in English, and none when kamervraag.diagnostics.unknownReference is off', () => {
      const en = load(UNKNOWN_REFERENCE, { locale: 'en' });
      assert.deepStrictEqual(provideDiagnostics(en.service, en.uri)!.map((d) => d.message), [
        'This reference names question 9, but this document has no question 9 (it has: 1–3).',
      ]);
      const { service, uri } = load(UNKNOWN_REFERENCE);
      service.setSettings(uri, readSettings({ diagnostics: { unknownReference: false } }));
      assert.deepStrictEqual(provideDiagnostics(service, uri), []);
    });
  });
});
