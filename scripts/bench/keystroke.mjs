#!/usr/bin/env node
// One keystroke in-process, split into its parts (after `tsc -p .`): the
// TextDocument update, the analysis, the diagnostics feature (with JSON), and
// the workspace summary that the server computes for the index of an open
// document after each keystroke. The same edits as `typing.mjs`.
//   node scripts/bench/keystroke.mjs [N …]   (default 1 10 100)
import { createRequire } from 'node:module';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { makeTemplate, QUESTIONS, scaledText, wholeAnalysis } from './inputs.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);
const out = (p) => require(path.join(ROOT, 'out', 'server', 'src', p));
const analyze = wholeAnalysis(out('model/analysis.js').analyze);
const { diagnostics } = out('features/diagnostics.js');
const { summarize } = out('workspace/summary.js');
const { DEFAULT_SETTINGS } = out('settings.js');
const { TextDocument } = require('vscode-languageserver-textdocument');
const median = (v) => { const s = [...v].sort((a, b) => a - b); return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2; };
const template = makeTemplate(fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'corpus', 'openkamer', 'kv-2022Z09875.txt'), 'utf8'), analyze);
const KEYS = Number(process.env.KEYSTROKES ?? 10);

for (const n of process.argv.slice(2).map(Number).filter((x) => x > 0).concat(process.argv.length > 2 ? [] : [1, 10, 100])) {
  const text = scaledText(template, n);
  const doc = TextDocument.create(`file:///bench/keystroke-x${n}.kamervraag`, 'kamervraag', 1, text);
  let at = text.indexOf('Nokia', text.indexOf(`Vraag ${9 + QUESTIONS * Math.floor(n / 2)}\n`));
  analyze(text);
  const parts = { update: [], analyze: [], diagnostics: [], summary: [] };
  for (let i = 0; i < KEYS; i++) {
    const p = doc.positionAt(at++);
    const t0 = performance.now();
    TextDocument.update(doc, [{ range: { start: p, end: p }, text: 'x' }], doc.version + 1);
    const s = doc.getText();
    s.charCodeAt(s.length >> 1); // flatten
    const t1 = performance.now();
    const a = analyze(s);
    const t2 = performance.now();
    JSON.stringify(diagnostics(a, doc.uri, { locale: 'nl', settings: DEFAULT_SETTINGS }));
    const t3 = performance.now();
    summarize(doc.uri, a);
    const t4 = performance.now();
    parts.update.push(t1 - t0);
    parts.analyze.push(t2 - t1);
    parts.diagnostics.push(t3 - t2);
    parts.summary.push(t4 - t3);
  }
  console.log(`×${n}: ${Object.entries(parts).map(([k, v]) => `${k} ${median(v).toFixed(1)}`).join(', ')} ms (medians of ${KEYS} keystrokes)`);
}
