// Accuracy of the analysis on the gold-annotated corpus, with floors that
// must not be undercut, and an exact check of the reference sample.

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { analyze } from '../../server/src/model/analysis';
import type { Analysis } from '../../server/src/model/types';
import { normalizeSpace } from '../../server/src/model/text';
import {
  aggregate,
  findRepoRoot,
  formatDetails,
  formatSummary,
  type Gold,
  scoreArchive,
  scoreCorpus,
  scoreFile,
  scoreOriginals,
  type Table,
} from '../../scripts/score';
import type { Conversion } from '../../server/src/originals/types';

/** The floors: set just under what the analysis reaches, so a regression fails the test. */
export const FLOORS = {
  structureOpenkamer: 1.0,
  structureOfficial: 0.99,
  referencesPrecision: 1.0,
  referencesRecall: 0.99,
  datesPrecision: 0.99,
  datesRecall: 0.99,
  lettersPrecision: 0.99,
  lettersRecall: 0.99,
  footnotesPrecision: 0.99,
  footnotesRecall: 0.99,
  /** Gold external references linked to a question of the file: at most this many. */
  externalWronglyLinked: 0,
} as const;

const root = findRepoRoot(__dirname);
const SAMPLE = path.join(root, 'test', 'fixtures', 'corpus', 'openkamer', 'kv-2022Z09875.txt');

describe('accuracy on the gold corpus', () => {
  let table: Table;

  before(() => {
    table = scoreCorpus(root).table;
  });

  after(function () {
    // Show the figures and what is behind them when something failed.
    const failed = this.test?.parent?.tests.some((t) => t.state === 'failed') ?? false;
    if (failed && table !== undefined) {
      console.log(`\n${formatSummary(table)}\n\n${formatDetails(table.files)}\n`);
    }
  });

  it('scores every gold file of both layouts', () => {
    assert.ok(table.files.length >= 16, `only ${table.files.length} gold files`);
    assert.ok(table.structure.openkamer.total >= 4);
    assert.ok(table.structure.official.total >= 12);
  });

  it('recognises the layout of every file', () => {
    const wrong = table.files.filter((f) => f.layout !== f.layoutFound).map((f) => `${f.file}: ${f.layoutFound}`);
    assert.deepStrictEqual(wrong, []);
  });

  it(`gets the structure of the openkamer pages exactly (≥ ${FLOORS.structureOpenkamer})`, () => {
    const bad = table.files.filter((f) => f.layout === 'openkamer' && !f.structure.ok).map((f) => f.file);
    assert.ok(table.structure.openkamer.rate >= FLOORS.structureOpenkamer, `wrong structure: ${bad.join(', ')}`);
  });

  it(`gets the structure of the official texts (≥ ${FLOORS.structureOfficial})`, () => {
    const bad = table.files.filter((f) => f.layout === 'official' && !f.structure.ok).map((f) => f.file);
    assert.ok(table.structure.official.rate >= FLOORS.structureOfficial, `wrong structure: ${bad.join(', ')}`);
  });

  it('resolves internal references', () => {
    const r = table.references;
    assert.ok(r.precision >= FLOORS.referencesPrecision, `precision ${r.precision} (${r.fp} wrong)`);
    assert.ok(r.recall >= FLOORS.referencesRecall, `recall ${r.recall} (${r.fn} missed)`);
  });

  it('links no reference to another set of questions', () => {
    const linked = table.files.flatMap((f) => f.external.linked.map((l) => `${f.file}: from ${l.from} “${l.text}” → ${l.target}`));
    assert.ok(table.external.wronglyLinked <= FLOORS.externalWronglyLinked, linked.join('\n'));
  });

  for (const field of ['dates', 'letters', 'footnotes'] as const) {
    it(`finds the ${field}`, () => {
      const p = table[field];
      const floorP = FLOORS[`${field}Precision`];
      const floorR = FLOORS[`${field}Recall`];
      assert.ok(p.precision >= floorP, `${field} precision ${p.precision.toFixed(3)} < ${floorP} (${p.fp} spurious)`);
      assert.ok(p.recall >= floorR, `${field} recall ${p.recall.toFixed(3)} < ${floorR} (${p.fn} missed)`);
    });
  }
});

/** The archive's floors: the targets for the historical OCR texts, held apart from the modern texts'. */
export const ARCHIVE_FLOORS = {
  structure: 1.0,
  referencesPrecision: 1.0,
  referencesRecall: 0.98,
  datesPrecision: 0.97,
  datesRecall: 0.97,
  lettersPrecision: 0.97,
  lettersRecall: 0.97,
  footnotesPrecision: 0.97,
  footnotesRecall: 0.97,
} as const;

describe('accuracy on the archive (OCR of the Aanhangsel, 1970s–1990s)', () => {
  let table: Table;

  before(() => {
    table = scoreArchive(root).table;
  });

  after(function () {
    const failed = this.test?.parent?.tests.some((t) => t.state === 'failed') ?? false;
    if (failed && table !== undefined) console.log(`\n${formatSummary(table)}\n\n${formatDetails(table.files)}\n`);
  });

  it('scores all eight archive items, read in the archive layout', () => {
    assert.strictEqual(table.files.length, 8);
    assert.deepStrictEqual(table.files.filter((f) => f.layout !== f.layoutFound).map((f) => f.file), []);
    for (const f of scoreArchive(root).files) assert.strictEqual(f.analysis.source, 'archive', f.corpus.name);
  });

  it(`gets the structure of every item exactly (≥ ${ARCHIVE_FLOORS.structure})`, () => {
    const bad = table.files.filter((f) => !f.structure.ok).map((f) => f.file);
    assert.ok(table.structure.all.rate >= ARCHIVE_FLOORS.structure, `wrong structure: ${bad.join(', ')}`);
  });

  it('resolves internal references and links none to another set', () => {
    const r = table.references;
    assert.ok(r.precision >= ARCHIVE_FLOORS.referencesPrecision, `precision ${r.precision} (${r.fp} wrong)`);
    assert.ok(r.recall >= ARCHIVE_FLOORS.referencesRecall, `recall ${r.recall} (${r.fn} missed)`);
    assert.strictEqual(table.external.wronglyLinked, 0);
  });

  for (const field of ['dates', 'letters', 'footnotes'] as const) {
    it(`finds the ${field}`, () => {
      const p = table[field];
      const floorP = ARCHIVE_FLOORS[`${field}Precision`];
      const floorR = ARCHIVE_FLOORS[`${field}Recall`];
      assert.ok(p.precision >= floorP, `${field} precision ${p.precision.toFixed(3)} < ${floorP} (${p.fp} spurious)`);
      assert.ok(p.recall >= floorR, `${field} recall ${p.recall.toFixed(3)} < ${floorR} (${p.fn} missed)`);
    });
  }
});

describe('the reference sample openkamer/kv-2022Z09875', () => {
  let text: string;
  let a: Analysis;
  let gold: Gold;

  before(() => {
    text = fs.readFileSync(SAMPLE, 'utf8');
    gold = JSON.parse(fs.readFileSync(SAMPLE.replace(/\.txt$/, '.gold.json'), 'utf8')) as Gold;
    a = analyze(text);
  });

  it('is an openkamer page with 14 questions, all answered', () => {
    assert.strictEqual(a.layout, 'openkamer');
    assert.strictEqual(a.metadata.zaak, '2022Z09875');
    const s = scoreFile(a, gold);
    assert.deepStrictEqual(s.structure.questions.found, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
    assert.deepStrictEqual(s.structure.answered.found, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
    assert.ok(s.structure.ok);
  });

  it('has the notice of 24 May 2022', () => {
    assert.deepStrictEqual(
      a.notices.map((n) => n.date),
      ['2022-05-24'],
    );
  });

  it('finds exactly the six internal references', () => {
    const pairs = a.references
      .filter((r) => r.scope === 'internal' && r.target !== null)
      .map((r) => [r.from, r.target])
      .sort((x, y) => (x[0] ?? 0) - (y[0] ?? 0) || (x[1] ?? 0) - (y[1] ?? 0));
    assert.deepStrictEqual(pairs, [
      [2, 1],
      [3, 1],
      [4, 3],
      [5, 1],
      [5, 4],
      [13, 12],
    ]);
  });

  it('links none of the four external references', () => {
    const s = scoreFile(a, gold);
    assert.strictEqual(s.external.gold, 4);
    assert.deepStrictEqual(s.external.linked, []);
  });

  it('finds the 34 dates of the gold, in document order', () => {
    assert.strictEqual(a.dates.length, 34);
    assert.deepStrictEqual(
      a.dates.map((d) => d.date),
      gold.dates,
    );
  });

  it('finds the five letters', () => {
    assert.deepStrictEqual(
      [...new Set(a.letters.map((l) => l.date))].sort(),
      ['2022-02-25', '2022-05-18', '2022-05-24', '2022-05-25', '2022-06-29'],
    );
    assert.strictEqual(a.letters.length, 5);
  });

  it('finds footnote markers 1 to 9 in order', () => {
    assert.deepStrictEqual(
      a.footnotes.map((f) => f.number),
      [1, 2, 3, 4, 5, 6, 7, 8, 9],
    );
  });

  it('flags the year 20022 and proposes 2022', () => {
    const at = text.indexOf('20022');
    assert.ok(at > 0);
    const d = a.diagnostics.find((g) => g.span.start <= at && g.span.end >= at + 5 && g.fix !== null && g.fix.edits.length === 1 && g.fix.edits[0].newText.includes('2022'));
    assert.ok(d !== undefined, `no diagnostic with a fix over 20022: ${JSON.stringify(a.diagnostics.map((g) => [g.code, g.span]))}`);
    assert.ok(d.fix !== null);
    assert.ok(d.fix.edits[0].span.start <= at + 5 && d.fix.edits[0].span.end >= at, 'the fix replaces (part of) 20022');
    const fixed = text.slice(0, d.fix.edits[0].span.start) + d.fix.edits[0].newText + text.slice(d.fix.edits[0].span.end);
    assert.ok(normalizeSpace(fixed).includes('brief van 29 juni 2022 heeft'), 'applying the fix gives 29 juni 2022');
  });

  it('tells that the answer came late, as information', () => {
    assert.ok(a.deadlines !== null);
    assert.strictEqual(a.deadlines.late, true);
    assert.ok((a.deadlines.daysLate ?? 0) > 0);
    const late = a.diagnostics.filter((g) => g.severity === 'information' && /late|laat|termijn|deadline/i.test(`${g.code} ${g.message.nl} ${g.message.en}`));
    assert.ok(late.length > 0, `no information diagnostic about lateness: ${JSON.stringify(a.diagnostics.map((g) => [g.severity, g.code]))}`);
  });
});

describe('the scorer', () => {
  // A hand-made analysis: just the fields the scorer reads.
  const text = 'Vraag 1\nZie antwoord vraag 2.\nVraag 2\nHet antwoord op vraag 7 van de eerdere vragen.\nVraag 3\nnee';
  const span = (s: string, from = 0) => {
    const start = text.indexOf(s, from);
    return { start, end: start + s.length };
  };
  const located = (s: string, from = 0) => ({ span: span(s, from), range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } });
  const block = (s: string, n: number) => ({ ...located(s), heading: null, body: located(s), numbers: [n] });
  const question = (n: number, q: string, answered: boolean) => ({
    ...located(q),
    number: n,
    numbers: [n],
    heading: null,
    question: located(q),
    answer: answered ? block(q, n) : null,
    answeredBy: answered ? n : null,
  });
  const ref = (phrase: string, n: number, from: number, scope: 'internal' | 'external', target: number | null) => ({
    ...located(phrase),
    text: phrase,
    phraseSpan: span(phrase),
    from,
    number: n,
    target,
    scope,
    kind: 'answer',
    cites: null,
  });
  const base = {
    text,
    layout: 'official',
    metadata: { noticeDate: null },
    notices: [],
    dates: [{ date: '2024-01-02' }, { date: '2024-01-02' }, { date: '2024-03-04' }],
    letters: [{ date: '2024-01-02' }, { date: '2024-01-02' }],
    footnotes: [{ number: 1 }, { number: 2 }],
  };
  const gold: Gold = {
    file: 'x.txt',
    layout: 'official',
    questions: [1, 2, 3],
    answered: [1, 2],
    references: [{ from: 1, to: 2 }],
    externalReferences: [{ from: 2, text: 'het antwoord op vraag 7 van de eerdere vragen' }],
    dates: ['2024-01-02', '2024-03-04', '2024-05-06'],
    letters: ['2024-01-02'],
    footnotes: [1, 2, 3],
    notices: [],
  };
  const questions = [
    question(1, 'Vraag 1\nZie antwoord vraag 2.', true),
    question(2, 'Vraag 2\nHet antwoord op vraag 7 van de eerdere vragen.', true),
    question(3, 'Vraag 3\nnee', false),
  ];

  it('gives P = R = 1 when the analysis matches the gold', () => {
    const a = {
      ...base,
      questions,
      references: [ref('antwoord vraag 2', 2, 1, 'internal', 2), ref('antwoord op vraag 7', 7, 2, 'external', null)],
    } as unknown as Analysis;
    const s = scoreFile(a, gold);
    assert.ok(s.structure.ok);
    assert.deepStrictEqual([s.references.tp, s.references.fp, s.references.fn], [1, 0, 0]);
    assert.deepStrictEqual([s.external.wronglyLinked, s.external.found], [0, 1]);
    assert.deepStrictEqual([s.dates.tp, s.dates.fp, s.dates.fn], [2, 1, 1]);
    assert.deepStrictEqual([s.letters.tp, s.letters.fp, s.letters.fn], [1, 0, 0]);
    assert.deepStrictEqual([s.footnotes.tp, s.footnotes.fp, s.footnotes.fn], [2, 0, 1]);
    const t = aggregate([s]);
    assert.strictEqual(t.references.precision, 1);
    assert.strictEqual(t.references.recall, 1);
    assert.strictEqual(t.dates.precision, 2 / 3);
    assert.strictEqual(t.structure.official.rate, 1);
    assert.strictEqual(t.structure.openkamer.total, 0);
  });

  it('counts an external reference linked inside the file, and the wrong pair', () => {
    const a = {
      ...base,
      questions,
      references: [ref('antwoord vraag 2', 2, 1, 'internal', 2), ref('vraag 7', 7, 2, 'internal', 7)],
    } as unknown as Analysis;
    const s = scoreFile(a, gold);
    assert.strictEqual(s.external.wronglyLinked, 1);
    assert.strictEqual(s.external.found, 0);
    assert.deepStrictEqual([s.references.tp, s.references.fp, s.references.fn], [1, 1, 0]);
    assert.deepStrictEqual(s.references.spurious, ['2→7']);
  });

  it('reads the order of a grouped heading and fails a wrong order', () => {
    const grouped = [
      { ...question(1, 'Vraag 1\nZie antwoord vraag 2.', true), numbers: [1, 3] },
      question(2, 'Vraag 2\nHet antwoord op vraag 7 van de eerdere vragen.', true),
    ];
    const a = { ...base, questions: grouped, references: [] } as unknown as Analysis;
    const s = scoreFile(a, gold);
    assert.deepStrictEqual(s.structure.questions.found, [1, 3, 2]);
    assert.deepStrictEqual(s.structure.answered.found, [1, 2, 3]);
    assert.ok(!s.structure.ok);
  });
});

describe('accuracy: the originals group', function () {
  this.timeout(120000);

  it('converts each original and scores it against its gold; one that cannot be converted counts as all missed', async () => {
    const twin = fs.readFileSync(path.join(root, 'test', 'fixtures', 'corpus', 'official', 'ah-tk-20142015-698.txt'), 'utf8');
    const fake = async (kind: 'pdf' | 'docx', bytes: Uint8Array): Promise<Conversion> =>
      bytes.length === fs.statSync(path.join(root, 'test', 'fixtures', 'corpus', 'originals', 'ah-tk-20142015-698.pdf')).size
        ? { kind, text: twin, places: [], units: 3, warnings: [] }
        : { problem: 'no-text', message: { nl: 'geen tekst', en: 'no text' } };
    const { files, table } = await scoreOriginals(root, fake);
    // 5 PDFs and 3 Word files.
    assert.deepStrictEqual(files.map((f) => f.file.name.replace(/^originals\//, '').replace(/-.*\./, '-….')), ['ah-….pdf', 'ah-….pdf', 'ah-….pdf', 'ah-….pdf', 'ah-….pdf', 'jenv-….docx', 'jenv-….docx', 'jenv-….docx']);
    assert.deepStrictEqual(files.map((f) => f.problem), [null, 'no-text', 'no-text', 'no-text', 'no-text', 'no-text', 'no-text', 'no-text']);
    // 698's gold: six dates and one letter (22 May 2014), found in its text; the others' all missed.
    const own = files[0].score;
    assert.strictEqual(own.letters.tp, 1);
    assert.strictEqual(files[1].score.dates.tp, 0);
    assert.strictEqual(table.files.length, 8);
  });

  it('with the real converters: every original converted, the structure exact on all, and the text corpus\'s floors on every field', async () => {
    const { files, table } = await scoreOriginals(root);
    assert.strictEqual(files.length, 8);
    assert.deepStrictEqual(files.filter((f) => f.problem !== null).map((f) => `${f.file.name}: ${f.problem}`), []);
    const bad = table.files.filter((f) => !f.structure.ok).map((f) => f.file);
    assert.deepStrictEqual(bad, [], 'structure exact on every original');
    assert.ok(table.references.precision >= FLOORS.referencesPrecision && table.references.recall >= FLOORS.referencesRecall, `references P ${table.references.precision} R ${table.references.recall}`);
    assert.ok(table.external.wronglyLinked <= FLOORS.externalWronglyLinked, 'no external reference linked inside a document');
    for (const field of ['dates', 'letters', 'footnotes'] as const) {
      const p = table[field];
      assert.ok(p.precision >= FLOORS[`${field}Precision`], `${field} precision ${p.precision.toFixed(3)} (${p.fp} spurious)`);
      assert.ok(p.recall >= FLOORS[`${field}Recall`], `${field} recall ${p.recall.toFixed(3)} (${p.fn} missed)`);
    }
  });
});
