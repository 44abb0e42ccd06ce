// What a run of the editor suite tells it (EDITOR_TEST_GREP, EDITOR_TEST_SCREENSHOTS,
// EDITOR_TEST_RESTRICTED, EDITOR_TEST_WEB), and where the suite runs.
//
// In a Node extension host these come from the environment that
// scripts/editor/run.mjs gives VS Code. A web worker extension host has no
// environment: there run.mjs writes them to `env.json` beside the web bundle
// of the suite (out/test/editor-web/), and `loadEnv` reads that file through
// the workspace file system before any test module is loaded.

import * as vscode from 'vscode';

let values: Readonly<Record<string, string>> | undefined;

/** Whether this extension host is a web worker (VS Code for the Web, code-server's web worker host). */
export function inWebWorker(): boolean {
  return typeof (globalThis as { WorkerGlobalScope?: unknown }).WorkerGlobalScope !== 'undefined';
}

/** The environment of a Node extension host, or undefined in a web worker. */
function processEnv(): Record<string, string | undefined> | undefined {
  const p = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process;
  return inWebWorker() ? undefined : p?.env;
}

/** Reads env.json of the web bundle (`bundle` is the folder of the running suite). Does nothing in Node. */
export async function loadEnv(bundle: vscode.Uri): Promise<void> {
  if (processEnv()) return;
  const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(bundle, 'env.json'));
  const parsed = JSON.parse(new TextDecoder().decode(bytes)) as unknown;
  const out: Record<string, string> = {};
  if (parsed && typeof parsed === 'object') {
    for (const [k, v] of Object.entries(parsed)) if (typeof v === 'string') out[k] = v;
  }
  values = out;
}

/** One value of the run's environment. */
export function testEnv(name: string): string | undefined {
  const env = processEnv();
  if (env) return env[name];
  if (!values) throw new Error(`the editor suite read ${name} before loadEnv`);
  return values[name];
}
