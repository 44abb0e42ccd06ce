import * as assert from 'assert';
import { analyze } from '../../server/src/model/analysis';
import { toIso } from '../../server/src/model/calendar';
import { correctYear, inferYear } from '../../server/src/model/dates';
import { analyzeFixture, squash, textOf } from './util';

/** A one-question openkamer page around `answer`, so that year-less dates have a document date. */
function page(answer: string, submitted = '19 mei 2022', answered = '18 juli 2022'): string {
  return `Kamervraag 2022Z09875\n\nTitel\n\nIngediend ${submitted}\nBeantwoord ${answered} (na 60 dagen)\n • Vraag 1\n  Vraag?\n\n  ${answer}\n`;
}

function datesOf(answer: string): string[] {
  return analyze(page(answer)).dates.slice(2).map((d) => d.date);
}

/** The dates of `answer` in a set sent and answered in October 1990 (an archive year), with their texts. */
function datesIn1990(answer: string): [string, string][] {
  const a = analyze(page(answer, '2 oktober 1990', '12 oktober 1990'));
  return a.dates.slice(2).map((d) => [d.date, squash(textOf(a, d))]);
}

describe('dates', () => {
  it('reads the dates of the reference sample in document order, glued marker and typo included', () => {
    const a = analyzeFixture('openkamer/kv-2022Z09875.txt');
    assert.strictEqual(a.dates.length, 34);
    const byText = new Map(a.dates.map((d) => [squash(d.text), d.date]));
    assert.strictEqual(byText.get('20 maart 2019'), '2019-03-20');
    assert.strictEqual(byText.get('29 juni 20022'), '2022-06-29');
    assert.strictEqual(byText.get('19 mei jongstleden'), '2022-05-19');
    assert.strictEqual(byText.get('dinsdag 24 mei 2022'), '2022-05-24');
    // `19 mei` without a year, in the answer of a 2022 set.
    const bare = a.dates.find((d) => squash(d.text) === '19 mei');
    assert.ok(bare && bare.inferredYear && bare.date === '2022-05-19');
  });

  it('splits a footnote marker off a year: 20195 is 2019 and marker 5', () => {
    const a = analyzeFixture('openkamer/kv-2022Z09875.txt');
    const d = a.dates.find((x) => x.date === '2019-03-20');
    assert.ok(d);
    assert.strictEqual(squash(textOf(a, d)), '20 maart 2019');
    const marker = a.footnotes.find((f) => f.number === 5);
    assert.ok(marker);
    assert.strictEqual(marker.span.start, d.span.end);
    assert.strictEqual(a.text.slice(marker.span.start, marker.span.end), '5');
  });

  it('reports 29 juni 20022 as a typo with the fix 2022, on the year only', () => {
    const a = analyzeFixture('openkamer/kv-2022Z09875.txt');
    const diag = a.diagnostics.find((d) => d.code === 'year-typo');
    assert.ok(diag);
    assert.strictEqual(a.text.slice(diag.span.start, diag.span.end), '20022');
    assert.strictEqual(diag.severity, 'error');
    assert.ok(diag.fix);
    assert.strictEqual(diag.fix.edits[0].newText, '2022');
    assert.match(diag.message.nl, /20022/);
  });

  it('reads numeric dates, glued years and relative words', () => {
    assert.deepStrictEqual(datesOf('Zie het bericht (12-10-2023) en 24/05/2022.'), ['2023-10-12', '2022-05-24']);
    assert.deepStrictEqual(datesOf('Op 5 juni jl. en 3 juni a.s. spraken wij.'), ['2022-06-05', '2023-06-03']);
    assert.deepStrictEqual(datesOf('per 1 septemberjongstleden gaat het in'), ['2021-09-01']);
    assert.deepStrictEqual(datesOf('(ontvangen 18 november2024)'), ['2024-11-18']);
    assert.deepStrictEqual(datesOf('op 18 en 25 mei 2022'), ['2022-05-18', '2022-05-25']);
    // PDF text glues the day to the word before it.
    assert.deepStrictEqual(datesOf('de brief van21 oktober 2021 en vrijdag18 juni'), ['2021-10-21', '2022-06-18']);
    assert.deepStrictEqual(datesOf('bij brief2 van 3 juni'), ['2022-06-03']);
  });

  it('reads a comma list of days only when a conjunction joins its last day; a range needs none', () => {
    assert.deepStrictEqual(datesOf('op 24, 25 en 26 maart 2024'), ['2024-03-24', '2024-03-25', '2024-03-26']);
    assert.deepStrictEqual(datesOf('op 24 en 26 maart 2024'), ['2024-03-24', '2024-03-26']);
    assert.deepStrictEqual(datesOf('op 24 of 25 maart 2024'), ['2024-03-24', '2024-03-25']);
    assert.deepStrictEqual(datesOf('op 3, 10 of 17 juni 2024'), ['2024-06-03', '2024-06-10', '2024-06-17']);
    assert.deepStrictEqual(datesOf('van 24-26 maart 2024'), ['2024-03-24', '2024-03-26']);
    assert.deepStrictEqual(datesOf('van 24 t/m 26 maart 2024'), ['2024-03-24', '2024-03-26']);
    // A news outlet's name before the date: one date, the number before the comma is no day.
    assert.deepStrictEqual(datesOf('Schiedam 24, 26 maart 2024, \u2018Politie legt hondentraining stil\u2019'), ['2024-03-26']);
    assert.deepStrictEqual(datesOf('Omroep 24, 3 juni, een bericht'), ['2022-06-03']);
    assert.deepStrictEqual(datesOf('punt 2, 4, 9 mei 2023'), ['2023-05-09']);
    const a = analyze(page('Schiedam 24, 26 maart 2024, een bericht.'));
    const d = a.dates[a.dates.length - 1];
    assert.strictEqual(textOf(a, d), '26 maart 2024');
    // Windows line ends change nothing.
    const crlf = analyze(page('Schiedam 24, 26 maart 2024 en 24, 25 en 26 mei 2024.').replace(/\n/g, '\r\n'));
    assert.deepStrictEqual(crlf.dates.slice(2).map((x) => x.date), ['2024-03-26', '2024-05-24', '2024-05-25', '2024-05-26']);
  });

  it('does not read month-year, vergaderjaar, numbers in URLs or document ids as dates', () => {
    assert.deepStrictEqual(datesOf('In juni 2022, vergaderjaar 2024–2025, https://fd.nl/nieuws/2024/11/13/economieblog-13-november-2-a4872876 en 2024D42030.'), []);
  });

  it('treats a no-break space like a space', () => {
    assert.deepStrictEqual(datesOf('brief van 18\u00a0mei\u00a02022'), ['2022-05-18']);
  });

  it('checks a weekday against its date', () => {
    const a = analyze(page('Kunt u voor woensdag 24 mei 2022 antwoorden?'));
    const d = a.diagnostics.find((x) => x.code === 'weekday-mismatch');
    assert.ok(d);
    assert.strictEqual(a.text.slice(d.span.start, d.span.end), 'woensdag');
    assert.match(d.message.nl, /dinsdag/);
    assert.strictEqual(analyze(page('Kunt u voor dinsdag 24 mei 2022 antwoorden?')).diagnostics.filter((x) => x.code === 'weekday-mismatch').length, 0);
  });

  it('rejects impossible calendar dates with a warning', () => {
    const a = analyze(page('Op 31 juni 2022 gebeurde het.'));
    assert.strictEqual(a.dates.length, 2);
    assert.ok(a.diagnostics.some((d) => d.code === 'invalid-date'));
  });

  it('infers the nearest year, the last one for jl. and the next one for a.s.', () => {
    assert.strictEqual(inferYear(1, 12, null, '2024-11-18'), 2024);
    assert.strictEqual(inferYear(23, 10, 'past', '2024-11-18'), 2024);
    assert.strictEqual(inferYear(12, 12, null, '2025-01-10'), 2024);
    assert.strictEqual(inferYear(3, 1, 'future', '2024-12-20'), 2025);
    assert.strictEqual(inferYear(29, 2, null, '2023-03-01'), 2024);
  });

  it('reads jl. back from the latest written date of a text without header dates; a bare date from the middle of its year', () => {
    const dated = (text: string) => analyze(text).dates.map((d) => d.date);
    assert.deepStrictEqual(dated('Vragen over het betalingsverkeer. (Ingezonden 2 oktober 1990)\n\nDe Volkskrant van 29 september jl. schreef het.\n'),
      ['1990-10-02', '1990-09-29']);
    assert.deepStrictEqual(dated('Het bericht van 2 oktober 1990 en 12 oktober 1990 is bekend.\n\nVan 29 september jl. tot nu is het rustig.\n'),
      ['1990-10-02', '1990-10-12', '1990-09-29']);
    // `a.s.` and a bare date are read as before: 5 maart a.s. after the middle of 2023, 12 januari nearest to it.
    assert.deepStrictEqual(dated('Op 1 maart 2023 en op 3 november 2023 is vergaderd. Sinds 20 oktober jl. is het rustig, en op 5 maart a.s. volgt meer; 12 januari blijft.\n'),
      ['2023-03-01', '2023-11-03', '2023-10-20', '2024-03-05', '2023-01-12']);
  });

  it('writes ISO dates, kept or not, and a month or day out of range as given', () => {
    assert.strictEqual(toIso(2022, 5, 18), '2022-05-18');
    assert.strictEqual(toIso(987, 1, 2), '0987-01-02');
    assert.strictEqual(toIso(2022, 5, 18), '2022-05-18', 'the kept one');
    // A month or day out of range is written as given, not read as another date with the same key.
    assert.strictEqual(toIso(2021, 101, 5), '2021-101-05');
    assert.strictEqual(toIso(2022, 11, 5), '2022-11-05');
    assert.strictEqual(toIso(2022, 2, 31), '2022-02-31');
  });

  it('reads a bare date in a text without header dates by the year most dates write, the later of two that tie', () => {
    const dated = (text: string) => analyze(text).dates.map((d) => d.date);
    assert.deepStrictEqual(dated('Op 3 maart 2021, 4 maart 2021, 5 mei 2023 en 6 mei 2023 is vergaderd; 12 januari volgt.\n').slice(4), ['2023-01-12']);
    assert.deepStrictEqual(dated('Op 3 maart 2021, 4 maart 2021, 9 maart 2021, 5 mei 2023 en 6 mei 2023 is vergaderd; 12 januari volgt.\n').slice(5), ['2021-01-12']);
    // Years before 1900 set no document year, however often written.
    assert.deepStrictEqual(dated('Op 1 juni 1850, 2 juni 1850, 3 juni 1850 en 5 mei 2023 gebeurde het; 12 januari volgt.\n').slice(4), ['2023-01-12']);
  });

  it('corrects a year with a digit too many towards the document year', () => {
    assert.strictEqual(correctYear('20022', 2022), 2022);
    assert.strictEqual(correctYear('20195', 2022), 2019);
    assert.strictEqual(correctYear('99999', 2022), null);
  });

  describe('the year that the sentence states: In 2021 is op 2 maart …', () => {
    it('gives the dates without a year after `in 2021` or `in het jaar 2019` the year of their sentence', () => {
      assert.deepStrictEqual(datesOf('In 2021 is op 2 maart en op 9 april vergaderd.'), ['2021-03-02', '2021-04-09']);
      assert.deepStrictEqual(datesOf('In het jaar 2019 werd op 5 juni besloten.'), ['2019-06-05']);
      assert.deepStrictEqual(datesOf('Het kabinet heeft in 2020, na overleg op 14 oktober, besloten.'), ['2020-10-14']);
      assert.deepStrictEqual(datesOf('De cijfers zijn bekend; in 2018 was op 30 november de piek.'), ['2018-11-30']);
      // A second statement in the sentence takes over from the first.
      assert.deepStrictEqual(datesOf('In 2021 is op 3 maart en in 2019 op 5 april vergaderd.'), ['2021-03-03', '2019-04-05']);
      // A written year of the same value keeps the statement.
      assert.deepStrictEqual(datesOf('In 2021 is op 3 maart 2021 en op 5 april vergaderd.'), ['2021-03-03', '2021-04-05']);
    });

    it('states no year for a list, a range, a period, another sentence, a written year or an amount in between, or jl.', () => {
      // The document's year (2022) is what these dates get.
      assert.deepStrictEqual(datesOf('In 2021 en 2022 is op 3 maart vergaderd.'), ['2022-03-03']);
      assert.deepStrictEqual(datesOf('In 2020 en in 2021 is op 3 maart vergaderd.'), ['2022-03-03']);
      assert.deepStrictEqual(datesOf('In 2020 t/m 2021 is op 3 maart vergaderd.'), ['2022-03-03']);
      assert.deepStrictEqual(datesOf('In 2020-2021 is op 3 maart vergaderd.'), ['2022-03-03']);
      assert.deepStrictEqual(datesOf('In 2020 – 2021 is op 3 maart vergaderd.'), ['2022-03-03']);
      assert.deepStrictEqual(datesOf('Sinds 2020 wordt op 3 maart vergaderd.'), ['2022-03-03']);
      assert.deepStrictEqual(datesOf('Vanaf 2019 wordt op 3 maart vergaderd.'), ['2022-03-03']);
      assert.deepStrictEqual(datesOf('In 2021 is vergaderd. Op 3 maart ook.'), ['2022-03-03']);
      assert.deepStrictEqual(datesOf('In 2021 is vergaderd\n\n  op 3 maart ook.'), ['2022-03-03']);
      assert.deepStrictEqual(datesOf('In 2021 is op 3 maart 2020 en op 5 april vergaderd.'), ['2020-03-03', '2022-04-05']);
      assert.deepStrictEqual(datesOf('In 2021 kwamen 1950 mensen op 3 maart bijeen.'), ['2022-03-03']);
      assert.deepStrictEqual(datesOf('In 2021D42030 staat op 3 maart iets.'), ['2022-03-03']);
      assert.deepStrictEqual(datesOf('In 2021 is op 2 maart jl. vergaderd.'), ['2022-03-02']);
      // A day that the stated year does not have is read as before.
      assert.deepStrictEqual(datesOf('In 2019 werd op 29 februari gestemd.'), []);
    });
  });

  describe('the year that a table gives its cells', () => {
    it('gives the cells under a line that is only a year that year, up to the next year line', () => {
      assert.deepStrictEqual(datesOf('Overzicht\n2023\n12 maart\n3 april overleg\n2021\n5 mei'), ['2023-03-12', '2023-04-03', '2021-05-05']);
      // The next year line is no year of the cell above it.
      assert.deepStrictEqual(datesOf('2019\n12 maart\n3 april\n2020\n5 mei'), ['2019-03-12', '2019-04-03', '2020-05-05']);
      assert.deepStrictEqual(datesOf('2019:\n1 februari\n15 februari'), ['2019-02-01', '2019-02-15']);
      const weekdays = analyze(page('2021\ndinsdag 2 maart\nwoensdag 3 maart'));
      assert.deepStrictEqual(weekdays.dates.slice(2).map((d) => [d.date, d.weekday?.matches]), [['2021-03-02', true], ['2021-03-03', true]]);
    });

    it('gives a row headed by its year that year', () => {
      assert.deepStrictEqual(datesOf('2021 12 maart 3 april\n2020 5 mei 6 juni'), ['2021-03-12', '2021-04-03', '2020-05-05', '2020-06-06']);
      // A row without a year of its own under a row with one is not in a column.
      assert.deepStrictEqual(datesOf('2021 12 maart 3 april\n5 mei'), ['2021-03-12', '2021-04-03', '2022-05-05']);
    });

    it('does not take a wrapped sentence, a blank line or a line of text for a table', () => {
      assert.deepStrictEqual(datesOf('Dat gebeurt sinds\n2021\n12 maart elk jaar.'), ['2022-03-12']);
      assert.deepStrictEqual(datesOf('vergaderjaar 2020-\n2021\n12 maart is het.'), ['2022-03-12']);
      assert.deepStrictEqual(datesOf('2021\n\n  12 maart'), ['2022-03-12']);
      assert.deepStrictEqual(datesOf('2021\n12 maart\nDaarna volgde op 3 april het debat.'), ['2021-03-12', '2022-04-03']);
      assert.deepStrictEqual(datesOf('2021\n12 maart 2020\n3 april'), ['2020-03-12', '2022-04-03']);
      // A year that ends a wrapped date stays its year.
      assert.deepStrictEqual(datesOf('Dat was op 3 april\n2021 al bekend.'), ['2021-04-03']);
    });
  });

  describe('dates damaged by OCR and text extraction', () => {
    it('reads a numeric day and month with the year after a space: 14-6 1984', () => {
      assert.deepStrictEqual(datesIn1990('op 14-6 1984 gebeurde het'), [['1984-06-14', '14-6 1984']]);
      assert.deepStrictEqual(datesIn1990('(ontvangen 3/11 1989)'), [['1989-11-03', '3/11 1989']]);
      assert.deepStrictEqual(datesIn1990('de brief van 1-2 1985, nr. 4'), [['1985-02-01', '1-2 1985']]);
    });

    it('reads no date in 14-6 alone, a longer run of numbers, an impossible month or a year on the next line', () => {
      assert.deepStrictEqual(datesIn1990('de stand was 14-6 en daarna 3-1.'), []);
      assert.deepStrictEqual(datesIn1990('nummer 3-14-6 1984'), []);
      assert.deepStrictEqual(datesIn1990('de periode 14-6 1984-1985'), []);
      assert.deepStrictEqual(datesIn1990('kenmerk 14-13 1984'), []);
      const phone = analyze(page('Bel 06-12 3456 of 06-12 1234.'));
      assert.deepStrictEqual([phone.dates.length, phone.diagnostics.filter((d) => d.code === 'implausible-year').length], [2, 0]);
      assert.deepStrictEqual(datesIn1990('artikel 14-6\n1984 is het jaar'), []);
      assert.deepStrictEqual(datesIn1990('In mijn brief, kenmerk HW/WO/UB-805.453, staat het.'), []);
    });

    it('joins a day that OCR split in two after a word that introduces a date: (Ingezonden 2 8 april 1981)', () => {
      assert.deepStrictEqual(datesIn1990('(Ingezonden 2 8 april 1981)'), [['1981-04-28', '2 8 april 1981']]);
      assert.deepStrictEqual(datesIn1990('op 1 2 mei 1982 is het besloten'), [['1982-05-12', '1 2 mei 1982']]);
      assert.deepStrictEqual(datesIn1990('(Ontvan-gen 3 0 juni 1983)'), [['1983-06-30', '3 0 juni 1983']]);
      assert.deepStrictEqual(datesIn1990('Bij brief van 1 5 maart 1984 vroeg ik'), [['1984-03-15', '1 5 maart 1984']]);
      const a = analyze(page('Op dinsdag 1 2 mei 1981 was het zover.'));
      assert.deepStrictEqual(a.dates.slice(2).map((d) => [d.date, d.weekday?.matches]), [['1981-05-12', true]]);
    });

    it('keeps split digits apart where the first can be something else: a question number, an article, a table', () => {
      assert.deepStrictEqual(datesIn1990('Ja. 2 8 augustus is de datum.'), [['1990-08-08', '8 augustus']]);
      assert.deepStrictEqual(datesIn1990('artikel 3 4 mei 1981'), [['1981-05-04', '4 mei 1981']]);
      assert.deepStrictEqual(datesIn1990('tabel 1 2 8 april 1981'), [['1981-04-08', '8 april 1981']]);
      assert.deepStrictEqual(datesIn1990('op 4 5 mei 1981'), [['1981-05-05', '5 mei 1981']]);
      assert.deepStrictEqual(datesIn1990('op 2\n8 april 1981'), [['1981-04-08', '8 april 1981']]);
    });

    it('reads a date glued to the word before it or with the month glued to the day', () => {
      assert.deepStrictEqual(datesIn1990('(Ingezonden3maart 1981)'), [['1981-03-03', '3maart 1981']]);
      assert.deepStrictEqual(datesIn1990('(Ingezon-den3maart 1981)'), [['1981-03-03', '3maart 1981']]);
      assert.deepStrictEqual(datesIn1990('(!nge-zonden23juli 1981)'), [['1981-07-23', '23juli 1981']]);
      assert.deepStrictEqual(datesIn1990('per31 december 1993 vervalt'), [['1993-12-31', '31 december 1993']]);
      assert.deepStrictEqual(datesIn1990('(Ingezonden 16april 1992)'), [['1992-04-16', '16april 1992']]);
      assert.deepStrictEqual(datesIn1990('het overleg op 23juli was kort'), [['1990-07-23', '23juli']]);
      assert.deepStrictEqual(datesIn1990('op 4 december1982 en 5 mei1983'), [['1982-12-04', '4 december1982'], ['1983-05-05', '5 mei1983']]);
      assert.deepStrictEqual(datesIn1990('(Ingezonden 16 maart 1990}'), [['1990-03-16', '16 maart 1990']]);
    });

    it('reads no date in a day glued on both sides without a year, a glued abbreviation or a month too damaged', () => {
      assert.deepStrictEqual(datesIn1990('(Ingezonden3maart)'), []);
      assert.deepStrictEqual(datesIn1990('op 3mrt 1981'), []);
      assert.deepStrictEqual(datesIn1990('(Ingezonden 22 septenv ber1982)'), []);
    });

    it('reads a year that OCR split in two, near the document year: 4 juli 1 990', () => {
      assert.deepStrictEqual(datesIn1990('het overleg van 4 juli 1 990, roep ik'), [['1990-07-04', '4 juli 1 990']]);
      assert.deepStrictEqual(datesIn1990('het overleg van 4 juli 19 90 en meer'), [['1990-07-04', '4 juli 19 90']]);
      assert.deepStrictEqual(datesIn1990('(Ingezonden 28 september 198 9)'), [['1989-09-28', '28 september 198 9']]);
      assert.deepStrictEqual(datesIn1990('op 18 en 25 mei 1 991.'), [['1991-05-18', '18'], ['1991-05-25', '25 mei 1 991']]);
    });

    it('does not read an amount after a date as its year', () => {
      // An amount far from the document year: the date keeps the document's year.
      assert.deepStrictEqual(datesOf('per 1 juni 1 950 euro'), ['2022-06-01']);
      assert.deepStrictEqual(datesIn1990('op 4 juli 1 990 000 gulden'), [['1990-07-04', '4 juli']]);
      assert.deepStrictEqual(datesIn1990('op 4 juli 19 90-jarigen'), [['1990-07-04', '4 juli']]);
      assert.deepStrictEqual(datesIn1990('op 4 juli 1 990woningen'), [['1990-07-04', '4 juli']]);
      assert.deepStrictEqual(datesIn1990('op 4 juli 3 990 woningen'), [['1990-07-04', '4 juli']]);
      assert.deepStrictEqual(datesIn1990('Er zijn 1 990 woningen en f 668 828 uitgegeven.'), []);
    });
  });

  it('stays linear on repeated years, table lines, split digits and glued dates', function () {
    this.timeout(300000);
    const MB = 1 << 20;
    /** Each piece repeated to fill a megabyte, with the dates each piece holds. */
    const inputs: Record<string, [piece: string, dates: number]> = {
      'stated years, one sentence': ['In 2021 is op 3 maart en ', 1],
      'stated years, no date': ['in 2021 en in ', 0],
      'year lines': ['2021\n12 maart\n', 1],
      'year rows': ['2021 12 maart 3 april\n', 2],
      'split digits': ['op 2 8 ', 0],
      // A written date gives the text its year: the split years near it are believed.
      'split years': ['4 juli 1 990, 2 oktober 1990, ', 2],
      'numeric, spaced year': ['14-6 1984 ', 1],
      'glued both sides': ['Ingezonden3maart ', 0],
      'digits and spaces': ['1 ', 0],
    };
    for (const [name, [piece, perPiece]] of Object.entries(inputs)) {
      const n = Math.floor(MB / piece.length);
      const t0 = Date.now();
      const a = analyze(piece.repeat(n));
      const ms = Date.now() - t0;
      if (process.env.KAMERVRAAG_VERBOSE) console.log(`      ${name}: ${ms} ms`);
      // Linear work on 1 MB takes a second or two; a quadratic scan takes hours.
      assert.ok(ms < 60000, `${name}: ${ms} ms`);
      assert.strictEqual(a.dates.length, n * perPiece, name);
    }
  });
});
