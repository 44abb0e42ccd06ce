#!/usr/bin/env node
// `npm run bench:against -- <commit>`: the analysis of this tree side by side
// with the analysis of an earlier commit, in one process, on the same inputs:
// the reference sample ×1, ×10 and ×100, the official corpus, and the archive
// texts. The runs of the two alternate, so that the machine's load falls on
// both alike. Prints medians and the ratio; makes no assertions.
//
// The baseline is compiled into a temporary worktree (`git worktree add`,
// `tsc -p .` with this tree's node_modules) and removed afterwards.
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { makeTemplate, officialCorpus, scaledText } from './inputs.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);
const commit = process.argv[2];
if (!commit) {
  process.stderr.write('usage: npm run bench:against -- <commit>\n');
  process.exit(2);
}
const RUNS = Number(process.env.BENCH_RUNS ?? 15);

const base = fs.mkdtempSync(path.join(os.tmpdir(), 'kamervraag-base-'));
execFileSync('git', ['worktree', 'add', '--detach', base, commit], { cwd: ROOT, stdio: 'ignore' });
try {
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(base, 'node_modules'), 'dir');
  execFileSync(process.execPath, [path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', '.'], { cwd: base, stdio: 'inherit' });
  const ours = require(path.join(ROOT, 'out', 'server', 'src', 'model', 'analysis.js')).analyze;
  const theirs = require(path.join(base, 'out', 'server', 'src', 'model', 'analysis.js')).analyze;

  const sample = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'corpus', 'openkamer', 'kv-2022Z09875.txt'), 'utf8');
  const template = makeTemplate(sample, ours);
  const archiveDir = path.join(ROOT, 'test', 'fixtures', 'corpus', 'archive');
  const archive = fs.readdirSync(archiveDir).filter((f) => f.endsWith('.txt')).map((f) => fs.readFileSync(path.join(archiveDir, f), 'utf8'));
  const inputs = [
    ['sample ×1', [sample]],
    ['sample ×10', [scaledText(template, 10)]],
    ['sample ×100', [scaledText(template, 100)]],
    ['official corpus', [officialCorpus(path.join(ROOT, 'test', 'fixtures', 'corpus', 'official')).text]],
    ['archive (8 items)', archive],
  ];

  const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
  // Whole analyses: before each text, a variant that differs at both ends is analysed untimed, so that
  // neither tree reuses anything of the text's own analysis from the run before (both keep the last one).
  const time = (analyze, texts) => {
    let ms = 0;
    for (const t of texts) {
      analyze(` ${t} `);
      const t0 = performance.now();
      analyze(t);
      ms += performance.now() - t0;
    }
    return ms;
  };
  const rows = [];
  for (const [name, texts] of inputs) {
    const mb = texts.reduce((n, t) => n + t.length, 0) / 1e6;
    for (let w = 0; w < 3; w++) {
      time(ours, texts);
      time(theirs, texts);
    }
    const a = [];
    const b = [];
    for (let r = 0; r < RUNS; r++) {
      // Alternate which goes first.
      if (r % 2 === 0) {
        a.push(time(ours, texts));
        b.push(time(theirs, texts));
      } else {
        b.push(time(theirs, texts));
        a.push(time(ours, texts));
      }
    }
    rows.push({ name, mb, ours: median(a), base: median(b) });
  }
  const out = [
    `Analysis, this tree against ${commit} (${RUNS} alternating runs each, medians; Node ${process.version}, ${os.cpus().length} cores, load ${os.loadavg()[0].toFixed(1)})`,
    '',
    `| input | MB | this tree ms | ${commit.slice(0, 12)} ms | ratio | this tree MB/s |`,
    '|---|---:|---:|---:|---:|---:|',
    ...rows.map((r) => `| ${r.name} | ${r.mb.toFixed(3)} | ${r.ours.toFixed(1)} | ${r.base.toFixed(1)} | ${(r.ours / r.base).toFixed(2)} | ${(r.mb / (r.ours / 1000)).toFixed(1)} |`),
    '',
  ];
  process.stdout.write(out.join('\n'));
} finally {
  execFileSync('git', ['worktree', 'remove', '--force', base], { cwd: ROOT, stdio: 'ignore' });
}
