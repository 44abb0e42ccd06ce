// The findings of an analysis (dates, markers, references, letters, citations,
// diagnostics) are made when they are first read: the outline reads the
// structure alone. Made later, they must be what they would have been at once,
// whatever was analysed in between, and the token stream must still serve the
// next version of the text.

import * as assert from 'assert';
import { analysisFields, analyze, findingsStats } from '../../server/src/model/analysis';
import { setTokenReuse, tokenizeStats, trimTokenPool } from '../../server/src/model/tokens';
import type { Analysis } from '../../server/src/model/types';
import { ingestText } from '../../server/src/workspace/ingest';
import { fixtureText } from './util';

const SAMPLE = 'openkamer/kv-2022Z09875.txt';
const OFFICIAL = 'official/ah-tk-20242025-584.txt';

/** Every field as JSON, the findings read at once. */
function fields(a: Analysis): string {
  return JSON.stringify({ ...analysisFields(a), text: a.text.length, lines: a.lines.lineCount });
}

/** The analysis of `text` on a fresh stream, its findings made at once. */
function atOnce(text: string): string {
  setTokenReuse(false);
  try {
    return fields(analyze(text, { year: 2024 }));
  } finally {
    setTokenReuse(true);
  }
}

/** How many analyses made their findings while `f` ran. */
function made(f: () => void): number {
  const before = findingsStats.made;
  f();
  return findingsStats.made - before;
}

describe('findings made when first read', () => {
  afterEach(() => {
    setTokenReuse(true);
    trimTokenPool(0);
  });

  it('gives the outline its parts without making the findings; the first finding read makes them all, once', () => {
    const text = fixtureText(SAMPLE);
    let a: Analysis | null = null;
    assert.strictEqual(made(() => {
      a = analyze(text, { year: 2024 });
    }), 0, 'the analysis itself');
    const analysis = a as unknown as Analysis;
    assert.strictEqual(made(() => {
      // What the outline reads: the header states when the questions were sent, so the metadata is there at once.
      assert.strictEqual(analysis.metadata.zaak, '2022Z09875');
      assert.strictEqual(analysis.metadata.submitted, '2022-05-19');
      assert.strictEqual(analysis.metadata.answered, '2022-07-18');
      assert.deepStrictEqual(analysis.questions.map((q) => q.numbers[0]), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
      assert.deepStrictEqual(analysis.answers.map((b) => b.numbers[0]), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
      assert.ok(analysis.questions.every((q) => q.answer !== null && q.answer.numbers[0] === q.numbers[0]), 'each question has its answer');
      assert.strictEqual(analysis.layout, 'openkamer');
      assert.ok(analysis.headerFields.length >= 6);
      assert.ok(analysis.sections.some((s) => s.kind === 'header'));
      assert.strictEqual(analysis.binary, false);
    }), 0, 'the outline\'s parts');
    assert.strictEqual(made(() => {
      // `Zie antwoord vraag 12.` in the sample: a reference to this set's answer 12.
      assert.ok(analysis.references.some((r) => r.number === 12 && r.target === 12 && r.scope === 'internal'));
    }), 1, 'the first finding read');
    assert.strictEqual(made(() => {
      assert.ok(analysis.dates.some((d) => d.date === '2022-05-18'), 'the letter of 18 May 2022 is dated');
      assert.ok(analysis.letters.length > 0);
      assert.ok(analysis.diagnostics.length >= 0);
      assert.strictEqual(analysis.deadlines?.regular, '2022-06-09');
    }), 0, 'the others, made with it');
    assert.strictEqual(fields(analysis), atOnce(text));
  });

  it('waits with the metadata of a set whose header does not say when it was sent: the text\'s dates tell', () => {
    // A delay notice alone: when the questions were sent is read from its sentence.
    const text = 'Mededeling\n\nOp 6 november jl. hebben de leden Jansen en De Vries vragen gesteld over de sluizen. Deze kunnen niet binnen de termijn worden beantwoord.\n\nDen Haag, 20 november 2024\n';
    const a = analyze(text, { year: 2024 });
    assert.strictEqual(made(() => assert.strictEqual(a.metadata.submitted, '2024-11-06')), 1);
    assert.strictEqual(fields(a), atOnce(text));
  });

  it('an analysis begun before another\'s findings were read finishes that one first, on its own stream', () => {
    const [sample, official] = [fixtureText(SAMPLE), fixtureText(OFFICIAL)];
    const first = analyze(sample, { year: 2024 });
    const settled = findingsStats.settled;
    const second = analyze(official, { year: 2024 });
    assert.strictEqual(findingsStats.settled - settled, 1, 'the first was finished when the second began');
    // Read only now: the second text has been read into the stream since.
    assert.strictEqual(fields(first), atOnce(sample));
    assert.strictEqual(fields(second), atOnce(official));
  });

  it('keeps the stream for the next version whether or not the findings of the one before were read', () => {
    const text = fixtureText(SAMPLE);
    const at = text.indexOf('Zie antwoord vraag 12.') + 'Zie antwoord vraag '.length;
    const versions = [text, `${text.slice(0, at)}2${text.slice(at + 2)}`, `${text.slice(0, at)}21${text.slice(at + 2)}`, text];
    analyze(versions[0], { year: 2024 });
    const analyses: Analysis[] = [];
    for (let v = 1; v < versions.length; v++) {
      const before = tokenizeStats.incremental;
      analyses.push(analyze(versions[v], { year: 2024 }));
      assert.strictEqual(tokenizeStats.incremental - before, 1, `version ${v} reused the stream of the version before`);
      // Only the outline of every second version is read before the next one begins.
      if (v % 2 === 1) assert.strictEqual(analyses[v - 1].questions.length, 14);
      else void analyses[v - 1].diagnostics;
    }
    for (let v = 1; v < versions.length; v++) assert.strictEqual(fields(analyses[v - 1]), atOnce(versions[v]), `version ${v}`);
    // `vraag 2` names question 2 of the set; `vraag 21`, none.
    assert.ok(analyses[0].references.some((r) => r.number === 2 && r.target === 2));
    assert.ok(analyses[1].diagnostics.some((d) => d.code === 'unknown-reference'));
  });

  it('a fault while the findings are made is thrown to every reader of them, and the next analysis is not touched by it', () => {
    const text = fixtureText(SAMPLE);
    const terms = {
      get regularDays(): number {
        throw new Error('no terms');
      },
      extendedDays: 42,
    };
    const a = analyze(text, { year: 2024, terms });
    assert.strictEqual(a.questions.length, 14, 'the outline\'s parts are there');
    assert.throws(() => a.references, /no terms/);
    assert.throws(() => a.diagnostics, /no terms/, 'thrown again');
    assert.throws(() => a.dates, /no terms/);
    // Another text, begun while the failed one's stream was never given back: read whole, and right.
    const other = fixtureText(OFFICIAL);
    const before = tokenizeStats.full;
    const b = analyze(other, { year: 2024 });
    assert.strictEqual(tokenizeStats.full - before, 1);
    assert.strictEqual(fields(b), atOnce(other));
  });

  it('a fault left unread does not stop the analysis that wants its stream', () => {
    const terms = {
      get regularDays(): number {
        throw new Error('no terms');
      },
      extendedDays: 42,
    };
    analyze(fixtureText(SAMPLE), { year: 2024, terms });
    const other = fixtureText(OFFICIAL);
    assert.strictEqual(fields(analyze(other, { year: 2024 })), atOnce(other));
  });

  it('an ingested file has its findings made at once (a failure there is a skip), an open document\'s when first read', () => {
    const text = fixtureText(SAMPLE);
    assert.strictEqual(made(() => void ingestText('file:///x/kv-2022Z09875.txt', text, { year: 2024 })), 1);
    let r: ReturnType<typeof ingestText> | null = null;
    assert.strictEqual(made(() => {
      r = ingestText('file:///x/kv-2022Z09875.txt', text, { year: 2024, deferFindings: true });
    }), 0);
    const ingested = r as unknown as ReturnType<typeof ingestText>;
    assert.ok(ingested.ok);
    assert.strictEqual(made(() => void (ingested.ok && ingested.analysis.citations)), 1);
    const terms = {
      get regularDays(): number {
        throw new Error('no terms');
      },
      extendedDays: 42,
    };
    const failed = ingestText('file:///x/kv-2022Z09875.txt', text, { year: 2024, terms });
    assert.strictEqual(failed.ok, false);
    assert.ok(!failed.ok && failed.skip === 'failed' && /no terms/.test(failed.error ?? ''));
  });
});
