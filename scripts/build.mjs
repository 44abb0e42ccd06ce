// Bundles the command line, the language server and the VS Code client with
// esbuild: dist/cli.js, dist/server.js (and its index worker,
// dist/indexWorker.js), dist/extension.js. Source maps in a
// development build; minified without source maps with `--production`.
import * as esbuild from 'esbuild';
import { readFileSync } from 'fs';

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

await Promise.all([
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
    // The index worker thread, started by the server from its own folder.
    entryPoints: { indexWorker: 'server/src/node/indexWorker.ts' },
  }),
  esbuild.build({
    ...common,
    entryPoints: { extension: 'client/src/extension.ts' },
    // Provided by VS Code at run time.
    external: ['vscode'],
  }),
]);
