// The browser bundles (dist/browser/server.js, the language server as a web
// worker, and dist/browser/extension.js, its client) run where Node does not
// exist: VS Code for the Web, code-server's web worker extension host. esbuild
// writes what went into them to dist/browser/meta.json (scripts/build.mjs);
// no Node built-in may be among their inputs or their unbundled imports,
// whether imported directly, left external, or disabled through a package's
// `browser` field (which would leave an empty module where code expects one).

import * as assert from 'assert';
import * as esbuild from 'esbuild';
import * as fs from 'fs';
import { builtinModules } from 'module';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..', '..', '..');

interface Metafile {
  readonly inputs: Record<string, { readonly imports: readonly { readonly path: string; readonly external?: boolean }[] }>;
  readonly outputs: Record<string, { readonly imports: readonly { readonly path: string; readonly external?: boolean }[]; readonly entryPoint?: string }>;
}

const BUILTINS = new Set(builtinModules.flatMap((m) => [m, m.split('/')[0]]));

/** Whether a module name is a Node built-in: `fs`, `fs/promises`, `node:path`, `worker_threads`, … */
function isBuiltin(name: string): boolean {
  return name.startsWith('node:') || BUILTINS.has(name) || BUILTINS.has(name.split('/')[0]);
}

/** Every Node built-in a metafile shows: an input, an import left external, a module a `browser` field disabled. */
export function nodeBuiltinsIn(meta: Metafile): string[] {
  const found = new Set<string>();
  for (const [input, { imports }] of Object.entries(meta.inputs)) {
    const disabled = /^\(disabled\):(.*)$/.exec(input);
    if (disabled) found.add(`${disabled[1]} (disabled by a browser field)`);
    else if (isBuiltin(input)) found.add(input);
    for (const i of imports) if (isBuiltin(i.path) || /^\(disabled\):/.test(i.path)) found.add(`${i.path} (imported by ${input})`);
  }
  for (const { imports } of Object.values(meta.outputs)) for (const i of imports) if (isBuiltin(i.path)) found.add(`${i.path} (left external)`);
  return [...found].sort();
}

describe('browser bundles', () => {
  const metaPath = path.join(ROOT, 'dist', 'browser', 'meta.json');

  it('are built, with their metafile (npm run build)', () => {
    assert.ok(fs.existsSync(metaPath), 'dist/browser/meta.json is missing: run npm run build');
    const meta = JSON.parse(fs.readFileSync(metaPath, 'utf8')) as Metafile;
    const entries = Object.values(meta.outputs).map((o) => o.entryPoint).filter((e): e is string => !!e).sort();
    assert.deepStrictEqual(entries, ['client/src/browser/extension.ts', 'server/src/browser/main.ts']);
    for (const f of ['server.js', 'extension.js']) assert.ok(fs.existsSync(path.join(ROOT, 'dist', 'browser', f)), `dist/browser/${f} is missing`);
  });

  it('contain no Node built-in', () => {
    const meta = JSON.parse(fs.readFileSync(metaPath, 'utf8')) as Metafile;
    assert.deepStrictEqual(nodeBuiltinsIn(meta), []);
  });

  it('leave nothing external but `vscode`, which the extension host provides', () => {
    const meta = JSON.parse(fs.readFileSync(metaPath, 'utf8')) as Metafile;
    for (const [out, { imports, entryPoint }] of Object.entries(meta.outputs)) {
      if (!entryPoint) continue;
      const external = [...new Set(imports.filter((i) => i.external).map((i) => i.path))];
      assert.deepStrictEqual(external, entryPoint.startsWith('client/') ? ['vscode'] : [], out);
    }
  });

  it('the check finds built-ins in a real esbuild metafile: imported, left external, and under node:', async () => {
    const result = await esbuild.build({
      stdin: { contents: "import * as p from 'path'; import { readFileSync } from 'node:fs'; import { Worker } from 'worker_threads'; export const x = [p, readFileSync, Worker];", loader: 'ts', resolveDir: ROOT },
      bundle: true,
      platform: 'browser',
      format: 'iife',
      write: false,
      metafile: true,
      logLevel: 'silent',
      external: ['path', 'node:fs', 'worker_threads'],
    });
    const found = nodeBuiltinsIn(result.metafile as unknown as Metafile).join('\n');
    for (const name of ['path', 'node:fs', 'worker_threads']) assert.match(found, new RegExp(`^${name} `, 'm'), found);
  });

  it('the check finds a built-in that a browser field disables, and passes a clean bundle', () => {
    const disabled: Metafile = {
      inputs: { 'node_modules/x/index.js': { imports: [{ path: '(disabled):crypto' }] }, '(disabled):crypto': { imports: [] } },
      outputs: {},
    };
    assert.deepStrictEqual(nodeBuiltinsIn(disabled), ['(disabled):crypto (imported by node_modules/x/index.js)', 'crypto (disabled by a browser field)']);
    const clean: Metafile = { inputs: { 'src/a.ts': { imports: [{ path: 'src/b.ts' }, { path: 'vscode', external: true }] }, 'src/b.ts': { imports: [] } }, outputs: {} };
    assert.deepStrictEqual(nodeBuiltinsIn(clean), []);
  });
});
