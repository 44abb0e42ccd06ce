#!/usr/bin/env node
// `npm run bench:drafting`: what the drafting features cost once the
// analysis is cached, side by side with a full analysis of the same text
// (the baseline: what each request would cost if it analysed again). The
// sample scaled ×1, ×10, ×100 (scripts/bench/inputs.mjs), in process on the
// language service (out/server/src/service/languageService.js), medians of
// repeated runs:
//   analysis     — a fresh analysis of the text (the baseline);
//   completion   — three requests: after `vraag `, at the start of a line,
//                  and right after a word (a footnote number);
//   inlay hints  — every hint of the whole document;
//   rename       — prepareRename and rename of the last question;
//   renumber     — on a copy without its first question (every number
//                  moves down by one): the renumbering the analysis makes
//                  (its share of the analysis above), and the source action,
//                  which carries the edits the analysis already holds;
//   draft        — the answer skeleton of the set (text and snippet).
// Prints a table; makes no assertions.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { makeTemplate, scaledText, wholeAnalysis } from './inputs.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);
const out = (...p) => require(path.join(ROOT, 'out', 'server', 'src', ...p));
const analyze = wholeAnalysis(out('model', 'analysis.js').analyze);
const { createLanguageService } = out('service', 'languageService.js');
const { provideCompletion } = out('features', 'completion.js');
const { provideInlayHints } = out('features', 'inlayHints.js');
const { providePrepareRename, provideRename } = out('features', 'rename.js');
const { provideCodeActions } = out('features', 'codeActions.js');
const { draftAnswer } = out('model', 'draft.js');
const { questionNumbering } = out('model', 'renumber.js');

const sample = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'corpus', 'openkamer', 'kv-2022Z09875.txt'), 'utf8');
const template = makeTemplate(sample, analyze);
const SCALES = (process.argv[2] ?? '1,10,100').split(',').map(Number);

function median(run, times) {
  const ms = [];
  for (let i = 0; i < times; i++) {
    const t0 = performance.now();
    run();
    ms.push(performance.now() - t0);
  }
  ms.sort((x, y) => x - y);
  return ms[Math.floor(ms.length / 2)];
}

/** The position just after the first occurrence of `needle` at or after `from`, or null. */
function after(text, needle, from = 0) {
  const i = text.indexOf(needle, from);
  if (i < 0) return null;
  const offset = i + needle.length;
  const line = text.slice(0, offset).split('\n').length - 1;
  return { line, character: offset - text.lastIndexOf('\n', offset - 1) - 1 };
}

const rows = [];
for (const n of SCALES) {
  const text = scaledText(template, n);
  const times = n >= 100 ? 9 : 41;
  const uri = `file:///bench/x${n}.kamervraag`;
  const service = createLanguageService({ today: '2024-12-06' });
  service.openDocument(uri, 'kamervraag', 1, text);
  const a = service.analysis(uri);
  const whole = { start: { line: 0, character: 0 }, end: { line: a.lines.lineCount, character: 0 } };
  // The last question's heading number: `• Vraag N`.
  const last = a.questions[a.questions.length - 1];
  const lastHeading = a.lines.rangeOf(last.heading.span);
  const headingNumber = { line: lastHeading.start.line, character: lastHeading.end.character - 1 };
  const afterVraag = after(text, 'antwoord vraag ', Math.floor(text.length / 2)) ?? after(text, 'vraag ');
  const lineStart = { line: a.lines.lineAt(last.span.start) - 1, character: 0 };
  const afterWord = after(text, 'brief', Math.floor(text.length / 2));
  // A gap: the first question deleted, so every number after it moves down by one.
  const gapUri = `file:///bench/x${n}-gap.kamervraag`;
  const gapText = text.slice(0, a.questions[0].span.start) + text.slice(a.questions[1].span.start);
  service.openDocument(gapUri, 'kamervraag', 1, gapText);
  service.analysis(gapUri);

  const row = { n, kb: text.length / 1024, questions: a.questions.length };
  row.analysis = median(() => analyze(text, { year: 2024 }), Math.min(times, 9));
  row.completion = median(() => {
    provideCompletion(service, uri, afterVraag);
    provideCompletion(service, uri, lineStart, undefined, { triggerKind: 1 });
    provideCompletion(service, uri, afterWord, undefined, { triggerKind: 1 });
  }, times);
  row.inlay = median(() => provideInlayHints(service, uri, whole), times);
  row.hints = provideInlayHints(service, uri, whole).length;
  row.rename = median(() => {
    providePrepareRename(service, uri, headingNumber);
    provideRename(service, uri, headingNumber, String(a.questions.length * 3 + 1));
  }, times);
  const gapAnalysis = service.analysis(gapUri);
  row.numbering = median(() => questionNumbering(gapAnalysis), times);
  row.edits = questionNumbering(gapAnalysis)?.edits.length ?? 0;
  row.renumber = median(() => provideCodeActions(service, gapUri, whole, { only: ['source'] }), times);
  row.actions = provideCodeActions(service, gapUri, whole, { only: ['source'] }).map((x) => x.title).join(', ') || '—';
  row.draft = median(() => draftAnswer(service.analysis(uri)), times);
  rows.push(row);
  service.dispose();
}

const f = (ms) => (ms === null ? '—' : ms < 10 ? ms.toFixed(2) : ms.toFixed(1));
console.log(`Drafting features on the cached analysis against a full analysis, medians in ms; ${new Date().toISOString().slice(0, 16)} UTC, Node ${process.version}`);
console.log('| size | KB | questions | analysis (baseline) | completion ×3 | inlay hints (count) | rename | renumbering (edits) | renumber action | draft |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const r of rows) {
  console.log(`| ×${r.n} | ${r.kb.toFixed(0)} | ${r.questions} | ${f(r.analysis)} | ${f(r.completion)} | ${f(r.inlay)} (${r.hints}) | ${f(r.rename)} | ${f(r.numbering)} (${r.edits}) | ${f(r.renumber)} | ${f(r.draft)} |`);
}
console.log(`Renumber action offered on the copy with a gap: ${rows.map((r) => `×${r.n}: ${r.actions}`).join('; ')}`);
