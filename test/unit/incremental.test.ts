// Incremental tokenizing: after an edit, the analysis reads only the changed
// lines again and reuses the token stream of the version before. Whatever the
// edit, the analysis must equal a fresh one of the new text, field by field.

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as fc from 'fast-check';
import { analyze } from '../../server/src/model/analysis';
import { citationStats, findCitations } from '../../server/src/model/citations';
import { dateStats, findDateCandidates } from '../../server/src/model/dates';
import { LineIndex } from '../../server/src/model/text';
import { releaseTokens, setTokenReuse, tokenizeLines, tokenizeStats, trimTokenPool } from '../../server/src/model/tokens';
import type { Analysis } from '../../server/src/model/types';
import { FIXTURES } from './util';

/** Every corpus text: openkamer pages, official PDF and Word text, the archive's OCR. */
function corpus(): { name: string; text: string }[] {
  const out: { name: string; text: string }[] = [];
  for (const dir of fs.readdirSync(FIXTURES)) {
    const folder = path.join(FIXTURES, dir);
    if (!fs.statSync(folder).isDirectory()) continue;
    for (const f of fs.readdirSync(folder).filter((x) => x.endsWith('.txt'))) out.push({ name: `${dir}/${f}`, text: fs.readFileSync(path.join(folder, f), 'utf8') });
  }
  return out;
}

/** The whole analysis as JSON, every span and range, without the text and line index (the same strings). */
function fields(a: Analysis): string {
  return JSON.stringify({ ...a, text: a.text.length, lines: a.lines.lineCount });
}

/** The analysis of `text` on a fresh token stream, the kept one left as it is. */
function fresh(text: string): Analysis {
  setTokenReuse(false);
  try {
    return analyze(text, { year: 2024 });
  } finally {
    setTokenReuse(true);
  }
}

/** An edit: replace `remove` characters at `at` (taken modulo the length) by `insert`. */
interface Edit {
  readonly at: number;
  readonly remove: number;
  readonly insert: string;
}

function applyEdit(text: string, e: Edit): string {
  const at = e.at % (text.length + 1);
  return text.slice(0, at) + e.insert + text.slice(Math.min(text.length, at + e.remove));
}

/** What editing a question set types: words, numbers, dates, headings, line breaks (joining and splitting blocks), page furniture, footnote texts, odd characters. */
const insertion = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('x', ' ', 'e', '1', '.', ',', '\n', '\n\n', '\r\n', '\r', '\t', '\u00a0', 'é', '’', '😀', '\ud83d', '') },
  { weight: 3, arbitrary: fc.constantFrom(
    'Vraag 3\n', '\nVraag 15\n', 'Vraag 2 en 3\n', '\nAntwoord 4\n', 'Antwoord vragen 1,2 en 3\n', 'Antwoord\n', '\nMededeling - 24 mei 2022\n',
    'zie antwoord vraag 2', 'het antwoord op vraag 12', ' brief van 18 mei 2022', 'brief2', '29 juni 20022', '12 maart', 'In 2021 is op 2 maart',
    '\n1 Kamerstuk 29 477, nr. 3\n', '\n2 https://www.tweedekamer.nl/x\n', 'Kamerstukken II 2021/22, 29 477, nr. 3', '2022Z09875', 'Aanhangsel Handelingen II 2021/22, nr. 3045',
    '\nTweede Kamer, vergaderjaar 2021–2022, Aanhangsel 1234 1\n', '\nah-tk-20212022-1234 ISSN 0921 - 7398 ’s-Gravenhage 2022\n', '\nKamervraag 2022Z09875\n', 'Toelichting:\n',
    '\u0000', '\f',
  ) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
);

const edit: fc.Arbitrary<Edit> = fc.record({
  at: fc.nat(),
  remove: fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, { weight: 2, arbitrary: fc.nat(8) }, { weight: 1, arbitrary: fc.nat(400) }),
  insert: insertion,
});

describe('incremental tokenizing', () => {
  const texts = corpus();
  afterEach(() => {
    setTokenReuse(true);
    trimTokenPool(0);
  });

  it('has the corpus to edit', () => {
    assert.ok(texts.length >= 90, `${texts.length} texts`);
  });

  it('gives the analysis of a fresh token stream after every random edit, on every corpus text', function () {
    this.timeout(300000);
    const before = { ...tokenizeStats };
    const citationsBefore = { ...citationStats };
    const datesBefore = { ...dateStats };
    let edits = 0;
    for (const { name, text } of texts) {
      fc.assert(
        fc.property(fc.array(edit, { minLength: 1, maxLength: 6 }), (list) => {
          // The version before each edit is analysed first, as the editor does: its stream is the one kept.
          trimTokenPool(0);
          let current = text;
          analyze(current, { year: 2024 });
          for (const e of list) {
            current = applyEdit(current, e);
            const incremental = analyze(current, { year: 2024 });
            edits++;
            assert.strictEqual(fields(incremental), fields(fresh(current)), `${name} after ${JSON.stringify(e)}`);
          }
        }),
        { numRuns: 8, seed: 0x4b56 + text.length },
      );
    }
    const incremental = tokenizeStats.incremental - before.incremental;
    assert.ok(edits >= 2000, `${edits} edits`);
    // Most edits reuse the stream; the rest (a page-furniture line made or unmade, NUL, small texts cut short) read the text again.
    assert.ok(incremental >= edits * 0.7, `${incremental} of ${edits} edits were incremental`);
    // The citations are scanned again only around the edit whenever the stream was edited and the runs of kept lines stayed.
    const citations = citationStats.incremental - citationsBefore.incremental;
    assert.ok(citations >= incremental * 0.8, `${citations} of ${incremental} incremental edits rescanned the citations around the edit`);
    // The date candidates are tried again around the edit whenever the stream was edited.
    assert.strictEqual(dateStats.incremental - datesBefore.incremental, incremental, 'date candidates');
  });

  it('reads only the changed lines: a keystroke in the middle of a long text reuses the rest', () => {
    const text = texts.find((t) => t.name === 'openkamer/kv-2022Z09875.txt')!.text.repeat(20);
    trimTokenPool(0);
    analyze(text);
    const before = { ...tokenizeStats };
    const at = text.indexOf('Nokia', text.length >> 1);
    const edited = `${text.slice(0, at)}x${text.slice(at)}`;
    const a = analyze(edited);
    assert.strictEqual(tokenizeStats.incremental - before.incremental, 1);
    assert.strictEqual(tokenizeStats.full - before.full, 0);
    assert.strictEqual(fields(a), fields(fresh(edited)));
  });

  it('reads the whole text again when another text was analysed in between; an added page-furniture line still gives the fresh analysis', () => {
    const [first, second] = [texts.find((t) => t.name === 'openkamer/kv-2022Z09875.txt')!.text, texts.find((t) => t.name.startsWith('official/'))!.text];
    trimTokenPool(0);
    analyze(first);
    let before = { ...tokenizeStats };
    const other = analyze(second);
    assert.deepStrictEqual([tokenizeStats.full - before.full, tokenizeStats.incremental - before.incremental], [1, 0], 'an unrelated text');
    assert.strictEqual(fields(other), fields(fresh(second)));
    // A PDF text whose page furniture is read by its repetition: a furniture line made at the top changes which lines are skipped.
    const pdf = texts.find((t) => t.name.startsWith('official/') && fresh(t.text).source === 'pdf')!.text;
    analyze(pdf);
    before = { ...tokenizeStats };
    const edited = `Tweede Kamer, vergaderjaar 2021–2022, Aanhangsel 1234 1\n${pdf}`;
    const a = analyze(edited);
    assert.strictEqual(tokenizeStats.full + tokenizeStats.incremental - before.full - before.incremental, 1);
    assert.strictEqual(fields(a), fields(fresh(edited)));
  });
});

/** Pieces of text dense in citations and in what stops them: parts of citations, white space, line breaks, blank lines. */
const citationPiece = fc.constantFrom(
  'Kamerstuk ', 'Kamerstukken II ', '2021/22', ', ', '29 477', ', nr. ', '3', '12', 'Aanhangsel ', 'Handelingen ', 'Tweede Kamer, ', 'Eerste Kamer ',
  'vergaderjaar 2021–2022', 'nr. 3045', 'ECLI:NL:HR:2020:123', 'Stb. 2020, 12', 'Stcrt. 2021, 4567', '2022Z09875', '2022D12345', 'kst-29477-3', 'ah-tk-20212022-3045',
  'https://www.tweedekamer.nl/kamerstukken/', 'detail?id=2022Z09875', 'www.rijksoverheid.nl', '-', '/', '.', ')', '(', 'Archiefwet', 'Wet open overheid', 'de Woo ',
  'Kamer-', 'stuk', ' ', '  ', '\n', '\n\n', '\r\n', 'zie ', 'en ', 'het antwoord ', 'AanhangselHandelingen', 'x', 'é',
);

describe('incremental citations', () => {
  afterEach(() => {
    setTokenReuse(true);
    trimTokenPool(0);
  });

  /** The citations of `text` as the analysis finds them (no lines skipped), on the kept stream or a fresh one. */
  function citationsOf(text: string, keep: boolean): string {
    setTokenReuse(keep);
    try {
      const lines = new LineIndex(text);
      const tokens = tokenizeLines(lines, () => true);
      const found = JSON.stringify(findCitations(lines, () => false, tokens));
      // Back to the pool, as the analysis leaves it: the next version edits this stream.
      releaseTokens(tokens);
      return found;
    } finally {
      setTokenReuse(true);
    }
  }

  it('finds after every random edit of a text dense in citations what a fresh scan finds', function () {
    this.timeout(120000);
    const before = { ...citationStats };
    const tokensBefore = { ...tokenizeStats };
    let edits = 0;
    // Short texts: every edit falls within a look-ahead of some citation, attempt or blank line.
    const textOf = fc.array(citationPiece, { minLength: 10, maxLength: 160 }).map((parts) => parts.join(''));
    const citationEdit = fc.record({
      at: fc.nat(),
      remove: fc.oneof(fc.constant(0), fc.nat(6), fc.nat(500)),
      insert: fc.oneof(citationPiece, insertion),
    });
    fc.assert(
      fc.property(textOf, fc.array(citationEdit, { minLength: 1, maxLength: 8 }), (text, list) => {
        trimTokenPool(0);
        let current = text;
        citationsOf(current, true);
        for (const e of list) {
          current = applyEdit(current, e);
          edits++;
          assert.strictEqual(citationsOf(current, true), citationsOf(current, false), `after ${JSON.stringify(e)}`);
        }
      }),
      { numRuns: 2500, seed: 0x6369 },
    );
    // Short texts are often read whole by the tokenizer (too little to reuse); where it edited the stream, the citations follow.
    const incremental = citationStats.incremental - before.incremental;
    const streams = tokenizeStats.incremental - tokensBefore.incremental;
    assert.ok(edits >= 5000 && streams >= edits * 0.2, `${streams} of ${edits} edits were incremental`);
    assert.ok(incremental >= streams * 0.95, `${incremental} of ${streams} incremental edits rescanned the citations only around the edit`);
  });

  /** The citations of `text` after `before` was scanned (the stream edited, not read anew), as kind and text. */
  function afterEdit(before: string, text: string): string[] {
    trimTokenPool(0);
    citationsOf(before, true);
    const incremental = citationStats.incremental;
    const found = JSON.parse(citationsOf(text, true)) as { kind: string; text: string }[];
    assert.strictEqual(citationStats.incremental, incremental + 1, 'rescanned around the edit');
    assert.strictEqual(JSON.stringify(found), citationsOf(text, false), 'as a fresh scan');
    return found.map((c) => `${c.kind} ${c.text}`);
  }

  it('an address broken over a line, kept from the text before, goes on into the edited line after it', () => {
    const filler = 'Zie de stukken.\n'.repeat(40);
    const address = `https://zoek.officielebekendmakingen.nl/${'stukken/'.repeat(80)}`;
    const before = `${filler}${address}\nkst-29477-3.html staat er.\n`;
    const after = `${filler}${address}\nHet staat er.\n`;
    assert.deepStrictEqual(afterEdit(before, after), [`url ${address}`]);
    assert.deepStrictEqual(afterEdit(after, before), [`url ${address}\nkst-29477-3.html`]);
  });

  it('a word edited on the line before a citation decides it: `Aanhangsel` before `Handelingen`', () => {
    const filler = 'Zie de stukken.\n'.repeat(40);
    const before = `${filler}Aanhangsel\nHandelingen II 2021/22, nr. 3045 en meer.\n`;
    const after = `${filler}Aanhangsels\nHandelingen II 2021/22, nr. 3045 en meer.\n`;
    assert.deepStrictEqual(afterEdit(before, after), ['handelingen Handelingen II 2021/22, nr. 3045']);
    assert.deepStrictEqual(afterEdit(after, before), ['aanhangsel Aanhangsel\nHandelingen II 2021/22, nr. 3045']);
  });

  it('a citation completed by the edit is found from its start well before it', () => {
    const filler = 'Zie de stukken.\n'.repeat(40);
    const before = `${filler}Kamerstukken II 2021/22, 29 477, nr. \n${'x '.repeat(10)}\n`;
    const after = `${filler}Kamerstukken II 2021/22, 29 477, nr. 3\n${'x '.repeat(10)}\n`;
    assert.deepStrictEqual(afterEdit(before, after), ['kamerstuk Kamerstukken II 2021/22, 29 477, nr. 3']);
    assert.deepStrictEqual(afterEdit(after, before), []);
  });
});

/** Pieces of text dense in dates and in what the date grammar reads around them. */
const datePiece = fc.constantFrom(
  '1', '2', '12', '31', '2022', '2021', '20022', '1 990', '19 90', ' ', ' ', ' ', '\n', '\n\n', 'maart', 'mei', 'sept.', 'dec', 'juli', 'novemberjl', 'en', 'of', 't/m', ',', '-', '–', '/',
  'jl.', 'j.l.', 'a.s.', 'jongstleden', 'aanstaande', 'dinsdag', 'op', 'per', 'd.d.', 'Ingezonden', 'Ingezon-', 'den', 'brief van', 'In', 'het jaar', 'is', '.', '?', 'x',
  '24-05-2022', '14-6 1984', 'http://x.nl/3', 'www.a.nl/12-', 'vraag',
);

describe('incremental date candidates', () => {
  afterEach(() => {
    setTokenReuse(true);
    trimTokenPool(0);
  });

  /** The date candidates of `text`, with the years the text around gives them, on the kept stream or a fresh one. */
  function datesOf(text: string, keep: boolean): string {
    setTokenReuse(keep);
    try {
      const lines = new LineIndex(text);
      const tokens = tokenizeLines(lines, () => true);
      // No URL marks: every number token is tried (the analysis's marks are line by line, as the test of the whole analysis covers).
      const found = JSON.stringify(findDateCandidates(tokens, new Uint8Array(tokens.length)));
      releaseTokens(tokens);
      return found;
    } finally {
      setTokenReuse(true);
    }
  }

  it('finds after every random edit of a text dense in dates what a fresh scan finds', function () {
    this.timeout(120000);
    const before = { ...dateStats };
    const tokensBefore = { ...tokenizeStats };
    let edits = 0;
    const textOf = fc.array(datePiece, { minLength: 10, maxLength: 400 }).map((parts) => parts.join(' '));
    const dateEdit = fc.record({
      at: fc.nat(),
      remove: fc.oneof(fc.constant(0), fc.nat(6), fc.nat(300)),
      insert: fc.oneof(datePiece, insertion),
    });
    fc.assert(
      fc.property(textOf, fc.array(dateEdit, { minLength: 1, maxLength: 8 }), (text, list) => {
        trimTokenPool(0);
        let current = text;
        datesOf(current, true);
        for (const e of list) {
          current = applyEdit(current, e);
          edits++;
          assert.strictEqual(datesOf(current, true), datesOf(current, false), `after ${JSON.stringify(e)}`);
        }
      }),
      { numRuns: 2500, seed: 0x6461 },
    );
    const incremental = dateStats.incremental - before.incremental;
    const streams = tokenizeStats.incremental - tokensBefore.incremental;
    assert.ok(edits >= 5000 && streams >= 1000, `${streams} of ${edits} edits were incremental`);
    assert.strictEqual(incremental, streams);
  });

  it('a list of days that the edit completes with its month is found from its first day, well before the edit', () => {
    const filler = 'Het staat er. '.repeat(60);
    const before = `${filler}Op 3, 4, 5, 6 en 7\n\n${'x '.repeat(5)}`;
    const after = `${filler}Op 3, 4, 5, 6 en 7 maart 2022\n\n${'x '.repeat(5)}`;
    trimTokenPool(0);
    datesOf(before, true);
    const found = JSON.parse(datesOf(after, true)) as DateCandidateJson[];
    assert.strictEqual(JSON.stringify(found), datesOf(after, false));
    assert.deepStrictEqual(found.map((c) => [c.day, c.month, c.year]), [[3, 3, 2022], [4, 3, 2022], [5, 3, 2022], [6, 3, 2022], [7, 3, 2022]]);
  });

  it('a year stated before the edit gives its year to a date after it, in the same sentence', () => {
    const filler = 'Het staat er. '.repeat(60);
    const before = `${filler}In 2021 is op 2 maart en op 9 april gesproken.`;
    const after = `${filler}In 2021 is op 2 maart en niet op 9 april gesproken.`;
    trimTokenPool(0);
    datesOf(before, true);
    const found = JSON.parse(datesOf(after, true)) as DateCandidateJson[];
    assert.strictEqual(JSON.stringify(found), datesOf(after, false));
    assert.deepStrictEqual(found.map((c) => [c.day, c.month, c.contextYear]), [[2, 3, 2021], [9, 4, 2021]]);
  });
});

describe('incremental date candidates, what an attempt reads before its day', () => {
  it('a weekday edited on the line before a date that starts the next line', () => {
    const filler = 'Het staat er.\n'.repeat(60);
    const before = `${filler}Zo is het, dinsdag\n3 mei 2022 en 5 mei 2022 en 9 mei 2022 en 12 mei 2022 en 19 mei 2022.\n`;
    const after = `${filler}Zo is het, woensdag\n3 mei 2022 en 5 mei 2022 en 9 mei 2022 en 12 mei 2022 en 19 mei 2022.\n`;
    for (const [from, to, weekday] of [[before, after, 'woensdag'], [after, before, 'dinsdag']]) {
      trimTokenPool(0);
      setTokenReuse(true);
      const first = new LineIndex(from);
      const old = tokenizeLines(first, () => true);
      findDateCandidates(old, new Uint8Array(old.length));
      releaseTokens(old);
      const lines = new LineIndex(to);
      const tokens = tokenizeLines(lines, () => true);
      const found = findDateCandidates(tokens, new Uint8Array(tokens.length));
      assert.ok(tokens.edit !== null, 'the stream was edited');
      releaseTokens(tokens);
      assert.deepStrictEqual(found.map((c) => [c.weekday?.name ?? null, c.day, c.month, c.year]),
        [[weekday, 3, 5, 2022], [null, 5, 5, 2022], [null, 9, 5, 2022], [null, 12, 5, 2022], [null, 19, 5, 2022]]);
    }
  });
});

describe('incremental lines', () => {
  /** Every line's start and end. */
  function linesOf(index: LineIndex): string {
    const out: number[] = [];
    for (let line = 0; line < index.lineCount; line++) out.push(index.lineStart(line), index.lineEnd(line));
    return out.join(',');
  }

  it('finds after every random edit the lines a fresh search finds, whatever the line breaks', () => {
    const piece = fc.constantFrom('a', 'bc', ' ', '\n', '\r', '\r\n', '\n\n', '\r\r', 'Vraag 1', '');
    const text = fc.array(piece, { maxLength: 120 }).map((parts) => parts.join(''));
    const lineEdit = fc.record({ at: fc.nat(), remove: fc.oneof(fc.nat(3), fc.nat(40)), insert: fc.oneof(piece, fc.string({ unit: fc.constantFrom('\r', '\n', 'x'), maxLength: 6 })) });
    fc.assert(
      fc.property(text, fc.array(lineEdit, { minLength: 1, maxLength: 6 }), (first, list) => {
        let current = first;
        let index = new LineIndex(current);
        for (const e of list) {
          current = applyEdit(current, e);
          index = new LineIndex(current, index);
          assert.strictEqual(linesOf(index), linesOf(new LineIndex(current)), JSON.stringify(current));
        }
      }),
      { numRuns: 3000, seed: 0x6c6e },
    );
  });

  it('a line feed typed after a carriage return joins the two into one break', () => {
    const before = new LineIndex('ab\rcd\ref');
    const after = new LineIndex('ab\r\ncd\ref', before);
    assert.deepStrictEqual([after.lineCount, after.lineStart(1), after.lineEnd(0), after.lineStart(2)], [3, 4, 2, 7]);
  });
});

interface DateCandidateJson {
  readonly day: number;
  readonly month: number;
  readonly year: number | null;
  readonly contextYear: number | null;
}
