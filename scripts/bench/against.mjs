#!/usr/bin/env node
// `npm run bench:against -- <commit>`: the analysis of this tree side by side
// with the analysis of an earlier commit, in one process, on the same inputs:
// the reference sample ×1, ×10 and ×100, the official corpus, and the archive
// texts, each analysed whole; then keystrokes (one character typed in the
// middle of the sample ×10 and ×100, each tree editing its own copy, as an
// editor does). The runs of the two alternate, so that the machine's load
// falls on both alike. Prints medians and the ratio; makes no assertions.
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
import { makeTemplate, officialCorpus, QUESTIONS, scaledText, wholeAnalysis } from './inputs.mjs';

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
  const ours = wholeAnalysis(require(path.join(ROOT, 'out', 'server', 'src', 'model', 'analysis.js')).analyze);
  const theirs = wholeAnalysis(require(path.join(base, 'out', 'server', 'src', 'model', 'analysis.js')).analyze);

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
  // Keystrokes: each tree types into its own copy of the text and keeps its own last analysis.
  const KEYS = Number(process.env.BENCH_KEYSTROKES ?? 60);
  const keyRows = [];
  for (const n of [10, 100]) {
    const start = scaledText(template, n);
    const texts = new Map([[ours, start], [theirs, start]]);
    let at = start.indexOf('Nokia', start.indexOf(`Vraag ${9 + QUESTIONS * Math.floor(n / 2)}\n`));
    const key = (analyze) => {
      const t = texts.get(analyze);
      const next = `${t.slice(0, at)}x${t.slice(at)}`;
      next.charCodeAt(next.length >> 1); // flatten, as the document store does
      const t0 = performance.now();
      analyze(next);
      const ms = performance.now() - t0;
      texts.set(analyze, next);
      return ms;
    };
    ours(start);
    theirs(start);
    const a = [];
    const b = [];
    for (let k = 0; k < 20 + KEYS; k++) {
      // Alternate which goes first.
      let x;
      let y;
      if (k % 2 === 0) {
        x = key(ours);
        y = key(theirs);
      } else {
        y = key(theirs);
        x = key(ours);
      }
      if (k >= 20) {
        a.push(x);
        b.push(y);
      }
      at++;
    }
    keyRows.push({ name: `keystroke in the sample ×${n}`, ours: median(a), base: median(b) });
  }
  const out = [
    `Analysis, this tree against ${commit} (${RUNS} alternating runs each, medians; Node ${process.version}, ${os.cpus().length} cores, load ${os.loadavg()[0].toFixed(1)})`,
    '',
    `| input | MB | this tree ms | ${commit.slice(0, 12)} ms | ratio | this tree MB/s |`,
    '|---|---:|---:|---:|---:|---:|',
    ...rows.map((r) => `| ${r.name} | ${r.mb.toFixed(3)} | ${r.ours.toFixed(1)} | ${r.base.toFixed(1)} | ${(r.ours / r.base).toFixed(2)} | ${(r.mb / (r.ours / 1000)).toFixed(1)} |`),
    '',
    `| keystroke (${KEYS} each, after 20) | | this tree ms | ${commit.slice(0, 12)} ms | ratio | |`,
    '|---|---:|---:|---:|---:|---:|',
    ...keyRows.map((r) => `| ${r.name} | | ${r.ours.toFixed(2)} | ${r.base.toFixed(2)} | ${(r.ours / r.base).toFixed(2)} | |`),
    '',
  ];
  process.stdout.write(out.join('\n'));
} finally {
  execFileSync('git', ['worktree', 'remove', '--force', base], { cwd: ROOT, stdio: 'ignore' });
}
