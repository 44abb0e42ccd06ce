import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { analyze } from '../../server/src/model/analysis';
import { analyzeFixture, FIXTURES, squash, textOf } from './util';

describe('footnote markers', () => {
  it('numbers the markers of the sample 1 to 9, glued to words, punctuation and a year', () => {
    const a = analyzeFixture('openkamer/kv-2022Z09875.txt');
    assert.deepStrictEqual(a.footnotes.map((f) => f.number), [1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const glued = ['organisatie?', 'brief', 'brief', 'brief', 'maart 2019', 'chatberichten', 'brief', 'brief', 'brief'];
    a.footnotes.forEach((f, i) => assert.ok(a.text.slice(0, f.span.start).endsWith(glued[i]), `marker ${f.number} after ${glued[i]}`));
  });

  it('reads markers alone on a line and at the start of the next line in PDF text, not m³', () => {
    const a = analyzeFixture('official/ah-tk-20242025-564.txt');
    assert.deepStrictEqual(a.footnotes.map((f) => f.number), [1, 2, 3, 4, 5]);
    assert.deepStrictEqual(a.footnotes.map((f) => f.range.start.line + 1), [45, 55, 107, 118, 121]);
  });

  it('attaches the footnote text at the page bottom', () => {
    const a = analyzeFixture('official/ah-tk-20242025-584.txt');
    const f1 = a.footnotes.find((f) => f.number === 1)!;
    assert.strictEqual(squash(f1.note!.text), '1Kamerstuk 36 410 VIII, nr. 112');
    const f2 = a.footnotes.find((f) => f.number === 2)!;
    assert.match(f2.note!.text, /^2Stb\. 2024, 153/);
  });

  it('reads Markdown markers [1, 2 ] but not 11[e ] or a numbered list', () => {
    const a = analyzeFixture('official/ah-tk-20232024-403.txt');
    assert.deepStrictEqual(a.footnotes.map((f) => f.number), [1, 2, 3, 4, 5, 6]);
    assert.strictEqual(squash(textOf(a, a.footnotes[0])), '1');
    const b = analyzeFixture('official/ah-tk-20242025-594.txt');
    assert.deepStrictEqual(b.footnotes.map((f) => f.number), [1, 2, 3]);
  });

  it('reads a marker pair ?1 2 / Hil.2 3', () => {
    const a = analyzeFixture('openkamer/kv-2024Z16988.txt');
    assert.deepStrictEqual(a.footnotes.map((f) => f.number), [1, 2, 3]);
  });

  it('reports bracketed markers out of order', () => {
    const a = analyze('Vraag 1\nKent u het bericht?[1 ]\n\nVraag 2\nEn dit?[3 ]\n');
    const d = a.diagnostics.find((x) => x.code === 'footnote-disorder')!;
    assert.ok(d);
    assert.strictEqual(a.text.slice(d.span.start, d.span.end), '3');
  });

  it('does not take CO2, m3 or a zaak number for markers', () => {
    const a = analyze('Vraag 1\nHoeveel CO2 en m3 gas, kenmerk 2024Z18438?\n');
    assert.deepStrictEqual(a.footnotes, []);
  });
});

describe('two marker sequences: typed notes, then the Word document\'s own footnotes', () => {
  const HEAD = 'Vragen van het lid Podt (D66) aan de minister van Onderwijs over zwemles (ingezonden 3 maart 2025).';
  const note = (a: ReturnType<typeof analyze>, i: number) => squash(a.footnotes[i].note ? a.text.slice(a.footnotes[i].note!.span.start, a.footnotes[i].note!.span.end) : '');

  it('pairs the k-th marker sequence with the k-th run of note texts (bracket notes, then Word notes)', () => {
    const text = [HEAD, '', 'Vraag 1', 'Kent u de berichten? [1] [2]', '', 'Vraag 2', 'En het derde? [3]', '',
      'Antwoord op vraag 1', 'Ja, zie de werkgroep[1].', '', 'Antwoord op vraag 2', 'Nee, want het rapport[2] zegt iets anders.', '',
      '[1] NOS, 23 mei 2024, het eerste bericht.', '[2] RTV Oost, 25 mei 2024, het tweede bericht.', '[3] Omroep, 26 maart 2024, het derde.', '',
      '[1] Zie de brief over de werkgroep.', '[2] Het rapport van de inspectie.', ''].join('\n');
    const a = analyze(text);
    assert.deepStrictEqual(a.footnotes.map((f) => f.number), [1, 2, 3, 1, 2]);
    assert.deepStrictEqual(a.footnotes.map((f) => f.range.start.line + 1), [4, 4, 7, 10, 13]);
    assert.deepStrictEqual([0, 1, 2, 3, 4].map((i) => note(a, i).slice(0, 12)), ['[1] NOS, 23 ', '[2] RTV Oost', '[3] Omroep, ', '[1] Zie de b', '[2] Het rapp']);
    assert.ok(!a.diagnostics.some((d) => d.code === 'footnote-disorder'));
    // The same with Windows line ends.
    const crlf = analyze(text.replace(/\n/g, '\r\n'));
    assert.deepStrictEqual(crlf.footnotes.map((f) => f.number), [1, 2, 3, 1, 2]);
    assert.strictEqual(note(crlf, 4).slice(0, 7), '[2] Het');
  });

  it('pairs typed `1) 2)` notes and one Word note [1]', () => {
    const text = [HEAD, '', 'Vraag 1', 'Wat is hier bedoeld? 1) 2)', '', 'Antwoord op vraag 1', 'Dit geldt ook bij de Mobiele Eenheid (ME)[1].', '',
      '1) Aanhangsel Handelingen, vergaderjaar 2023-2024, nr. 1121.', '2) AD, 13 januari 2024, een bericht.', '',
      '[1] Aanhangsel van de Handelingen, nr. 1121.', ''].join('\n');
    const a = analyze(text);
    assert.deepStrictEqual(a.footnotes.map((f) => f.number), [1, 2, 1]);
    assert.deepStrictEqual([0, 1, 2].map((i) => note(a, i).slice(0, 6)), ['1) Aan', '2) AD,', '[1] Aa']);
    assert.ok(!a.diagnostics.some((d) => d.code === 'footnote-disorder'));
  });

  it('restarts once per extra run of notes; a marker out of order still reports disorder', () => {
    // One run of notes: [1] after [2] does not restart.
    const one = analyze([HEAD, '', 'Vraag 1', 'Kent u het bericht?[1] En dit?[2] En weer?[1]', '', '[1] Eerste bericht, 2024.', '[2] Tweede bericht, 2024.', ''].join('\n'));
    assert.deepStrictEqual(one.footnotes.map((f) => f.number), [1, 2]);
    const d = one.diagnostics.filter((x) => x.code === 'footnote-disorder');
    assert.strictEqual(d.length, 1);
    assert.strictEqual(d[0].range.start.line + 1, 4);
    // Two runs: the second [1] restarts, a third [1] is disorder, and so is [3] where 2 is expected.
    const two = analyze([HEAD, '', 'Vraag 1', 'Kent u het bericht?[1] En dit?[2]', '', 'Vraag 2', 'Ja[1] en nee[3] en weer[1].', '',
      '[1] Eerste bericht, 2024.', '[2] Tweede bericht, 2024.', '', '[1] Woordnoot een.', '[2] Woordnoot twee.', '[3] Woordnoot drie.', ''].join('\n'));
    assert.deepStrictEqual(two.footnotes.map((f) => f.number), [1, 2, 1, 3]);
    const codes = two.diagnostics.filter((x) => x.code === 'footnote-disorder').map((x) => two.text.slice(x.span.start, x.span.end));
    assert.deepStrictEqual(codes, ['3', '1']);
    assert.strictEqual(note(two, 3).slice(0, 7), '[3] Woo');
    // No renumbering is offered: it would merge the two sequences.
    assert.ok(two.diagnostics.filter((x) => x.code === 'footnote-disorder').every((x) => !x.fix));
  });
});

describe('footnote markers against footnote texts, over the whole corpus', () => {
  it('finds a marker for nearly every footnote text at a page bottom, and markers in sequence', () => {
    const dir = path.join(FIXTURES, 'official');
    let notes = 0;
    let matched = 0;
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.txt'))) {
      const a = analyze(fs.readFileSync(path.join(dir, file), 'utf8'));
      const markers = new Set(a.footnotes.map((f) => f.number));
      a.footnotes.forEach((f, i) => assert.strictEqual(f.number, i + 1, `${file}: marker ${f.number} at ${i + 1}`));
      for (const s of a.sections.filter((x) => x.kind === 'footnotes')) {
        notes++;
        const n = parseInt(a.text.slice(s.span.start, s.span.start + 4).replace(/^\[/, ''), 10);
        if (markers.has(n)) matched++;
      }
    }
    // Footnote texts without a marker: a marker lost in extraction, or a text misread (`22023 Annual report` is footnote 2).
    assert.ok(notes > 100, `${notes} footnote texts`);
    assert.ok(matched / notes >= 0.97, `${matched} of ${notes} footnote texts have a marker`);
  });
});

// The forms of markers in PDF and Word text that nobody here has seen: each form in several variants,
// with near-misses of the same shape that must stay numbers.
const PDF_HEAD = 'Vragen van het lid Podt (D66) aan de minister van Onderwijs over zwemles (ingezonden 3 maart 2025).';
const PAGE_FOOT = 'Tweede Kamer, vergaderjaar 2024–2025, Aanhangsel 1';

/**
 * A PDF text: question 1 with marker 1 glued to it (so the sequence expects 2 next), answer 1 with
 * the given lines, then the page's note texts with the given numbers and the page furniture.
 */
function pdf(answer: string[], notes: number[] = []): ReturnType<typeof analyze> {
  return analyze([PDF_HEAD, '', 'Vraag 1', 'Kent u het bericht over de zwembaden?1', '', 'Antwoord 1', ...answer,
    ...[1, ...notes].map((n) => `${n}Kamerstuk 36 ${n}10, nr. ${n}`), PAGE_FOOT, ''].join('\n'));
}

/** Each marker as its number and the eight characters of text from the marker on. */
function markersOf(a: ReturnType<typeof analyze>): [number, string][] {
  return a.footnotes.map((f) => [f.number, a.text.slice(f.span.start, f.span.start + 8)]);
}

describe('footnote markers at the start of a line before lower-case text (PDF)', () => {
  it('reads a marker moved to the next line before a verb or function word, without its note text', () => {
    assert.deepStrictEqual(markersOf(pdf(['Ja. De gemeente heeft het beleid', '2 is het beleid aangepast aan de wet.'])).slice(1), [[2, '2 is het']]);
    assert.deepStrictEqual(markersOf(pdf(['Ja. Dat staat in de Kamerbrief', '2 waarin de minister de regels uitlegt.'])).slice(1), [[2, '2 waarin']]);
    assert.deepStrictEqual(markersOf(pdf(['Ja. Zie het rapport van het RIVM (2024)', '2 concludeert het instituut dat het klopt.'])).slice(1), [[2, '2 conclu']]);
    assert.deepStrictEqual(markersOf(pdf(['Ja, volgens de brief,', '2 van de staatssecretaris, is dat zo.'])).slice(1), [[2, '2 van de']]);
    // Two in a row, the second on a later line.
    assert.deepStrictEqual(markersOf(pdf(['Ja. Het kabinet voert de motie Bikker', '2 en de motie Paternotte', '3 uit.'])).slice(1), [[2, '2 en de '], [3, '3 uit.\n1']]);
    // A verb by its form: a participle (`gestuurd`, `uitgevoerd`) or a verb in `-eert`; a numeral would have a noun.
    assert.deepStrictEqual(markersOf(pdf(['Ja. De minister heeft de Kamer een brief', '2 gestuurd over de regels.'])).slice(1), [[2, '2 gestuu']]);
    assert.deepStrictEqual(markersOf(pdf(['Ja. Het kabinet heeft de motie Bikker', '2 uitgevoerd.'])).slice(1), [[2, '2 uitgev']]);
  });

  it('reads it with any following word when the page holds its note text', () => {
    assert.deepStrictEqual(markersOf(pdf(['Ja. Het kabinet heeft de motie Bikker', '2 uitgevoerd en dat blijft zo.'], [2])).slice(1), [[2, '2 uitgev']]);
    assert.deepStrictEqual(markersOf(pdf(['Ja. Het gaat om 83 miljoen euro', '2 ten behoeve van de brandweer.'], [2])).slice(1), [[2, '2 ten be']]);
  });

  it('does not read a number that counts, a date, a number list or a unit exponent as a marker', () => {
    const none = (lines: string[], notes: number[] = []) => assert.deepStrictEqual(pdf(lines, notes).footnotes.map((f) => f.number), [1], lines.join(' / '));
    none(['Ja. In totaal zijn er', '2 gevallen bekend bij de gemeente.']);
    none(['Ja. Het gaat om ruim', '2 van de 5 gemeenten.']);
    none(['Ja. De brief is verstuurd op', '2 maart 2025 en die is openbaar.']);
    none(['Ja. De brief is verstuurd', '2 maart 2025 en die is openbaar.']);
    none(['Ja. Artikelen 1 en', '2 van de wet zijn van toepassing.']);
    none(['Ja. De opslag bevat 10,4 miljard m', '2 aan aardgas.']);
    none(['Ja. Zie artikel', '2 van de Wet op het onderwijs.']);
    // A number before a noun, not a verb: the count of the noun.
    none(['Ja. De gemeente heeft', '2 zwembaden gesloten.']);
    none(['Ja. De inspectie bezocht', '2 zwembaden in Utrecht.']);
    none(['Ja. De inspectie bezocht', '2 gemeenten en vond', '3 gevallen van fraude.']);
    // With the note text the number counts too: after a word that counts it is not a marker.
    none(['Ja. In totaal zijn er', '2 gevallen bekend bij de gemeente.'], [2]);
  });

  it('does not read an item of a list numbered without full stops as a marker', () => {
    const a = pdf(['Ja. Er zijn drie punten.', '2 Het beleid is aangepast.', '3 De kosten zijn gestegen.', '4 De minister is tevreden.']);
    assert.deepStrictEqual(a.footnotes.map((f) => f.number), [1]);
    const b = pdf(['Ja. Er zijn twee punten:', '2 Het beleid is aangepast.']);
    assert.deepStrictEqual(b.footnotes.map((f) => f.number), [1]);
    // Numbered with full stops, the items without closing punctuation.
    const d = pdf(['Ja. Het gaat om de volgende punten', '2. Kosten van het zwembad', '3. Baten voor de gemeente', 'En dat is alles.']);
    assert.deepStrictEqual(d.footnotes.map((f) => f.number), [1]);
    // A marker with the full stop of its sentence, moved to the next line: not followed by a next item.
    const e = pdf(['Ja. Dat staat in het bewaarbeleid voor chatberichten', '2. Uit dit beleid volgt dat het mag.']);
    assert.deepStrictEqual(markersOf(e).slice(1), [[2, '2. Uit d']]);
    // After a full stop, and no list: the PDF layout's marker after a sentence.
    const c = pdf(['Ja. Zo staat het in de uitspraak.', '2 Voor drie zaken geldt dat niet.']);
    assert.deepStrictEqual(markersOf(c).slice(1), [[2, '2 Voor d']]);
  });

  it('gives a doubtful marker up for a sure one with the same number that follows', () => {
    const a = pdf(['Ja. Zie het rapport', '2 Voor meer informatie zie de brief2 van de minister.']);
    assert.deepStrictEqual(markersOf(a).slice(1), [[2, '2 van de']]);
  });
});

describe('footnote markers glued to a word before punctuation', () => {
  it('reads a marker after a word and before a comma, semicolon, colon or full stop', () => {
    assert.deepStrictEqual(markersOf(pdf(['Ja, de Staatssecretaris2, de minister en de wethouder.'])).slice(1), [[2, '2, de mi']]);
    assert.deepStrictEqual(markersOf(pdf(['Ja, het rapport2; het kabinet3: dat klopt.'])).slice(1), [[2, '2; het k'], [3, '3: dat k']]);
    assert.deepStrictEqual(markersOf(pdf(['Ja, dat staat in de Kamerbrief2.De minister gaat door.'])).slice(1), [[2, '2.De min']]);
  });

  it('reads a marker after an organisation\'s initials before punctuation, not after a code', () => {
    assert.deepStrictEqual(markersOf(pdf(['Ja, volgens het CBS2, de NOS3: en het OM4. Dat klopt.'])).slice(1), [[2, '2, de NO'], [3, '3: en he'], [4, '4. Dat k']]);
    const codes = pdf(['Ja, de uitstoot van NH2, CO2, NO2 en de A2, MH2 en RTL2.']);
    assert.deepStrictEqual(codes.footnotes.map((f) => f.number), [1]);
    // Initials with a digit and no punctuation are a name: `de BBC2 uitzending`.
    assert.deepStrictEqual(pdf(['Ja, op BBC2 was het te zien.']).footnotes.map((f) => f.number), [1]);
  });

  it('reads two markers glued with a comma when they count on: brief2,3', () => {
    assert.deepStrictEqual(markersOf(pdf(['Ja, zie de Kamerbrief2,3 en het rapport.'])).slice(1), [[2, '2,3 en h'], [3, '3 en het']]);
    // `2,5` does not count on: a decimal.
    assert.deepStrictEqual(pdf(['Ja, de factor2,5 is hoog.']).footnotes.map((f) => f.number), [1]);
  });

  it('takes a number glued to vraag, artikel or nr. for the word\'s own, unless a note text says otherwise', () => {
    assert.deepStrictEqual(pdf(['Ja, zie het antwoord op vraag2.']).footnotes.map((f) => f.number), [1]);
    assert.deepStrictEqual(pdf(['Ja, zie artikel2, lid 3.']).footnotes.map((f) => f.number), [1]);
  });
});

describe('footnote markers on a line of their own', () => {
  const own = (line: string, before = 'Ja. Dat volgt uit de wet en de regels.') => pdf([before, line, 'Het kabinet blijft dat volgen.']).footnotes.map((f) => f.number);

  it('reads 2, 3 en 4 / 2 3 / 2,3 / 2 en 3 between two lines of text', () => {
    assert.deepStrictEqual(own('2, 3 en 4'), [1, 2, 3, 4]);
    assert.deepStrictEqual(own('2 3'), [1, 2, 3]);
    assert.deepStrictEqual(own('2,3'), [1, 2, 3]);
    assert.deepStrictEqual(own('2 en 3'), [1, 2, 3]);
    assert.deepStrictEqual(own('2, 3', 'Ja. Dat volgt uit de wet en de regels'), [1, 2, 3]);
  });

  it('reads a number alone on its line after vraag as the marker that continues the count', () => {
    // `(zie ook het antwoord op vraag 17)5.` as PDF text: the question number is lost, the marker is on a line of its own.
    assert.deepStrictEqual(own('2.', 'Ja. Dat is zo (zie ook het antwoord op vraag'), [1, 2]);
    // `Energeia-artikel` + `2, de …`: a compound that ends in a word of numbers names no number.
    assert.deepStrictEqual(pdf(['Ja. Zie het Energeia-artikel', '2, de minister heeft dat gelezen.']).footnotes.map((f) => f.number), [1, 2]);
  });

  it('does not read a list that does not count on, or numbers after artikel or vragen', () => {
    assert.deepStrictEqual(own('2 en 4'), [1]);
    assert.deepStrictEqual(own('2,5'), [1]);
    assert.deepStrictEqual(own('2, 3 en 4', 'Ja. Dat volgt uit artikel'), [1]);
    assert.deepStrictEqual(own('2, 3 en 4', 'Ja. Zie de antwoorden op de vragen'), [1]);
    assert.deepStrictEqual(own('2', 'Ja. Het gaat om een bedrag van'), [1]);
  });
});

describe('Word markers 1) without their note texts', () => {
  const word = (lines: string[]) => analyze([PDF_HEAD, '', ...lines, ''].join('\n'));

  it('reads ? 1), gepubliceerd 2) en …, het UWV 3), and a marker after a closing parenthesis', () => {
    const a = word(['Vraag 1', 'Kent u het bericht over het beleid? 1)', '', 'Antwoord 1', 'Ja, het is gepubliceerd 2) en besproken met het UWV 3), waarin', 'de regels (zie de wet) 4). Meer is er niet.']);
    assert.deepStrictEqual(markersOf(a), [[1, '1)\n\nAntw'], [2, '2) en be'], [3, '3), waar'], [4, '4). Meer']]);
    // A new sentence after the marker; a marker after a year; the rest of the sentence after it.
    const b = word(['Vraag 1', 'Is het beleid geborgd binnen de organisatie? 1) Kunt u dat toelichten?', '', 'Antwoord 1',
      'Na de uitspraak van 20 maart 2019 2) rijksbreed beleid ontwikkeld, zoals de brief 3) beschrijft.']);
    assert.deepStrictEqual(markersOf(b), [[1, '1) Kunt '], [2, '2) rijks'], [3, '3) besch']]);
  });

  it('does not read the items of a list, a closing parenthesis or a heading as markers', () => {
    const list = word(['Vraag 1', 'Wat zijn 1) de kosten, 2) de baten en 3) de risico’s van het plan?', '', 'Antwoord 1', 'Zie de tabel (bijlage 1) en het antwoord op vraag 2) hierna.']);
    assert.deepStrictEqual(list.footnotes, []);
    const lines = word(['Vraag 1', 'Wat vindt u van de volgende punten?', '1) de kosten;', '2) de baten.', '', 'Antwoord 1', 'Ja 1) Het klopt.']);
    assert.deepStrictEqual(lines.footnotes, []);
    // Questions numbered in one paragraph: `1)` opens the list at the line start, `? 2) Hoe …` is its next item.
    const questions = word(['Vraag 1', 'Wij hebben de volgende vragen.', '1) Kent u het bericht? 2) Hoe beoordeelt u het? 3) Wat gaat u doen?']);
    assert.deepStrictEqual(questions.footnotes, []);
    // Word's own notes at a page bottom: the document has its notes, so `2)` is not one.
    const paged = pdf(['Ja, het is gepubliceerd 2) en besproken.'], [2]);
    assert.deepStrictEqual(paged.footnotes.map((f) => f.number), [1]);
  });
});

describe('a marker lost in extraction', () => {
  it('does not lose the markers after it when their note texts are there', () => {
    const lost = ['Ja, zie de brief2 en de motie, het rapport4 en de wet5.'];
    assert.deepStrictEqual(pdf(lost, [2, 3, 4, 5]).footnotes.map((f) => f.number), [1, 2, 4, 5]);
    // Without the note texts the count stops at the gap.
    assert.deepStrictEqual(pdf(lost).footnotes.map((f) => f.number), [1, 2]);
    // A candidate past the gap that the count does not confirm (no 5 after the 4) is not taken.
    assert.deepStrictEqual(pdf(['Ja, zie de brief2 en de motie, en artikel 4 van het besluit4.'], [2, 3, 4]).footnotes.map((f) => f.number), [1, 2]);
  });
});

describe('the gold corpus with its markers moved as other PDF extractions move them', () => {
  /** Every gold file of the modern texts with its analysis, which matches the gold. */
  const golds = ['official', 'openkamer'].flatMap((dir) => fs.readdirSync(path.join(FIXTURES, dir)).filter((f) => f.endsWith('.gold.json')).map((f) => {
    const gold = JSON.parse(fs.readFileSync(path.join(FIXTURES, dir, f), 'utf8')) as { file: string; footnotes: number[] };
    return { name: `${dir}/${gold.file}`, text: fs.readFileSync(path.join(FIXTURES, dir, gold.file), 'utf8'), footnotes: gold.footnotes };
  }));

  /**
   * The text with every marker glued to what stands before it (`brief2 gestuurd`, `organisatie?1`) moved to the
   * start of the next line (`brief` + `2 gestuurd`), or onto a line of its own; the note texts kept or dropped.
   */
  function moved(text: string, own: boolean, dropNotes: boolean): string {
    const a = analyze(text);
    const edits: { start: number; end: number; text: string }[] = [];
    for (const f of a.footnotes) {
      // Not a marker split off a year (`20195`): moved, it would be a bare number after a year.
      const before = text[f.span.start - 1];
      if (/[\s[,0-9]/.test(before)) continue;
      const space = text[f.span.end] === ' ';
      edits.push({ start: f.span.start, end: f.span.end + (space ? 1 : 0), text: `\n${text.slice(f.span.start, f.span.end)}${space ? (own ? '\n' : ' ') : ''}` });
    }
    if (dropNotes) for (const s of a.sections) if (s.kind === 'footnotes') edits.push({ start: s.span.start, end: s.span.end, text: '' });
    edits.sort((x, y) => y.start - x.start);
    for (const e of edits) text = text.slice(0, e.start) + e.text + text.slice(e.end);
    return text;
  }

  for (const own of [false, true]) {
    for (const dropNotes of [false, true]) {
      it(`finds the gold markers moved ${own ? 'onto lines of their own' : 'to the next line start'}, note texts ${dropNotes ? 'dropped' : 'kept'}`, () => {
        let movedAny = 0;
        for (const g of golds) {
          const text = moved(g.text, own, dropNotes);
          if (text !== g.text) movedAny++;
          assert.deepStrictEqual(analyze(text).footnotes.map((f) => f.number), g.footnotes, g.name);
        }
        assert.ok(movedAny >= 5, `${movedAny} files changed`);
      });
    }
  }
});

describe('the marker scanners on adversarial input', () => {
  it('stay linear on many line-start numbers, number lines, Word markers, glued pairs and long note blocks', function () {
    this.timeout(300000);
    const MB = 1 << 20;
    const inputs: Record<string, string> = {
      'line starts': 'Vraag 1\n' + 'Zie het beleid\n2 is het beleid\n'.repeat(MB / 30),
      'number lines': 'Vraag 1\n' + 'Zie het beleid\n2, 3 en 4\n'.repeat(MB / 25),
      'Word markers on one line': 'Vraag 1\nKent u het beleid? 1) ' + 'Kunt u het (zie bijlage 2) beleid 2) toelichten? 3) '.repeat(MB / 52),
      'list on one line': 'Vraag 1\n1) Kent u het? ' + '2) Hoe? '.repeat(MB / 8),
      'glued pairs': 'Vraag 1\n' + 'de brief1,2 en het CBS3, '.repeat(MB / 25),
      'notes then a line start': 'Vraag 1\nHet beleid\n' + Array.from({ length: 2000 }, (_, k) => `${(k % 9) + 1}Kamerstuk nr. ${k}\nTweede Kamer, vergaderjaar 2024–2025, Aanhangsel 1\n2 is het\n`).join(''),
      'digits after vragen': 'Vraag 1\n' + 'de vragen\n1 2 3 4 5 6 7 8 9\n'.repeat(MB / 30),
    };
    for (const [name, text] of Object.entries(inputs)) {
      const t0 = Date.now();
      analyze(text);
      const ms = Date.now() - t0;
      // Linear work on a megabyte takes well under a second here; quadratic work on these takes minutes.
      assert.ok(ms < 20000, `${name}: ${ms} ms`);
    }
  });
});
