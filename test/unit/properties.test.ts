// Property tests: random mutations of every corpus file — lines deleted or
// duplicated, truncation, inserted bullets and headings, random Unicode,
// no-break spaces and tabs, CRLF and CR line ends, a BOM. The analysis never
// throws, every range lies inside the text with its start before its end,
// the output is the same twice, and the features never throw at any position.

import * as assert from 'assert';
import * as fc from 'fast-check';
import * as fs from 'fs';
import * as path from 'path';
import { analysisFields, analyze } from '../../server/src/model/analysis';
import type { Analysis } from '../../server/src/model/types';
import { firstAtOrAfterFrom, type Range } from '../../server/src/model/text';
import { DEFAULT_SETTINGS } from '../../server/src/settings';
import type { FeatureContext } from '../../server/src/features/context';
import { documentSymbols } from '../../server/src/features/symbols';
import { hover } from '../../server/src/features/hover';
import { definition } from '../../server/src/features/definition';
import { foldingRanges } from '../../server/src/features/folding';
import { documentLinks } from '../../server/src/features/links';
import { semanticTokens } from '../../server/src/features/semanticTokens';
import { references } from '../../server/src/features/references';
import { FIXTURES } from './util';

const CASES = Number(process.env.KAMERVRAAG_PROPERTY_RUNS ?? 10000);

function corpus(): string[] {
  const out: string[] = [];
  for (const dir of ['openkamer', 'official']) {
    for (const f of fs.readdirSync(path.join(FIXTURES, dir)).filter((x) => x.endsWith('.txt'))) out.push(fs.readFileSync(path.join(FIXTURES, dir, f), 'utf8'));
  }
  return out;
}

type Mutation =
  | { kind: 'delete' | 'duplicate'; at: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'nbsp' | 'tabs' | 'crlf' | 'cr' | 'bom' };

const insertion = fc.oneof(
  fc.constantFrom(' • Vraag 3\n', 'Vraag 2 en 3\n', 'Antwoord vragen 1,2 en 3\n', ' • Mededeling - 24 mei 2022\n', 'Antwoord\n', '1\n', '[2 ]', 'brief2 van 20 maart 20195', 'zie antwoord vraag 99', 'Toelichting:\n', 'Tweede Kamer, vergaderjaar 2024–2025, Aanhangsel 1Vraag 3\n'),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
);

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constantFrom('delete' as const, 'duplicate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: insertion }),
  fc.record({ kind: fc.constantFrom('nbsp' as const, 'tabs' as const, 'crlf' as const, 'cr' as const, 'bom' as const) }),
);

function apply(text: string, m: Mutation): string {
  switch (m.kind) {
    case 'delete':
    case 'duplicate': {
      const lines = text.split('\n');
      const i = m.at % Math.max(1, lines.length);
      if (m.kind === 'delete') lines.splice(i, 1);
      else lines.splice(i, 0, lines[i] ?? '');
      return lines.join('\n');
    }
    case 'truncate':
      return text.slice(0, m.at % (text.length + 1));
    case 'insert': {
      const at = m.at % (text.length + 1);
      return text.slice(0, at) + m.text + text.slice(at);
    }
    case 'nbsp':
      return text.replace(/ (\d)/g, '\u00a0$1');
    case 'tabs':
      return text.replace(/ {2}/g, '\t');
    case 'crlf':
      return text.replace(/\n/g, '\r\n');
    case 'cr':
      return text.replace(/\n/g, '\r');
    case 'bom':
      return `\ufeff${text}`;
  }
}

function checkRange(a: Analysis, r: Range, what: string): void {
  const start = a.lines.offsetAt(r.start);
  const end = a.lines.offsetAt(r.end);
  assert.ok(r.start.line >= 0 && r.start.character >= 0, `${what}: negative start`);
  assert.ok(r.end.line < a.lines.lineCount, `${what}: end line ${r.end.line} beyond ${a.lines.lineCount}`);
  assert.ok(start <= end, `${what}: start after end`);
  assert.ok(end <= a.text.length, `${what}: end beyond the text`);
}

function checkRanges(a: Analysis): void {
  const located: [string, { range: Range; span: { start: number; end: number } }][] = [];
  for (const q of a.questions) {
    located.push(['question', q], ['question text', q.question]);
    if (q.heading) located.push(['heading', q.heading]);
    if (q.answer) located.push(['answer', q.answer], ['answer body', q.answer.body]);
  }
  for (const x of a.dates) located.push(['date', x]);
  for (const x of a.references) located.push(['reference', x]);
  for (const x of a.footnotes) located.push(['footnote', x]);
  for (const x of a.citations) located.push(['citation', x]);
  for (const x of a.notices) located.push(['notice', x]);
  for (const x of a.diagnostics) located.push(['diagnostic', x]);
  for (const l of a.letters) for (const m of l.mentions) located.push(['letter', m]);
  for (const [what, el] of located) {
    checkRange(a, el.range, what);
    assert.ok(el.span.start <= el.span.end && el.span.end <= a.text.length, `${what}: span outside the text`);
    assert.deepStrictEqual(a.lines.rangeOf(el.span), el.range, `${what}: range and span disagree`);
  }
  // Lists the features walk in order are ordered.
  const lists: readonly (readonly { readonly span: { readonly start: number } }[])[] = [a.dates, a.footnotes, a.references, a.citations];
  for (const list of lists) {
    for (let i = 1; i < list.length; i++) assert.ok(list[i - 1].span.start <= list[i].span.start, 'list out of order');
  }
}

const ctx: FeatureContext = { locale: 'nl', settings: DEFAULT_SETTINGS };

function checkFeatures(a: Analysis, probes: readonly number[]): void {
  documentSymbols(a, ctx);
  foldingRanges(a);
  documentLinks(a);
  const tokens = semanticTokens(a).data;
  assert.strictEqual(tokens.length % 5, 0);
  for (const p of probes) {
    const offset = a.text.length === 0 ? 0 : p % (a.text.length + 1);
    const position = a.lines.positionAt(offset);
    hover(a, position, ctx);
    definition(a, position, 'file:///x');
    references(a, position, 'file:///x', true);
  }
}

describe('properties of the analysis under random mutations of the corpus', function () {
  this.timeout(600000);
  const texts = corpus();

  it(`never throws, keeps every range inside the text, is deterministic, and the features never throw (${CASES} cases)`, () => {
    fc.assert(
      fc.property(
        fc.nat({ max: texts.length - 1 }),
        fc.array(mutation, { minLength: 1, maxLength: 4 }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 4 }),
        (which, mutations, probes) => {
          const text = mutations.reduce(apply, texts[which]);
          const a = analyze(text);
          checkRanges(a);
          const b = analyze(text);
          assert.strictEqual(JSON.stringify({ ...analysisFields(b), lines: null }), JSON.stringify({ ...analysisFields(a), lines: null }));
          checkFeatures(a, probes);
        },
      ),
      { numRuns: CASES, seed: 20261129 },
    );
  });
});

describe('the search from a known lower bound (firstAtOrAfterFrom)', () => {
  it('finds the first entry at or after the value, as counting the entries below it does, from any start that lies before it', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -50, max: 50 }), { maxLength: 200 }), fc.integer({ min: -60, max: 60 }), fc.nat(), (values, value, pick) => {
        const sorted = Int32Array.from(values.sort((a, b) => a - b));
        // By definition: the number of entries less than the value.
        let answer = 0;
        while (answer < sorted.length && sorted[answer] < value) answer++;
        const from = pick % (answer + 1);
        assert.strictEqual(firstAtOrAfterFrom(sorted, sorted.length, value, from), answer);
      }),
      { numRuns: 3000 },
    );
  });

  it('reads only the first n entries', () => {
    const sorted = Int32Array.from([1, 3, 5, 7, 9, 0, 0]);
    assert.strictEqual(firstAtOrAfterFrom(sorted, 5, 10, 0), 5);
    assert.strictEqual(firstAtOrAfterFrom(sorted, 5, 6, 2), 3);
    assert.strictEqual(firstAtOrAfterFrom(sorted, 5, 1, 0), 0);
  });
});
