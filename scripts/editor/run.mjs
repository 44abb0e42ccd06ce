#!/usr/bin/env node
// Runs the editor suite (out/test/editor) in a real VS Code with
// @vscode/test-electron's runTests. Here that VS Code is code-server's, through
// code-server-launcher.mjs; with EDITOR_TEST_VSCODE=/path/to/code it is that
// desktop VS Code instead. Nothing is downloaded either way.
//
// Each run gets a fresh workspace folder in a temporary directory with copies
// of the fixtures the suite opens: the openkamer sample as a plain `sample.txt`
// (a name no pattern of the extension matches, so it becomes `kamervraag` only
// by its first line) and an official publication under its own name; in
// `sets/`, question sets for the workspace index: a question/answer pair of one
// zaak, a set with its delay notice, an unanswered set, and a set that cites the first (see
// test/fixtures/workspace/README.md). The server takes KAMERVRAAG_TODAY as
// today, so that the states of the sets do not change with the calendar.
//
// Under the launcher, a second pass runs the core of the suite in restricted
// mode (the folder untrusted); EDITOR_TEST_RESTRICTED=0 leaves it out. A third
// pass runs the suite in code-server's web worker extension host, as VS Code
// for the Web runs the extension (the manifest's `browser` entry, the server
// as a web worker); EDITOR_TEST_WEB=0 leaves it out. The launcher moves the
// extension there with the user setting `remote.extensionKind`. A web worker
// host takes its tests as one CommonJS module that requires only `vscode`,
// inside the extension's folder: test/editor/web.ts bundled here by esbuild
// into out/test/editor-web/suite.js. It has no environment, so the run's
// variables go into env.json beside it (test/editor/env.ts reads them), and
// the server's today into the user setting `kamervraag.testing.today`.
// The screenshots and logs of the second and third passes go to `restricted/`
// and `web/` inside the first pass's folders (.vscode-test/screenshots/web,
// .vscode-test/logs/web, …), so that no pass overwrites another's.
//
//   node scripts/editor/run.mjs        (after `npm run build` and compiling test/editor)
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';
import { build } from 'esbuild';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const LAUNCHER = path.join(ROOT, 'scripts', 'editor', 'code-server-launcher.mjs');
const SUITE = path.join(ROOT, 'out', 'test', 'editor', 'index.js');
/** The web worker host's suite: one bundle, and the run's environment beside it (see test/editor/env.ts). */
const WEB_DIR = path.join(ROOT, 'out', 'test', 'editor-web');
const WEB_SUITE = path.join(WEB_DIR, 'suite.js');
const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'corpus');
const WORKSPACE_FIXTURES = path.join(ROOT, 'test', 'fixtures', 'workspace');
/** Where the launcher writes screenshots and logs (its defaults, or as set); the restricted pass writes to `restricted/` in each. */
const SCREENSHOTS = path.resolve(process.env.EDITOR_TEST_SCREENSHOTS || path.join(ROOT, '.vscode-test', 'screenshots'));
const LOGS = path.resolve(process.env.EDITOR_TEST_LOGS || path.join(ROOT, '.vscode-test', 'logs'));
/**
 * "Today" for the server in the suite, so that every state shows: 2024Z16988 is delayed (its extended
 * term ends that day), 2024Z18435 overdue (its term ended the day before), the follow-up open.
 */
const TODAY = '2024-12-06';

/** The fixtures copied into the workspace: name in the workspace ← file in the corpus. */
export const WORKSPACE_FILES = {
  'sample.txt': path.join(FIXTURES, 'openkamer', 'kv-2022Z09875.txt'),
  'ah-tk-20242025-584.txt': path.join(FIXTURES, 'official', 'ah-tk-20242025-584.txt'),
  'sets/kv-tk-2024Z18792.txt': path.join(FIXTURES, 'official', 'kv-tk-2024Z18792.txt'),
  'sets/ah-tk-20242025-605.txt': path.join(FIXTURES, 'official', 'ah-tk-20242025-605.txt'),
  'sets/kv-2024Z16988.kv.txt': path.join(FIXTURES, 'openkamer', 'kv-2024Z16988.txt'),
  'sets/ah-tk-20242025-562.txt': path.join(FIXTURES, 'official', 'ah-tk-20242025-562.txt'),
  'sets/kv-tk-2024Z18435.txt': path.join(FIXTURES, 'official', 'kv-tk-2024Z18435.txt'),
  'sets/vervolgvragen-ontkoppeling.kamervraag': path.join(WORKSPACE_FIXTURES, 'vervolgvragen-ontkoppeling.kamervraag'),
  'originals/ah-tk-20232024-2168.pdf': path.join(FIXTURES, 'originals', 'ah-tk-20232024-2168.pdf'),
  'originals/jenv-2024Z11889-teunissen.docx': path.join(FIXTURES, 'originals', 'jenv-2024Z11889-teunissen.docx'),
  'archive/ah-tk-19761977-294.txt': path.join(FIXTURES, 'archive', 'ah-tk-19761977-294.txt'),
};

function makeWorkspace() {
  // A readable folder name: VS Code shows it in the title bar and the Explorer.
  const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kamervraag-editor-')), 'kamervragen');
  fs.mkdirSync(dir);
  for (const [name, source] of Object.entries(WORKSPACE_FILES)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.copyFileSync(source, path.join(dir, name));
  }
  return dir;
}

/**
 * Bundles the suite for the web worker host: mocha's browser build and the `assert` package in,
 * `vscode` the only module it requires. Fails when anything else would be required at run time.
 */
async function bundleWebSuite() {
  const result = await build({
    entryPoints: [path.join(ROOT, 'test', 'editor', 'web.ts')],
    bundle: true,
    platform: 'browser',
    format: 'cjs',
    target: 'es2022',
    outfile: WEB_SUITE,
    external: ['vscode'],
    // util@0.12 (under `assert`) reads these at load and when it formats a failure; a worker has no `process`.
    define: { 'process.env.NODE_DEBUG': 'undefined', 'process.stderr': 'undefined' },
    sourcemap: 'inline',
    metafile: true,
    logLevel: 'warning',
  });
  const required = new Set(Object.values(result.metafile.outputs).flatMap((o) => o.imports.filter((i) => i.external).map((i) => i.path)));
  const others = [...required].filter((p) => p !== 'vscode');
  if (others.length > 0) throw new Error(`the web suite would require ${others.join(', ')}; only vscode is there in a web worker host`);
}

async function main() {
  for (const [file, hint] of [[path.join(ROOT, 'dist', 'extension.js'), 'npm run build'], [path.join(ROOT, 'dist', 'server.js'), 'npm run build'], [SUITE, 'tsc -p test/editor']]) {
    if (!fs.existsSync(file)) throw new Error(`${path.relative(ROOT, file)} is missing: run \`${hint}\` first`);
  }
  const desktop = process.env.EDITOR_TEST_VSCODE;
  // The whole suite with a trusted workspace, then the core of it again in restricted mode,
  // which the extension declares it supports. Each pass keeps its own screenshots and logs.
  const runs = [{ label: 'trusted workspace', env: { KAMERVRAAG_TODAY: TODAY } }];
  if (!desktop && process.env.EDITOR_TEST_RESTRICTED !== '0') {
    runs.push({
      label: 'restricted mode',
      env: {
        EDITOR_TEST_RESTRICTED: '1',
        KAMERVRAAG_TODAY: TODAY,
        EDITOR_TEST_GREP: '/host:|trust|switched|Outline|Definition|Problems|Quick fix|workspace:|Unicode|bad input/',
        EDITOR_TEST_SCREENSHOTS: path.join(SCREENSHOTS, 'restricted'),
        EDITOR_TEST_LOGS: path.join(LOGS, 'restricted'),
      },
    });
  }
  if (!desktop && process.env.EDITOR_TEST_WEB !== '0') {
    await bundleWebSuite();
    runs.push({
      label: 'web worker extension host',
      suite: WEB_SUITE,
      env: {
        EDITOR_TEST_WEB: '1',
        KAMERVRAAG_TODAY: TODAY,
        EDITOR_TEST_SCREENSHOTS: path.join(SCREENSHOTS, 'web'),
        EDITOR_TEST_LOGS: path.join(LOGS, 'web'),
        ...(process.env.EDITOR_TEST_GREP ? { EDITOR_TEST_GREP: process.env.EDITOR_TEST_GREP } : {}),
      },
    });
  }
  // EDITOR_TEST_PASS=trusted|restricted|web runs that pass alone (while working on one).
  const only = process.env.EDITOR_TEST_PASS;
  for (const run of runs.filter((r) => !only || r.label.startsWith(only))) {
    const workspace = makeWorkspace();
    const started = Date.now();
    const saved = { ...process.env };
    Object.assign(process.env, run.env);
    if (run.suite === WEB_SUITE) {
      // What the suite reads from its environment in a Node host (test/editor/env.ts).
      const names = ['EDITOR_TEST_WEB', 'EDITOR_TEST_GREP', 'EDITOR_TEST_SCREENSHOTS', 'EDITOR_TEST_RESTRICTED'];
      const env = Object.fromEntries(names.filter((n) => process.env[n] !== undefined).map((n) => [n, process.env[n]]));
      fs.writeFileSync(path.join(WEB_DIR, 'env.json'), `${JSON.stringify(env, null, 2)}\n`);
    }
    console.log(`editor tests: ${run.label}`);
    try {
      await runTests({
        vscodeExecutablePath: desktop ? path.resolve(desktop) : LAUNCHER,
        extensionDevelopmentPath: ROOT,
        extensionTestsPath: run.suite ?? SUITE,
        // The workspace, and no other extension than the one under test.
        launchArgs: [workspace, '--disable-extensions'],
      });
      console.log(`editor tests passed (${run.label}) in ${Math.round((Date.now() - started) / 1000)} s`);
    } catch (err) {
      console.error(`editor tests failed (${run.label}): ${err instanceof Error ? err.message : String(err)}`);
      return 1;
    } finally {
      process.env = saved;
      fs.rmSync(path.dirname(workspace), { recursive: true, force: true });
    }
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err instanceof Error ? err.message : String(err));
    process.exit(1);
  },
);
