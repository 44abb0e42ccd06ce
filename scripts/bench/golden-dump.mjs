#!/usr/bin/env node
// Golden dump for performance work: writes, for every corpus file, the sample
// ×10 and deterministic variants of each corpus file (CRLF, shuffled lines,
// dropped characters), both the schema-v1 JSON (toJson) and the whole Analysis
// (every span and range, without the text and line index) into a folder.
// Compare two dumps with `diff -r`: an optimisation must not change a byte.
//   node scripts/bench/golden-dump.mjs OUTDIR   (after `tsc -p .`)
import { createRequire } from 'node:module';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeTemplate, scaledText } from './inputs.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);
const { analyze } = require(path.join(ROOT, 'out', 'server', 'src', 'model', 'analysis.js'));
const { toJson } = require(path.join(ROOT, 'out', 'server', 'src', 'model', 'json.js'));
const out = process.argv[2];
if (!out) throw new Error('usage: golden-dump.mjs OUTDIR');
fs.mkdirSync(out, { recursive: true });

function files(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? files(p) : e.name.endsWith('.txt') ? [p] : [];
  }).sort();
}

/** A small seeded PRNG (mulberry32). */
function rng(seed) {
  return () => {
    seed |= 0; seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function full(a) {
  return JSON.stringify(a, (k, v) => (k === 'lines' && v && typeof v === 'object' && !Array.isArray(v) ? undefined : k === 'text' && v === a.text ? undefined : v), 1);
}

function dump(name, text) {
  const a = analyze(text, { version: 1 });
  fs.writeFileSync(path.join(out, `${name}.json`), JSON.stringify(toJson(a, name, 'en'), null, 1) + '\n');
  fs.writeFileSync(path.join(out, `${name}.nl.json`), JSON.stringify(toJson(a, name, 'nl').diagnostics ?? null, null, 1) + '\n');
  fs.writeFileSync(path.join(out, `${name}.analysis.json`), full(a) + '\n');
}

const corpus = path.join(ROOT, 'test', 'fixtures', 'corpus');
let n = 0;
for (const file of files(corpus)) {
  const rel = path.relative(corpus, file).replace(/[\\/]/g, '__');
  const text = fs.readFileSync(file, 'utf8');
  dump(rel, text);
  dump(`${rel}.crlf`, text.replace(/\r?\n/g, '\r\n'));
  const r = rng(n + 1);
  const lines = text.split('\n');
  for (let i = lines.length - 1; i > 0; i--) { const j = Math.floor(r() * (i + 1)); [lines[i], lines[j]] = [lines[j], lines[i]]; }
  dump(`${rel}.shuffled`, lines.join('\n'));
  let dropped = '';
  for (let i = 0; i < text.length; i++) if (r() > 0.03) dropped += r() < 0.01 ? ' ' : text[i];
  dump(`${rel}.dropped`, dropped);
  const collapsed = text.replace(/\s+/g, (m) => (r() < 0.3 ? ' ' : m));
  dump(`${rel}.collapsed`, collapsed);
  n++;
}
const sample = fs.readFileSync(path.join(corpus, 'openkamer', 'kv-2022Z09875.txt'), 'utf8');
dump('sample-x10', scaledText(makeTemplate(sample, analyze), 10));
console.log(`${n} corpus files (×5 variants) and the sample ×10 dumped to ${out}`);
