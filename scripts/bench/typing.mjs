#!/usr/bin/env node
// The typing part of `npm run bench` alone (after `npm run build && tsc -p .`):
// one-character edits in the middle of the sample ×N, each timed from the
// edit to its fresh diagnostics, minus the server's debounce.
//   node scripts/bench/typing.mjs [N …]   (default 1 10 100)
import { createRequire } from 'node:module';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { makeTemplate, QUESTIONS, scaledText } from './inputs.mjs';
import { Client } from './lsp.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);
const { analyze } = require(path.join(ROOT, 'out', 'server', 'src', 'model', 'analysis.js'));
const { DIAGNOSTICS_DELAY_MS: delay } = require(path.join(ROOT, 'out', 'server', 'src', 'server.js'));
const template = makeTemplate(fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'corpus', 'openkamer', 'kv-2022Z09875.txt'), 'utf8'), analyze);
const median = (v) => { const s = [...v].sort((a, b) => a - b); return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2; };

for (const n of process.argv.slice(2).map(Number).filter((x) => x > 0).concat(process.argv.length > 2 ? [] : [1, 10, 100])) {
  const text = scaledText(template, n);
  const client = new Client([path.join(ROOT, 'dist', 'server.js'), '--stdio'], { name: 'ours', cwd: ROOT, timeoutMs: 30000 });
  const uri = `file:///bench/typing-x${n}.kamervraag`;
  let at = text.indexOf('Nokia', text.indexOf(`Vraag ${9 + QUESTIONS * Math.floor(n / 2)}\n`));
  try {
    await client.initialize();
    await client.open(uri, 'kamervraag', text);
    await client.waitForDiagnostics(uri, 1);
    const raw = [];
    for (let i = 0; i < 10; i++) {
      await sleep(100);
      const t0 = performance.now();
      const version = client.insert(uri, at++, 'x');
      const d = await client.waitForDiagnostics(uri, version);
      raw.push(d.at - t0);
    }
    console.log(`×${n}: server ${(median(raw) - delay).toFixed(1)} ms (raw median ${median(raw).toFixed(1)}, min ${Math.min(...raw).toFixed(1)}, debounce ${delay}); peak RSS ${client.memory().peakMB?.toFixed?.(0) ?? '?'} MB`);
  } finally {
    await client.shutdown();
  }
}
