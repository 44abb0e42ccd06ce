#!/usr/bin/env node
// `npm run bench:cache`: the analysis cache, before and after the terms
// became part of its key. Two open documents with different answer terms
// (the sample with 21/42 days, a copy with 14/30 days), and hover-like
// requests that alternate between them, as a user does with two editors side
// by side. Both caches run in one process on the same analysis
// (out/server/src/model/analysis.js):
//   baseline — one analysis per URI, the terms as mutable cache state that a
//              request with other terms resets (the cache as it was);
//   keyed    — the language service's cache, keyed by (URI, version, terms).
// Prints analyses computed and milliseconds; makes no assertions.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { wholeAnalysis } from './inputs.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);
const analyze = wholeAnalysis(require(path.join(ROOT, 'out', 'server', 'src', 'model', 'analysis.js')).analyze);
const { createLanguageService } = require(path.join(ROOT, 'out', 'server', 'src', 'service', 'languageService.js'));
const { readSettings } = require(path.join(ROOT, 'out', 'server', 'src', 'settings.js'));

const text = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'corpus', 'openkamer', 'kv-2022Z09875.txt'), 'utf8');
const ROUNDS = Number(process.argv[2] ?? 200);
const A = 'file:///a/kv-2022Z09875.kamervraag';
const B = 'file:///b/kv-2022Z09875.kamervraag';
const TERMS_A = { regularDays: 21, extendedDays: 42 };
const TERMS_B = { regularDays: 14, extendedDays: 30 };

/** The cache as it was: entries by URI; `setTerms` with other terms clears them all. */
class BaselineCache {
  entries = new Map();
  terms = undefined;
  analyses = 0;
  setTerms(terms) {
    if (this.terms && this.terms.regularDays === terms.regularDays && this.terms.extendedDays === terms.extendedDays) return;
    this.terms = terms;
    this.entries.clear();
  }
  get(uri, version, read) {
    const hit = this.entries.get(uri);
    if (hit && hit.version === version) return hit;
    this.analyses++;
    const a = analyze(read(), { version, terms: this.terms });
    this.entries.set(uri, a);
    return a;
  }
}

function baseline() {
  const cache = new BaselineCache();
  const t0 = performance.now();
  for (let i = 0; i < ROUNDS; i++) {
    for (const [uri, terms] of [[A, TERMS_A], [B, TERMS_B]]) {
      cache.setTerms(terms); // the server set the document's terms before every request
      cache.get(uri, 1, () => text);
    }
  }
  return { analyses: cache.analyses, ms: performance.now() - t0 };
}

function keyed() {
  const service = createLanguageService({ today: '2024-12-06' });
  service.openDocument(A, 'kamervraag', 1, text);
  service.openDocument(B, 'kamervraag', 1, text);
  service.setSettings(A, readSettings({ terms: TERMS_A }));
  service.setSettings(B, readSettings({ terms: TERMS_B }));
  const t0 = performance.now();
  for (let i = 0; i < ROUNDS; i++) {
    service.analysis(A);
    service.analysis(B);
  }
  const ms = performance.now() - t0;
  service.dispose();
  return { analyses: service.cache.stats.misses, ms };
}

// Warm up the analysis once so that neither side pays the JIT alone.
analyze(text);
const before = baseline();
const after = keyed();
const row = (name, r) => `| ${name.padEnd(9)} | ${String(ROUNDS * 2).padStart(8)} | ${String(r.analyses).padStart(8)} | ${r.ms.toFixed(1).padStart(8)} | ${(r.ms / (ROUNDS * 2)).toFixed(3).padStart(9)} |`;
console.log(`Alternating requests between two documents with different terms (sample, ${(text.length / 1024).toFixed(0)} KB), ${new Date().toISOString().slice(0, 16)} UTC, Node ${process.version}`);
console.log('| cache     | requests | analyses | total ms | ms/request |');
console.log('|-----------|---------:|---------:|---------:|----------:|');
console.log(row('baseline', before));
console.log(row('keyed', after));
