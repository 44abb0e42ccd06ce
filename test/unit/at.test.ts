// The lookups by position and number use sorted lists; they must find exactly
// what a scan over every element finds, at every offset of the corpus.

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { analyze } from '../../server/src/model/analysis';
import type { Analysis } from '../../server/src/model/types';
import type { Span } from '../../server/src/model/text';
import { elementAt, questionByNumber, referencesTo, type Target } from '../../server/src/features/at';
import { findRepoRoot } from '../../scripts/score';

function holds(span: Span, offset: number): boolean {
  return span.start <= offset && offset <= span.end && span.end > span.start;
}

/** The element at an offset by scanning every element (the definition `elementAt` must agree with). */
function scanAt(a: Analysis, offset: number): Target | null {
  const found: Target[] = [];
  for (const f of a.footnotes) if (holds(f.span, offset)) found.push({ kind: 'footnote', span: f.span, footnote: f });
  for (const d of a.dates) if (holds(d.span, offset)) found.push({ kind: 'date', span: d.span, date: d });
  for (const r of a.references) if (holds(r.span, offset)) found.push({ kind: 'reference', span: r.span, reference: r });
  for (const c of a.citations) if (holds(c.span, offset)) found.push({ kind: 'citation', span: c.span, citation: c });
  for (const letter of a.letters) for (const m of letter.mentions) if (holds(m.span, offset)) found.push({ kind: 'letter', span: m.span, letter, mention: m });
  for (const q of a.questions) if (q.heading && holds(q.heading.span, offset)) found.push({ kind: 'question', span: q.heading.span, question: q });
  for (const b of a.answers) {
    if (b.heading && holds(b.heading.span, offset)) found.push({ kind: 'answer', span: b.heading.span, answer: b, questions: a.questions.filter((q) => q.answer === b) });
  }
  for (const n of a.notices) if (n.heading && holds(n.heading.span, offset)) found.push({ kind: 'notice', span: n.heading.span, notice: n });
  for (const f of a.headerFields) if (holds(f.span, offset)) found.push({ kind: 'header', span: f.span, field: f });
  let best: Target | null = null;
  for (const t of found) if (!best || t.span.end - t.span.start < best.span.end - best.span.start) best = t;
  return best;
}

function corpusFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? corpusFiles(p) : e.name.endsWith('.txt') ? [p] : [];
  }).sort();
}

describe('at: lookups by position and number', () => {
  const files = corpusFiles(path.join(findRepoRoot(__dirname), 'test', 'fixtures', 'corpus'));

  it('elementAt finds what a scan finds, at every offset of every corpus file', () => {
    assert.ok(files.length > 0);
    for (const file of files) {
      const a = analyze(fs.readFileSync(file, 'utf8'));
      for (let offset = 0; offset <= a.text.length; offset++) {
        const got = elementAt(a, offset);
        const want = scanAt(a, offset);
        if (got === null || want === null) {
          assert.strictEqual(got, want, `${path.basename(file)} @${offset}`);
          continue;
        }
        assert.strictEqual(got.kind, want.kind, `${path.basename(file)} @${offset}`);
        assert.deepStrictEqual(got.span, want.span, `${path.basename(file)} @${offset}`);
        for (const key of Object.keys(want).filter((k) => k !== 'span')) {
          const g: unknown = (got as unknown as Record<string, unknown>)[key];
          const w: unknown = (want as unknown as Record<string, unknown>)[key];
          if (Array.isArray(w)) assert.deepStrictEqual((g as unknown[]).map((x) => (w as unknown[]).indexOf(x)), w.map((_, i) => i), `${path.basename(file)} @${offset} ${key}`);
          else assert.strictEqual(g, w, `${path.basename(file)} @${offset} ${key}`);
        }
      }
    }
  });

  it('questionByNumber and referencesTo agree with a scan', () => {
    for (const file of files) {
      const a = analyze(fs.readFileSync(file, 'utf8'));
      const numbers = [...new Set(a.questions.flatMap((q) => q.numbers).concat(a.references.map((r) => r.number)))];
      for (const n of numbers.concat([0, 9999])) {
        assert.strictEqual(questionByNumber(a, n), a.questions.find((q) => q.numbers.includes(n)) ?? null);
        const scan = (ns: number[]) => a.references.filter((r) => r.scope === 'internal' && r.target !== null && ns.includes(r.target));
        assert.deepStrictEqual(referencesTo(a, [n]).map((r) => a.references.indexOf(r)), scan([n]).map((r) => a.references.indexOf(r)));
        const several = [n, n + 2, n - 1, n];
        assert.deepStrictEqual(referencesTo(a, several).map((r) => a.references.indexOf(r)), scan(several).map((r) => a.references.indexOf(r)));
      }
    }
  });
});
