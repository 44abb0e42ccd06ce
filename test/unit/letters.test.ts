import * as assert from 'assert';
import { analyze } from '../../server/src/model/analysis';
import { analyzeFixture, squash, textOf } from './util';

describe('letters', () => {
  it('makes one entity per letter of the sample, with its mentions and footnotes', () => {
    const a = analyzeFixture('openkamer/kv-2022Z09875.txt');
    const byDate = new Map(a.letters.map((l) => [l.date, l]));
    assert.deepStrictEqual([...byDate.keys()].sort(), ['2022-02-25', '2022-05-18', '2022-05-24', '2022-05-25', '2022-06-29']);
    // `een brief2 gestuurd` has no date of its own; `de in het antwoord op vraag 1 genoemde brief van 18 mei 2022` gives it one.
    const may18 = byDate.get('2022-05-18')!;
    assert.deepStrictEqual(may18.footnotes, [2]);
    assert.strictEqual(squash(textOf(a, may18.mentions[0])), 'brief2');
    assert.strictEqual(may18.mentions[0].date, null);
    assert.strictEqual(may18.mentions[0].range.start.line, 14);
    assert.deepStrictEqual(byDate.get('2022-05-25')!.footnotes, [3]);
    assert.deepStrictEqual(byDate.get('2022-02-25')!.footnotes, [4, 7, 8]);
    // `In zijn brief van 29 juni 20022`: the typo'd year still dates the letter.
    assert.strictEqual(byDate.get('2022-06-29')!.mentions.length, 5);
    assert.strictEqual(byDate.get('2022-06-29')!.sender, null);
    // `mijn brief9 van 24 mei 2022` is the delay notice of this document.
    const notice = byDate.get('2022-05-24')!;
    assert.strictEqual(notice.notice, 0);
    assert.deepStrictEqual(notice.footnotes, [9]);
  });

  it('takes a bracketed marker glued to the letter word as its footnote, as Word footnotes are written: `brief[2] van …`, `Kamerbrief[1]`', () => {
    const text = ['Vragen van het lid Podt (D66) aan de minister van Onderwijs over zwemles (ingezonden 3 maart 2025).', '',
      'Vraag 1', 'Kent u het bericht[1] en de Kamerbrief[2] van 4 februari 2025?', '', 'Antwoord op vraag 1', 'Ja, zie ook mijn brief [3] van 3 februari 2025.', '',
      '[1] NOS, 23 februari 2025.', '[2] Kamerstuk 31 293, nr. 700.', '[3] Kamerstuk 31 293, nr. 701.', ''].join('\n');
    const a = analyze(text);
    // In order of first mention; a marker after a space (`brief [3]`) is not glued to the word.
    assert.deepStrictEqual(a.letters.map((l) => [l.date, l.footnotes]), [['2025-02-04', [2]], ['2025-02-03', []]]);
  });

  it('dates a letter whose sentence says when it was sent: Op 29 oktober … middels een Kamerbrief', () => {
    const a = analyzeFixture('official/ah-tk-20242025-605.txt');
    assert.deepStrictEqual(a.letters.map((l) => l.date), ['2024-10-29']);
    assert.strictEqual(squash(textOf(a, a.letters[0].mentions[0])), 'Kamerbrief');
  });

  it('reads brief op verzoek van uw Kamer d.d. 11 oktober 2023 and Verzamelbrief … van 27 juni jl.', () => {
    assert.deepStrictEqual(analyzeFixture('official/ah-tk-20232024-387.txt').letters.map((l) => l.date), ['2023-10-11']);
    const b = analyzeFixture('official/ah-tk-20242025-604.txt');
    assert.deepStrictEqual(b.letters.map((l) => l.date), ['2024-06-27']);
    assert.strictEqual(squash(textOf(b, b.letters[0].mentions[0])), 'Verzamelbrief justitiële jeugd van 27 juni jl.');
  });

  it('does not date an anaphoric mention from another sentence: deze brief', () => {
    const a = analyzeFixture('official/ah-tk-20242025-584.txt');
    assert.deepStrictEqual(a.letters, []);
  });

  describe('a letter word with words before its date', () => {
    const page = (answer: string) => `Kamervraag 2022Z09875\n\nTitel\n\nIngediend 19 mei 2022\nBeantwoord 18 juli 2022 (na 60 dagen)\n • Vraag 1\n  Vraag?\n\n  ${answer}\n`;
    const lettersOf = (answer: string) => analyze(page(answer)).letters.map((l) => [l.date, squash(textOf(analyze(page(answer)), l.mentions[0]))]);

    it('reads brief/Kamerbrief/Verzamelbrief + subject + van|op|gedateerd + a full date', () => {
      assert.deepStrictEqual(lettersOf('Zie de Kamerbrief over de voortgang van het programma X van 3 maart 2023.'),
        [['2023-03-03', 'Kamerbrief over de voortgang van het programma X van 3 maart 2023']]);
      assert.deepStrictEqual(lettersOf('Zie ook de Verzamelbrief dierenwelzijn gezelschapsdieren van Minister Adema van Landbouw, Natuur en Voedselkwaliteit van 24 januari 2024 (Kamerstuk 28 286, nr. 1255).'),
        [['2024-01-24', 'Verzamelbrief dierenwelzijn gezelschapsdieren van Minister Adema van Landbouw, Natuur en Voedselkwaliteit van 24 januari 2024']]);
      assert.deepStrictEqual(lettersOf('Zij zijn beantwoord middels een brief over Ambtelijke analyses hoofdlijnenakkoord (36 471-64) op 7 juni 2024, samen met de eerdere vragen (ingezonden 30 mei 2024).'),
        [['2024-06-07', 'brief over Ambtelijke analyses hoofdlijnenakkoord (36 471-64) op 7 juni 2024']]);
      assert.deepStrictEqual(lettersOf('In de voortgangsbrief over het Actieplan gedateerd 12 april 2022 staat het.'),
        [['2022-04-12', 'voortgangsbrief over het Actieplan gedateerd 12 april 2022']]);
      assert.deepStrictEqual(lettersOf('Zie de brief vanuit de Raad van State van 3 juni jl. hierover.'), [['2022-06-03', 'brief vanuit de Raad van State van 3 juni jl.']]);
      assert.deepStrictEqual(lettersOf('Zie de brief over de voortgang van 3 juni jl. hierover.'), [['2022-06-03', 'brief over de voortgang van 3 juni jl.']]);
      // Windows line ends, and a subject that wraps onto the next line.
      const crlf = analyze(page('Zie de Kamerbrief over de voortgang\nvan het programma X van 3 maart 2023.').replace(/\n/g, '\r\n'));
      assert.deepStrictEqual(crlf.letters.map((l) => l.date), ['2023-03-03']);
    });

    it('does not turn a date of something else into a letter date', () => {
      // Undated mentions make no letter. No letter word; a dated debate, report or reaction named after the letter; a bare day and month.
      assert.deepStrictEqual(lettersOf('Het bericht van 3 maart 2022 is helder.'), []);
      assert.deepStrictEqual(lettersOf('Ik stuur u een brief over het debat van 3 maart 2022.'), []);
      assert.deepStrictEqual(lettersOf('Ik stuur u een brief over de kabinetsreactie op het rapport van 3 maart 2022.'), []);
      assert.deepStrictEqual(lettersOf('Ik stuur u een brief over de voortgang van 3 maart.'), []);
      // A date after a clause word, beyond the sentence end, or beyond twenty words.
      assert.deepStrictEqual(lettersOf('U ontvangt een brief over de voortgang zodat u vanaf 3 maart 2022 weet hoe het staat.'), []);
      assert.deepStrictEqual(lettersOf('U ontvangt een brief over de voortgang. Van 3 maart 2022 tot nu ging het goed.'), []);
      const far = 'Ik stuur u een brief over ' + 'de voortgang van het grote programma X '.repeat(4) + 'van 3 maart 2022.';
      assert.deepStrictEqual(lettersOf(far), []);
      // A second letter word in between: the date is the second letter's.
      assert.deepStrictEqual(lettersOf('In de brief over de Kamerbrief van 3 maart 2022 staat het.').map((l) => l[1]), ['Kamerbrief van 3 maart 2022']);
    });
  });

  describe('letters in the plural and split by OCR', () => {
    const page = (answer: string, submitted = '19 mei 2022', answered = '18 juli 2022') =>
      `Kamervraag 2022Z09875\n\nTitel\n\nIngediend ${submitted}\nBeantwoord ${answered} (na 60 dagen)\n • Vraag 1\n  Vraag?\n\n  ${answer}\n`;
    const lettersOf = (answer: string, submitted?: string, answered?: string) => {
      const a = analyze(page(answer, submitted, answered));
      return a.letters.map((l) => [l.date, squash(textOf(a, l.mentions[0]))]);
    };

    it('reads one letter per date of brieven van … en …, also with the OCR hyphen inside the word', () => {
      assert.deepStrictEqual(lettersOf('Het bureau heeft zich in brie-ven van 17 december 1979 en 2 januari 1980 gewend tot mij.', '31 januari 1980', '18 februari 1980'),
        [['1979-12-17', 'brie-ven van 17 december 1979'], ['1980-01-02', '2 januari 1980']]);
      assert.deepStrictEqual(lettersOf('Zie de Kamerbrieven van 3 maart 2022 en 5 april 2022.'),
        [['2022-03-03', 'Kamerbrieven van 3 maart 2022'], ['2022-04-05', '5 april 2022']]);
      assert.deepStrictEqual(lettersOf('In mijn brieven van 3, 10 en 17 mei 2022 staat het.').map((l) => l[0]), ['2022-05-03', '2022-05-10', '2022-05-17']);
      assert.deepStrictEqual(lettersOf('De brieven over de voortgang van 3 en 5 maart 2022 zijn helder.').map((l) => l[0]), ['2022-03-03', '2022-03-05']);
      // A real line break after the hyphen.
      assert.deepStrictEqual(lettersOf('Zie de brie-\n  ven van 3 maart 2022.').map((l) => l[0]), ['2022-03-03']);
      // A hyphen inside a singular compound: the mention covers the whole word.
      assert.deepStrictEqual(lettersOf('De Kamer-brief van 3 maart 2022 is helder.'), [['2022-03-03', 'Kamer-brief van 3 maart 2022']]);
    });

    it('does not make letters of a notitie, of undated letters, or of a date after the list', () => {
      assert.deepStrictEqual(lettersOf('Met referte aan de notitie van 25 juni 1990 en het overleg van 4 juli 1990.', '2 oktober 1990', '12 oktober 1990'), []);
      assert.deepStrictEqual(lettersOf('De brieven die ik kreeg, zijn op 3 maart 2022 besproken.'), []);
      assert.deepStrictEqual(lettersOf('De brieven van 3 maart 2022 en het rapport van 5 april 2022 zijn er.').map((l) => l[0]), ['2022-03-03']);
      assert.deepStrictEqual(lettersOf('Zij schreven brieven. Op 3 maart 2022 kwam het rapport.'), []);
      assert.deepStrictEqual(lettersOf('De luchtpostbrieven van 3 maart 2022 kwamen aan.'), []);
    });

    it('reads a letter cited in a footnote text: sender, Brief/Kamerbrief with its subject, date', () => {
      const text = ['Vragen van het lid Podt (D66) aan de minister van Justitie over boetes (ingezonden 3 september 2023).', '',
        'Vraag 1', 'Kent u de brief over de boete[1] en de Kamerbrief over de voortgang[2]? En de brief[3]?', '', 'Antwoord op vraag 1', 'Ja.', '',
        '[1] Autoriteit Persoonsgegevens, Brief over de AVG-boete, 12 mei 2023.',
        '[2] Ministerie van Justitie en Veiligheid, Kamerbrief inzake de voortgang, Kamerstuk 31 293, nr. 700, 3 juli 2023.',
        '[3] Brief van de minister van Financiën, 14 augustus 2023.', ''].join('\n');
      const a = analyze(text);
      assert.deepStrictEqual(a.letters.map((l) => [l.date, squash(textOf(a, l.mentions[0]))]), [
        ['2023-05-12', 'Brief over de AVG-boete, 12 mei 2023'],
        ['2023-07-03', 'Kamerbrief inzake de voortgang, Kamerstuk 31 293, nr. 700, 3 juli 2023'],
        ['2023-08-14', 'Brief van de minister van Financiën, 14 augustus 2023'],
      ]);
    });

    it('reads a citation in running text too, in brackets or after a comma', () => {
      assert.deepStrictEqual(lettersOf('Dat staat er (Kamerbrief inzake het programma, 3 juni 2022).').map((l) => l[0]), ['2022-06-03']);
      assert.deepStrictEqual(lettersOf('Ministerie van LNV, Brief over de stikstofaanpak, 1 april 2022.').map((l) => l[0]), ['2022-04-01']);
      assert.deepStrictEqual(lettersOf('Ministerie van LNV; Verzamelbrief dierenwelzijn, 27 juni jl.').map((l) => l[0]), ['2022-06-27']);
    });

    it('does not read a comma and a date of a sentence as a citation', () => {
      // Not the first word of an element, a clause in between, a bare day and month, another sentence.
      assert.deepStrictEqual(lettersOf('Ik heb de brief, met bijlagen, 3 maart 2022 verstuurd.'), []);
      assert.deepStrictEqual(lettersOf('Brief over de boete die is opgelegd, 3 maart 2022.'), []);
      assert.deepStrictEqual(lettersOf('Brief over de boete, 3 maart.'), []);
      assert.deepStrictEqual(lettersOf('Brief over de boete. Rapport over de AVG, 3 maart 2022.'), []);
      assert.deepStrictEqual(lettersOf('Brief over de boete, zie 3 maart 2022.'), []);
      // A letter word first on a line that a sentence wraps onto opens no element.
      assert.deepStrictEqual(lettersOf('Dat staat in de\n  Kamerbrief over de uitvoering, 3 maart 2022 is dat bekend.'), []);
      assert.deepStrictEqual(lettersOf('Dat staat er.\n  Kamerbrief over de uitvoering, 3 maart 2022.').map((l) => l[0]), ['2022-03-03']);
    });
  });

  it('stays linear on repeated plural letter words, lists of dates and citation elements', function () {
    this.timeout(300000);
    const MB = 1 << 20;
    /** Each piece repeated to fill a megabyte, then `van 3 maart 2022.`: with the letters (distinct dates) the whole text holds. */
    const inputs: Record<string, [piece: string, letters: number]> = {
      // The last `en van 3 maart 2022` is no date of the list.
      'a list of letters': ['brieven van 1 mei 2022 en ', 1],
      'plural words, one date at the end': ['brie-ven ', 1],
      'citation elements': ['Brief over de boete, ', 1],
      'citations': ['Brief over de boete, 1 mei 2022, ', 1],
      'dates only': ['1 mei 2022, ', 0],
    };
    for (const [name, [piece, letters]] of Object.entries(inputs)) {
      const text = piece.repeat(Math.floor(MB / piece.length)) + 'van 3 maart 2022.';
      const t0 = Date.now();
      const a = analyze(text);
      const ms = Date.now() - t0;
      if (process.env.KAMERVRAAG_VERBOSE) console.log(`      ${name}: ${ms} ms`);
      // Linear work on 1 MB takes a second or two; a quadratic scan takes hours.
      assert.ok(ms < 60000, `${name}: ${ms} ms`);
      assert.strictEqual(a.letters.length, letters, name);
    }
  });
});
