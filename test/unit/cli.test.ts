// The command line as users run it: `node dist/cli.js` (built by `npm run build`).

import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { decodeBytes } from '../../server/src/model/decode';
import { findRepoRoot } from '../../scripts/score';

const root = findRepoRoot(__dirname);
const CLI = path.join(root, 'dist', 'cli.js');
const SAMPLE = path.join(root, 'test', 'fixtures', 'corpus', 'openkamer', 'kv-2022Z09875.txt');
const OFFICIAL = path.join(root, 'test', 'fixtures', 'corpus', 'official', 'ah-tk-20242025-584.txt');

interface Result {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function cli(args: readonly string[], env: Record<string, string> = {}): Result {
  const base = { ...process.env };
  delete base.LANG;
  delete base.LC_ALL;
  delete base.LC_MESSAGES;
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: root, encoding: 'utf8', env: { ...base, ...env } });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

// The two findings in the sample, written out by hand. Submitted 19 May 2022, a delay notice on 24 May, so
// the six-week term ends on 30 June; answered 18 July: 60 days after submission, 18 days late. Reported at
// `18 juli 2022` in `Beantwoord 18 juli 2022 (na 60 dagen)`, line 6, column 12. The year of `29 juni 20022`
// starts at column 951 of line 31.
const LATE_NL = 'Beantwoord na 60 dagen: 18 dagen te laat. De termijn van 6 weken (na de uitstelmelding) verliep op 30 juni 2022.';
const LATE_EN = 'Answered after 60 days: 18 days late. The 6-week term (after the delay notice) ended on 30 June 2022.';
const TYPO_NL = 'Het jaartal 20022 kan niet kloppen; waarschijnlijk is 2022 bedoeld.';
const TYPO_EN = 'The year 20022 cannot be right; 2022 is probably meant.';

/** The `file:line:col: …` lines of a human report. */
function diagnosticLines(stdout: string): string[] {
  return stdout.split('\n').filter((l) => l.startsWith(`${SAMPLE}:`) && /^\d+:\d+: /.test(l.slice(SAMPLE.length + 1)));
}

const STACK_TRACE = /\n\s+at .+\(.*:\d+:\d+\)|\n\s+at .+:\d+:\d+/;

const TOP_LEVEL_KEYS = [
  'schemaVersion', 'file', 'layout', 'source', 'zaak', 'title', 'submitted', 'answered', 'statedDays', 'submitters', 'addressees',
  'answeredBy', 'topics', 'publications', 'deadlines', 'questions', 'notices', 'references', 'dates', 'letters', 'footnotes',
  'citations', 'diagnostics',
];

function isRange(r: unknown): boolean {
  const x = r as { start?: { line?: unknown; character?: unknown }; end?: { line?: unknown; character?: unknown } } | null;
  return (
    x !== null && typeof x === 'object' &&
    typeof x.start?.line === 'number' && typeof x.start?.character === 'number' &&
    typeof x.end?.line === 'number' && typeof x.end?.character === 'number'
  );
}

describe('kamervraag command line', function () {
  let tmp: string;

  before(function () {
    if (!fs.existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run build first`);
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kamervraag-cli-'));
  });

  after(function () {
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('writes the sample as one JSON object with the schema fields', () => {
    const r = cli(['analyze', SAMPLE, '--json']);
    assert.strictEqual(r.status, 0, r.stderr);
    const lines = r.stdout.split('\n').filter((l) => l.length > 0);
    assert.strictEqual(lines.length, 1);
    const j = JSON.parse(lines[0]);
    assert.deepStrictEqual(Object.keys(j), TOP_LEVEL_KEYS);
    assert.strictEqual(j.schemaVersion, 2);
    assert.strictEqual(j.file, SAMPLE);
    assert.strictEqual(j.layout, 'openkamer');
    assert.strictEqual(j.zaak, '2022Z09875');
    assert.strictEqual(j.submitted, '2022-05-19');
    assert.strictEqual(j.answered, '2022-07-18');
    assert.strictEqual(j.statedDays, 60);
    assert.match(j.title, /^Het toenemende gebruik van Signal/);
    assert.deepStrictEqual(Object.keys(j.submitters[0]), ['name', 'party', 'role']);
    assert.deepStrictEqual(Object.keys(j.deadlines), ['regular', 'extended', 'applicable', 'noticeGiven', 'daysTaken', 'daysLate', 'late']);
    assert.strictEqual(j.deadlines.late, true);

    assert.strictEqual(j.questions.length, 14);
    const q = j.questions[0];
    assert.deepStrictEqual(Object.keys(q), ['number', 'numbers', 'range', 'heading', 'question', 'answer', 'answeredBy']);
    assert.strictEqual(q.number, 1);
    assert.deepStrictEqual(q.numbers, [1]);
    assert.ok(isRange(q.range) && isRange(q.question.range) && isRange(q.answer.range));
    assert.deepStrictEqual(Object.keys(q.answer), ['range', 'heading', 'numbers']);
    assert.strictEqual(q.answeredBy, 1);

    assert.deepStrictEqual(j.notices.map((n: { date: string }) => n.date), ['2022-05-24']);
    assert.ok(isRange(j.notices[0].range));

    const refs = j.references as { range: unknown; text: string; from: number; target: number | null; scope: string; number: number; cites: unknown }[];
    assert.deepStrictEqual(Object.keys(refs[0]), ['range', 'text', 'from', 'target', 'number', 'scope', 'cites']);
    const toTwelve = refs.find((r) => r.from === 13 && r.target === 12);
    assert.ok(toTwelve, 'the reference from 13 to 12');
    assert.strictEqual(toTwelve.scope, 'internal');
    assert.match(toTwelve.text, /vraag 12/);
    assert.ok(refs.every((r) => isRange(r.range)));

    const dates = j.dates as { range: unknown; text: string; date: string; inferredYear: boolean }[];
    assert.strictEqual(dates.length, 34);
    assert.deepStrictEqual(Object.keys(dates[0]), ['range', 'text', 'date', 'inferredYear']);
    assert.ok(dates.some((d) => d.text === '18 mei 2022' && d.date === '2022-05-18'), 'no-break spaces become spaces');
    assert.ok(dates.every((d) => !/[\u00a0\n]/.test(d.text)));
    assert.ok(dates.some((d) => d.inferredYear), '19 mei jongstleden has an inferred year');

    assert.deepStrictEqual(Object.keys(j.letters[0]), ['date', 'sender', 'mentions', 'footnotes', 'notice']);
    assert.ok(j.letters.some((l: { notice: boolean; date: string }) => l.notice && l.date === '2022-05-24'), 'the letter of 24 May is the notice');
    assert.deepStrictEqual(j.footnotes.map((f: { number: number }) => f.number), [1, 2, 3, 4, 5, 6, 7, 8, 9]);
    assert.deepStrictEqual(Object.keys(j.footnotes[0]), ['range', 'number', 'note']);
    for (const c of j.citations) assert.deepStrictEqual(Object.keys(c), ['kind', 'range', 'text', 'id', 'url']);

    const diags = j.diagnostics as { range: unknown; severity: string; code: string; message: unknown; fix: { title: string; edits: { range: unknown; newText: string }[] } | null }[];
    assert.ok(diags.length > 0);
    assert.deepStrictEqual(Object.keys(diags[0]), ['range', 'severity', 'code', 'message', 'fix']);
    assert.ok(diags.every((d) => typeof d.message === 'string' && ['error', 'warning', 'information', 'hint'].includes(d.severity)));
    assert.ok(diags.some((d) => d.fix !== null && d.fix.title === 'Vervang door 2022' && d.fix.edits.length === 1 && d.fix.edits[0].newText === '2022' && isRange(d.fix.edits[0].range)), 'the fix for 20022');
  });

  it('writes JSON Lines, one object per file in the order given', () => {
    const r = cli(['analyze', '--json', SAMPLE, OFFICIAL]);
    assert.strictEqual(r.status, 0, r.stderr);
    const objects = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    assert.deepStrictEqual(objects.map((o) => [o.file, o.layout]), [
      [SAMPLE, 'openkamer'],
      [OFFICIAL, 'official'],
    ]);
  });

  it('reports diagnostics as file:line:col: severity code: message', () => {
    const r = cli(['analyze', SAMPLE]);
    assert.strictEqual(r.status, 0, r.stderr);
    assert.deepStrictEqual(diagnosticLines(r.stdout), [
      `${SAMPLE}:6:12: information late-answer: ${LATE_NL}`,
      `${SAMPLE}:31:951: error year-typo: ${TYPO_NL}`,
    ]);
  });

  it('gives a human report with metadata, outline, references and letters', () => {
    const r = cli(['analyze', SAMPLE]);
    assert.strictEqual(r.status, 0, r.stderr);
    const out = r.stdout;
    assert.ok(out.startsWith(`${SAMPLE}: openkamer, 2022Z09875, Het toenemende gebruik van Signal`), out.slice(0, 200));
    assert.match(out, /Ingediend: +2022-05-19/);
    assert.match(out, /Beantwoord: +2022-07-18 \(na 60 dagen volgens de kop; berekend 60 dagen\)/);
    assert.match(out, /te laat: \d+ dagen/);
    assert.match(out, /Vraag 1 — Klopt het dat u in .*\[beantwoord bij 1\]/);
    assert.match(out, /Vraag 14 — Kunt u deze vragen/);
    assert.match(out, /Mededeling 2022-05-24/);
    assert.match(out, /\d+:\d+ +Zie antwoord vraag 12 → Vraag 12/);
    assert.match(out, /→ extern/);
    assert.match(out, /2022-05-18.*\d+ vermeldingen/);
    assert.match(out, /Citaten: \d+/);
    assert.doesNotMatch(out, /\u00a0/);
  });

  it('continues past a missing file, names it, and exits 2', () => {
    const missing = path.join(tmp, 'bestaat-niet.txt');
    const r = cli(['analyze', missing, SAMPLE]);
    assert.strictEqual(r.status, 2);
    assert.ok(r.stderr.includes(missing), r.stderr);
    assert.match(r.stderr, /bestaat niet/);
    assert.doesNotMatch(r.stderr, STACK_TRACE);
    assert.ok(r.stdout.includes(`${SAMPLE}: openkamer`), 'the other file is still analysed');
  });

  it('says a directory is not a file and exits 2', () => {
    const r = cli(['analyze', tmp], { LANG: 'en_GB.UTF-8' });
    assert.strictEqual(r.status, 2);
    assert.ok(r.stderr.includes(tmp));
    assert.match(r.stderr, /directory/);
    assert.doesNotMatch(r.stderr, STACK_TRACE);
  });

  it('reports an empty file clearly and exits 0', () => {
    const empty = path.join(tmp, 'leeg.txt');
    fs.writeFileSync(empty, '');
    const r = cli(['analyze', empty]);
    assert.strictEqual(r.status, 0, r.stderr);
    assert.ok(r.stderr.includes(empty));
    assert.match(r.stderr, /leeg/);
    assert.doesNotMatch(r.stderr, STACK_TRACE);

    const j = cli(['analyze', '--json', empty, '--lang', 'en']);
    assert.strictEqual(j.status, 0);
    const o = JSON.parse(j.stdout.trim());
    assert.deepStrictEqual(o, { schemaVersion: 2, file: empty, problem: { code: 'empty', message: o.problem.message } });
    assert.match(o.problem.message, /empty/);
  });

  it('reports a binary file clearly and exits 0', () => {
    // Not named `.pdf`: a PDF is an original and goes through its conversion (see the originals tests below).
    const binary = path.join(tmp, 'bijlage.bin');
    fs.writeFileSync(binary, Buffer.from([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x0a, 0x00, 0x01, 0xff, 0xfe, 0x00, 0x13]));
    const r = cli(['analyze', binary, '--json']);
    assert.strictEqual(r.status, 0, r.stderr);
    assert.ok(r.stderr.includes(binary));
    assert.match(r.stderr, /binaire gegevens/);
    assert.doesNotMatch(r.stderr, STACK_TRACE);
    const o = JSON.parse(r.stdout.trim());
    assert.strictEqual(o.file, binary);
    assert.strictEqual(o.problem.code, 'binary');
  });

  it('reads a Windows-1252 file, warns, and analyses it', () => {
    const latin = path.join(tmp, 'cp1252.txt');
    // Encode the sample as Windows-1252 (• ’ “ ” – … are in it); the decoder's own table gives the bytes 0x80–0x9F.
    const high = new Map<string, number>();
    for (let b = 0x80; b <= 0x9f; b++) high.set(decodeBytes(Uint8Array.from([0x41, b])).text[1], b);
    const text = fs.readFileSync(SAMPLE, 'utf8');
    const bytes = Buffer.from([...text].map((c) => high.get(c) ?? (c.charCodeAt(0) < 0x100 ? c.charCodeAt(0) : 0x3f)));
    assert.ok(bytes.includes(0x95), 'the bullet of • Vraag is in Windows-1252');
    fs.writeFileSync(latin, bytes);
    const r = cli(['analyze', latin, '--json']);
    assert.strictEqual(r.status, 0, r.stderr);
    assert.match(r.stderr, /Windows-1252/);
    const o = JSON.parse(r.stdout.trim());
    assert.strictEqual(o.problem.code, 'not-utf8');
    assert.strictEqual(o.zaak, '2022Z09875');
    assert.strictEqual(o.questions.length, 14);
  });

  it('speaks English with --lang en or an English LANG', () => {
    const english = [LATE_EN, TYPO_EN];
    for (const r of [cli(['analyze', '--lang', 'en', SAMPLE]), cli(['analyze', SAMPLE], { LANG: 'en_US.UTF-8' }), cli(['analyze', '--lang=en', SAMPLE], { LANG: 'nl_NL.UTF-8' })]) {
      assert.strictEqual(r.status, 0, r.stderr);
      assert.deepStrictEqual(diagnosticLines(r.stdout), [`${SAMPLE}:6:12: information late-answer: ${LATE_EN}`, `${SAMPLE}:31:951: error year-typo: ${TYPO_EN}`]);
      assert.match(r.stdout, /Submitted: +2022-05-19/);
      assert.match(r.stdout, /Question 1 — /);
    }
    const j = JSON.parse(cli(['analyze', '--json', '--lang', 'en', SAMPLE]).stdout);
    assert.deepStrictEqual(
      j.diagnostics.map((d: { message: string }) => d.message),
      english,
    );
    const nl = cli(['analyze', '--lang', 'nl', SAMPLE], { LANG: 'en_US.UTF-8' });
    assert.match(nl.stdout, /Ingediend:/);
  });

  it('rejects an unknown option with the usage on stderr and exit 2', () => {
    const r = cli(['analyze', '--frobnicate', SAMPLE]);
    assert.strictEqual(r.status, 2);
    assert.match(r.stderr, /--frobnicate/);
    assert.match(r.stderr, /kamervraag analyze/);
    assert.strictEqual(r.stdout, '');
    assert.strictEqual(cli(['analyze', '--lang', 'fr', SAMPLE]).status, 2);
    assert.strictEqual(cli(['analyse-alles', SAMPLE]).status, 2);
    assert.strictEqual(cli(['analyze']).status, 2);
    assert.strictEqual(cli([]).status, 2);
  });

  it('names the kinds of citation in the language of the output', () => {
    // The sample cites laws (`Wet open overheid`), web addresses and its zaak number: each kind by its name, never by its code.
    const nl = cli(['analyze', SAMPLE]).stdout.split('\n').find((l) => l.startsWith('  Citaten: '))!;
    assert.match(nl, /^ {2}Citaten: \d+ \((?:(?:zaaknummer|webadres|wet|publicatie) \d+(?:, |\)$))+/);
    for (const kind of ['zaaknummer', 'webadres', 'wet']) assert.match(nl, new RegExp(`[(,] ?${kind} \\d`), nl);
    const en = cli(['analyze', '--lang', 'en', SAMPLE]).stdout.split('\n').find((l) => l.startsWith('  Citations: '))!;
    for (const kind of ['case number', 'web address', 'law']) assert.match(en, new RegExp(`[(,] ?${kind} \\d`), en);
    assert.doesNotMatch(en, /\b(?:zaak|url) \d/);
  });

  it('never nests parentheses around a role that has its own', () => {
    // 584: `Antwoord van Minister Bruins (Onderwijs, Cultuur en Wetenschap)`: the role goes after a comma.
    const out = cli(['analyze', OFFICIAL]).stdout;
    assert.doesNotMatch(out, /\([^()]*\(/, out);
    assert.match(out, /^ {2}Indieners: +Martens-America \(VVD\)$/m);
    assert.match(out, /^ {2}Beantwoord door: +Bruins, Minister \(Onderwijs, Cultuur en Wetenschap\)$/m);
  });

  it('says that a text with no questions, answers or header is no question set', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kv-cli-'));
    const file = path.join(dir, 'hallo.txt');
    fs.writeFileSync(file, 'Hallo wereld\n');
    const nl = cli(['analyze', file]);
    assert.strictEqual(nl.status, 0);
    assert.strictEqual(nl.stdout, `${file}: geen Kamervraag: er staan geen vragen, antwoorden, uitstelbericht of kop van een set vragen in\n`);
    const en = cli(['analyze', '--lang', 'en', file]);
    assert.match(en.stdout, /: no question set: /);
    const json = JSON.parse(cli(['analyze', '--json', file]).stdout) as { problem?: { code: string } };
    assert.strictEqual(json.problem?.code, 'no-question-set');
  });

  describe('draft', () => {
    it('prints the skeleton of the answer to the seed: the header lines, the questions, the empty answers', () => {
      const r = cli(['draft', SAMPLE]);
      assert.strictEqual(r.status, 0, r.stderr);
      assert.strictEqual(r.stderr, '');
      const lines = r.stdout.split('\n');
      assert.deepStrictEqual(lines.slice(0, 5), [
        '2022Z09875',
        'Vragen van het lid Caroline van der Plas (BBB) over het toenemende gebruik van Signal onder bewindspersonen en het verwijderen van berichten door de minister-president (ingezonden 19 mei 2022).',
        'Antwoord van [Hanke Bruins Slot (minister binnenlandse zaken en koninkrijksrelaties)] (ontvangen [datum]).',
        '',
        'Vraag 1',
      ]);
      // Fourteen questions, each followed by its empty answer; no answer text of the page.
      assert.deepStrictEqual(lines.filter((l) => l.startsWith('Antwoord ') && !l.startsWith('Antwoord van')), Array.from({ length: 14 }, (_, i) => `Antwoord ${i + 1}`));
      assert.ok(!r.stdout.includes('Zie antwoord vraag 12.'));
      // Verbatim down to the no-break space the page has in `24\u00a0mei`.
      assert.ok(r.stdout.endsWith('Vraag 14\nKunt u deze vragen elk afzonderlijk en voor dinsdag 24\u00a0mei 2022 beantwoorden?\n\nAntwoord 14\n\n'));
    });

    it('keeps grouped questions of an answer document grouped (584)', () => {
      const r = cli(['draft', OFFICIAL]);
      assert.strictEqual(r.status, 0, r.stderr);
      assert.match(r.stdout, /\nVraag 2 en 3\n[^\n]+\n\nAntwoord 2 en 3\n\n\nVraag 4\n/);
    });

    it('exit 2 and one line for a file that cannot be read; exit 1 and one line for a file without questions', () => {
      const missing = path.join(tmp, 'nergens.txt');
      const r = cli(['draft', missing]);
      assert.strictEqual(r.status, 2);
      assert.strictEqual(r.stdout, '');
      assert.strictEqual(r.stderr, `kamervraag: ${missing}: kan niet gelezen worden: bestand bestaat niet\n`);
      const hallo = path.join(tmp, 'hallo-draft.txt');
      fs.writeFileSync(hallo, 'Hallo wereld\n');
      const none = cli(['draft', hallo]);
      assert.strictEqual(none.status, 1);
      assert.strictEqual(none.stdout, '');
      assert.strictEqual(none.stderr, `kamervraag: ${hallo}: geen vragen gevonden: er valt geen antwoord op te stellen\n`);
      const en = cli(['draft', '--lang', 'en', hallo]);
      assert.strictEqual(en.stderr, `kamervraag: ${hallo}: no questions found: there is no answer to draft\n`);
      const empty = path.join(tmp, 'leeg.txt');
      fs.writeFileSync(empty, '');
      assert.strictEqual(cli(['draft', empty]).status, 1);
    });

    it('wants exactly one file', () => {
      const none = cli(['draft']);
      assert.strictEqual(none.status, 2);
      assert.match(none.stderr, /^kamervraag: geen bestanden opgegeven\n/);
      const two = cli(['draft', SAMPLE, OFFICIAL]);
      assert.strictEqual(two.status, 2);
      assert.match(two.stderr, /^kamervraag: draft neemt één bestand\n/);
      assert.strictEqual(two.stdout, '');
    });
  });

  it('prints help and version', () => {
    for (const args of [['--help'], ['help'], ['-h']]) {
      const r = cli(args);
      assert.strictEqual(r.status, 0);
      assert.match(r.stdout, /kamervraag analyze/);
      assert.match(r.stdout, /kamervraag draft BESTAND/);
    }
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
    const v = cli(['--version']);
    assert.strictEqual(v.status, 0);
    assert.strictEqual(v.stdout.trim(), `kamervraag ${pkg.version}`);
  });
});

describe('cli: originals (PDF, Word)', function () {
  this.timeout(60000);
  const ORIGINALS = path.join(root, 'test', 'fixtures', 'corpus', 'originals');
  const PDF = path.join(ORIGINALS, 'ah-tk-20142015-698.pdf');
  const DOCX = path.join(ORIGINALS, 'jenv-2024-eerdmans.docx');
  const CODES = ['not-pdf', 'not-docx', 'encrypted', 'no-text', 'corrupt', 'too-large', 'too-many-pages', 'zip-bomb', 'timeout'];
  let tmp: string;
  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kamervraag-cli-originals-'));
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  /** Whatever the converter makes of the file: a report (exit 0), or one clear line on stderr (exit 2). */
  function assertReportOrOneLine(r: Result, file: string): void {
    assert.ok(!STACK_TRACE.test(r.stderr), r.stderr);
    if (r.status === 0) {
      assert.ok(r.stdout.startsWith(`${file}: `), r.stdout.slice(0, 200));
    } else {
      assert.strictEqual(r.status, 2, r.stderr);
      assert.strictEqual(r.stdout, '');
      assert.match(r.stderr, new RegExp(`^kamervraag: ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: [^\n]+\n$`));
    }
  }

  it('analyses a PDF and a Word file like text, or says in one line why it cannot read them', () => {
    assertReportOrOneLine(cli(['analyze', PDF]), PDF);
    assertReportOrOneLine(cli(['analyze', DOCX, '--lang', 'en']), DOCX);
  });

  it('gives the conversion problem in JSON as problem { code, message }', () => {
    for (const file of [PDF, DOCX]) {
      const r = cli(['analyze', '--json', file]);
      const lines = r.stdout.trim().split('\n');
      assert.strictEqual(lines.length, 1);
      const o = JSON.parse(lines[0]) as { schemaVersion: number; file: string; problem?: { code: string; message: string }; questions?: unknown[] };
      assert.strictEqual(o.schemaVersion, 2);
      assert.strictEqual(o.file, file);
      if (r.status === 2) {
        assert.ok(o.problem && CODES.includes(o.problem.code) && o.problem.message.length > 0, lines[0]);
      } else {
        assert.strictEqual(r.status, 0);
        assert.ok(Array.isArray(o.questions));
      }
    }
  });

  it('refuses a broken PDF and a broken Word file with exit status 2, as an unreadable file', () => {
    const pdf = path.join(tmp, 'kapot.pdf');
    fs.writeFileSync(pdf, '%PDF-1.7\n1 0 obj << /Type /Catalog >>\nniet echt');
    const docx = path.join(tmp, 'kapot.docx');
    fs.writeFileSync(docx, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x00]));
    for (const file of [pdf, docx]) {
      const r = cli(['analyze', file]);
      assert.strictEqual(r.status, 2);
      assertReportOrOneLine(r, file);
      const j = cli(['analyze', '--json', file]);
      assert.strictEqual(j.status, 2);
      const o = JSON.parse(j.stdout) as { problem: { code: string; message: string } };
      assert.ok(CODES.includes(o.problem.code), j.stdout);
      // A text file after it is still analysed.
      const both = cli(['analyze', file, SAMPLE]);
      assert.strictEqual(both.status, 2);
      assert.match(both.stdout, /kv-2022Z09875\.txt: openkamer, 2022Z09875/);
    }
  });

  it('prints the converted text with `text`, or one line why not', () => {
    for (const file of [PDF, DOCX]) {
      const r = cli(['text', file]);
      assert.ok(!STACK_TRACE.test(r.stderr), r.stderr);
      if (r.status === 0) {
        assert.ok(r.stdout.trim().length > 0 && r.stdout.endsWith('\n'));
        assert.strictEqual(r.stderr, '');
      } else {
        assert.strictEqual(r.status, 2);
        assert.strictEqual(r.stdout, '');
        assert.strictEqual(r.stderr.split('\n').length, 2, r.stderr);
      }
    }
  });

  it('text takes one original: not a text file, not two files', () => {
    const txt = cli(['text', SAMPLE]);
    assert.strictEqual(txt.status, 2);
    assert.strictEqual(txt.stderr, `kamervraag: ${SAMPLE}: geen PDF- of Word-bestand (.pdf, .docx): text schrijft de tekst van een origineel\n`);
    const en = cli(['text', SAMPLE, '--lang', 'en']);
    assert.strictEqual(en.stderr, `kamervraag: ${SAMPLE}: not a PDF or Word file (.pdf, .docx): text prints the text of an original\n`);
    const two = cli(['text', PDF, DOCX]);
    assert.strictEqual(two.status, 2);
    assert.match(two.stderr, /^kamervraag: text neemt één bestand\n/);
    const missing = cli(['text', path.join(tmp, 'weg.pdf')]);
    assert.strictEqual(missing.status, 2);
    assert.match(missing.stderr, /weg\.pdf: kan niet gelezen worden: bestand bestaat niet\n$/);
    assert.match(cli(['--help']).stdout, /kamervraag text BESTAND\.pdf\|BESTAND\.docx/);
  });
});
