#!/usr/bin/env node
// A stand-in for the VS Code executable that @vscode/test-electron starts:
// runs an extension's integration tests in the real VS Code of code-server
// (server, web workbench, Node extension host), with Debian's Chromium driven
// headless by playwright-core. Nothing is downloaded.
//
//   code-server-launcher.mjs [WORKSPACE] --extensionDevelopmentPath=DIR --extensionTestsPath=FILE [other VS Code flags]
//
// Takes the arguments test-electron passes to VS Code: the workspace as the
// first positional argument, --extensionDevelopmentPath and
// --extensionTestsPath (`--flag=value` or `--flag value`); every other flag
// (--no-sandbox, --disable-extensions, --user-data-dir, …) is ignored, since
// each run gets a fresh profile in a temporary folder. Prints the test run's
// output and exits with its exit code.
//
// Screenshots: a line `[screenshot] NAME` printed by the test run makes the
// launcher wait a moment for the workbench to settle and write
// SCREENSHOTS/NAME.png; the suite learns SCREENSHOTS from the environment
// variable EDITOR_TEST_SCREENSHOTS and waits for the file.
//
// The workbench's DOM, for what the extension API cannot see (tree rows,
// webview content): a line `[dom] NAME SELECTOR` writes SCREENSHOTS/NAME.json,
// the elements matching the CSS selector in every frame (webviews included),
// each as { text, aria, icons, classes, box } (box: x, y, width, height in
// pixels within its frame); `[click] NAME SELECTOR` clicks the first
// match and writes { clicked, text }; `[hover] NAME SELECTOR` moves the mouse
// over it instead (tooltips); `[drag] NAME DX SELECTOR` drags the leftmost
// match DX pixels to the right (a sash). All after the same settling pause.
//
// Environment:
//   EDITOR_TEST_SCREENSHOTS  folder for the PNGs (default .vscode-test/screenshots)
//   EDITOR_TEST_LOGS         folder for server.log and browser.log (default .vscode-test/logs)
//   EDITOR_TEST_TIMEOUT      seconds for the whole run (default 600)
//   EDITOR_TEST_CHROMIUM     the browser (default /usr/bin/chromium)
//   EDITOR_TEST_KEEP=1       keep the temporary profile folder
//   EDITOR_TEST_RESTRICTED=1 run in restricted mode: workspace trust on, the folder untrusted
//   EDITOR_TEST_WEB=1        run the extension in the web worker extension host (its `browser`
//                            entry) rather than the Node one; KAMERVRAAG_TODAY goes to the user
//                            setting `kamervraag.testing.today`, since a worker has no environment
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { clearTimeout, setTimeout } from 'node:timers';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath, URLSearchParams } from 'node:url';
import { format } from 'node:util';
import { ensureCodeServer } from './install-code-server.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const SCREENSHOTS = path.resolve(process.env.EDITOR_TEST_SCREENSHOTS || path.join(ROOT, '.vscode-test', 'screenshots'));
const LOGS = path.resolve(process.env.EDITOR_TEST_LOGS || path.join(ROOT, '.vscode-test', 'logs'));
const TIMEOUT_MS = Number(process.env.EDITOR_TEST_TIMEOUT || 600) * 1000;
const CHROMIUM = process.env.EDITOR_TEST_CHROMIUM || '/usr/bin/chromium';
const RESTRICTED = process.env.EDITOR_TEST_RESTRICTED === '1';
const WEB = process.env.EDITOR_TEST_WEB === '1';
const SETTLE_MS = 1200;
/** The extension under test, `publisher.name` of its manifest. */
const EXTENSION_ID = (() => {
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  return `${manifest.publisher}.${manifest.name}`;
})();
const VIEWPORT = { width: 1400, height: 900 };

const say = (message) => console.log(`[launcher] ${message}`);

/** Workbench chatter that reaches codeAutomationLog too; kept in browser.log only. */
const NOISE = /^(Resolving connection token|Resolved connection token|Creating a socket|Ignoring fetching additional builtin extensions|Updating additional builtin extensions cache|\[Service Worker\]|ChatSessionStore:)/;

/** The VS Code command line as test-electron passes it. */
export function parseArgs(argv) {
  const out = { workspace: undefined, extensionDevelopmentPath: undefined, extensionTestsPath: undefined };
  const wanted = new Set(['extensionDevelopmentPath', 'extensionTestsPath']);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const m = /^--([^=]+)(?:=(.*))?$/s.exec(arg);
    if (m) {
      if (wanted.has(m[1])) {
        const value = m[2] ?? argv[++i];
        // Several development paths may be given; the first is the extension under test.
        if (m[1] === 'extensionTestsPath' || out.extensionDevelopmentPath === undefined) out[m[1]] = value;
      }
      continue;
    }
    if (out.workspace === undefined) out.workspace = arg;
  }
  return out;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** The profile of one run: settings that keep the workbench quiet and offline. */
function writeProfile(tmp) {
  const dirs = {
    user: path.join(tmp, 'user'),
    exts: path.join(tmp, 'exts'),
    config: path.join(tmp, 'xdg-config'),
    data: path.join(tmp, 'xdg-data'),
    cache: path.join(tmp, 'xdg-cache'),
    tmp: path.join(tmp, 'tmp'),
    browser: path.join(tmp, 'browser'),
  };
  for (const d of Object.values(dirs)) fs.mkdirSync(d, { recursive: true });
  fs.mkdirSync(path.join(dirs.user, 'User'), { recursive: true });
  const settings = {
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'workbench.welcomePage.walkthroughs.openOnInstall': false,
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    'chat.commandCenter.enabled': false,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'extensions.ignoreRecommendations': true,
    // EDITOR_TEST_RESTRICTED=1: workspace trust on and the folder untrusted (restricted mode), without the prompt.
    'security.workspace.trust.enabled': RESTRICTED,
    'security.workspace.trust.startupPrompt': 'never',
    'security.workspace.trust.banner': 'never',
    'security.workspace.trust.untrustedFiles': 'open',
    'git.enabled': false,
    'git.autoRepositoryDetection': false,
    'npm.autoDetect': 'off',
    'files.autoSave': 'off',
    // Long paragraphs readable in the screenshots (positions are unaffected).
    'editor.wordWrap': 'on',
  };
  if (WEB) {
    // An extension with both `main` and `browser` runs in the Node extension host unless the user
    // moves it; code-server 4.100.3 honours neither the manifest's `extensionKind` nor the
    // `extensionDevelopmentKind` payload for a development extension, but it does this setting.
    settings['remote.extensionKind'] = { [EXTENSION_ID]: ['web'] };
    if (process.env.KAMERVRAAG_TODAY) settings['kamervraag.testing.today'] = process.env.KAMERVRAAG_TODAY;
  }
  fs.writeFileSync(path.join(dirs.user, 'User', 'settings.json'), `${JSON.stringify(settings, null, 2)}\n`);
  fs.writeFileSync(path.join(tmp, 'config.yaml'), 'bind-addr: 127.0.0.1:0\nauth: none\ncert: false\n');
  return dirs;
}

/** Starts code-server; resolves when it listens. */
function startServer(entry, port, tmp, dirs, serverLog) {
  const args = [
    entry,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    ...(RESTRICTED ? [] : ['--disable-workspace-trust']),
    '--disable-getting-started-override',
    '--user-data-dir', dirs.user,
    '--extensions-dir', dirs.exts,
    '--config', path.join(tmp, 'config.yaml'),
  ];
  const env = {
    ...process.env,
    XDG_CONFIG_HOME: dirs.config,
    XDG_DATA_HOME: dirs.data,
    XDG_CACHE_HOME: dirs.cache,
    TMPDIR: dirs.tmp,
    // No extension gallery: nothing is fetched from Open VSX.
    EXTENSIONS_GALLERY: '{}',
    EDITOR_TEST_SCREENSHOTS: SCREENSHOTS,
  };
  // Its own process group, so that the server and its extension hosts end together.
  const child = spawn(process.execPath, args, { env, cwd: tmp, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const ready = new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`code-server did not start within 60 s; see ${serverLog.path}`)), 60_000);
    const onData = (chunk) => {
      serverLog.write(chunk);
      if (seen !== null) {
        seen = (seen + chunk.toString()).slice(-4096);
        if (seen.includes('HTTP server listening')) {
          seen = null;
          clearTimeout(timer);
          resolve();
        }
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`code-server exited (${code ?? signal}) before it listened; see ${serverLog.path}`));
    });
  });
  return { child, ready };
}

/** Ends the server's process group: TERM, then KILL after a grace period. */
async function stopServer(child) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    return;
  }
  const done = await Promise.race([exited.then(() => true), sleep(5000).then(() => false)]);
  if (!done) {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}

/** Writes a PNG atomically, so that a waiting suite never reads half a file. */
async function screenshot(page, name) {
  const safe = name.replace(/[^A-Za-z0-9._-]/g, '_');
  const file = path.join(SCREENSHOTS, `${safe}.png`);
  const buffer = await page.screenshot({ type: 'png' });
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  fs.writeFileSync(`${file}.tmp`, buffer);
  fs.renameSync(`${file}.tmp`, file);
  say(`screenshot ${path.relative(process.cwd(), file)}`);
  return file;
}

/** Writes a JSON file atomically (see `screenshot`). */
function writeJson(name, value) {
  const file = path.join(SCREENSHOTS, `${name.replace(/[^A-Za-z0-9._-]/g, '_')}.json`);
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  fs.writeFileSync(`${file}.tmp`, JSON.stringify(value, null, 2));
  fs.renameSync(`${file}.tmp`, file);
}

/** The elements matching `selector` in every frame of the page: the workbench and its webviews. */
async function queryDom(page, selector) {
  const out = [];
  for (const frame of page.frames()) {
    const found = await frame
      .$$eval(selector, (els) =>
        els.map((el) => ({
          text: (el.textContent ?? '').replace(/\s+/g, ' ').trim(),
          aria: el.getAttribute('aria-label'),
          icons: [...el.querySelectorAll('[class*="codicon-"]')].flatMap((c) => [...c.classList].filter((k) => k.startsWith('codicon-'))),
          classes: [...el.classList],
          box: (({ x, y, width, height }) => ({ x: Math.round(x), y: Math.round(y), width: Math.round(width), height: Math.round(height) }))(el.getBoundingClientRect()),
        })),
      )
      .catch(() => []);
    out.push(...found);
  }
  return out;
}

/** Clicks (or hovers over) the first element matching `selector` in any frame. */
async function clickDom(page, selector, hover = false) {
  for (const frame of page.frames()) {
    const el = await frame.$(selector).catch(() => null);
    if (!el) continue;
    const text = ((await el.textContent().catch(() => '')) ?? '').replace(/\s+/g, ' ').trim();
    if (hover) await el.hover({ timeout: 10_000 });
    else await el.click({ timeout: 10_000 });
    return { clicked: true, text };
  }
  return { clicked: false, text: null };
}

/** Drags the leftmost visible element matching `selector` in the page by `dx` pixels, with the mouse. */
async function dragDom(page, selector, dx) {
  const boxes = [];
  for (const el of await page.$$(selector)) {
    const box = await el.boundingBox();
    if (box && box.width > 0 && box.height > 0) boxes.push(box);
  }
  boxes.sort((a, b) => a.x - b.x);
  for (const box of boxes.slice(0, 1)) {
    const x = box.x + box.width / 2;
    const y = box.y + box.height / 2;
    await page.mouse.move(x, y);
    await page.mouse.down();
    await page.mouse.move(x + dx, y, { steps: 8 });
    await page.mouse.up();
    return { clicked: true, text: null, x };
  }
  return { clicked: false, text: null };
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (!opts.extensionDevelopmentPath || !opts.extensionTestsPath) {
    console.error('usage: code-server-launcher.mjs [WORKSPACE] --extensionDevelopmentPath=DIR --extensionTestsPath=FILE');
    return 2;
  }
  const devPath = path.resolve(opts.extensionDevelopmentPath);
  const testsPath = path.resolve(opts.extensionTestsPath);
  const workspace = opts.workspace ? path.resolve(opts.workspace) : undefined;

  const entry = ensureCodeServer();
  const { chromium } = await import('playwright-core');
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium (or set EDITOR_TEST_CHROMIUM)`);

  fs.rmSync(path.join(SCREENSHOTS, 'failure.png'), { force: true });
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'editor-test-'));
  const dirs = writeProfile(tmp);
  fs.mkdirSync(LOGS, { recursive: true });
  const serverLog = fs.createWriteStream(path.join(LOGS, 'server.log'));
  const browserLog = fs.createWriteStream(path.join(LOGS, 'browser.log'));
  let server;
  let browser;
  let interrupted = false;
  const onSignal = (signal) => {
    interrupted = true;
    say(`${signal}: stopping`);
    void cleanup().then(() => process.exit(130));
  };
  // Once, whether the run ends or a signal ends it; both wait for it.
  let cleaning;
  const cleanup = () => (cleaning ??= stopAll());
  const stopAll = async () => {
    await browser?.close().catch(() => undefined);
    await stopServer(server?.child);
    serverLog.end();
    browserLog.end();
    if (process.env.EDITOR_TEST_KEEP === '1') say(`kept ${tmp}`);
    else fs.rmSync(tmp, { recursive: true, force: true, maxRetries: 3 });
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  process.once('SIGHUP', onSignal);

  try {
    const port = await freePort();
    const t0 = Date.now();
    server = startServer(entry, port, tmp, dirs, serverLog);
    await server.ready;
    say(`code-server listening on 127.0.0.1:${port} (${Date.now() - t0} ms)`);
    let finished = false;
    const serverDied = new Promise((resolve) => server.child.once('exit', (code, signal) => {
      if (finished || interrupted) return;
      say(`code-server exited early (${code ?? signal}); see ${path.join(LOGS, 'server.log')}`);
      resolve(98);
    }));

    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      // The launcher's own signal handlers close the browser and then stop code-server.
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
      // Chromium's crash reports and dconf cache go to the run's folder too, not to $HOME.
      env: { ...process.env, XDG_CONFIG_HOME: dirs.config, XDG_CACHE_HOME: dirs.cache, XDG_DATA_HOME: dirs.data, TMPDIR: dirs.tmp },
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
    const page = await context.newPage();

    let resolveExit;
    const exitCode = new Promise((resolve) => (resolveExit = resolve));
    // Screenshots are taken one after another, in the order asked.
    let shots = Promise.resolve();
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      browserLog.write(`[automation ${type}] ${JSON.stringify(args)}\n`);
      const parts = Array.isArray(args) ? args : [args];
      // The extension host's console arguments, printf-style as mocha's reporters write them.
      const text = format(...parts);
      const m = /^\[screenshot\] ([\w.-]+)\s*$/.exec(text);
      if (m) {
        shots = shots.then(async () => {
          await sleep(SETTLE_MS);
          await screenshot(page, m[1]);
        }).catch((err) => say(`screenshot ${m[1]} failed: ${err.message}`));
        return;
      }
      const dom = /^\[(dom|click|hover|drag)\] ([\w.-]+) (.+)$/s.exec(text);
      if (dom) {
        const [, verb, name, rest] = dom;
        shots = shots.then(async () => {
          await sleep(SETTLE_MS);
          if (verb === 'drag') {
            const m = /^(-?\d+) (.+)$/s.exec(rest);
            const [dx, selector] = m ? [m[1], m[2]] : ['0', rest];
            writeJson(name, await dragDom(page, selector, Number(dx)));
            return;
          }
          const selector = rest;
          writeJson(name, verb === 'dom' ? await queryDom(page, selector) : await clickDom(page, selector, verb === 'hover'));
        }).catch((err) => {
          say(`${verb} ${name} failed: ${err.message}`);
          writeJson(name, { error: err.message });
        });
        return;
      }
      if (NOISE.test(text)) return;
      const stream = type === 'error' || type === 'warn' ? process.stderr : process.stdout;
      stream.write(`${text}\n`);
    });
    await page.exposeFunction('codeAutomationExit', (code) => {
      resolveExit(typeof code === 'number' ? code : Number(code) || 0);
    });
    page.on('console', (msg) => browserLog.write(`[${msg.type()}] ${msg.text()}\n`));
    page.on('pageerror', (err) => browserLog.write(`[pageerror] ${err.stack ?? err.message}\n`));
    page.on('crash', () => resolveExit(97));

    const authority = `127.0.0.1:${port}`;
    const payload = [
      ['extensionDevelopmentPath', `vscode-remote://${authority}${devPath}`],
      ['extensionTestsPath', `vscode-remote://${authority}${testsPath}`],
      ['skipWelcome', 'true'],
      ['skipReleaseNotes', 'true'],
    ];
    const query = new URLSearchParams();
    if (workspace) query.set('folder', workspace);
    query.set('payload', JSON.stringify(payload));
    const url = `http://${authority}/?${query.toString()}`;
    say(`opening the workbench: ${workspace ?? '(no folder)'}`);
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });

    let timer;
    const timedOut = new Promise((resolve) => {
      timer = setTimeout(() => {
        say(`no result within ${TIMEOUT_MS / 1000} s`);
        resolve(99);
      }, TIMEOUT_MS);
    });
    const code = await Promise.race([exitCode, serverDied, timedOut]);
    finished = true;
    clearTimeout(timer);
    await shots;
    if (code !== 0 && !interrupted) {
      await screenshot(page, 'failure').catch(() => undefined);
      say(`logs: ${path.join(LOGS, 'server.log')}, ${path.join(LOGS, 'browser.log')}`);
    }
    say(`test run exit code ${code} (${Math.round((Date.now() - t0) / 100) / 10} s)`);
    return code;
  } finally {
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
    process.removeListener('SIGHUP', onSignal);
    await cleanup();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().then(
    (code) => process.exit(code),
    (err) => {
      console.error(`[launcher] ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
      process.exit(1);
    },
  );
}
