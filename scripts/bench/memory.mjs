#!/usr/bin/env node
// Memory of an edited document (after `npm run build` and `tsc -p .`):
//
// 1. Over stdio, as the benchmark's sessions: the server opens the sample ×N
//    (default ×1000, 11 MB), answers the outline and folding, then takes K
//    one-character edits in the middle (default 10), each followed by the
//    outline and its diagnostics. Prints the server's resident memory at each
//    step (sampled every 10 ms), its peak, and the median edit → outline.
// 2. In process: the sample ×100 takes 60 edits spread over the text, the
//    outline and diagnostics asked after each; prints the live heap after
//    every ten (after a full collection). A heap that grows by a text a
//    keystroke keeps the versions before.
//
//   node scripts/bench/memory.mjs [--scale N] [--edits K]
import { Buffer } from 'node:buffer';
import { createRequire } from 'node:module';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { clearInterval, setInterval, setTimeout } from 'node:timers';
import { fileURLToPath } from 'node:url';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { makeTemplate, QUESTIONS, scaledText } from './inputs.mjs';
import { Client } from './lsp.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);
const out = (p) => require(path.join(ROOT, 'out', 'server', 'src', p));
const SERVER = path.join(ROOT, 'dist', 'server.js');

function option(name, fallback) {
  const at = process.argv.indexOf(name);
  const value = at >= 0 ? Number(process.argv[at + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} takes a whole number of at least 1`);
  return value;
}

const median = (values) => {
  const v = [...values].sort((a, b) => a - b);
  return v.length === 0 ? NaN : v.length % 2 ? v[v.length >> 1] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
};
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Where the k-th of `of` edits goes: the start of a word in the k-th part of the text. */
function spreadOffset(text, k, of) {
  let at = Math.floor((text.length * k) / of);
  while (at < text.length && !/[a-z]/.test(text[at])) at++;
  return at;
}

async function overStdio(template, scale, edits) {
  if (!fs.existsSync(SERVER)) throw new Error(`${SERVER} is missing: run \`npm run build\` first`);
  const text = scaledText(template, scale);
  const client = new Client([SERVER, '--stdio'], { name: 'ours', cwd: ROOT, timeoutMs: 180000 });
  const peaks = new Map();
  let step = 'start';
  const sampler = setInterval(() => {
    const rss = client.memory().rssMB;
    if (Number.isFinite(rss)) peaks.set(step, Math.max(peaks.get(step) ?? 0, rss));
  }, 10);
  try {
    await client.initialize();
    await sleep(250);
    const uri = `file:///bench/sample-x${scale}.kamervraag`;
    const doc = { textDocument: { uri } };
    step = 'open';
    let t = performance.now();
    client.open(uri, 'kamervraag', text);
    await client.request('textDocument/documentSymbol', doc);
    const openMs = performance.now() - t;
    step = 'outline, folding';
    for (let i = 0; i < 3; i++) {
      await client.request('textDocument/documentSymbol', doc);
      await client.request('textDocument/foldingRange', doc);
    }
    const middle = QUESTIONS * Math.floor(scale / 2);
    const at = text.indexOf('Nokia', text.indexOf(`Vraag ${9 + middle}\n`));
    const editMs = [];
    for (let i = 0; i < edits; i++) {
      step = `edit ${i + 1}`;
      t = performance.now();
      const version = client.insert(uri, at, 'x');
      await client.request('textDocument/documentSymbol', doc);
      editMs.push(performance.now() - t);
      await client.waitForDiagnostics(uri, version);
      await sleep(50);
    }
    const memory = client.memory();
    return { sizeMB: Buffer.byteLength(text) / 1e6, openMs, editMs, peakMB: memory.peakMB, rssMB: memory.rssMB, peaks };
  } finally {
    clearInterval(sampler);
    await client.shutdown();
  }
}

function inProcess(template) {
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc');
  // What an editor asks for after each version: the outline and the diagnostics.
  const asked = [out('features/symbols.js').provideDocumentSymbols, out('features/diagnostics.js').provideDiagnostics];
  const text = scaledText(template, 100);
  const service = out('service/languageService.js').createLanguageService({ today: '2026-12-04' });
  const uri = 'file:///bench/spread.kamervraag';
  service.openDocument(uri, 'kamervraag', 1, text);
  const touch = () => asked.forEach((provide) => provide(service, uri));
  touch();
  const heap = () => {
    gc();
    return process.memoryUsage().heapUsed / 1e6;
  };
  const heaps = [heap()];
  const edits = 60;
  for (let i = 0; i < edits; i++) {
    const doc = service.documents.get(uri);
    // Every seventh part of the text in turn: each edit at another place.
    const position = doc.positionAt(spreadOffset(doc.getText(), (i * 7) % edits, edits));
    service.documents.change(uri, doc.version + 1, [{ range: { start: position, end: position }, text: 'x' }]);
    touch();
    if ((i + 1) % 10 === 0) heaps.push(heap());
  }
  service.dispose();
  return { textMB: (2 * text.length) / 1e6, heaps };
}

async function main() {
  const scale = option('--scale', 1000);
  const edits = option('--edits', 10);
  const { analyze } = out('model/analysis.js');
  const template = makeTemplate(fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'corpus', 'openkamer', 'kv-2022Z09875.txt'), 'utf8'), analyze);
  console.log(`Kamervraag memory — ${new Date().toISOString()}, Node ${process.version}`);

  const s = await overStdio(template, scale, edits);
  console.log(`\n1. Over stdio: the sample ×${scale} (${s.sizeMB.toFixed(1)} MB) opened, then ${edits} edits in its middle`);
  for (const [step, mb] of s.peaks) console.log(`   ${step.padEnd(18)} RSS up to ${mb.toFixed(0)} MB`);
  console.log(`   peak RSS ${s.peakMB.toFixed(0)} MB, RSS at the end ${s.rssMB.toFixed(0)} MB`);
  console.log(`   didOpen → outline ${s.openMs.toFixed(0)} ms; edit → outline median ${median(s.editMs).toFixed(0)} ms (${s.editMs.map((x) => x.toFixed(0)).join(', ')})`);

  const p = inProcess(template);
  console.log(`\n2. In process: the sample ×100 (${p.textMB.toFixed(1)} MB as UTF-16), 60 edits at spread places`);
  console.log(`   live heap after the open and after every ten edits: ${p.heaps.map((h) => h.toFixed(1)).join(', ')} MB`);
  console.log(`   grown by ${(p.heaps[p.heaps.length - 1] - p.heaps[0]).toFixed(1)} MB (${((p.heaps[p.heaps.length - 1] - p.heaps[0]) / p.textMB).toFixed(1)} texts)`);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.stack ?? e.message : String(e));
  process.exit(1);
});
