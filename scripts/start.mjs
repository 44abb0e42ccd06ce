#!/usr/bin/env node
// `npm start` (after `npm run build`): with VS Code's `code` command on PATH,
// opens the sample in a VS Code window that runs this extension from the
// checkout (an Extension Development Host). Without it, packages the extension
// (kamervraag.vsix) and prints the sample's analysis with the command line.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SAMPLE = path.join('test', 'fixtures', 'corpus', 'openkamer', 'kv-2022Z09875.txt');

/** A program on PATH, or null. */
function which(name) {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, name);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      if (fs.statSync(candidate).isFile()) return candidate;
    } catch {
      // not here
    }
  }
  return null;
}

function run(command, args) {
  console.log(`$ ${[command, ...args].join(' ')}`);
  const r = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit' });
  if (r.error) throw r.error;
  return r.status ?? 1;
}

function main() {
  const code = which('code');
  if (code) {
    return run(code, [`--extensionDevelopmentPath=${ROOT}`, SAMPLE]);
  }
  console.log('No `code` command on PATH: packaging the extension and printing the analysis of the sample instead.\n');
  const packaged = run('npm', ['run', '--silent', 'package']);
  if (packaged !== 0) return packaged;
  console.log();
  const analysed = run(process.execPath, [path.join('dist', 'cli.js'), 'analyze', SAMPLE]);
  console.log(`\nInstall the extension with \`code --install-extension kamervraag.vsix\` (or Extensions view › … › Install from VSIX…),`);
  console.log(`then open ${SAMPLE}.`);
  return analysed;
}

try {
  process.exit(main());
} catch (err) {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
}
