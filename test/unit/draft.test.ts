// The draft of an answer (model/draft.ts): the official answer layout from a
// questions document. Expected lines written by hand from the source texts
// (the PDF's wrapped lines joined with a space, a marker line glued back);
// then the draft read again by the analyser: the same questions, each with an
// empty answer, nothing wrong.

import * as assert from 'assert';
import { analyze } from '../../server/src/model/analysis';
import { draftAnswer, escapeSnippet } from '../../server/src/model/draft';
import type { Analysis } from '../../server/src/model/types';
import { fixtureText } from './util';

function draftOf(rel: string) {
  const d = draftAnswer(analyze(fixtureText(rel)));
  assert.ok(d, `no draft of ${rel}`);
  return d;
}

/** The lines from the one starting with `from` up to the blank line after it. */
function block(text: string, from: string): string[] {
  const lines = text.split('\n');
  const i = lines.indexOf(from);
  assert.ok(i >= 0, `no line ${from}`);
  const end = lines.indexOf('', i);
  return lines.slice(i, end);
}

// A set made up for the tests: Windows line ends, a grouped heading, the
// snippet's own characters `$`, `}` and `\` in a question, a footnote.
const SYNTHETIC = [
  '2025Z00001',
  'Vragen van het lid Jansen (XYZ) aan de Minister van Financiën over de kosten van $-noteringen (ingezonden 3 maart 2025).',
  'Vraag 1',
  'Kost het meer dan $5 of {x} of a\\b?1',
  'Vraag 2 en 3',
  'Waarom?',
  'Hoe dan?',
  '[1] Zie https://example.nl/a$b.',
  '',
].join('\r\n');

const SYNTHETIC_TEXT = [
  '2025Z00001',
  'Vragen van het lid Jansen (XYZ) aan de Minister van Financiën over de kosten van $-noteringen (ingezonden 3 maart 2025).',
  'Antwoord van [minister van Financiën] (ontvangen [datum]).',
  '',
  'Vraag 1',
  'Kost het meer dan $5 of {x} of a\\b?1',
  '',
  'Antwoord 1',
  '',
  '',
  'Vraag 2 en 3',
  'Waarom?',
  'Hoe dan?',
  '',
  'Antwoord 2 en 3',
  '',
  '',
  '[1] Zie https://example.nl/a$b.',
  '',
].join('\n');

describe('model: the draft of an answer', () => {
  describe('kv-tk-2024Z18435 (PDF, a footnote)', () => {
    const d = draftOf('official/kv-tk-2024Z18435.txt');

    it('opens with the zaak, the question sentence on one line, and the answer heading with its placeholders', () => {
      assert.deepStrictEqual(d.text.split('\n').slice(0, 5), [
        '2024Z18435',
        'Vragen van de leden Olger van Dijk (Nieuw Sociaal Contract) en Pierik (BBB) aan de Staatssecretaris van Infrastructuur en Waterstaat over het bericht «Rijksadviseur Wouter Veldhuis is om: Lelylijn zonder Duitse connectie wél vanbelang.» (ingezonden 14 november 2024).',
        'Antwoord van [staatssecretaris van Infrastructuur en Waterstaat] (ontvangen [datum]).',
        '',
        'Vraag 1',
      ]);
    });

    it('Vraag 1: its two lines as one, the words as printed (`wélvan`), the marker line glued back', () => {
      assert.deepStrictEqual(block(d.text, 'Vraag 1'), [
        'Vraag 1',
        'Heeft u kennisgenomen van het bericht van 11 november 2024 j.l. getiteld «Rijksadviseur Wouter Veldhuis is om: Lelylijn zonder Duitse connectie wélvan belang. Maar Nedersaksenlijn helemaal belangrijk»?1',
      ]);
    });

    it('an empty answer after each question: `Antwoord 1`, an empty line, a blank line, the next question', () => {
      const lines = d.text.split('\n');
      const at = lines.indexOf('Antwoord 1');
      assert.deepStrictEqual(lines.slice(at, at + 4), ['Antwoord 1', '', '', 'Vraag 2']);
      assert.deepStrictEqual(d.blocks, [[1], [2], [3], [4], [5], [6], [7], [8], [9]]);
    });

    it('the question after the page break (7) has its lines joined too, without the page footer', () => {
      assert.deepStrictEqual(block(d.text, 'Vraag 7'), [
        'Vraag 7',
        'Kunt u alle onderzochte nationale financieringsmogelijkheden zowel binnen als buiten de I&W begroting benoemen (zoals bijvoorbeeld economischestructuurversterking uit Nij Begun), en ook de Europese financierings-mogelijkheden (zoals bijvoorbeeld Green Bonds, en overige EU fondsen)uiteenzetten in een tabel?',
      ]);
    });

    it('ends with the footnote text on one line, the web address broken at the line end joined', () => {
      assert.ok(d.text.endsWith('Antwoord 9\n\n\n[1] Dagblad van het Noorden, 11 november 2024, « Rijksadviseur Wouter Veldhuis is om: Lelylijn zonder Duitse connectie wél van belang. Maar Nedersaksenlijn helemaal belangrijk », https://dvhn.nl/groningen/Rijksadviseur-nu-wel-voor-Lelylijn-29272382.html.\n'), d.text.slice(-400));
    });
  });

  describe('kv-tk-2024Z18792 (PDF, two footnotes, a word broken at a hyphen)', () => {
    const d = draftOf('official/kv-tk-2024Z18792.txt');

    it('the question sentence of three lines, and the hyphen at a line end kept as the PDF keeps it inside lines', () => {
      const lines = d.text.split('\n');
      assert.strictEqual(lines[1], 'Vragen van het lid Boswijk (CDA) aan de Ministers van Financiën en voor Buitenlandse Handel en Ontwikkelingshulp over de ontkoppeling van ontwikkelingshulp (ingezonden 19 november 2024).');
      assert.deepStrictEqual(block(d.text, 'Vraag 1'), [
        'Vraag 1',
        'Kunt u uw uitspraak bevestigen dat er over het besluit om de ontwikkelings-hulp niet langer te laten meestijgen met de economische groei uitgebreidgesproken is en dat daar alle partijen bij betrokken zijn geweest?1',
      ]);
    });

    it('both footnote texts in order, the address broken after `binnenland/` joined', () => {
      assert.deepStrictEqual(d.text.split('\n').slice(-3), [
        '[1] Noordhollands Dagblad, 15 november 2024 (https://www.noordhollandsdagblad.nl/binnenland/heinen-ook-nsc-wist-van-ontkoppeling-groei-en-ontwikkelingshulp/26751442.html)',
        '[2] Handelingen II, vergaderjaar 2024–2025, nr. 8',
        '',
      ]);
    });
  });

  describe('ah-tk-20242025-584 (an answer document: its questions, grouped headings kept)', () => {
    const d = draftOf('official/ah-tk-20242025-584.txt');

    it('has no zaak line (the text prints none) and the question sentence without the answer that follows it', () => {
      assert.deepStrictEqual(d.text.split('\n').slice(0, 3), [
        'Vragen van het lid Martens-America (VVD) aan de Minister van Onderwijs, Cultuur en Wetenschap over de capaciteitsfixus op trajecten binnen een opleiding (ingezonden 27 september 2024).',
        'Antwoord van [minister van Onderwijs, Cultuur en Wetenschap] (ontvangen [datum]).',
        '',
      ]);
    });

    it('keeps `Vraag 2 en 3` and `Vraag 5 en 6` together, each with one empty grouped answer, and drops the minister\'s answers', () => {
      assert.deepStrictEqual(d.blocks, [[1], [2, 3], [4], [5, 6], [7]]);
      const lines = d.text.split('\n');
      const at = lines.indexOf('Antwoord 2 en 3');
      assert.deepStrictEqual(lines.slice(at, at + 4), ['Antwoord 2 en 3', '', '', 'Vraag 4']);
      assert.ok(!d.text.includes('Het amendement is inderdaad'));
      assert.ok(lines.includes('Antwoord 5 en 6'));
    });

    it('lists only the footnote of the questions (1), not the one of an answer (2)', () => {
      assert.deepStrictEqual(d.text.split('\n').slice(-3), ['', '[1] Kamerstuk 36 410 VIII, nr. 112', '']);
    });
  });

  describe('the seed (openkamer kv-2022Z09875, already answered)', () => {
    const d = draftOf('openkamer/kv-2022Z09875.txt');

    it('makes the question sentence from the header fields, and the answerer from who answered', () => {
      assert.deepStrictEqual(d.text.split('\n').slice(0, 4), [
        '2022Z09875',
        'Vragen van het lid Caroline van der Plas (BBB) over het toenemende gebruik van Signal onder bewindspersonen en het verwijderen van berichten door de minister-president (ingezonden 19 mei 2022).',
        'Antwoord van [Hanke Bruins Slot (minister binnenlandse zaken en koninkrijksrelaties)] (ontvangen [datum]).',
        '',
      ]);
    });

    it('gives the questions with empty answers, not the answers of the page', () => {
      assert.deepStrictEqual(block(d.text, 'Vraag 2'), [
        'Vraag 2',
        'Klopt het dat de Minister-President de verwijderde berichten heeft doorgestuurd naar zijn ambtenaren? Hoe werden deze vervolgens verwerkt, gecentraliseerd en gearchiveerd? Kunt u hier toelichting op geven?',
      ]);
      assert.ok(!d.text.includes('Het verwerken en archiveren van berichten'));
      assert.ok(!d.text.includes('Mededeling'));
      assert.strictEqual(d.blocks.length, 14);
      // The markers stay in the questions (`organisatie?1`); the page holds no footnote texts to list.
      assert.ok(d.text.includes('geborgd binnen de organisatie?1 Kunt u voor elk'));
      assert.ok(d.text.endsWith('Antwoord 14\n\n'));
    });
  });

  describe('kv-tk-2024Z18885 (Word: questions without headings, the footnote written `1)`)', () => {
    const d = draftOf('official/kv-tk-2024Z18885.txt');

    it('numbers the questions, adds the submission date to the sentence, and lists the note as the Word text does', () => {
      const lines = d.text.split('\n');
      assert.strictEqual(lines[1], 'Vragen van het lid Podt (D66) aan de staatssecretaris van Landbouw, Visserij, Voedselzekerheid en Natuur over de Ontbossingswet (ingezonden 20 november 2024).');
      assert.deepStrictEqual(d.blocks, [[1], [2], [3], [4], [5], [6], [7]]);
      assert.deepStrictEqual(block(d.text, 'Vraag 7'), ['Vraag 7', 'Kunt u deze vragen voor de start van de trilogen beantwoorden?']);
      assert.strictEqual(lines[lines.length - 2], "1) Eerste Kamer, 'Wet uitvoering verordening ontbossingsvrije grondstoffen en producten' (https://www.eerstekamer.nl/wetsvoorstel/36518_wet_uitvoering_verordening)");
    });
  });

  describe('a synthetic set', () => {
    it('the whole text, written by hand', () => {
      const d = draftAnswer(analyze(SYNTHETIC));
      assert.strictEqual(d?.text, SYNTHETIC_TEXT);
    });

    it('the snippet: the tab stops in order, `$`, `}` and `\\` escaped, `$0` at the end', () => {
      const d = draftAnswer(analyze(SYNTHETIC));
      assert.strictEqual(
        d?.snippet,
        [
          '2025Z00001',
          'Vragen van het lid Jansen (XYZ) aan de Minister van Financiën over de kosten van \\$-noteringen (ingezonden 3 maart 2025).',
          'Antwoord van ${1:minister van Financiën} (ontvangen ${2:datum}).',
          '',
          'Vraag 1',
          'Kost het meer dan \\$5 of {x\\} of a\\\\b?1',
          '',
          'Antwoord 1',
          '$3',
          '',
          'Vraag 2 en 3',
          'Waarom?',
          'Hoe dan?',
          '',
          'Antwoord 2 en 3',
          '$4',
          '',
          '[1] Zie https://example.nl/a\\$b.',
          '$0',
        ].join('\n'),
      );
      const stops = [...(d?.snippet ?? '').matchAll(/(?<!\\)\$\{?(\d+)/g)].map((m) => Number(m[1]));
      assert.deepStrictEqual(stops, [1, 2, 3, 4, 0]);
    });

    it('escapes every snippet character, and nothing else', () => {
      assert.strictEqual(escapeSnippet('a$b}c\\d{e'), 'a\\$b\\}c\\\\d{e');
      assert.strictEqual(escapeSnippet('${TM_FILENAME}'), '\\${TM_FILENAME\\}');
    });

    it('no addressee, no submitter, no date: `[minister]`, no question sentence', () => {
      const d = draftAnswer(analyze('Vraag 1\nWaarom?\n'));
      assert.strictEqual(d?.text, 'Antwoord van [minister] (ontvangen [datum]).\n\nVraag 1\nWaarom?\n\nAntwoord 1\n\n');
      assert.strictEqual(d?.snippet, 'Antwoord van ${1:minister} (ontvangen ${2:datum}).\n\nVraag 1\nWaarom?\n\nAntwoord 1\n$3\n$0');
    });
  });

  describe('no questions', () => {
    for (const [name, text] of [['empty', ''], ['blank lines', '\n\n  \n'], ['prose', 'Hallo wereld\n'], ['a header only', '2024Z18435\nVragen van het lid Jansen (XYZ) (ingezonden 3 maart 2025).\n']]) {
      it(`${name}: null`, () => assert.strictEqual(draftAnswer(analyze(text)), null));
    }
  });

  describe('the draft read again by the analyser', () => {
    /** A question's words without the layout: white space left out. */
    const words = (a: Analysis, span: { start: number; end: number }) => a.text.slice(span.start, span.end).replace(/[\s\u00a0]+/g, '');
    const sources: [string, string][] = [
      ['kv-tk-2024Z18435', fixtureText('official/kv-tk-2024Z18435.txt')],
      ['kv-tk-2024Z18792', fixtureText('official/kv-tk-2024Z18792.txt')],
      ['kv-tk-2024Z18883', fixtureText('official/kv-tk-2024Z18883.txt')],
      ['ah-tk-20242025-584', fixtureText('official/ah-tk-20242025-584.txt')],
      ['ah-tk-20242025-609', fixtureText('official/ah-tk-20242025-609.txt')],
      ['the seed', fixtureText('openkamer/kv-2022Z09875.txt')],
      ['the synthetic set', SYNTHETIC],
    ];
    for (const [name, text] of sources) {
      it(`${name}: the same numbers and words, an empty answer to each, no error`, () => {
        const source = analyze(text);
        const d = draftAnswer(source);
        assert.ok(d);
        const again = analyze(d.text);
        assert.strictEqual(again.layout, 'official');
        assert.deepStrictEqual(again.questions.map((q) => q.numbers), source.questions.map((q) => q.numbers));
        assert.deepStrictEqual(again.questions.map((q) => words(again, q.question.span)), source.questions.map((q) => words(source, q.question.span)));
        for (const q of again.questions) {
          assert.ok(q.answer, `question ${q.number} has no answer block`);
          assert.deepStrictEqual(q.answer.numbers, q.numbers);
          assert.strictEqual(again.text.slice(q.answer.body.span.start, q.answer.body.span.end).trim(), '');
        }
        assert.deepStrictEqual(again.diagnostics.filter((x) => x.severity === 'error' || x.severity === 'warning').map((x) => x.code), []);
        assert.strictEqual(again.metadata.submitted, source.metadata.submitted);
        assert.strictEqual(again.metadata.zaak, source.metadata.zaak);
      });
    }

    it('the footnote texts of kv-tk-2024Z18792 are read again as the notes of their markers', () => {
      const again = analyze(draftOf('official/kv-tk-2024Z18792.txt').text);
      assert.deepStrictEqual(again.footnotes.map((f) => [f.number, f.note?.text.slice(0, 24)]), [[1, '[1] Noordhollands Dagbla'], [2, '[2] Handelingen II, verg']]);
    });
  });

  it('a long question of one line without breaks stays linear and whole', () => {
    const long = 'woord '.repeat(50000).trim();
    const d = draftAnswer(analyze(`Vraag 1\n${long}?\n`));
    assert.ok(d?.text.includes(`Vraag 1\n${long}?\n`));
  });
});
