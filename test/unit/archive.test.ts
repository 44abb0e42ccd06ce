// The archive layout: OCR text of the historical Aanhangsel (1970s–1990s).
// Every document here is written for the test, each pattern in several forms;
// the real items are scored against their gold in accuracy.test.ts.

import * as assert from 'assert';
import { analyze } from '../../server/src/model/analysis';
import type { Analysis } from '../../server/src/model/types';
import * as fs from 'fs';
import * as path from 'path';
import { type Gold, scoreFile } from '../../scripts/score';
import { FIXTURES, squash, textOf } from './util';

const HEADER_1981 = [
  'Tweede Kamer der Staten-Generaal',
  '2',
  'Zitting 1981-1982',
  'Aanhangsel van de Handelingen',
  'Vragen gesteld door leden van de Kamer, met de daarop door de Regering gegeven antwoorden',
  '412',
].join('\n');

const HEADER_1991 = [
  'Tweede Kamer der Staten-Generaal',
  '2',
  'Vergaderjaar 1991-1992',
  'Aanhangsel van de Handelingen',
  'Vragen gesteld door de leden der Kamer, met de daarop door de regering gegeven antwoorden',
  '87',
].join('\n');

function item(header: string, ...lines: string[]): Analysis {
  return analyze(`${header}\n${lines.join('\n')}`);
}

/** Question numbers in document order (each number of a grouped question). */
function asked(a: Analysis): number[] {
  return a.questions.flatMap((q) => q.numbers);
}

/** For each question, the first number of the answer that covers it (0 when none). */
function answeredBy(a: Analysis): number[] {
  return a.questions.flatMap((q) => q.numbers.map(() => q.answeredBy ?? 0));
}

function codes(a: Analysis): string[] {
  return a.diagnostics.map((d) => d.code);
}

function internal(a: Analysis): string[] {
  return a.references.filter((r) => r.scope === 'internal' && r.target !== null).map((r) => `${r.from}→${r.target}`);
}

describe('archive layout', () => {
  describe('questions and answers numbered inline', () => {
    it('reads numbers after a question mark, at line starts and after a full stop, in three items', () => {
      const a = item(
        HEADER_1981,
        'Vragen van het lid Jansen (P.v.d.A.) over de sluiting van het station Oudeschans. (Ingezonden 3 maart 1982) 1 Is het u bekend dat het station wordt gesloten? 2 Zo ja, waarom?',
        '3 Bent u bereid de sluiting uit te stellen?',
        'Antwoord Antwoord van Minister Smit (Verkeer en Waterstaat). (Ontvangen 2 april 1982) 1 Ja. 2 Het aantal reizigers is te klein. 3 Neen.',
        'Tweede Kamer, zitting 1981-1982, Aanhangsel',
        '871',
      );
      assert.strictEqual(a.layout, 'official');
      assert.strictEqual(a.source, 'archive');
      assert.deepStrictEqual(asked(a), [1, 2, 3]);
      assert.deepStrictEqual(answeredBy(a), [1, 2, 3]);
      assert.strictEqual(textOf(a, a.questions[1].question), 'Zo ja, waarom?');
      assert.strictEqual(textOf(a, a.questions[0].answer!.body), 'Ja.');
      assert.strictEqual(textOf(a, a.questions[2].answer!.body), 'Neen.');
      assert.strictEqual(textOf(a, a.questions[2].heading!), '3');
      // The page number under the footer is furniture, not an answer.
      assert.ok(a.sections.some((s) => s.kind === 'furniture' && textOf(a, s) === '871'));

      const b = item(
        HEADER_1981,
        'Vragen van de leden De Vries en Bakker (beiden C.D.A.) over de visstand in het IJsselmeer. (Ingezonden 12 januari 1982)',
        '1 Kent u het rapport over de visstand? 2 Deelt u de conclusie dat de palingvisserij moet worden beperkt?',
        '3 Welke maatregelen overweegt u? 4 Wanneer kunnen die ingaan?',
        'Antwoord',
        'Antwoord van Minister Van der Stee (Landbouw en Visserij). (Ontvangen 8 februari 1982)',
        '1 Ja.',
        '2 Neen. De visstand herstelt zich.',
        '3 en 4 Er worden geen maatregelen overwogen.',
      );
      assert.deepStrictEqual(asked(b), [1, 2, 3, 4]);
      assert.deepStrictEqual(answeredBy(b), [1, 2, 3, 3]);
      assert.deepStrictEqual(b.answers.map((x) => x.numbers), [[1], [2], [3, 4]]);

      const c = item(
        HEADER_1991,
        'Vragen van het lid Peters (GroenLinks) over de zure regen. (Ingezonden 5 november 1991) 1 Hoeveel bos is aangetast? 2 Welke maatregelen neemt u?',
        'Antwoord Antwoord van staatssecretaris Kuijpers (Landbouw, Natuurbeheer en Visserij). (Ontvangen 19 november 1991) 1 Ongeveer een derde. 2 Zie de nota. Zie voorts het antwoord op vraag 1.',
      );
      assert.deepStrictEqual(asked(c), [1, 2]);
      assert.deepStrictEqual(answeredBy(c), [1, 2]);
      assert.deepStrictEqual(internal(c), ['2→1']);
    });

    it('reads numbers glued to the first word, and a capital I split from its word at the line end', () => {
      const a = item(
        HEADER_1991,
        'Vragen van het lid Smit (CDA) over de keuring van liften. (Ingezonden 2 maart 1992)',
        '1Kent u het bericht over de keuring van liften?',
        '2Heeft de keuringsdienst voldoende mensen?',
        '3I',
        's het waar dat de keuring wordt uitbesteed?',
        'Antwoord',
        'Antwoord van minister Alders (Volkshuisvesting, Ruimtelijke Ordening en Milieubeheer). (Ontvangen 20 maart 1992)',
        '1Ja.',
        '2Neen, maar er wordt geworven.',
        '3Ja. Dat is al sinds 1990 zo.',
      );
      assert.deepStrictEqual(asked(a), [1, 2, 3]);
      assert.deepStrictEqual(answeredBy(a), [1, 2, 3]);
      assert.strictEqual(textOf(a, a.questions[0].heading!), '1');
      assert.strictEqual(squash(textOf(a, a.questions[2].question)), 'I s het waar dat de keuring wordt uitbesteed?');
      assert.strictEqual(textOf(a, a.questions[1].answer!.body), 'Neen, maar er wordt geworven.');
      // A number that heads a question is never a footnote marker.
      assert.deepStrictEqual(a.footnotes, []);
    });

    it('reads grouped answers written with en, commas with a glued en, and t/m', () => {
      const question = (n: number) => `${n} Vraag over punt ${n}?`;
      const base = (answers: string) => item(
        HEADER_1991,
        `Vragen van het lid Kok (PvdA) over de huren. (Ingezonden 1 oktober 1991) ${[1, 2, 3, 4, 5, 6].map(question).join(' ')}`,
        `Antwoord Antwoord van staatssecretaris Heerma (Volkshuisvesting). (Ontvangen 20 oktober 1991) ${answers}`,
      );
      const en = base('1 Ja. 2 en 3 Gezien het antwoord op vraag 1 is dat niet nodig. 4 Neen. 5 Ja. 6 Neen.');
      assert.deepStrictEqual(en.answers.map((x) => x.numbers), [[1], [2, 3], [4], [5], [6]]);
      assert.deepStrictEqual(internal(en), ['2→1']);
      const commas = base('1 Ja.\n2, 3, 4en 5 Met referte aan de nota is het te vroeg om de vragen 2, 3, 4 en 5 te beantwoorden.\n6 Neen.');
      assert.deepStrictEqual(commas.answers.map((x) => x.numbers), [[1], [2, 3, 4, 5], [6]]);
      assert.deepStrictEqual(internal(commas), ['2→2', '2→3', '2→4', '2→5']);
      const range = base('1 Ja. 2 Neen. 3 t/m 6 Gelet op het voorgaande zijn deze vragen niet van toepassing.');
      assert.deepStrictEqual(range.answers.map((x) => x.numbers), [[1], [2], [3, 4, 5, 6]]);
      assert.deepStrictEqual(answeredBy(range), [1, 2, 3, 3, 3, 3]);
    });

    it('takes no heading from article numbers, amounts, distances, list items, years or the Aanhangsel number', () => {
      const a = item(
        HEADER_1981,
        'Vragen van het lid Wolters (V.V.D.) over de bouw van woningen. (Ingezonden 4 mei 1982) 1 Is het waar dat in 1981 minder is gebouwd?',
        '2 Hoeveel woningen zijn in 1981 gereed gekomen?',
        'Antwoord Antwoord van Minister Beek (Volkshuisvesting). (Ontvangen 1 juni 1982) 1 Ja. Zie artikel D. 13, lid 2 van de wet. Het bedrag was f 668 828. a. De bouw lag stil. b. De vergunningen kwamen laat.',
        '2 In 1981 zijn 162 woningen gereed gekomen, op 100 m van het station. In 1977. 3 Woningen zijn nog in aanbouw.',
      );
      assert.deepStrictEqual(asked(a), [1, 2]);
      assert.deepStrictEqual(a.answers.map((x) => x.numbers), [[1], [2]]);
      assert.strictEqual(a.metadata.aanhangselNumber, 412);
      assert.ok(!a.questions.some((q) => q.numbers.includes(412)));
    });
  });

  describe('lost numbers', () => {
    it('restores a lost question number where one unnumbered question stands in the gap, in three positions', () => {
      // In the middle: the line after a question mark.
      const middle = item(
        HEADER_1991,
        'Vragen van het lid Van Dam (D66) over de bibliotheken. (Ingezonden 3 februari 1992) 1 Hoeveel bibliotheken sluiten dit jaar?',
        'Wilt u de gemeenten daarop aanspreken?',
        '3 Bent u bereid de Kamer te informeren?',
        'Antwoord Antwoord van minister d\'Ancona (Welzijn, Volksgezondheid en Cultuur). (Ontvangen 2 maart 1992) 1 Twaalf. 2 Neen. 3 Ja.',
      );
      assert.deepStrictEqual(asked(middle), [1, 2, 3]);
      assert.strictEqual(middle.questions[1].heading, null);
      assert.strictEqual(textOf(middle, middle.questions[1].question), 'Wilt u de gemeenten daarop aanspreken?');
      assert.deepStrictEqual(answeredBy(middle), [1, 2, 3]);
      assert.deepStrictEqual(middle.diagnostics.filter((d) => d.code === 'ocr-number-restored').map((d) => [d.severity, d.message.nl]), [
        ['hint', 'Het nummer van vraag 2 ontbreekt in de OCR-tekst; uit de volgorde blijkt dat deze alinea vraag 2 is.'],
      ]);

      // At the end: the answers show there is a question 4.
      const end = item(
        HEADER_1991,
        'Vragen van het lid Rosenmöller (GroenLinks) over de uitzetting van asielzoekers. (Ingezonden 7 april 1992) 1 Is het bericht juist?',
        '2 Hoeveel mensen betreft het? 3 Waar verblijven zij nu?',
        'Wanneer wordt hierover besloten?',
        'Antwoord Antwoord van staatssecretaris Kosto (Justitie). (Ontvangen 28 april 1992) 1 Ja. 2 Veertien. 3 In Ter Apel. 4 Binnen een maand.',
      );
      assert.deepStrictEqual(asked(end), [1, 2, 3, 4]);
      assert.strictEqual(textOf(end, end.questions[3].question), 'Wanneer wordt hierover besloten?');

      // At the start: the text right after (Ingezonden …) is question 1.
      const start = item(
        HEADER_1991,
        'Vragen van het lid Lankhorst (PPR) over de Waddenzee. (Ingezonden 9 juni 1992) Is het u bekend dat er weer wordt gevist?',
        '2 Welke vergunningen zijn verleend?',
        'Antwoord Antwoord van minister Bukman (Landbouw). (Ontvangen 1 juli 1992) 1 Ja. 2 Geen.',
      );
      assert.deepStrictEqual(asked(start), [1, 2]);
      assert.strictEqual(textOf(start, start.questions[0].question), 'Is het u bekend dat er weer wordt gevist?');
    });

    it('restores a lost answer number on the paragraph after the previous answer, and one lost in lower case after a split column', () => {
      const a = item(
        HEADER_1981,
        'Vragen van het lid Van Es (P.S.P.) over de kerncentrale. (Ingezonden 1 maart 1982) 1 Is de centrale stilgelegd? 2 Welke problemen zijn er? 3 Wanneer draait zij weer?',
        'Antwoord Antwoord van Minister Terlouw (Economische Zaken). (Ontvangen 25 maart 1982)',
        '1 Ja.',
        'De problemen betreffen de koeling van de reactor.',
        '3 Naar verwachting in mei.',
      );
      assert.deepStrictEqual(answeredBy(a), [1, 2, 3]);
      assert.strictEqual(textOf(a, a.questions[1].answer!.body), 'De problemen betreffen de koeling van de reactor.');

      const b = item(
        HEADER_1991,
        'Vragen van de leden Krol en Dijk (beiden CDA) over speelhallen. (Ingezonden 2 november 1992)',
        '1Is het u bekend dat er speelhallen zonder vergunning zijn?',
        '2Bent u bereid een dergelijke',
        'verplichting in te voeren?',
        'vergunningplicht ook voor de kleine speelhallen te laten gelden?',
        '4Wilt u de gemeenten informeren?',
      );
      assert.deepStrictEqual(asked(b), [1, 2, 3, 4]);
      assert.strictEqual(textOf(b, b.questions[2].question), 'vergunningplicht ook voor de kleine speelhallen te laten gelden?');
    });

    it('leaves a lost number out, with a hint, where the gap holds more paragraphs than numbers', () => {
      const a = item(
        HEADER_1991,
        'Vragen van het lid Beinema (CDA) over het openbaar vervoer. (Ingezonden 4 mei 1992) 1 Is de dienstregeling gewijzigd?',
        'Zijn de reizigers gehoord?',
        'Is de provincie ingelicht?',
        '3 Wanneer gaat de nieuwe regeling in?',
        'Antwoord Antwoord van minister Maij-Weggen (Verkeer en Waterstaat). (Ontvangen 26 mei 1992)',
        '1 Ja.',
        'Ja. Dat is op 2 april gebeurd.',
        'Daarna is ook de provincie ingelicht.',
        '3 Op 1 juni.',
      );
      assert.deepStrictEqual(asked(a), [1, 3]);
      assert.deepStrictEqual(a.answers.map((x) => x.numbers), [[1], [3]]);
      const hints = a.diagnostics.filter((d) => d.code === 'ocr-number-missing');
      assert.deepStrictEqual(hints.map((d) => [d.severity, d.message.en]), [
        ['hint', 'The OCR text lost the number of question 2 and its place is uncertain: question 2 is left out of the outline.'],
        ['hint', 'The OCR text lost the number of answer 2 and its place is uncertain: answer 2 is left out of the outline.'],
      ]);
      // No renumbering is offered for the OCR's gap, and no warning that question 2 is unanswered.
      assert.ok(!codes(a).includes('question-numbering'));
      assert.ok(!codes(a).includes('unanswered-question'));
    });
  });

  describe('text wrapped or run together otherwise', () => {
    it('crosses a lost number after a full stop only when the next number confirms it', () => {
      const confirmed = item(
        HEADER_1981,
        'Vragen van het lid Van Es (P.S.P.) over de centrale. (Ingezonden 1 maart 1982) 1 Is de centrale dicht? 2 Waarom? 3 Wanneer weer open? 4 Wat kost dat?',
        'Antwoord Antwoord van Minister Terlouw (Economische Zaken). (Ontvangen 25 maart 1982) 1 Ja. De koeling deugt niet. 3 In mei. 4 Twee miljoen.',
      );
      assert.deepStrictEqual(confirmed.answers.map((x) => x.numbers), [[1], [3], [4]]);
      assert.deepStrictEqual(confirmed.diagnostics.filter((d) => d.code.startsWith('ocr-')).map((d) => d.message.en), [
        'The OCR text lost the number of answer 2 and its place is uncertain: answer 2 is left out of the outline.',
      ]);
      assert.ok(!codes(confirmed).includes('unanswered-question'));

      const stray = item(
        HEADER_1981,
        'Vragen van het lid Van Es (P.S.P.) over de gemeenten. (Ingezonden 1 maart 1982) 1 Doen de gemeenten mee? 2 Welke niet?',
        'Antwoord Antwoord van Minister Wiegel (Binnenlandse Zaken). (Ontvangen 25 maart 1982) 1 Ja. Dat is zo. 3 Gemeenten doen nog niet mee. 2 Zie het antwoord op vraag 1.',
      );
      assert.deepStrictEqual(stray.answers.map((x) => x.numbers), [[1], [2]]);
      assert.match(textOf(stray, stray.answers[0].body), /3 Gemeenten doen nog niet mee\.$/);
    });

    it('reads a heading after a question mark with a glued marker, a number at the end of a line, and a date broken over a line', () => {
      const a = item(
        HEADER_1991,
        'Vragen van de leden Krol en Dijk (beiden CDA) over speelhallen. (Ingezonden 2 november 1992) 1Is het u bekend dat er problemen zijn?1 2Kan hierdoor geld worden witgewassen? 3',
        'Bent u bereid in te grijpen?',
        '1 Dagblad van Noord Limburg van 1 mei 1991.',
        'Mededeling',
        'Mededeling van Staatssecretaris Kosto (Justitie). (Ontvangen 25 november',
        '1992) Met verwijzing naar uw brief van 2 november 1992 deel ik u mee dat de vragen later worden beantwoord.',
      );
      assert.deepStrictEqual(asked(a), [1, 2, 3]);
      assert.strictEqual(textOf(a, a.questions[2].question), 'Bent u bereid in te grijpen?');
      assert.deepStrictEqual(a.footnotes.map((f) => f.number), [1]);
      assert.deepStrictEqual(a.notices.map((x) => x.date), ['1992-11-25']);
    });
  });

  describe('the parts of an item', () => {
    it('reads the header: item number, session, people, subject and both dates, also as the OCR damages them', () => {
      const a = item(
        HEADER_1981,
        'Vragen van de leden Worrell, Hartmeijer en De Boois (allen P.v.d.A.) over het Kurenpolderproject. (In-gezonden 18 maart 1982) 1 Is het u bekend? 2 Zo ja, wat doet u?',
        'Antwoord Antwoord van Staatssecretaris Meijer (Cultuur, Recreatie en Maatschappelijk Werk), mede namens de Minister van Landbouw. (Ontvan-gen 19 april 1982). (Zie ook Aanhangsel Handelingen 1980-1981, nr. 953)',
        '1 Ja. 2 Niets.',
      );
      const m = a.metadata;
      assert.strictEqual(m.aanhangselNumber, 412);
      assert.strictEqual(m.vergaderjaar, '1981–1982');
      assert.deepStrictEqual(m.submitters.map((p) => [p.name, p.party]), [['Worrell', 'P.v.d.A.'], ['Hartmeijer', 'P.v.d.A.'], ['De Boois', 'P.v.d.A.']]);
      assert.strictEqual(m.title, 'Het Kurenpolderproject');
      assert.strictEqual(m.submitted, '1982-03-18');
      assert.strictEqual(m.answered, '1982-04-19');
      assert.deepStrictEqual(m.answeredBy.map((p) => [p.name, p.role]), [['Meijer', 'Staatssecretaris (Cultuur, Recreatie en Maatschappelijk Werk)']]);
      assert.strictEqual(m.onBehalfOf, 'de Minister van Landbouw');
      // The cross-reference after the heading is not answer text.
      assert.strictEqual(textOf(a, a.questions[0].answer!.body), 'Ja.');
      assert.strictEqual(a.deadlines?.answered, '1982-04-19');

      const b = item(
        HEADER_1991,
        'Vragen van het lid Vos (VVD) over de post. (Ingezonden 16 maart 1992} 1 Gaat het postkantoor dicht?',
        'Antwoord',
        'Antwoord van minister Maij-Weggen (Verkeer en Waterstaat). (Ontvangen 6 april 1992)',
        '1 Neen.',
      );
      assert.strictEqual(b.metadata.submitted, '1992-03-16');
      assert.strictEqual(b.metadata.answered, '1992-04-06');
      assert.deepStrictEqual(answeredBy(b), [1]);
    });

    it('reads a delay notice on one line and on two, with the covering letter and the new date', () => {
      const one = item(
        HEADER_1981,
        'Vragen van het lid Lauxtermann (V.V.D.) over stadsvernieuwing. (Ingezonden 9 maart 1982) 1 Is het waar? 2 Zo ja, waarom?',
        'Mededeling Mededeling van Minister Beelaerts (Volkshuisvesting). (Ontvangen 11 april 1982) Met verwijzing naar uw brief van 10 maart 1982 deel ik u mede dat beantwoording niet binnen de termijn mogelijk is.',
      );
      assert.deepStrictEqual(asked(one), [1, 2]);
      assert.deepStrictEqual(answeredBy(one), [0, 0]);
      assert.deepStrictEqual(one.notices.map((x) => x.date), ['1982-04-11']);
      assert.deepStrictEqual(one.letters.map((l) => l.date), ['1982-03-10']);
      assert.strictEqual(one.deadlines?.noticeGiven, true);
      assert.match(textOf(one, one.notices[0].body!), /^Met verwijzing naar uw brief/);

      const two = item(
        HEADER_1991,
        'Vragen van de leden Krol en Dijk (beiden CDA) over speelautomaten. (Ingezonden 2 november 1992)',
        '1Is het u bekend?',
        '2Kan hierdoor geld worden witgewassen?',
        'Mededeling',
        'Mededeling van Staatssecretaris Kosto (Justitie). (Ontvangen 25 november 1992)',
        'Met verwijzing naar uw brief van 2 november 1992 deel ik u mee dat de vragen niet binnen de gebruikelijke termijn kunnen worden beantwoord. Ik verwacht u uiterlijk 4 december a.s. nader te kunnen berichten.',
      );
      assert.deepStrictEqual(asked(two), [1, 2]);
      assert.deepStrictEqual(two.notices.map((x) => x.date), ['1992-11-25']);
      assert.deepStrictEqual(two.dates.map((d) => d.date), ['1992-11-02', '1992-11-25', '1992-11-02', '1992-12-04']);
      assert.deepStrictEqual(two.metadata.answeredBy.map((p) => p.name), ['Kosto']);
    });

    it('keeps a Toelichting out of the last question, on its own line and after the question mark', () => {
      for (const toelichting of [' Toelichting In «Het Parool» van 3 maart 1982 staat dat', '\nToelichting\nIn «Het Parool» van 3 maart 1982 staat dat']) {
        const a = item(
          HEADER_1981,
          'Vragen van het lid Ter Veld (P.v.d.A.) over de bijstand. (Ingezonden 5 maart 1982) 1 Is het bericht juist? 2 Wat gaat u doen?' + toelichting,
          'de bijstand wordt verlaagd.',
          'Antwoord Antwoord van Minister De Graaf (Sociale Zaken). (Ontvangen 30 maart 1982) 1 Neen. 2 Niets.',
        );
        assert.strictEqual(textOf(a, a.questions[1].question), 'Wat gaat u doen?');
        const section = a.sections.find((s) => s.kind === 'toelichting');
        assert.ok(section, 'a Toelichting section');
        assert.match(squash(textOf(a, section)), /^Toelichting In «Het Parool» van 3 maart 1982 staat dat de bijstand wordt verlaagd\.$/);
        assert.ok(a.dates.some((d) => d.date === '1982-03-03'));
      }
    });

    it('reads the note texts after the questions as notes, never as questions: apostrophe, damaged number, and on the line of the last question', () => {
      const apostrophe = item(
        HEADER_1981,
        'Vragen van het lid Worrell (P.v.d.A.) over de polder. (Ingezonden 18 maart 1982) 1 Is het u bekend dat er problemen zijn?1',
        '2 Wat doet u eraan?',
        "' Artikel in het Dagblad de Stem van 14 februari 1982.",
        'Antwoord Antwoord van Staatssecretaris Meijer (Cultuur). (Ontvangen 19 april 1982) 1 Ja. 2 Wij overleggen.',
      );
      assert.deepStrictEqual(asked(apostrophe), [1, 2]);
      assert.strictEqual(textOf(apostrophe, apostrophe.questions[1].question), 'Wat doet u eraan?');
      assert.deepStrictEqual(apostrophe.footnotes.map((f) => [f.number, f.note ? f.note.text : null]), [[1, "' Artikel in het Dagblad de Stem van 14 februari 1982."]]);

      const damaged = item(
        HEADER_1991,
        'Vragen van het lid Krol (CDA) over speelhallen. (Ingezonden 2 november 1992)',
        '1Is het u bekend dat er problemen zijn met speelautomaten?1',
        '2Wat gaat u doen?',
        '1 0 a Dagblad van Noord Limburg van 1 mei 1991 en De Telegraaf van 8 augustus 1992.',
        'Antwoord Antwoord van staatssecretaris Kosto (Justitie). (Ontvangen 25 november 1992) 1Ja. 2Niets.',
      );
      assert.deepStrictEqual(asked(damaged), [1, 2]);
      assert.deepStrictEqual(damaged.footnotes.map((f) => f.number), [1]);
      assert.deepStrictEqual(damaged.dates.map((d) => d.date), ['1992-11-02', '1991-05-01', '1992-08-08', '1992-11-25']);

      const inline = item(
        HEADER_1981,
        'Vragen van het lid Eversdijk (C.D.A.) over oeverafslag. (Ingezonden 26 juni 1982)',
        '1 Is de minister bereid het ontwerp uit haar antwoord1 op vraag 4 van de door mij eerder ingezonden vragen te zenden?',
        '2 Welke verdeelsleutel geldt? 1 Aanhangsel Handelingen, nr. 946',
        'Antwoord Antwoord van Minister Smit-Kroes (Verkeer en Waterstaat). (Ontvangen 9 augustus 1982) 1 Ja. 2 Nog geen.',
      );
      assert.deepStrictEqual(asked(inline), [1, 2]);
      assert.strictEqual(textOf(inline, inline.questions[1].question), 'Welke verdeelsleutel geldt?');
      assert.deepStrictEqual(inline.footnotes.map((f) => [f.number, f.note?.text]), [[1, '1 Aanhangsel Handelingen, nr. 946']]);
      // `vraag 4 van de … ingezonden vragen` points into the member's earlier set.
      assert.deepStrictEqual(inline.references.map((r) => [r.number, r.scope, r.target]), [[4, 'external', null]]);
    });

    it('reads one question without a number (`Vraag van …`) and its answer', () => {
      const a = item(
        HEADER_1981,
        'Vraag van het lid Poppe (P.v.d.A.) over de bezuinigingen op de bibliotheken. (Ingezonden 2 februari 1982) Is de minister bereid de bezuiniging op de bibliotheken te heroverwegen?',
        'Antwoord Antwoord van minister Van der Louw (Cultuur). (Ontvangen 1 maart 1982) Neen. De bezuiniging is nodig.',
      );
      assert.deepStrictEqual(asked(a), [1]);
      assert.deepStrictEqual(answeredBy(a), [1]);
      assert.strictEqual(textOf(a, a.questions[0].answer!.body), 'Neen. De bezuiniging is nodig.');
    });

    it('reads an item without the printed header, from its `Vragen van … (Ingezonden …)`', () => {
      const a = analyze([
        'Vragen van het lid Tuinstra (VVD) over de veerdienst. (Ingezonden 7 januari 1985) 1 Is de dienst opgeheven? 2 Waarom?',
        'Antwoord Antwoord van minister Smit-Kroes (Verkeer en Waterstaat). (Ontvangen 30 januari 1985) 1 Ja. 2 Te weinig reizigers.',
      ].join('\n'));
      assert.strictEqual(a.source, 'archive');
      assert.deepStrictEqual(asked(a), [1, 2]);
      assert.deepStrictEqual(answeredBy(a), [1, 2]);
      assert.strictEqual(a.metadata.submitted, '1985-01-07');
    });

    it('finds question 1 on the introduction line when the item has no (Ingezonden …), and the answer run on after the last question', () => {
      const a = item(
        HEADER_1981,
        'Vragen van het lid Nypels (D\'66) over de gaswinning. 1 Is de gaswinning vergroot? 2 Waarom? Antwoord Antwoord van Minister Terlouw (Economische Zaken). (Ontvangen 4 mei 1982) 1 Ja. 2 Om de vraag te dekken.',
      );
      assert.deepStrictEqual(asked(a), [1, 2]);
      assert.deepStrictEqual(answeredBy(a), [1, 2]);
      assert.strictEqual(textOf(a, a.questions[1].question), 'Waarom?');
      assert.strictEqual(a.metadata.title, 'De gaswinning');
      assert.strictEqual(a.metadata.answered, '1982-05-04');

      const b = item(
        HEADER_1991,
        'Vragen van het lid Rabbae (GroenLinks) over de inburgering',
        '1 Hoeveel cursussen zijn er? 2 Wie betaalt ze? Mededeling Mededeling van minister Dales (Binnenlandse Zaken). (Ontvangen 3 april 1992) De beantwoording vergt meer tijd.',
      );
      assert.deepStrictEqual(asked(b), [1, 2]);
      assert.deepStrictEqual(b.notices.map((x) => x.date), ['1992-04-03']);
      assert.strictEqual(textOf(b, b.questions[1].question), 'Wie betaalt ze?');
    });

    it('resolves references inside questions and answers, also ranges and forward ones', () => {
      const a = item(
        HEADER_1981,
        'Vragen van het lid Dijkman (C.D.A.) over de subsidie. (Ingezonden 9 maart 1982) 1 Is het waar? 2 Indien u vraag 1 bevestigend beant-woordt, waarom? 3 Welke gemeenten? 4 Moet, indien de vragen 1 t/m 3 bevestigend worden beantwoord, de regeling worden herzien?',
        'Antwoord Antwoord van Minister Beek (Volkshuisvesting). (Ontvangen 2 april 1982) 1 Ja. 2 Zie het antwoord op vraag 4. 3 Alle. 4 Ja.',
      );
      assert.deepStrictEqual(internal(a).sort(), ['2→1', '2→4', '4→1', '4→2', '4→3']);
    });
  });

  describe('dates the OCR damaged', () => {
    it('reads split digits where the reading is safe, and a hint says how each was read', () => {
      const a = item(
        HEADER_1991,
        'Vragen van het lid Visser (PvdA) over de rente. (Ingezonden 2 8 april 1991) 1 Is het overleg van 4 juli 1 990 afgerond? 2 Wat is de uitkomst van het overleg van 19 90?',
        'Antwoord Antwoord van minister Kok (Financiën). (Ontvangen 1 3 mei 1991) 1 Ja. 2 Zie de brief van 12 juni 1 991.',
      );
      assert.deepStrictEqual(a.dates.map((d) => d.date), ['1991-04-28', '1990-07-04', '1991-05-13', '1991-06-12']);
      assert.strictEqual(a.metadata.submitted, '1991-04-28');
      assert.strictEqual(a.metadata.answered, '1991-05-13');
      const hints = a.diagnostics.filter((d) => d.code === 'ocr-date-read');
      assert.deepStrictEqual(hints.map((d) => [d.severity, d.message.nl]), [
        ['hint', 'De OCR heeft de cijfers van „2 8 april 1991” gesplitst; gelezen als 28 april 1991.'],
        ['hint', 'De OCR heeft de cijfers van „4 juli 1 990” gesplitst; gelezen als 4 juli 1990.'],
        ['hint', 'De OCR heeft de cijfers van „1 3 mei 1991” gesplitst; gelezen als 13 mei 1991.'],
        ['hint', 'De OCR heeft de cijfers van „12 juni 1 991” gesplitst; gelezen als 12 juni 1991.'],
      ]);
    });
  });

  describe('the eight archive items as other OCR runs would give them', () => {
    const dir = path.join(FIXTURES, 'archive');
    const items = fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).map((f) => ({
      name: f,
      text: fs.readFileSync(path.join(dir, f), 'utf8'),
      gold: JSON.parse(fs.readFileSync(path.join(dir, f.replace(/\.txt$/, '.gold.json')), 'utf8')) as Gold,
    }));
    /** The body (after the six header lines) wrapped anew at `width` columns, words kept whole. */
    const rewrap = (text: string, width: number) => {
      const lines = text.split('\n');
      const body = lines.slice(6).join('\n').split('\n').map((line) => {
        const out: string[] = [];
        let current = '';
        for (const word of line.split(' ')) {
          if (current && current.length + 1 + word.length > width) {
            out.push(current);
            current = word;
          } else current = current ? `${current} ${word}` : word;
        }
        out.push(current);
        return out.join('\n');
      });
      return [...lines.slice(0, 6), ...body].join('\n');
    };
    const variants: Record<string, (t: string) => string> = {
      'wrapped at 60 columns': (t) => rewrap(t, 60),
      'wrapped at 90 columns': (t) => rewrap(t, 90),
      'without the printed header': (t) => t.split('\n').slice(6).join('\n'),
      'with Windows line ends': (t) => t.replace(/\n/g, '\r\n'),
    };
    for (const [name, variant] of Object.entries(variants)) {
      it(`keeps the gold structure, references, dates and letters ${name}`, () => {
        for (const { name: file, text, gold } of items) {
          const s = scoreFile(analyze(variant(text)), gold);
          assert.ok(s.structure.ok, `${file}: questions ${s.structure.questions.found}, answered ${s.structure.answered.found}, notices ${s.structure.notices.found}`);
          for (const field of ['references', 'dates', 'letters', 'footnotes'] as const) {
            assert.deepStrictEqual([s[field].fp, s[field].fn], [0, 0], `${file}: ${field}`);
          }
        }
      });
    }
  });

  describe('bad and adversarial input', () => {
    it('stays linear and whole on long runs of numbers, question marks and parentheses', function () {
      this.timeout(120000);
      const MB = 1 << 20;
      const head = `${HEADER_1991}\nVragen van het lid X (VVD) over Y. (Ingezonden 1 maart 1992) `;
      const inputs: Record<string, string> = {
        'numbered questions': head + Array.from({ length: 20000 }, (_, i) => `${(i % 999) + 1} Is het zo? `).join(''),
        'question marks and digits': head + '? 1 '.repeat(MB / 4),
        parentheses: head + '(Ingezon-'.repeat(MB / 9),
        lists: head + '1 en 2, 3, 4 en 5 t/m 6 '.repeat(MB / 24),
        'blank lines': head + '1\n\n\n\n'.repeat(MB / 5),
        toelichting: head + '? Toelichting '.repeat(MB / 14),
      };
      for (const [name, text] of Object.entries(inputs)) {
        const t0 = Date.now();
        const a = analyze(text);
        const ms = Date.now() - t0;
        assert.ok(ms < 30000, `${name}: ${ms} ms`);
        // Numbers 1 to 999 in sequence, then the same again: the repeats continue no sequence.
        if (name === 'numbered questions') assert.deepStrictEqual(asked(a), Array.from({ length: 999 }, (_, i) => i + 1));
      }
    });

    it('does not take a modern text without headings for an archive item', () => {
      const a = analyze([
        'Vragen van het lid Jansen (VVD) aan de minister van Financiën over de btw (ingezonden 3 mei 2023).',
        '',
        '1. Kent u het bericht?',
        '',
        '2. Wat vindt u daarvan?',
      ].join('\n'));
      assert.notStrictEqual(a.source, 'archive');
    });
  });
});
