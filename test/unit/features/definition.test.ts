// Go to Definition on small synthetic question sets, in both layouts: the
// cursor is the `|` of each fixture, the expected ranges are its `^` marks.

import * as assert from 'assert';
import { LocationLink } from 'vscode-languageserver-types';
import { provideDefinition } from '../../../server/src/features/definition';
import { provideReferences } from '../../../server/src/features/references';
import { assertMarks, load } from './harness';

describe('features (fixtures): definition', () => {
  for (const eol of ['\n', '\r\n'] as const) {
    it(`zie antwoord vraag 3 goes to the heading of answer 3, its range the whole answer (${JSON.stringify(eol)} line ends)`, () => {
      const { f, service, uri } = load(`
        Vragen van het lid De Vries (CDA) aan de Minister van Volksgezondheid, Welzijn en Sport over de sluiting van het zwembad in Zuidwolde (ingezonden 19 mei 2022).
        Antwoord van Minister Jansen (Volksgezondheid, Welzijn en Sport) (ontvangen 9 juni 2022).
        Vraag 1
        Bent u bekend met het bericht «Zwembad Zuidwolde sluit de deuren»?
        Antwoord 1
        Ja.
        Vraag 2
        Hoeveel inwoners van Zuidwolde maken wekelijks gebruik van het zwembad?
        Antwoord 2
        Die aantallen houdt de gemeente bij; zie antwoord vr|aag 3.
                                             ^^^^^^^^^^^^^^^^^^^^^ origin
        Vraag 3
        Bent u bereid met de gemeente in gesprek te gaan over het behoud van het zwembad?
        Antwoord 3
        ^^^^^^^^^^ heading
        Ja. Het zwembad is een zaak van de gemeente, maar ik ben bereid met de wethouder in gesprek te gaan.
        Daarbij vraag ik ook naar de bezoekersaantallen.
                                                       ^ end
      `, {}, { eol });
      assertMarks(f, { origin: 'zie antwoord vraag 3', heading: 'Antwoord 3' });
      assert.deepStrictEqual(provideDefinition(service, uri, f.position), [
        LocationLink.create(uri, f.span('heading', 'end'), f.range('heading'), f.range('origin')),
      ]);
    });
  }

  it('het antwoord op vraag 3 goes to the grouped answer Antwoord 2 en 3', () => {
    const { f, service, uri } = load(`
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
      ^^^^^^^^^^^^^^^ heading
      Ja. Scholen kunnen uitwijken naar het zwembad in Hoogeveen; de gemeente vergoedt het vervoer.
      Het schoolzwemmen gaat daar na de zomer verder.
                                                    ^ end
      Vraag 4
      Bent u bereid met de gemeente in gesprek te gaan?
      Antwoord 4
      Zoals in het antwoord op vra|ag 3 is aangegeven, kan het schoolzwemmen doorgaan.
               ^^^^^^^^^^^^^^^^^^^^^^^^ origin
    `);
    assertMarks(f, { origin: 'het antwoord op vraag 3', heading: 'Antwoord 2 en 3' });
    assert.deepStrictEqual(provideDefinition(service, uri, f.position), [
      LocationLink.create(uri, f.span('heading', 'end'), f.range('heading'), f.range('origin')),
    ]);
  });

  it('Zie ook het antwoord bij vraag 1 goes to the answer text where the openkamer layout has no answer heading', () => {
    const { f, service, uri } = load(`
      Kamervraag 2022Z10123

      De sluiting van het zwembad in Zuidwolde.

      Ingediend 19 mei 2022
      Beantwoord 9 juni 2022 (na 21 dagen)
      Indiener Jan de Vries (CDA)
      Beantwoord door Anna Jansen (minister van volksgezondheid, welzijn en sport) (VVD)
       • Vraag 1
        Bent u bekend met het bericht «Zwembad Zuidwolde sluit de deuren»?

        Ja. De gemeente heeft mij op 17 mei 2022 over het besluit geïnformeerd.
        ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ answer

       • Vraag 2
        Deelt u de zorg dat schoolkinderen in Zuidwolde geen zwemles meer krijgen?

        Zie ook het antwoord b|ij vraag 1.
        ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ origin
    `);
    assertMarks(f, { origin: 'Zie ook het antwoord bij vraag 1' });
    assert.deepStrictEqual(provideDefinition(service, uri, f.position), [
      LocationLink.create(uri, f.range('answer'), f.range('answer'), f.range('origin')),
    ]);
  });

  // Both sets have a question 3: the references are external because of what follows the number, not for want of a target.
  for (const [title, source] of [
    ['het antwoord op vraag 3 in de brief van 25 februari 2022', `
      Kamervraag 2022Z10123

      De sluiting van het zwembad in Zuidwolde.

      Ingediend 19 mei 2022
      Beantwoord 9 juni 2022 (na 21 dagen)
      Indiener Jan de Vries (CDA)
      Beantwoord door Anna Jansen (minister van volksgezondheid, welzijn en sport) (VVD)
       • Vraag 1
        Bent u bekend met het bericht «Zwembad Zuidwolde sluit de deuren»?

        Ja.

       • Vraag 2
        Heeft u de gemeente op de landelijke regeling voor zwembaden gewezen?

        Ja. Zoals aangegeven in het ant|woord op vraag 3 in de brief van 25 februari 2022 staat die regeling open voor alle gemeenten.
                                ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ ref

       • Vraag 3
        Bent u bereid met de gemeente in gesprek te gaan?

        Ja.
    `],
    ['antwoord 3 op de bovengenoemde Kamervragen', `
      Kamervraag 2022Z10123

      De sluiting van het zwembad in Zuidwolde.

      Ingediend 19 mei 2022
      Beantwoord 9 juni 2022 (na 21 dagen)
      Indiener Jan de Vries (CDA)
      Beantwoord door Anna Jansen (minister van volksgezondheid, welzijn en sport) (VVD)
       • Vraag 1
        Bent u bekend met het bericht «Zwembad Zuidwolde sluit de deuren»?

        Ja.

       • Vraag 2
        Is de regeling voor zwembaden zoals toegezegd in ant|woord 3 op de bovengenoemde Kamervragen inmiddels uitgevoerd?
                                                         ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ ref

        Nee, de regeling wordt na de zomer uitgevoerd.

       • Vraag 3
        Bent u bereid met de gemeente in gesprek te gaan?

        Ja.
    `],
  ] as const) {
    it(`an external reference, ${title}, has no definition in the document`, () => {
      const { f, service, uri } = load(source);
      assertMarks(f, { ref: title });
      assert.strictEqual(provideDefinition(service, uri, f.position), null);
      // It is read as a reference all the same: the analysis has it, external, over the marked range.
      const a = service.analysis(uri)!;
      const refs = a.references.filter((r) => r.number === 3);
      assert.deepStrictEqual(refs.map((r) => [r.scope, r.target, r.range]), [['external', null, f.range('ref')]]);
    });
  }

  it('brief2 goes to the first mention of the letter of the same date', () => {
    const { f, service, uri } = load(`
      Kamervraag 2022Z10123

      De sluiting van het zwembad in Zuidwolde.

      Ingediend 19 mei 2022
      Beantwoord 9 juni 2022 (na 21 dagen)
      Indiener Jan de Vries (CDA)
      Beantwoord door Anna Jansen (minister van volksgezondheid, welzijn en sport) (VVD)
       • Vraag 1
        Bent u bekend met het bericht «Zwembad Zuidwolde sluit de deuren»?1

        Ja. Ik heb uw Kamer over de zwembaden in de regio geïnformeerd bij brief van 12 mei 2022.
                                                                           ^^^^^^^^^^^^^^^^^^^^^ first

       • Vraag 2
        Welke afspraken heeft u met de gemeente gemaakt?

        Zoals ik in mijn b|rief2 van 12 mei 2022 schreef, ligt het besluit bij de gemeente.
                         ^^^^^^^^^^^^^^^^^^^^^^^ origin
    `);
    assertMarks(f, { first: 'brief van 12 mei 2022', origin: 'brief2 van 12 mei 2022' });
    assert.deepStrictEqual(provideDefinition(service, uri, f.position), [
      LocationLink.create(uri, f.range('first'), f.range('first'), f.range('origin')),
    ]);
  });

  it('a later mention that points back, de in het antwoord op vraag 1 genoemde brief, goes to the undated brief2 of answer 1', () => {
    const { f, service, uri } = load(`
      Kamervraag 2022Z10123

      De sluiting van het zwembad in Zuidwolde.

      Ingediend 19 mei 2022
      Beantwoord 9 juni 2022 (na 21 dagen)
      Indiener Jan de Vries (CDA)
      Beantwoord door Anna Jansen (minister van volksgezondheid, welzijn en sport) (VVD)
       • Vraag 1
        Bent u bekend met het bericht «Zwembad Zuidwolde sluit de deuren»?1

        Ja. De wethouder heeft de gemeenteraad daarover een brief2 gestuurd.
                                                            ^^^^^^ first

       • Vraag 2
        Welke afspraken heeft u met de gemeente gemaakt?

        Zoals de in het antwoord op vraag 1 genoemde br|ief van 12 mei 2022 laat zien, ligt het besluit bij de gemeente.
                                                     ^^^^^^^^^^^^^^^^^^^^^^ origin
    `);
    assertMarks(f, { first: 'brief2', origin: 'brief van 12 mei 2022' });
    assert.deepStrictEqual(provideDefinition(service, uri, f.position), [
      LocationLink.create(uri, f.range('first'), f.range('first'), f.range('origin')),
    ]);
    // The first mention is where the letter is declared: it has no definition of its own.
    assert.strictEqual(provideDefinition(service, uri, f.range('first').start), null);
  });

  it('a footnote marker goes to its footnote text at the page bottom', () => {
    const { f, service, uri } = load(`
      Vragen van het lid De Vries (CDA) aan de Minister van Volksgezondheid, Welzijn en Sport over de sluiting van het zwembad in Zuidwolde (ingezonden 19 mei 2022).
      Antwoord van Minister Jansen (Volksgezondheid, Welzijn en Sport) (ontvangen 9 juni 2022).
      Vraag 1
      Bent u bekend met het rapport «Zwemvaardigheid in Nederland» van het Mulier Instituut?|1
                                                                                            ^^ origin
      Antwoord 1
      Ja.
      1Mulier Instituut, Zwemvaardigheid in Nederland, april 2022.
      ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ note
      Tweede Kamer, vergaderjaar 2021–2022, Aanhangsel 1
      Vraag 2
      Hoeveel kinderen in Zuidwolde hebben geen zwemdiploma?
      Antwoord 2
      Dat is niet bekend.
    `);
    assertMarks(f, { origin: '1', note: '1Mulier Instituut, Zwemvaardigheid in Nederland, april 2022.' });
    assert.deepStrictEqual(provideDefinition(service, uri, f.position), [
      LocationLink.create(uri, f.range('note'), f.range('note'), f.range('origin')),
    ]);
  });

  it('a Word footnote marker [1] after typed notes [1] [2] goes to its own note, not to the typed note 1', () => {
    const { f, service, uri } = load(`
      Vragen van het lid Podt (D66) aan de minister van Onderwijs over zwemles (ingezonden 3 maart 2025).

      Vraag 1
      Kent u de berichten? [1] [2]
                            ^ typed

      Antwoord op vraag 1
      Ja, zie de werkgroep[|1].
                           ^^ word

      [1] NOS, 23 mei 2024, het eerste bericht.
      [2] RTV Oost, 25 mei 2024, het tweede bericht.

      [1] Zie de brief over de werkgroep.
      ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ note
    `);
    assertMarks(f, { typed: '1', word: '1', note: '[1] Zie de brief over de werkgroep.' });
    const a = service.analysis(uri)!;
    assert.deepStrictEqual(a.footnotes.map((m) => m.number), [1, 2, 1]);
    const [link] = provideDefinition(service, uri, f.position)!;
    assert.deepStrictEqual(link.targetRange, f.range('note'));
    // References of the Word marker: itself and its note, not the typed marker 1.
    const refs = provideReferences(service, uri, f.position, { includeDeclaration: true });
    assert.strictEqual(refs.length, 2);
    assert.ok(!refs.some((r) => r.range.start.line === f.range('typed').start.line));
    assert.deepStrictEqual(refs.find((r) => r.range.start.line === f.range('note').start.line)!.range, f.range('note'));
  });

  it('a question heading goes to its answer, and the answer heading back to the question', () => {
    const { f, service, uri } = load(`
      Vragen van het lid De Vries (CDA) aan de Minister van Volksgezondheid, Welzijn en Sport over de sluiting van het zwembad in Zuidwolde (ingezonden 19 mei 2022).
      Antwoord van Minister Jansen (Volksgezondheid, Welzijn en Sport) (ontvangen 9 juni 2022).
      Vraag 1
      Bent u bekend met het bericht «Zwembad Zuidwolde sluit de deuren»?
      Antwoord 1
      Ja.
      Vra|ag 2
      ^^^^^^^^ question
      Hoeveel inwoners van Zuidwolde maken wekelijks gebruik van het zwembad?
                                                                            ^ question.end
      Antwoord 2
      ^^^^^^^^^^ answer
      Volgens de gemeente zijn dat er ongeveer 1.200.
      Het zwembad trekt ook bezoekers uit de omliggende dorpen.
                                                              ^ answer.end
    `);
    assertMarks(f, { question: 'Vraag 2', answer: 'Antwoord 2' });
    const there = provideDefinition(service, uri, f.position);
    assert.deepStrictEqual(there, [LocationLink.create(uri, f.span('answer', 'answer.end'), f.range('answer'), f.range('question'))]);
    const back = provideDefinition(service, uri, there![0].targetSelectionRange.start);
    assert.deepStrictEqual(back, [LocationLink.create(uri, f.span('question', 'question.end'), f.range('question'), f.range('answer'))]);
  });

  it('across files: a zaak number cited in one set goes to the header of the set it names', () => {
    const { f, service, uri } = load(`
      //- file:///zwembad/kv-2022Z10123.kamervraag
      Kamervraag 2022Z10123
                 ^^^^^^^^^^ header

      De sluiting van het zwembad in Zuidwolde.

      Ingediend 19 mei 2022
      Beantwoord 9 juni 2022 (na 21 dagen)
      Indiener Jan de Vries (CDA)
      Beantwoord door Anna Jansen (minister van volksgezondheid, welzijn en sport) (VVD)
       • Vraag 1
        Bent u bekend met het bericht «Zwembad Zuidwolde sluit de deuren»?

        Ja.
      //- file:///zwembad/kv-2022Z11870.kamervraag
      Kamervraag 2022Z11870

      Het schoolzwemmen in Zuidwolde na de sluiting van het zwembad.

      Ingediend 16 juni 2022
      Indiener Petra Bakker (SP)
       • Vraag 1
        Wat is er terechtgekomen van uw toezegging in antwoord op de vragen met kenmerk 2022Z1|0123?
                                                                                        ^^^^^^^^^^^ origin
    `);
    const cited = 'file:///zwembad/kv-2022Z10123.kamervraag';
    assert.strictEqual(uri, 'file:///zwembad/kv-2022Z11870.kamervraag');
    assertMarks(f, { header: '2022Z10123' }, cited);
    assertMarks(f, { origin: '2022Z10123' }, uri);
    // Without the index, the citation leads nowhere; once both documents are indexed, to the cited set.
    assert.strictEqual(provideDefinition(service, uri, f.position), null);
    for (const d of f.documents) service.indexDocument(d.uri);
    assert.deepStrictEqual(provideDefinition(service, uri, f.position), [
      LocationLink.create(cited, f.range('header', cited), f.range('header', cited), f.range('origin', uri)),
    ]);
  });
});
