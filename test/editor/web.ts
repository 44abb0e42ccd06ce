// The entry a web worker extension host calls with --extensionTestsPath. A web
// worker host loads the tests as one CommonJS module that may require nothing
// but `vscode`, from inside the extension's folder: scripts/editor/run.mjs
// bundles this file with esbuild into out/test/editor-web/suite.js, with
// mocha's browser build and the `assert` package in it. It runs the same test
// files as index.ts (the Node entry), in the same order (the list below is
// checked against the folder by test/unit/editorSuite.test.ts), under the same
// mocha options, after reading the run's environment from env.json (./env.ts).

/* eslint-disable @typescript-eslint/no-require-imports -- mocha must be set up before a test file
   runs (its `suite` calls need the globals), and its environment read: an import would be hoisted
   above both, a `require` in `run` is not. */

import * as vscode from 'vscode';
import { loadEnv, testEnv } from './env';

/** Mocha's browser build, as far as it is used here. */
interface BrowserMocha {
  setup(options: { ui: 'tdd'; reporter: string; color: boolean; timeout: number; slow: number }): void;
  grep(pattern: string): void;
  run(done: (failures: number) => void): void;
}

/** The test files, in file name order; each registers its suites when it is required. */
const SUITES = [
  () => require('./0-host.test'),
  () => require('./1-sample.test'),
  () => require('./2-official.test'),
  () => require('./3-workspace.test'),
  () => require('./4-fileSystem.test'),
  () => require('./5-unicodeHighlight.test'),
  () => require('./6-drafting.test'),
  () => require('./7-originals.test'),
  () => require('./8-archive.test'),
  () => require('./9-badInput.test'),
];

export async function run(): Promise<void> {
  const extension = vscode.extensions.getExtension('kamervraag.kamervraag');
  if (!extension) throw new Error('the extension kamervraag.kamervraag is not installed in this host');
  await loadEnv(vscode.Uri.joinPath(extension.extensionUri, 'out', 'test', 'editor-web'));
  // The browser build defines the global `mocha`, and `suite`, `test`, … at `setup`.
  const mocha = (require('mocha/mocha.js') as unknown, (globalThis as unknown as { mocha: BrowserMocha }).mocha);
  mocha.setup({ ui: 'tdd', reporter: 'spec', color: false, timeout: 60_000, slow: 5_000 });
  const grep = testEnv('EDITOR_TEST_GREP');
  if (grep) mocha.grep(grep);
  for (const load of SUITES) load();
  await new Promise<void>((resolve, reject) => {
    try {
      mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} editor test${failures === 1 ? '' : 's'} failed`)) : resolve()));
    } catch (err) {
      reject(err instanceof Error ? err : new Error(String(err)));
    }
  });
}
