// Incremental tokenizing: after an edit, the analysis reads only the changed
// lines again and reuses the token stream of the version before. Whatever the
// edit, the analysis must equal a fresh one of the new text, field by field.

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as fc from 'fast-check';
import { analysisFields, analyze, blockStats, letterMentionStats, markStats, markTokens, resolvedReferenceStats, resolvedStats, verifyStats } from '../../server/src/model/analysis';
import { citationStats, findCitations } from '../../server/src/model/citations';
import { dateStats, findDateCandidates } from '../../server/src/model/dates';
import { findMarkerCandidates, markerStats } from '../../server/src/model/footnotes';
import { findLetterMentions, findSentences, letterStats, type RawLetterMention, sentenceAt, sentenceStats, sentenceTokens } from '../../server/src/model/letters';
import { LineKind } from '../../server/src/model/lines';
import { findReferences, referenceStats, type RawReference } from '../../server/src/model/references';
import { readStructure } from '../../server/src/model/structure';
import { LineIndex } from '../../server/src/model/text';
import { Gap, pooledTokenCapacity, releaseTokens, setTokenReuse, tokenizeLines, tokenizeStats, TokenKind, type Tokens, trimTokenPool } from '../../server/src/model/tokens';
import type { Analysis } from '../../server/src/model/types';
import { warmUpSet } from '../../server/src/warmUp';
import { documentSymbols, openingWordsStats } from '../../server/src/features/symbols';
import type { DocumentSymbol } from 'vscode-languageserver-types';
import type { FeatureContext } from '../../server/src/features/context';
import { DEFAULT_SETTINGS } from '../../server/src/settings';
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
  return JSON.stringify({ ...analysisFields(a), text: a.text.length, lines: a.lines.lineCount });
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
    'zie antwoord vraag 2', 'het antwoord op vraag 12', ' brief van 18 mei 2022', 'brief2', ' Kamerbrieven van 3 en 5 maart 2022', 'brie-\nven van 2 mei', '29 juni 20022', '12 maart', 'In 2021 is op 2 maart',
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

/** Reads `text` (its stream is then the kept one), then applies the edits one by one, checking after each; returns how many. */
function runEdits(text: string, list: readonly Edit[], read: (text: string) => void, check: (text: string, edit: Edit) => void): number {
  trimTokenPool(0);
  let current = text;
  read(current);
  for (const e of list) {
    current = applyEdit(current, e);
    check(current, e);
  }
  return list.length;
}

/**
 * Random texts made of `pieces` (joined by `join`), each edited up to eight times; after every edit
 * `check(text)` compares what the kept stream gives with what a fresh one gives. Returns the number
 * of edits and how many of them edited the token stream (rather than reading the text anew).
 */
function editRandomTexts(
  pieces: fc.Arbitrary<string>,
  shape: { readonly minLength: number; readonly maxLength: number; readonly join?: string; readonly maxRemove: number; readonly numRuns: number; readonly seed: number },
  read: (text: string) => void,
  check: (text: string, edit: Edit) => void,
): { edits: number; streams: number } {
  const tokensBefore = tokenizeStats.incremental;
  let edits = 0;
  const textOf = fc.array(pieces, { minLength: shape.minLength, maxLength: shape.maxLength }).map((parts) => parts.join(shape.join ?? ''));
  const anEdit = fc.record({ at: fc.nat(), remove: fc.oneof(fc.constant(0), fc.nat(6), fc.nat(shape.maxRemove)), insert: fc.oneof(pieces, insertion) });
  fc.assert(
    fc.property(textOf, fc.array(anEdit, { minLength: 1, maxLength: 8 }), (text, list) => {
      edits += runEdits(text, list, read, check);
    }),
    { numRuns: shape.numRuns, seed: shape.seed },
  );
  return { edits, streams: tokenizeStats.incremental - tokensBefore };
}

/**
 * `read(lines, tokens)` on the tokens of every line of `text`: on the kept stream (`keep`, edited from
 * the one before and given back afterwards, as the analysis does) or on a fresh one.
 */
function onStream<T>(text: string, keep: boolean, read: (lines: LineIndex, tokens: Tokens) => T): T {
  setTokenReuse(keep);
  try {
    const lines = new LineIndex(text);
    const tokens = tokenizeLines(lines, () => true);
    const found = read(lines, tokens);
    releaseTokens(tokens);
    return found;
  } finally {
    setTokenReuse(true);
  }
}

/**
 * Every corpus text, edited `numRuns` times by up to six random edits: `read(text)` reads the version
 * before (its stream is then the kept one), and after every edit `check(name, text, edit)` compares.
 * Returns the number of edits.
 */
function editCorpus(
  texts: readonly { name: string; text: string }[], anEdit: fc.Arbitrary<Edit>, runs: { readonly numRuns: number; readonly seed: number },
  read: (text: string) => void, check: (name: string, text: string, edit: Edit) => void,
): number {
  let edits = 0;
  for (const { name, text } of texts) {
    fc.assert(
      fc.property(fc.array(anEdit, { minLength: 1, maxLength: 6 }), (list) => {
        edits += runEdits(text, list, read, (current, e) => check(name, current, e));
      }),
      { numRuns: runs.numRuns, seed: runs.seed + text.length },
    );
  }
  return edits;
}

/**
 * What `read(text, true)` gives after `before` was read on the kept stream (so that the stream of
 * `text` is that of `before`, edited), checked: the stream was edited once, `stats` counted one
 * incremental run, and the result is what a fresh stream gives.
 */
function readAfterEdit<T>(before: string, text: string, stats: { readonly incremental: number }, read: (text: string, keep: boolean) => T): T {
  trimTokenPool(0);
  read(before, true);
  const streams = tokenizeStats.incremental;
  const runs = stats.incremental;
  const kept = read(text, true);
  assert.strictEqual(tokenizeStats.incremental - streams, 1, 'the stream was edited');
  assert.strictEqual(stats.incremental - runs, 1, 'found again around the edit');
  assert.strictEqual(JSON.stringify(kept), JSON.stringify(read(text, false)), 'as a fresh run');
  return kept;
}

describe('incremental tokenizing', () => {
  const texts = corpus();
  afterEach(() => {
    setTokenReuse(true);
    trimTokenPool(0);
  });

  /**
   * What `read` gives of the stream of `before` (asserted to be `expectedBefore`), and of the stream
   * edited in place into that of `edited` (asserted to be edited, not read anew, and to give
   * `expectedAfter`, as a fresh stream of `edited` does). `check` looks further at the edited stream.
   */
  function readBeforeAndAfter<T>(
    before: string, edited: string, read: (tokens: Tokens) => T, expectedBefore: T, expectedAfter: T, check?: (edited: Tokens) => void,
  ): void {
    trimTokenPool(0);
    setTokenReuse(true);
    const first = tokenizeLines(new LineIndex(before), () => true);
    assert.deepStrictEqual(read(first), expectedBefore);
    releaseTokens(first);
    const streams = tokenizeStats.incremental;
    const second = tokenizeLines(new LineIndex(edited), () => true);
    assert.strictEqual(tokenizeStats.incremental - streams, 1, 'the stream was edited');
    assert.deepStrictEqual(read(second), expectedAfter);
    check?.(second);
    releaseTokens(second);
    assert.deepStrictEqual(onStream(edited, false, (_, tokens) => read(tokens)), expectedAfter);
  }

  it('has the corpus to edit', () => {
    assert.ok(texts.length >= 90, `${texts.length} texts`);
  });

  it('gives the analysis of a fresh token stream after every random edit, on every corpus text', function () {
    this.timeout(300000);
    const before = { ...tokenizeStats };
    const citationsBefore = { ...citationStats };
    const datesBefore = { ...dateStats };
    const marksBefore = { ...markStats };
    const lettersBefore = { ...letterStats };
    const blocksBefore = { ...blockStats };
    const resolvedBefore = { ...resolvedStats };
    const referencesBefore = { ...resolvedReferenceStats };
    const mentionsBefore = letterMentionStats.moved;
    // The version before each edit is analysed first, as the editor does: its stream is the one kept.
    const edits = editCorpus(texts, edit, { numRuns: 8, seed: 0x4b56 }, (text) => analyze(text, { year: 2024 }),
      (name, text, e) => assert.strictEqual(fields(analyze(text, { year: 2024 })), fields(fresh(text)), `${name} after ${JSON.stringify(e)}`));
    const incremental = tokenizeStats.incremental - before.incremental;
    assert.ok(edits >= 2000, `${edits} edits`);
    // Most edits reuse the stream; the rest (a page-furniture line made or unmade, NUL, small texts cut short) read the text again.
    assert.ok(incremental >= edits * 0.7, `${incremental} of ${edits} edits were incremental`);
    // The citations are scanned again only around the edit whenever the stream was edited and the runs of kept lines stayed.
    const citations = citationStats.incremental - citationsBefore.incremental;
    assert.ok(citations >= incremental * 0.8, `${citations} of ${incremental} incremental edits rescanned the citations around the edit`);
    // The date candidates are tried again around the edit whenever the stream was edited.
    assert.strictEqual(dateStats.incremental - datesBefore.incremental, incremental, 'date candidates');
    // The per-token marks are made again for the changed lines whenever the lines around keep their kinds.
    const marks = markStats.incremental - marksBefore.incremental;
    assert.ok(marks >= incremental * 0.8, `${marks} of ${incremental} incremental edits marked only the changed lines`);
    // The letter mentions are found again around the edit (and the inputs that changed) whenever the stream was edited.
    assert.strictEqual(letterStats.incremental - lettersBefore.incremental, incremental, 'letter mentions');
    // Blocks before the edit are kept from the version before (and equal to fresh ones, as the fields say); those after it are moved.
    assert.ok(blockStats.kept - blocksBefore.kept > edits, `${blockStats.kept - blocksBefore.kept} blocks kept in ${edits} edits`);
    assert.ok(blockStats.moved - blocksBefore.moved > edits, `${blockStats.moved - blocksBefore.moved} blocks moved in ${edits} edits`);
    // So are the dates before the edit that gave no diagnostic and are read by the same date; those after it are moved.
    assert.ok(resolvedStats.kept - resolvedBefore.kept > edits, `${resolvedStats.kept - resolvedBefore.kept} dates kept in ${edits} edits`);
    assert.ok(resolvedStats.moved - resolvedBefore.moved > edits, `${resolvedStats.moved - resolvedBefore.moved} dates moved in ${edits} edits`);
    // And the references of the raw references kept before the edit, resolved by the same blocks, numbers and dates; those after it are moved.
    assert.ok(resolvedReferenceStats.kept - referencesBefore.kept > 0, 'references kept');
    assert.ok(resolvedReferenceStats.moved - referencesBefore.moved > edits / 4, `${resolvedReferenceStats.moved - referencesBefore.moved} references moved in ${edits} edits`);
    // And the letter mentions after it.
    assert.ok(letterMentionStats.moved - mentionsBefore > edits / 8, `${letterMentionStats.moved - mentionsBefore} letter mentions moved in ${edits} edits`);
  });

  it('lists the words ending in ven (the plural letter words among them) after an edit as a fresh stream does', () => {
    const wordsOf = (tokens: Tokens) => [...tokens.vWords.tokens()].map((i) => tokens.text(i));
    const before = 'De brieven en Kamerbrieven; BRIEVEN, brie-ven.\nEen vennoot, ven en oven.\n\nHet overleg van 3 maart.\nDe brieven van 3 maart zijn er.\nDat is alles wat er is.\n';
    // One word edited on the second line: the lines before and after keep their tokens, those after moved.
    const edited = before.replace('oven', 'de beleidsbrieven');
    readBeforeAndAfter(before, edited, wordsOf,
      ['brieven', 'Kamerbrieven', 'BRIEVEN', 'ven', 'ven', 'oven', 'brieven'],
      ['brieven', 'Kamerbrieven', 'BRIEVEN', 'ven', 'ven', 'beleidsbrieven', 'brieven']);
  });

  it('lists the tokens that may end a sentence (`.`, `?`, `!`) after an edit as a fresh stream does', () => {
    const stopsOf = (tokens: Tokens) => [...tokens.stops.tokens()].map((i) => `${tokens.text(i)}@${tokens.start[i]}`);
    const before = 'Is het zo? Ja! Dat is het.\nNee, 3.5 kg, a.s. dinsdag.\n\nEen zin zonder punt\nHet einde.\n';
    // A question mark typed in the second line: the tokens after it move by one.
    const edited = before.replace('Nee,', 'Nee?');
    readBeforeAndAfter(before, edited, stopsOf,
      ['?@9', '!@13', '.@25', '.@33', '.@41', '.@43', '.@52', '.@84'],
      ['?@9', '!@13', '.@25', '?@30', '.@33', '.@41', '.@43', '.@52', '.@84']);
  });

  it('keeps the unit of each punctuation mark and the value of each short number, after an edit as a fresh stream does', () => {
    // Per punctuation mark and number: its text, what `ch` says (-1: more than one unit) and, for a number, what `num` says.
    const valuesOf = (tokens: Tokens) => Array.from({ length: tokens.length }, (_, i) => i)
      .filter((i) => tokens.kind[i] !== TokenKind.Word)
      .map((i) => (tokens.kind[i] === TokenKind.Number ? `${tokens.text(i)}=${tokens.num(i)}/${tokens.ch(i)}` : `${tokens.text(i)}/${tokens.ch(i)}`));
    // Lines of words alone after them: enough of the stream stays for it to be edited, not read anew.
    const before = 'Vraag 7: zie 0, 12 en 007.\n2022Z09875 — 1234 en 12345 \ud83d\ude00!\n' +
      'Een regel met woorden alleen en verder niets\nen nog een regel met woorden alleen\nen een derde regel van dezelfde soort\n';
    const edited = before.replace('zie 0,', 'zie 3, 45 of 9999;');
    // The first digits of a number: from the kept value (four digits at most), else from the text.
    const prefixes = (tokens: Tokens) => {
      const prefix = (text: string, digits: number) => {
        for (let i = 0; i < tokens.length; i++) if (tokens.kind[i] === TokenKind.Number && tokens.text(i) === text) return tokens.numPrefix(i, digits);
        return -1;
      };
      assert.deepStrictEqual([prefix('2022', 2), prefix('2022', 4), prefix('9999', 3), prefix('007', 2), prefix('09875', 4), prefix('12345', 1)], [20, 2022, 999, 0, 987, 1]);
    };
    readBeforeAndAfter(before, edited, valuesOf, [
      '7=7/55', ':/58', '0=0/48', ',/44', '12=12/-1', '007=7/-1', './46',
      '2022=2022/-1', '09875=9875/-1', '—/8212', '1234=1234/-1', '12345=12345/-1', '\ud83d\ude00/-1', '!/33',
    ], [
      '7=7/55', ':/58', '3=3/51', ',/44', '45=45/-1', '9999=9999/-1', ';/59', '12=12/-1', '007=7/-1', './46',
      '2022=2022/-1', '09875=9875/-1', '—/8212', '1234=1234/-1', '12345=12345/-1', '\ud83d\ude00/-1', '!/33',
    ], prefixes);
  });

  it('lists the tokens where a citation may start after an edit as a fresh stream does', () => {
    const listed = (tokens: Tokens) => [...tokens.citeStarts.tokens()].map((i) => tokens.text(i));
    // Anchor shapes (`Kamerstuk`, `Wet`; `komen` of the shape of `Kamer`, `Zie` of `Zvw`), words with a capital inside, numbers before Z or D.
    const before = 'Zie Kamerstuk 36 410, de Wet en komen.\nAanhangselHandelingen 2022Z09875 en 2024D1 en 123Z.\nECLI en iPhone, niets.\n';
    const edited = before.replace('de Wet en komen', 'de wat Stb');
    readBeforeAndAfter(before, edited, listed,
      ['Zie', 'Kamerstuk', 'Wet', 'komen', 'AanhangselHandelingen', '2022', '2024', 'ECLI', 'iPhone'],
      ['Zie', 'Kamerstuk', 'wat', 'Stb', 'AanhangselHandelingen', '2022', '2024', 'ECLI', 'iPhone']);
  });

  it('reads only the changed lines: a keystroke in the middle of a long text reuses the rest', () => {
    const text = texts.find((t) => t.name === 'openkamer/kv-2022Z09875.txt')!.text.repeat(20);
    trimTokenPool(0);
    analyze(text);
    const before = { ...tokenizeStats };
    const at = text.indexOf('Nokia', text.length >> 1);
    const edited = `${text.slice(0, at)}x${text.slice(at)}`;
    const previous = analyze(text);
    const a = analyze(edited);
    // The questions and answers before the edit are the objects of the version before; none after it.
    const keptQuestions = a.questions.filter((q, i) => q === previous.questions[i]);
    assert.ok(keptQuestions.length > 0 && keptQuestions.every((q) => q.span.end <= at), `${keptQuestions.length} questions kept`);
    assert.strictEqual(keptQuestions.length, previous.questions.filter((q) => q.span.end <= at && (q.answer === null || q.answer.span.end <= at)).length);
    assert.ok(a.answers.some((b, i) => b === previous.answers[i]));
    // The dates and references before the edit too, and none after it (their offsets moved).
    const keptDates = a.dates.filter((d, i) => d === previous.dates[i]);
    assert.ok(keptDates.length > 0 && keptDates.every((d) => d.span.end <= at), `${keptDates.length} dates kept`);
    // The dates after the edit are moved: new objects at the new offsets with the old ones' texts; on the lines after the
    // edited one their ranges, read when asked, are the old ones' (the edit adds no line).
    const editLine = a.lines.lineAt(at);
    const after = a.dates.map((d, i) => [d, previous.dates[i]] as const).filter(([d]) => d.span.start > at + 1);
    assert.ok(after.length > 0 && after.every(([d, p]) => d !== p && d.span.start === p.span.start + 1 && d.text === p.text));
    const later = after.filter(([d]) => d.range.start.line > editLine);
    assert.ok(later.length > 0);
    for (const [d, p] of later) assert.deepStrictEqual(d.range, p.range);
    const keptReferences = a.references.filter((r, i) => r === previous.references[i]);
    assert.ok(keptReferences.length > 0 && keptReferences.every((r) => r.span.end <= at), `${keptReferences.length} references kept`);
    // And every letter mention before the edit (its date the same).
    const mentionsOf = (x: Analysis) => x.letters.flatMap((l) => l.mentions);
    const oldMentions = new Set(mentionsOf(previous));
    const mentionsBefore = mentionsOf(a).filter((m) => m.span.end <= at);
    assert.ok(mentionsBefore.length > 0 && mentionsBefore.every((m) => oldMentions.has(m)), `${mentionsBefore.filter((m) => oldMentions.has(m)).length} of ${mentionsBefore.length} letter mentions kept`);
    assert.strictEqual(tokenizeStats.incremental - before.incremental, 2);
    assert.strictEqual(tokenizeStats.full - before.full, 0);
    assert.strictEqual(fields(a), fields(fresh(edited)));
  });

  it('moves the questions, answers, references and letter mentions after an edit: new objects at the new offsets, their ranges the old ones, or one line on after a line break', () => {
    // Forty questions with their answers (the warm-up's set, its five questions eight times).
    const text = warmUpSet(8);
    trimTokenPool(0);
    const previous = analyze(text);
    const at = text.indexOf('Ja.', text.indexOf(' • Vraag 21\n'));
    const typed = `${text.slice(0, at)}x${text.slice(at)}`;
    const blocks = { ...blockStats };
    const a = analyze(typed);
    // Questions 1–20 and their answers are kept, 22–40 and theirs moved; question 21's answer holds the edit (and so question 21 gets a new answer).
    assert.deepStrictEqual([blockStats.kept - blocks.kept, blockStats.moved - blocks.moved, blockStats.made - blocks.made], [2 * 20, 2 * 19, 2]);
    assert.strictEqual(fields(a), fields(fresh(typed)));
    const pairs = (x: Analysis, y: Analysis) => x.questions.map((q, i) => [q, y.questions[i]] as const).filter(([q]) => q.number > 21);
    for (const [q, p] of pairs(a, previous)) {
      assert.ok(q !== p && q.span.start === p.span.start + 1);
      assert.deepStrictEqual([q.range, q.answer!.range], [p.range, p.answer!.range]);
    }
    // Their references too (`Zie antwoord vraag 22.` and the rest), to the same answers.
    const laterReferences = a.references.map((r, i) => [r, previous.references[i]] as const).filter(([r]) => r.span.start > at);
    assert.ok(laterReferences.length > 10);
    for (const [r, p] of laterReferences) {
      assert.ok(r !== p && r.span.start === p.span.start + 1 && r.target === p.target);
      assert.deepStrictEqual(r.range, p.range);
    }
    // And the letters' mentions (`brief23 van 12 maart 2021` …): the old texts, the same ranges on the lines after the edited one.
    const editLine = a.lines.lineAt(at);
    const mentionsAfter = (x: Analysis) => x.letters.flatMap((l) => l.mentions).filter((m) => m.span.start > at && m.range.start.line > editLine).sort((m, n) => m.span.start - n.span.start);
    const [newMentions, oldMentions] = [mentionsAfter(a), mentionsAfter(previous)];
    assert.ok(newMentions.length > 10 && newMentions.length === oldMentions.length);
    newMentions.forEach((m, i) => {
      assert.ok(m !== oldMentions[i] && m.span.start === oldMentions[i].span.start + 1 && m.text === oldMentions[i].text);
      assert.deepStrictEqual(m.range, oldMentions[i].range);
    });
    // A line break: the same, one line on.
    const broken = `${typed.slice(0, at)}\n${typed.slice(at)}`;
    const b = analyze(broken);
    assert.strictEqual(fields(b), fields(fresh(broken)));
    assert.ok(pairs(b, a).every(([q, p]) => q.range.start.line === p.range.start.line + 1 && q.range.start.character === p.range.start.character));
    assert.ok(b.references.filter((r) => r.span.start > at).every((r, i) => r.range.start.line === laterReferences[i][0].range.start.line + 1));
  });

  it('a reference after the edit is resolved again when the block it stands in is renumbered before it', () => {
    const filler = 'Dit is een zin.\n'.repeat(40);
    const before = `Vraag 1\nIs dat zo?\n\nAntwoord 1\nJa.\n\nVraag 2\nEn dit?\n\nAntwoord 2\n${filler}Zie het antwoord op vraag 1.\n`;
    const after = before.replace('Antwoord 2\n', 'Antwoord 7\n');
    trimTokenPool(0);
    const a = analyze(before);
    const moved = resolvedReferenceStats.moved;
    const b = analyze(after);
    assert.deepStrictEqual(a.references.map((r) => [r.from, r.target]), [[2, 1]]);
    assert.deepStrictEqual(b.references.map((r) => [r.from, r.target]), [[7, 1]]);
    assert.strictEqual(resolvedReferenceStats.moved, moved, 'made again, not moved');
    assert.strictEqual(fields(b), fields(fresh(after)));
  });

  it('a date before the edit is read again when the date it is read by changes after it', () => {
    // Without dates in a header, `29 december jl.` is read back from the latest date the text writes out in its most common year.
    const filler = 'Dit is een zin.\n'.repeat(80);
    const before = `${filler}De krant van 29 december jl. meldde het.\n${filler}Op 2 oktober 1990 kwam het.\n`;
    const after = before.replace('2 oktober 1990', '30 december 1990');
    trimTokenPool(0);
    const a = analyze(before);
    const b = analyze(after);
    assert.deepStrictEqual(a.dates.map((d) => d.date), ['1989-12-29', '1990-10-02']);
    assert.deepStrictEqual(b.dates.map((d) => d.date), ['1990-12-29', '1990-12-30']);
    assert.strictEqual(fields(b), fields(fresh(after)));
    // A date read by the same date stays the object it was.
    const c = analyze(after.replace('meldde het', 'meldde dat'));
    assert.strictEqual(c.dates[0], b.dates[0]);
  });

  it('a reference before the edit is resolved again when a question it names is made after it', () => {
    const question = (n: number) => `Vraag ${n}\nIs dat zo?\n\nAntwoord ${n}\nJa, zie ook het antwoord op vraag 3.\n\n`;
    const before = `${question(1)}${question(2)}${'Dit is een zin.\n'.repeat(80)}`;
    const after = `${before}${question(3)}`;
    trimTokenPool(0);
    const a = analyze(before);
    const b = analyze(after);
    assert.deepStrictEqual(a.references.map((r) => [r.number, r.scope, r.target]), [[3, 'internal', null], [3, 'internal', null]]);
    assert.deepStrictEqual(b.references.map((r) => [r.number, r.scope, r.target]), [[3, 'internal', 3], [3, 'internal', 3], [3, 'internal', 3]]);
    assert.strictEqual(fields(b), fields(fresh(after)));
    // Resolved as before, a reference before an edit is the object it was.
    const c = analyze(`${after}Nog een zin.\n`);
    assert.strictEqual(c.references[0], b.references[0]);
    // The question taken away again: the references before the edit no longer find it.
    const d = analyze(before);
    assert.deepStrictEqual(d.references.map((r) => [r.number, r.scope, r.target]), [[3, 'internal', null], [3, 'internal', null]]);
    assert.strictEqual(fields(d), fields(fresh(before)));
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

describe('an incremental analysis checked against a whole one (verify)', () => {
  it('finds no difference after the random edits of every corpus text, and checks each edit that reused the version before', function () {
    this.timeout(300000);
    const before = { ...verifyStats };
    const edited = tokenizeStats.incremental;
    const edits = editCorpus(corpus(), edit, { numRuns: 2, seed: 0x7e51 }, (text) => analyze(text, { year: 2024, verify: true }),
      (name, text, e) => assert.strictEqual(fields(analyze(text, { year: 2024, verify: true })), fields(fresh(text)), `${name} after ${JSON.stringify(e)}`));
    assert.ok(edits >= 400, `${edits} edits`);
    const checked = verifyStats.checked - before.checked;
    // Each analysis that edited the kept stream was checked (the whole analyses the check makes edit none).
    assert.strictEqual(checked, tokenizeStats.incremental - edited);
    assert.ok(checked >= edits * 0.7, `${checked} of ${edits}`);
    assert.strictEqual(verifyStats.mismatches - before.mismatches, 0);
  });

  it('a kept element that differs from what a whole analysis makes (as a fault in the reuse would leave it) is found: the whole analysis is returned, and the next text is read anew', () => {
    const text = warmUpSet(2);
    const late = text.lastIndexOf('Kunt u deze vragen');
    assert.ok(late > text.length / 2);
    const edited = (s: string) => s.slice(0, late) + 'x' + s.slice(late);
    for (const verify of [false, true]) {
      trimTokenPool(0);
      const first = analyze(text, { year: 2024 });
      assert.strictEqual(first.questions[0].number, 1);
      // The first question ends long before the edit: the next analysis keeps it as it is.
      (first.questions[0] as { number: number }).number = 99;
      const mismatches = verifyStats.mismatches;
      const next = analyze(edited(text), { year: 2024, verify });
      if (!verify) {
        // Unchecked, the fault shows.
        assert.strictEqual(next.questions[0].number, 99);
        continue;
      }
      assert.strictEqual(verifyStats.mismatches - mismatches, 1);
      assert.strictEqual(next.questions[0].number, 1);
      assert.strictEqual(fields(next), fields(fresh(edited(text))));
      // The stream that held the fault is gone: the next version is read whole.
      assert.strictEqual(pooledTokenCapacity(), 0);
      const full = tokenizeStats.full;
      analyze(edited(edited(text)), { year: 2024, verify });
      assert.strictEqual(tokenizeStats.full - full, 1);
    }
  });
});

describe('the outline of an edited text', () => {
  const ctx: FeatureContext = { locale: 'nl', settings: DEFAULT_SETTINGS };
  const outline = (a: Analysis) => JSON.stringify(documentSymbols(a, ctx));

  it('is after every random edit, on every corpus text, the outline of a fresh analysis (the opening words found by range included)', function () {
    this.timeout(300000);
    const readBefore = openingWordsStats.read;
    let details = 0;
    const edits = editCorpus(corpus(), edit, { numRuns: 3, seed: 0x0b71 }, (text) => outline(analyze(text, { year: 2024 })), (name, text, e) => {
      const a = analyze(text, { year: 2024 });
      details += a.questions.length + a.answers.length;
      assert.strictEqual(outline(a), outline(fresh(text)), `${name} after ${JSON.stringify(e)}`);
    });
    assert.ok(edits >= 500, `${edits} edits`);
    // The fresh analyses read every opening word; the edited ones find theirs by range unless their lines moved (a line break) or the text was read anew.
    const again = openingWordsStats.read - readBefore - details;
    assert.ok(again < details * 0.8, `the edited analyses read ${again} opening words of ${details}`);
  });

  it('a keystroke in one answer of a forty-question set reads the opening words of that answer and its question alone', () => {
    const text = warmUpSet(8);
    trimTokenPool(0);
    const first = analyze(text, { year: 2024 });
    assert.strictEqual(first.questions.length, 40);
    const firstSymbols = documentSymbols(first, ctx);
    const at = text.indexOf('Ja. Ik heb', text.indexOf('Vraag 21\n')) + 3;
    assert.ok(at > 3);
    const edited = text.slice(0, at) + 'x' + text.slice(at);
    const before = openingWordsStats.read;
    const a = analyze(edited, { year: 2024 });
    const symbols = documentSymbols(a, ctx);
    // The answer's, and its question's: on the openkamer page the question's block holds its answer, and is made anew.
    assert.strictEqual(openingWordsStats.read - before, 2);
    assert.strictEqual(JSON.stringify(symbols), outline(fresh(edited)));
    // The questions' symbols before and after the edited one are handed out again; the edited one's is made.
    const questionsOf = (list: DocumentSymbol[]) => list[0].children!.filter((c) => c.name.startsWith('Vraag'));
    const [was, now] = [questionsOf(firstSymbols), questionsOf(symbols)];
    assert.strictEqual(now.length, 40);
    assert.deepStrictEqual(now.map((c, i) => (c === was[i] ? '=' : c.name)).filter((x) => x !== '='), ['Vraag 21']);
  });
});

describe('incremental citations', () => {
  afterEach(() => {
    setTokenReuse(true);
    trimTokenPool(0);
  });

  /** The citations of `text` as the analysis finds them (no lines skipped), on the kept stream or a fresh one. */
  function citationsOf(text: string, keep: boolean): string {
    return onStream(text, keep, (lines, tokens) => JSON.stringify(findCitations(lines, () => false, tokens)));
  }

  it('finds after every random edit of a text dense in citations what a fresh scan finds', function () {
    this.timeout(120000);
    const before = citationStats.incremental;
    // Short texts: every edit falls within a look-ahead of some citation, attempt or blank line.
    const { edits, streams } = editRandomTexts(citationPiece, { minLength: 10, maxLength: 160, maxRemove: 500, numRuns: 2500, seed: 0x6369 },
      (text) => citationsOf(text, true),
      (text, e) => assert.strictEqual(citationsOf(text, true), citationsOf(text, false), `after ${JSON.stringify(e)}`));
    // Short texts are often read whole by the tokenizer (too little to reuse); where it edited the stream, the citations follow.
    const incremental = citationStats.incremental - before;
    assert.ok(edits >= 5000 && streams >= edits * 0.2, `${streams} of ${edits} edits were incremental`);
    assert.ok(incremental >= streams * 0.95, `${incremental} of ${streams} incremental edits rescanned the citations only around the edit`);
  });


  /** The citations of `text` after `before` was scanned (the stream edited, not read anew), as kind and text. */
  function afterEdit(before: string, text: string): string[] {
    const found = JSON.parse(readAfterEdit(before, text, citationStats, citationsOf)) as { kind: string; text: string }[];
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
    // No URL marks: every number token is tried (the analysis's marks are line by line, as the test of the whole analysis covers).
    return onStream(text, keep, (_lines, tokens) => JSON.stringify(findDateCandidates(tokens, new Uint8Array(tokens.length))));
  }

  it('finds after every random edit of a text dense in dates what a fresh scan finds', function () {
    this.timeout(120000);
    const before = dateStats.incremental;
    const { edits, streams } = editRandomTexts(datePiece, { minLength: 10, maxLength: 400, join: ' ', maxRemove: 300, numRuns: 2500, seed: 0x6461 },
      (text) => datesOf(text, true),
      (text, e) => assert.strictEqual(datesOf(text, true), datesOf(text, false), `after ${JSON.stringify(e)}`));
    assert.ok(edits >= 5000 && streams >= 1000, `${streams} of ${edits} edits were incremental`);
    assert.strictEqual(dateStats.incremental - before, streams);
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

  it('gives every offset its line and character, asked in any order (the search gallops from the line asked last)', () => {
    const piece = fc.constantFrom('a', 'bc', ' ', '\n', '\r', '\r\n', '\n\n', 'Vraag 1\n', 'x'.repeat(30), '');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 400 }).map((parts) => parts.join('')), fc.array(fc.integer({ min: -3, max: 5000 }), { maxLength: 60 }), (text, asked) => {
        const index = new LineIndex(text);
        // By hand: the line is the count of breaks before the offset (a break belongs to the line it ends), the character the distance from that line's start.
        for (const raw of asked) {
          const offset = Math.max(0, Math.min(raw, text.length));
          let line = 0;
          let start = 0;
          for (let i = 0; i < offset; i++) {
            const c = text[i];
            if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) {
              line++;
              start = i + 1;
            }
          }
          // The break itself belongs to the line it ends: an offset on a break is at the end of its line.
          let end = start;
          while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
          assert.deepStrictEqual(index.positionAt(raw), { line, character: Math.min(offset, end) - start }, `${JSON.stringify(text)} at ${raw}`);
        }
      }),
      { numRuns: 2000, seed: 0x6c61 },
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


describe('incremental footnote markers and sentences', () => {
  afterEach(() => {
    setTokenReuse(true);
    trimTokenPool(0);
  });

  /**
   * Pieces of text dense in what the marker candidates and the sentences read: digits glued to words and
   * punctuation, brackets, numbers at line starts before verbs and capitals, numbered items, note texts above
   * page furniture, dates, years with a digit glued on, headings, blank lines, sentence ends and abbreviations.
   */
  const piece = fc.constantFrom(
    'tekst1', 'brief2', ' bericht3,4', '?1', 'Hil.2 3', ' [2 ]', '[1, 2 ]', '³', '\n4 is het beleid', '\n2 Voor drie', '\n5, 6 en 7', ' 2) ', '(2024) 3)',
    'beleid? 1) Kunt u', '\n1 Kamerstuk 29 477, nr. 3\n', '\n2 Stb. 2024, 153\n', '\n\nah-tk-20212022-1234 ISSN 0921 - 7398 ’s-Gravenhage 2022\n',
    '12 maart 2021', ' 1 oktober 2024', 'in 20193 ', '2024–20272', 'in 2 gevallen', 'artikel5', 'vraag4', 'CO2', 'm3', 'het CBS2,', '3,5', '\n3. Hiermee',
    'Vraag 3\n', '\nAntwoord 3\n', '\n', '\n\n', ' ', 'x', 'Het ', 'de ', '.', '?', '!', ' nr. ', 'o.a. ', 'gemeld.In', 'een ', 'zie ', 'en ', ', ', ':', '(', ')',
  );

  /** The boundaries as the analysis marks them: a heading line or a blank line between a token and the one before. */
  function boundaries(tokens: Tokens, kinds: Uint8Array): Uint8Array {
    const boundary = new Uint8Array(tokens.length);
    for (let i = 1; i < tokens.length; i++) {
      const line = tokens.line[i];
      const prevLine = tokens.line[i - 1];
      if (line !== prevLine && (kinds[line] === LineKind.Heading || kinds[prevLine] === LineKind.Heading || (line - prevLine > 1 && kinds[prevLine + 1] === LineKind.Blank))) boundary[i] = 1;
    }
    return boundary;
  }

  /** The marker candidates and sentences (their first tokens, then the token count) of `text` (the inputs made as the analysis makes them), on the kept stream or a fresh one. */
  function grammarsOf(text: string, keep: boolean): { markers: string; sentences: number[] } {
    setTokenReuse(keep);
    try {
      const lines = new LineIndex(text);
      const structure = readStructure(lines);
      const kinds = structure.lineKinds;
      const tokens = tokenizeLines(lines, (l) => kinds[l] !== LineKind.Furniture);
      // Skipped as the analysis skips them (URLs aside): the tokens of headings and of note texts.
      const skip = new Uint8Array(tokens.length);
      for (let i = 0; i < tokens.length; i++) if (kinds[tokens.line[i]] === LineKind.Heading || kinds[tokens.line[i]] === LineKind.FootnoteText) skip[i] = 1;
      const dates = findDateCandidates(tokens, new Uint8Array(tokens.length));
      const markers = JSON.stringify(findMarkerCandidates(tokens, kinds, skip, dates, structure.footnoteTexts));
      const found = findSentences(tokens, boundaries(tokens, kinds));
      const sentences = [...Array.from(found.starts), found.tokenCount];
      releaseTokens(tokens);
      return { markers, sentences };
    } finally {
      setTokenReuse(true);
    }
  }

  it('finds after every random edit of a text dense in markers and sentence ends what a fresh run finds', function () {
    this.timeout(120000);
    const before = { markers: markerStats.incremental, sentences: sentenceStats.incremental };
    const { edits, streams } = editRandomTexts(piece, { minLength: 10, maxLength: 200, maxRemove: 300, numRuns: 2500, seed: 0x6d6b },
      (text) => grammarsOf(text, true),
      (text, e) => {
        const kept = grammarsOf(text, true);
        const fresh = grammarsOf(text, false);
        assert.strictEqual(kept.markers, fresh.markers, `markers after ${JSON.stringify(e)}`);
        assert.deepStrictEqual(kept.sentences, fresh.sentences, `sentences after ${JSON.stringify(e)}`);
      });
    const markers = markerStats.incremental - before.markers;
    const sentences = sentenceStats.incremental - before.sentences;
    assert.ok(edits >= 5000 && streams >= edits * 0.2, `${streams} of ${edits} edits were incremental`);
    // A heading or note text made or unmade away from the edit changes the inputs there: then all is read again.
    assert.ok(markers >= streams * 0.8, `${markers} of ${streams} incremental edits visited only the numbers around the edit`);
    assert.ok(sentences >= streams * 0.8, `${sentences} of ${streams} incremental edits counted only the sentences around the edit`);
  });


  /** The marker candidates of `text` after `before` was read (the stream edited, not read anew): number, `weak`, and the text. */
  function markersAfterEdit(before: string, text: string): string[] {
    const kept = readAfterEdit(before, text, markerStats, grammarsOf);
    return (JSON.parse(kept.markers) as { number: number; certain: boolean; weak?: boolean; span: { start: number; end: number } }[])
      .map((c) => `${c.number}${c.certain ? ' certain' : ''}${c.weak ? ' weak' : ''} ${text.slice(c.span.start, c.span.end)}`);
  }

  const filler = 'Zie de stukken. '.repeat(40);

  it('a number at a line start is told from a numbered item by the line after it, far past its own tokens', () => {
    const long = `\n2 Voor drie jaar${' geldt dit'.repeat(20)}\n`;
    const before = `${filler}Dit is het beleid${long}Het is zo.\n`;
    const after = `${filler}Dit is het beleid${long}3 Het is zo.\n`;
    assert.deepStrictEqual(markersAfterEdit(before, after), []);
    assert.deepStrictEqual(markersAfterEdit(after, before), ['2 weak 2']);
  });

  it('a number after a page\'s note texts and furniture reads the running text before them', () => {
    const page = '\n1 Kamerstuk 29 477, nr. 3\n\nah-tk-20212022-1234 ISSN 0921 - 7398 ’s-Gravenhage 2022\n4 is het beleid aangepast.\n';
    const before = `${filler}\nDit is het beleid${page}`;
    const after = `${filler}\nDit is het beleid in${page}`;
    assert.deepStrictEqual(markersAfterEdit(before, after), []);
    assert.deepStrictEqual(markersAfterEdit(after, before), ['4 weak 4']);
  });

  it('a bracket of markers over five short lines is read again when its last line is edited', () => {
    const before = `${filler}\nHet bericht[1,\n2,\n3,\n4,\n5 ]\nEn verder.\n`;
    const after = `${filler}\nHet bericht[1,\n2,\n3,\n4,\n5 x\nEn verder.\n`;
    // Each number first on its line before a comma is a candidate of its own, after the bracket's.
    assert.deepStrictEqual(markersAfterEdit(before, after), ['2 2', '3 3', '4 4']);
    assert.deepStrictEqual(markersAfterEdit(after, before), ['1 certain 1', '2 certain 2', '2 2', '3 certain 3', '3 3', '4 certain 4', '4 4', '5 certain 5']);
  });

  it('markers glued to words before and after the edit keep their places', () => {
    const before = `${filler}Het bericht1 staat er.\nDe brief2 ook.\n${filler}En de nota3 hier.\n`;
    const after = `${filler}Het bericht1 staat er.\nDe lange brief2 ook.\n${filler}En de nota3 hier.\n`;
    assert.deepStrictEqual(markersAfterEdit(before, after), ['1 1', '2 2', '3 3']);
  });

  /** The sentence id of the last token of `text` after `before` was counted (the stream edited). */
  it('a sentence starts at the first token, after a sentence end and at a boundary, once where both meet', () => {
    setTokenReuse(false);
    try {
      const lines = new LineIndex('Dit is een zin. En nog een!\n\nVraag? Ja');
      const kinds = readStructure(lines).lineKinds;
      const tokens = tokenizeLines(lines, () => true);
      // Dit is een zin . | En nog een ! | (blank line) Vraag ? | Ja
      const s = findSentences(tokens, boundaries(tokens, kinds));
      assert.deepStrictEqual(Array.from(s.starts), [0, 5, 9, 11]);
      assert.strictEqual(s.tokenCount, 12);
      assert.deepStrictEqual([0, 4, 5, 8, 9, 10, 11].map((i) => sentenceAt(s, i)), [0, 0, 1, 1, 2, 2, 3]);
      assert.deepStrictEqual([0, 1, 2, 3].map((k) => sentenceTokens(s, k)), [{ first: 0, end: 5 }, { first: 5, end: 9 }, { first: 9, end: 11 }, { first: 11, end: 12 }]);
      const none = findSentences(tokenizeLines(new LineIndex(''), () => true), new Uint8Array(0));
      assert.deepStrictEqual([Array.from(none.starts), none.tokenCount], [[], 0]);
    } finally {
      setTokenReuse(true);
    }
  });

  /** The sentence of the last token, counted from 0: the first tokens of the sentences come first in `sentences`, then the token count. */
  function lastSentenceAfterEdit(before: string, text: string): number {
    const kept = readAfterEdit(before, text, sentenceStats, grammarsOf).sentences;
    return kept.length - 2;
  }

  it('the sentences after the edit move by the sentences it adds or takes away', () => {
    // The filler ends 40 sentences; the tail three (`zo.` after a two-letter word does not end one) and the filler 40 more: its last token is in sentence 82.
    const tail = `\nDit is zo${'. Ook dat'.repeat(3)}\nen verder.\n${filler}`;
    const base = `${filler}Nu${tail}`;
    assert.strictEqual(lastSentenceAfterEdit(base, base), 82);
    assert.strictEqual(lastSentenceAfterEdit(base, base.replace('Ook dat.', 'Ook dat,')), 81);
    assert.strictEqual(lastSentenceAfterEdit(base, `${filler}Nu dus. Dan${tail}`), 83);
    // A blank line ends a sentence; `nr.` after a short word does not.
    assert.strictEqual(lastSentenceAfterEdit(base, `${filler}Nu\n${tail}`), 83);
    assert.strictEqual(lastSentenceAfterEdit(base, `${filler}Nu nr.${tail}`), 82);
    assert.strictEqual(lastSentenceAfterEdit(base, `${filler}Nu nummer.${tail}`), 83);
  });

  it('a full stop first on the line after the edit ends a sentence by the word before it (`het` + `.In`)', () => {
    // 40 sentences, one ended by `.In`, and 40 more: the last token is in sentence 80.
    const before = `${filler}\nDit is het\n.In het debat\n${filler}`;
    assert.strictEqual(lastSentenceAfterEdit(before, before), 80);
    assert.strictEqual(lastSentenceAfterEdit(before, before.replace('is het', 'is h')), 79);
    assert.strictEqual(lastSentenceAfterEdit(before, before.replace('is het', 'is HET')), 79);
    assert.strictEqual(lastSentenceAfterEdit(before.replace('is het', 'is h'), before), 80);
  });
});


/** Pieces of text dense in references and in what ends or decides them: lists, ranges, qualifiers, quoted titles, dates, markers, headings, line breaks. */
const referencePiece = fc.constantFrom(
  'zie antwoord vraag 12', 'vragen 1, 2 en 3', 'het antwoord op de vragen 4 tot en met 6', 'vraag 2 van het lid Omtzigt', 'Zie ook het antwoord bij vraag 1',
  'antwoord 3', 'antwoorden op vraag 8 en 9', 'in mijn beantwoording op vragen 1 en 5', 'Zoals bij vraag 2 aangegeven', ' van de eerder aangehaalde schriftelijke vragen',
  ' op de bovengenoemde Kamervragen', ' in de brief', 'brief1', 'brief2', 'brief3', ' van 25 februari 2022', ' 3 maart', '12 maart 2021', '«Antwoord op vragen van het lid Kops», ',
  '«', '»', ', ', ' en ', ' of ', ' t/m ', '-', ' tot en met ', '2-4', '3,5', '25%', '1400', '7', '12', ' ', '.', 'x', 'vraag ', 'antwoord ', 'op de ', 'zie ', 'het ',
  '\n', '\n\n', 'Vraag 3\n', '\nVraag 4\n', 'Antwoord 5\n', '\n1 Zie de brief.\n', '\n2 Idem.\n', '\n3 Idem.\n',
);

describe('incremental references', () => {
  afterEach(() => {
    setTokenReuse(true);
    trimTokenPool(0);
  });

  const MONTHS = new Set(['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december']);

  /**
   * The inputs besides the tokens, as the analysis makes them in kind: a heading
   * line `Vraag 3` skipped; a date of day, month name and year; footnote markers,
   * numbers glued to a word, taken only where they continue the sequence from 1
   * and a note text (a line `2 Idem.`) has their number: an edit changes which
   * markers count far after it, and a note text made far before.
   */
  function inputsOf(tokens: Tokens): { skip: Uint8Array; dates: Uint8Array; markers: number[] } {
    const n = tokens.length;
    const skip = new Uint8Array(n);
    const dates = new Uint8Array(n);
    const markers: number[] = [];
    const lineStart = (i: number) => i === 0 || tokens.gap[i] === Gap.Line;
    for (let i = 0; i + 1 < n; i++) {
      if (lineStart(i) && tokens.text(i) === 'Vraag' && tokens.kind[i + 1] === TokenKind.Number && !lineStart(i + 1) && (i + 2 === n || lineStart(i + 2))) skip[i] = skip[i + 1] = 1;
    }
    for (let i = 0; i < n; i++) {
      if (!MONTHS.has(tokens.text(i))) continue;
      dates[i] = 1;
      if (i > 0 && tokens.kind[i - 1] === TokenKind.Number) dates[i - 1] = 1;
      if (i + 1 < n && tokens.kind[i + 1] === TokenKind.Number && tokens.len(i + 1) === 4) dates[i + 1] = 1;
    }
    const notes = new Set<string>();
    for (let i = 0; i + 1 < n; i++) if (lineStart(i) && tokens.kind[i] === TokenKind.Number && tokens.kind[i + 1] === TokenKind.Word && !lineStart(i + 1)) notes.add(tokens.text(i));
    let expected = 1;
    for (let i = 1; i < n; i++) {
      if (tokens.kind[i] === TokenKind.Number && tokens.gap[i] === Gap.None && tokens.kind[i - 1] === TokenKind.Word && tokens.text(i) === String(expected) && notes.has(tokens.text(i))) {
        markers.push(tokens.start[i]);
        expected++;
      }
    }
    return { skip, dates, markers };
  }

  /** The references of `text` on the kept stream (edited from the one before) or a fresh one, as JSON; `moreDates` marks more tokens as in dates. */
  function referencesOf(text: string, keep: boolean, moreDates: (tokens: Tokens, dates: Uint8Array) => void = () => {}): string {
    return onStream(text, keep, (_lines, tokens) => {
      const { skip, dates, markers } = inputsOf(tokens);
      moreDates(tokens, dates);
      return JSON.stringify(findReferences(tokens, skip, dates, markers));
    });
  }

  it('finds after every random edit of a text dense in references what a fresh scan finds', function () {
    this.timeout(120000);
    const before = { ...referenceStats };
    const { edits, streams } = editRandomTexts(referencePiece, { minLength: 20, maxLength: 200, maxRemove: 300, numRuns: 1500, seed: 0x7265 },
      (text) => referencesOf(text, true),
      (text, e) => assert.strictEqual(referencesOf(text, true), referencesOf(text, false), `after ${JSON.stringify(e)}`));
    const incremental = referenceStats.incremental - before.incremental;
    assert.ok(edits >= 3000 && streams >= edits * 0.3, `${streams} of ${edits} edits were incremental`);
    // Every edited stream whose memo fits takes the incremental path; a changed marker sequence only widens the stretch.
    assert.ok(incremental >= streams * 0.95, `${incremental} of ${streams} incremental edits rescanned the references only around the edit`);
    assert.ok(referenceStats.widened > before.widened, 'some edits changed the flags outside the edited tokens');
  });


  it('gives the analysis of a fresh stream after random edits of corpus texts, and finds the references incrementally', function () {
    this.timeout(120000);
    const texts = corpus().filter((_, i) => i % 3 === 0);
    const before = { ...referenceStats };
    const tokensBefore = { ...tokenizeStats };
    let edits = 0;
    for (const { name, text } of texts) {
      fc.assert(
        fc.property(fc.array(fc.record({ at: fc.nat(), remove: fc.nat(8), insert: fc.oneof(referencePiece, insertion) }), { minLength: 1, maxLength: 4 }), (list) => {
          trimTokenPool(0);
          let current = text;
          analyze(current, { year: 2024 });
          for (const e of list) {
            current = applyEdit(current, e);
            edits++;
            assert.strictEqual(fields(analyze(current, { year: 2024 })), fields(fresh(current)), `${name} after ${JSON.stringify(e)}`);
          }
        }),
        { numRuns: 4, seed: 0x7266 + text.length },
      );
    }
    const streams = tokenizeStats.incremental - tokensBefore.incremental;
    const incremental = referenceStats.incremental - before.incremental;
    assert.ok(edits >= 150 && streams >= edits * 0.7, `${streams} of ${edits} edits were incremental`);
    assert.ok(incremental >= streams * 0.95, `${incremental} of ${streams} incremental edits found the references incrementally`);
  });

  /** The references of `text` after `before` was scanned (the stream edited), checked against a fresh scan, as kind, phrase, numbers and qualifier. */
  function afterEdit(before: string, text: string, moreDates?: (tokens: Tokens, dates: Uint8Array) => void): string[] {
    const found = JSON.parse(readAfterEdit(before, text, referenceStats, (t, keep) => referencesOf(t, keep, t === text ? moreDates : undefined))) as RawReference[];
    return found.map((r) => `${r.kind} ${text.slice(r.phrase.start, r.phrase.end)} [${r.targets.map((t) => t.number).join(' ')}]${r.elsewhere ? ` (${text.slice(r.elsewhere.span.start, r.elsewhere.span.end)})` : ''}`);
  }

  // Many short lines around the edited one: the tokenizer re-reads only that line.
  const filler = 'Dit is een zin zonder verwijzing.\n'.repeat(60);
  const tail = `\n${'Nog een zin.\n'.repeat(60)}`;

  it('a list completed by the edit is found from its keyword lines before it', () => {
    // The list runs over lines: the edited line holds only its end.
    const list = 'vragen 1,\n2, 3,\n4, 5, 6,\n7, 8, 9,\n10, 11,\n12 en';
    const before = `${filler}Zie ${list}\nverder.${tail}`;
    const after = `${filler}Zie ${list}\n13 verder.${tail}`;
    assert.deepStrictEqual(afterEdit(before, after), [`question Zie ${list}\n13 [1 2 3 4 5 6 7 8 9 10 11 12 13]`]);
    assert.deepStrictEqual(afterEdit(after, before), ['question Zie vragen 1,\n2, 3,\n4, 5, 6,\n7, 8, 9,\n10, 11,\n12 [1 2 3 4 5 6 7 8 9 10 11 12]']);
  });

  it('a qualifier completed by the edit makes a reference well before it external', () => {
    const before = `${filler}het antwoord op vraag 7\nvan de eerder aangehaalde\nstukken.${tail}`;
    const after = `${filler}het antwoord op vraag 7\nvan de eerder aangehaalde\nvragen.${tail}`;
    assert.deepStrictEqual(afterEdit(before, after), ['answer het antwoord op vraag 7\nvan de eerder aangehaalde\nvragen [7] (van de eerder aangehaalde\nvragen)']);
    assert.deepStrictEqual(afterEdit(after, before), ['answer het antwoord op vraag 7\nvan de eerder aangehaalde [7] (van de eerder aangehaalde)']);
  });

  it('a word edited before a reference decides its kind', () => {
    const before = `${filler}Het antwoord op\nvraag 5 volgt.${tail}`;
    const after = `${filler}Het voorstel op\nvraag 5 volgt.${tail}`;
    assert.deepStrictEqual(afterEdit(before, after), ['question vraag 5 [5]']);
    assert.deepStrictEqual(afterEdit(after, before), ['answer Het antwoord op\nvraag 5 [5]']);
  });

  it('a quote edited far before a reference decides whether it cites another set', () => {
    // The title runs over lines: the opening quote is 50 tokens before `antwoord 2`, on a line of its own.
    const title = `«\nAntwoord op vragen van het lid Kops over\n${'de gevolgen van het besluit\n'.repeat(8)}»`;
    const before = `${filler}${title}, antwoord 2 geeft het aan.${tail}`;
    const after = `${filler}${title.slice(1)}, antwoord 2 geeft het aan.${tail}`;
    assert.deepStrictEqual(afterEdit(before, after), ['answer antwoord 2 [2]']);
    assert.deepStrictEqual(afterEdit(after, before), [`answer antwoord 2 [2] (${title})`]);
  });

  it('a marker made far before a reference changes the markers after it, and so the numbers of the reference', () => {
    // `brief1` starts the marker sequence: then `vragen2` (glued) is the second marker, and the list is `3 en 4` only where it was `2, 3 en 4`.
    const notes = '1 Zie de brief.\n2 Idem.\n';
    const before = `${filler}De brief kwam.${tail}Zie vragen2, 3 en 4.${tail}${notes}`;
    const after = `${filler}De brief1 kwam.${tail}Zie vragen2, 3 en 4.${tail}${notes}`;
    assert.deepStrictEqual(afterEdit(before, after), []);
    assert.deepStrictEqual(afterEdit(after, before), ['question Zie vragen2, 3 en 4 [2 3 4]']);
  });

  it('a note text made far after a reference makes a number in it a marker', () => {
    const before = `${filler}De brief1 kwam.${tail}Zie vragen2, 3 en 4.${tail}1 Zie de brief.\n`;
    const after = `${filler}De brief1 kwam.${tail}Zie vragen2, 3 en 4.${tail}1 Zie de brief.\n2 Idem.\n`;
    assert.deepStrictEqual(afterEdit(before, after), []);
    assert.deepStrictEqual(afterEdit(after, before), ['question Zie vragen2, 3 en 4 [2 3 4]']);
  });

  it('an attempt that found nothing is tried again when the edit gives it its number on the next line', () => {
    const before = `${filler}Zie het antwoord op de vraag\nverderop.${tail}`;
    const after = `${filler}Zie het antwoord op de vraag\n5 verderop.${tail}`;
    assert.deepStrictEqual(afterEdit(before, after), ['answer Zie het antwoord op de vraag\n5 [5]']);
    assert.deepStrictEqual(afterEdit(after, before), []);
  });

  it('a qualifier whose last noun is the seventh token after the numbers, on an edited line', () => {
    const before = `${filler}het antwoord op vraag 7 van de eerder door mij aangehaalde schriftelijke\nstukken.${tail}`;
    const after = `${filler}het antwoord op vraag 7 van de eerder door mij aangehaalde schriftelijke\nvragen.${tail}`;
    assert.deepStrictEqual(afterEdit(before, after), ['answer het antwoord op vraag 7 van de eerder door mij aangehaalde schriftelijke\nvragen [7] (van de eerder door mij aangehaalde schriftelijke\nvragen)']);
    assert.deepStrictEqual(afterEdit(after, before), ['answer het antwoord op vraag 7 van de eerder door mij aangehaalde schriftelijke [7] (van de eerder door mij aangehaalde schriftelijke)']);
  });

  it('a run of dates after `brief van` grows when a token far past the numbers becomes a date, with the edit after it', () => {
    // The dates input changes without an edit near it (as when the document's year changes): `13` joins the run.
    const text = `${filler}Zie vraag 3 in de brief van 1 2 3 4 5 6 7 8 9 10 11 12 13 14.${tail}`;
    const edited = `${filler}Zie vraag 3 in de brief van 1 2 3 4 5 6 7 8 9 10 11 12 13 14.${tail.replace('zin', 'zinnetje')}`;
    const run = (upTo: number) => (tokens: Tokens, dates: Uint8Array) => {
      const van = tokens.at(tokens.source.indexOf(' van 1 ') + 1);
      for (let i = van + 1; i <= van + upTo; i++) dates[i] = 1;
    };
    trimTokenPool(0);
    referencesOf(text, true, run(12));
    const before = { ...referenceStats };
    const json = referencesOf(edited, true, run(13));
    assert.deepStrictEqual([referenceStats.incremental - before.incremental, referenceStats.widened - before.widened], [1, 1], 'incremental, widened to the changed date');
    assert.strictEqual(json, referencesOf(edited, false, run(13)), 'as a fresh scan');
    const found = JSON.parse(json) as RawReference[];
    assert.deepStrictEqual(found.map((r) => r.elsewhere && edited.slice(r.elsewhere.span.start, r.elsewhere.span.end)), ['in de brief van 1 2 3 4 5 6 7 8 9 10 11 12 13']);
  });
});

describe('incremental per-token marks', () => {
  const texts = corpus();
  afterEach(() => {
    setTokenReuse(true);
    trimTokenPool(0);
  });

  /** The marks of `text` (URLs, what the markers and the references skip, sentence boundaries) on the kept stream or a fresh one, as the analysis makes them. */
  function marksOf(text: string, keep: boolean): string {
    setTokenReuse(keep);
    try {
      const lines = new LineIndex(text);
      const structure = readStructure(lines);
      const tokens = tokenizeLines(lines, (l) => structure.lineKinds[l] !== LineKind.Furniture);
      const m = markTokens(text, tokens, structure, lines.lineCount);
      const found = [m.inUrl, m.markerSkip, m.referenceSkip, m.boundary].map((a) => Array.from(a).join('')).join('|');
      releaseTokens(tokens);
      return found;
    } finally {
      setTokenReuse(true);
    }
  }

  it('marks after every random edit of every corpus text what a fresh walk marks, headings, blank lines, headers and URLs made and unmade', function () {
    this.timeout(300000);
    const before = { ...markStats };
    const tokensBefore = tokenizeStats.incremental;
    /** Edits that change what the marks read: blank lines, headings, header lines, URLs, note texts. */
    const markInsertion = fc.oneof(insertion, fc.constantFrom('\n\n', '\n\nVraag 7\n', 'Antwoord 2\n\n', ' http://www.x.nl/a-b ', 'www.', 'https', '://', '\n3 Zie de brief.\n', 'Ingediend 3 mei 2022\n'));
    const markEdit = fc.record({ at: fc.nat(), remove: fc.oneof(fc.constant(0), fc.nat(4), fc.nat(200)), insert: markInsertion });
    const edits = editCorpus(texts, markEdit, { numRuns: 12, seed: 0x6d61 }, (text) => marksOf(text, true),
      (name, text, e) => assert.strictEqual(marksOf(text, true), marksOf(text, false), `${name} after ${JSON.stringify(e)}`));
    const streams = tokenizeStats.incremental - tokensBefore;
    const incremental = markStats.incremental - before.incremental;
    assert.ok(edits >= 3000 && streams >= edits * 0.6, `${streams} of ${edits} edits were incremental`);
    assert.ok(incremental >= streams * 0.8, `${incremental} of ${streams} incremental edits marked only the changed lines`);
  });
});

/** Sentences that change an input of the letter grammar throughout the text (see `mentionsOf`). */
const ALL_FULL = 'Alle data zijn vol.';
const NO_ADDRESSES = 'Geen adressen.';

/** Pieces of text dense in letter words, their dates and what stops a look-ahead or look-back. */
const letterPiece = fc.constantFrom(
  ALL_FULL, NO_ADDRESSES, 'maandag 3 maart 2022', ' over de plannen in de noordelijke regio en de zuidelijke regio met de grote steden\n',
  'brief', 'Kamerbrief', 'brieven', 'Kamerbrieven', 'brie-', 'ven', 'Kamer-', 'luchtpostbrief', ' van ', ' d.d. ', ' op ', ' gedateerd ', ' van de Minister-President',
  '18 mei 2022', '3 maart', '25 februari 2022', ' jl.', ' en ', ', ', '.', '. ', ' over de voortgang', ' die ', ' het debat', ' heeft', 'brief2', 'brief[1]', '1', '2', '3',
  '\n', '\n\n', '\n1 Zie de brief.\n', '\n2 Idem.\n', 'https://x.nl/brief', ' ', 'x', 'de ', 'Ministerie van X, ', '(', ')', ';', ':', 'genoemde ', 'deze ',
);

describe('incremental letter mentions', () => {
  afterEach(() => {
    setTokenReuse(true);
    trimTokenPool(0);
  });

  /**
   * The inputs besides the tokens, as the analysis makes them in kind: the date
   * candidates (full when they have a year); the tokens of a web address
   * skipped; footnote markers, numbers glued to a word, taken only where they
   * continue the sequence from 1 and a note text (a line `2 Idem.`) has their
   * number: an edit changes which markers count far after it.
   */
  function mentionsOf(text: string, keep: boolean): RawLetterMention[] {
    return onStream(text, keep, (_lines, tokens) => {
      const n = tokens.length;
      const skip = new Uint8Array(n);
      // Two sentences change an input everywhere, as the document's year changes which dates are full: far from the edit.
      const allFull = text.includes(ALL_FULL);
      const noAddresses = text.includes(NO_ADDRESSES);
      for (let i = 0; i < n && !noAddresses; i++) {
        if (tokens.text(i) !== 'https') continue;
        for (let j = i; j < n && (j === i || tokens.gap[j] === Gap.None); j++) skip[j] = 1;
      }
      const candidates = findDateCandidates(tokens, skip);
      const dateStarts = Int32Array.from(candidates, (c) => tokens.at(c.span.start));
      const dateAt = new Map<number, number>();
      dateStarts.forEach((t, k) => dateAt.set(t, k));
      const lineStart = (i: number) => i === 0 || tokens.gap[i] === Gap.Line;
      const notes = new Set<string>();
      for (let i = 0; i + 1 < n; i++) if (lineStart(i) && tokens.kind[i] === TokenKind.Number && tokens.kind[i + 1] === TokenKind.Word && !lineStart(i + 1)) notes.add(tokens.text(i));
      const markers = new Map<number, number>();
      let expected = 1;
      for (let i = 1; i < n; i++) {
        if (tokens.kind[i] === TokenKind.Number && tokens.gap[i] === Gap.None && tokens.kind[i - 1] === TokenKind.Word && tokens.text(i) === String(expected) && notes.has(tokens.text(i))) {
          markers.set(tokens.start[i], expected);
          expected++;
        }
      }
      return findLetterMentions(tokens, skip, {
        dateAt: (i) => dateAt.get(i) ?? null, dateEnd: (d) => candidates[d].span.end, fullDate: (d) => allFull || candidates[d].year !== null, dateStarts,
      }, markers);
    });
  }

  /** A mention as the text says it: its words, its date's index, its footnote, its sender. */
  function said(text: string, m: RawLetterMention): string {
    return `${text.slice(m.span.start, m.span.end)}${m.dateIndex !== null ? ` @${m.dateIndex}` : ''}${m.footnote !== null ? ` ^${m.footnote}` : ''}${m.sender ? ` (${m.sender})` : ''}`;
  }

  // Short texts, and long ones whose words lie far apart (beyond the look-aheads); every edited stream takes the incremental path, its memo always fits.
  for (const [kind, shape, least] of [
    ['a text dense in letters', { minLength: 20, maxLength: 200, maxRemove: 300, numRuns: 1500, seed: 0x6c65 }, [3000, 0.3]],
    ['a long text, its words far apart,', { minLength: 200, maxLength: 600, maxRemove: 60, numRuns: 300, seed: 0x6c66 }, [1000, 0.5]],
  ] as const) {
    it(`finds after every random edit of ${kind} what a fresh scan finds`, function () {
      this.timeout(120000);
      const before = letterStats.incremental;
      const { edits, streams } = editRandomTexts(letterPiece, shape,
        (text) => mentionsOf(text, true),
        (text, e) => assert.strictEqual(JSON.stringify(mentionsOf(text, true)), JSON.stringify(mentionsOf(text, false)), `after ${JSON.stringify(e)}`));
      assert.ok(edits >= least[0] && streams >= edits * least[1], `${streams} of ${edits} edits were incremental`);
      assert.strictEqual(letterStats.incremental - before, streams);
    });
  }

  /** The mentions of `text` after `before` was scanned (the stream edited), checked against a fresh scan. */
  function afterEdit(before: string, text: string): string[] {
    return readAfterEdit(before, text, letterStats, mentionsOf).map((m) => said(text, m));
  }

  // Many short lines around the edited one: the tokenizer re-reads only that line.
  const filler = 'Dit is een zin zonder stukken.\n'.repeat(60);
  const tail = `\n${'Nog een zin.\n'.repeat(60)}`;

  it('a date completed on a line after the letter word dates it, and the dates after it keep their indices', () => {
    const before = `${filler}Zie de brief over de voortgang van het programma\nvan 3 maart.${tail}Een brief van 18 mei 2022.`;
    const after = `${filler}Zie de brief over de voortgang van het programma\nvan 3 maart 2023.${tail}Een brief van 18 mei 2022.`;
    assert.deepStrictEqual(afterEdit(before, after), ['brief over de voortgang van het programma\nvan 3 maart 2023 @0', 'brief van 18 mei 2022 @1']);
    // Without its year the date is too weak for the wide look-ahead: the letter stays undated, and the date keeps its index.
    assert.deepStrictEqual(afterEdit(after, before), ['brief', 'brief van 18 mei 2022 @1']);
  });

  it('a date made before the edit moves the indices of the dates after it, far from the edit', () => {
    const before = `${filler}Het is laat.${tail}Een brief van 18 mei 2022.`;
    const after = `${filler}Het is 2 mei 2022.${tail}Een brief van 18 mei 2022.`;
    assert.deepStrictEqual(afterEdit(before, after), ['brief van 18 mei 2022 @1']);
    assert.deepStrictEqual(afterEdit(after, before), ['brief van 18 mei 2022 @0']);
  });

  it('a marker made far before a letter word gives it its footnote', () => {
    // `stukken1` starts the marker sequence: then `brief2` (glued) is the second marker.
    const notes = '1 Zie de brief.\n2 Idem.\n';
    const before = `${filler}De stukken kwamen.${tail}In de brief2 van 18 mei 2022.${tail}${notes}`;
    const after = `${filler}De stukken1 kwamen.${tail}In de brief2 van 18 mei 2022.${tail}${notes}`;
    // The note text's own `brief` is a mention too.
    assert.deepStrictEqual(afterEdit(before, after), ['brief2 van 18 mei 2022 @0 ^2', 'brief']);
    assert.deepStrictEqual(afterEdit(after, before), ['brief2 van 18 mei 2022 @0', 'brief']);
  });

  it('a plural letter word typed before a list of dates takes them all, and a later plural word no longer takes the last', () => {
    // The list runs over lines: its last date is 10 lines after the edit; a second plural word after it looks back no further than the first.
    const list = 'van 3 maart 2022,\n4 maart 2022,\n5 maart 2022,\n6 maart 2022 en\n7 maart 2022';
    const before = `${filler}De stukken ${list}.${tail}`;
    const after = `${filler}De brieven ${list}.${tail}`;
    assert.deepStrictEqual(afterEdit(before, after), [
      'brieven van 3 maart 2022 @0', '4 maart 2022 @1', '5 maart 2022 @2', '6 maart 2022 @3', '7 maart 2022 @4',
    ]);
    assert.deepStrictEqual(afterEdit(after, before), []);
  });

  it('an edit inside a plural word\'s list, far from the word, ends the list there', () => {
    const list = (joiner: string) => `van 3 maart 2022,\n4 maart 2022,\n5 maart 2022${joiner}\n6 maart 2022 en\n7 maart 2022`;
    const before = `${filler}De brieven ${list(',')}.${tail}`;
    const after = `${filler}De brieven ${list(';')}.${tail}`;
    assert.deepStrictEqual(afterEdit(before, after), ['brieven van 3 maart 2022 @0', '4 maart 2022 @1', '5 maart 2022 @2']);
    assert.deepStrictEqual(afterEdit(after, before), ['brieven van 3 maart 2022 @0', '4 maart 2022 @1', '5 maart 2022 @2', '6 maart 2022 @3', '7 maart 2022 @4']);
  });

  it('the last plural word found decides how far a later date looks back, past the edit', () => {
    // `brieven … 1 mei` is found by the date after it; a date 10 tokens on looks back no further than that word,
    // so the second `brieven` (after it) is found; without the first, the look-back from `2 juni` finds the second.
    const before = `${filler}De brieven van 1 mei 2022 en de andere brieven over x van 2 juni 2022.${tail}`;
    const after = `${filler}De stukken van 1 mei 2022 en de andere brieven over x van 2 juni 2022.${tail}`;
    assert.deepStrictEqual(afterEdit(before, after), ['brieven over x van 2 juni 2022 @1']);
    assert.deepStrictEqual(afterEdit(after, before), ['brieven van 1 mei 2022 @0', 'brieven over x van 2 juni 2022 @1']);
  });

  it('a citation\'s date 31 tokens after its letter word, on the edited line, dates it', () => {
    // The letter word starts an element (after a full stop, first on its line); its subject runs over 29 words, the most a citation takes.
    const subject = 'over de plannen in de noordelijke regio en de zuidelijke regio met de grote steden\nen het platteland in het oosten en het westen en het noorden en zuiden';
    const before = `${filler}Zie ook.\nKamerbrief ${subject},\n12 mei.${tail}`;
    const after = `${filler}Zie ook.\nKamerbrief ${subject},\n12 mei 2023.${tail}`;
    assert.deepStrictEqual(afterEdit(before, after), [`Kamerbrief ${subject},\n12 mei 2023 @0`]);
    assert.deepStrictEqual(afterEdit(after, before), ['Kamerbrief']);
  });

  it('a full stop typed at the end of the line before a letter word makes it start a citation', () => {
    // `Kamer-brief`: the mention starts two tokens before its word, and the full stop is the token before that.
    const before = `${filler}Zie de\nKamer-brief over de plannen, 12 mei 2023.${tail}`;
    const after = `${filler}Zie de.\nKamer-brief over de plannen, 12 mei 2023.${tail}`;
    assert.deepStrictEqual(afterEdit(before, after), ['Kamer-brief over de plannen, 12 mei 2023 @0']);
    assert.deepStrictEqual(afterEdit(after, before), ['Kamer-brief']);
  });

  it('a plural word typed on the line before a date 21 tokens on is found by that date', () => {
    // The subject takes 19 tokens: `van` is the last the wide look-ahead reads, and the date's look-back reaches back past the line start.
    const subject = 'over de plannen in de noordelijke regio en de zuidelijke regio met de grote steden en het vlakke platteland';
    const before = `${filler}De stukken\n${subject} van 3 maart 2022.${tail}`;
    const after = `${filler}De brieven\n${subject} van 3 maart 2022.${tail}`;
    assert.deepStrictEqual(afterEdit(before, after), [`brieven\n${subject} van 3 maart 2022 @0`]);
    assert.deepStrictEqual(afterEdit(after, before), []);
  });

  it('the end of a plural word\'s list, more than 40 tokens after it, is read again when it is edited', () => {
    const subject = 'over de plannen in de noordelijke regio en de zuidelijke regio met de grote steden en het platteland';
    const list = (joiner: string) => `van maandag 3 maart 2022, maandag 4 maart 2022, maandag 5 maart 2022, maandag 6 maart 2022,\nmaandag 7 maart 2022\n${joiner} maandag 8 maart 2022`;
    const before = `${filler}De brieven ${subject} ${list(',')}.${tail}`;
    const after = `${filler}De brieven ${subject} ${list(';')}.${tail}`;
    const five = [`brieven ${subject} van maandag 3 maart 2022 @0`, 'maandag 4 maart 2022 @1', 'maandag 5 maart 2022 @2', 'maandag 6 maart 2022 @3', 'maandag 7 maart 2022 @4'];
    assert.deepStrictEqual(afterEdit(before, after), five);
    assert.deepStrictEqual(afterEdit(after, before), [...five, 'maandag 8 maart 2022 @5']);
  });

  it('a date made full far from the edit dates the letter whose wide look-ahead reaches it', () => {
    const before = `${filler}De brief over de plannen van 3 maart.${tail}Het is laat.`;
    const after = `${filler}De brief over de plannen van 3 maart.${tail}${ALL_FULL}`;
    assert.deepStrictEqual(afterEdit(before, after), ['brief over de plannen van 3 maart @0']);
    assert.deepStrictEqual(afterEdit(after, before), ['brief']);
  });

  it('a web address no longer skipped far from the edit gives its letter word a mention', () => {
    const before = `${filler}Zie https://x.nl/brief van 18 mei 2022 hier.${tail}Het is laat.`;
    const after = `${filler}Zie https://x.nl/brief van 18 mei 2022 hier.${tail}${NO_ADDRESSES}`;
    assert.deepStrictEqual(afterEdit(before, after), ['brief van 18 mei 2022 @0']);
    assert.deepStrictEqual(afterEdit(after, before), []);
  });

  it('a web address typed around a letter word takes it out, and the mentions after it move', () => {
    const before = `${filler}Zie x.nl/brief van 18 mei 2022.${tail}De brief van 3 maart 2022.`;
    const after = `${filler}Zie https://x.nl/brief van 18 mei 2022.${tail}De brief van 3 maart 2022.`;
    assert.deepStrictEqual(afterEdit(before, after), ['brief van 3 maart 2022 @1']);
    assert.deepStrictEqual(afterEdit(after, before), ['brief van 18 mei 2022 @0', 'brief van 3 maart 2022 @1']);
  });
});
