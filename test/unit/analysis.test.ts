import * as assert from 'assert';
import { analysisFields, analyze } from '../../server/src/model/analysis';
import { computeDeadlines } from '../../server/src/model/deadlines';
import { LineIndex, type Span } from '../../server/src/model/text';
import { analyzeFixture, fixtureText } from './util';

describe('analysis', () => {
  it('computes the answer terms of the sample and reports the late answer', () => {
    const a = analyzeFixture('openkamer/kv-2022Z09875.txt');
    assert.deepStrictEqual(a.deadlines, {
      submitted: '2022-05-19', regularDays: 21, extendedDays: 42, regular: '2022-06-09', extended: '2022-06-30', applicable: '2022-06-30',
      noticeGiven: true, answered: '2022-07-18', daysTaken: 60, daysLate: 18, late: true,
    });
    const late = a.diagnostics.find((d) => d.code === 'late-answer')!;
    assert.strictEqual(late.severity, 'information');
    assert.strictEqual(late.range.start.line, 5);
    assert.match(late.message.nl, /18 dagen te laat/);
    assert.match(late.message.nl, /30 juni 2022/);
    assert.match(late.message.en, /18 days late/);
    // The stated day count is right: no diagnostic.
    assert.ok(!a.diagnostics.some((d) => d.code === 'day-count-mismatch'));
  });

  it('reports a wrong day count with a certain fix', () => {
    const text = fixtureText('openkamer/kv-2022Z09875.txt').replace('(na 60 dagen)', '(na 61 dagen)');
    const a = analyze(text);
    const d = a.diagnostics.find((x) => x.code === 'day-count-mismatch')!;
    assert.ok(d);
    assert.strictEqual(a.text.slice(d.span.start, d.span.end), '(na 61 dagen)');
    assert.strictEqual(d.fix!.edits[0].newText, '(na 60 dagen)');
    assert.strictEqual(d.related.length, 1);
  });

  it('uses the three-week term without a delay notice', () => {
    const d = computeDeadlines('2024-11-19', '2024-11-20', false)!;
    assert.strictEqual(d.applicable, '2024-12-10');
    assert.strictEqual(d.late, false);
    assert.strictEqual(d.daysLate, 0);
    assert.strictEqual(computeDeadlines('2024-10-25', null, true)!.late, null);
  });

  it('reports questions without an answer in an answered set', () => {
    const text = fixtureText('openkamer/kv-2022Z09875.txt').replace('\n  Zie antwoord vraag 12.\n', '\n');
    const a = analyze(text);
    const d = a.diagnostics.filter((x) => x.code === 'unanswered-question');
    assert.strictEqual(d.length, 1);
    assert.strictEqual(a.text.slice(d[0].span.start, d[0].span.end), 'Vraag 13');
  });

  it('makes the ranges of the elements of a list when the list is first read, each from its span', () => {
    const copy = (k: number) => `Vraag ${k}\nKent u het bericht van 3 mei 2022?\n\nAntwoord ${k}\nJa. Zie ook de brief van 4 mei 2022 en antwoord 1.\n`;
    const text = copy(1) + copy(2) + copy(3);
    const calls: number[] = [];
    const rangeOf = LineIndex.prototype.rangeOf;
    LineIndex.prototype.rangeOf = function (this: LineIndex, span: Span) {
      calls.push(span.start);
      return rangeOf.call(this, span);
    };
    try {
      const a = analyze(text);
      const made = calls.length;
      // The dates are made without ranges: reading the list makes one range for each date, once.
      const dates = a.dates;
      assert.strictEqual(dates.length, 6);
      assert.strictEqual(calls.length - made, 6);
      void a.dates;
      assert.strictEqual(calls.length - made, 6);
      // Each range is the one its span has (line 1, characters 23–33, in the first copy).
      assert.deepStrictEqual(dates[0].range, { start: { line: 1, character: 23 }, end: { line: 1, character: 33 } });
      assert.deepStrictEqual(dates[1].range, { start: { line: 4, character: 25 }, end: { line: 4, character: 35 } });
      for (const d of dates) assert.deepStrictEqual(d.range, a.lines.rangeOf(d.span));
      // Questions with their parts and answers; as JSON an analysis is all of its lists, with every range.
      for (const q of a.questions) for (const part of [q, q.heading!, q.question]) assert.deepStrictEqual(part.range, a.lines.rangeOf(part.span));
      assert.ok(!JSON.stringify(a).includes('"range":null'));
      // Its JSON and `analysisFields` give every field, the lists included, in the order of the schema.
      assert.deepStrictEqual(Object.keys(JSON.parse(JSON.stringify(a))), [
        'version', 'text', 'lines', 'layout', 'source', 'binary', 'metadata', 'headerFields', 'questions', 'answers', 'notices', 'sections',
        'dates', 'footnotes', 'references', 'letters', 'citations', 'deadlines', 'diagnostics',
      ]);
      assert.strictEqual(analysisFields(a).dates, a.dates);
    } finally {
      LineIndex.prototype.rangeOf = rangeOf;
    }
  });

  it('is deterministic and keeps the version', () => {
    const text = fixtureText('official/ah-tk-20242025-564.txt');
    const a = analyze(text, { version: 7 });
    const b = analyze(text, { version: 7 });
    assert.strictEqual(a.version, 7);
    const strip = (x: typeof a) => JSON.stringify({ ...analysisFields(x), lines: null });
    assert.strictEqual(strip(a), strip(b));
  });

  it('reads CRLF and CR line ends to the same structure, with LSP line numbers', () => {
    const lf = fixtureText('openkamer/kv-2022Z09875.txt');
    for (const eol of ['\r\n', '\r']) {
      const a = analyze(lf.replace(/\n/g, eol));
      assert.strictEqual(a.questions.length, 14);
      assert.strictEqual(a.dates.length, 34);
      assert.strictEqual(a.questions[12].range.start.line, 72);
      assert.strictEqual(a.references.filter((r) => r.scope === 'internal').length, 6);
    }
  });

  it('never throws on empty, binary-looking or half-edited text', () => {
    const sample = fixtureText('openkamer/kv-2022Z09875.txt');
    const inputs = ['', '\n', '\u0000\u0001\u00ff', 'Vraag', ' • Vraag ', 'Antwoord op vraag', '20 maart 2019', sample.slice(0, 1234), sample.slice(5000)];
    for (const t of inputs) {
      const a = analyze(t);
      for (const d of a.diagnostics) assert.ok(d.span.start >= 0 && d.span.end <= t.length);
    }
    assert.ok(analyze('').diagnostics.some((d) => d.code === 'no-questions'));
  });

  it('says so when a file is not UTF-8, or not text', () => {
    // The sample saved as Windows-1252 and read as UTF-8: every ë, ï, « and no-break space becomes U+FFFD.
    const cp1252 = new Map([['•', 0x95], ['’', 0x92], ['‘', 0x91], ['–', 0x96], ['€', 0x80]]);
    const latin1 = Buffer.from([...fixtureText('openkamer/kv-2022Z09875.txt')].map((c) => cp1252.get(c) ?? c.charCodeAt(0) & 0xff));
    const misread = new TextDecoder('utf-8').decode(latin1);
    const a = analyze(misread);
    const d = a.diagnostics.find((x) => x.code === 'encoding')!;
    assert.ok(d, 'an encoding diagnostic');
    assert.match(d.message.nl, /niet in UTF-8/);
    assert.strictEqual(a.text.slice(d.span.start, d.span.end), '\ufffd');
    assert.strictEqual(a.questions.length, 14, 'the structure is still read');
    const binary = analyze('\u0000\u0001PK\u0003\u0004'.repeat(200));
    assert.match(binary.diagnostics.find((x) => x.code === 'encoding')!.message.en, /binary/);
    // Its one warning says there is nothing to analyse; "no questions" would say it again.
    assert.deepStrictEqual(binary.diagnostics.map((x) => x.code), ['encoding']);
    assert.strictEqual(binary.binary, true);
    // Text that is merely not UTF-8 is still read, and still told when it holds no questions.
    assert.deepStrictEqual(analyze('Geen vragen hier, wel een \ufffd.').diagnostics.map((x) => x.code).sort(), ['encoding', 'no-questions']);
    const sample = analyze(fixtureText('openkamer/kv-2022Z09875.txt'));
    assert.ok(!sample.diagnostics.some((x) => x.code === 'encoding'));
    assert.strictEqual(sample.binary, false);
  });

  it('stays linear on inputs that break backtracking parsers', function () {
    this.timeout(300000);
    const MB = 1 << 20;
    const inputs = {
      digits: '1'.repeat(MB),
      vraag: 'Vraag '.repeat(MB / 6),
      glued: '20 maart 2019'.repeat(MB / 13),
      brief: 'brief van '.repeat(MB / 10),
      headings: Array.from({ length: 100000 }, (_, i) => ` • Vraag ${i + 1}\n`).join(''),
      'one 10 MB line': 'Zie antwoord vraag 12 en de brief2 van 20 maart 20195 over Kamerstuk 29 984, nr. 899; '.repeat((10 * MB) / 88),
    };
    for (const [name, text] of Object.entries(inputs)) {
      const t0 = Date.now();
      const a = analyze(text);
      const ms = Date.now() - t0;
      if (process.env.KAMERVRAAG_VERBOSE) console.log(`      ${name}: ${(text.length / 1e6).toFixed(1)} MB in ${ms} ms`);
      // A generous bound: linear work on these takes seconds at most here; a backtracking regex takes hours.
      assert.ok(ms < 60000, `${name}: ${ms} ms`);
      if (name === 'one 10 MB line') {
        // Each repetition holds one Kamerstuk and one date (`20 maart 2019` with footnote marker 5 glued on).
        const repetitions = Math.floor((10 * MB) / 88);
        assert.strictEqual(a.citations.length, repetitions);
        assert.strictEqual(a.dates.length, repetitions);
      }
    }
  });
});
