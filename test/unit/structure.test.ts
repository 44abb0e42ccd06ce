import * as assert from 'assert';
import { analyze } from '../../server/src/model/analysis';
import { analyzeFixture, fixtureText, questionNumbers, squash, textOf } from './util';

describe('structure', () => {
  it('reads the openkamer sample: 14 questions, each with its own answer, the notice and the header', () => {
    const a = analyzeFixture('openkamer/kv-2022Z09875.txt');
    assert.strictEqual(a.layout, 'openkamer');
    assert.deepStrictEqual(questionNumbers(a), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
    assert.ok(a.questions.every((q) => q.answer !== null && q.answeredBy === q.number));
    const q13 = a.questions[12];
    assert.strictEqual(textOf(a, q13.heading!), 'Vraag 13');
    assert.match(textOf(a, q13.question), /^Is de aanvulling op de handleiding/);
    assert.strictEqual(textOf(a, q13.answer!.body), 'Zie antwoord vraag 12.');
    assert.strictEqual(q13.range.start.line, 72);
    assert.strictEqual(a.notices.length, 1);
    assert.strictEqual(a.notices[0].date, '2022-05-24');
    assert.match(textOf(a, a.notices[0].body!), /^Hierbij bericht ik u mede namens de Minister-President/);
    const m = a.metadata;
    assert.strictEqual(m.zaak, '2022Z09875');
    assert.strictEqual(m.submitted, '2022-05-19');
    assert.strictEqual(m.answered, '2022-07-18');
    assert.strictEqual(m.statedDays, 60);
    assert.deepStrictEqual(m.submitters.map((p) => [p.name, p.party]), [['Caroline van der Plas', 'BBB']]);
    assert.deepStrictEqual(m.answeredBy.map((p) => [p.name, p.role, p.party]), [['Hanke Bruins Slot', 'minister binnenlandse zaken en koninkrijksrelaties', 'CDA']]);
    assert.deepStrictEqual(m.topics, ['bestuur', 'economie', 'ict', 'organisatie en beleid']);
    assert.deepStrictEqual(m.publications.map((p) => [p.kind, p.id]), [['question', 'kv-tk-2022Z09875'], ['answer', 'ah-tk-20212022-3618'], ]);
    assert.ok(m.publications.every((p) => p.url === `https://zoek.officielebekendmakingen.nl/${p.id}.html`));
  });

  it('reads the flat openkamer variant without bullets, indents or blank lines', () => {
    const a = analyzeFixture('openkamer/kv-2024Z18885.txt');
    assert.deepStrictEqual(questionNumbers(a), [1, 2, 3, 4, 5, 6, 7]);
    assert.ok(a.questions.every((q) => q.answer === null));
    assert.strictEqual(a.metadata.title, 'De Ontbossingswet');
    const cut = analyzeFixture('openkamer/excerpt-2025Z09682-flat.txt');
    assert.strictEqual(cut.layout, 'openkamer');
    assert.deepStrictEqual(questionNumbers(cut), [1, 2, 3, 4, 5, 6, 7, 8]);
    assert.match(cut.metadata.title ?? '', /^Het bericht ‘Antonius Sneek/);
  });

  it('reads grouped headings: Vraag 4, 5, 7 en 8 in the order the document gives', () => {
    const a = analyzeFixture('official/ah-tk-20242025-582.txt');
    assert.deepStrictEqual(questionNumbers(a), [1, 2, 3, 4, 5, 7, 8, 6]);
    const group = a.questions.find((q) => q.numbers.length === 4)!;
    assert.deepStrictEqual(group.numbers, [4, 5, 7, 8]);
    assert.strictEqual(textOf(a, group.heading!), 'Vraag 4, 5, 7 en 8');
  });

  it('reads Antwoorden 5 en 6 and Vraag 2 en 3 as one block each', () => {
    const a = analyzeFixture('official/ah-tk-20242025-584.txt');
    const q56 = a.questions.find((q) => q.number === 5)!;
    assert.deepStrictEqual(q56.numbers, [5, 6]);
    assert.strictEqual(textOf(a, q56.answer!.heading!), 'Antwoorden 5 en 6');
    assert.match(textOf(a, q56.answer!.body), /^Er zijn geen uitvoeringsbezwaren/);
    // The answer runs over a page break; the furniture stays inside its range but is a section of its own.
    assert.ok(a.sections.some((s) => s.kind === 'furniture' && s.span.start > q56.answer!.span.start && s.span.end < q56.answer!.span.end));
  });

  it('reads DOCX questions numbered 1. and answers to ranges: Antwoord vraag 4-7:', () => {
    const a = analyzeFixture('official/ah-tk-20242025-609.txt');
    assert.deepStrictEqual(questionNumbers(a), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]);
    const q5 = a.questions.find((q) => q.number === 5)!;
    assert.strictEqual(q5.answeredBy, 4);
    assert.strictEqual(textOf(a, q5.answer!.heading!), 'Antwoord vraag 4-7:');
    assert.deepStrictEqual(q5.answer!.numbers, [4, 5, 6, 7]);
    assert.strictEqual(textOf(a, q5.heading!), '5.');
    assert.match(textOf(a, q5.question), /^Hoe kijkt u aan tegen het geschetste scenario/);
  });

  it('reads Antwoord vragen 1,2,3,4 en 5 after all the questions', () => {
    const a = analyzeFixture('official/ah-tk-20242025-605.txt');
    assert.ok(a.questions.every((q) => q.answeredBy === 1));
    assert.strictEqual(a.metadata.onBehalfOf, 'de minister van Financiën');
    assert.strictEqual(a.metadata.zaak, '2024Z18792');
    assert.strictEqual(a.metadata.aanhangselNumber, 605);
  });

  it('reads DOCX numbers alone on a line and Antwoord alone as the answer to the question before it', () => {
    const a = analyzeFixture('official/ah-tk-20242025-602.txt');
    assert.deepStrictEqual(questionNumbers(a), [1, 2, 3, 4, 5, 6, 7, 8, 9]);
    assert.ok(a.questions.every((q) => q.answer !== null && q.answeredBy === q.number));
    assert.strictEqual(a.footnotes.length, 0);
  });

  it('keeps a Toelichting paragraph out of the last answer', () => {
    const a = analyzeFixture('official/ah-tk-20242025-570.txt');
    const toelichting = a.sections.find((s) => s.kind === 'toelichting');
    assert.ok(toelichting);
    const last = a.questions[a.questions.length - 1].answer!;
    assert.ok(last.span.end < toelichting.span.start);
  });

  it('reads the official header: submitters with shared party, addressees, title, dates', () => {
    const a = analyzeFixture('official/kv-tk-2024Z18438.txt');
    const m = a.metadata;
    assert.deepStrictEqual(m.submitters.map((p) => [p.name, p.party]), [['Sneller', 'D66'], ['Bamenga', 'D66'], ['Rooderkerk', 'D66'], ['Gabriëls', 'GroenLinks-PvdA']]);
    assert.strictEqual(m.submitted, '2024-11-14');
    assert.strictEqual(m.answered, null);
    assert.match(m.title ?? '', /^De faillissementen van steeds meer koplopers/);
    assert.strictEqual(m.addressees.length, 2);
    const b = analyzeFixture('official/ah-tk-20242025-584.txt').metadata;
    assert.deepStrictEqual(b.answeredBy.map((p) => [p.name, p.role]), [['Bruins', 'Minister (Onderwijs, Cultuur en Wetenschap)']]);
    assert.strictEqual(b.submitted, '2024-09-27');
    assert.strictEqual(b.answered, '2024-11-18');
    assert.strictEqual(b.vergaderjaar, '2024–2025');
  });

  it('reads a delay-notice document: the questions it repeats, no answers, the notice dated by (ontvangen …)', () => {
    const a = analyzeFixture('official/ah-tk-20242025-562.txt');
    assert.deepStrictEqual(questionNumbers(a), [1, 2, 3, 4, 5, 6, 7, 8, 9]);
    assert.ok(a.questions.every((q) => q.answer === null));
    assert.deepStrictEqual(a.notices.map((n) => n.date), ['2024-11-15']);
    assert.ok(!a.diagnostics.some((d) => d.code === 'unanswered-question'));
  });

  it('reports real defects of documents: a heading twice, an answer without its question', () => {
    const a = analyzeFixture('official/ah-tk-20242025-597.txt');
    const codes = a.diagnostics.map((d) => d.code);
    // `Vraag 7` twice: the numbering diagnostic (with its fix) says so, once.
    assert.ok(codes.includes('question-numbering'));
    assert.ok(!codes.includes('duplicate-question'));
    assert.ok(codes.includes('answer-without-question'));
  });

  it('finds a heading that PDF extraction glued to the page footer: …Aanhangsel 1Vraag 3', () => {
    const a = analyzeFixture('official/ah-tk-20232024-706.txt');
    assert.deepStrictEqual(questionNumbers(a), [1, 2, 3, 4, 5, 6, 7]);
    const q3 = a.questions.find((q) => q.number === 3)!;
    assert.strictEqual(textOf(a, q3.heading!), 'Vraag 3');
    assert.strictEqual(q3.heading!.range.start.line, 25);
    assert.ok(!a.diagnostics.some((d) => d.code === 'answer-without-question'));
  });

  it('reads a Word delay notice that does not repeat the questions, and the submission date in its text', () => {
    const a = analyzeFixture('official/ah-tk-20242025-615.txt');
    assert.deepStrictEqual(a.notices.map((n) => n.date), ['2024-11-20']);
    assert.match(textOf(a, a.notices[0].body!), /^Op 6 november jl\. hebben de leden/);
    assert.strictEqual(a.metadata.submitted, '2024-11-06');
    assert.strictEqual(a.deadlines!.regular, '2024-11-27');
    assert.ok(!a.diagnostics.some((d) => d.code === 'no-questions'));
  });

  it('keeps Word footnote texts [1] … out of the questions and out of the markers', () => {
    const a = analyzeFixture('official/kv-tk-2024Z18887.txt');
    assert.deepStrictEqual(a.footnotes.map((f) => f.number), [1, 2, 3]);
    assert.match(squash(a.footnotes[0].note!.text), /^\[1\] NOS Nieuws, 17 november 2024/);
    assert.ok(!a.diagnostics.some((d) => d.code === 'footnote-disorder'));
    assert.ok(a.questions.every((q) => !textOf(a, q.question).includes('[1] NOS')));
  });

  it('reads PDF text whose white space collapsed onto one line: headings inside the line', () => {
    const a = analyzeFixture('official/ah-tk-20142015-698.txt');
    assert.strictEqual(a.lines.lineCount <= 2, true);
    assert.deepStrictEqual(questionNumbers(a), [1, 2, 3, 4, 5, 6]);
    assert.ok(a.questions.every((q) => q.answer !== null));
    const q23 = a.questions.find((q) => q.number === 2)!;
    assert.strictEqual(textOf(a, q23.heading!), 'Vraag 2 en 3');
    assert.match(textOf(a, q23.question), /^Herinnert u zich uw uitspraken/);
    assert.strictEqual(textOf(a, q23.answer!.heading!), 'Antwoord 2 en 3');
    assert.strictEqual(a.metadata.submitted, '2014-10-03');
    assert.strictEqual(a.metadata.answered, '2014-11-26');
    // Headings are not references.
    assert.ok(!a.references.some((r) => textOf(a, r).startsWith('Vraag')));
  });

  it('gives every element a range that matches its span', () => {
    const text = fixtureText('official/ah-tk-20242025-564.txt');
    const a = analyze(text);
    for (const q of a.questions) {
      assert.strictEqual(a.lines.offsetAt(q.range.start), q.span.start);
      assert.strictEqual(a.lines.offsetAt(q.range.end), q.span.end);
    }
  });
});
