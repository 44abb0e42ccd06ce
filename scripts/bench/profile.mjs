#!/usr/bin/env node
// Where the analysis spends its time (after `tsc -p .`):
//   node scripts/bench/profile.mjs [N]          profiles three whole analyses (PROFILE_RUNS) of the sample ×N (default 100)
//                                               with the V8 profiler, writes out/bench/analysis-xN.cpuprofile
//                                               and prints the functions with the most self time;
//   node scripts/bench/profile.mjs --keystrokes [N]  profiles 60 keystrokes (as keystroke.mjs types them:
//                                               the analysis and the diagnostics, what the server does before
//                                               it answers; the index summary waits for a pause) on the sample ×N;
//   node scripts/bench/profile.mjs FILE.cpuprofile   prints the same summary for a profile written by
//                                               `node --cpu-prof`.
import { createRequire } from 'node:module';
import * as fs from 'node:fs';
import * as inspector from 'node:inspector';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeTemplate, scaledText, wholeAnalysis } from './inputs.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);

/** Self time per function (name, file, line), in ms, largest first. */
export function selfTimes(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++) {
    const node = byId.get(samples[i]);
    // The delta before sample i+1 is the time spent in sample i.
    const ms = (deltas[i + 1] ?? 0) / 1000;
    self.set(node.id, (self.get(node.id) ?? 0) + ms);
  }
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const merged = new Map();
  for (const [id, ms] of self) {
    const f = byId.get(id).callFrame;
    const file = f.url ? path.relative(ROOT, f.url.replace(/^file:\/\//, '')) : '';
    const key = `${f.functionName || '(anonymous)'}  ${file}${file ? `:${f.lineNumber + 1}` : ''}`;
    merged.set(key, (merged.get(key) ?? 0) + ms);
  }
  return { total, rows: [...merged].sort((a, b) => b[1] - a[1]) };
}

function print(profile, top = 20) {
  const { total, rows } = selfTimes(profile);
  console.log(`total sampled ${total.toFixed(0)} ms; top ${top} by self time:`);
  for (const [key, ms] of rows.slice(0, top)) console.log(`${ms.toFixed(1).padStart(9)} ms ${(100 * ms / total).toFixed(1).padStart(5)}%  ${key}`);
}

function post(session, method, params = {}) {
  return new Promise((resolve, reject) => session.post(method, params, (err, result) => (err ? reject(err) : resolve(result))));
}

/** The V8 profile of `run()`, sampled every `interval` µs, written to out/bench/`name`.cpuprofile; returns the profile and its path. */
async function profileOf(name, interval, run) {
  const session = new inspector.Session();
  session.connect();
  await post(session, 'Profiler.enable');
  await post(session, 'Profiler.setSamplingInterval', { interval });
  await post(session, 'Profiler.start');
  run();
  const { profile } = await post(session, 'Profiler.stop');
  session.disconnect();
  const dir = path.join(ROOT, 'out', 'bench');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.cpuprofile`);
  fs.writeFileSync(file, JSON.stringify(profile));
  return { profile, file: path.relative(ROOT, file) };
}

async function main() {
  const arg = process.argv[2];
  if (arg && arg.endsWith('.cpuprofile')) {
    print(JSON.parse(fs.readFileSync(arg, 'utf8')));
    return;
  }
  if (arg === '--keystrokes') return keystrokes(Number(process.argv[3] ?? 100));
  const n = Number(arg ?? 100);
  const analyze = wholeAnalysis(require(path.join(ROOT, 'out', 'server', 'src', 'model', 'analysis.js')).analyze);
  const sample = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'corpus', 'openkamer', 'kv-2022Z09875.txt'), 'utf8');
  const text = scaledText(makeTemplate(sample, analyze), n);
  // Warm-up (PROFILE_WARMUPS, default 1): more runs let the optimizing compiler settle first.
  // Each analysis is a whole one: the text before it was another (` ${text} `), so nothing of it is reused.
  const other = ` ${text} `;
  for (let i = 0; i < Number(process.env.PROFILE_WARMUPS ?? 1); i++) {
    analyze(other);
    analyze(text);
  }
  const runs = Number(process.env.PROFILE_RUNS ?? 3);
  const { profile, file } = await profileOf(`analysis-x${n}`, 100, () => {
    for (let i = 0; i < runs; i++) analyze(i % 2 === 0 ? other : text);
  });
  console.log(`${runs} whole analyses of the sample ×${n} (${(text.length / 1e6).toFixed(2)} M characters); profile in ${file}`);
  print(profile);
}

async function keystrokes(n) {
  const out = (p) => require(path.join(ROOT, 'out', 'server', 'src', p));
  const analyze = wholeAnalysis(out('model/analysis.js').analyze);
  const { diagnostics } = out('features/diagnostics.js');
  const { DEFAULT_SETTINGS } = out('settings.js');
  const { QUESTIONS } = await import('./inputs.mjs');
  const sample = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'corpus', 'openkamer', 'kv-2022Z09875.txt'), 'utf8');
  let text = scaledText(makeTemplate(sample, analyze), n);
  let at = text.indexOf('Nokia', text.indexOf(`Vraag ${9 + QUESTIONS * Math.floor(n / 2)}\n`));
  const keystroke = () => {
    text = `${text.slice(0, at)}x${text.slice(at)}`;
    at++;
    text.charCodeAt(text.length >> 1); // flatten, as the document store does
    const a = analyze(text);
    JSON.stringify(diagnostics(a, 'file:///bench/k.kamervraag', { locale: 'nl', settings: DEFAULT_SETTINGS }));
  };
  analyze(text);
  for (let i = 0; i < 20; i++) keystroke();
  const { profile, file } = await profileOf(`keystrokes-x${n}`, 50, () => {
    for (let i = 0; i < 60; i++) keystroke();
  });
  console.log(`60 keystrokes in the sample ×${n}; profile in ${file}`);
  print(profile, 40);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.stack : String(e));
  process.exitCode = 1;
});
