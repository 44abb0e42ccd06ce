#!/usr/bin/env node
// `npm run bench:originals`: the originals (PDF and Word) of the fixtures,
// converted and analysed in process (out/server/src/…), and a folder of them
// indexed by the language service from disk. Prints:
//   - start-up: the first conversion of a PDF and of a Word file in this
//     process (loading pdf.js / mammoth included), against the same
//     conversion once warm;
//   - per original, after warm-up: conversion, conversion + analysis, and the
//     analysis of the same text alone (the baseline: what a text file of the
//     document costs), median and worst of the runs, and ms per page/paragraph;
//   - indexing: a folder of N copies of the originals (default 200) indexed by
//     the language service with the disk file system, in files/s, beside the
//     same number of their converted texts as `.txt` files (the baseline).
// Makes no assertions.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import { wholeAnalysis } from './inputs.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);
const out = (...p) => require(path.join(ROOT, 'out', 'server', 'src', ...p));
const analyze = wholeAnalysis(out('model', 'analysis.js').analyze);
const originals = out('originals', 'index.js');
const DIR = path.join(ROOT, 'test', 'fixtures', 'corpus', 'originals');
const RUNS = Number(process.argv[2] ?? 15);
const COPIES = Number(process.argv[3] ?? 200);

const files = fs.readdirSync(DIR).filter((f) => /\.(pdf|docx)$/i.test(f)).sort();
const stats = (ms) => {
  const s = [...ms].sort((x, y) => x - y);
  return { median: s[Math.floor(s.length / 2)], worst: s[s.length - 1] };
};
const f = (ms) => (ms < 10 ? ms.toFixed(2) : ms.toFixed(1));

async function convert(name, bytes) {
  const c = await originals.convertOriginal(originals.originalKind(name), new Uint8Array(bytes));
  if (originals.isProblem(c)) throw new Error(`${name}: ${c.problem} — ${c.message.en}`);
  return c;
}

// Start-up: the first conversion of each kind in this process.
const startup = {};
for (const kind of ['pdf', 'docx']) {
  const name = files.find((x) => x.toLowerCase().endsWith(`.${kind}`));
  const bytes = fs.readFileSync(path.join(DIR, name));
  let t0 = performance.now();
  await convert(name, bytes);
  const first = performance.now() - t0;
  t0 = performance.now();
  await convert(name, bytes);
  startup[kind] = { name, first, warm: performance.now() - t0 };
}

const rows = [];
for (const name of files) {
  const bytes = fs.readFileSync(path.join(DIR, name));
  const warm = await convert(name, bytes);
  const conv = [];
  const both = [];
  const text = [];
  for (let i = 0; i < RUNS; i++) {
    let t0 = performance.now();
    const c = await convert(name, bytes);
    conv.push(performance.now() - t0);
    t0 = performance.now();
    analyze((await convert(name, bytes)).text, { year: 2024 });
    both.push(performance.now() - t0);
    t0 = performance.now();
    analyze(c.text, { year: 2024 });
    text.push(performance.now() - t0);
  }
  rows.push({ name, kb: bytes.length / 1024, kind: warm.kind, units: warm.units, conv: stats(conv), both: stats(both), text: stats(text) });
}

console.log(`Originals of the fixtures, ${new Date().toISOString().slice(0, 16)} UTC, Node ${process.version}, ${RUNS} runs each after warm-up`);
console.log('');
console.log('| start-up | file | first conversion ms | warm ms |');
console.log('|---|---|---:|---:|');
for (const [kind, s] of Object.entries(startup)) console.log(`| ${kind} | ${s.name} | ${f(s.first)} | ${f(s.warm)} |`);
console.log('');
console.log('| original | KB | pages / paragraphs | convert median (worst) | per page or paragraph | convert + analyse median (worst) | analyse the text alone (baseline) |');
console.log('|---|---:|---:|---:|---:|---:|---:|');
for (const r of rows) {
  console.log(`| ${r.name} | ${r.kb.toFixed(0)} | ${r.units} | ${f(r.conv.median)} (${f(r.conv.worst)}) | ${f(r.conv.median / Math.max(1, r.units))} | ${f(r.both.median)} (${f(r.both.worst)}) | ${f(r.text.median)} |`);
}

// Indexing: N copies of the originals in a folder, against their converted texts as .txt files.
let service;
try {
  const { createLanguageService } = out('service', 'languageService.js');
  const { DiskFileSystem } = out('node', 'diskFileSystem.js');
  const index = async (folder) => {
    service = createLanguageService({ fileSystem: new DiskFileSystem(), today: '2025-06-01' });
    const t0 = performance.now();
    await service.addFolders([pathToFileURL(folder).toString()]);
    const ms = performance.now() - t0;
    const sets = service.index.sets?.().length ?? null;
    service.dispose();
    return { ms, sets };
  };
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'kamervraag-originals-'));
  const origDir = path.join(base, 'originals');
  const textDir = path.join(base, 'texts');
  fs.mkdirSync(origDir);
  fs.mkdirSync(textDir);
  const texts = new Map();
  for (const name of files) texts.set(name, (await convert(name, fs.readFileSync(path.join(DIR, name)))).text);
  for (let k = 0; k < COPIES; k++) {
    const name = files[k % files.length];
    fs.copyFileSync(path.join(DIR, name), path.join(origDir, `${k}-${name}`));
    fs.writeFileSync(path.join(textDir, `${k}-${name}.kv.txt`), texts.get(name));
  }
  const o = await index(origDir);
  const t = await index(textDir);
  console.log('');
  console.log(`| indexing ${COPIES} files | seconds | files/s |`);
  console.log('|---|---:|---:|');
  console.log(`| originals (PDF and Word) | ${(o.ms / 1000).toFixed(2)} | ${(COPIES / (o.ms / 1000)).toFixed(0)} |`);
  console.log(`| their converted texts as .kv.txt (baseline) | ${(t.ms / 1000).toFixed(2)} | ${(COPIES / (t.ms / 1000)).toFixed(0)} |`);
  fs.rmSync(base, { recursive: true, force: true });
} catch (err) {
  console.log(`indexing not measured: ${err instanceof Error ? err.message : String(err)}`);
}
