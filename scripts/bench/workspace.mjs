#!/usr/bin/env node
// `npm run bench:workspace`: the workspace index at scale. Generates 10,000
// realistic files (about 150 MB) from the corpus into a temporary folder —
// every zaak number, Aanhangsel number and publication id renumbered so that
// each file is its own set, one in five answers citing another generated set
// by `kenmerk` — then starts the server (dist/server.js --stdio) on that
// folder as Neovim would (no client file system: the server reads the disk)
// and measures:
//   - the time to index them all (initialized → indexChanged{indexing:false}),
//     in files/s and MB/s;
//   - the server's peak RSS (VmHWM from /proc);
//   - workspace/symbol latency (zaak, title word, submitter, date queries);
//   - cross-file definition latency (a `kenmerk` zaak citation; an external
//     answer reference, the costliest kind);
//   - workspace/symbol latency while the indexing runs;
//   - then, the server ended, the same files through one index worker thread
//     alone, twice: cold (the engine compiling the analysis as it goes, as
//     each of the server's analysing threads starts) and warm.
// Prints a table and writes out/bench/workspace.json. Makes no assertions.
// `--files N` changes the count; `--keep` keeps the generated folder.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { spawn } from 'node:child_process';
import { Buffer } from 'node:buffer';
import { setTimeout } from 'node:timers';
import { Worker } from 'node:worker_threads';
import rpc from 'vscode-languageserver-protocol/node';

const { createProtocolConnection, StreamMessageReader, StreamMessageWriter } = rpc;
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const CORPUS = path.join(ROOT, 'test', 'fixtures', 'corpus');
const SERVER = path.join(ROOT, 'dist', 'server.js');
const INDEX_WORKER = path.join(ROOT, 'dist', 'indexWorker.js');
const OUT_DIR = path.join(ROOT, 'out', 'bench');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const FILES = arg('--files', 10000);
const KEEP = process.argv.includes('--keep');
const TODAY = '2025-06-01';

// ---------------------------------------------------------------- generation

function corpusFiles() {
  const out = [];
  for (const dir of ['official', 'openkamer']) {
    for (const name of fs.readdirSync(path.join(CORPUS, dir))) {
      if (!name.endsWith('.txt') || name.startsWith('excerpt-')) continue;
      out.push({ name, dir, text: fs.readFileSync(path.join(CORPUS, dir, name), 'utf8') });
    }
  }
  return out;
}

/** A deterministic generator (mulberry32), so that every run indexes the same files. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const zaakOf = (i) => `2031Z${String(i).padStart(5, '0')}`;

/**
 * File `i`: a corpus file picked with probability ∝ size² (the long answers
 * weigh in as in a real archive of answered sets), its own zaak number and
 * Aanhangsel number renumbered to `i`, other zaak numbers it cites mapped onto
 * other generated sets.
 */
function generate(base, i, rnd, earlier) {
  let text = base.text;
  const ownZaak = zaakOf(i);
  // The file's own zaak number stands in its first lines; any other is a citation, pointed at an earlier generated set.
  const head = text.slice(0, 400);
  const ownOld = /\b20\d\dZ\d{5}\b/.exec(head)?.[0] ?? null;
  const map = new Map();
  let hasZaak = false;
  text = text.replace(/\b20\d\dZ\d{5}\b/g, (m) => {
    if (m === ownOld) {
      hasZaak = true;
      return ownZaak;
    }
    if (!map.has(m)) map.set(m, earlier.length > 0 ? zaakOf(earlier[Math.floor(rnd() * earlier.length)]) : ownZaak);
    return map.get(m);
  });
  const nr = i + 1;
  text = text.replace(/\bah-tk-(\d{8})-\d+\b/g, (_, s) => `ah-tk-${s}-${nr}`);
  text = text.replace(/^AH \d+\s*$/m, `AH ${nr}`);
  // The Aanhangsel number after the heading, in its PDF, Markdown and one-line renderings.
  text = text.replace(/(regering gegeven antwoorden\**\s+(?:#+ )?)\d+(?=\s)/, `$1${nr}`);
  let cites = null;
  if (i % 5 === 0 && earlier.length > 0) {
    // One in five files cites an earlier set, as answers do: `kenmerk 2031Z…`, appended to a paragraph of the body.
    const other = zaakOf(earlier[Math.floor(rnd() * earlier.length)]);
    const at = text.search(/\n(?:Antwoord| {2}[A-Z])[^\n]*\n/);
    if (at > 0) {
      const sentence = `Zie ook de antwoorden op de eerdere vragen met kenmerk ${other} over dit onderwerp.`;
      const end = text.indexOf('\n', text.indexOf('\n', at + 1) + 1);
      if (end > 0) {
        text = `${text.slice(0, end)} ${sentence}${text.slice(end)}`;
        cites = other;
      }
    }
  }
  return { text, zaak: hasZaak ? ownZaak : null, cites };
}

function generateWorkspace(dir, n) {
  const bases = corpusFiles();
  const weights = bases.map((b) => b.text.length ** 2);
  const total = weights.reduce((a, b) => a + b, 0);
  const rnd = random(20241120);
  const pick = () => {
    let r = rnd() * total;
    for (let k = 0; k < bases.length; k++) {
      r -= weights[k];
      if (r <= 0) return bases[k];
    }
    return bases[bases.length - 1];
  };
  let bytes = 0;
  const citing = [];
  const external = [];
  /** Indices of generated files that have a zaak number: targets for citations. */
  const earlier = [];
  for (let i = 0; i < n; i++) {
    const base = pick();
    const g = generate(base, i, rnd, earlier);
    if (g.zaak) earlier.push(i);
    const sub = path.join(dir, String(Math.floor(i / 1000)).padStart(2, '0'));
    if (i % 1000 === 0) fs.mkdirSync(sub, { recursive: true });
    const name = base.dir === 'openkamer' ? `kv-${zaakOf(i)}.kv.txt` : base.name.startsWith('kv-tk-') ? `kv-tk-${zaakOf(i)}.txt` : `ah-tk-${i + 1}.txt`;
    const file = path.join(sub, name);
    fs.writeFileSync(file, g.text);
    bytes += Buffer.byteLength(g.text);
    if (g.cites) citing.push({ file, cites: g.cites });
    if (base.name === 'kv-2022Z09875.txt') external.push({ file });
  }
  return { bytes, citing, external };
}

// ---------------------------------------------------------------- server

function peakRss(pid) {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const hwm = /VmHWM:\s+(\d+) kB/.exec(status);
    const rss = /VmRSS:\s+(\d+) kB/.exec(status);
    return { peakMB: hwm ? Number(hwm[1]) / 1024 : NaN, rssMB: rss ? Number(rss[1]) / 1024 : NaN };
  } catch {
    return { peakMB: NaN, rssMB: NaN };
  }
}

function percentile(values, p) {
  const v = [...values].sort((a, b) => a - b);
  if (v.length === 0) return NaN;
  return v[Math.min(v.length - 1, Math.max(0, Math.ceil((p / 100) * v.length) - 1))];
}

async function timed(fn) {
  const t0 = performance.now();
  const r = await fn();
  return { ms: performance.now() - t0, r };
}

/** Every file under `dir`, in the order the server's listing gives (sorted URIs). */
function listFiles(dir) {
  const out = [];
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.push(p);
    }
  };
  walk(dir);
  return out.map((p) => pathToFileURL(p).toString()).sort();
}

/**
 * The same files through one index worker thread (dist/indexWorker.js, the
 * server's own) with nothing else running, twice: the first pass starts with
 * the engine cold, as each of the server's two analysing threads does; the
 * second runs on code the first compiled. Their difference is what compiling
 * the analysis costs one thread over this crawl.
 */
async function oneThread(dir) {
  const uris = listFiles(dir);
  const worker = new Worker(INDEX_WORKER, { workerData: {} });
  const pending = new Map();
  worker.on('message', (m) => {
    pending.get(m.id)?.();
    pending.delete(m.id);
  });
  let id = 0;
  const pass = async () => {
    const t0 = performance.now();
    const inFlight = [];
    for (const uri of uris) {
      const bytes = new Uint8Array(fs.readFileSync(fileURLToPath(uri)));
      const n = ++id;
      inFlight.push(new Promise((resolve) => pending.set(n, resolve)));
      worker.postMessage({ id: n, uri, bytes, options: { year: 2025, identify: true } });
      // A few files ahead, as the server keeps its worker fed.
      if (inFlight.length >= 8) await inFlight.shift();
    }
    await Promise.all(inFlight);
    return uris.length / ((performance.now() - t0) / 1000);
  };
  const cold = await pass();
  const warm = await pass();
  await worker.terminate();
  return { cold, warm };
}

async function main() {
  if (!fs.existsSync(SERVER)) throw new Error(`${SERVER} is missing: run npm run build`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kamervraag-bench-'));
  console.log(`Generating ${FILES} files in ${dir} …`);
  const gen0 = performance.now();
  const { bytes, citing, external } = generateWorkspace(dir, FILES);
  console.log(`  ${(bytes / 1e6).toFixed(1)} MB in ${((performance.now() - gen0) / 1000).toFixed(1)} s`);

  const proc = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  proc.stderr.setEncoding('utf8');
  proc.stderr.on('data', (c) => (stderr += c));
  const conn = createProtocolConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
  conn.onError(() => undefined);
  let doneResolve;
  const done = new Promise((r) => (doneResolve = r));
  let firstChange = null;
  conn.onNotification('kamervraag/indexChanged', (p) => {
    firstChange ??= performance.now();
    if (p.indexing === false) doneResolve(p);
  });
  conn.onNotification('window/logMessage', () => undefined);
  conn.onNotification('$/progress', () => undefined);
  conn.onRequest('workspace/configuration', (p) => p.items.map(() => ({})));
  conn.onRequest('client/registerCapability', () => null);
  conn.onRequest('window/workDoneProgress/create', () => null);
  conn.listen();
  const folder = pathToFileURL(dir).toString();
  await conn.sendRequest('initialize', {
    processId: process.pid,
    rootUri: folder,
    workspaceFolders: [{ uri: folder, name: 'bench' }],
    initializationOptions: { locale: 'nl', today: TODAY },
    capabilities: { window: { workDoneProgress: true }, workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true }, workspaceFolders: true, symbol: {} }, textDocument: { definition: { linkSupport: true } } },
  });
  const t0 = performance.now();
  await conn.sendNotification('initialized', {});

  // Responsiveness while indexing: a symbol request every 250 ms until the end.
  const during = [];
  let indexing = true;
  const probe = (async () => {
    await new Promise((r) => setTimeout(r, 500));
    while (indexing) {
      const { ms } = await timed(() => conn.sendRequest('workspace/symbol', { query: 'ontwikkelingshulp' }));
      during.push(ms);
      await new Promise((r) => setTimeout(r, 250));
    }
  })();
  const final = await done;
  const indexMs = performance.now() - t0;
  indexing = false;
  await probe;
  const memAfterIndex = peakRss(proc.pid);

  // workspace/symbol
  const rnd = random(7);
  const queries = [];
  for (let k = 0; k < 60; k++) queries.push(zaakOf(Math.floor(rnd() * FILES)));
  // (a zaak number that no file has just finds nothing: also a query users make)
  queries.push(...['signal', 'ontwikkelingshulp', 'wachttijden ggz', 'capaciteitsfixus', 'boswijk', 'van der plas', 'Martens-America', 'justitie', '18 november 2024', '2024-11-20', 'ah-tk-20242025-1234', 'onderwijs cultuur', 'november 2024', 'ggz']);
  for (let k = 0; k < 3; k++) queries.push(...queries.slice(60));
  const symbolMs = [];
  let symbolHits = 0;
  for (const q of queries) {
    const { ms, r } = await timed(() => conn.sendRequest('workspace/symbol', { query: q }));
    symbolMs.push(ms);
    symbolHits += Array.isArray(r) ? r.length : 0;
  }

  // All the sets, as the Explorer view asks after indexChanged: the first time (each set summarised), then again.
  const setsTimed = await timed(() => conn.sendRequest('kamervraag/sets', {}));
  const setsAgain = await timed(() => conn.sendRequest('kamervraag/sets', {}));

  // Definition: open citing files, ask for the definition of their `kenmerk` citation.
  const defMs = [];
  let defLinked = 0;
  const opened = citing.slice(0, 50);
  for (const c of opened) {
    const text = fs.readFileSync(c.file, 'utf8');
    const uri = pathToFileURL(c.file).toString();
    await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'kamervraag', version: 1, text } });
    const at = text.indexOf(`kenmerk ${c.cites}`) + 'kenmerk '.length + 3;
    const before = text.slice(0, at);
    const line = before.split('\n').length - 1;
    const character = at - (before.lastIndexOf('\n') + 1);
    await conn.sendRequest('textDocument/definition', { textDocument: { uri }, position: { line, character } }); // the analysis of the open document, once
    for (let k = 0; k < 10; k++) {
      const { ms, r } = await timed(() => conn.sendRequest('textDocument/definition', { textDocument: { uri }, position: { line, character } }));
      defMs.push(ms);
      if (k === 0 && Array.isArray(r) && r.some((l) => (l.targetUri ?? l.uri) !== uri)) defLinked++;
    }
  }
  // The costliest: an external answer reference in a copy of the sample, matched against every set of the same submitter.
  const extMs = [];
  for (const e of external.slice(0, 10)) {
    const text = fs.readFileSync(e.file, 'utf8');
    const uri = pathToFileURL(e.file).toString();
    await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'kamervraag', version: 1, text } });
    const at = text.indexOf('antwoord 2, stelt') + 2;
    const before = text.slice(0, at);
    const position = { line: before.split('\n').length - 1, character: at - (before.lastIndexOf('\n') + 1) };
    await conn.sendRequest('textDocument/definition', { textDocument: { uri }, position });
    for (let k = 0; k < 10; k++) extMs.push((await timed(() => conn.sendRequest('textDocument/definition', { textDocument: { uri }, position }))).ms);
  }
  const mem = peakRss(proc.pid);

  await conn.sendRequest('shutdown');
  await conn.sendNotification('exit');
  await new Promise((r) => setTimeout(r, 300));
  proc.kill();
  const single = await oneThread(dir);
  if (!KEEP) fs.rmSync(dir, { recursive: true, force: true });

  const result = {
    date: new Date().toISOString(),
    machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model ?? '', memGB: Math.round(os.totalmem() / 1e9), node: process.version, platform: `${os.platform()} ${os.release()}` },
    files: FILES,
    mb: bytes / 1e6,
    sets: final.sets,
    indexSeconds: indexMs / 1000,
    filesPerSecond: FILES / (indexMs / 1000),
    mbPerSecond: bytes / 1e6 / (indexMs / 1000),
    firstIndexChangedMs: firstChange !== null ? firstChange - t0 : null,
    peakRssMB: mem.peakMB,
    rssAfterIndexMB: memAfterIndex.rssMB,
    symbol: { queries: symbolMs.length, p50: percentile(symbolMs, 50), p95: percentile(symbolMs, 95), results: symbolHits },
    symbolDuringIndexing: { requests: during.length, p50: percentile(during, 50), p95: percentile(during, 95), max: Math.max(...during, 0) },
    definition: { requests: defMs.length, p50: percentile(defMs, 50), p95: percentile(defMs, 95), linked: `${defLinked}/${opened.length}` },
    definitionExternal: { requests: extMs.length, p50: percentile(extMs, 50), p95: percentile(extMs, 95) },
    oneThreadColdFilesPerSecond: single.cold,
    oneThreadWarmFilesPerSecond: single.warm,
    setsRequestMs: setsTimed.ms,
    setsRequestAgainMs: setsAgain.ms,
    targets: { filesPerSecond: 1000, peakRssMB: 400, symbolP95: 30, definitionP95: 5 },
  };
  fs.mkdirSync(OUT_DIR, { recursive: true });
  fs.writeFileSync(path.join(OUT_DIR, 'workspace.json'), `${JSON.stringify(result, null, 2)}\n`);
  const f = (x, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : '–');
  const rows = [
    ['Files indexed', `${FILES} (${f(result.mb)} MB, ${result.sets} sets)`, ''],
    ['Index time', `${f(result.indexSeconds)} s`, ''],
    ['Indexing rate', `${f(result.filesPerSecond, 0)} files/s, ${f(result.mbPerSecond)} MB/s`, '≥ 1000 files/s'],
    ['One index thread alone: cold / warm', `${f(result.oneThreadColdFilesPerSecond, 0)} / ${f(result.oneThreadWarmFilesPerSecond, 0)} files/s`, ''],
    ['Peak RSS (server)', `${f(result.peakRssMB, 0)} MB`, '≤ 400 MB'],
    ['workspace/symbol p50 / p95', `${f(result.symbol.p50)} / ${f(result.symbol.p95)} ms (${result.symbol.queries} queries)`, 'p95 ≤ 30 ms'],
    ['workspace/symbol while indexing p50 / max', `${f(result.symbolDuringIndexing.p50)} / ${f(result.symbolDuringIndexing.max)} ms (${result.symbolDuringIndexing.requests} requests)`, ''],
    ['definition (kenmerk) p50 / p95', `${f(result.definition.p50, 2)} / ${f(result.definition.p95, 2)} ms (${result.definition.requests} requests, linked ${result.definition.linked})`, 'p95 ≤ 5 ms'],
    ['definition (external answer ref) p50 / p95', `${f(result.definitionExternal.p50, 2)} / ${f(result.definitionExternal.p95, 2)} ms`, ''],
    ['kamervraag/sets (all sets) first / again', `${f(result.setsRequestMs)} / ${f(result.setsRequestAgainMs)} ms`, ''],
  ];
  const w0 = Math.max(...rows.map((r) => r[0].length));
  const w1 = Math.max(...rows.map((r) => r[1].length));
  console.log(`\nWorkspace index — ${result.machine.cpus} × ${result.machine.model}, Node ${process.version}, ${result.date.slice(0, 10)}`);
  for (const r of rows) console.log(`  ${r[0].padEnd(w0)}  ${r[1].padEnd(w1)}  ${r[2]}`);
  console.log(`\nWritten to ${path.relative(ROOT, path.join(OUT_DIR, 'workspace.json'))}`);
  if (stderr.trim()) console.log(`server stderr:\n${stderr.slice(-2000)}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
