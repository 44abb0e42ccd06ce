#!/usr/bin/env node
// Installs code-server — the real VS Code (server, web workbench and Node
// extension host) as an npm package — into .vscode-test/code-server, for the
// editor tests. Nothing but npm packages is downloaded: the install scripts are
// skipped (they refuse root and fetch ripgrep), the native modules are built
// here from source, and ripgrep is Debian's. Idempotent: a marker file is
// written after a complete install, and a run with the marker present does
// nothing. `--force` reinstalls.
//
//   node scripts/editor/install-code-server.mjs [--force]
//
// Exported for the launcher: CODE_SERVER_VERSION, codeServerEntry(), ensureCodeServer().
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The newest code-server whose `engines.node` allows Node 20; it carries VS Code 1.100.3. */
export const CODE_SERVER_VERSION = '4.100.3';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const INSTALL_DIR = path.join(ROOT, '.vscode-test', 'code-server');
const MARKER = path.join(INSTALL_DIR, `.installed-${CODE_SERVER_VERSION}`);
const PACKAGE_DIR = path.join(INSTALL_DIR, 'node_modules', 'code-server');
const VSCODE_DIR = path.join(PACKAGE_DIR, 'lib', 'vscode');

/** The file to start with `node`. */
export function codeServerEntry() {
  return path.join(PACKAGE_DIR, 'out', 'node', 'entry.js');
}

function log(message) {
  console.log(`[code-server install] ${message}`);
}

/** Runs a command, inheriting stdio; throws on failure unless `optional`. */
function run(command, args, cwd, { optional = false, env = {} } = {}) {
  log(`${path.relative(ROOT, cwd) || '.'}$ ${command} ${args.join(' ')}`);
  const r = spawnSync(command, args, { cwd, stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) {
    const why = r.error ? r.error.message : `exit code ${r.status ?? r.signal}`;
    if (optional) {
      log(`(optional step failed: ${why}; going on)`);
      return false;
    }
    throw new Error(`${command} ${args.join(' ')} failed in ${cwd}: ${why}`);
  }
  return true;
}

/** A program on PATH, or null. */
function which(name) {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const candidate = path.join(dir, name);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return null;
}

/** The node-gyp that npm carries (npm passes it to scripts; otherwise next to the npm on PATH). */
function nodeGyp() {
  const candidates = [];
  if (process.env.npm_config_node_gyp) candidates.push(process.env.npm_config_node_gyp);
  const npmCli = process.env.npm_execpath;
  if (npmCli) candidates.push(path.join(path.dirname(npmCli), '..', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'));
  const npmBin = which('npm');
  if (npmBin) {
    const real = fs.realpathSync(npmBin);
    candidates.push(path.join(path.dirname(real), '..', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'));
  }
  return candidates.find((c) => fs.existsSync(c)) ?? null;
}

/**
 * Node's C headers for native builds, so that node-gyp never downloads them: npm's `nodedir`
 * setting, else the include folder beside this node binary. Null when there are none.
 */
function nodeHeadersDir() {
  const configured = process.env.npm_config_nodedir
    ?? spawnSync('npm', ['config', 'get', 'nodedir'], { encoding: 'utf8' }).stdout?.trim();
  const candidates = [configured, path.resolve(path.dirname(process.execPath), '..')].filter((d) => d && d !== 'undefined' && d !== 'null');
  return candidates.find((d) => fs.existsSync(path.join(d, 'include', 'node', 'node_api.h'))) ?? null;
}

/** Replaces `link` with a symbolic link to `target`. */
function symlink(target, link) {
  fs.mkdirSync(path.dirname(link), { recursive: true });
  fs.rmSync(link, { force: true, recursive: true });
  fs.symlinkSync(target, link);
}

export function isInstalled() {
  return fs.existsSync(MARKER) && fs.existsSync(codeServerEntry());
}

/** Installs code-server unless the marker says it is there. Returns the entry script. */
export function ensureCodeServer({ force = false } = {}) {
  if (!force && isInstalled()) return codeServerEntry();
  const rg = which('rg');
  if (!rg) throw new Error('ripgrep (`rg`) is not on PATH: apt-get install -y ripgrep');
  const started = Date.now();
  log(`installing code-server@${CODE_SERVER_VERSION} into ${path.relative(ROOT, INSTALL_DIR)}`);
  fs.rmSync(INSTALL_DIR, { recursive: true, force: true });
  fs.mkdirSync(INSTALL_DIR, { recursive: true });
  // A package of its own, so that npm does not walk up to the project's package.json.
  fs.writeFileSync(path.join(INSTALL_DIR, 'package.json'), `${JSON.stringify({ name: 'kamervraag-code-server', private: true }, null, 2)}\n`);
  const nodedir = nodeHeadersDir();
  if (!nodedir) throw new Error(`Node's headers (include/node/node_api.h) are not beside ${process.execPath} nor at npm's nodedir; native modules cannot be built without a download`);
  const quiet = ['--no-audit', '--no-fund', '--loglevel=error'];
  // No prebuilt binaries from GitHub and no header download: native modules are built here against local headers.
  const fromSource = { npm_config_build_from_source: 'true', npm_config_nodedir: nodedir };

  // 1. The package, without its install scripts.
  run('npm', ['install', '--ignore-scripts', ...quiet, `code-server@${CODE_SERVER_VERSION}`], INSTALL_DIR);
  // 2. argon2 is loaded at start-up (password hashing): built from source.
  run('npm', ['rebuild', 'argon2', '--build-from-source', ...quiet], INSTALL_DIR, { env: fromSource });
  // 3. VS Code's own dependencies, again without install scripts.
  run('npm', ['install', '--omit=dev', '--ignore-scripts', ...quiet], VSCODE_DIR);
  // The server looks for its modules in node_modules.asar, as in the desktop build.
  symlink('node_modules', path.join(VSCODE_DIR, 'node_modules.asar'));
  // Search (and the extension host's findFiles) uses ripgrep: Debian's instead of a download.
  symlink(rg, path.join(VSCODE_DIR, 'node_modules', '@vscode', 'ripgrep', 'bin', 'rg'));
  // The scripts code-server expects under names the package does not ship.
  symlink('code-linux.sh', path.join(VSCODE_DIR, 'bin', 'remote-cli', 'code-server'));
  symlink('browser-linux.sh', path.join(VSCODE_DIR, 'bin', 'helpers', 'browser.sh'));
  // 4. Optional native modules: the log writer and the watchdog (node-gyp through npm), the terminal.
  run('npm', ['rebuild', '@vscode/spdlog', 'native-watchdog', ...quiet], VSCODE_DIR, { optional: true, env: fromSource });
  const gyp = nodeGyp();
  // (Not `npm rebuild node-pty`: its postinstall script runs `npx`, which prompts.)
  if (gyp) run(process.execPath, [gyp, 'rebuild', `--nodedir=${nodedir}`], path.join(VSCODE_DIR, 'node_modules', 'node-pty'), { optional: true });
  else log('node-gyp not found: the integrated terminal will not work (the tests do not need it)');

  fs.writeFileSync(MARKER, `code-server ${CODE_SERVER_VERSION} installed ${new Date().toISOString()} in ${Math.round((Date.now() - started) / 1000)} s\n`);
  log(`done in ${Math.round((Date.now() - started) / 1000)} s`);
  return codeServerEntry();
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const force = process.argv.includes('--force');
  if (!force && isInstalled()) {
    log(`code-server ${CODE_SERVER_VERSION} is installed (${path.relative(ROOT, MARKER)})`);
  } else {
    try {
      ensureCodeServer({ force });
    } catch (err) {
      console.error(`[code-server install] ${err instanceof Error ? err.message : String(err)}`);
      process.exit(1);
    }
  }
}
