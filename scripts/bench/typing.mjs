#!/usr/bin/env node
// The pulled typing part of `npm run bench` alone, for our server (after
// `npm run build && tsc -p .`): one-character edits in the middle of the sample
// ×N, each timed from the didChange to the answer of `textDocument/diagnostic`
// sent right after it, as VS Code pulls; 50 ms between keystrokes.
//   node scripts/bench/typing.mjs [N …]   (default 1 10 100; KEYSTROKES=40)
import { createRequire } from 'node:module';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { makeTemplate, QUESTIONS, scaledText, wholeAnalysis } from './inputs.mjs';
import { Client } from './lsp.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);
const analyze = wholeAnalysis(require(path.join(ROOT, 'out', 'server', 'src', 'model', 'analysis.js')).analyze);
const template = makeTemplate(fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'corpus', 'openkamer', 'kv-2022Z09875.txt'), 'utf8'), analyze);
const median = (v) => { const s = [...v].sort((a, b) => a - b); return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2; };
const KEYS = Number(process.env.KEYSTROKES ?? 40);
const FIRST = 10;

for (const n of process.argv.slice(2).map(Number).filter((x) => x > 0).concat(process.argv.length > 2 ? [] : [1, 10, 100])) {
  const text = scaledText(template, n);
  const client = new Client([path.join(ROOT, 'dist', 'server.js'), '--stdio'], { name: 'ours', cwd: ROOT, timeoutMs: 30000 });
  const uri = `file:///bench/typing-x${n}.kamervraag`;
  let at = text.indexOf('Nokia', text.indexOf(`Vraag ${9 + QUESTIONS * Math.floor(n / 2)}\n`));
  try {
    await client.initialize({ pullDiagnostics: true });
    await client.open(uri, 'kamervraag', text);
    let previous = (await client.request('textDocument/diagnostic', { textDocument: { uri } }))?.resultId;
    const raw = [];
    for (let i = 0; i < KEYS; i++) {
      await sleep(50);
      const t0 = performance.now();
      client.insert(uri, at++, 'x');
      const report = await client.request('textDocument/diagnostic', { textDocument: { uri }, ...(previous ? { previousResultId: previous } : {}) });
      raw.push(performance.now() - t0);
      previous = report?.resultId ?? previous;
    }
    const later = raw.slice(FIRST);
    console.log(`×${n}: pulled diagnostics ${median(later).toFixed(1)} ms (median of ${later.length} keystrokes after the first ${FIRST}, min ${Math.min(...later).toFixed(1)}; first ${FIRST}: ${median(raw.slice(0, FIRST)).toFixed(1)}); peak RSS ${client.memory().peakMB?.toFixed?.(0) ?? '?'} MB`);
  } finally {
    await client.shutdown();
  }
}
