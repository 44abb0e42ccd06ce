import * as assert from 'assert';
import { analyze } from '../../server/src/model/analysis';
import { correctYear, inferYear } from '../../server/src/model/dates';
import { analyzeFixture, squash, textOf } from './util';

/** A one-question openkamer page around `answer`, so that year-less dates have a document date. */
function page(answer: string, submitted = '19 mei 2022', answered = '18 juli 2022'): string {
  return `Kamervraag 2022Z09875\n\nTitel\n\nIngediend ${submitted}\nBeantwoord ${answered} (na 60 dagen)\n • Vraag 1\n  Vraag?\n\n  ${answer}\n`;
}

function datesOf(answer: string): string[] {
  return analyze(page(answer)).dates.slice(2).map((d) => d.date);
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

  it('corrects a year with a digit too many towards the document year', () => {
    assert.strictEqual(correctYear('20022', 2022), 2022);
    assert.strictEqual(correctYear('20195', 2022), 2019);
    assert.strictEqual(correctYear('99999', 2022), null);
  });
});
