// Find References and document highlights on small synthetic question sets:
// the cursor is the `|` of each fixture, every expected place a `^` mark.

import * as assert from 'assert';
import { DocumentHighlight, DocumentHighlightKind, Location } from 'vscode-languageserver-types';
import { provideDocumentHighlights, provideReferences } from '../../../server/src/features/references';
import { load, textIn } from './harness';

describe('features (fixtures): references and highlights', () => {
  describe('on the heading Vraag 1', () => {
    const source = `
      Vragen van het lid De Vries (CDA) aan de Minister van Volksgezondheid, Welzijn en Sport over de sluiting van het zwembad in Zuidwolde (ingezonden 19 mei 2022).
      Antwoord van Minister Jansen (Volksgezondheid, Welzijn en Sport) (ontvangen 9 juni 2022).
      Vra|ag 1
      ^^^^^^^^ decl
      Bent u bekend met het bericht «Zwembad Zuidwolde sluit de deuren»?
      Antwoord 1
      ^^^^^^^^^^ decl
      Ja.
      Vraag 2
      Klopt het dat de gemeente de subsidie voor het zwembad per 1 januari 2023 stopzet?
      Antwoord 2
      Ja, zie het antwoord op vraag 1.
          ^^^^^^^^^^^^^^^^^^^^^^^^^^^ ref
      Vraag 3
      Heeft u de gemeente gewezen op het antwoord op vraag 1 van de eerdere schriftelijke vragen over zwembaden?
                                     ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ external
      Antwoord 3
      Nee. Zoals bij vraag 1 aangegeven, is het zwembad een zaak van de gemeente.
                     ^^^^^^^ ref
      Het antwoord op vraag 1 in de brief van 25 februari 2022 blijft daarbij van kracht.
      ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ external
    `;

    it('the fixture holds two internal and two external references to 1', () => {
      const { f, service, uri } = load(source);
      assert.deepStrictEqual(f.all('decl').map((r) => textIn(f, r)), ['Vraag 1', 'Antwoord 1']);
      assert.deepStrictEqual(f.all('ref').map((r) => textIn(f, r)), ['zie het antwoord op vraag 1', 'vraag 1']);
      const a = service.analysis(uri)!;
      const toOne = a.references.filter((r) => r.number === 1);
      assert.deepStrictEqual(toOne.map((r) => [r.scope, r.range]), [
        ['internal', f.all('ref')[0]],
        ['external', f.all('external')[0]],
        ['internal', f.all('ref')[1]],
        ['external', f.all('external')[1]],
      ]);
    });

    it('references: both headings of question 1 and every internal reference to it, no external one', () => {
      const { f, service, uri } = load(source);
      const [question, answer] = f.all('decl');
      const [first, second] = f.all('ref');
      assert.deepStrictEqual(provideReferences(service, uri, f.position, { includeDeclaration: true }), [question, answer, first, second].map((r) => Location.create(uri, r)));
      assert.deepStrictEqual(provideReferences(service, uri, f.position, { includeDeclaration: false }), [first, second].map((r) => Location.create(uri, r)));
    });

    it('highlights: the headings as written, the references as read', () => {
      const { f, service, uri } = load(source);
      const [question, answer] = f.all('decl');
      const [first, second] = f.all('ref');
      assert.deepStrictEqual(provideDocumentHighlights(service, uri, f.position), [
        DocumentHighlight.create(question, DocumentHighlightKind.Write),
        DocumentHighlight.create(answer, DocumentHighlightKind.Write),
        DocumentHighlight.create(first, DocumentHighlightKind.Read),
        DocumentHighlight.create(second, DocumentHighlightKind.Read),
      ]);
    });
  });

  describe('on a date', () => {
    // 19 mei jl. takes its year from the answer (9 June 2022): the last 19 May before it. 19-5-2022 is the numeric form.
    const source = `
      Kamervraag 2022Z10123

      De sluiting van het zwembad in Zuidwolde.

      Ingediend 19 mei 2022
                ^^^^^^^^^^^ date
      Beantwoord 9 juni 2022 (na 21 dagen)
      Indiener Jan de Vries (CDA)
      Beantwoord door Anna Jansen (minister van volksgezondheid, welzijn en sport) (VVD)
       • Vraag 1
        Klopt het dat de gemeenteraad van Zuidwolde op 19 m|ei 2022 heeft besloten het zwembad te sluiten?
                                                       ^^^^^^^^^^^^ date

        Ja. De gemeenteraad heeft op 19 mei jl. met de sluiting ingestemd; het raadsbesluit is gedateerd 19-5-2022.
                                     ^^^^^^^^^^ date
                                                                                                         ^^^^^^^^^ date

       • Vraag 2
        Wanneer is het raadsvoorstel aan de gemeenteraad voorgelegd?

        Het college heeft het voorstel op 12 mei 2022 aan de raad gestuurd.
    `;

    it('references: every mention of 19 May 2022, however written, and no other date', () => {
      const { f, service, uri } = load(source);
      const dates = f.all('date');
      assert.deepStrictEqual(dates.map((r) => textIn(f, r)), ['19 mei 2022', '19 mei 2022', '19 mei jl.', '19-5-2022']);
      const expected = dates.map((r) => Location.create(uri, r));
      assert.deepStrictEqual(provideReferences(service, uri, f.position, { includeDeclaration: true }), expected);
      // A date has no declaration: without it the list is the same.
      assert.deepStrictEqual(provideReferences(service, uri, f.position, { includeDeclaration: false }), expected);
    });

    it('highlights: the same four mentions, all read', () => {
      const { f, service, uri } = load(source);
      assert.deepStrictEqual(provideDocumentHighlights(service, uri, f.position), f.all('date').map((r) => DocumentHighlight.create(r, DocumentHighlightKind.Read)));
    });
  });
});
