// Hovers on small synthetic question sets, in Dutch and in English. Every
// date, weekday and day count below was worked out by hand (and checked with
// `date -d`): the sets were submitted on Thursday 19 May 2022, so the 3-week
// term ends on Thursday 9 June 2022 and the 6-week term on Thursday 30 June
// 2022; with terms of 14 and 30 days they end on 2 June and 18 June 2022.

import * as assert from 'assert';
import { provideHover } from '../../../server/src/features/hover';
import { readSettings } from '../../../server/src/settings';
import { assertMarks, hoverValue, load } from './harness';

const DATES = `
  Kamervraag 2022Z10123

  De sluiting van het zwembad in Zuidwolde.

  Ingediend 19 mei 2022
            ^^^^^^^^^^^ submitted
  Beantwoord 9 juni 2022 (na 21 dagen)
  Indiener Jan de Vries (CDA)
  Beantwoord door Anna Jansen (minister van volksgezondheid, welzijn en sport) (VVD)
   • Vraag 1
    Bent u bekend met het bericht «Zwembad Zuidwolde sluit de deuren»?

    Ja. Het bericht verscheen op 19 mei jl. in de Meppeler Courant. Ik heb op 31 m|ei 2022 met de wethouder gesproken.
                                 ^^^^^^^^^^ jl
                                                                              ^^^^^^^^^^^^ date
`;

const REFERENCES = `
  Vragen van het lid De Vries (CDA) aan de Minister van Volksgezondheid, Welzijn en Sport over de sluiting van het zwembad in Zuidwolde (ingezonden 19 mei 2022).
  Antwoord van Minister Jansen (Volksgezondheid, Welzijn en Sport) (ontvangen 9 juni 2022).
  Vraag 1
  Bent u bekend met het bericht «Zwembad Zuidwolde sluit de deuren»?
  Antwoord 1
  Ja.
  Vraag 2
  Klopt het dat de gemeente de subsidie voor het zwembad per 1 januari 2023 stopzet?
  Vraag 3
  Welke gevolgen heeft de sluiting voor het schoolzwemmen?
  Antwoord 2 en 3
  Scholen kunnen uitwijken naar het zwembad in Hoogeveen; de gemeente vergoedt het vervoer.
  Het schoolzwemmen gaat daar na de zomer verder.
  Vraag 4
  Bent u bereid met de gemeente in gesprek te gaan?
  Antwoord 4
  Zoals in het antwoord op vra|ag 3 is aangegeven, kan het schoolzwemmen doorgaan.
           ^^^^^^^^^^^^^^^^^^^^^^^^ ref
  Ook het antwoord op vraag 4 in de brief van 25 februari 2022 geldt nog.
      ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ external
`;

describe('features (fixtures): hover', () => {
  describe('on a date', () => {
    it('31 mei 2022: the weekday, the days since submission and the place between the terms', () => {
      const { f, service, uri } = load(DATES);
      assertMarks(f, { date: '31 mei 2022', submitted: '19 mei 2022', jl: '19 mei jl.' });
      const h = provideHover(service, uri, f.position);
      assert.strictEqual(hoverValue(h), [
        '**dinsdag 31 mei 2022** (2022-05-31)',
        '12 dagen na indiening (19 mei 2022)',
        'Vóór de termijn van 3 weken (9 juni 2022), vóór die van 6 weken (30 juni 2022)',
      ].join('\n\n'));
      assert.deepStrictEqual(h!.range, f.range('date'));
    });

    it('the submission date in the header: donderdag 19 mei 2022, the day of submission, mentioned again on line 12', () => {
      const { f, service, uri } = load(DATES);
      const h = provideHover(service, uri, f.range('submitted').start);
      assert.strictEqual(hoverValue(h), [
        '**donderdag 19 mei 2022** (2022-05-19)',
        'Datum van indiening.',
        'De dag van indiening.',
        'Vóór de termijn van 3 weken (9 juni 2022), vóór die van 6 weken (30 juni 2022)',
        'Elders genoemd: 1 keer (regel 12)',
      ].join('\n\n'));
      assert.deepStrictEqual(h!.range, f.range('submitted'));
    });

    it('19 mei jl.: the year inferred from the document, the same day as the submission on line 5', () => {
      const { f, service, uri } = load(DATES);
      const h = provideHover(service, uri, f.range('jl').start);
      assert.strictEqual(hoverValue(h), [
        '**donderdag 19 mei 2022** (2022-05-19) (jaar afgeleid uit het document)',
        'De dag van indiening.',
        'Vóór de termijn van 3 weken (9 juni 2022), vóór die van 6 weken (30 juni 2022)',
        'Elders genoemd: 1 keer (regel 5)',
      ].join('\n\n'));
      assert.deepStrictEqual(h!.range, f.range('jl'));
    });

    it('in English', () => {
      const { f, service, uri } = load(DATES, { locale: 'en' });
      assert.strictEqual(hoverValue(provideHover(service, uri, f.position)), [
        '**Tuesday 31 May 2022** (2022-05-31)',
        '12 days after submission (19 May 2022)',
        'Before the 3-week term (9 June 2022), before the 6-week term (30 June 2022)',
      ].join('\n\n'));
      assert.strictEqual(hoverValue(provideHover(service, uri, f.range('jl').start)), [
        '**Thursday 19 May 2022** (2022-05-19) (year inferred from the document)',
        'The day of submission.',
        'Before the 3-week term (9 June 2022), before the 6-week term (30 June 2022)',
        'Mentioned elsewhere: once (line 5)',
      ].join('\n\n'));
    });
  });

  describe('on a reference', () => {
    it('het antwoord op vraag 3: the question it leads to, the first sentence of the grouped answer', () => {
      const { f, service, uri } = load(REFERENCES);
      assertMarks(f, { ref: 'het antwoord op vraag 3', external: 'het antwoord op vraag 4 in de brief van 25 februari 2022' });
      const h = provideHover(service, uri, f.position);
      assert.strictEqual(hoverValue(h), [
        '**Verwijst naar vraag 3**',
        '**Vraag:** Welke gevolgen heeft de sluiting voor het schoolzwemmen?',
        '**Antwoord:** Scholen kunnen uitwijken naar het zwembad in Hoogeveen; de gemeente vergoedt het vervoer.',
        'Beantwoord samen met vraag 2.',
      ].join('\n\n'));
      assert.deepStrictEqual(h!.range, f.range('ref'));
    });

    it('an external reference: which set and letter it cites, and that it is not linked here', () => {
      const { f, service, uri } = load(REFERENCES);
      const h = provideHover(service, uri, f.range('external').start);
      assert.strictEqual(hoverValue(h), [
        '**Verwijst naar antwoord 4 van een andere set vragen**',
        'Genoemd als: in de brief van 25 februari 2022',
        'In de brief van 25 februari 2022.',
        'Niet gekoppeld binnen dit document.',
      ].join('\n\n'));
      assert.deepStrictEqual(h!.range, f.range('external'));
    });

    it('in English', () => {
      const { f, service, uri } = load(REFERENCES, { locale: 'en' });
      assert.strictEqual(hoverValue(provideHover(service, uri, f.position)), [
        '**Refers to question 3**',
        '**Question:** Welke gevolgen heeft de sluiting voor het schoolzwemmen?',
        '**Answer:** Scholen kunnen uitwijken naar het zwembad in Hoogeveen; de gemeente vergoedt het vervoer.',
        'Answered together with question 2.',
      ].join('\n\n'));
      assert.strictEqual(hoverValue(provideHover(service, uri, f.range('external').start)), [
        '**Refers to answer 4 of another set of questions**',
        'Cited as: in de brief van 25 februari 2022',
        'In the letter of 25 February 2022.',
        'Not linked within this document.',
      ].join('\n\n'));
    });
  });

  describe('the terms are part of the cache key', () => {
    // Two documents with the same text and version; only their settings differ.
    const source = `
      //- file:///a.kamervraag
      Kamervraag 2022Z10123

      De sluiting van het zwembad in Zuidwolde.

      Ingediend 19 mei 2022
      Beantwoord 9 juni 2022 (na 21 dagen)
      Indiener Jan de Vries (CDA)
       • Vraag 1
        Heeft u met de gemeente gesproken?

        Ja, op 2 juni 2022.
               ^^^^^^^^^^^ date
      //- file:///b.kamervraag
      Kamervraag 2022Z10123

      De sluiting van het zwembad in Zuidwolde.

      Ingediend 19 mei 2022
      Beantwoord 9 juni 2022 (na 21 dagen)
      Indiener Jan de Vries (CDA)
       • Vraag 1
        Heeft u met de gemeente gesproken?

        Ja, op 2 juni 2022.
               ^^^^^^^^^^^ date
    `;
    const A = 'file:///a.kamervraag';
    const B = 'file:///b.kamervraag';
    const withDefaults = [
      '**donderdag 2 juni 2022** (2022-06-02)',
      '14 dagen na indiening (19 mei 2022)',
      'Vóór de termijn van 3 weken (9 juni 2022), vóór die van 6 weken (30 juni 2022)',
    ].join('\n\n');
    const withShortTerms = [
      '**donderdag 2 juni 2022** (2022-06-02)',
      '14 dagen na indiening (19 mei 2022)',
      'Op de laatste dag van de termijn van 2 weken (2 juni 2022), vóór die van 30 dagen (18 juni 2022)',
    ].join('\n\n');

    it('two documents open with different kamervraag.terms each hover the same date with their own terms', () => {
      const { f, service } = load(source);
      assert.strictEqual(f.text(A), f.text(B));
      service.setSettings(A, readSettings({ terms: { regularDays: 14, extendedDays: 30 } }));
      const hoverA = () => hoverValue(provideHover(service, A, f.range('date', A).start));
      const hoverB = () => hoverValue(provideHover(service, B, f.range('date', B).start));
      assert.strictEqual(hoverA(), withShortTerms);
      assert.strictEqual(hoverB(), withDefaults);
      // Asked again in the other order, each keeps its own.
      assert.strictEqual(hoverB(), withDefaults);
      assert.strictEqual(hoverA(), withShortTerms);
    });

    it('a document whose terms change hovers with the new terms', () => {
      const { f, service } = load(source);
      const hoverA = () => hoverValue(provideHover(service, A, f.range('date', A).start));
      assert.strictEqual(hoverA(), withDefaults);
      service.setSettings(A, readSettings({ terms: { regularDays: 14, extendedDays: 30 } }));
      assert.strictEqual(hoverA(), withShortTerms);
      service.setSettings(A, readSettings({}));
      assert.strictEqual(hoverA(), withDefaults);
    });
  });
});
