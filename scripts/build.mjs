// Bundles the command line, the language server and the VS Code client with
// esbuild: dist/cli.js, dist/server.js (and its index worker,
// dist/indexWorker.js), the converters of originals both load on first use
// (dist/originals.js), dist/extension.js; and for VS Code in a browser
// (vscode.dev, code-server's web worker extension host) the server as a web
// worker, dist/browser/server.js, and its client, dist/browser/extension.js.
// Source maps in a development build; minified without source maps with
// `--production`. What went into the browser bundles is written to
// dist/browser/meta.json, which a unit test reads: no Node built-in may be
// among them.
import * as esbuild from 'esbuild';
import { mkdirSync, readFileSync, writeFileSync } from 'fs';

const production = process.argv.includes('--production');
const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  outdir: 'dist',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  // The version the server and the command line report.
  define: { KAMERVRAAG_VERSION: JSON.stringify(version) },
};

/** @type {import('esbuild').BuildOptions} */
const browser = {
  ...common,
  platform: 'browser',
  target: 'es2022',
  outdir: 'dist/browser',
  metafile: true,
};

const results = await Promise.all([
  esbuild.build({
    ...common,
    entryPoints: { cli: 'server/src/cli/main.ts' },
    banner: { js: '#!/usr/bin/env node' },
  }),
  esbuild.build({
    ...common,
    entryPoints: { server: 'server/src/node/main.ts' },
  }),
  esbuild.build({
    ...common,
    // The converters of originals (pdf.js, mammoth): loaded by the server and the command line
    // from their own folder at the first PDF or Word file (server/src/node/converter.ts).
    entryPoints: { originals: 'server/src/originals/index.ts' },
  }),
  esbuild.build({
    ...common,
    // The index worker thread, started by the server from its own folder.
    entryPoints: { indexWorker: 'server/src/node/indexWorker.ts' },
  }),
  esbuild.build({
    ...common,
    entryPoints: { extension: 'client/src/extension.ts' },
    // Provided by VS Code at run time.
    external: ['vscode'],
  }),
  esbuild.build({
    ...browser,
    // A classic worker script: `new Worker(url)` without `{ type: 'module' }`, also from a Blob.
    format: 'iife',
    entryPoints: { server: 'server/src/browser/main.ts' },
  }),
  esbuild.build({
    ...browser,
    // The web worker extension host loads extensions as CommonJS, with `vscode` provided.
    format: 'cjs',
    entryPoints: { extension: 'client/src/browser/extension.ts' },
    external: ['vscode'],
  }),
]);

// The inputs and imports of both browser bundles, one metafile.
const inputs = {};
const outputs = {};
for (const r of results.slice(-2)) {
  Object.assign(inputs, r.metafile.inputs);
  Object.assign(outputs, r.metafile.outputs);
}
mkdirSync('dist/browser', { recursive: true });
writeFileSync('dist/browser/meta.json', `${JSON.stringify({ inputs, outputs })}\n`);
